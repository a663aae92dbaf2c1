"""PM-1 to PM-7: adding, ordering, falling back, removing, recording, flagging methods."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.domain.policy import Policy
from renewdesk.services import payment_methods as pms
from renewdesk.store.models import Customer, Event, PaymentMethod
from tests.builders import card, customer, document, order, service
from tests.conftest import World

NOW = datetime(2026, 11, 1, 9, tzinfo=UTC)
DAY = date(2026, 11, 1)


def new_card(ref: str = "PM-NEW", token: str = "pm_card_visa") -> pms.MethodInput:
    return pms.MethodInput(ref=ref, type="card", token=token, brand="visa", last4="4242",
                           exp_month=12, exp_year=2030, holder="Jean Dupont")


def test_pm1_method_refused_while_profile_incomplete_naming_missing_fields(world: World) -> None:
    world.load(document([customer("C1", address="", email="c1@example.fr")]))
    with world.session() as s:
        c = s.scalar(select(Customer).where(Customer.ref == "C1"))
        assert c is not None
        with pytest.raises(RuleRefused, match=r"needs address") as refused:
            pms.add_method(s, world.app.processor, c, new_card(), DAY, NOW)
        assert refused.value.rule == "PM-1"  # the rule's id: on the error, not in the words
        s.rollback()
        c.address, c.name = "1 rue X", ""
        with pytest.raises(RuleRefused, match="needs name"):
            pms.add_method(s, world.app.processor, c, new_card(), DAY, NOW)


def test_pm2_method_fields_holding_a_card_number_are_refused(world: World) -> None:
    data = pms.MethodInput(ref="PM-X", type="card", token="pm_card_visa", holder="4242424242424242",
                           exp_month=1, exp_year=2030)
    with pytest.raises(RuleRefused) as refused:
        data.validate()
    assert refused.value.rule == "PM-2"  # the rule's id: on the error, not in the words
    assert "4242424242424242" not in str(refused.value)


def test_pm2_only_token_brand_last4_expiry_and_holder_are_stored(world: World) -> None:
    columns = set(PaymentMethod.__table__.columns.keys())
    assert not {"number", "card_number", "cvc", "iban", "pan"} & columns
    with pytest.raises(InputError, match="last4 must be 4 digits"):
        pms.MethodInput(ref="P", type="card", token="pm_card_visa", last4="42424",
                        exp_month=1, exp_year=2030).validate()


def test_pm3_expired_or_unaccepted_methods_are_never_charged(world: World) -> None:
    world.load(document(
        [customer("C1", card("OLD", exp=(11, 2026)), card("NEW", token="pm_card_mastercard"))],
        orders=[order("O1", "C1", "OLD", "2026-12-01", count=1)]))
    world.run("2026-12-01")
    (installment,) = world.export()["installment_orders"][0]["installments"]
    assert [a["payment_method"] for a in installment["attempts"]] == ["NEW"]
    assert installment["status"] == "paid"


def test_pm3_processor_refusal_makes_the_method_invalid(world: World) -> None:
    world.load(document([customer("C1", card("BAD", token="tok_not_a_pm"))]))
    with world.session() as s:
        method = s.scalar(select(PaymentMethod).where(PaymentMethod.ref == "BAD"))
        assert method is not None and not method.accepted and not method.is_valid(DAY)


def test_pm4_chosen_method_first_then_the_others_in_order(world: World) -> None:
    world.load(document(
        [customer("C1", card("A", token="pm_card_visa_chargeDeclined"),
                  card("B", token="pm_card_visa_chargeDeclinedInsufficientFunds"),
                  card("C", token="pm_card_amex"))],
        orders=[order("O1", "C1", "B", "2026-11-05", count=1)]))
    world.run("2026-11-05")
    (installment,) = world.export()["installment_orders"][0]["installments"]
    assert [(a["payment_method"], a["result"]) for a in installment["attempts"]] == [
        ("B", "declined"), ("A", "declined"), ("C", "succeeded")]


def test_pm4_fallback_can_be_switched_off(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_chargeCustomerFail"),
                                   card("B"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    assert world.cli("settings", "fallback_to_other_methods=off")[0] == 0
    world.run("2026-11-05")
    (installment,) = world.export()["installment_orders"][0]["installments"]
    assert [a["payment_method"] for a in installment["attempts"]] == ["A"]


def _remove(world: World, policy: str, ref: str) -> None:
    with world.session() as s:
        method = s.scalar(select(PaymentMethod).where(PaymentMethod.ref == ref))
        assert method is not None
        pms.remove_method(s, method, Policy(payment_method_removal=policy), DAY, NOW)
        s.commit()


def test_pm5_replace_only_refuses_removal_but_allows_replacement(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2027-06-01", payment_method="A")]))
    with pytest.raises(RuleRefused, match="replaced by a new one"):
        _remove(world, "replace_only", "A")
    with world.session() as s:
        old = s.scalar(select(PaymentMethod).where(PaymentMethod.ref == "A"))
        assert old is not None
        pms.replace_method(s, world.app.processor, old, new_card("A2"), DAY, NOW)
        s.commit()
    services = world.export()["services"]
    assert services[0]["payment_method"] == "A2"
    methods = world.export()["customers"][0]["payment_methods"]
    assert [(m["ref"], m["removed_on"]) for m in methods] == [("A2", None), ("A", "2026-11-01")]


def test_pm5_unless_needed_keeps_the_last_valid_method_while_needed(world: World) -> None:
    world.load(document([customer("C1", card("A"), card("B"))],
                        [service("S1", "C1", "2027-06-01", payment_method="A")]))
    _remove(world, "unless_needed", "B")
    with pytest.raises(RuleRefused, match="last valid method"):
        _remove(world, "unless_needed", "A")


def test_pm5_allow_removes_even_the_last_method(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2027-06-01", payment_method="A")]))
    _remove(world, "allow", "A")
    assert world.export()["customers"][0]["payment_methods"][0]["removed_on"] == "2026-11-01"


def test_pm6_every_change_records_an_event_with_what_changed(world: World) -> None:
    doc = document([customer("C1", card("A", exp=(12, 2030), last4="4242"))])
    world.load(doc)
    doc["customers"][0]["payment_methods"][0].update(exp_year=2031, last4="1881")
    world.load(doc, today="2026-11-02")
    with world.session() as s:
        events = s.scalars(select(Event).where(
            Event.type == "customer.payment_method.changed").order_by(Event.id)).all()
        assert [e.data["change"] for e in events] == ["added", "updated"]
        assert events[1].data["fields"] == {"exp_year": [2030, 2031], "last4": ["4242", "1881"]}


def test_pm7_card_expiring_before_next_charge_is_flagged(world: World) -> None:
    world.load(document([customer("C1", card("A", exp=(1, 2027)))],
                        [service("S1", "C1", "2027-02-10", payment_method="A")]))
    with world.session() as s:
        method = s.scalar(select(PaymentMethod).where(PaymentMethod.ref == "A"))
        assert method is not None
        assert pms.expiring_flag(s, method, Policy(), DAY)


def test_pm7_card_expiring_mail_on_the_25th_of_the_month_before_once(world: World) -> None:
    world.load(document([customer("C1", card("A", exp=(1, 2027)))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=6)]))
    world.run("2026-12-24")
    assert world.mails("card_expiring") == []
    world.run("2026-12-25")
    world.run("2026-12-26")
    (mail,) = world.mails("card_expiring")
    assert mail.created_on == date(2026, 12, 25)
    assert "janvier 2027" in mail.subject


def test_pm7_no_expiring_mail_for_a_card_nothing_relies_on(world: World) -> None:
    world.load(document([customer("C1", card("A", exp=(1, 2027)))]))
    world.run("2026-12-25")
    assert world.mails("card_expiring") == []
