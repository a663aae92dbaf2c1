"""Issue 18, import from the window: the exchange file's preview (counts, every refusal with
its position, Import disabled while there are refusals) and the CSV dialog's mapping, preview
and import, all through the widgets and off the GUI thread (`Desk.change`)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog

from renewdesk.services.exchange import csv_file
from renewdesk.ui.dialogs.csv_import import CsvImportDialog, ask_import_csv
from renewdesk.ui.dialogs.import_file import ImportFileDialog, ask_import_file
from renewdesk.ui.dialogs.record_form import field_label
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


WHMCS = REPO / "tests" / "data" / "whmcs"


def opened(qtbot: Any, desk: Any, path: Path) -> CsvImportDialog:
    ask_import_csv(desk, None, path)
    dialog = shown(CsvImportDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.header), timeout=10_000)
    return dialog


def choose(combo: Any, data: object) -> None:
    """As a person does: the item is picked, then `activated`."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_issue18_a_mapping_built_by_hand_is_kept_when_the_delimiter_or_encoding_changes(
        qtbot: Any, world: World, tmp_path: Path) -> None:
    """docs/csv-import.md: only a change of kind or of "Start from" replaces the columns chosen;
    another delimiter or encoding re-reads the header and keeps them, and their defaults."""
    desk = lone_desk(desk_app(world, "2026-11-01"))
    QSettings().setValue("csv_import/mapping_customers", json.dumps({"ref": "Courriel"}))
    path = tmp_path / "clients.csv"
    path.write_bytes("Réf;Nom complet;Courriel\nC1;Zoé;z@ex.fr\n".encode("cp1252"))
    dialog = opened(qtbot, desk, path)
    for name, column in (("ref", "Réf"), ("name", "Nom complet"), ("email", "Courriel")):
        dialog.combos[name].setCurrentIndex(dialog.combos[name].findText(column))
    dialog.defaults["language"].setText("fr")
    for combo, value in ((dialog.delimiter, ";"), (dialog.encoding, "cp1252")):
        dialog.header = ()
        choose(combo, value)
        qtbot.waitUntil(lambda: bool(dialog.header), timeout=10_000)
        assert [dialog.combos[n].currentText() for n in ("ref", "name", "email")] == [
            "Réf", "Nom complet", "Courriel"]
        assert dialog.defaults["language"].text() == "fr"
    choose(dialog.start_from, "last")  # "Start from" does replace them
    assert dialog.combos["ref"].currentText() == "Courriel"
    dialog.reject()


def test_issue18_fields_are_listed_in_the_forms_order_with_the_mapping_files_name(
        qtbot: Any, world: World) -> None:
    desk = lone_desk(desk_app(world, "2026-11-01"))
    dialog = opened(qtbot, desk, WHMCS / "clients.csv")
    form = dialog.fields_form
    labels = [form.itemAt(i, form.ItemRole.LabelRole).widget() for i in range(form.rowCount())]
    assert [x.toolTip() for x in labels][:6] == ["ref", "name", "email", "address", "language",
                                                "emails_enabled"]
    assert labels[0].text() == field_label("ref")
    dialog.kind.setCurrentIndex(dialog.kind.findData("services"))
    labels = [form.itemAt(i, form.ItemRole.LabelRole).widget() for i in range(form.rowCount())]
    assert [x.toolTip() for x in labels] == [
        "ref", "customer", "kind", "label", "billing", "currency", "price", "period_months",
        "unit_price", "vat_rate", "expires_on", "payment_method", "billing_contact",
        "auto_renew", "status"]
    dialog.reject()


def test_issue18_the_whmcs_default_currency_is_shown_editable_and_remembered(
        qtbot: Any, world: World) -> None:
    """docs/csv-import.md `defaults`: a mapping's defaults show beside their field, can be
    changed, are imported and are saved with the remembered mapping."""
    desk = lone_desk(desk_app(world, "2026-11-01"))
    dialog = opened(qtbot, desk, WHMCS / "clients.csv")
    choose(dialog.start_from, "whmcs_clients")
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    dialog = opened(qtbot, desk, WHMCS / "products.csv")
    dialog.kind.setCurrentIndex(dialog.kind.findData("services"))
    choose(dialog.start_from, "whmcs_products")
    assert dialog.defaults["currency"].text() == "EUR"
    assert dialog.defaults["billing"].text() == "period"
    dialog.defaults["currency"].setText("CHF")
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    assert {s["currency"] for s in world.export()["services"]} == {"CHF"}
    saved = json.loads(str(QSettings().value("csv_import/mapping_services")))
    assert saved["defaults"]["currency"] == "CHF" and "Monthly" in saved["values"][
        "period_months"]


def test_issue18_the_detected_decimal_mark_and_the_first_rows_as_imported_are_shown(
        qtbot: Any, world: World, tmp_path: Path) -> None:
    """docs/csv-import.md `decimal`: what was detected is shown beside "Detect", and the first
    rows show their amounts as the window shows money, so that a wrong mark is seen."""
    desk = lone_desk(desk_app(world, "2026-11-01"))
    world.load({"format": "renewdesk/1", "customers": [
        {"ref": "C0", "name": "A", "email": "a@b.fr"}]})
    path = tmp_path / "services.csv"
    path.write_bytes("ref;customer;kind;label;billing;currency;price;period_months;expires_on\n"
                     "S1;C0;web;Pack;period;EUR;12,00;12;31/12/2027\n"
                     "S2;C0;web;Pack;period;EUR;1 234,50;12;01/02/2027\n".encode("cp1252"))
    dialog = opened(qtbot, desk, path)
    dialog.kind.setCurrentIndex(dialog.kind.findData("services"))
    assert dialog.combos["price"].currentText() == "price"  # columns named like the fields
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert dialog.decimal.itemText(0) == "Detect (found: Comma (1 234,50))"
    assert dialog.date_format.itemText(0) == "Detect (found: DD/MM/YYYY)"
    table = dialog.first_rows
    titles = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    price = titles.index(field_label("price"))
    assert [table.item(r, price).text() for r in range(table.rowCount())] == [
        "€12.00", "€1,234.50"]
    assert table.item(0, titles.index(field_label("expires_on"))).text() == "31 Dec 2027"
    dialog.reject()


def test_issue18_the_gui_thread_reads_no_mapping_file(qtbot: Any, world: World,
                                                      monkeypatch: Any) -> None:
    """Rules: the GUI thread never touches files; the shipped mappings are read with the CSV
    file, off it, and choosing one reads nothing."""
    desk = lone_desk(desk_app(world, "2026-11-01"))
    on_gui: list[str] = []
    read_text = Path.read_text

    def watched(self: Path, *args: Any, **kwargs: Any) -> str:
        if threading.current_thread() is threading.main_thread():
            on_gui.append(str(self))
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", watched)
    dialog = opened(qtbot, desk, WHMCS / "clients.csv")
    choose(dialog.start_from, "whmcs_clients")
    assert dialog.combos["name"].currentText() == "firstname + lastname"
    assert not [p for p in on_gui if p.startswith(str(csv_file.MAPPINGS))]
    dialog.reject()
