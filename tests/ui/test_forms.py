"""The window's New / Edit forms (issue 18): a portfolio entered by hand from an empty database,
checked as typed with the import's own words (issue 9), audited (EV-2), and refused with who
changed it when someone else saved first (team mode)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from renewdesk.services import forms
from renewdesk.services.exchange.export import export_state
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.payment_method import PaymentMethodDialog
from renewdesk.ui.dialogs.record_form import RecordDialog, open_form
from renewdesk.ui.views.customer_page import CustomerPage
from tests.conftest import World
from tests.ui.conftest import desk_app, finished, lone_desk, when_shown

TODAY = "2026-12-10"


def shown_form(qtbot: Any, kind: str) -> RecordDialog:
    found: list[RecordDialog] = []

    def visible() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, RecordDialog) and w.isVisible() and w.record.kind == kind]
        return bool(found)

    qtbot.waitUntil(visible, timeout=10_000)
    return found[0]


def fill(dialog: RecordDialog, values: dict[str, Any]) -> None:
    """Typed as a person types them, field by field."""
    for key, value in values.items():
        widget = dialog.owner if key == "owner" else dialog.widgets[key]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            assert index >= 0, f"{key}: {value!r} is not offered"
            widget.setCurrentIndex(index)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)
            if key == "owner":
                widget.editingFinished.emit()


def save(qtbot: Any, desk: Desk, dialog: RecordDialog) -> str:
    """Save clicked; the saved object's reference."""
    saved: list[forms.Record] = []
    dialog.saved.connect(saved.append)
    dialog.validate()
    assert dialog.save_button.isEnabled(), dialog.problem_text()
    dialog.save_button.click()
    finished(qtbot, desk)
    assert saved, dialog.problem_text()
    assert saved[0].ref is not None
    return saved[0].ref


def entered(qtbot: Any, desk: Desk, holder: QWidget, kind: str, owner: str | None,
            values: dict[str, Any], ref: str | None = None) -> str:
    open_form(desk, holder, kind, ref, owner)
    dialog = shown_form(qtbot, kind)
    if owner is not None and ref is None:
        qtbot.waitUntil(lambda: dialog.record.owner == owner or dialog.owner.text() == owner)
    fill(dialog, values)
    if "payment_method" in values or "billing_contact" in values:
        qtbot.waitUntil(lambda: not desk.reader.reading(dialog))
        fill(dialog, {k: v for k, v in values.items()
                      if k in ("payment_method", "billing_contact")})
    return save(qtbot, desk, dialog)


def audit_actions(world: World) -> list[tuple[str, str]]:
    with world.session() as session:
        from renewdesk.store.models import AuditEntry
        return [(a.action, a.subject) for a in session.query(AuditEntry).order_by(AuditEntry.id)]


PORTFOLIO = {
    "customer": {"ref": "CUST-1", "name": "Claire Martin", "email": "claire@example.fr",
                 "address": "3 rue des Lilas\n69003 Lyon", "language": "fr"},
    "contacts": [{"ref": "BC-1", "name": "Compta Martin", "email": "compta@example.fr",
                  "address": "3 rue des Lilas, Lyon"},
                 {"ref": "BC-2", "name": "Paul Martin", "email": "paul@example.fr"}],
    "period": {"ref": "SRV-1", "kind": "domain", "label": "martin.fr", "billing": "period",
               "currency": "EUR", "price": "12.00", "period_months": "12",
               "expires_on": "2027-03-01"},
    "usage": {"ref": "SRV-2", "kind": "sms", "label": "SMS pack", "billing": "usage",
              "currency": "EUR", "unit_price": "0.05", "expires_on": "",
              "payment_method": "PM-1"},
    "records": [{"ref": "USE-1", "on": "2026-12-02", "quantity": "120"},
                {"ref": "USE-2", "on": "2026-12-05", "quantity": "80"}],
    "order": {"ref": "ORD-1", "product": "Coaching", "invoice_number": "F2026-001",
              "installments": "3", "interval": "monthly", "currency": "EUR",
              "installment_amount": "150.00", "first_due_on": "2027-01-05", "method": "card"},
}


