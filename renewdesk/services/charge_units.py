"""The charging engine's two units of work for a wave of items: its plan and its record.

The plan reads the wave's subjects, their attempts and the customers' other methods together,
applies what the processor said of open attempts, takes each item's next step (`next_step`)
and commits every new attempt with its idempotency key before any call is made (SC-2). The
record writes what the processor said of the calls that are back and concludes the rounds they
ended, with their events and e-mails. Between the two there are only the calls, made by the
runner (`charging.RoundRunner`) outside the write lock; both units hold the context's write
lock, so the engine's writes take turns with every other writer of the same app.

The wave's subjects are read once, by the plan, and kept in its session (not expired at its
commit) for the record: what the record writes is set from what the processor said (paid,
processing, the cart's new expiry), not computed from columns that may have changed meanwhile.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from renewdesk.domain.sensitive import never_sensitive
from renewdesk.notify.outbox import holding_mails
from renewdesk.payments.processor import ChargeOutcome
from renewdesk.services import invoices
from renewdesk.services.attempts import (
    SKIPPED,
    TABLE,
    Answer,
    Call,
    OpenAttempt,
    PlannedCall,
    apply_answer,
    attempt_row,
    block_if_hard,
    charge_request,
    questions,
    settled,
)
from renewdesk.services.context import Context
from renewdesk.services.invoices import Paid
from renewdesk.services.journal import holding_events
from renewdesk.services.round_step import Next, RoundState, next_step
from renewdesk.services.subjects import DueItem, RoundResult, SubjectRules, methods_for_round
from renewdesk.store import bulk
from renewdesk.store.batches import inserted
from renewdesk.store.models import Attempt, Customer, PaymentMethod

Subjects = dict[tuple[str, int], Any]  # a wave's subjects by (kind, id)
Answers = Mapping[tuple[str, int], dict[int, Answer]]  # by subject, by attempt id


@dataclass(frozen=True)
class Step:
    """One item's step as the plan leaves it: its round ended (`ended`), questions for the
    processor about its open attempts (`ask`), or a call to make (`call`)."""

    ended: RoundResult | None = None
    ask: tuple[OpenAttempt, ...] = ()
    call: PlannedCall | None = None


@dataclass
class _Round:
    """One item's round while the plan takes its next step (ORM objects: never shared between
    threads)."""

    rules: SubjectRules
    subject: Any
    item: DueItem
    attempts: list[Attempt]
    number: int
    this_round: list[Attempt] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.this_round = [a for a in self.attempts if a.round == self.number]


def customer_paying(attempts: Sequence[Attempt]) -> bool:
    """CP-3: the customer's own payment (outside the rounds) awaits its answer: nothing else is
    charged for the item until it is settled (`customer_payments.settle`)."""
    return any(a.round == 0 and a.result in ("unknown", "pending") for a in attempts)


def _key(item: DueItem) -> tuple[str, int]:
    return (item.kind, item.subject_id)


def _written(step: Step, ids: dict[str, int]) -> Step:
    """A new attempt's call, with the id its row was given."""
    if step.call is None or not step.call.fresh:
        return step
    return replace(step, call=replace(step.call, attempt_id=ids[step.call.request.idempotency_key]))


