"""RF-1 against localstripe on 127.0.0.1: a payment made by a real run refunded in part then in
full; an over-refund refused in words with nothing sent; a process killed after the refund was
committed and reached Stripe, before Stripe's answer came back: the next run settles it by
asking, and Stripe holds one refund. localstripe does not honour Idempotency-Key, so a refund
sent twice would show as two."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import words
from renewdesk.services import refunds
from renewdesk.store.models import Refund
from tests.builders import card, customer, document, order
from tests.conftest import REPO, World
from tests.peers import LocalStripe
from tests.stripe.conftest import stripe_env
from tests.stripe_feed import Hold, StripeProxy

pytestmark = pytest.mark.slow

PAYMENT = "O1#1/1"  # the first attempt of order O1's first installment

REFUND_IN_A_PROCESS = """
import os, sys
from datetime import UTC, date, datetime
from renewdesk.app import open_app
from renewdesk.domain.money import Money
from renewdesk.services import refunds
from renewdesk.services.context import Clock, Context
app = open_app(sys.argv[1], env=dict(os.environ))
ctx = Context(factory=app.factory, processor=app.processor, who="tester",
              clock=Clock(date.fromisoformat(sys.argv[2]), lambda: datetime.now(UTC)))
refunds.refund(ctx, app.engine.url, sys.argv[3], Money(int(sys.argv[4]), "EUR"),
               "killed before the answer")
"""


def killed_while_held(world: World, proxy: StripeProxy, held: Hold, lost: bool = False) -> None:
    """A process refunds 12.00 of PAYMENT through the proxy and is killed (SIGKILL) once its
    request is held there."""
    process = subprocess.Popen(
        [sys.executable, "-c", REFUND_IN_A_PROCESS, str(world.db), "2026-11-08", PAYMENT,
         "1200"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, **world.env, **stripe_env(proxy.url), "PYTHONPATH": str(REPO)})
    try:
        held.reached.wait(60)
        assert held.reached.is_set(), process.communicate(timeout=30)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        held.release(lost=lost)
        if process.poll() is None:
            process.kill()
            process.wait(30)
    assert process.returncode == -signal.SIGKILL


def paid(world: World) -> str:
    """O1's single installment of 30.00, paid by the run at localstripe: its PaymentIntent."""
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    report = world.run("2026-11-05")
    assert [c.result for c in report.charges] == ["succeeded"]
    (a,) = world.export()["installment_orders"][0]["installments"][0]["attempts"]
    return str(a["processor_ref"])


def at_stripe(localstripe: LocalStripe, intent: str) -> list[Any]:
    return list(localstripe.client().v1.refunds.list(
        params={"payment_intent": intent, "limit": 100}).auto_paging_iter())


def rows(world: World) -> list[tuple[int, int, str, str | None]]:
    with world.session() as s:
        return [(r.number, r.amount_minor, r.status, r.processor_ref)
                for r in s.scalars(select(Refund).order_by(Refund.number))]


def told(world: World) -> tuple[int, int]:
    """How many `payment.refunded` events and `refund_issued` e-mails there are."""
    events = [e for e in world.export()["events"] if e["type"] == "payment.refunded"]
    return len(events), len(world.mails("refund_issued"))


def test_rf1_partial_then_full_refund_at_localstripe(stripe_world: World,
                                                    localstripe: LocalStripe) -> None:
    intent = paid(stripe_world)
    ctx, lock = stripe_world.ctx("2026-11-08"), stripe_world.app.engine.url
    part = refunds.refund(ctx, lock, PAYMENT, Money(1000, "EUR"), "one month given back")
    rest = refunds.refund(ctx, lock, PAYMENT, None, "the training was cancelled")
    assert [(r.status, r.amount) for r in (part, rest)] == [
        ("succeeded", Money(1000, "EUR")), ("succeeded", Money(2000, "EUR"))]
    held = {r.id: (r.amount, r.metadata.to_dict()["refund"]) for r in at_stripe(localstripe,
                                                                                intent)}
    with stripe_world.session() as s:
        mine = {r.processor_ref: (r.amount_minor, r.idempotency_key)
                for r in s.scalars(select(Refund))}
    assert held == mine and sorted(a for a, _ in held.values()) == [1000, 2000]
    assert told(stripe_world) == (2, 1)  # HM-2: the two wait together, one e-mail lists both
    [mail] = stripe_world.mails("refund_issued")
    assert len(mail.context["items"]) == 2  # type: ignore[index]


def test_rf1_over_refund_is_refused_in_words_and_nothing_is_sent(stripe_world: World,
                                                                localstripe: LocalStripe) -> None:
    intent = paid(stripe_world)
    ctx, lock = stripe_world.ctx("2026-11-08"), stripe_world.app.engine.url
    refunds.refund(ctx, lock, PAYMENT, Money(1000, "EUR"), "one month given back")
    with pytest.raises(InputError) as refused:
        refunds.refund(ctx, lock, PAYMENT, Money(2001, "EUR"), "too much")
    text = words(refused.value, "en")
    assert "is more than can be refunded of payment O1#1/1" in text
    assert "20.00" in text and "nothing was refunded" in text
    assert len(at_stripe(localstripe, intent)) == 1
    assert [(n, amount, status) for n, amount, status, _ in rows(stripe_world)] == [
        (1, 1000, "succeeded")]


def test_rf1_killed_after_the_refund_reached_stripe_is_settled_once_by_the_next_run(
        stripe_world: World, localstripe: LocalStripe, proxy: StripeProxy) -> None:
    intent = paid(stripe_world)
    stripe_world.close()
    # passed on to localstripe, its answer held back until the process is killed
    killed_while_held(stripe_world, proxy, proxy.hold("POST", "/v1/refunds"))
    world = World(stripe_world.folder, stripe_world.env)  # straight to localstripe again
    try:
        assert rows(world) == [(1, 1200, "unknown", None)]  # committed, its answer lost
        assert len(at_stripe(localstripe, intent)) == 1
        world.run("2026-11-09")
        (refund,) = at_stripe(localstripe, intent)
        assert rows(world) == [(1, 1200, "succeeded", refund.id)]
        assert told(world) == (1, 1)
    finally:
        world.close()


def test_rf1_killed_before_the_refund_reached_stripe_is_sent_again_with_its_key(
        stripe_world: World, localstripe: LocalStripe, proxy: StripeProxy) -> None:
    intent = paid(stripe_world)
    stripe_world.close()
    held = proxy.hold("POST", "/v1/refunds", before=True)  # lost on its way to Stripe
    killed_while_held(stripe_world, proxy, held, lost=True)
    world = World(stripe_world.folder, stripe_world.env)
    try:
        assert rows(world) == [(1, 1200, "unknown", None)]
        assert at_stripe(localstripe, intent) == []
        world.run("2026-11-09")
        (refund,) = at_stripe(localstripe, intent)
        with world.session() as s:
            key = s.scalars(select(Refund.idempotency_key)).one()
        assert refund.metadata.to_dict()["refund"] == key  # the same key, sent once
        assert rows(world) == [(1, 1200, "succeeded", refund.id)]
        assert told(world) == (1, 1)
    finally:
        world.close()
