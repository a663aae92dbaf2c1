"""Pacing shared by the workers that call the processor (SY-2: its documented limit by mode).

A token bucket whose burst defaults to one request: calls are spaced evenly, so no one-second
window ever holds more than the limit (a larger burst would let twice the limit through in the
first second and earn 429 answers)."""

from __future__ import annotations

import threading
import time

STRIPE_TEST_LIMIT = 25  # requests per second, Stripe's documented limit in test mode
STRIPE_LIVE_LIMIT = 100  # and in live mode


def documented_limit(processor: object) -> int:
    """SY-2: the requests per second a processor takes, by its mode; 0 for none. The sandbox
    stands for Stripe in test mode when it stands for a network (it answers after a latency);
    answering at once, it stands for nothing that could be overrun."""
    if getattr(processor, "name", "") == "stripe":
        return STRIPE_LIVE_LIMIT if getattr(processor, "live", False) else STRIPE_TEST_LIMIT
    return STRIPE_TEST_LIMIT if getattr(processor, "calls_wait", False) else 0


def limit_for(processor: object, override: int) -> int:
    """The limit a run paces its calls to: the `processor_rate_limit` setting when one is set
    (> 0), else the processor's documented limit for its mode (the setting's 0)."""
    return override if override > 0 else documented_limit(processor)


class RateLimiter:
    def __init__(self, per_second: int, burst: int | None = None) -> None:
        self.per_second = per_second
        self.capacity = burst if burst is not None else 1
        self._tokens: float = self.capacity
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

    @classmethod
    def within(cls, limit: int) -> RateLimiter:
        """A bucket that never lets more than `limit` + 1 requests into any second, yet keeps
        a few slots (one per 25 requests/s) for calls that come a little late (a thread that
        waited for the interpreter): a burst of B at `limit` - (B - 1) a second. A burst of one
        at the full limit loses every late slot: 8% of 100/s on a busy two-core machine."""
        burst = max(1, limit // 25)
        return cls(limit - (burst - 1), burst) if limit > 0 else cls(0)

    def acquire(self) -> None:
        if self.per_second <= 0:
            return
        while True:
            with self._lock:
                now = time.monotonic()
                self._tokens = min(self.capacity,
                                   self._tokens + (now - self._stamp) * self.per_second)
                self._stamp = now
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                wait = (1 - self._tokens) / self.per_second
            time.sleep(wait)

    def slow_down(self) -> None:
        """After a 429: the next call waits one more slot, as if the refused one had cost two
        (the processor counts other clients of the account that this bucket cannot see)."""
        if self.per_second > 0:
            with self._lock:
                self._tokens -= 1
