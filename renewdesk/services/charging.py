"""Taking money: rounds of attempts over a customer's methods (PM-4), crash-safe (SC-2).

A *round* is one scheduled try of a subject (cart, installment, usage invoice): the chosen method
first, then the customer's other valid methods in order, until one succeeds. Each attempt is
committed with its own idempotency key before the processor is called; an attempt whose outcome
is unknown is settled by asking the processor (`lookup`) and, only if the processor never got it,
sent again with the same key. Nothing is ever charged twice.

One way to charge, whatever the processor's latency. Due items go in *waves*: the current item
of many customers, never two of one customer, so each customer's subjects keep their order. One
unit of work plans a wave and commits all its new attempts with their keys before any call; the
calls are made outside it, through the run's `Pacer` (services/pacing.py: the rate limit, a 429
asked again with the same key); one unit of work records what came back for every call that is
back (`charge_units`). A round that goes on (a decline, another method to try) takes its next
step in a later wave. While calls are out, the customers whose rounds ended go into the next
wave, so up to a wave of calls is always waiting for the processor: it is kept as busy as its
rate limit allows. A processor that answers at once is the case where each call is back before
the next one is made: its calls are made on the run's own thread, as more threads would only
add their cost to the same work. A processor says that its calls wait on something (a network)
with `calls_wait`; by Little's law, it is then the number of calls out at once that sets the
rate, so they are made on a bounded pool, as many at once as the pacer lets out (what the limit
needs at the latency it measures, or `processor_concurrency`), and each call's outcome is
recorded as it comes back, with the progress and the cancel that go with it.

What the engine charges is told by its `SubjectRules` (services/subjects.py): that is the seam
where new kinds of attempt (refunds, payments the customer completes) join the same path, with
its keys, its settling and its pacing. What a round does next is decided by `next_step`
(services/round_step.py) from a small state.

Writes happen only on the run's own thread, each unit of work holding the context's write lock
(`Context.write_lock`, one per app); the pool's threads only call the processor. Only ids and
frozen dataclasses cross threads.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import groupby
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy.orm import Session

from renewdesk.payments.processor import ChargeOutcome, ChargeRequest, ProcessorUnavailable
from renewdesk.services.attempts import SKIPPED, Answer, Call, OpenAttempt, PlannedCall
from renewdesk.services.charge_units import ChargeUnits, Step, Subjects
from renewdesk.services.context import Context
from renewdesk.services.pacing import Pacer
from renewdesk.services.subjects import DueItem, RoundResult, SubjectRules, methods_for_round
from renewdesk.store.batches import collected_after

__all__ = ["DueItem", "RoundResult", "RoundRunner", "SubjectRules", "methods_for_round"]

# Items per wave when nothing limits the processor's rate: each wave costs some twenty
# statements whatever its size, each a round trip to a server.
WAVE = 2000
WAVE_SECONDS = 8  # with a rate limit: a wave holds about this many seconds of calls
P = ParamSpec("P")
T = TypeVar("T")


class _Handle(Protocol):
    """A call set going: a Future on the pool, or a value already there."""

    def done(self) -> bool: ...
    def result(self) -> Any: ...


class _Now:
    """What a call made on the run's own thread gave (no Future: nothing to wait for)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        return self.value


def _charge_many(processor: Any) -> Callable[[list[ChargeRequest], date],
                                            list[ChargeOutcome]] | None:
    """The processor's `charge_many` when its class has one (the sandbox) that goes with its
    `charge`: a processor that changes `charge` after it (a subclass, the instance itself) or
    stands in front of it (a wrapper: a test's, a benchmark's) is called charge by charge."""
    def defines(name: str) -> int | None:  # its place in the class's order of lookup
        return next((n for n, c in enumerate(type(processor).__mro__) if name in vars(c)), None)

    many, one = defines("charge_many"), defines("charge")
    if (many is None or one is None or one < many
            or "charge" in getattr(processor, "__dict__", {})):
        return None
    found: Callable[[list[ChargeRequest], date], list[ChargeOutcome]] = processor.charge_many
    return found


