"""Taking money: rounds of attempts over a customer's methods (PM-4), crash-safe (SC-2).

A *round* is one scheduled try of a subject (cart, installment, usage invoice): the chosen method
first, then the customer's other valid methods in order, until one succeeds. Each attempt is
committed with its own idempotency key before the processor is called; an attempt whose outcome
is unknown is settled by asking the processor (`lookup`) and, only if the processor never got it,
sent again with the same key. Nothing is ever charged twice.

Concurrency: while the processor answers at once, due items go in waves of at most one item per
customer (`RoundRunner`), so each customer's subjects are charged in order; once calls wait on a
network, rounds run on a bounded pool of workers, one customer's subjects in order on one worker.
Calls are paced by a shared rate limiter. Database writes happen in units of work, each with its
own session, serialised by `WRITE_LOCK` (SQLite has one writer); processor calls happen outside
it. Only ids and frozen dataclasses cross threads.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session, selectinload

from renewdesk.domain.declines import DeclineKind, classify
from renewdesk.domain.sensitive import never_sensitive
from renewdesk.payments.processor import ChargeOutcome, ChargeRequest, ProcessorUnavailable
from renewdesk.payments.ratelimit import RateLimiter
from renewdesk.services.context import Context
from renewdesk.services.journal import holding_events
from renewdesk.services.round_step import Next, RoundState, next_step
from renewdesk.store.batches import collected_after
from renewdesk.store.models import Attempt, Customer, PaymentMethod

WRITE_LOCK = threading.RLock()
T = TypeVar("T")
U = TypeVar("U")


class SubjectRules(Protocol):
    """What differs between carts, installments and usage invoices."""

    kind: str  # the Attempt column prefix: renewal | installment | usage_invoice

    def load_many(self, session: Session, ids: Sequence[int]) -> dict[int, Any]: ...
    def reference(self, subject: Any) -> str: ...
    def customer(self, subject: Any) -> Customer: ...
    def amount(self, subject: Any) -> tuple[int, str]: ...
    def preferred_method(self, subject: Any) -> PaymentMethod | None: ...
    def single_method(self, subject: Any) -> bool: ...
    def chargeable(self, session: Session, subject: Any, today: date, manual: bool) -> bool: ...
    def on_paid(self, session: Session, subject: Any, method: PaymentMethod, today: date,
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
    method_id: int
    request: ChargeRequest
    fresh: bool = False  # added in this wave (not an unsent one sent again)


def methods_for_round(rules: SubjectRules, subject: Any, today: date,
                      fallback: bool) -> Iterator[PaymentMethod]:
    """PM-4: the chosen method first, then the customer's other valid methods in order. Lazily:
    the customer's other methods are read only when the chosen one will not do."""
    preferred = rules.preferred_method(subject)
    if preferred is not None and preferred.chargeable(today):
        yield preferred
    if fallback and not rules.single_method(subject):  # SEPA orders debit their own mandate only
        yield from (m for m in rules.customer(subject).payment_methods
                    if m.chargeable(today) and m is not preferred)


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
    for column, value in _settled(answer.outcome, now).items():
        setattr(attempt, column, value)
    _block_if_hard(attempt.payment_method, answer.outcome)
    return attempt.result


def _settled(outcome: ChargeOutcome, now: datetime) -> dict[str, Any]:
    """An attempt's columns once the processor said what became of it."""
    return {"result": outcome.status, "processor_ref": outcome.processor_ref,
            "decline_code": outcome.decline_code,
            "hard_decline": classify(outcome.decline_code) is DeclineKind.HARD,
            "settled_at": None if outcome.status == "pending" else now}


_ATTEMPT: Any = Attempt.__table__
# Many attempts' outcomes in one executemany, by id (`attempt_id`); SQLAlchemy sets the columns
# the rows name, `_settled`'s.
_SETTLE = _ATTEMPT.update().where(_ATTEMPT.c.id == bindparam("attempt_id"))


def _column_defaults(table: Any) -> dict[str, Any]:
    return {column.key: (column.default.arg if column.default is not None
                         and column.default.is_scalar else None)
            for column in table.columns if not column.primary_key}


_ATTEMPT_ROW = _column_defaults(_ATTEMPT)


