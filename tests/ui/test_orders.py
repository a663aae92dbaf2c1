"""IN-2, IN-5 and IN-6 through the window: the Orders and Collections lists and their dialogs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from renewdesk.store.models import Attempt
from renewdesk.ui.dialogs.collection import CollectionDialog
from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
from tests.builders import card, customer, document, order, sepa
from tests.conftest import World
from tests.ui.conftest import desk_app, when_shown
from tests.ui.helpers import cell, select_rows


def load(world: World) -> None:
    world.load(document(
        [customer("C1", card("K1", token="pm_card_visa_chargeDeclined")),
         customer("C2", sepa("M2", token="pm_sepa_debit_fail"), name="Greta Keller"),
         customer("C3", card("K3"), name="Ana Lima")],
        orders=[order("O1", "C1", "K1", "2026-11-05"),
                order("O2", "C2", "M2", "2026-11-05", method="sepa"),
                order("O3", "C3", "K3", "2026-12-01")]))


@pytest.fixture
def failing(world: World) -> World:
    """O1's card fails on 11-05, 11-12 and 11-19 (IN-4); O2's debit fails (IN-6)."""
    load(world)
    world.walk("2026-11-05", "2026-11-06")
    return world


def renew_state(window: Any, ref: str) -> tuple[bool, str]:
    page = window.pages["orders"]
    select_rows(page, ref)
    return page.renew_plan.isEnabled(), page.renew_plan.toolTip()


def hand_over(window: Any, qtbot: Any, ref: str, target: Path) -> None:
    page = window.pages["collections"]
    window.tabs.setCurrentWidget(page)
    select_rows(page, ref)

    def drive(dialog: CollectionDialog) -> None:
        dialog.path.setText(str(target))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    shown = when_shown(CollectionDialog, drive)
    qtbot.mouseClick(page.collection, Qt.MouseButton.LeftButton)
    shown.check()


def test_in5_renew_button_enabled_only_when_allowed_across_the_three_refusals(
        failing: World, qtbot: Any, open_window: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("renewdesk.ui.views.pages.confirm", lambda *_a: True)
    window = open_window(desk_app(failing, "2026-11-06"))
    enabled, tip = renew_state(window, "O1")
    assert not enabled and "automatic attempt on 2026-11-12" in tip  # 1: not exhausted yet
    hand_over(window, qtbot, "O2", tmp_path / "o2.json")
    enabled, tip = renew_state(window, "O2")
    assert not enabled and "handed to collection" in tip  # 2: handed to collection
    window.close()

    failing.walk("2026-11-07", "2026-11-19")
    window = open_window(desk_app(failing, "2026-11-19"))
    enabled, tip = renew_state(window, "O1")
    assert enabled, tip  # automatic attempts exhausted: allowed
    qtbot.mouseClick(window.pages["orders"].renew_plan, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)
    enabled, tip = renew_state(window, "O1")
    assert not enabled and "already used" in tip  # 3: once per installment
    with failing.session() as session:
        manual = session.scalars(select(Attempt).where(Attempt.manual.is_(True))).all()
    assert len(manual) == 1  # the final attempt went to the processor once


def test_in6_collection_hand_off_writes_the_file_and_ends_the_order(
        failing: World, qtbot: Any, open_window: Any, tmp_path: Path) -> None:
    window = open_window(desk_app(failing, "2026-11-06"))
    page = window.pages["collections"]
    window.tabs.setCurrentWidget(page)  # a list is read when it is on screen
    column = [c.key for c in page.model.listing.columns].index("state")
    assert cell(page.model, 0, column) == "Not handed over"
    target = tmp_path / "collection.json"
    hand_over(window, qtbot, "O2", target)
    handed = json.loads(target.read_text(encoding="utf-8"))
    assert handed["order"] == "O2" and handed["total"] == "30.00"
    assert cell(page.model, 0, column) == "Handed over"
    assert "O2" in {o["ref"] for o in failing.export()["installment_orders"]
                    if o.get("status") == "collection"}


def test_in2_plan_update_rejects_then_accepts_amounts_as_typed(
        world: World, qtbot: Any, open_window: Any) -> None:
    load(world)
    window = open_window(desk_app(world, "2026-11-20"))
    page = window.pages["orders"]
    window.tabs.setCurrentWidget(page)
    select_rows(page, "O3")
    seen: dict[str, Any] = {}

    def drive(dialog: PlanUpdateDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for text in ("1.50", "30.00", "abc", "25.00"):
            dialog.amount.clear()
            qtbot.keyClicks(dialog.amount, text)
            seen[text] = (ok.isEnabled(), dialog.problem.text())
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    shown = when_shown(PlanUpdateDialog, drive)
    qtbot.mouseClick(page.plan, Qt.MouseButton.LeftButton)
    # The plan is read off the GUI thread before the dialog opens.
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    assert seen["1.50"][0] is False and "below the minimum 2.00" in seen["1.50"][1]
    assert seen["30.00"][0] is False and "is the current amount" in seen["30.00"][1]
    assert seen["abc"][0] is False and seen["abc"][1]
    assert seen["25.00"] == (True, "")
    assert [m.kind for m in world.mails("plan_change_requested")] == ["plan_change_requested"]

    pending: dict[str, str] = {}

    def look(dialog: PlanUpdateDialog) -> None:
        pending["state"] = dialog.state_label.text()
        dialog.reject()

    shown = when_shown(PlanUpdateDialog, look)
    qtbot.mouseClick(page.plan, Qt.MouseButton.LeftButton)
    # The plan is read off the GUI thread before the dialog opens.
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    assert "25.00" in pending["state"] and "2026-11-30" in pending["state"]