def _at_once(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> _Handle:
    return _Now(fn(*args, **kwargs))


Start = Callable[..., _Handle]  # how a wave's calls are set going: `_at_once` or a pool's submit


@dataclass
class _Wave:
    """Items planned together, with the session that read their subjects for the record."""

    number: int
    items: list[DueItem]
    queues: list[deque[DueItem]]  # each item's customer's queue, the item first in it
    session: Session
    subjects: Subjects
    steps: list[Step]
    open: int  # items whose step is not over; the session is closed when none is left


Out = dict[Any, tuple[_Wave, int]]  # what is waited for: each pool Future's wave and item
Back = list[tuple[_Wave, int, _Handle]]  # what is back: each call's wave, item and handle


class RoundRunner:
    """Runs rounds for due subjects; one instance per run."""

    def __init__(self, ctx: Context, rules: dict[str, SubjectRules], today: date,
                 fallback: bool, pacer: Pacer) -> None:
        self.ctx = ctx
        self.today = today
        self.pacer = pacer
        self.units = ChargeUnits(ctx, rules, today, fallback)
        self.cancelled = threading.Event()
        self._answers: dict[tuple[str, int], dict[int, Answer]] = {}
        self._waves = 0
        self._alone = False  # the calls are made on the run's own thread, one at a time

    def wave_size(self) -> int:
        rate = self.pacer.limiter.per_second
        return max(self.pacer.threads, rate * WAVE_SECONDS) if rate > 0 else WAVE

    def run(self, items: Sequence[DueItem],
            progress: Callable[[RoundResult], None] | None = None) -> list[RoundResult]:
        """Every item's round to its end (or to a cancel), each customer's in order; `progress`
        hears of each round as it ends."""
        by_customer: dict[int, deque[DueItem]] = {}
        for item in sorted(items, key=lambda i: (i.customer_id, i.sort_key)):
            by_customer.setdefault(item.customer_id, deque()).append(item)
        ready = deque(by_customer.values())
        results: list[RoundResult] = []
        window = self.wave_size()
        out: Out = {}
        with self._callers(len(ready)) as start, self._closing(out):
            while out or (ready and not self.cancelled.is_set()):
                with collected_after():  # a wave makes a great many short-lived objects
                    room = min(window - len(out), len(ready))
                    back: Back = []
                    if room > 0 and not self.cancelled.is_set():
                        back = self._start([ready.popleft() for _ in range(room)], start, out)
                    if not back:
                        back = [(*out.pop(future), future)
                                for future in wait(out, return_when=FIRST_COMPLETED).done]
                    back.sort(key=lambda entry: (entry[0].number, entry[1]))
                    for queue, result in self._finish(back):
                        if result is not None:
                            queue.popleft()
                            results.append(result)
                            if progress is not None:
                                progress(result)
                        if queue:
                            ready.append(queue)
        return results

    def run_round(self, item: DueItem) -> RoundResult:
        """One subject's round, to its end (a manual charge)."""
        return self.run([item])[0]

    @contextmanager
    def _callers(self, customers: int) -> Iterator[Start]:
        """Who makes the calls: the run's own thread for a processor that answers at once (or
        a single customer, who has one call out at a time); otherwise a bounded pool, even of
        one thread, so that what comes back is recorded, and heard of, while the rest wait.
        The pool has the most threads the pacer may let out; it lets out what is needed."""
        if customers > 1 and getattr(self.ctx.processor, "calls_wait", False):
            with ThreadPoolExecutor(max_workers=max(1, self.pacer.threads),
                                    thread_name_prefix="charge") as pool:
                yield pool.submit
        else:
            self._alone = True
            try:
                yield _at_once
            finally:
                self._alone = False

    @contextmanager
    def _closing(self, out: Out) -> Iterator[None]:
        """The sessions of waves still waiting when a run stops on an error."""
        try:
            yield
        finally:
            for session in {id(wave.session): wave.session for wave, _ in out.values()}.values():
                session.close()

    def _start(self, queues: list[deque[DueItem]], start: Start, out: Out) -> Back:
        """Plan a wave (its new attempts committed), then set its questions and calls going:
        those still out are added to `out`; what is already back is returned."""
        items = [queue[0] for queue in queues]
        session = self.ctx.factory()
        session.expire_on_commit = False
        try:
            subjects, steps = self.units.plan(session, items, self._answers)
            self._waves += 1
            wave = _Wave(self._waves, items, queues, session, subjects, steps, len(queues))
            going: Back = [(wave, i, start(self._ask, step.ask))  # first: they settle what is open
                           for i, step in enumerate(steps) if step.ask]
            calls = self._calls(steps, start)
            going += [(wave, i, calls[i] if step.call is not None else _Now(step.ended))
                      for i, step in enumerate(steps) if not step.ask]
        except BaseException:
            session.close()
            raise
        for _wave, i, handle in going:
            if not handle.done():
                out[handle] = (wave, i)
        return [entry for entry in going if entry[2].done()]

    def _finish(self, back: Back) -> Iterator[tuple[deque[DueItem], RoundResult | None]]:
        """What is back, in the order it was planned: each item's queue and, if its round
        ended, its result. The calls of one wave are recorded in one unit of work."""
        for _number, group in groupby(back, key=lambda entry: entry[0].number):
            entries = list(group)
            wave = entries[0][0]
            ended = self._conclude(wave, [(i, handle) for _wave, i, handle in entries])
            for _wave, i, _handle in entries:
                item, result = wave.items[i], ended.get(i)
                if result is not None:
                    self._answers.pop((item.kind, item.subject_id), None)
                yield wave.queues[i], result
            wave.open -= len(entries)
            if not wave.open:
                wave.session.close()

    def _conclude(self, wave: _Wave, back: list[tuple[int, _Handle]]) -> dict[int, RoundResult]:
        """The rounds that ended, by position: in the plan, or by the record of their calls;
        what the processor said of open attempts is kept for the item's next plan."""
        ended: dict[int, RoundResult] = {}
        made: dict[int, tuple[PlannedCall, Call]] = {}
        for i, handle in back:
            step, value = wave.steps[i], handle.result()
            if step.call is not None:
                made[i] = (step.call, value)
            elif step.ask:
                item = wave.items[i]
                self._answers.setdefault((item.kind, item.subject_id), {}).update(value)
            elif step.ended is not None:
                ended[i] = step.ended
        if made:
            ended.update(self.units.record(wave.session, wave.items, wave.subjects, made))
        return ended

    def _calls(self, steps: list[Step], start: Start) -> dict[int, _Handle]:
        """The wave's calls set going, by position: one by one; or, when they are made on the
        run's own thread with no rate to keep, to a processor that takes many at once
        (`charge_many`: the sandbox's ledger written in one transaction, not one per charge),
        all together. Every attempt was committed with its key before (SC-2) either way."""
        requests = {i: step.call.request for i, step in enumerate(steps)
                    if step.call is not None and not step.ask}
        many = _charge_many(self.ctx.processor)
        if (many is None or not self._alone or self.pacer.limiter.per_second > 0
                or len(requests) < 2):
            return {i: start(self._call, request) for i, request in requests.items()}
        outcomes = self._call_many(many, list(requests.values()))
        return {i: _Now(outcome) for i, outcome in zip(requests, outcomes, strict=True)}

    def _call_many(self, many: Callable[[list[ChargeRequest], date], list[ChargeOutcome]],
                   requests: list[ChargeRequest]) -> list[Call]:
        if self.cancelled.is_set():
            return [SKIPPED] * len(requests)
        try:
            return list(self.pacer.send(partial(many, requests, self.today), self.cancelled,
                                        alone=True))
        except ProcessorUnavailable:  # unknown, each of them: settled by asking (SC-2)
            return [None] * len(requests)

    def _call(self, request: ChargeRequest) -> Call:
        if self.cancelled.is_set():
            return SKIPPED
        try:
            return self.pacer.send(partial(self.ctx.processor.charge, request, self.today),
                                   self.cancelled, alone=self._alone)
        except ProcessorUnavailable:  # a 429 too, after the last try: unknown, never declined
            return None

    def _ask(self, open_attempts: tuple[OpenAttempt, ...]) -> dict[int, Answer]:
        """Ask the processor about open attempts, outside the write lock."""
        answers: dict[int, Answer] = {}
        for open_attempt in open_attempts:
            lookup = partial(self.ctx.processor.lookup, open_attempt.key,
                             dict(open_attempt.metadata), self.today)
            try:
                outcome = self.pacer.send(lookup, self.cancelled, alone=self._alone)
            except ProcessorUnavailable:
                answers[open_attempt.attempt_id] = Answer(False, None)
            else:
                answers[open_attempt.attempt_id] = Answer(True, outcome)
        return answers
