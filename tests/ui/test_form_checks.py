"""Issue 9's checks, in the forms: every bad value the import refuses in a file is refused in the
form with the same words (the file's position replaced by the field's label), in English and
in French, and nothing is saved."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import words
from renewdesk.services import forms
from renewdesk.services.exchange.importer import import_document
from renewdesk.store.models import AuditEntry, Customer, InstallmentOrder, Service, UsageRecord
from renewdesk.ui import i18n
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.record_form import RecordDialog
from tests.conftest import World
from tests.ui.conftest import desk_app, lone_desk
from tests.ui.test_forms import fill

TODAY = "2026-12-10"
CUSTOMER = {"ref": "C1", "name": "Claire Martin", "email": "claire@example.fr",
            "address": "3 rue des Lilas, Lyon", "language": "fr"}
SERVICE = {"ref": "S1", "kind": "domain", "label": "martin.fr", "billing": "period",
           "currency": "EUR", "price": "12.00", "period_months": "12",
           "expires_on": "2027-03-01"}
ORDER = {"ref": "O1", "product": "Coaching", "invoice_number": "F-1", "installments": "3",
         "interval": "monthly", "currency": "EUR", "installment_amount": "150.00",
         "first_due_on": "2027-01-05", "method": "card"}
USAGE = {"ref": "U1", "on": "2026-12-02", "quantity": "12"}
GOOD = {"customer": CUSTOMER, "service": SERVICE, "order": ORDER, "usage": USAGE}

# (kind, field, what is typed): each a value issue 9's checks refuse in a file.
BAD = [
    ("customer", "email", "claire-at-example.fr"),
    ("customer", "name", "Claire\x07Martin"),
    ("customer", "name", "x" * 300),
    ("customer", "address", "4242 4242 4242 4242"),  # PM-2: refused, never echoed
    ("customer", "ref", " C1"),
    ("service", "price", "0"),
    ("service", "price", "12.001"),
    ("service", "price", "12 euros"),
    ("service", "currency", "EURO"),
    ("service", "period_months", "0"),
    ("service", "period_months", "twelve"),
    ("service", "expires_on", "2026-02-30"),
    ("service", "expires_on", "next spring"),
    ("service", "label", "FR76 3000 6000 0112 3456 7890 189"),  # PM-2: an IBAN
    ("order", "installment_amount", "-5.00"),
    ("order", "installments", "600"),
    ("order", "first_due_on", "2026-13-01"),
    ("usage", "quantity", "-1"),
    ("usage", "on", "yesterday"),
]


def _file_value(field: str, typed: str) -> Any:
    """What the same value is in a file: whole numbers are numbers there."""
    if field in ("installments", "period_months", "quantity") and typed.lstrip("-").isdigit():
        return int(typed)
    return typed


def file_refusal(world: World, kind: str, field: str, typed: str) -> InputError:
    """The import's refusal of a file holding the bad value."""
    values = {**GOOD[kind], field: _file_value(field, typed)}
    if kind != "customer":
        for key in ("period_months", "installments", "quantity"):
            if key in values and isinstance(values[key], str) and values[key].isdigit():
                values[key] = int(values[key])
    document: dict[str, Any] = {"format": "renewdesk/1", "customers": [CUSTOMER]}
    if kind == "customer":
        document["customers"] = [values]
    elif kind == "service":
        document["services"] = [{**values, "customer": "C1"}]
    elif kind == "order":
        document["installment_orders"] = [{**values, "customer": "C1"}]
    else:
        document["services"] = [{"ref": "S2", "customer": "C1", "kind": "sms", "label": "SMS",
                                  "billing": "usage", "currency": "EUR", "unit_price": "0.05"}]
        document["usage"] = [{**values, "service": "S2"}]
    ctx = world.ctx(TODAY)
    with world.session() as session:
        with pytest.raises(InputError) as refused:
            import_document(session, ctx.processor, document, ctx.clock.today, ctx.clock.now(),
                            "tester")
        session.rollback()
    return refused.value


def reason(text: str) -> str:
    """What is said of the value, without where: the part after the position."""
    return text.replace(" : ", ": ").split(": ", 1)[-1] if ": " in text.replace(" : ", ": ") \
        else text


