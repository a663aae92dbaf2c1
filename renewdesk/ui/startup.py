"""The first thing on screen. The window's frame is shown in the main window's place before
the database, the models and SQLAlchemy are loaded (issue 6: shown within 2.5x the time of a bare
PySide6 window), saying what it waits for; the main window then takes its place. On a team's
server the connection can take seconds, and a person who started renewdesk from an icon sees it
start at once. If the database cannot be opened, the frame gives way to the reason.

Only Qt and the translations are imported here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from renewdesk import __version__
from renewdesk.ui import i18n

if TYPE_CHECKING:
    from renewdesk.app import App

translate = i18n.translate


def application(argv: Sequence[str] = ()) -> QApplication:
    qt = QApplication.instance()
    if not isinstance(qt, QApplication):
        qt = QApplication([sys.argv[0] if sys.argv else "renewdesk", *argv])
    qt.setOrganizationName("renewdesk")
    qt.setApplicationName("renewdesk")
    qt.setApplicationVersion(__version__)
    return qt


class StartupFrame(QMainWindow):
    """Where the main window will be (its remembered size and place), while it is built."""

    def __init__(self, then: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupFrame")
        self.setWindowTitle("renewdesk")
        self._then: Callable[[], None] | None = then
        message = QLabel(translate("Startup", "Opening the database…"))
        message.setObjectName("startupMessage")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(message)
        geometry = QSettings().value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        then, self._then = self._then, None
        if then is not None:  # on screen: now the slow part, from the event loop
            QTimer.singleShot(0, then)


def start(opening: Callable[[], App], quit_after: float | None, err: TextIO) -> int:
    """The window: the frame first, then `opening()` (the database) and the main window.
    Exit status as for commands: 2 for bad input (a wrong --today), 1 if the database cannot
    be opened."""
    qt = application()
    i18n.install(i18n.chosen_language())
    held: dict[str, Any] = {"status": 0}

    def build() -> None:
        from renewdesk.domain.errors import InputError
        from renewdesk.services.window import DatabaseUnavailable

        language = i18n.installed().code  # what the person reads, in their language (HM-3)
        try:
            app = opening()
        except InputError as error:
            err.write(f"renewdesk: {error.words(language)}\n")
            held["status"] = 2
            frame.close()
            qt.quit()
            return
        except DatabaseUnavailable as error:
            said = error.words(language)
            err.write(f"renewdesk: {said}\n")
            held["status"] = 1
            frame.close()
            from renewdesk.ui.launch import tell_startup_failure

            tell_startup_failure(said, quit_after)
            qt.quit()
            return
        held["home"] = _home_first(app)  # while the window's modules load (ui/prefetch.py)
        from renewdesk.ui.launch import Launcher

        held["app"] = app
        launcher = held["launcher"] = Launcher(app, held["home"])
        window = launcher.open()
        window.setFocus()
        frame.close()
        launcher.offer_first_run()
        if quit_after is not None:  # the bundle check: shown, then closed on its own
            QTimer.singleShot(int(quit_after * 1000), qt.closeAllWindows)

    frame = StartupFrame(build)
    frame.show()
    try:
        status = qt.exec()
    finally:
        if "home" in held:
            held["home"].wait(30)
        if "app" in held:
            held["app"].close()
    return int(held["status"]) or status


def _home_first(app: App) -> Any:
    """The home page's first read, started as soon as the database is open."""
    from renewdesk.services import home
    from renewdesk.ui.prefetch import Prefetch

    language = i18n.installed().code
    return Prefetch(lambda: home.home(app.context(delivery=False), language))
