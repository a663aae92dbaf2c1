"""Screenshots of the first-run assistant's pages and of Help > About, in English and French.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/assistant_screenshots.py [--out DIR]
        [--languages en fr]

Writes <out>/<language>-first-run-{seller,processor,mail,data}.png and <language>-about.png
(default out: docs/screenshots). The assistant is shown on an empty database, with a seller
typed in (nothing is saved: the pages are passed with Skip); About on the same database.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from renewdesk.app import open_app
from renewdesk.services.first_run import first_run_state
from renewdesk.ui import i18n
from renewdesk.ui.dialogs.about import AboutDialog
from renewdesk.ui.dialogs.first_run import FirstRunWizard
from renewdesk.ui.launch import application
from renewdesk.ui.main_window import MainWindow

TODAY = "2026-12-10"
SELLER = {"seller_name": "Atelier Lumière SARL", "seller_address": "8 rue Mercière\n69002 Lyon",
          "seller_siren": "732 829 320", "seller_vat_number": "FR44732829320",
          "seller_email": "claire@atelier-lumiere.fr"}


def _wait(done: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def assistant(window: MainWindow, language: str, out: Path) -> None:
    desk = window.desk
    wizard = FirstRunWizard(desk, first_run_state(desk.context()), window)
    for name, value in SELLER.items():
        widget = wizard.seller.tab.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
    wizard.seller.tab.validate()
    wizard.show()
    shoot(wizard, out / f"{language}-first-run-seller.png")
    wizard.skip()
    _wait(lambda: wizard.processor.tab.key_state.text() != wizard.processor.tab.tr("Reading…"))
    shoot(wizard, out / f"{language}-first-run-processor.png")
    wizard.skip()
    mail = wizard.mail
    mail.host.setText("smtp.atelier-lumiere.fr")
    mail.port.setValue(587)
    mail.from_address.setText("factures@atelier-lumiere.fr")
    mail.starttls.setChecked(True)
    mail._answered("")  # as after "Send a test message" went through
    shoot(wizard, out / f"{language}-first-run-mail.png")
    wizard.skip()
    wizard.data.demo.setChecked(True)
    shoot(wizard, out / f"{language}-first-run-data.png")
    wizard.done(0)  # not Finish later: it would ask about the seller typed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" /
                                             "screenshots"))
    parser.add_argument("--languages", nargs="*", default=["en", "fr"])
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = open_app(str(Path(folder) / "renewdesk.db"), TODAY,
                       env={"RENEWDESK_LOG_DIR": folder, "RENEWDESK_CONFIG_DIR": folder})
        for language in args.languages:
            window = MainWindow(app, i18n.install(language))
            window.resize(1280, 720)
            window.show()
            assistant(window, language, out)
            about = AboutDialog(app, window)
            shoot(about, out / f"{language}-about.png")
            about.close()
            window.close()
        app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
