"""Pacing toward the processor: no window of one second holds more than the limit."""

from __future__ import annotations

import threading
import time

from renewdesk.payments.ratelimit import RateLimiter


def test_rate_limit_is_never_exceeded_in_any_second_by_parallel_workers() -> None:
    limiter = RateLimiter(50)
    stamps: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(10):
            limiter.acquire()
            with lock:
                stamps.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    busiest = max(sum(1 for s in stamps if first <= s < first + 1.0) for first in stamps)
    assert len(stamps) == 60
    assert busiest <= 51  # the limit, plus the one that opens the window


def test_zero_means_no_limit() -> None:
    limiter = RateLimiter(0)
    for _ in range(10_000):
        limiter.acquire()
    assert limiter._tokens == limiter.capacity  # nothing was ever taken or waited for
