"""Screenshots of Settings > Payments and of the main window's mode badge (issue 19), on demo
data, in French and English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_payments.py [--out DIR]

Writes docs/screenshots/<language>-settings-payments.png (Stripe chosen, the connection tested),
<language>-settings-payments-live.png (a live key's answer), <language>-main-window-stripe.png
(the window in Stripe test mode) and <language>-mode-badges.png (the status bar in each mode).
No network: Stripe's answers are shown as the tab shows them, the processors made offline.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from renewdesk.app import App, open_app
from renewdesk.domain.errors import InputError
from renewdesk.payments.choice import ProcessorNotReady
from renewdesk.payments.processor import Processor
from renewdesk.payments.stripe_gateway import StripeProcessor
from renewdesk.services import demo
from renewdesk.services.payments_setting import PaymentsState, StripeAccount
from renewdesk.services.run_due import run_due
from renewdesk.services.window import user_settings
from renewdesk.ui import i18n
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.launch import application
from renewdesk.ui.main_window import MainWindow

TODAY = "2026-12-10"


def settle(seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    settle(0.3)
    widget.grab().save(str(path))
    print(path)


def payments_dialog(window: MainWindow, app: App, account: StripeAccount) -> SettingsDialog:
    dialog = SettingsDialog(window.desk, app.env, user_settings(app.context()), window)
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentWidget(dialog.payments)
    tab = dialog.payments
    tab.processor.setCurrentIndex(tab.processor.findData("stripe"))
    tab.key.setText("sk_test_not_a_real_key_0000000000")
    dialog.show()
    settle()  # the saved state, read off the GUI thread, has arrived
    tab.show_state(PaymentsState("stripe", None, "keyring"))
    tab.show_account(account)
    return dialog


def badges(window: MainWindow, app: App, processors: list[Processor], path: Path) -> None:
    """The status bar in each mode, one under the other."""
    shots = []
    for processor in processors:
        app.processor = processor
        window.show_mode()
        settle(0.2)
        shots.append(window.statusBar().grab().toImage())
    width = max(s.width() for s in shots)
    image = QImage(width, sum(s.height() for s in shots), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    y = 0
    for shot in shots:
        painter.drawImage(width - shot.width(), y, shot)
        y += shot.height()
    painter.end()
    image.save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" /
                                             "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    qt = application()
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        env = {"RENEWDESK_LOG_DIR": folder, "RENEWDESK_CONFIG_DIR": folder}
        app = open_app(str(Path(folder) / "demo.db"), TODAY, env=env)
        demo.fill(app.context("demo"), 40)
        run_due(app.context("demo"))
        sandbox = app.processor
        test = StripeProcessor("sk_test_not_a_real_key_0000000000")
        live = StripeProcessor("sk_live_not_a_real_key_0000000000")
        missing = ProcessorNotReady(InputError("stripe_key_unreadable"))
        for language in ("en", "fr"):
            app.processor = sandbox
            window = MainWindow(app, i18n.install(language))
            window.resize(1280, 720)
            window.show()
            badges(window, app, [sandbox, test, live, missing],
                   out / f"{language}-mode-badges.png")
            app.processor = test
            window.show_mode()
            shoot(window, out / f"{language}-main-window-stripe.png")
            for name, account in (("settings-payments", StripeAccount("Hébergement Dupont",
                                                                      False)),
                                  ("settings-payments-live", StripeAccount("Hébergement Dupont",
                                                                           True))):
                dialog = payments_dialog(window, app, account)
                shoot(dialog, out / f"{language}-{name}.png")
                dialog.close()
            window.close()
        app.close()
    qt.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
