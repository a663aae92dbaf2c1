"""Target 1: a processor-bound night. 2,000 due charges, each call answered in 250 ms (about
Stripe's), paced by default settings to the processor's documented limit for its mode (SY-2).

`night`: the sandbox standing for Stripe in test mode (25 requests/s). `night --live`: the real
StripeProcessor with a live key (100 requests/s) against a stand-in for Stripe's API on this
machine (bench/fake_stripe.py); then the same night with 20% of requests answered 429. Nothing
in the bench sets `processor_rate_limit` or `processor_concurrency`: the defaults must reach 90%
of the limit end to end (a sequential loop reaches 4/s), each customer's charges still in order,
no one-second window above the limit (measured on the processor's side). With 429s, the run
finishes, each charge made exactly once, none recorded as declined, every 429 counted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import dataset, fake_stripe
from bench.database import SQLITE, Database
from bench.report import Figure, stopwatch
from renewdesk.app import open_app
from renewdesk.payments.ratelimit import STRIPE_LIVE_LIMIT, STRIPE_TEST_LIMIT, limit_for
from renewdesk.services.context import Clock, Context
from renewdesk.services.run_due import RunReport, run_due

LATENCY_MS = 250
TURN_AWAY = 0.20  # share of requests answered 429 in the live night's second run


class Timed:
    """The processor, with the moment of every call it receives."""

    def __init__(self) -> None:
        self._inner: Any = None
        self.calls: list[float] = []

    def around(self, inner: Any) -> Timed:
        self._inner = inner
        return self

    def charge(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(time.monotonic())
        return self._inner.charge(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def busiest_second(calls: list[float]) -> int:
    calls = sorted(calls)
    best, start = 0, 0
    for end, moment in enumerate(calls):
        while moment - calls[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def _night(folder: Path, charges: int, choose: Callable[[Any], Any],
           db: Database) -> tuple[RunReport, float]:
    """A run over `charges` due charges with default settings, and the seconds it took;
    `choose` gives the processor, from the app's (the sandbox)."""
    path = db.portfolio(folder, customers=charges, services_each=1, due=charges)
    env = {**db.env(folder), "RENEWDESK_SANDBOX_LATENCY_MS": str(LATENCY_MS)}
    app = open_app(path, env=env)
    ctx = Context(factory=app.factory, processor=choose(app.processor),
                  clock=Clock(dataset.BUSY, lambda: datetime.now(UTC)), who="bench")
    try:
        with stopwatch() as took:
            report = run_due(ctx)
    finally:
        app.close()
    assert len(report.charges) >= charges, f"only {len(report.charges)} charges were due"
    return report, took[0]


def _rate(name: str, attempts: int, took: float, limit: int, at_once: str) -> Figure:
    achieved = attempts / took
    return Figure(name, "achieved rate / limit", achieved / limit, "ratio", 0.90,
                  reference=f"{achieved:.1f} req/s of {limit}; sequential: "
                            f"{1000 / LATENCY_MS:.0f}/s; {at_once}")


def test_mode(folder: Path, charges: int, db: Database) -> list[Figure]:
    processor = Timed()
    report, took = _night(folder, charges, processor.around, db)
    limit = limit_for(processor, 0)
    assert limit == STRIPE_TEST_LIMIT, limit
    return [
        Figure("night", "charges in the night", len(report.charges), "charges"),
        Figure("night", "run, end to end", took, "s"),
        _rate("night", len(report.charges), took, limit, "default settings"),
        Figure("night", "busiest second at the processor", busiest_second(processor.calls),
               "req", limit, higher_is_better=False),
    ]


def _stripe(api_base: str) -> Any:
    from renewdesk.payments.stripe_gateway import StripeProcessor

    # Any string of this shape: it goes to the stand-in on 127.0.0.1, never to Stripe.
    return StripeProcessor("sk_live_bench_never_leaves_this_machine", api_base=api_base)


def live(folder: Path, charges: int, db: Database) -> list[Figure]:
    with fake_stripe.serving(LATENCY_MS / 1000) as (api_base, calm):
        processor = _stripe(api_base)
        limit = limit_for(processor, 0)
        assert processor.live and limit == STRIPE_LIVE_LIMIT, limit
        report, took = _night(folder / "calm", charges, lambda _sandbox: processor,
                              db)
    with fake_stripe.serving(LATENCY_MS / 1000, TURN_AWAY) as (api_base, busy):
        stripe = _stripe(api_base)
        refused, refused_took = _night(folder / "turned-away", charges,
                                      lambda _sandbox: stripe, db)
    results = [c.result for c in refused.charges]
    twice = sum(1 for n in busy.created.values() if n > 1)
    return [
        Figure("live", "charges in the night", len(report.charges), "charges"),
        Figure("live", "run, end to end", took, "s"),
        _rate("live", len(report.charges), took, limit,
              f"at most {calm.most_at_once} calls at once at the server"),
        Figure("live", "busiest second at the server", busiest_second(calm.requests), "req",
               limit + 1, higher_is_better=False,
               reference=f"limit {limit}, +1 for the request that opens the window"),
        Figure("live", "429 night: charges made once / due",
               sum(1 for n in busy.created.values() if n == 1) / charges, "ratio", 1.0,
               reference=f"{len(busy.created)} keys at the server, {twice} charged twice, "
                         f"{results.count('succeeded')} succeeded of {len(results)} attempts, "
                         f"run {refused_took:.1f} s"),
        Figure("live", "429 night: attempts declined or unknown",
               len(results) - results.count("succeeded"), "attempts", 0,
               higher_is_better=False,
               reference=f"{results.count('declined')} declined, "
                         f"{results.count('unknown')} unknown"),
        Figure("live", "429 night: 429s counted - at server",
               abs(refused.rate_limited - busy.turned_away), "429s", 0, higher_is_better=False,
               reference=f"{refused.rate_limited} in the run's report, {busy.turned_away} of "
                         f"{len(busy.requests)} requests at the server "
                         f"({busy.turned_away / max(1, len(busy.requests)):.0%})"),
        Figure("live", "429 night: busiest second (server)", busiest_second(busy.requests),
               "req", limit + 1, higher_is_better=False),
    ]


def main(folder: Path, quick: bool, live_mode: bool = False,
         db: Database = SQLITE) -> list[Figure]:
    charges = 100 if quick else 2_000
    return live(folder, charges, db) if live_mode else test_mode(folder, charges, db)
