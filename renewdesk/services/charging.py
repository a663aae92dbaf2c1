"""Taking money: rounds of attempts over a customer's methods (PM-4), crash-safe (SC-2).

A *round* is one scheduled try of a subject (cart, installment, usage invoice): the chosen method
first, then the customer's other valid methods in order, until one succeeds. Each attempt is
committed with its own idempotency key before the processor is called; an attempt whose outcome
is unknown is settled by asking the processor (`lookup`) and, only if the processor never got it,
sent again with the same key. Nothing is ever charged twice.

Concurrency: processor calls for different customers run on a bounded pool of workers, paced by a
shared rate limiter; one customer's subjects run in order on one worker. Database writes happen in
short units of work, each with its own session, serialised by `WRITE_LOCK` (SQLite has one
writer); processor calls happen outside it. Only ids and frozen dataclasses cross threads.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import never_a_card_number
from renewdesk.domain.declines import DeclineKind, classify
from renewdesk.payments.processor import ChargeOutcome, ChargeRequest, ProcessorUnavailable
from renewdesk.payments.ratelimit import RateLimiter
from renewdesk.services.context import Context
from renewdesk.store.models import Attempt, Customer, PaymentMethod

WRITE_LOCK = threading.RLock()


class SubjectRules(Protocol):
    """What differs between carts, installments and usage invoices."""

    kind: str  # the Attempt column prefix: renewal | installment | usage_invoice

    def load(self, session: Session, subject_id: int) -> Any: ...
    def reference(self, subject: Any) -> str: ...
    def customer(self, subject: Any) -> Customer: ...
    def amount(self, subject: Any) -> tuple[int, str]: ...
    def preferred_method(self, subject: Any) -> PaymentMethod | None: ...
    def single_method(self, subject: Any) -> bool: ...
    def chargeable(self, session: Session, subject: Any, today: date, manual: bool) -> bool: ...
    def on_paid(self, session: Session, subject: Any, attempt: Attempt, today: date,
                now: datetime) -> None: ...
    def on_pending(self, session: Session, subject: Any) -> None: ...
    def on_round_failed(self, session: Session, subject: Any, attempts: Sequence[Attempt],
                        today: date, now: datetime, manual: bool) -> None: ...


@dataclass(frozen=True)
class DueItem:
    kind: str
    subject_id: int
    customer_id: int
    sort_key: tuple[date, int]
    manual: bool = False


@dataclass(frozen=True)
class RoundResult:
    kind: str
    subject_ref: str
    outcome: str  # paid | failed | pending | unknown | skipped


@dataclass(frozen=True)
class _Planned:
    attempt_id: int
    request: ChargeRequest


def attempts_of(session: Session, rules: SubjectRules, subject_id: int) -> list[Attempt]:
    column = getattr(Attempt, f"{rules.kind}_id")
    return list(session.scalars(select(Attempt).where(column == subject_id)
                                .order_by(Attempt.number)))


def methods_for_round(rules: SubjectRules, subject: Any, today: date,
                      fallback: bool) -> list[PaymentMethod]:
    """PM-4: the chosen method first, then the customer's other valid methods in order."""
    preferred = rules.preferred_method(subject)
    ordered: list[PaymentMethod] = []
    if preferred is not None and preferred.chargeable(today):
        ordered.append(preferred)
    if fallback and not rules.single_method(subject):
        ordered += [m for m in rules.customer(subject).payment_methods
                    if m.chargeable(today) and m not in ordered]
    if rules.single_method(subject):
        # SEPA orders debit their own mandate only.
        ordered = [m for m in ordered if m is preferred]
    return ordered


@dataclass(frozen=True)
class _OpenAttempt:
    attempt_id: int
    key: str
    metadata: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Answer:
    reached: bool  # False: the processor could not be asked
    outcome: ChargeOutcome | None  # None: it never received a charge with that key


def _apply_answer(attempt: Attempt, answer: _Answer, now: datetime) -> str:
    """What the processor said of an unknown or pending attempt (SC-2); `unsent` when it never
    received it (then, and only then, it is sent again with the same key)."""
    if not answer.reached:
        return attempt.result
    if answer.outcome is None:
        return "unsent" if attempt.result == "unknown" else attempt.result
    _record(attempt, answer.outcome, now)
    return attempt.result