def attempt_row(**values: Any) -> dict[str, Any]:
    """A new attempt's row for a many-row INSERT, read from the model: every column, with its
    default where the caller gives none, so the rows of one INSERT share their keys whatever
    their subject, and a column the model gains is written (or refused) instead of silently
    left out. A name the model does not have is refused."""
    unknown = values.keys() - _ATTEMPT_ROW.keys()
    if unknown:
        raise TypeError(f"Attempt has no column {', '.join(sorted(unknown))}")
    return {**_ATTEMPT_ROW, **values}


def _block_if_hard(method: PaymentMethod, outcome: ChargeOutcome) -> None:
    if outcome.status == "declined" and classify(outcome.decline_code) is DeclineKind.HARD:
        # AR-5: a hard decline is not retried until the payment method changes.
        method.blocked_code = outcome.decline_code


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


WAVE = 500  # items per wave when nothing limits the processor's rate
WAVE_SECONDS = 8  # with a rate limit: a wave holds about this many seconds of calls
SLOW_CALL = 0.005  # seconds: calls this long wait on something; they then go in parallel
PROBE_CALLS = 3  # the processor waits when each of the last this many calls was slow


@dataclass(frozen=True)
class _Skipped:
    """A call not made: the run was cancelled before its turn."""


_SKIPPED = _Skipped()
Call = ChargeOutcome | None | _Skipped  # None: the outcome is unknown (timeout, no network)


@dataclass(frozen=True)
class _New:
    """An attempt to add in a wave's unit of work (its row); its id is known once written."""

    row: dict[str, Any]
    request: ChargeRequest


@dataclass
class _Round:
    """One item's round while a unit of work plans its next step (ORM objects: never shared
    between threads)."""

    rules: SubjectRules
    subject: Any
    item: DueItem
    attempts: list[Attempt]
    number: int
    this_round: list[Attempt] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.this_round = [a for a in self.attempts if a.round == self.number]


Step = _Planned | RoundResult | list[_OpenAttempt] | _New
Subjects = dict[tuple[str, int], Any]  # a wave's subjects by (kind, id)


