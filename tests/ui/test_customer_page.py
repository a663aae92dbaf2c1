"""The customer page: PM-5's refusal shown with its reason, PM-4's default, a method added at
the processor off the GUI thread, AR-7's pro-formas as a numbered PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from renewdesk.services import proforma
from renewdesk.store.models import AuditEntry
from renewdesk.ui.dialogs.payment_method import PaymentMethodDialog
from renewdesk.ui.dialogs.proforma import ProFormaDialog
from renewdesk.ui.views.customer_page import CustomerPage
from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.ui.conftest import desk_app, finished, when_shown


@pytest.fixture
def page(world: World, open_window: Any, monkeypatch: pytest.MonkeyPatch,
         qtbot: Any) -> CustomerPage:
    monkeypatch.setattr("renewdesk.ui.dialogs.remove_method.confirm", lambda *_a: True)
    world.load(document([customer("C1", card("A"), card("B", last4="4444"))],
                        [service("S1", "C1", "2027-03-01", payment_method="A"),
                         service("S2", "C1", "2027-05-01", payment_method="A")]))
    window = open_window(desk_app(world, "2026-11-01"))
    window.open_customer("C1")
    page = window.customer_pages["C1"]
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)  # read off the GUI thread
    return page


def methods(world: World) -> list[str]:
    return [m["ref"] for c in world.export()["customers"] for m in c["payment_methods"]]


def test_pm5_removal_refused_with_the_reason_and_pm4_default_changes(
        page: CustomerPage, world: World, qtbot: Any) -> None:
    page.methods.selectRow(1)
    qtbot.mouseClick(page.remove, Qt.MouseButton.LeftButton)
    finished(qtbot, page.desk)  # asked of the database off the GUI thread
    box = page.findChild(QMessageBox, "errorBox")
    assert box is not None and "replace_only" in box.text() and "PM-5" not in box.text()
    assert methods(world) == ["A", "B"]  # nothing removed
    page.methods.selectRow(1)
    page.make_default.click()
    finished(qtbot, page.desk)
    assert methods(world) == ["B", "A"]  # PM-4: B first now
    qtbot.waitUntil(lambda: page.methods.item(0, 1).text().endswith("4444"))


def test_pm1_pm3_a_method_is_added_through_the_processor_off_the_gui_thread(
        page: CustomerPage, world: World, qtbot: Any) -> None:
    def fill(dialog: PaymentMethodDialog) -> None:
        dialog.ref.setText("C1-NEW")
        dialog.token.setCurrentText("pm_card_mastercard")
        dialog.brand.setText("mastercard")
        dialog.last4.setText("4444")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    shown = when_shown(PaymentMethodDialog, fill)
    page.add.click()
    shown.check()
    qtbot.waitUntil(lambda: not page.desk.operations.busy, timeout=10_000)
    qtbot.waitUntil(lambda: "C1-NEW" in methods(world), timeout=10_000)
    qtbot.waitUntil(lambda: page.methods.rowCount() == 3)


def test_pm2_a_card_number_typed_in_the_dialog_is_refused_and_not_echoed(qtbot: Any) -> None:
    dialog = PaymentMethodDialog("C1", "Jean Dupont")
    qtbot.addWidget(dialog)
    dialog.holder.setText("4242 4242 4242 4242")
    dialog.apply()
    assert dialog.request is None
    assert "looks like a card number" in dialog.problem.text()
    assert "4242 4242" not in dialog.problem.text()


def test_ar7_renew_all_previews_then_saves_a_numbered_pdf(page: CustomerPage, world: World,
                                                          qtbot: Any, tmp_path: Path) -> None:
    ctx = page.desk.context
    target = tmp_path / "pf.pdf"
    dialog = ProFormaDialog(page.desk, proforma.drafts(ctx(), None, "C1"), None, "C1", page,
                            choose_path=lambda _s: str(target))
    qtbot.addWidget(dialog)
    assert "S1" in dialog.preview.toPlainText() and "S2" in dialog.preview.toPlainText()
    assert "preview, not numbered yet" in dialog.preview.toPlainText()
    assert "€24.00" in dialog.preview.toPlainText()  # the total of one period each
    dialog.save()
    finished(qtbot, page.desk)  # numbered off the GUI thread, then written
    assert target.read_bytes().startswith(b"%PDF")
    again = ProFormaDialog(page.desk, proforma.drafts(ctx(), ("S1",)), ("S1",), None, page,
                           choose_path=lambda _s: str(tmp_path / "2.pdf"))
    qtbot.addWidget(again)
    again.save()
    finished(qtbot, page.desk)
    with world.session() as session:
        numbers = session.scalars(select(AuditEntry.subject).where(
            AuditEntry.action == "proforma").order_by(AuditEntry.id)).all()
    assert numbers == ["PF-2026-00001", "PF-2026-00002"]  # numbered, never reused
