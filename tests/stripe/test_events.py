"""SY-1 against Stripe's event feed: localstripe where it models the object (SEPA PaymentIntents
settling days later), and for the kinds it does not model (a refund made in the Dashboard,
disputes, the networks' card updates, a method detached) the small feed of tests/stripe_feed.py
on 127.0.0.1 with Stripe's documented JSON. Each kind changes what it must, once; the same feed
read again changes nothing; the events in another order end in the same state; a SIGKILL between
two events applies nothing twice and skips nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from renewdesk.domain.money import Money
from renewdesk.services import refunds
from renewdesk.services.processor_events import cursor_name
from renewdesk.services.run_due import sync_now
from renewdesk.store import settings
from renewdesk.store.models import Dispute, Event, ProcessorEventSeen, Refund, Setting
from tests.builders import card, customer, document, order, sepa, service
from tests.conftest import REPO, World
from tests.peers import LocalStripe
from tests.stripe.conftest import stripe_env
from tests.stripe_feed import StripeFeed

pytestmark = pytest.mark.slow

CUS = "cus_C1"
TODAY = "2026-11-10"
RESPOND_BY = date(2026, 12, 30)  # the feed's evidence_details.due_by, 23:59:59 UTC that day
SEPA_OK, SEPA_FAILS = "DE89370400440532013000", "DE62370400440532013001"  # Stripe's test IBANs


def attempt(number: int, on: str, method: str, amount: str, result: str, key: str,
            ref: str) -> dict[str, Any]:
    return {"number": number, "on": on, "payment_method": method, "amount": amount,
            "result": result, "decline_code": None, "hard_decline": False, "round": 1,
            "manual": False, "idempotency_key": key, "processor_ref": ref}


def portfolio(feed: StripeFeed) -> dict[str, Any]:
    """C1 at Stripe (cus_C1) with four methods; S1 renewed by a payment (pi_R) that is later
    refunded in part in the Dashboard and disputed; two SEPA installments still processing
    (pi_P1 settles, pi_P2 fails); card B renewed by the networks; card D detached."""
    feed.card("pm_A", CUS)
    feed.card("pm_B", CUS, last4="1111", exp=(1, 2027))
    feed.card("pm_D", CUS, last4="5556")
    feed.sepa("pm_M", CUS)
    feed.payment_intent("pi_R", 1200, customer=CUS, payment_method="pm_A",
                        metadata={"attempt": "rd_R"})
    for pi in ("pi_P1", "pi_P2"):
        feed.payment_intent(pi, 3000, status="processing", customer=CUS, payment_method="pm_M",
                            metadata={"attempt": "rd_" + pi[3:]})
    c1 = customer("C1", card("A", token="pm_A"), card("B", token="pm_B", last4="1111",
                                                         exp=(1, 2027)),
                  card("D", token="pm_D", last4="5556"), sepa("M", token="pm_M"))
    c1["processor_customer"] = CUS
    doc = document([c1], [service("S1", "C1", "2027-11-20", payment_method="A")],
                   [order(f"O{n}", "C1", "M", "2026-11-05", count=1, method="sepa")
                    for n in (1, 2)])
    for n, o in enumerate(doc["installment_orders"], start=1):
        o["installments"] = [{"number": 1, "due_on": "2026-11-05", "amount": "30.00",
                              "status": "processing", "attempts": [attempt(
                                  1, "2026-11-05", "M", "30.00", "pending", f"rd_P{n}",
                                  f"pi_P{n}")]}]
    doc["renewals"] = [{
        "ref": "REN-1", "customer": "C1", "services": ["S1"], "amount": "12.00",
        "currency": "EUR", "status": "paid", "notice_on": "2026-11-05",
        "charge_on": "2026-11-06", "payment_method": "A",
        "items": [{"service": "S1", "period_expires_on": "2026-11-20", "amount": "12.00",
                   "removed": False}],
        "attempts": [attempt(1, "2026-11-06", "A", "12.00", "succeeded", "rd_R", "pi_R")]}]
    return doc


def happen(feed: StripeFeed, *, dispute: str = "needs_response") -> list[str]:
    """At Stripe, after the last sync: every kind of event renewdesk applies, in this order."""
    feed.set_status("pi_P1", "succeeded")
    feed.event("payment_intent.succeeded", "pi_P1")
    feed.set_status("pi_P2", "requires_payment_method", decline_code="insufficient_funds")
    feed.event("payment_intent.payment_failed", "pi_P2")
    feed.dashboard_refund("pi_R", 500, reason="requested_by_customer")
    feed.event("charge.refunded", "ch_R")
    feed.dispute("du_1", "pi_R", status=dispute)
    feed.event("charge.dispute.created", "du_1")
    feed.card("pm_B", CUS, last4="2222", exp=(1, 2031))
    feed.event("payment_method.automatically_updated", "pm_B")
    feed.objects["pm_D"]["customer"] = None
    feed.event("payment_method.detached", "pm_D")
    if dispute in ("won", "lost"):
        feed.event("charge.dispute.closed", "du_1")
    return [e["id"] for e in feed.events]


def sync(world: World, today: str = TODAY) -> None:
    report = sync_now(world.ctx(today))
    assert report.synced is not None and report.synced.problem is None, report.synced


def count(world: World, model: Any, *where: Any) -> int:
    with world.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def events_of(world: World, kind: str) -> list[dict[str, Any]]:
    return [e for e in world.export()["events"] if e["type"] == kind]


def state(world: World) -> dict[str, Any]:
    """What the events changed, without the ids the processor gives (a refund's re_…)."""
    exported = world.export()
    with world.session() as s:
        refunds = sorted((r.number, r.amount_minor, r.status, r.who, r.reason)
                         for r in s.scalars(select(Refund)))
        disputes = sorted((d.processor_ref, d.status, d.closed_on, tuple(d.suspended))
                          for d in s.scalars(select(Dispute)))
    return {"customers": exported["customers"], "services": exported["services"],
            "orders": exported["installment_orders"], "renewals": exported["renewals"],
            "notifications": sorted((n["kind"], n.get("to")) for n in
                                    exported["notifications"]),
            "events": sorted((e["type"], e["subject"]) for e in exported["events"]),
            "refunds": refunds, "disputes": disputes}


DISPUTE_ALERTS = {"dispute_opened": "opened", "dispute_closed": "closed"}


def alerts(world: World) -> list[str]:
    """The account manager's alerts about disputes (RF-2), by their reason: one day's alerts
    are listed in one e-mail (HM-2), each item as its own alert was written."""
    reasons = [item["reason"] for m in world.mails("seller_alert")
               for item in (m.context or {}).get("items", [])]
    return [DISPUTE_ALERTS[r] for r in reasons if r in DISPUTE_ALERTS]


def installment(world: World, ref: str) -> dict[str, Any]:
    (o,) = [o for o in world.export()["installment_orders"] if o["ref"] == ref]
    item: dict[str, Any] = o["installments"][0]
    return item


def method(world: World, ref: str) -> dict[str, Any]:
    (found,) = [m for m in world.export()["customers"][0]["payment_methods"] if m["ref"] == ref]
    return found


@pytest.fixture
def loaded(feed_world: World, feed: StripeFeed) -> World:
    feed_world.load(portfolio(feed))
    assert feed_world.cli("settings", "dispute_suspends=on")[0] == 0
    sync(feed_world, "2026-11-09")  # the cursor is where the feed ends before anything happens
    return feed_world


# Each kind changes what it must, once ---------------------------------------------------------


def test_sy1_sepa_payment_intent_succeeded_pays_the_item_once(loaded: World,
                                                              feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    sync(loaded)
    item = installment(loaded, "O1")
    assert (item["status"], [a["result"] for a in item["attempts"]]) == ("paid", ["succeeded"])
    assert count(loaded, ProcessorEventSeen, ProcessorEventSeen.type ==
                 "payment_intent.succeeded") == 1


def test_sy1_sepa_payment_intent_failed_is_a_failure_without_retry(loaded: World,
                                                                  feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    sync(loaded)
    item = installment(loaded, "O2")
    assert [(a["result"], a["decline_code"]) for a in item["attempts"]] == [
        ("declined", "insufficient_funds")]
    assert (item["status"], item["in_collections_list"]) == ("failed", True)  # IN-6


def test_rf1_refund_made_in_the_dashboard_is_recorded_once(loaded: World,
                                                          feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    sync(loaded)
    with loaded.session() as s:
        rows = [(r.amount_minor, r.status, r.who) for r in s.scalars(select(Refund))]
    assert rows == [(500, "succeeded", "processor")]
    assert len(events_of(loaded, "payment.refunded")) == 1
    assert len(loaded.mails("refund_issued")) == 1


def test_rf2_dispute_opened_alerts_and_suspends_once(loaded: World, feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    sync(loaded)
    with loaded.session() as s:
        (dispute,) = s.scalars(select(Dispute))
        assert (dispute.status, dispute.suspended, dispute.amount_minor,
                dispute.respond_by) == ("needs_response", ["S1"], 1200, RESPOND_BY)
    assert loaded.export()["services"][0]["status"] == "suspended"
    assert alerts(loaded) == ["opened"]
    assert len(events_of(loaded, "payment.disputed")) == 1


def test_rf2_dispute_closed_won_records_the_outcome_and_gives_back_the_service(
        loaded: World, feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    feed.objects["du_1"]["status"] = "won"
    feed.event("charge.dispute.closed", "du_1")
    sync(loaded, "2026-11-20")
    sync(loaded, "2026-11-20")
    with loaded.session() as s:
        (dispute,) = s.scalars(select(Dispute))
        assert (dispute.status, dispute.closed_on) == ("won", date(2026, 11, 20))
    assert loaded.export()["services"][0]["status"] == "active"
    assert alerts(loaded) == [
        "opened", "closed"]
    assert [e["data"]["outcome"] for e in events_of(loaded, "payment.dispute_closed")] == ["won"]


def test_rf2_dispute_without_its_payment_intent_is_found_by_its_charge(
        loaded: World, feed: StripeFeed) -> None:
    """Stripe's own example dispute has `payment_intent: null`: the charge names the payment."""
    feed.dispute("du_2", "pi_R", with_payment_intent=False)
    feed.event("charge.dispute.created", "du_2")
    sync(loaded)
    assert count(loaded, Dispute, Dispute.processor_ref == "du_2") == 1


def test_pm6_card_updated_by_the_networks_takes_its_new_details_once(
        loaded: World, feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    sync(loaded)
    b = method(loaded, "B")
    assert (b["last4"], b["exp_month"], b["exp_year"]) == ("2222", 1, 2031)
    changed = [e["data"] for e in events_of(loaded, "customer.payment_method.changed")
               if e["data"].get("payment_method") == "B" and e["data"].get("change") ==
               "updated"]
    assert len(changed) == 1, events_of(loaded, "customer.payment_method.changed")


def test_sy1_method_detached_at_stripe_is_no_longer_valid(loaded: World,
                                                         feed: StripeFeed) -> None:
    happen(feed)
    sync(loaded)
    sync(loaded)
    d = method(loaded, "D")
    assert (d["accepted"], d["refusal"]) == (False, "detached")
    assert method(loaded, "A")["accepted"] is True


def test_sy1_a_feed_longer_than_a_page_is_read_to_the_end(loaded: World,
                                                          feed: StripeFeed) -> None:
    for n in range(105):  # Stripe pages its events by 100
        feed.card("pm_B", CUS, last4="2222", exp=(n % 12 + 1, 2031 + n // 12))
        feed.event("payment_method.automatically_updated", "pm_B")
    sync(loaded)
    assert count(loaded, ProcessorEventSeen) == 105
    b = method(loaded, "B")
    assert (b["exp_month"], b["exp_year"]) == (104 % 12 + 1, 2031 + 104 // 12)


def test_rf1_refund_stripe_refuses_is_recorded_refused_and_nothing_is_refunded(
        loaded: World, feed: StripeFeed) -> None:
    """Refunded in full in the Dashboard, not read yet: Stripe refuses renewdesk's refund."""
    feed.dashboard_refund("pi_R", 1200)
    result = refunds.refund(loaded.ctx(TODAY), loaded.app.engine.url, "REN-1/1",
                            Money(500, "EUR"), "goodwill")
    assert (result.status, result.refusal) == ("refused", "charge_already_refunded")
    assert [r["amount"] for r in feed.objects.values() if r["object"] == "refund"] == [1200]


# The same feed again, another order, a kill between two events ------------------------------


def test_sy1_the_same_feed_read_again_changes_nothing(loaded: World, feed: StripeFeed) -> None:
    happen(feed, dispute="lost")
    sync(loaded)
    before = loaded.fingerprint()
    sync(loaded)  # the last minute's events come again: skipped by their id
    assert loaded.fingerprint() == before
    applied = state(loaded)
    with loaded.session() as s:  # as if never read: the whole feed, every object read again
        s.execute(delete(ProcessorEventSeen))
        s.execute(delete(Setting).where(Setting.name == cursor_name(loaded.ctx(TODAY))))
        s.commit()
    sync(loaded)
    assert state(loaded) == applied
    assert count(loaded, ProcessorEventSeen) == len(feed.events)


def test_sy1_events_in_another_order_end_in_the_same_state(tmp_path: Path, env: dict[str, str],
                                                          feed_world: World,
                                                          feed: StripeFeed) -> None:
    feed_world.load(portfolio(feed))
    assert feed_world.cli("settings", "dispute_suspends=on")[0] == 0
    happen(feed, dispute="lost")
    sync(feed_world)
    other_feed = StripeFeed()
    other = World(tmp_path / "shuffled", {**env, **stripe_env(other_feed.url)})
    try:
        other.load(portfolio(other_feed))
        assert other.cli("settings", "dispute_suspends=on")[0] == 0
        happen(other_feed, dispute="lost")
        in_order = [e["type"] for e in sorted(other_feed.events, key=lambda e: e["created"])]
        other_feed.shuffle(seed=20)
        shuffled = [e["type"] for e in sorted(other_feed.events, key=lambda e: e["created"])]
        assert shuffled != in_order
        sync(other)
        assert state(other) == state(feed_world)
    finally:
        other.close()
        other_feed.stop()


def test_sy1_sigkill_between_two_events_applies_nothing_twice_and_skips_nothing(
        loaded: World, feed: StripeFeed, tmp_path: Path) -> None:
    first = feed.dashboard_refund("pi_R", 500)
    refunded = feed.event("charge.refunded", "ch_R")
    feed.dispute("du_1", "pi_R")
    disputed = feed.event("charge.dispute.created", "du_1")
    feed.card("pm_B", CUS, last4="2222", exp=(1, 2031))
    updated = feed.event("payment_method.automatically_updated", "pm_B")
    assert first["amount"] == 500
    held = feed.hold("GET", "/v1/disputes/du_1")  # the second event's object, read again
    loaded.close()
    command = [sys.executable, "-m", "renewdesk", "--db", str(loaded.db), "--today", TODAY,
               "run-due"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, **loaded.env, **stripe_env(feed.url),
                                    "PYTHONPATH": str(REPO)})
    try:
        held.reached.wait(60)
        assert held.reached.is_set(), process.communicate(timeout=30)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        held.release()
        if process.poll() is None:
            process.kill()
            process.wait(30)
    assert process.returncode == -signal.SIGKILL
    world = World(loaded.folder, loaded.env)
    try:
        with world.session() as s:
            assert list(s.scalars(select(ProcessorEventSeen.id))) == [refunded["id"]]
            cursor = settings.get(s, cursor_name(world.ctx(TODAY)))
        assert cursor == str(refunded["created"])  # moved with what the first event changed
        sync(world)
        with world.session() as s:
            seen = sorted(s.scalars(select(ProcessorEventSeen.id)))
        assert seen == sorted([refunded["id"], disputed["id"], updated["id"]])
        assert count(world, Refund) == 1
        assert len(events_of(world, "payment.refunded")) == 1
        assert alerts(world) == ["opened"]
        assert count(world, Event, Event.type == "payment.disputed") == 1
        assert method(world, "B")["last4"] == "2222"
    finally:
        world.close()


# localstripe, where it models the object ------------------------------------------------------


def debit(localstripe: LocalStripe, token: str, key: str) -> str:
    """A SEPA debit sent the night before, left pending by renewdesk. localstripe answers a
    debit from the failing test IBAN "processing" and fails it half a second later; one from
    the good IBAN it answers "succeeded" at once and tells the feed half a second later (its
    processing-then-succeeded debit is the feed's case above)."""
    intent = localstripe.client().v1.payment_intents.create(params={
        "amount": 3000, "currency": "eur", "payment_method": token, "confirm": True,
        "off_session": True, "payment_method_types": ["sepa_debit"],
        "metadata": {"attempt": key}})
    return str(intent.id)


def told(localstripe: LocalStripe, kinds: set[str]) -> None:
    """Wait until localstripe's feed holds these kinds of events (it writes them half a second
    after the debit, as a bank answers days later)."""
    deadline = time.monotonic() + 10
    while not kinds <= {e.type for e in localstripe.client().v1.events.list(
            params={"limit": 100}).auto_paging_iter()}:
        assert time.monotonic() < deadline, f"localstripe never told {kinds}"
        time.sleep(0.05)


def test_sy1_localstripe_sepa_outcomes_are_read_from_its_events(stripe_world: World,
                                                                localstripe: LocalStripe) -> None:
    good, bad = localstripe.sepa_method(SEPA_OK), localstripe.sepa_method(SEPA_FAILS)
    doc = document([customer("C1", sepa("M1", token=good)), customer("C2", sepa("M2", token=bad))],
                   orders=[order(f"O{n}", f"C{n}", f"M{n}", "2026-11-02", count=1, method="sepa")
                           for n in (1, 2)])
    for n, (o, token) in enumerate(zip(doc["installment_orders"], (good, bad), strict=True),
                                   start=1):
        o["installments"] = [{"number": 1, "due_on": "2026-11-02", "amount": "30.00",
                              "status": "processing", "attempts": [attempt(
                                  1, "2026-11-02", f"M{n}", "30.00", "pending", f"rd_O{n}",
                                  debit(localstripe, token, f"rd_O{n}"))]}]
    stripe_world.load(doc)
    told(localstripe, {"payment_intent.succeeded", "payment_intent.payment_failed"})
    sync(stripe_world, "2026-11-05")
    sync(stripe_world, "2026-11-05")
    with stripe_world.session() as s:
        applied = sorted((row.type, row.change) for row in s.scalars(select(ProcessorEventSeen))
                         if row.type.startswith("payment_intent."))
    assert applied == [("payment_intent.payment_failed", "payment O2#1/1 declined"),
                       ("payment_intent.succeeded", "payment O1#1/1 succeeded")]
    assert installment(stripe_world, "O1")["status"] == "paid"
    o2 = installment(stripe_world, "O2")
    assert (o2["status"], len(o2["attempts"])) == ("failed", 1)


def test_sy1_localstripe_feed_is_given_oldest_first(stripe_world: World,
                                                   localstripe: LocalStripe) -> None:
    """localstripe lists its events oldest first, Stripe newest first: either way the page is
    applied oldest first, so a crash after an event never moves the cursor past older ones."""
    intents = []
    for n in range(2):
        start = int(time.time())
        while n and int(time.time()) == start:  # the next event a second later
            time.sleep(0.05)
        intents.append(localstripe.client().v1.payment_intents.create(params={
            "amount": 1000, "currency": "eur", "payment_method": "pm_card_visa",
            "confirm": True, "off_session": True, "payment_method_types": ["card"]}).id)
    page = stripe_world.app.processor.events(None, date(2026, 11, 5))
    found = [e for e in page.events if e.object_id in intents]
    assert [e.object_id for e in found] == intents
    assert found[0].position < found[1].position
