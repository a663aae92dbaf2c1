"""CP-1, CP-2, CP-3 at the services layer: the customer pays what failed from the link in the
failure e-mail, exactly once, whoever else is paying the same item at the same time."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.domain.errors import InputError
from renewdesk.services import customer_payments as cp
from renewdesk.store.models import Customer, CustomerLink
from tests.builders import card, customer, document, order, service
from tests.conftest import World


def link(world: World, customer_ref: str, action: str = "pay_now") -> str:
    with world.session() as session:
        found = session.scalars(select(CustomerLink.token).join(
            Customer, Customer.id == CustomerLink.customer_id).where(
            CustomerLink.action == action, Customer.ref == customer_ref)
            .order_by(CustomerLink.id.desc())).first()
    assert found, f"no {action} link for {customer_ref}"
    return found


def charges(world: World, subject: str) -> list[dict[str, Any]]:
    """The sandbox ledger's charges for one item (its `subject` metadata)."""
    return [c for c in world.app.processor.ledger()  # type: ignore[attr-defined]
            if f'"subject": "{subject}"' in str(c["metadata"])]


def installment(world: World, order_ref: str, number: int) -> dict[str, Any]:
    (found,) = [o for o in world.export()["installment_orders"] if o["ref"] == order_ref]
    return dict(found["installments"][number - 1])


