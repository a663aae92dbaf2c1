"""Screenshots of the home page (HM-1): what needs the account manager, last night in figures
and the three charts, in English and French, on a demo portfolio with four months of history.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/home_screenshots.py [--out DIR]

Writes docs/screenshots/<language>-home.png (the whole window) and <language>-home-charts.png
(the charts alone). The portfolio is the demo's, filled 120 days before the day shown, then run
every day up to it: payments collected, failures retried, recovered or lost, as they come.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

from renewdesk.app import open_app
from renewdesk.services import demo
from renewdesk.services.context import Clock
from renewdesk.services.run_due import run_due
from renewdesk.ui import i18n
from renewdesk.ui.launch import application
from renewdesk.ui.main_window import MainWindow

TODAY = "2026-12-10"
HISTORY_DAYS = 120


def _until(done: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():  # type: ignore[operator]
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" /
                                             "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = open_app(str(Path(folder) / "home.db"), TODAY, env={"RENEWDESK_LOG_DIR": folder})
        base = app.context("demo")
        day = date.fromisoformat(TODAY) - timedelta(days=HISTORY_DAYS)
        demo.fill(replace(base, clock=Clock(day, base.clock.now)), 60)
        while day <= date.fromisoformat(TODAY):
            run_due(replace(base, clock=Clock(day, base.clock.now)))
            day += timedelta(days=1)
        for language in ("en", "fr"):
            window = MainWindow(app, i18n.install(language))
            shown = {"charts": False}
            window.home.chartsShown.connect(lambda s=shown: s.__setitem__("charts", True))
            window.resize(1280, 800)
            window.show()
            _until(lambda s=shown: s["charts"])
            for _ in range(5):
                QApplication.processEvents()
            path = out / f"{language}-home.png"
            window.grab().save(str(path))
            print(path)
            home = window.home
            area = home.upcoming.geometry().united(home.collected.geometry())
            path = out / f"{language}-home-charts.png"
            home.grab(area.adjusted(-4, -4, 4, 4)).save(str(path))
            print(path)
            window.close()
        app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
