"""SY-2: how the charging engine's calls reach the processor: paced to its limit, as many at
once as that limit needs at the latency the calls themselves show, and a 429 asked again.

By Little's law the calls out at once are the rate times the time each takes: at 100 requests/s
and 250 ms, 25 calls. The time is measured (a moving average of the calls' durations), so no
setting has to guess it; a margin covers its spread, a cap bounds the threads. The limiter, not
the number of calls out, is what keeps the rate.

A rate-limited answer (`RateLimited`, HTTP 429) means the processor did nothing: the same
request, with the same idempotency key, is sent again after a backoff that doubles (with
jitter), and the limiter slows down a little. After the last try the outcome is left unknown,
settled by asking at the next run, as any unavailable processor's is (SC-2). Never a decline.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TypeVar

from renewdesk.payments.processor import RateLimited
from renewdesk.payments.ratelimit import RateLimiter

T = TypeVar("T")

CAP = 64  # threads, and calls out at once, at most
FLOOR = 4  # calls out at once before any has come back, and at least
MARGIN = 1.25  # over Little's law, for the spread of the calls' durations
SMOOTHING = 0.2  # weight of the latest call in the moving average
TRIES = 8  # sends of one request turned away for the rate
FIRST_BACKOFF = 0.5  # seconds before the second send; doubling
LONGEST_BACKOFF = 8.0


def needed_calls(per_second: int, latency: float | None) -> int:
    """How many calls must be out at once for `per_second` at `latency` seconds each."""
    if per_second <= 0 or latency is None:
        return FLOOR
    return max(FLOOR, min(CAP, math.ceil(per_second * latency * MARGIN) + 1))


def backoff(try_number: int, first: float = FIRST_BACKOFF) -> float:
    """Seconds to wait after the `try_number`-th send (from 1) was turned away: doubling from
    `first` up to LONGEST_BACKOFF, half of it drawn at random so that calls turned away
    together do not come back together."""
    ceiling = min(LONGEST_BACKOFF, first * 2.0 ** (try_number - 1))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


class Pacer:
    """The calls of one run (or of one charge by hand). `concurrency`: the
    `processor_concurrency` setting, calls out at once; 0 for as many as the limit needs."""

    def __init__(self, limiter: RateLimiter, concurrency: int = 0) -> None:
        self.limiter = limiter
        self.concurrency = concurrency
        self.tries = TRIES
        self.first_backoff = FIRST_BACKOFF
        self.rate_limited = 0  # answers turned away for the rate (each send counts)
        self.latency: float | None = None  # seconds, a moving average of the calls'
        self._out = 0
        self._room = threading.Condition()

    @property
    def threads(self) -> int:
        """The pool's threads: the setting, or enough for the most calls ever needed."""
        return self.concurrency or CAP

    def calls_out(self) -> int:
        """Calls let out at once now: the setting, or what the limit needs at the latency."""
        return self.concurrency or needed_calls(self.limiter.per_second, self.latency)

    def send(self, call: Callable[[], T], stop: threading.Event | None = None, *,
             alone: bool = False) -> T:
        """`call()`, paced; sent again while it is turned away for the rate. Raises the last
        `RateLimited` after the last try, or as soon as `stop` is set. `alone`: the caller
        makes its calls one after the other on one thread, so none waits for a slot."""
        stop = stop or threading.Event()
        for number in range(1, self.tries + 1):
            try:
                with nullcontext() if alone else self._slot():
                    self.limiter.acquire()
                    return self._timed(call)
            except RateLimited:
                with self._room:
                    self.rate_limited += 1
                self.limiter.slow_down()
                if number == self.tries or stop.wait(backoff(number, self.first_backoff)):
                    raise
        raise AssertionError("unreachable: the last try returns or raises")

    @contextmanager
    def _slot(self) -> Iterator[None]:
        with self._room:
            self._room.wait_for(lambda: self._out < self.calls_out())
            self._out += 1
        try:
            yield
        finally:
            with self._room:
                self._out -= 1
                self._room.notify_all()

    def _timed(self, call: Callable[[], T]) -> T:
        """`call()`, its duration kept unless it was turned away (a 429 comes back at once and
        says nothing of how long the processor takes to act)."""
        start = time.monotonic()
        try:
            value = call()
        except RateLimited:
            raise
        except BaseException:
            self._measure(time.monotonic() - start)
            raise
        self._measure(time.monotonic() - start)
        return value

    def _measure(self, took: float) -> None:
        with self._room:
            before = self.latency
            self.latency = took if before is None else before + SMOOTHING * (took - before)
            self._room.notify_all()  # a longer latency lets more calls out