def test_a_portfolio_entered_through_the_forms_exports_as_its_file_imports(
        world: World, qtbot: Any, tmp_path: Path) -> None:
    """EV-2, PM-1, PM-3, AR-1, IN-1, US-1: on an empty database, a customer, two billing
    contacts, a card, a period service, a usage service with two records and an installment
    order, all through the widgets; then the address is corrected. The export equals the one
    the same objects imported from a file give, and each save is in the audit log."""
    app = desk_app(world, TODAY)
    desk = lone_desk(app)
    holder = QWidget()
    qtbot.addWidget(holder)
    p = PORTFOLIO
    try:
        customer = entered(qtbot, desk, holder, "customer", None,
                           {**p["customer"], "address": "3 rue des Lilas"})
        for contact in p["contacts"]:
            entered(qtbot, desk, holder, "contact", customer, contact)
        page = CustomerPage(desk, customer)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.data is not None and page.add.isEnabled(), timeout=10_000)

        def card(dialog: PaymentMethodDialog) -> None:
            dialog.ref.setText("PM-1")
            dialog.token.setCurrentText("pm_card_visa")
            dialog.brand.setText("visa")
            dialog.last4.setText("4242")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

        shown = when_shown(PaymentMethodDialog, card)
        page.add.click()
        shown.check()
        finished(qtbot, desk)
        qtbot.waitUntil(lambda: page.methods.rowCount() == 1, timeout=10_000)
        entered(qtbot, desk, holder, "service", customer,
                {**p["period"], "payment_method": "PM-1", "billing_contact": "BC-1",
                 "auto_renew": True})
        entered(qtbot, desk, holder, "service", customer, p["usage"])
        for record in p["records"]:
            entered(qtbot, desk, holder, "usage", "SRV-2", record)
        entered(qtbot, desk, holder, "order", customer, {**p["order"], "payment_method": "PM-1"})
        # The address corrected, from the customer's own form.
        entered(qtbot, desk, holder, "customer", None, {"address": p["customer"]["address"]},
                ref=customer)
        with app.factory() as session:
            by_hand = export_state(session)
    finally:
        desk.reader.shutdown()
        app.close()

    actions = audit_actions(world)
    assert {("create customer", "CUST-1"), ("create contact", "BC-1"), ("create contact", "BC-2"),
            ("create service", "SRV-1"), ("create service", "SRV-2"), ("create usage", "USE-1"),
            ("create usage", "USE-2"), ("create order", "ORD-1"),
            ("edit customer", "CUST-1")} <= set(actions)

    # The same objects, from a file, into another empty database (the card's expiry as the
    # dialog's default gave it).
    card = by_hand["customers"][0]["payment_methods"][0]
    document = {"format": "renewdesk/1", "customers": [{
        **p["customer"], "emails_enabled": True, "contacts": p["contacts"],
        "payment_methods": [{"ref": "PM-1", "type": "card", "token": "pm_card_visa",
                             "brand": "visa", "last4": "4242", "exp_month": card["exp_month"],
                             "exp_year": card["exp_year"], "holder": card["holder"]}]}],
        "services": [
            {**p["period"], "customer": "CUST-1", "period_months": 12, "auto_renew": True,
             "payment_method": "PM-1", "billing_contact": "BC-1"},
            {k: v for k, v in {**p["usage"], "customer": "CUST-1"}.items() if v}],
        "installment_orders": [{**p["order"], "customer": "CUST-1", "installments": 3,
                                "payment_method": "PM-1"}],
        "usage": [{"ref": r["ref"], "service": "SRV-2", "on": r["on"],
                   "quantity": int(r["quantity"])} for r in p["records"]]}
    folder = tmp_path / "from-file"
    folder.mkdir()
    other = World(folder, world.env)
    try:
        other.load(json.loads(json.dumps(document)), today=TODAY)
        with other.session() as session:
            from_file = export_state(session)
    finally:
        other.close()
    for state in (by_hand, from_file):
        state["events"] = sorted((e["type"], e["subject"]) for e in state["events"])
    assert _without_tokens(by_hand) == _without_tokens(from_file)


