"""Screenshots of the import dialogs (issue 18) in French and English: the exchange file's
preview with refusals, and the CSV dialog with its columns mapped and previewed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/import_screenshots.py [--out DIR]

Kept beside `screenshots.py` (which shoots every other view and dialog), on a demo database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from renewdesk.app import open_app  # noqa: E402
from renewdesk.ui import i18n  # noqa: E402
from renewdesk.ui.desk import Desk  # noqa: E402
from renewdesk.ui.dialogs.csv_import import CsvImportDialog  # noqa: E402
from renewdesk.ui.dialogs.import_file import ImportFileDialog  # noqa: E402
from renewdesk.ui.launch import application  # noqa: E402
from renewdesk.ui.operations import Operations, Reader  # noqa: E402

EXAMPLE = ROOT.parent / "shared" / "spec" / "portfolio.example.json"


def until(test: object, desk: Desk) -> None:
    for _ in range(2000):
        QApplication.processEvents()
        if callable(test) and test() and not desk.operations.busy:
            break
        desk.operations.wait(5)
    for _ in range(5):
        QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    qt = application()
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = open_app(str(Path(folder) / "demo.db"), "2026-11-01",
                       env={"RENEWDESK_LOG_DIR": folder})
        data = json.loads(EXAMPLE.read_text())
        data["customers"][0]["email"] = "jean.dupont-at-example.fr"
        data["services"][3]["period_months"] = 0
        bad = Path(folder) / "portfolio.json"
        bad.write_text(json.dumps(data))
        clients = Path(folder) / "clients.csv"
        clients.write_bytes(
            "Réf;Nom;Courriel;Adresse;Langue\nC-001;Hélène Côté;helene@exemple.fr;"
            "12 rue des Lilas, Lyon;fr\nC-002;Luc Martin;luc.martin;3 place Bellecour, Lyon;fr\n"
            "C-003;Ana Silva;ana@silva.example;Rua Augusta 10, Lisboa;pt\n".encode("cp1252"))
        for language in ("en", "fr"):
            desk = Desk(app, Operations(), lambda: None, lambda _r: None, lambda _t: None,
                        Reader(), i18n.install(language))
            dialog = ImportFileDialog(desk, bad)
            dialog.resize(760, 520)
            dialog.show()
            dialog.start()
            until(lambda d=dialog: d.panel.refusals.count() > 0, desk)
            dialog.grab().save(str(out / f"{language}-import-preview.png"))
            dialog.close()
            csv_dialog = CsvImportDialog(desk, clients)
            csv_dialog.show()
            csv_dialog.read_header()
            until(lambda d=csv_dialog: bool(d.header), desk)
            for name, column in (("ref", "Réf"), ("name", "Nom"), ("email", "Courriel"),
                                 ("address", "Adresse"), ("language", "Langue")):
                combo = csv_dialog.combos[name]
                combo.setCurrentIndex(combo.findText(column))
            csv_dialog.preview()
            until(lambda d=csv_dialog: d.panel.refusals.count() > 0, desk)
            csv_dialog.grab().save(str(out / f"{language}-csv-import.png"))
            csv_dialog.close()
            print(language, "done")
        app.close()
    qt.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
