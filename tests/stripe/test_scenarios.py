"""The core's scenarios again, with RENEWDESK_GATEWAY=stripe against localstripe on 127.0.0.1:
success, a decline at charge with fallback to the next card (PM-4), SEPA (IN-6), smooth retries
(IN-4), and an outage in the middle of a run (SC-2)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from renewdesk.domain.dates import days_between
from renewdesk.payments.processor import ChargeOutcome, ChargeRequest
from renewdesk.payments.stripe_gateway import StripeProcessor
from renewdesk.store.models import PaymentMethod
from tests.builders import card, customer, document, order, sepa, service
from tests.conftest import World
from tests.stripe.conftest import LocalStripe

pytestmark = pytest.mark.slow

SEPA_OK, SEPA_FAILS = "DE89370400440532013000", "DE62370400440532013001"  # Stripe's test IBANs


def test_sc2_stripe_processor_is_the_one_in_use(stripe_world: World) -> None:
    assert isinstance(stripe_world.app.processor, StripeProcessor)


def test_pm3_attach_keeps_stripes_ids_and_card_details(stripe_world: World) -> None:
    stripe_world.load(document([customer("C1", card("A", exp=(1, 2029), last4="0000"))]))
    c = stripe_world.export()["customers"][0]
    assert c["processor_customer"].startswith("cus_")
    method = c["payment_methods"][0]
    assert method["token"].startswith("pm_") and method["token"] != "pm_card_visa"
    assert (method["last4"], method["exp_month"], method["exp_year"]) == ("4242", 12, 2030)


def test_in3_success_off_session(stripe_world: World, localstripe: LocalStripe) -> None:
    stripe_world.load(document([customer("C1", card("A"))],
                               orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    report = stripe_world.run("2026-11-05")
    assert [c.result for c in report.charges] == ["succeeded"]
    (intent,) = localstripe.intents()
    assert intent.status == "succeeded" and intent.amount == 3000
    attempt = stripe_world.export()["installment_orders"][0]["installments"][0]["attempts"][0]
    assert intent.metadata.to_dict()["attempt"] == attempt["idempotency_key"]
    assert attempt["processor_ref"] == intent.id


def test_pm4_decline_at_charge_falls_back_to_the_next_card(stripe_world: World) -> None:
    stripe_world.load(document(
        [customer("C1", card("A", token="pm_card_chargeCustomerFail"), card("B"))],
        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    stripe_world.walk("2026-12-05", "2026-12-13")
    (cart,) = stripe_world.export()["renewals"]
    assert [(a["payment_method"], a["result"], a["decline_code"]) for a in cart["attempts"]] == [
        ("A", "declined", "card_declined"), ("B", "succeeded", None)]
    assert cart["status"] == "paid"
    assert stripe_world.export()["services"][0]["expires_on"] == "2027-12-20"


def test_in6_sepa_processing_then_paid_or_failed_without_retry(stripe_world: World,
                                                              localstripe: LocalStripe) -> None:
    good, bad = localstripe.sepa_method(SEPA_OK), localstripe.sepa_method(SEPA_FAILS)
    stripe_world.load(document(
        [customer("C1", sepa("M1", token=good)), customer("C2", sepa("M2", token=bad))],
        orders=[order("O1", "C1", "M1", "2026-11-02", count=1, method="sepa"),
                order("O2", "C2", "M2", "2026-11-02", count=2, interval="weekly",
                      method="sepa")]))
    for day in days_between(date(2026, 11, 2), date(2026, 11, 20)):
        stripe_world.run(day)
        localstripe.settle_debits()
    orders = {o["ref"]: o for o in stripe_world.export()["installment_orders"]}
    assert orders["O1"]["installments"][0]["status"] == "paid"
    for item in orders["O2"]["installments"]:
        assert item["status"] == "failed" and len(item["attempts"]) == 1
        assert item["in_collections_list"] is True


def test_in4_smooth_retries_three_attempts_then_the_seller_is_told(stripe_world: World) -> None:
    stripe_world.load(document([customer("C1", card("A", token="pm_card_chargeCustomerFail"))],
                               orders=[order("O1", "C1", "A", "2026-11-01", count=1)]))
    stripe_world.walk("2026-11-01", "2026-11-20")
    item = stripe_world.export()["installment_orders"][0]["installments"][0]
    assert [a["on"] for a in item["attempts"]] == ["2026-11-01", "2026-11-08", "2026-11-15"]
    assert item["status"] == "failed"
    assert len(stripe_world.mails("seller_alert")) == 1


def test_sc2_outage_mid_run_leaves_unknown_attempts_settled_next_run_never_paid_twice(
        stripe_world: World, localstripe: LocalStripe) -> None:
    customers = [customer(f"C{n}", card(f"A{n}")) for n in range(10)]
    orders = [order(f"O{n}", f"C{n}", f"A{n}", "2026-11-05", count=1) for n in range(10)]
    stripe_world.load(document(customers, orders=orders))
    processor = stripe_world.app.processor
    charge = processor.charge
    sent: list[ChargeRequest] = []

    def charge_then_lose_the_network(request: ChargeRequest, today: date) -> ChargeOutcome:
        sent.append(request)
        if len(sent) == 4:
            localstripe.pause()  # the network goes away in the middle of charging
        return charge(request, today)

    processor.charge = charge_then_lose_the_network  # type: ignore[method-assign]
    try:
        report = stripe_world.run("2026-11-05")
    finally:
        localstripe.resume()
        processor.charge = charge  # type: ignore[method-assign]
    unknown = [c for c in report.charges if c.result == "unknown"]
    assert unknown, "the outage left no attempt with an unknown outcome"
    stripe_world.run("2026-11-06")
    state = stripe_world.export()["installment_orders"]
    assert all(o["installments"][0]["status"] == "paid" for o in state)
    results = [a["result"] for o in state for a in o["installments"][0]["attempts"]]
    assert set(results) == {"succeeded"}  # every unknown attempt settled, none re-charged
    paid = Counter(i.metadata.to_dict()["subject"] for i in localstripe.intents()
                   if i.status == "succeeded")
    assert len(paid) == 10 and max(paid.values()) == 1


def test_live_key_refuses_a_simulated_date_and_confirms_the_first_run(
        stripe_world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENEWDESK_STRIPE_SECRET_KEY", "sk_live_renewdesk_localstripe")
    code, _out, err = stripe_world.cli("run-due", today="2020-01-01")
    assert code == 2 and "real date only" in err
    code, _out, err = stripe_world.cli("run-due")
    assert code == 2 and "--confirm-live" in err
    code, out, err = stripe_world.cli("run-due", "--confirm-live")
    assert code == 0, err
    assert out.startswith("Run as of")
    code, _out, err = stripe_world.cli("run-due")  # confirmed once, for good
    assert code == 0, err


def test_ar5_method_deleted_at_stripe_is_a_hard_decline_not_a_crash(stripe_world: World) -> None:
    stripe_world.load(document([customer("C1", card("A"), card("B"))],
                               orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    with stripe_world.session() as s:
        gone = s.scalar(select(PaymentMethod).where(PaymentMethod.ref == "A"))
        assert gone is not None
        gone.token = "pm_deleted_at_stripe"
        s.commit()
    stripe_world.run("2026-11-05")
    item = stripe_world.export()["installment_orders"][0]["installments"][0]
    assert [(a["payment_method"], a["decline_code"], a["hard_decline"]) for a in item["attempts"]
            ] == [("A", "resource_missing", True), ("B", None, False)]
    assert item["status"] == "paid"
    methods = stripe_world.export()["customers"][0]["payment_methods"]
    assert methods[0]["blocked_code"] == "resource_missing"
