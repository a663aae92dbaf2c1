"""The window's forms at the services layer (issue 18): what the rules forbid is not offered
(IN-2, AR-1), a new object never overwrites one of the same reference, AR-8's cancellation takes
the service out of its cart, and what has history is never deleted (EV-2: each audited)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from renewdesk.domain.errors import InputError
from renewdesk.services import forms
from renewdesk.store.models import AuditEntry, BillingContact, Renewal, Service
from tests.builders import card, contact, customer, document, order, service
from tests.conftest import World

TODAY = "2026-11-20"


def portfolio() -> dict[str, object]:
    return document(
        [customer("C1", card("K1"), contacts=(contact("BC1"), contact("BC2"))),
         customer("C2")],  # C2: no payment method
        services=[service("S1", "C1", "2026-12-10", payment_method="K1"),
                  service("S2", "C2", "2027-06-01", auto_renew=False)],
        orders=[order("O1", "C1", "K1", "2026-11-15")])


def audit(world: World) -> list[tuple[str, str]]:
    with world.session() as session:
        return [(a.action, a.subject) for a in session.scalars(
            select(AuditEntry).order_by(AuditEntry.id))]


def test_in2_ar1_what_the_rules_forbid_is_not_offered(world: World) -> None:
    world.load(portfolio())
    ctx = world.ctx(TODAY)
    world.run(TODAY)  # O1's first installment charged
    o1 = forms.read_record(ctx, "order", "O1")
    for key in ("installments", "interval", "installment_amount", "first_due_on"):
        lock = o1.lock(key)
        assert lock is not None and lock.code == "form_order_terms_charged"
        assert "plan update" in lock.words("en")
    assert o1.lock("product") is None and o1.lock("payment_method") is None
    assert o1.history  # charged: never deleted
    s2 = forms.read_record(ctx, "service", "S2")
    lock = s2.lock("auto_renew")  # C2 has no valid method (AR-1)
    assert lock is not None and "C2" in lock.words("en") and "AR-1" not in lock.words("fr")
    assert forms.read_record(ctx, "service", "S1").lock("auto_renew") is None
    assert forms.new_record(ctx, "service", "C2").lock("auto_renew") is not None


def test_a_new_object_never_takes_the_reference_of_another(world: World) -> None:
    world.load(portfolio())
    ctx = world.ctx(TODAY, who="alice")
    values = {"ref": "C1", "name": "Someone Else", "email": "else@example.fr",
              "language": "en", "emails_enabled": True}
    with pytest.raises(InputError, match="'C1' is already taken"):
        forms.save(ctx, "customer", None, values, None)
    saved = forms.save(ctx, "customer", None, {**values, "ref": None}, None)
    assert saved.ref is not None and saved.ref.startswith("C-")
    assert ("create customer", saved.ref) in audit(world)


def test_ar8_cancelling_a_service_takes_it_out_of_its_cart(world: World) -> None:
    world.load(portfolio())
    world.run(TODAY)  # S1's renewal is scheduled (expiry 2026-12-10)
    ctx = world.ctx(TODAY, who="bob")
    forms.cancel_service(ctx, "S1")
    with world.session() as session:
        s1 = session.scalar(select(Service).where(Service.ref == "S1"))
        assert s1 is not None and s1.status == "cancelled" and not s1.auto_renew
        carts = session.scalars(select(Renewal).where(Renewal.customer_id == s1.customer_id))
        assert all(r.status == "cancelled" for r in carts)
    assert ("cancel service", "S1") in audit(world)
    with pytest.raises(InputError, match="already cancelled"):
        forms.cancel_service(ctx, "S1")


def test_what_has_history_is_never_deleted_what_has_none_is(world: World) -> None:
    world.load(portfolio())
    world.run("2026-12-05")  # S1's cart is made (its notice), O1's installments charged
    ctx = world.ctx("2026-12-05", who="bob")
    for kind, ref in (("customer", "C1"), ("service", "S1"), ("order", "O1")):
        assert forms.read_record(ctx, kind, ref).history
        with pytest.raises(InputError, match="has history"):
            forms.delete(ctx, kind, ref)
    for kind, ref in (("contact", "BC2"), ("service", "S2")):  # nothing points at them
        assert not forms.read_record(ctx, kind, ref).history
        forms.delete(ctx, kind, ref)
    with world.session() as session:
        assert session.scalar(select(BillingContact).where(BillingContact.ref == "BC2")) is None
        assert session.scalar(select(Service).where(Service.ref == "S2")) is None
    assert {("delete contact", "BC2"), ("delete service", "S2")} <= set(audit(world))


def test_an_edit_is_audited_with_the_values_before_and_after(world: World) -> None:
    world.load(portfolio())
    ctx = world.ctx(TODAY, who="alice")
    seen = forms.read_record(ctx, "service", "S1")
    forms.save(ctx, "service", None, {**dict(seen.values), "label": "lyon-shop.fr"}, seen)
    with world.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "edit service")
                                ).one()
        assert entry.who == "alice" and entry.subject == "S1"
        assert entry.before is not None and entry.after is not None
        assert (entry.before["label"], entry.after["label"]) == ("s1.fr", "lyon-shop.fr")


def test_us1_an_invoiced_months_usage_stays_as_billed(world: World) -> None:
    """A usage record of a month already invoiced is not offered for change, and neither a
    change nor a new record of that month is saved (nor imported)."""
    from tests.builders import usage_service

    world.load(document([customer("C1", card("K1"))],
                        services=[usage_service("U1", "C1", payment_method="K1")],
                        usage=[{"ref": "R1", "service": "U1", "on": "2026-11-10",
                                "quantity": 10}]))
    world.walk("2026-12-01", "2026-12-02")  # November is invoiced and paid
    assert world.export()["usage_invoices"][0]["status"] == "paid"
    ctx = world.ctx("2026-12-03", who="alice")
    r1 = forms.read_record(ctx, "usage", "R1")
    lock = r1.lock("quantity")
    assert r1.history and lock is not None and "2026-11" in lock.words("en")
    with pytest.raises(InputError, match="already invoiced"):
        forms.save(ctx, "usage", None, {**dict(r1.values), "quantity": 500}, r1)
    with pytest.raises(InputError, match="already invoiced"):
        forms.save(ctx, "usage", "U1", {"on": "2026-11-20", "quantity": 1000}, None)
    with pytest.raises(InputError, match="already invoiced"):
        world.load(document([], usage=[{"ref": "R2", "service": "U1", "on": "2026-11-25",
                                        "quantity": 3}]))
    saved = forms.save(ctx, "usage", "U1", {"on": "2026-12-02", "quantity": 4}, None)
    assert saved.value("quantity") == 4  # December is not invoiced yet


def test_a_customer_with_only_contacts_is_deleted_an_order_with_a_plan_change_is_kept(
        world: World) -> None:
    world.load(document([customer("C3", contacts=(contact("BC9"),)), customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-12-15")]))
    ctx = world.ctx(TODAY, who="bob")
    forms.delete(ctx, "customer", "C3")
    assert [c["ref"] for c in world.export()["customers"]] == ["C1"]
    from renewdesk.services import actions

    actions.update_plan(ctx, "O1", "25.00")  # a plan change, e-mailed: history
    assert forms.read_record(ctx, "order", "O1").history
    with pytest.raises(InputError, match="has history"):
        forms.delete(ctx, "order", "O1")


def test_a_conflict_names_only_who_changed_it_after_the_form_read_it(world: World) -> None:
    """EV-2: the run renews S1 without an audit entry; Bob's stale save is refused without
    blaming whoever last edited S1 before he opened it."""
    world.load(portfolio())
    alice = world.ctx(TODAY, who="alice")
    seen = forms.read_record(alice, "service", "S1")
    forms.save(alice, "service", None, {**dict(seen.values), "label": "alice.fr"}, seen)
    bob_seen = forms.read_record(world.ctx(TODAY, who="bob"), "service", "S1")
    world.walk("2026-11-26", "2026-12-05")  # S1 renewed: its expiry moves, no audit entry
    with pytest.raises(InputError) as refused:
        forms.save(world.ctx("2026-12-05", who="bob"), "service", None,
                   {**dict(bob_seen.values), "label": "bob.fr"}, bob_seen)
    assert refused.value.code == "edit_conflict" and "alice" not in str(refused.value)


def test_iv1_a_consumers_form_checks_tax_fields_as_the_import_does(world: World) -> None:
    """The form's check is the import's: a bad country, a VAT number not the SIREN's, a rate
    above 100 % each name their field; a consumer defaults to the seller's country."""
    world.load(portfolio())
    ctx = world.ctx(TODAY)
    assert world.cli("settings", "seller_country=BE")[0] == 0
    blank = forms.new_record(ctx, "customer", None)
    assert blank.value("country") == "BE" and blank.value("business") is False
    base = {"name": "Ana", "email": "ana@example.fr", "language": "fr"}
    for values, field, code in (
            ({"country": "XX"}, "country", "country_code_invalid"),
            ({"business": True, "siren": "732829320", "vat_number": "FR40303265045"},
             "vat_number", "vat_number_not_siren"),
            ({"business": True, "siren": "12"}, "siren", "siren_invalid")):
        error = forms.check("customer", {**base, **values})
        assert error is not None and (forms.field_of(error), error.code) == (field, code)
    error = forms.check("service", {"kind": "domain", "label": "x.fr", "billing": "period",
                                    "currency": "EUR", "price": "12.00", "period_months": 12,
                                    "expires_on": "2027-01-01", "vat_rate": "120"})
    assert error is not None and forms.field_of(error) == "vat_rate"
    s1 = forms.read_record(ctx, "service", "S1")
    assert s1.value("vat_rate") is None and s1.vat_default == "20"
    saved = forms.save(ctx, "service", None, {**dict(s1.values), "vat_rate": "2.1"}, s1)
    assert saved.value("vat_rate") == "2.1"
