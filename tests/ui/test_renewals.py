"""AR-4 through the window: cancel a scheduled renewal from the Renewals list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from renewdesk.ui.dialogs.cancel_renewal import CancelRenewalDialog
from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.ui.conftest import desk_app, when_shown
from tests.ui.helpers import cell, select_rows, settle


def test_ar4_cancel_a_scheduled_renewal_from_the_window(world: World, qtbot: Any,
                                                        open_window: Any) -> None:
    world.load(document([customer("C1", card("K1"))],
                        [service("S1", "C1", "2026-12-01", payment_method="K1")]))
    notice = world.run("2026-11-16").notices[0]
    window = open_window(desk_app(world, "2026-11-17"))
    page = window.pages["renewals"]
    window.tabs.setCurrentWidget(page)
    select_rows(page, notice.renewal_ref)
    assert page.cancel.isEnabled()

    def yes(dialog: CancelRenewalDialog) -> None:
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    shown = when_shown(CancelRenewalDialog, yes)
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    shown.check()
    column = [c.key for c in page.model.listing.columns].index("status")
    settle(page.model)  # the list re-reads its rows after the change
    row = page.model.row_of(notice.renewal_ref)
    assert row is not None and cell(page.model, row, column) == "Cancelled"
    assert not page.cancel.isEnabled()  # nothing left to cancel
    assert [m.kind for m in world.mails("renewal_cancelled")] == ["renewal_cancelled"]
    assert world.run("2026-11-24").charges == ()  # nothing is charged
    assert {s["ref"]: s["auto_renew"] for s in world.export()["services"]} == {"S1": True}
