"""SY-1 (and RF-2, PM-6) on the sandbox: what happens at the processor after the call came back
reaches renewdesk through its events, each applied once, in any order."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import delete, func, select

from renewdesk.domain.sync_words import in_words
from renewdesk.payments.processor import EventPage
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services import processor_events, refunds
from renewdesk.services.run_due import run_due, sync_now
from renewdesk.store import settings
from renewdesk.store.models import (
    Attempt,
    Dispute,
    Event,
    Notification,
    PaymentMethod,
    ProcessorEventSeen,
    Refund,
    Setting,
)
from tests.builders import card, customer, document, order, sepa, service
from tests.conftest import World


def sandbox(world: World) -> SandboxProcessor:
    processor = world.app.processor
    assert isinstance(processor, SandboxProcessor)
    return processor


def charge_of(world: World, payment: str) -> str:
    with world.session() as session:
        ref = refunds.find_payment(session, payment).processor_ref
    assert ref is not None
    return ref


def events_of(world: World, type_: str) -> list[Event]:
    with world.session() as session:
        return list(session.scalars(select(Event).where(Event.type == type_)))


def installment_status(world: World, number: int = 1) -> str:
    return str(world.export()["installment_orders"][0]["installments"][number - 1]["status"])


def test_sy1_a_sepa_debit_settled_days_later_is_told_by_its_event_and_the_item_paid(
        world: World) -> None:
    world.load(document([customer("C1", sepa("S1"))],
                        orders=[order("O1", "C1", "S1", "2026-11-05", method="sepa")]))
    world.run("2026-11-05")
    assert installment_status(world) == "processing"
    report = sync_now(world.ctx("2026-11-06"))
    assert report.synced is not None and report.synced.applied == 1
    assert [r.outcome for r in report.settled] == ["paid"]
    assert installment_status(world) == "paid"
    with world.session() as session:
        (seen,) = session.scalars(select(ProcessorEventSeen)).all()
        assert seen.type == "payment_intent.succeeded" and "succeeded" in seen.change


def test_sy1_in6_a_sepa_debit_that_failed_later_is_a_failure_never_retried(
        world: World) -> None:
    world.load(document([customer("C1", sepa("S1", token="pm_sepa_debit_fail"))],
                        orders=[order("O1", "C1", "S1", "2026-11-05", method="sepa")]))
    world.run("2026-11-05")
    world.run("2026-11-06")  # a run reads the feed first, then concludes the round
    item = world.export()["installment_orders"][0]["installments"][0]
    assert item["status"] == "failed" and item["attempts"][0]["decline_code"] == "debit_failed"
    assert item["next_attempt_on"] is None  # IN-6: to the Collections list, never retried
    with world.session() as session:
        assert session.scalars(select(ProcessorEventSeen.type)).all() == [
            "payment_intent.payment_failed"]


def disputed_renewal(world: World, suspends: bool) -> str:
    world.load(document([customer("C1", card("K1", token="pm_card_createDispute"))],
                        services=[service("D1", "C1", "2026-11-20", payment_method="K1")]))
    if suspends:
        world.cli("settings", "dispute_suspends=on")
    world.walk("2026-11-01", "2026-11-13")  # the notice, then the charge on 13 November
    (renewal,) = world.export()["renewals"]
    assert renewal["status"] == "paid"
    return f"{renewal['ref']}/1"


def test_rf2_a_dispute_marks_the_payment_alerts_and_suspends_when_set(world: World) -> None:
    payment = disputed_renewal(world, suspends=True)
    world.run("2026-11-14")  # the cardholder disputed it the next day: read from the feed
    with world.session() as session:
        (dispute,) = session.scalars(select(Dispute)).all()
        assert (dispute.status, dispute.amount_minor, dispute.suspended) == (
            "needs_response", 1200, ["D1"])
        assert dispute.respond_by is not None and dispute.closed_on is None
    assert world.export()["services"][0]["status"] == "suspended"
    (alert,) = [m for m in world.mails("seller_alert") if "contest" in m.subject.lower()]
    assert payment in alert.body and "fraude" in alert.body
    assert [e.subject for e in events_of(world, "payment.disputed")] == [payment]
    sandbox(world).close_dispute(dispute.processor_ref, won=True)
    world.run("2026-11-15")
    with world.session() as session:
        (dispute,) = session.scalars(select(Dispute)).all()
        assert (dispute.status, dispute.closed_on is not None) == ("won", True)
    assert world.export()["services"][0]["status"] == "active"  # given back: it was won
    (closed,) = events_of(world, "payment.dispute_closed")
    assert closed.data["outcome"] == "won" and closed.data["reactivated"] == ["D1"]


def test_rf2_without_the_setting_a_dispute_suspends_nothing_and_a_lost_one_is_recorded(
        world: World) -> None:
    disputed_renewal(world, suspends=False)
    world.run("2026-11-14")
    assert world.export()["services"][0]["status"] == "active"
    with world.session() as session:
        (dispute,) = session.scalars(select(Dispute)).all()
    sandbox(world).close_dispute(dispute.processor_ref, won=False)
    world.run("2026-11-15")
    with world.session() as session:
        assert session.scalars(select(Dispute.status)).all() == ["lost"]


def test_sy1_rf1_a_refund_made_in_the_dashboard_is_recorded_once_and_the_customer_told(
        world: World) -> None:
    world.load(document([customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")  # the feed is read a first time
    sandbox(world).refund_elsewhere(charge_of(world, "O1#1/1"), 700)
    sync_now(world.ctx("2026-11-06"))
    sync_now(world.ctx("2026-11-06"))
    with world.session() as session:
        (refund,) = session.scalars(select(Refund)).all()
        assert (refund.amount_minor, refund.status, refund.who) == (700, "succeeded",
                                                                    "processor")
        assert refunds.payment_info(session, "O1#1/1").refundable.minor == 2300
    assert len(events_of(world, "payment.refunded")) == 1
    assert len(world.mails("refund_issued")) == 1


def test_pm6_sy1_a_card_renewed_by_the_networks_takes_its_new_expiry_once(world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_c1"))]))
    sandbox(world).update_method("pm_card_visa_c1", exp_month=3, exp_year=2031, last4="1881")
    sync_now(world.ctx("2026-11-06"))
    with world.session() as session:
        method = session.scalars(select(PaymentMethod)).one()
        assert (method.exp_month, method.exp_year, method.last4) == (3, 2031, "1881")
    (changed,) = events_of(world, "customer.payment_method.changed")[-1:]
    assert changed.data["change"] == "updated"
    assert len([e for e in events_of(world, "customer.payment_method.changed")
                if e.data["change"] == "updated"]) == 1


def test_sy1_a_method_detached_at_the_processor_is_no_longer_valid(world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_c1"))]))
    sandbox(world).update_method("pm_card_visa_c1", detached=True)
    sync_now(world.ctx("2026-11-06"))
    with world.session() as session:
        method = session.scalars(select(PaymentMethod)).one()
        assert not method.is_valid(world.ctx("2026-11-06").clock.today)
        assert method.refusal == "detached"
    assert [e.data["change"] for e in events_of(world, "customer.payment_method.changed")
            ][-1] == "detached"


class _Reversed:
    """The sandbox, whose feed comes in the reverse order."""

    def __init__(self, real: SandboxProcessor) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def events(self, after: int | None, today: Any) -> EventPage:
        page = self.real.events(after, today)
        return replace(page, events=tuple(reversed(page.events)))


def busy_feed(world: World) -> None:
    """A feed with every kind the sandbox tells: a SEPA outcome, a dispute and its close, a
    dashboard refund, a renewed card and a detached one."""
    world.load(document(
        [customer("C1", sepa("S1")), customer("C2", card("K2", token="pm_card_createDispute")),
         customer("C3", card("K3", token="pm_card_visa_c3"), card("K4", token="pm_card_c4"))],
        orders=[order("O1", "C1", "S1", "2026-11-05", method="sepa"),
                order("O2", "C2", "K2", "2026-11-05"), order("O3", "C3", "K3", "2026-11-05")]))
    world.cli("settings", "dispute_suspends=on")
    world.run("2026-11-05")
    ledger = sandbox(world)
    ledger.refund_elsewhere(charge_of(world, "O3#1/1"), 500)
    ledger.update_method("pm_card_visa_c3", exp_month=1, exp_year=2032)
    ledger.update_method("pm_card_c4", detached=True)
    ledger.events(None, world.ctx("2026-11-06").clock.today)  # the dispute opens on the 6th
    with world.session() as session:
        charge = refunds.find_payment(session, "O2#1/1").processor_ref
    assert charge is not None
    (dispute,) = ledger.disputes_of(charge)
    ledger.close_dispute(dispute, won=False)


def state(world: World) -> dict[str, Any]:
    """What the events change, without what is new on each read (times, ids)."""
    with world.session() as session:
        return {
            "attempts": sorted(session.execute(select(Attempt.idempotency_key, Attempt.result,
                                                      Attempt.decline_code)).all()),
            "refunds": sorted(session.execute(select(Refund.processor_ref, Refund.amount_minor,
                                                     Refund.status)).all()),
            "disputes": sorted(session.execute(select(Dispute.processor_ref, Dispute.status,
                                                      Dispute.closed_on)).all()),
            "methods": sorted(session.execute(select(PaymentMethod.ref, PaymentMethod.exp_year,
                                                     PaymentMethod.accepted)).all()),
            "events": session.scalar(select(func.count()).select_from(Event)),
            "mails": session.scalar(select(func.count()).select_from(Notification)),
            "export": world.export()["installment_orders"],
        }


def test_sy1_replayed_in_any_order_the_feed_changes_nothing_more(world: World) -> None:
    busy_feed(world)
    first = sync_now(world.ctx("2026-11-06"))
    # Six events; the dispute's close changes nothing more: its opening read it closed.
    assert first.synced is not None and (first.synced.read, first.synced.applied) == (6, 5)
    after = state(world)
    assert after["refunds"][0][1:] == (500, "succeeded")
    assert [d[1] for d in after["disputes"]] == ["lost"]
    again = sync_now(world.ctx("2026-11-06"))  # the same feed: every event already seen
    assert again.synced is not None and again.synced.applied == 0
    assert state(world) == after
    with world.session() as session:  # forgotten, and read backwards: the objects decide
        session.execute(delete(ProcessorEventSeen))
        settings.put(session, processor_events.cursor_name(world.ctx("2026-11-06")), "0")
        session.commit()
    replayed = sync_now(replace(world.ctx("2026-11-06"), processor=_Reversed(sandbox(world))))
    assert replayed.synced is not None and replayed.synced.read == first.synced.read
    assert state(world) == after


def test_sy1_reversed_from_the_start_the_end_state_is_the_same(world: World,
                                                              tmp_path: Any) -> None:
    busy_feed(world)
    sync_now(replace(world.ctx("2026-11-06"), processor=_Reversed(sandbox(world))))
    reversed_state = state(world)
    assert [d[1] for d in reversed_state["disputes"]] == ["lost"]
    assert reversed_state["refunds"][0][1:] == (500, "succeeded")
    assert installment_status(world) == "paid"


def test_sy1_cp2_a_customers_sepa_payment_told_by_its_event_is_concluded_as_theirs(
        world: World) -> None:
    from renewdesk.services import customer_payments as cp
    from tests.services.test_customer_payments import link

    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"),
                                   sepa("S1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.cli("settings", "fallback_to_other_methods=off")
    world.run("2026-11-05")
    paid = cp.pay(world.ctx("2026-11-06"), world.app.engine.url, link(world, "C1"), "saved",
                  "S1")
    assert paid.outcome == "pending"
    sync_now(world.ctx("2026-11-07"))  # the debit went through: its event, then its settling
    assert installment_status(world) == "paid"
    assert [e.data["how"] for e in events_of(world, "payment.by_customer")] == ["settled"]


def test_sy1_the_first_read_records_old_dashboard_refunds_without_e_mailing_them(
        world: World) -> None:
    world.load(document([customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")
    sandbox(world).refund_elsewhere(charge_of(world, "O1#1/1"), 700)
    with world.session() as session:  # as if renewdesk had never read this processor's feed
        session.execute(delete(Setting).where(Setting.name.like("events_cursor.%")))
        session.commit()
    sync_now(world.ctx("2026-11-06"))
    with world.session() as session:
        assert session.scalars(select(Refund.amount_minor)).all() == [700]
    assert world.mails("refund_issued") == []


def test_rf2_a_payment_disputed_is_not_refunded_again(world: World) -> None:
    from renewdesk.domain.errors import InputError

    payment = disputed_renewal(world, suspends=False)
    world.run("2026-11-14")
    with world.session() as session:
        assert refunds.payment_info(session, payment).refundable.minor == 0
    try:
        refunds.refund(world.ctx("2026-11-14"), world.app.engine.url, payment, None, "again")
    except InputError as refused:
        assert refused.code == "payment_not_refundable" and "contest" in refused.words("fr")
    else:
        raise AssertionError("a disputed payment was refunded")


def monthly(world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_c1"))],
                        services=[service("D1", "C1", "2026-11-20", payment_method="K1",
                                          months=1)]))
    world.cli("settings", "dispute_suspends=on")


def test_rf2_a_service_held_by_a_dispute_leaves_its_open_cart(world: World) -> None:
    monthly(world)
    world.walk("2026-11-01", "2026-12-06")  # paid on 13 November; the next cart noticed
    assert [r["status"] for r in world.export()["renewals"]] == ["paid", "scheduled"]
    sandbox(world).open_dispute(charge_of(world, "REN-0000001/1"))
    world.run("2026-12-07")
    assert world.export()["services"][0]["status"] == "suspended"
    assert [r["status"] for r in world.export()["renewals"]] == ["paid", "cancelled"]
    world.walk("2026-12-08", "2026-12-14")
    assert len(sandbox(world).ledger()) == 1  # nothing charged for it meanwhile


def test_rf2_winning_one_of_two_disputes_gives_back_only_what_no_other_holds(
        world: World) -> None:
    monthly(world)
    world.walk("2026-11-01", "2026-12-13")  # two monthly renewals paid
    ledger = sandbox(world)
    first = ledger.open_dispute(charge_of(world, "REN-0000001/1"))
    second = ledger.open_dispute(charge_of(world, "REN-0000002/1"))
    world.run("2026-12-14")
    with world.session() as session:
        assert [d.suspended for d in session.scalars(select(Dispute))] == [["D1"], ["D1"]]
    ledger.close_dispute(first, won=True)
    world.run("2026-12-15")
    assert world.export()["services"][0]["status"] == "suspended"  # the second still holds it
    ledger.close_dispute(second, won=True)
    world.run("2026-12-16")
    assert world.export()["services"][0]["status"] == "active"


def test_sy1_a_refund_that_cannot_be_settled_leaves_the_run_going(world: World) -> None:
    from renewdesk.domain.money import Money
    from renewdesk.payments.processor import ProcessorUnavailable, RefundRequest

    world.load(document([customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")

    class Lost:
        def __init__(self, real: SandboxProcessor) -> None:
            self.real = real

        def __getattr__(self, name: str) -> Any:
            return getattr(self.real, name)

        def refund(self, request: RefundRequest) -> Any:
            raise ProcessorUnavailable("timeout")

        def payment(self, ref: str, today: Any) -> Any:
            raise ProcessorUnavailable("429")

    lost = replace(world.ctx("2026-11-06"), processor=Lost(sandbox(world)))
    refunds.refund(lost, world.app.engine.url, "O1#1/1", Money(500, "EUR"), "lost")
    report = run_due(replace(world.ctx("2026-12-05"), processor=Lost(sandbox(world))))
    assert any("refund" in p for p in report.problems)
    assert world.export()["installment_orders"][0]["installments"][1]["status"] == "paid"


def test_sy1_an_event_whose_object_renewdesk_refuses_is_named_once_and_stops_nothing(
        world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_c1"))]))
    sandbox(world).update_method("pm_card_visa_c1", exp_month=1, exp_year=2200)
    report = sync_now(world.ctx("2026-11-06"))
    assert report.synced is not None and report.synced.problem is None
    (refused,) = report.synced.changes
    assert refused.startswith("not applied")
    again = sync_now(world.ctx("2026-11-07"))
    assert again.synced is not None and again.synced.changes == ()
    with world.session() as session:
        assert session.scalars(select(PaymentMethod.exp_year)).all() == [2030]


def test_hm3_sy1_a_refused_event_says_why_in_french_and_is_kept_in_english(world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_c1"))]))
    sandbox(world).update_method("pm_card_visa_c1", exp_month=1, exp_year=2200)
    report = sync_now(world.ctx("2026-11-06"))
    assert report.synced is not None
    (refused,) = report.synced.changes
    french = in_words(refused, "fr")
    assert french.startswith("non appliqué : ") and french != refused
    assert in_words(refused, "en") == refused
    with world.session() as session:
        assert session.scalars(select(ProcessorEventSeen.change)).all() == [refused[:500]]


def test_hm3_rf2_a_dispute_opened_and_closed_in_one_event_is_two_changes_one_applied(
        world: World) -> None:
    """Each change its own line (and its own words); the event counts once as applied."""
    disputed_renewal(world, suspends=False)
    ledger = sandbox(world)
    ledger.events(None, world.ctx("2026-11-14").clock.today)  # the dispute opens on the 14th
    with world.session() as session:
        payment = refunds.ref_of(session, session.scalars(select(Attempt)).one())
    (dispute,) = ledger.disputes_of(charge_of(world, payment))
    ledger.close_dispute(dispute, won=True)
    report = sync_now(world.ctx("2026-11-14"))
    assert report.synced is not None
    # Opened and closed: its opening reads it closed; the close then changes nothing more.
    assert (report.synced.read, report.synced.applied, len(report.synced.changes)) == (2, 1, 2)
    opened, closed = report.synced.changes
    assert [in_words(c, "fr") for c in (opened, closed)] == [
        f"paiement {payment} contesté",
        f"contestation de {payment} gagnée : l'argent vous reste"]
    assert closed == f"dispute of {payment} won: the money stays with you"
    with world.session() as session:
        assert f"{opened}; {closed}" in session.scalars(select(ProcessorEventSeen.change)).all()
