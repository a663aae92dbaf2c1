"""SC-1 to SC-5: one engine, a fixed order, crash safety, catch-up, dry run, one run at a time."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import pairwise

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.payments.processor import (
    ChargeOutcome,
    ChargeRequest,
    EventPage,
    ProcessorUnavailable,
)
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services.run_days import missed_days
from renewdesk.services.run_due import run_due
from renewdesk.store.models import Attempt, Installment, PaymentMethod
from renewdesk.store.runlock import exclusive_run
from tests.builders import card, customer, document, order, service
from tests.conftest import World


class LosesAnswers:
    """A processor whose answers never come back: before or after the charge reached it."""

    name = "flaky"

    def __init__(self, real: SandboxProcessor, *, after_charge: bool) -> None:
        self.real = real
        self.after_charge = after_charge

    def attach(self, token: str, customer_ref: str):  # type: ignore[no-untyped-def]
        return self.real.attach(token, customer_ref)

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        if self.after_charge:
            self.real.charge(request, today)
        raise ProcessorUnavailable("timeout")

    def lookup(self, key: str, metadata: dict[str, str], today: date) -> ChargeOutcome | None:
        raise ProcessorUnavailable("still down")

    def events(self, after: int | None, today: date) -> EventPage:
        raise ProcessorUnavailable("still down")


def test_sc1_running_twice_for_the_same_date_does_nothing_more(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")],
                        [order("O1", "C1", "A", "2026-12-05")]))
    first = world.run("2026-12-05")
    assert first.notices and first.charges and first.emails
    before = world.export()
    again = world.run("2026-12-05")
    assert (again.notices, again.charges, again.emails, again.events) == ((), (), (), 0)
    assert world.export() == before


@pytest.mark.parametrize("reached", [True, False], ids=["charge-made", "charge-never-sent"])
def test_sc2_unknown_outcome_settled_by_asking_never_charged_twice(world: World,
                                                                   reached: bool) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)
    crashed = replace(world.ctx("2026-11-05"),
                      processor=LosesAnswers(sandbox, after_charge=reached))
    report = run_due(crashed)
    assert [c.result for c in report.charges] == ["unknown"]
    assert report.problems
    assert len(sandbox.ledger()) == (1 if reached else 0)
    world.run("2026-11-06")
    (item,) = world.export()["installment_orders"][0]["installments"]
    assert item["status"] == "paid"
    assert [a["result"] for a in item["attempts"]] == ["succeeded"]  # the same attempt, settled
    ledger = sandbox.ledger()
    assert len(ledger) == 1 and ledger[0]["idempotency_key"] == item["attempts"][0][
        "idempotency_key"]


def test_sc2_every_attempt_is_committed_before_the_processor_is_called(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    seen: list[list[str]] = []
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)

    class Spy(LosesAnswers):
        def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
            with world.session() as s:  # another connection: sees only committed rows
                seen.append(list(s.scalars(select(Attempt.idempotency_key))))
            return self.real.charge(request, today)

    run_due(replace(world.ctx("2026-11-05"), processor=Spy(sandbox, after_charge=False)))
    (keys,) = seen
    assert len(keys) == 1 and keys[0].startswith("rd_")


def test_sc2_each_attempt_keeps_what_the_processor_said_and_when(world: World) -> None:
    """The decline and the success of one round (PM-4: the other card), each with its charge's
    ref, its code, whether it was hard, and the instant it was settled."""
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"),
                                   card("B", last4="1881"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    started = datetime.now(UTC)
    world.run("2026-11-05")
    with world.session() as s:
        attempts = list(s.scalars(select(Attempt).order_by(Attempt.number)))
        rows = [(a.result, a.decline_code, a.hard_decline, a.processor_ref[:11])
                for a in attempts if a.processor_ref]
        settled = [a.settled_at for a in attempts]
    assert rows == [("declined", "generic_decline", False, "ch_sandbox_"),
                    ("succeeded", None, False, "ch_sandbox_")]
    assert all(at is not None and started <= at <= datetime.now(UTC) for at in settled)


def test_sc3_missed_days_caught_up_late_notice_pushes_the_charge_date(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.run("2026-12-01")
    with world.session() as s:
        assert missed_days(s, date(2026, 12, 16)) == 14
    report = world.run("2026-12-16")
    assert report.caught_up_days == 14
    (cart,) = world.export()["renewals"]
    assert (cart["notice_on"], cart["charge_on"]) == ("2026-12-16", "2026-12-18")
    assert world.run("2026-12-17").charges == ()
    assert [c.result for c in world.run("2026-12-18").charges] == ["succeeded"]


def test_sc3_catch_up_charges_in_date_order_one_attempt_per_run(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=3, interval="weekly")]))
    world.run("2026-10-31")
    report = world.run("2026-11-20")
    assert [c.subject for c in report.charges] == ["O1#1", "O1#2", "O1#3"]
    items = world.export()["installment_orders"][0]["installments"]
    assert [len(i["attempts"]) for i in items] == [1, 1, 1]
    assert [i["next_attempt_on"] for i in items] == ["2026-11-21", "2026-11-21", "2026-11-22"]


def test_sc4_dry_run_reports_exactly_what_the_real_run_does_and_changes_nothing(
        world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_chargeCustomerFail"),
                                   card("B", token="pm_card_mastercard"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")],
                        [order("O1", "C1", "A", "2026-12-13")]))
    world.run("2026-12-05")
    before = world.export()
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)
    ledger = sandbox.ledger()
    dry = world.run("2026-12-13", dry_run=True)
    assert world.export() == before and sandbox.ledger() == ledger
    real = world.run("2026-12-13")
    strip = lambda report: ([(c.subject, c.amount, c.payment_method, c.result)  # noqa: E731
                             for c in report.charges],
                            [(m.kind, m.to) for m in report.emails], report.events)
    assert strip(dry) == strip(real)
    assert len(dry.charges) == 4


def test_sc5_a_second_run_while_one_is_running_is_refused_clearly(world: World) -> None:
    with exclusive_run(world.app.url):
        code, _out, err = world.cli("run-due", today="2026-11-01")
    assert code == 1 and "another run is in progress" in err and "pid" in err
    assert world.cli("run-due", today="2026-11-01")[0] == 0


def test_sc5_a_second_run_can_wait_for_the_first(world: World) -> None:
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with exclusive_run(world.app.url):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(10)
    threading.Timer(0.2, release.set).start()
    code, _out, err = world.cli("run-due", "--wait", "10", today="2026-11-01")
    holder.join()
    assert code == 0, err


@pytest.mark.parametrize("latency", [0.0, 0.01], ids=["waves", "round-by-round"])
def test_sc1_concurrent_workers_keep_each_customers_charges_in_order(world: World,
                                                                     latency: float) -> None:
    """Waves of one item per customer, whether the processor answers at once (calls made on the
    run's thread) or makes calls wait (calls made on the workers): each customer's charges in
    order either way."""
    customers = [customer(f"C{n}", card(f"A{n}", token="pm_card_chargeCustomerFail"),
                          card(f"B{n}")) for n in range(12)]
    orders = [order(f"O{n}-{k}", f"C{n}", f"A{n}", f"2026-11-0{k}", count=1)
              for n in range(12) for k in (1, 2, 3)]
    world.load(document(customers, orders=orders))
    world.cli("settings", "processor_concurrency=6")
    world.app.processor.latency = latency  # type: ignore[attr-defined]
    world.run("2026-10-31")
    report = world.run("2026-11-05")
    assert len(report.charges) == 12 * 3 * 2
    with world.session() as s:
        for n in range(12):
            rows = s.execute(select(Attempt.id, Attempt.on, Attempt.installment_id)
                             .join(Attempt.payment_method)
                             .where(Attempt.payment_method.has(customer_id=n + 1))
                             .order_by(Attempt.id)).all()
            subjects = [row.installment_id for row in rows]
            assert subjects == sorted(subjects)  # due 1st, 2nd, 3rd: charged in that order
            assert all(a <= b for a, b in pairwise(subjects))


def recorded_success(s: Session, item: Installment, key: str, number: int, on: date) -> Attempt:
    """A manual attempt (round `number`) whose success was recorded and the run then crashed,
    before the installment was marked paid."""
    method = s.scalars(select(PaymentMethod)).one()
    return Attempt(idempotency_key=key, installment_id=item.id, number=number, round=number,
                   manual=True, on=on, payment_method_id=method.id, amount_minor=3000,
                   currency="EUR", result="succeeded", created_at=datetime.now(UTC))


def test_sc2_a_first_round_whose_only_attempt_succeeded_unapplied_is_concluded_early(
        world: World) -> None:
    """The same crash on a subject never tried before and not yet due: its round is still
    found and concluded by the settling step, though nothing else about it is due."""
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-12-01", count=1)]))
    with world.session() as s:
        item = s.scalars(select(Installment)).one()
        s.add(recorded_success(s, item, "rd_only_success", 1, date(2026, 11, 20)))
        s.commit()
    report = world.run("2026-11-21")
    assert [(r.subject_ref, r.outcome) for r in report.settled] == [("O1#1", "paid")]
    assert report.charges == ()


def test_sc2_round_cut_short_after_its_outcome_was_recorded_is_concluded(world: World) -> None:
    """A crash between recording a success and applying it (here, IN-5's manual attempt, which
    has no next date) leaves no open attempt; the next run still concludes the round."""
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=1)]))
    world.walk("2026-11-01", "2026-11-16")
    with world.session() as s:
        item = s.scalars(select(Installment)).one()
        assert (item.status, item.rounds_done, item.next_attempt_on) == ("failed", 3, None)
        item.final_attempt_used = True
        s.add(recorded_success(s, item, "rd_cut_short", 4, date(2026, 11, 17)))
        s.commit()
    report = world.run("2026-11-18")
    assert [(r.subject_ref, r.outcome) for r in report.settled] == [("O1#1", "paid")]
    assert report.charges == ()
    assert world.export()["installment_orders"][0]["installments"][0]["status"] == "paid"


def test_sc2_a_cancel_during_a_wave_leaves_no_unsent_attempt_and_the_next_run_charges_the_rest(
        world: World) -> None:
    """SC-2 and SC-1's cancel in a wave: the calls not yet made when the run is cancelled are
    not made, their attempts go (the processor never saw their keys); nothing is unknown, and
    the next run charges the rest, each once."""
    world.load(document([customer(f"C{n}", card(f"A{n}")) for n in range(20)],
                        orders=[order(f"O{n}", f"C{n}", f"A{n}", "2026-11-05", count=1)
                                for n in range(20)]))
    cancel = threading.Event()
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)

    class CancelledAfterEight(LosesAnswers):
        calls = 0

        def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
            self.calls += 1
            if self.calls == 8:
                cancel.set()  # the user clicks Cancel while the wave's calls are going out
            return self.real.charge(request, today)

    report = run_due(replace(world.ctx("2026-11-05"),
                             processor=CancelledAfterEight(sandbox, after_charge=False)),
                     cancel=cancel)
    assert report.cancelled
    with world.session() as s:
        results = list(s.scalars(select(Attempt.result)))
    assert results == ["succeeded"] * 8  # the 9th to 20th were never sent, so never kept
    assert len(sandbox.ledger()) == 8
    world.run("2026-11-05")
    with world.session() as s:
        assert list(s.scalars(select(Attempt.result))) == ["succeeded"] * 20
    assert len(sandbox.ledger()) == 20