def failed_installment(world: World, token: str = "pm_card_visa_chargeDeclined") -> None:
    world.load(document([customer("C1", card("K1", token=token, last4="0002"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")


def test_cp2_a_failed_installment_is_paid_from_its_link_with_a_new_card(world: World) -> None:
    failed_installment(world)
    (mail,) = world.mails("installment_failed")
    assert "/l/" in mail.body and "Pour payer maintenant" in mail.body
    ctx = world.ctx("2026-11-06", who="system")
    token = link(world, "C1")
    shown = cp.owed(ctx, token)
    assert (shown.kind, shown.reference, shown.state) == ("installment", "O1#1", "due")
    assert shown.amount.text() == "30.00" and not shown.authenticate
    paid = cp.pay(ctx, world.app.engine.url, token, "new", "pm_card_visa")
    assert paid.outcome == "paid"
    got = installment(world, "O1", 1)
    assert got["status"] == "paid" and got["next_attempt_on"] is None  # retries end
    assert [c["status"] for c in charges(world, "O1#1")] == ["declined", "succeeded"]
    with pytest.raises(InputError, match="already paid"):
        cp.pay(ctx, world.app.engine.url, token, "new", "pm_card_visa")
    world.run("2026-11-12")  # the retry day: nothing more is charged for it
    assert len(charges(world, "O1#1")) == 2
    events = [e for e in world.export()["events"] if e["type"] == "payment.by_customer"]
    assert [e["subject"] for e in events] == ["O1#1"]


def test_cp1_a_payment_awaiting_the_bank_is_completed_not_charged_again(world: World) -> None:
    failed_installment(world, token="pm_card_authenticationRequired")
    (mail,) = world.mails("installment_failed")
    assert "Votre banque vous demande de confirmer ce paiement" in mail.body
    ctx = world.ctx("2026-11-06")
    token = link(world, "C1")
    assert cp.owed(ctx, token).authenticate
    (waiting,) = charges(world, "O1#1")
    assert waiting["decline_code"] == "authentication_required"
    paid = cp.pay(ctx, world.app.engine.url, token, "authenticated")
    assert paid.outcome == "paid"
    assert installment(world, "O1", 1)["status"] == "paid"
    (completed,) = charges(world, "O1#1")  # the same payment, now through: one charge
    assert completed["id"] == waiting["id"] and completed["status"] == "succeeded"


def test_cp2_a_suspended_service_is_renewed_again_and_reactivated(world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"))],
                        [service("S1", "C1", "2026-12-01", payment_method="K1")]))
    for day in ("2026-11-24", "2026-11-26", "2026-11-28", "2026-11-30", "2026-12-02"):
        world.run(day)
    (s1,) = world.export()["services"]
    assert s1["status"] == "suspended"
    token = link(world, "C1")
    paid = cp.pay(world.ctx("2026-12-03"), world.app.engine.url, token, "new", "pm_card_visa")
    assert paid.outcome == "paid"
    (s1,) = world.export()["services"]
    assert s1["status"] == "active" and s1["expires_on"] == "2027-12-03"


def test_cp3_two_payments_of_one_item_at_once_charge_it_once(world: World) -> None:
    failed_installment(world)
    token = link(world, "C1")
    outcomes: list[str] = []

    def pay() -> None:
        try:
            outcomes.append(cp.pay(world.ctx("2026-11-06"), world.app.engine.url, token,
                                   "new", "pm_card_visa").outcome)
        except InputError as refused:
            outcomes.append(refused.code)

    threads = [threading.Thread(target=pay) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["paid"] + ["payment_already_made"] * 3
    assert [c["status"] for c in charges(world, "O1#1")] == ["declined", "succeeded"]


def test_cp1_the_lists_say_who_must_act_and_the_history_says_who_paid(world: World) -> None:
    """The window's side: an item only the customer can unblock reads "waiting for the
    customer" in its list, and once paid from their link its history says so."""
    from datetime import date

    from renewdesk.services import listing
    from renewdesk.services.overview import customer_overview
    from renewdesk.store import settings

    failed_installment(world, token="pm_card_authenticationRequired")
    ctx = world.ctx("2026-11-06")
    rows = listing.read_block(ctx.factory, listing.ORDERS, listing.Query(), 0, 10,
                              lambda: date(2026, 11, 6))
    assert [r.status for r in rows] == ["awaiting_customer"]
    cp.pay(ctx, world.app.engine.url, link(world, "C1"), "authenticated")
    rows = listing.read_block(ctx.factory, listing.ORDERS, listing.Query(), 0, 10,
                              lambda: date(2026, 11, 6))
    assert [r.status for r in rows] == ["active"]
    with world.session() as session:
        seen = customer_overview(session, "C1", settings.load_policy(session), date(2026, 11, 6))
    paid = {(h.type, h.how) for h in seen.history if h.subject == "O1#1"}
    assert ("installment.paid", "customer") in paid and ("payment.by_customer", "customer") in paid


class _AnswerLost:
    """The sandbox, whose answer to a charge is lost on the way back (the charge is made)."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def charge(self, request: Any, today: Any) -> Any:
        from renewdesk.payments.processor import ProcessorUnavailable

        self.real.charge(request, today)
        raise ProcessorUnavailable("the answer was lost")


def test_sc2_cp3_a_customers_payment_whose_answer_was_lost_is_settled_not_charged_again(
        world: World) -> None:
    from dataclasses import replace

    failed_installment(world)
    ctx = world.ctx("2026-11-06")
    lost = replace(ctx, processor=_AnswerLost(ctx.processor))
    paid = cp.pay(lost, world.app.engine.url, link(world, "C1"), "new", "pm_card_visa")
    assert paid.outcome == "unknown"
    assert cp.owed(ctx, link(world, "C1")).state == "processing"
    retry = installment(world, "O1", 1)["next_attempt_on"]
    world.run(retry)  # the run asks first: the payment went through; nothing more is charged
    assert installment(world, "O1", 1)["status"] == "paid"
    assert [c["status"] for c in charges(world, "O1#1")] == ["declined", "succeeded"]


def test_cp3_a_payment_held_for_the_bank_is_cancelled_before_another_card_pays(
        world: World) -> None:
    failed_installment(world, token="pm_card_authenticationRequired")
    ctx = world.ctx("2026-11-06")
    paid = cp.pay(ctx, world.app.engine.url, link(world, "C1"), "new", "pm_card_mastercard")
    assert paid.outcome == "paid"
    held, other = charges(world, "O1#1")
    assert held["decline_code"] == "canceled" and other["status"] == "succeeded"
    assert not world.app.processor.authenticate(held["id"])  # type: ignore[attr-defined]


def test_cp1_a_payment_completed_at_the_bank_whose_page_never_heard_is_found_by_the_run(
        world: World) -> None:
    failed_installment(world, token="pm_card_authenticationRequired")
    (held,) = charges(world, "O1#1")
    world.app.processor.authenticate(held["id"])  # type: ignore[attr-defined]
    world.run("2026-11-06")  # the page's answer was lost: the run asks the processor
    assert installment(world, "O1", 1)["status"] == "paid"
    assert len(charges(world, "O1#1")) == 1


def test_ar6_cp2_the_reactivation_shows_its_fee_and_a_declined_one_leaves_no_cart(
        world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"))],
                        [service("S1", "C1", "2026-12-01", payment_method="K1")]))
    assert world.cli("settings", "reactivation_fee=5.00")[0] == 0
    world.walk("2026-11-24", "2026-12-02")
    ctx = world.ctx("2026-12-03")
    token = link(world, "C1")
    shown = cp.owed(ctx, token)
    assert shown.state == "due" and shown.amount.text() == "17.00"  # 12.00 and the 5.00 fee
    declined = cp.pay(ctx, world.app.engine.url, token, "new", "pm_card_visa_chargeDeclined")
    assert declined.outcome == "declined" and declined.amount.text() == "17.00"
    assert [r["status"] for r in world.export()["renewals"]].count("scheduled") == 0
    paid = cp.pay(ctx, world.app.engine.url, token, "new", "pm_card_visa")
    assert paid.outcome == "paid" and paid.amount.text() == "17.00"


def test_cp2_a_customer_cannot_try_without_end_nor_with_a_card_not_offered(
        world: World) -> None:
    failed_installment(world)
    ctx = world.ctx("2026-11-06")
    token = link(world, "C1")
    with pytest.raises(InputError, match="cannot be used"):
        cp.pay(ctx, world.app.engine.url, token, "new", "pm_sepa_debit")  # not offered
    for _ in range(cp.TRIES_A_DAY):
        assert cp.pay(ctx, world.app.engine.url, token, "new",
                      "pm_card_visa_chargeDeclined").outcome == "declined"
    with pytest.raises(InputError, match="too many times"):
        cp.pay(ctx, world.app.engine.url, token, "new", "pm_card_visa")
    assert len(charges(world, "O1#1")) == 1 + cp.TRIES_A_DAY
