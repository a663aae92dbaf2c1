"""CP-1 and CP-2 against localstripe on 127.0.0.1: the PaymentIntent that awaited the customer's
bank is completed (confirmed as Stripe.js would, with its client secret) and then looked up, and
the item is paid once; a pay-now with another card is a new PaymentIntent with its own key."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

from renewdesk.services import customer_payments as cp
from tests.builders import card, customer, document, order
from tests.conftest import World
from tests.peers import KEY, LocalStripe
from tests.services.test_customer_payments import link

pytestmark = pytest.mark.slow


def authenticating_card(localstripe: LocalStripe) -> str:
    """Stripe's test card that always asks for authentication (3-D Secure), made as Stripe.js
    would make it in the customer's browser: renewdesk only sees its pm_ id."""
    method = localstripe.client().v1.payment_methods.create(params={
        "type": "card", "card": {"number": "4000002760003184", "exp_month": 12,
                                 "exp_year": 2030, "cvc": "123"}})
    return str(method.id)


def bank_confirms(localstripe: LocalStripe, intent_id: str, client_secret: str) -> None:
    """What Stripe.js's confirmCardPayment does once the bank said yes (localstripe's own
    endpoint for it, reached with the client secret as the browser would)."""
    body = urllib.parse.urlencode({"client_secret": client_secret, "success": "true"})
    request = urllib.request.Request(
        f"{localstripe.url}/v1/payment_intents/{intent_id}/_authenticate", data=body.encode(),
        method="POST", headers={"Authorization": f"Bearer {KEY}",
                                "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert json.load(answer)["status"] == "succeeded"


def test_cp1_on_stripe_the_held_payment_intent_is_completed_and_paid_once(
        stripe_world: World, localstripe: LocalStripe) -> None:
    token = authenticating_card(localstripe)
    stripe_world.load(document([customer("C1", card("K1", token=token, last4="3184"))],
                               orders=[order("O1", "C1", "K1", "2026-11-05")]))
    stripe_world.run("2026-11-05")
    (held,) = localstripe.intents()
    assert held.status == "requires_action"
    ctx = stripe_world.ctx("2026-11-06")
    pay_link = link(stripe_world, "C1")
    shown = cp.owed(ctx, pay_link)
    assert shown.authenticate and not shown.stand_in  # Stripe's own step, not a stand-in
    step = cp.bank_step(ctx, pay_link)
    assert step is not None and step.client_secret == held.client_secret
    with pytest.raises(cp.PaymentRefused, match="not confirmed"):  # the bank has not said yes
        cp.pay(ctx, stripe_world.app.engine.url, pay_link, "authenticated")
    bank_confirms(localstripe, held.id, step.client_secret)
    paid = cp.pay(ctx, stripe_world.app.engine.url, pay_link, "authenticated")
    assert paid.outcome == "paid"
    (o1,) = stripe_world.export()["installment_orders"]
    assert o1["installments"][0]["status"] == "paid"
    (after,) = localstripe.intents()  # the same PaymentIntent: nothing charged twice
    assert after.id == held.id and after.status == "succeeded"
    secret = step.client_secret
    for note in stripe_world.mails():
        assert secret not in note.body  # never stored in what is kept


def test_cp2_on_stripe_pay_now_with_another_saved_card(
        stripe_world: World, localstripe: LocalStripe) -> None:
    stripe_world.load(document([customer("C1", card("K1", token="pm_card_chargeCustomerFail"),
                                         card("K2"))],
                               orders=[order("O1", "C1", "K1", "2026-11-05")]))
    with stripe_world.session() as session:
        from renewdesk.store.models import PaymentMethod
        k2 = session.query(PaymentMethod).filter_by(ref="K2").one()
        k2.blocked_code = "do_not_honor"  # not the run's fallback on the due day
        session.commit()
    stripe_world.run("2026-11-05")
    with stripe_world.session() as session:
        from renewdesk.store.models import PaymentMethod
        session.query(PaymentMethod).filter_by(ref="K2").one().blocked_code = None
        session.commit()
    pay_link = link(stripe_world, "C1")
    paid = cp.pay(stripe_world.ctx("2026-11-06"), stripe_world.app.engine.url, pay_link,
                  "saved", "K2")
    assert paid.outcome == "paid"
    statuses = sorted(i.status for i in localstripe.intents())
    assert statuses.count("succeeded") == 1
