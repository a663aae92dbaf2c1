"""The window's menu bar (issue 18): New and Edit open the form of the current list's kind, a
deletion is confirmed and refused for what has history, and the exchange file is exported whole
or for the selection."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog, QMenuBar, QMessageBox

from renewdesk.services.exchange.export import export_state
from renewdesk.ui import menus
from tests.builders import card, contact, customer, document, service
from tests.conftest import World
from tests.ui.conftest import desk_app, finished
from tests.ui.helpers import settle
from tests.ui.test_forms import shown_form

TODAY = "2026-11-20"


def portfolio() -> dict[str, Any]:
    return document([customer("C1", card("K1"), contacts=(contact("BC1"),)),
                     customer("C2", name="Ana Lima")],
                    services=[service("S1", "C1", "2027-03-01", payment_method="K1"),
                              service("S2", "C2", "2027-06-01", auto_renew=False)])


def select(window: Any, key: str, ref: str) -> None:
    page = window.pages[key]
    window.tabs.setCurrentWidget(page)
    settle(page.model)  # the count
    page.model.row(0)  # the first block (the lists of these tests are short)
    settle(page.model)
    row = page.model.row_of(ref)
    assert row is not None
    page.table.selectionModel().select(
        page.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def test_the_menu_bar_has_the_usual_places_with_the_toolbars_actions(
        world: World, open_window: Any) -> None:
    world.load(portfolio())
    window = open_window(desk_app(world, TODAY))
    bar = window.findChild(QMenuBar)
    titles = [a.text().replace("&", "") for a in bar.actions()]
    assert titles == ["File", "Edit", "View", "Actions", "Help"]
    in_menus = {a for menu in bar.actions() for a in menu.menu().actions()}
    assert set(window.actions_.all()) <= in_menus
    assert window.actions_.new.shortcut().toString() == "Ctrl+N"
    services = window.pages["services"].table  # a right click offers the same
    assert {window.actions_.new, window.actions_.edit, window.actions_.delete,
            window.actions_.cancel_service} <= set(services.actions())
    assert window.actions_.edit.shortcut().toString() == "F2"


def test_new_and_edit_open_the_form_of_the_current_lists_kind(
        world: World, open_window: Any, qtbot: Any) -> None:
    world.load(portfolio())
    window = open_window(desk_app(world, TODAY))
    window.tabs.setCurrentWidget(window.pages["customers"])
    window.actions_.new.trigger()
    form = shown_form(qtbot, "customer")
    assert form.record.ref is None
    form.reject()
    select(window, "services", "S1")
    qtbot.waitUntil(window.actions_.edit.isEnabled)
    window.actions_.edit.trigger()
    form = shown_form(qtbot, "service")
    assert form.record.ref == "S1" and form.record.value("label") == "s1.fr"
    form.reject()


def test_a_deletion_is_confirmed_and_what_has_history_is_kept(
        world: World, open_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    world.load(portfolio())
    world.run(TODAY)
    window = open_window(desk_app(world, TODAY))
    asked: list[str] = []

    def answer(yes: bool) -> Any:
        def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            asked.append(text)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        return question

    select(window, "services", "S2")
    monkeypatch.setattr(QMessageBox, "question", answer(False))
    window.actions_.delete.trigger()
    assert asked and "S2" in asked[0]
    assert not window.operations.busy  # said no: nothing sent
    monkeypatch.setattr(QMessageBox, "question", answer(True))
    window.actions_.delete.trigger()
    finished(qtbot, window.desk)
    settle(window.pages["services"].model)
    qtbot.waitUntil(lambda: window.pages["services"].model.row_of("S2") is None, timeout=5000)
    select(window, "customers", "C1")  # C1 has services: history
    window.actions_.delete.trigger()
    finished(qtbot, window.desk)
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "has history" in box.text()
    with world.session() as session:
        assert [c["ref"] for c in export_state(session)["customers"]] == ["C1", "C2"]


def test_export_everything_or_the_selection_from_the_file_menu(
        world: World, open_window: Any, qtbot: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    world.load(portfolio())
    window = open_window(desk_app(world, TODAY))
    target = tmp_path / "all.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "*.json"))
    window.actions_.export_all.trigger()
    finished(qtbot, window.desk)
    with world.session() as session:
        assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
            json.dumps(export_state(session)))
    select(window, "customers", "C2")
    qtbot.waitUntil(window.actions_.export_selection.isEnabled)
    target = tmp_path / "c2.json"
    window.actions_.export_selection.trigger()
    finished(qtbot, window.desk)
    chosen = json.loads(target.read_text(encoding="utf-8"))
    assert [c["ref"] for c in chosen["customers"]] == ["C2"]
    assert [s["ref"] for s in chosen["services"]] == ["S2"]
    assert isinstance(window.editing, menus.Editing)


def test_hm1_each_tab_has_its_own_key_home_first_and_ctrl_0_for_the_tenth(
        world: World, open_window: Any) -> None:
    """Keyboard alone: Ctrl+1 is the home page, Ctrl+2…9 and Ctrl+0 the lists, each once."""
    world.load(portfolio())
    window = open_window(desk_app(world, TODAY))
    view = next(a.menu() for a in window.findChild(QMenuBar).actions()
                if a.text().replace("&", "") == "View")
    keys = [a.shortcut().toString() for a in view.actions() if a.shortcut().toString()
            and a.shortcut().toString().startswith("Ctrl+") and a.text() != ""]
    tabs = [k for k in keys if k[5:].isdigit()]
    assert tabs == [f"Ctrl+{n % 10}" for n in range(1, window.tabs.count() + 1)][:10]
    assert len(set(tabs)) == len(tabs) == window.tabs.count()
    window.tabs.setCurrentIndex(3)
    next(a for a in view.actions() if a.shortcut().toString() == "Ctrl+1").trigger()
    assert window.tabs.currentWidget() is window.home
    next(a for a in view.actions() if a.shortcut().toString() == "Ctrl+0").trigger()
    assert window.tabs.currentIndex() == 9