def _record(attempt: Attempt, outcome: ChargeOutcome, now: datetime) -> None:
    attempt.result = outcome.status
    attempt.processor_ref = outcome.processor_ref
    attempt.decline_code = outcome.decline_code
    attempt.hard_decline = classify(outcome.decline_code) is DeclineKind.HARD
    if outcome.status != "pending":
        attempt.settled_at = now
    if outcome.status == "declined" and classify(outcome.decline_code) is DeclineKind.HARD:
        # AR-5: a hard decline is not retried until the payment method changes.
        attempt.payment_method.blocked_code = outcome.decline_code


def _request(rules: SubjectRules, subject: Any, method: PaymentMethod, key: str,
             amount: tuple[int, str]) -> ChargeRequest:
    customer = rules.customer(subject)
    reference = rules.reference(subject)
    return ChargeRequest(
        idempotency_key=key, token=method.token, amount_minor=amount[0], currency=amount[1],
        customer_ref=customer.ref, description=f"{rules.kind} {reference}",
        processor_customer_id=customer.processor_customer_id, method_type=method.type,
        metadata={"subject": reference, "kind": rules.kind, "attempt": key,
                  "payment_method": method.ref},
    )


class RoundRunner:
    """Runs rounds for due subjects; one instance per run, shared by its workers."""

    def __init__(self, ctx: Context, rules: dict[str, SubjectRules], today: date,
                 fallback: bool, limiter: RateLimiter) -> None:
        self.ctx = ctx
        self.rules = rules
        self.today = today
        self.fallback = fallback
        self.limiter = limiter
        self.cancelled = threading.Event()

    def run(self, items: Sequence[DueItem], concurrency: int,
            progress: Callable[[RoundResult], None] | None = None) -> list[RoundResult]:
        by_customer: dict[int, list[DueItem]] = {}
        for item in sorted(items, key=lambda i: (i.customer_id, i.sort_key)):
            by_customer.setdefault(item.customer_id, []).append(item)
        groups = list(by_customer.values())

        def work(group: list[DueItem]) -> list[RoundResult]:
            done: list[RoundResult] = []
            for item in group:
                if self.cancelled.is_set():
                    break
                result = self.run_round(item)
                done.append(result)
                if progress is not None:
                    progress(result)
            return done

        if concurrency <= 1 or len(groups) <= 1:
            return [r for group in groups for r in work(group)]
        with ThreadPoolExecutor(max_workers=min(concurrency, len(groups)),
                                thread_name_prefix="charge") as pool:
            return [r for results in pool.map(work, groups) for r in results]

    def run_round(self, item: DueItem) -> RoundResult:
        rules = self.rules[item.kind]
        while True:
            step = self._next_step(rules, item)
            if isinstance(step, RoundResult):
                return step
            self.limiter.acquire()
            try:
                outcome: ChargeOutcome | None = self.ctx.processor.charge(step.request, self.today)
            except ProcessorUnavailable:
                outcome = None
            result = self._after_call(rules, item, step, outcome)
            if result is not None:
                return result

    def _ask(self, open_attempts: list[_OpenAttempt]) -> dict[int, _Answer]:
        """Ask the processor about open attempts, outside the write lock."""
        answers: dict[int, _Answer] = {}
        for open_attempt in open_attempts:
            self.limiter.acquire()
            try:
                outcome = self.ctx.processor.lookup(open_attempt.key, dict(open_attempt.metadata),
                                                    self.today)
            except ProcessorUnavailable:
                answers[open_attempt.attempt_id] = _Answer(False, None)
            else:
                answers[open_attempt.attempt_id] = _Answer(True, outcome)
        return answers

    def _next_step(self, rules: SubjectRules, item: DueItem) -> _Planned | RoundResult:
        """One unit of work: settle what is open, then commit the next attempt or end the round.

        Open attempts of the current round are settled first, whatever else holds (SC-2); a
        round already under way is finished; a new round starts only if the subject is due.
        The processor is asked about open attempts outside the write lock, so the lock is left
        (and the unit of work taken again) only when there is something to ask.
        """
        answers: dict[int, _Answer] = {}
        while True:
            with WRITE_LOCK, self.ctx.factory() as session:
                subject = rules.load(session, item.subject_id)
                attempts = attempts_of(session, rules, subject.id)
                round_no = subject.rounds_done + 1
                this_round = [a for a in attempts if a.round == round_no]
                questions = [
                    _OpenAttempt(a.id, a.idempotency_key, (("subject", rules.reference(subject)),
                                                           ("attempt", a.idempotency_key)))
                    for a in this_round
                    if a.result in ("unknown", "pending") and a.id not in answers]
                if not questions:
                    return self._conclude(session, rules, subject, item, attempts, this_round,
                                          round_no, answers)
            answers.update(self._ask(questions))

    def _conclude(self, session: Session, rules: SubjectRules, subject: Any, item: DueItem,
                  attempts: list[Attempt], this_round: list[Attempt], round_no: int,
                  answers: dict[int, _Answer]) -> _Planned | RoundResult:
        for attempt in this_round:
            if attempt.id not in answers:
                continue
            state = _apply_answer(attempt, answers[attempt.id], self.ctx.clock.now())
            if state == "unsent":
                # The processor never got it: send it again with the same key.
                session.commit()
                return _Planned(attempt.id, _request(
                    rules, subject, attempt.payment_method, attempt.idempotency_key,
                    (attempt.amount_minor, attempt.currency)))
        if not this_round and not rules.chargeable(session, subject, self.today, item.manual):
            return RoundResult(item.kind, rules.reference(subject), "skipped")
        manual = item.manual or any(a.manual for a in this_round)
        return self._decide(session, rules, subject, item, attempts, this_round, round_no,
                            manual)

    def _decide(self, session: Session, rules: SubjectRules, subject: Any, item: DueItem,
                attempts: list[Attempt], this_round: list[Attempt], round_no: int,
                manual: bool) -> _Planned | RoundResult:
        reference = rules.reference(subject)
        now = self.ctx.clock.now()
        if any(a.result == "succeeded" for a in this_round):
            paid = next(a for a in this_round if a.result == "succeeded")
            rules.on_paid(session, subject, paid, self.today, now)
            session.commit()
            return RoundResult(item.kind, reference, "paid")
        if any(a.result == "unknown" for a in this_round):
            session.commit()
            return RoundResult(item.kind, reference, "unknown")
        if any(a.result == "pending" for a in this_round):
            rules.on_pending(session, subject)
            session.commit()
            return RoundResult(item.kind, reference, "pending")
        tried = {a.payment_method_id for a in this_round}
        remaining = [m for m in methods_for_round(rules, subject, self.today, self.fallback)
                     if m.id not in tried]
        if not remaining:
            rules.on_round_failed(session, subject, this_round, self.today, now, manual)
            session.commit()
            return RoundResult(item.kind, reference, "failed")
        method = remaining[0]
        amount = rules.amount(subject)
        key = never_a_card_number(lambda: f"rd_{uuid.uuid4().hex}")
        attempt = Attempt(
            idempotency_key=key, number=len(attempts) + 1, round=round_no, manual=manual,
            on=self.today, payment_method=method, amount_minor=amount[0], currency=amount[1],
            result="unknown", created_at=now,
        )
        setattr(attempt, f"{rules.kind}_id", subject.id)
        session.add(attempt)
        session.commit()  # SC-2: committed with its key before the processor is called
        return _Planned(attempt.id, _request(rules, subject, method, key, amount))

    def _after_call(self, rules: SubjectRules, item: DueItem, step: _Planned,
                    outcome: ChargeOutcome | None) -> RoundResult | None:
        with WRITE_LOCK, self.ctx.factory() as session:
            attempt = session.get(Attempt, step.attempt_id)
            assert attempt is not None
            if outcome is None:
                # Timeout or connection error: the outcome is unknown; the next run asks.
                session.commit()
                subject = rules.load(session, item.subject_id)
                return RoundResult(item.kind, rules.reference(subject), "unknown")
            _record(attempt, outcome, self.ctx.clock.now())
            if outcome.status == "declined":
                session.commit()
                return None  # the round goes on with the next method, if any
            # Paid or processing: concluded in the same unit of work that records it.
            subject = rules.load(session, item.subject_id)
            if outcome.status == "succeeded":
                rules.on_paid(session, subject, attempt, self.today, self.ctx.clock.now())
            else:
                rules.on_pending(session, subject)
            session.commit()
            return RoundResult(item.kind, rules.reference(subject),
                               "paid" if outcome.status == "succeeded" else "pending")
