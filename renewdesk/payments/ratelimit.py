"""Pacing shared by the workers that call the processor (Stripe: 25 req/s test mode, 100 live).

A token bucket whose burst defaults to one request: calls are spaced evenly, so no one-second
window ever holds more than the limit (a larger burst would let twice the limit through in the
first second and earn 429 answers)."""

from __future__ import annotations

import threading
import time


class RateLimiter:
    def __init__(self, per_second: int, burst: int | None = None) -> None:
        self.per_second = per_second
        self.capacity = burst if burst is not None else 1
        self._tokens: float = self.capacity
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

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