class ChargeUnits:
    """The plan and the record of waves, for one run's rules, date and PM-4 fallback."""

    def __init__(self, ctx: Context, rules: dict[str, SubjectRules], today: date,
                 fallback: bool) -> None:
        self.ctx = ctx
        self.rules = rules
        self.today = today
        self.fallback = fallback
        self._paid: list[Paid] = []  # paid in the unit of work under way: invoiced with it

    def plan(self, session: Session, wave: Sequence[DueItem],
             answers: Answers) -> tuple[Subjects, list[Step]]:
        """Settle what is open, then add each item's next attempt or end its round; every new
        attempt is committed with its key, in one multi-row INSERT (on PostgreSQL, a COPY and
        one INSERT from it: `batches.inserted`), before any call (SC-2).

        Open attempts of the current round are settled first, whatever else holds (SC-2): an
        item with an open attempt the processor was not yet asked about gets its questions
        (asked outside the write lock; the item is planned again in a later wave). A round
        already under way is finished; a new round starts only if the subject is due."""
        with self.ctx.write_lock:
            subjects = self._subjects(session, wave)
            attempts = self._attempts(session, wave)
            self._other_methods(session, wave, subjects, attempts)
            rows: list[dict[str, Any]] = []
            with self._holding(session, self.ctx.clock.now()):
                steps = [self._step(session, self._round(item, subjects, attempts),
                                    answers.get(_key(item), {}), rows) for item in wave]
            if rows:
                session.flush()
                ids: dict[str, int] = inserted(session.connection(), TABLE, rows,
                                               key="idempotency_key")
                steps = [_written(step, ids) for step in steps]
            self._invoice(session)
            session.commit()
        return subjects, steps

    @staticmethod
    @contextmanager
    def _holding(session: Session, now: datetime) -> Iterator[None]:
        """The wave's writes held and made together when it ends: the columns the rules set
        (`bulk.set_columns`), the e-mails (those an invoice goes with, IV-4, read back by
        `_invoice`, stay objects of the unit of work), then the events."""
        with holding_events(session, now), holding_mails(session, kept=invoices.CARRIERS), \
                bulk.holding_changes(session):
            yield

    def _invoice(self, session: Session) -> None:
        """IV-1: what this unit of work recorded as paid is invoiced in it."""
        if self._paid:
            invoices.invoice_payments(session, self._paid, self.today, self.ctx.clock.now())
            self._paid.clear()

    def _round(self, item: DueItem, subjects: Subjects,
               attempts: dict[tuple[str, int], list[Attempt]]) -> _Round:
        subject = subjects[_key(item)]
        return _Round(self.rules[item.kind], subject, item, attempts[_key(item)],
                      subject.rounds_done + 1)

    def _subjects(self, session: Session, items: Sequence[DueItem]) -> Subjects:
        ids: dict[str, list[int]] = {}
        for item in items:
            ids.setdefault(item.kind, []).append(item.subject_id)
        return {(kind, sid): subject for kind, wanted in ids.items()
                for sid, subject in self.rules[kind].load_many(session, wanted).items()}

    def _attempts(self, session: Session,
                  items: Sequence[DueItem]) -> dict[tuple[str, int], list[Attempt]]:
        found: dict[tuple[str, int], list[Attempt]] = {_key(i): [] for i in items}
        for kind in {item.kind for item in items}:
            column = getattr(Attempt, f"{kind}_id")
            wanted = [item.subject_id for item in items if item.kind == kind]
            for attempt in session.scalars(select(Attempt).where(column.in_(wanted))
                                           .order_by(Attempt.number)):
                found[(kind, getattr(attempt, f"{kind}_id"))].append(attempt)
        return found

    def _other_methods(self, session: Session, wave: Sequence[DueItem], subjects: Subjects,
                       attempts: dict[tuple[str, int], list[Attempt]]) -> None:
        """The customers' methods for the rounds that may need more than the chosen one (PM-4):
        read together, not one lazy load each (each of which would flush the wave's attempts)."""
        customers: set[int] = set()
        for item in wave:
            rules, subject = self.rules[item.kind], subjects[_key(item)]
            preferred = rules.preferred_method(subject)
            if attempts[_key(item)] or preferred is None or not preferred.chargeable(self.today):
                customers.add(rules.customer(subject).id)
        if customers:
            session.scalars(select(Customer).where(Customer.id.in_(customers)).options(
                selectinload(Customer.payment_methods))).all()

    def _step(self, session: Session, round_: _Round, answers: dict[int, Answer],
              rows: list[dict[str, Any]]) -> Step:
        """The round's next step: its state read from its attempts (what the processor said
        of them applied), the decision taken by `next_step`, then carried out."""
        rules, subject, item = round_.rules, round_.subject, round_.item
        asked = questions(rules, subject, round_.this_round, answers)
        now = self.ctx.clock.now()
        results = tuple(a.result if asked or a.id not in answers
                        else apply_answer(a, answers[a.id], now) for a in round_.this_round)
        due = bool(round_.this_round) or (
            rules.chargeable(session, subject, self.today, item.manual)
            and not customer_paying(round_.attempts))
        decision = next_step(RoundState(results, unasked=bool(asked), due=due))
        if decision is Next.ASK:
            return Step(ask=asked)
        if decision is Next.RESEND:
            attempt = round_.this_round[results.index("unsent")]
            return Step(call=PlannedCall(attempt.id, attempt.payment_method_id, charge_request(
                rules, subject, attempt.payment_method, attempt.idempotency_key,
                (attempt.amount_minor, attempt.currency))))
        if decision is Next.CHARGE:
            return self._charge_next(session, round_, now, rows)
        if decision is Next.PAID:
            paid = round_.this_round[results.index("succeeded")]
            rules.on_paid(session, subject, paid.payment_method, self.today, now)
            self._paid.append(Paid(paid.id, item.kind, subject))
        elif decision is Next.PENDING:
            rules.on_pending(session, subject)
        return Step(ended=RoundResult(item.kind, rules.reference(subject), decision.value))

    def _charge_next(self, session: Session, round_: _Round, now: datetime,
                     rows: list[dict[str, Any]]) -> Step:
        """PM-4: the next method of the round not yet tried, its attempt's row added to the
        wave's (written together, committed before any call); none left, the round failed."""
        rules, subject, this_round = round_.rules, round_.subject, round_.this_round
        manual = round_.item.manual or any(a.manual for a in this_round)
        tried = {a.payment_method_id for a in this_round}
        method = next((m for m in methods_for_round(rules, subject, self.today, self.fallback)
                       if m.id not in tried), None)
        if method is None:
            rules.on_round_failed(session, subject, this_round, self.today, now, manual)
            return Step(ended=RoundResult(round_.item.kind, rules.reference(subject), "failed"))
        amount = rules.amount(subject)
        key = never_sensitive(lambda: f"rd_{uuid.uuid4().hex}")
        rows.append(attempt_row(idempotency_key=key, number=len(round_.attempts) + 1,
                                round=round_.number, manual=manual, on=self.today,
                                payment_method_id=method.id, amount_minor=amount[0],
                                currency=amount[1], result="unknown", created_at=now,
                                **{f"{rules.kind}_id": subject.id}))
        request = charge_request(rules, subject, method, key, amount)
        return Step(call=PlannedCall(0, method.id, request, fresh=True))  # its id: once written

    def record(self, session: Session, wave: Sequence[DueItem], subjects: Subjects,
               calls: dict[int, tuple[PlannedCall, Call]]) -> dict[int, RoundResult]:
        """What the processor said of each call; the rounds it ended are concluded (paid or
        processing), a declined one goes on in a later wave. The attempts' columns are written
        together (one executemany), not loaded and flushed; a call not made (cancelled) takes
        its new attempt with it, as the processor never saw its key."""
        results: dict[int, RoundResult] = {}
        outcomes: list[dict[str, Any]] = []
        unsent: list[int] = []
        with self.ctx.write_lock:
            now = self.ctx.clock.now()
            with self._holding(session, now):
                for i, (call, outcome) in calls.items():
                    if outcome is SKIPPED:
                        if call.fresh:
                            unsent.append(call.attempt_id)  # never sent: as if never planned
                        continue
                    if outcome is not None:
                        outcomes.append({"id": call.attempt_id, **settled(outcome, now)})
                    result = self._outcome(session, wave[i], call, outcome,
                                           subjects[_key(wave[i])], now)
                    if result is not None:
                        results[i] = result
            bulk.update_rows(session.connection(), TABLE, outcomes)
            self._invoice(session)
            if unsent:
                session.execute(delete(Attempt).where(Attempt.id.in_(unsent)))
            session.commit()
        return results

    def _outcome(self, session: Session, item: DueItem, call: PlannedCall,
                 outcome: ChargeOutcome | None, subject: Any,
                 now: datetime) -> RoundResult | None:
        """What follows a call's outcome; the round's result if it ended."""
        rules = self.rules[item.kind]
        if outcome is None:
            # Timeout or connection error: the outcome is unknown; the next run asks.
            return RoundResult(item.kind, rules.reference(subject), "unknown")
        method = session.get(PaymentMethod, call.method_id)  # read with the subject (the plan)
        assert method is not None
        block_if_hard(method, outcome)
        if outcome.status == "declined":
            return None  # the round goes on with the next method, if any
        if outcome.status == "succeeded":
            rules.on_paid(session, subject, method, self.today, now)
            self._paid.append(Paid(call.attempt_id, item.kind, subject))
        else:
            rules.on_pending(session, subject)
        return RoundResult(item.kind, rules.reference(subject),
                           "paid" if outcome.status == "succeeded" else "pending")