def objects(world: World) -> tuple[int, ...]:
    with world.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (Customer, Service, InstallmentOrder, UsageRecord, AuditEntry))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_value_the_import_refuses_is_refused_in_the_form_with_its_words(
        world: World, qtbot: Any, language: str) -> None:
    """Issue 9's checks, PM-2 among them, under the field, in the window's language."""
    app = desk_app(world, TODAY)
    desk: Desk = lone_desk(app)
    desk.language = i18n.Language(language)  # how the form reads and shows values
    before = objects(world)
    try:
        for kind, field, typed in BAD:
            from_file = words(file_refusal(world, kind, field, typed), language)
            owner = None if kind == "customer" else ("S2" if kind == "usage" else "C1")
            dialog = RecordDialog(desk, forms.Record(kind, None, owner, tuple(
                (k, None) for k in forms.FIELDS[kind])))
            qtbot.addWidget(dialog)
            good = dict(GOOD[kind])
            if language == "fr":  # typed as a French reader types them
                good = {k: _french(k, v) for k, v in good.items()}
            fill(dialog, {**good, field: typed})
            assert not dialog.validate(), (kind, field, typed)
            shown = dialog.problem_text()
            assert not dialog.save_button.isEnabled()
            assert reason(shown) == reason(from_file), (kind, field, typed, shown, from_file)
            place = {"customer": "customers[0]", "service": "services[0]",
                     "order": "installment_orders[0]", "usage": "usage[0]"}[kind]
            if from_file.startswith(f"{place}.{field}"):  # the position becomes the label
                assert shown.startswith(str(dialog.label(field))), shown
            for secret in ("4242 4242", "4242424242", "3000 6000", "FR76"):
                assert secret not in shown
            dialog.save()  # a click on a disabled Save does nothing; neither does this
            dialog.close()
    finally:
        desk.reader.shutdown()
        app.close()
    assert objects(world) == before


def _french(key: str, value: str) -> str:
    if key in ("price", "installment_amount", "unit_price"):
        return value.replace(".", ",")
    if key in ("expires_on", "first_due_on", "on") and len(value) == 10:
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    return value


SAVED_REFUSALS = [
    # (what the form sends, what a file with the same object gives): refused only on save,
    # where the database is read (AR-1 for a usage-billed service, PM-3 for an expired card).
    ("service", {"ref": "S9", "kind": "sms", "label": "SMS", "billing": "usage",
                 "currency": "EUR", "unit_price": "0.05", "auto_renew": True}),
    ("order", {"ref": "O9", "product": "Coaching", "invoice_number": "F-9",
               "installments": 3, "interval": "monthly", "currency": "EUR",
               "installment_amount": "150.00", "first_due_on": "2027-01-05", "method": "card",
               "payment_method": "OLD"}),
]


@pytest.mark.parametrize(("kind", "values"), SAVED_REFUSALS)
def test_a_refusal_made_on_save_has_the_imports_words_and_saves_nothing(
        world: World, qtbot: Any, kind: str, values: dict[str, Any]) -> None:
    """AR-1, PM-3: what only saving can find (it reads the database) is refused with the words
    a file gets, under its field, and nothing is written."""
    from tests.builders import card, customer, document

    world.load(document([customer("C1", card("K1"), card("OLD", exp=(1, 2026), last4="1111"))]))
    before = objects(world)
    file_values = {**values, "customer": "C1"}
    with world.session() as session:
        ctx = world.ctx(TODAY)
        key = "services" if kind == "service" else "installment_orders"
        with pytest.raises(InputError) as refused:
            import_document(session, ctx.processor, {"format": "renewdesk/1", key: [file_values]},
                            ctx.clock.today, ctx.clock.now(), "tester")
        session.rollback()
    from_file = words(refused.value, "en")
    app = desk_app(world, TODAY)
    desk = lone_desk(app)
    try:
        record = forms.new_record(desk.context(), kind, "C1")
        dialog = RecordDialog(desk, record)
        qtbot.addWidget(dialog)
        shown = {k: str(v) if isinstance(v, int) and not isinstance(v, bool) else v
                 for k, v in values.items()}
        fill(dialog, shown)
        assert dialog.validate(), dialog.problem_text()  # nothing to say before saving
        dialog.save_button.click()
        qtbot.waitUntil(lambda: not desk.operations.busy, timeout=10_000)
        said = dialog.problem_text()
        assert reason(said) == reason(from_file), (said, from_file)
    finally:
        desk.reader.shutdown()
        app.close()
    assert objects(world) == before
