"""AR-2 through the window: the Services list's Bulk recurrence button and its dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from renewdesk.ui.dialogs.bulk_recurrence import BulkRecurrenceDialog
from tests.builders import card, contact, customer, document, service, usage_service
from tests.conftest import World
from tests.ui.conftest import desk_app, when_shown
from tests.ui.helpers import cell, select_rows, settle


def load(world: World) -> None:
    world.load(document(
        [customer("C1", card("A", exp=(12, 2026), holder="Jean Dupont"),
                  card("B", token="pm_card_mastercard", exp=(3, 2029), holder="ACME SARL"),
                  contacts=(contact("K1", "Dupont Conseil"),))],
        [service("S1", "C1", "2027-01-20", auto_renew=False),
         service("S2", "C1", "2027-09-01", auto_renew=False),
         usage_service("U1", "C1")]))


def test_ar2_window_warning_must_be_confirmed_and_an_error_blocks(world: World, qtbot: Any,
                                                                   open_window: Any) -> None:
    load(world)
    window = open_window(desk_app(world, "2026-11-01"))
    page = window.pages["services"]
    window.tabs.setCurrentWidget(page)
    select_rows(page, "S1", "S2")
    seen: dict[str, Any] = {}

    def drive(dialog: BulkRecurrenceDialog) -> None:
        def checked() -> None:  # each choice is checked again off the GUI thread
            qtbot.waitUntil(lambda: not dialog.checking, timeout=10_000)

        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.method.setCurrentIndex(dialog.method.findData("A"))
        checked()
        seen["warning"] = [(line.service_ref, line.level) for line in dialog.lines]
        seen["ok_before_confirming"] = ok.isEnabled()
        dialog.scope_all.setChecked(True)  # takes in the usage-billed service: an error
        checked()
        seen["error"] = [(line.service_ref, line.level) for line in dialog.lines]
        dialog.confirm_warnings.setChecked(True)
        seen["ok_with_error"] = ok.isEnabled()
        dialog.scope_selected.setChecked(True)
        checked()
        box = dialog.confirm_warnings
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        seen["ok_confirmed"] = ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    shown = when_shown(BulkRecurrenceDialog, drive)
    qtbot.mouseClick(page.bulk, Qt.MouseButton.LeftButton)
    # The selection's customer is read off the GUI thread before the dialog opens.
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)  # the change is made
    assert seen["warning"] == [("S1", "warning"), ("S2", "warning")]  # card A ends 12/2026
    assert seen["ok_before_confirming"] is False
    assert ("U1", "error") in seen["error"]
    assert seen["ok_with_error"] is False
    assert seen["ok_confirmed"] is True
    services = {s["ref"]: s for s in world.export()["services"]}
    assert services["S1"]["auto_renew"] and services["S2"]["auto_renew"]
    assert services["S1"]["payment_method"] == "A"
    assert not services["U1"].get("auto_renew")
    # The list shows the change without a restart.
    column = [c.key for c in page.model.listing.columns].index("auto_renew")
    settle(page.model)  # the list re-reads its rows after the change
    row = page.model.row_of("S1")
    assert row is not None
    assert cell(page.model, row, column) == "Yes"


def test_ar2_window_several_customers_selected_is_refused(world: World, qtbot: Any,
                                                          open_window: Any) -> None:
    world.load(document(
        [customer("C1", card("A")), customer("C2", card("B"))],
        [service("S1", "C1", "2027-01-20", auto_renew=False),
         service("S2", "C2", "2027-01-20", auto_renew=False)]))
    window = open_window(desk_app(world, "2026-11-01"))
    page = window.pages["services"]
    select_rows(page, "S1", "S2")
    qtbot.mouseClick(page.bulk, Qt.MouseButton.LeftButton)

    def error_box() -> Any:
        return window.findChild(object, "errorBox") or page.findChild(object, "errorBox")

    qtbot.waitUntil(lambda: error_box() is not None, timeout=10_000)  # read in the background
    box = error_box()
    assert box is not None and "2 customers" in box.text()
    assert all(not s["auto_renew"] for s in world.export()["services"])
