"""Pacing toward the processor: no window of one second holds more than the limit."""

from __future__ import annotations

import threading
import time

from renewdesk.payments.ratelimit import RateLimiter, documented_limit, limit_for


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


class _Processor:
    def __init__(self, name: str, live: bool = False, calls_wait: bool = False) -> None:
        self.name, self.live, self.calls_wait = name, live, calls_wait


def test_sy2_the_limit_is_the_processors_documented_one_for_its_mode() -> None:
    assert documented_limit(_Processor("stripe", live=True, calls_wait=True)) == 100
    assert documented_limit(_Processor("stripe", live=False, calls_wait=True)) == 25
    assert documented_limit(_Processor("sandbox", calls_wait=True)) == 25  # a network, as test
    assert documented_limit(_Processor("sandbox", calls_wait=False)) == 0  # answers at once


def test_sy2_a_limit_set_in_the_settings_overrides_the_mode_and_zero_means_by_mode() -> None:
    live = _Processor("stripe", live=True, calls_wait=True)
    assert limit_for(live, 40) == 40
    assert limit_for(live, 0) == 100


def test_sy2_a_bucket_within_a_limit_never_lets_more_than_it_into_a_second() -> None:
    """A bucket of B lets B + per_second requests into a second at most: limit + 1."""
    for limit in (1, 25, 60, 100, 400):
        bucket = RateLimiter.within(limit)
        assert bucket.per_second + bucket.capacity <= limit + 1
        assert bucket.per_second >= 0.95 * limit - 1
    assert RateLimiter.within(0).per_second == 0
