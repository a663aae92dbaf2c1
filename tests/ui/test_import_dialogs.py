"""Issue 18, import from the window: the exchange file's preview (counts, every refusal with
its position, Import disabled while there are refusals) and the CSV dialog's mapping, preview
and import, all through the widgets and off the GUI thread (`Desk.change`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QFileDialog

from renewdesk.ui.dialogs.csv_import import CsvImportDialog, ask_import_csv
from renewdesk.ui.dialogs.import_file import ImportFileDialog, ask_import_file
from tests.conftest import EXAMPLE, REPO, World
from tests.ui.conftest import desk_app, finished, lone_desk


def shown(kind: type) -> Any:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_import_file_dialog_previews_every_refusal_and_imports_a_clean_file(
        qtbot: Any, world: World, tmp_path: Path, monkeypatch: Any) -> None:
    desk = lone_desk(desk_app(world, "2026-11-01"))
    data = json.loads(EXAMPLE.read_text())
    data["customers"][0]["email"] = "nope"
    data["services"][3]["period_months"] = 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    ask_import_file(desk, None)
    dialog = shown(ImportFileDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.panel.refusals.count() >= 2, timeout=10_000)
    texts = [dialog.panel.refusals.item(i).text() for i in range(dialog.panel.refusals.count())]
    assert any(t.startswith("customers[0].email: 'nope'") for t in texts)
    assert any(t.startswith("services[3].period_months") for t in texts)
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert world.export()["customers"] == []

    ask_import_file(desk, None, EXAMPLE)
    dialog = shown(ImportFileDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert dialog.panel.counts.rowCount() >= 4 and dialog.panel.refusals.count() == 0
    dialog.import_button.click()
    finished(qtbot, desk)
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    assert len(world.export()["customers"]) == 3


def test_csv_dialog_maps_columns_previews_and_imports_and_remembers_the_mapping(
        qtbot: Any, world: World, tmp_path: Path) -> None:
    desk = lone_desk(desk_app(world, "2026-11-01"))
    path = tmp_path / "clients.csv"
    path.write_bytes("Réf;Nom complet;Courriel;Adresse\nC1;Zoé;z@ex.fr;1 rue\nC2;Luc;nope;2 rue\n"
                     .encode("cp1252"))
    ask_import_csv(desk, None, path)
    dialog = shown(CsvImportDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.header == ("Réf", "Nom complet", "Courriel", "Adresse"),
                    timeout=10_000)
    assert dialog.encoding.currentData() == "cp1252" and dialog.delimiter.currentData() == ";"
    for name, column in (("ref", "Réf"), ("name", "Nom complet"), ("email", "Courriel"),
                         ("address", "Adresse")):
        combo = dialog.combos[name]
        combo.setCurrentIndex(combo.findText(column))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.panel.refusals.count() == 1, timeout=10_000)
    assert dialog.panel.refusals.item(0).text().startswith("row 3, column 'Courriel': 'nope'")
    assert not dialog.import_button.isEnabled()

    path.write_bytes("Réf;Nom complet;Courriel;Adresse\nC1;Zoé;z@ex.fr;1 rue\n".encode("cp1252"))
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    assert [c["name"] for c in world.export()["customers"]] == ["Zoé"]

    ask_import_csv(desk, None, path)  # the mapping is remembered for customers
    again = shown(CsvImportDialog)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: bool(again.header), timeout=10_000)
    assert again.combos["email"].currentText() == "Courriel"
    again.reject()


def test_csv_dialog_offers_the_shipped_whmcs_mapping(qtbot: Any, world: World) -> None:
    desk = lone_desk(desk_app(world, "2026-11-01"))
    ask_import_csv(desk, None, REPO / "tests" / "data" / "whmcs" / "clients.csv")
    dialog = shown(CsvImportDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.header), timeout=10_000)
    dialog.start_from.setCurrentIndex(dialog.start_from.findData("whmcs_clients"))
    dialog.start_from.activated.emit(dialog.start_from.currentIndex())
    assert dialog.combos["name"].currentText() == "firstname + lastname"
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert "3 created" in dialog.panel.summary.text()
    dialog.reject()