class RoundRunner:
    """Runs rounds for due subjects; one instance per run.

    While the processor answers at once, due items go in *waves*: the current item of up to
    `WAVE` customers (one item per customer, so each customer's subjects keep their order). A
    wave takes one step of each of its items: one unit of work plans them all and commits
    every new attempt with its key (SC-2: before any call); the calls are made; one unit of
    work records what came back and concludes the rounds that ended, with their events and
    e-mails. A round that goes on (a decline, another method to try) takes its next step in the
    next wave. Issue 6: one unit of work per item and step was 17 statements and 3 commits a
    charge. Once calls make it wait (a network), the rest goes round by round on the bounded
    pool of workers (`_stream`), paced by the rate limiter, as busy as the limit allows, with
    progress and cancel at each round.
    """

    def __init__(self, ctx: Context, rules: dict[str, SubjectRules], today: date,
                 fallback: bool, limiter: RateLimiter) -> None:
        self.ctx = ctx
        self.rules = rules
        self.today = today
        self.fallback = fallback
        self.limiter = limiter
        self.cancelled = threading.Event()
        self._answers: dict[tuple[str, int], dict[int, _Answer]] = {}
        self._timed: deque[float] = deque(maxlen=PROBE_CALLS)  # the last calls' durations
        self._processor_waits = False  # has a call taken longer than SLOW_CALL?

    def wave_size(self, concurrency: int) -> int:
        if self.limiter.per_second > 0:
            return max(concurrency, self.limiter.per_second * WAVE_SECONDS)
        return WAVE

    def run(self, items: Sequence[DueItem], concurrency: int,
            progress: Callable[[RoundResult], None] | None = None) -> list[RoundResult]:
        by_customer: dict[int, deque[DueItem]] = {}
        for item in sorted(items, key=lambda i: (i.customer_id, i.sort_key)):
            by_customer.setdefault(item.customer_id, deque()).append(item)
        waiting = deque(by_customer.values())
        results: list[RoundResult] = []
        with ExitStack() as stack:
            pool = None
            if concurrency > 1 and len(waiting) > 1:
                pool = stack.enter_context(ThreadPoolExecutor(
                    max_workers=concurrency, thread_name_prefix="charge"))
            while waiting and not self.cancelled.is_set():
                if self._processor_waits:
                    results += self._stream(list(waiting), pool, progress)
                    break
                # One item at a time until a few calls tell whether the processor waits.
                size = self.wave_size(concurrency) if len(self._timed) == PROBE_CALLS else 1
                wave = [waiting.popleft() for _ in range(min(size, len(waiting)))]
                with collected_after():  # a wave makes ~100,000 short-lived objects
                    done = self._wave([queue[0] for queue in wave], pool)
                for index, queue in enumerate(wave):
                    result = done.get(index)
                    if result is not None:
                        queue.popleft()
                        results.append(result)
                        if progress is not None:
                            progress(result)
                    if queue:
                        waiting.append(queue)
        return results

    def _stream(self, groups: list[deque[DueItem]], pool: ThreadPoolExecutor | None,
                progress: Callable[[RoundResult], None] | None) -> list[RoundResult]:
        """A processor that makes calls wait (a network): each worker takes a customer's
        subjects one round at a time, in order; progress comes with each round, a cancel stops
        between rounds. The database's work is then too small to be worth batching."""
        def work(group: deque[DueItem]) -> list[RoundResult]:
            done: list[RoundResult] = []
            for item in group:
                if self.cancelled.is_set():
                    break
                result = self.run_round(item)
                done.append(result)
                if progress is not None:
                    progress(result)
            return done

        return [result for done in self._map(pool, work, groups) for result in done]

    def run_round(self, item: DueItem) -> RoundResult:
        """One subject's round, to its end (a manual charge)."""
        while True:
            result = self._wave([item], None).get(0)
            if result is not None:
                return result

    @staticmethod
    def _map(pool: ThreadPoolExecutor | None, work: Callable[[T], U], values: list[T]) -> list[U]:
        return list(pool.map(work, values)) if pool is not None else [work(v) for v in values]

    def _wave(self, wave: list[DueItem], pool: ThreadPoolExecutor | None) -> dict[int, RoundResult]:
        """One step of each item's round; the results of the rounds that ended, by position.

        The wave's subjects are read once, by the plan, and kept (not expired at its commit) for
        the record: between the two there are only the wave's calls, and what the record writes
        is set from what the processor said (paid, processing, the cart's new expiry), not
        computed from columns that may have changed meanwhile."""
        with self.ctx.factory() as session:
            session.expire_on_commit = False
            subjects, steps = self._plan(session, wave)
            results = {i: step for i, step in steps.items() if isinstance(step, RoundResult)}
            asked = {i: step for i, step in steps.items() if isinstance(step, list)}
            for i, answers in zip(asked, self._map(pool, self._ask, list(asked.values())),
                                  strict=True):
                self._answers.setdefault((wave[i].kind, wave[i].subject_id), {}).update(answers)
            planned = {i: step for i, step in steps.items() if isinstance(step, _Planned)}
            if planned:
                calls = self._calls(pool, list(planned.values()))
                results.update(self._record(session, wave, subjects, planned,
                                            dict(zip(planned, calls, strict=True))))
        for i in results:
            self._answers.pop((wave[i].kind, wave[i].subject_id), None)
        return results

    def _calls(self, pool: ThreadPoolExecutor | None, steps: list[_Planned]) -> list[Call]:
        """The wave's calls, in order of steps. Made one after the other while the processor
        answers at once (threads would only cost: a zero-latency sandbox), on the pool from
        the first call that makes it wait (a network)."""
        calls: list[Call] = []
        while pool is None or not self._processor_waits:
            if len(calls) == len(steps):
                return calls
            started = time.monotonic()
            calls.append(self._call(steps[len(calls)]))
            self._timed.append(time.monotonic() - started)
            # A network makes every call wait; a pause of this process, only some.
            self._processor_waits = (len(self._timed) == PROBE_CALLS
                                     and min(self._timed) > SLOW_CALL)
        return calls + self._map(pool, self._call, steps[len(calls):])

    def _call(self, step: _Planned) -> Call:
        if self.cancelled.is_set():
            return _SKIPPED
        self.limiter.acquire()
        try:
            return self.ctx.processor.charge(step.request, self.today)
        except ProcessorUnavailable:
            return None

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

    # -- the units of work ---------------------------------------------------------------
    def _subjects(self, session: Session, items: Sequence[DueItem]) -> Subjects:
        ids: dict[str, list[int]] = {}
        for item in items:
            ids.setdefault(item.kind, []).append(item.subject_id)
        return {(kind, sid): subject for kind, wanted in ids.items()
                for sid, subject in self.rules[kind].load_many(session, wanted).items()}

    def _attempts(self, session: Session, items: Sequence[DueItem]) -> dict[tuple[str, int],
                                                                            list[Attempt]]:
        found: dict[tuple[str, int], list[Attempt]] = {(i.kind, i.subject_id): [] for i in items}
        for kind in {item.kind for item in items}:
            column = getattr(Attempt, f"{kind}_id")
            wanted = [item.subject_id for item in items if item.kind == kind]
            for attempt in session.scalars(select(Attempt).where(column.in_(wanted))
                                           .order_by(Attempt.number)):
                found[(kind, getattr(attempt, f"{kind}_id"))].append(attempt)
        return found

    def _plan(self, session: Session, wave: list[DueItem]) -> tuple[Subjects, dict[int, Step]]:
        """One unit of work: settle what is open, then add each item's next attempt or end its
        round. Every new attempt is committed with its key before any call (SC-2).

        Open attempts of the current round are settled first, whatever else holds (SC-2): an
        item with an open attempt the processor was not yet asked about returns its questions
        (asked outside the write lock; the item is planned again in the next wave). A round
        already under way is finished; a new round starts only if the subject is due.
        """
        steps: dict[int, Step] = {}
        with WRITE_LOCK:
            subjects = self._subjects(session, wave)
            attempts = self._attempts(session, wave)
            self._other_methods(session, wave, subjects, attempts)
            with holding_events(session, self.ctx.clock.now()):
                for i, item in enumerate(wave):
                    key = (item.kind, item.subject_id)
                    steps[i] = self._step(session, self.rules[item.kind], subjects[key], item,
                                          attempts[key], self._answers.get(key, {}))
            new = {i: step for i, step in steps.items() if isinstance(step, _New)}
            if new:
                session.flush()
                table = Attempt.__table__
                written = session.connection().execute(
                    table.insert().returning(table.c.idempotency_key, table.c.id),  # type: ignore[attr-defined]
                    [step.row for step in new.values()])
                ids: dict[str, int] = {key: row_id for key, row_id in written}
                for i, step in new.items():
                    steps[i] = _Planned(ids[step.request.idempotency_key],
                                        step.row["payment_method_id"], step.request, fresh=True)
            session.commit()
        return subjects, steps

    def _other_methods(self, session: Session, wave: list[DueItem],
                       subjects: dict[tuple[str, int], Any],
                       attempts: dict[tuple[str, int], list[Attempt]]) -> None:
        """The customers' methods for the rounds that may need more than the chosen one (PM-4):
        read together, not one lazy load each (each of which would flush the wave's attempts)."""
        customers: set[int] = set()
        for item in wave:
            key = (item.kind, item.subject_id)
            rules, subject = self.rules[item.kind], subjects[key]
            preferred = rules.preferred_method(subject)
            if attempts[key] or preferred is None or not preferred.chargeable(self.today):
                customers.add(rules.customer(subject).id)
        if customers:
            session.scalars(select(Customer).where(Customer.id.in_(customers)).options(
                selectinload(Customer.payment_methods))).all()

    def _step(self, session: Session, rules: SubjectRules, subject: Any, item: DueItem,
              attempts: list[Attempt], answers: dict[int, _Answer]) -> Step:
        """The round's next step: its state read from its attempts (what the processor said
        of them applied), the decision taken by `next_step`, then carried out."""
        round_ = _Round(rules, subject, item, attempts, subject.rounds_done + 1)
        questions = [
            _OpenAttempt(a.id, a.idempotency_key, (("subject", rules.reference(subject)),
                                                   ("attempt", a.idempotency_key)))
            for a in round_.this_round
            if a.result in ("unknown", "pending") and a.id not in answers]
        now = self.ctx.clock.now()
        results = tuple(a.result if questions or a.id not in answers
                        else _apply_answer(a, answers[a.id], now) for a in round_.this_round)
        due = bool(round_.this_round) or rules.chargeable(session, subject, self.today,
                                                          item.manual)
        decision = next_step(RoundState(results, unasked=bool(questions), due=due))
        if decision is Next.ASK:
            return questions
        if decision is Next.RESEND:
            attempt = round_.this_round[results.index("unsent")]
            return _Planned(attempt.id, attempt.payment_method_id, _request(
                rules, subject, attempt.payment_method, attempt.idempotency_key,
                (attempt.amount_minor, attempt.currency)))
        if decision is Next.PAID:
            paid = round_.this_round[results.index("succeeded")]
            rules.on_paid(session, subject, paid.payment_method, self.today, now)
        elif decision is Next.PENDING:
            rules.on_pending(session, subject)
        elif decision is Next.CHARGE:
            return self._charge_next(session, round_, now)
        return RoundResult(item.kind, rules.reference(subject), decision.value)

    def _charge_next(self, session: Session, round_: _Round, now: datetime) -> Step:
        """PM-4: the next method of the round not yet tried; none left, the round failed."""
        rules, subject, this_round = round_.rules, round_.subject, round_.this_round
        manual = round_.item.manual or any(a.manual for a in this_round)
        tried = {a.payment_method_id for a in this_round}
        method = next((m for m in methods_for_round(rules, subject, self.today, self.fallback)
                       if m.id not in tried), None)
        if method is None:
            rules.on_round_failed(session, subject, this_round, self.today, now, manual)
            return RoundResult(round_.item.kind, rules.reference(subject), "failed")
        amount = rules.amount(subject)
        key = never_sensitive(lambda: f"rd_{uuid.uuid4().hex}")
        row = attempt_row(idempotency_key=key, number=len(round_.attempts) + 1,
                          round=round_.number, manual=manual, on=self.today,
                          payment_method_id=method.id, amount_minor=amount[0],
                          currency=amount[1], result="unknown", created_at=now,
                          **{f"{rules.kind}_id": subject.id})
        # Written with the wave's others, committed before any call (SC-2).
        return _New(row, _request(rules, subject, method, key, amount))

    def _record(self, session: Session, wave: list[DueItem], subjects: Subjects,
                planned: dict[int, _Planned], calls: dict[int, Call]) -> dict[int, RoundResult]:
        """One unit of work: what the processor said of each call; the rounds it ended are
        concluded in it (paid or processing), a declined one goes on in the next wave. The
        attempts' columns are written together (one executemany), not loaded and flushed."""
        results: dict[int, RoundResult] = {}
        settled: list[dict[str, Any]] = []
        unsent: list[int] = []
        with WRITE_LOCK:
            now = self.ctx.clock.now()
            with holding_events(session, now):
                for i, step in planned.items():
                    outcome = calls[i]
                    if isinstance(outcome, _Skipped):
                        if step.fresh:
                            unsent.append(step.attempt_id)  # never sent: as if never planned
                        continue
                    if outcome is not None:
                        settled.append({"attempt_id": step.attempt_id, **_settled(outcome, now)})
                    result = self._outcome(session, wave[i], step, outcome,
                                           subjects[(wave[i].kind, wave[i].subject_id)], now)
                    if result is not None:
                        results[i] = result
            if settled:
                session.connection().execute(_SETTLE, settled)
            if unsent:
                session.execute(delete(Attempt).where(Attempt.id.in_(unsent)))
            session.commit()
        return results

    def _outcome(self, session: Session, item: DueItem, step: _Planned,
                 outcome: ChargeOutcome | None, subject: Any,
                 now: datetime) -> RoundResult | None:
        """What follows a call's outcome; the round's result if it ended."""
        rules = self.rules[item.kind]
        if outcome is None:
            # Timeout or connection error: the outcome is unknown; the next run asks.
            return RoundResult(item.kind, rules.reference(subject), "unknown")
        method = session.get(PaymentMethod, step.method_id)  # read with the subject (the plan)
        assert method is not None
        _block_if_hard(method, outcome)
        if outcome.status == "declined":
            return None  # the round goes on with the next method, if any
        if outcome.status == "succeeded":
            rules.on_paid(session, subject, method, self.today, now)
        else:
            rules.on_pending(session, subject)
        return RoundResult(item.kind, rules.reference(subject),
                           "paid" if outcome.status == "succeeded" else "pending")
