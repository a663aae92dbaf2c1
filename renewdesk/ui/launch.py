"""The main window's life: opened in the chosen language, built again when the language changes;
and the message when the database cannot be opened. What shows first is in startup.py."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from renewdesk.app import App
from renewdesk.services.home import Home
from renewdesk.ui import i18n
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.prefetch import Prefetch
from renewdesk.ui.startup import application

__all__ = ["Launcher", "application", "tell_startup_failure"]


class Launcher:
    """Keeps the one main window; a language change builds it again in the new language."""

    def __init__(self, app: App, home: Prefetch[Home] | None = None) -> None:
        self.app = app
        self.window: MainWindow | None = None
        self._home = home  # the home page's first read, started before the window

    def open(self) -> MainWindow:
        home, self._home = self._home, None  # only the first window: a new language reads anew
        self.window = MainWindow(self.app, i18n.install(i18n.chosen_language()), home=home)
        self.window.languageChanged.connect(self.relaunch)
        self.window.show()
        return self.window

    def offer_first_run(self) -> None:
        """Once the window is shown, on an empty database: the first-run assistant (the
        database is read off the GUI thread first; dialogs/first_run.py says what "empty" is).
        Not on a rebuild for a new language."""
        from renewdesk.ui.first_run_offer import offer  # only now: not before the first paint

        window = self.window
        if window is not None:
            offer(window.desk, window, automatic=True, opened=window.editing.first_run_opened)

    def relaunch(self, _language: str) -> None:
        old = self.window
        if old is not None and old.scheduler.running is not None:
            old.show_message(old.tr("The new language applies after the run"))
            return
        new = self.open()
        if old is not None:
            new.tabs.setCurrentIndex(old.tabs.currentIndex())
            old.close()
            old.deleteLater()


def tell_startup_failure(message: str, quit_after: float | None = None) -> None:
    """The database could not be opened (a team's server away, a wrong URL): someone who
    started the window from an icon sees no terminal, so the message is shown in a box too."""
    from PySide6.QtWidgets import QMessageBox

    application()
    i18n.install(i18n.chosen_language())
    box = QMessageBox(QMessageBox.Icon.Critical, "renewdesk", message)
    box.setInformativeText(i18n.translate(
        "Launch", "Check this computer's database (Settings > Database, or "
        "`renewdesk database`), or start with --db FILE_OR_URL."))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), box.accept)
    box.exec()