def _without_tokens(state: dict[str, Any]) -> dict[str, Any]:
    """The sandbox gives each attached card a token of its own: what differs by nature."""
    for customer in state["customers"]:
        for method in customer["payment_methods"]:
            method["token"] = "…"
        customer["processor_customer"] = "…" if customer["processor_customer"] else None
    return state


def test_orders_and_usage_records_are_edited_from_the_customer_page(
        world: World, qtbot: Any) -> None:
    """A double-click on the customer page's order or usage record opens its form."""
    from tests.builders import card as a_card
    from tests.builders import customer as a_customer
    from tests.builders import document, order, usage_service

    world.load(document([a_customer("C1", a_card("K1"))],
                        services=[usage_service("U1", "C1", payment_method="K1")],
                        orders=[order("O1", "C1", "K1", "2026-12-20")],
                        usage=[{"ref": "R1", "service": "U1", "on": "2026-12-02",
                                "quantity": 7}]))
    app = desk_app(world, TODAY)
    desk = lone_desk(app)
    try:
        page = CustomerPage(desk, "C1")
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        assert page.usage.rowCount() == 1 and page.orders.rowCount() == 1
        page.usage.doubleClicked.emit(page.usage.model().index(0, 0))
        form = shown_form(qtbot, "usage")
        assert form.record.ref == "R1" and form.record.value("quantity") == 7
        fill(form, {"quantity": "9"})
        save(qtbot, desk, form)
        page.orders.doubleClicked.emit(page.orders.model().index(0, 0))
        form = shown_form(qtbot, "order")
        assert form.record.ref == "O1"
        form.reject()
    finally:
        desk.reader.shutdown()
        app.close()
    assert [u["quantity"] for u in world.export()["usage"]] == [9]


def test_iv1_a_business_customer_with_its_siren_and_vat_number_and_a_service_at_its_rate(
        world: World, qtbot: Any) -> None:
    """The customer form shows SIREN and VAT number for a business only, checks them as typed
    (a bad SIREN says so under its field and Save waits), keeps them compact; a service's VAT
    rate is typed the French way, and left empty it is the default shown as its placeholder."""
    app = desk_app(world, TODAY)
    desk = lone_desk(app)
    holder = QWidget()
    qtbot.addWidget(holder)
    try:
        open_form(desk, holder, "customer", None, None)
        dialog = shown_form(qtbot, "customer")
        assert dialog.widgets["country"].currentData() == "FR"  # type: ignore[attr-defined]
        assert dialog.widgets["siren"].isHidden() and dialog.widgets["vat_number"].isHidden()
        fill(dialog, {"name": "Atelier Lumière SARL", "email": "compta@lumiere.fr",
                      "address": "8 rue Mercière\n69002 Lyon", "business": True})
        assert not dialog.widgets["siren"].isHidden()
        fill(dialog, {"siren": "732 829 321"})
        assert not dialog.validate()
        assert not dialog.problems["siren"].isHidden()
        assert "SIREN" in dialog.problems["siren"].text()
        fill(dialog, {"siren": "732 829 320", "vat_number": "FR40303265045"})
        assert not dialog.validate() and "732829320" in dialog.problems["vat_number"].text()
        fill(dialog, {"vat_number": "fr 44 732 829 320"})
        customer = save(qtbot, desk, dialog)
        open_form(desk, holder, "service", None, customer)
        dialog = shown_form(qtbot, "service")
        rate = dialog.widgets["vat_rate"]
        assert isinstance(rate, QLineEdit) and "20" in rate.placeholderText()
        fill(dialog, {"kind": "book", "label": "Guide", "price": "12.00",
                      "period_months": "12", "vat_rate": "5,5 %"})
        service = save(qtbot, desk, dialog)
        page = CustomerPage(desk, customer)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        assert (page.kind.text(), page.country.text()) == ("Business", "France (FR)")
        assert (page.siren.text(), page.vat_number.text()) == ("732 829 320", "FR44732829320")
    finally:
        app.close()
    data = world.export()
    found = next(c for c in data["customers"] if c["ref"] == customer)
    assert (found["business"], found["country"], found["vat_number"], found["siren"]) == (
        True, "FR", "FR44732829320", "732829320")
    assert next(s for s in data["services"] if s["ref"] == service)["vat_rate"] == "5.5"
