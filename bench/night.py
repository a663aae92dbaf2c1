"""Target 1: a processor-bound night. 2,000 due charges, the sandbox answering in 250 ms (about
Stripe's), a rate limit of 25 requests/s (Stripe's test mode; the `processor_rate_limit`
setting, 100 in live mode). The run must reach 90% of the limit end to end, where a sequential
loop reaches 4/s, each customer's charges still in order, and no one-second window above the
limit (measured on the processor's side).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import dataset
from bench.report import Figure, stopwatch
from renewdesk.app import open_app
from renewdesk.services.context import Clock, Context
from renewdesk.services.run_due import run_due
from renewdesk.store import settings

LATENCY_MS = 250
LIMIT = 25


class Timed:
    """The processor, with the moment of every call it receives."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.calls: list[float] = []

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


def main(folder: Path, quick: bool) -> list[Figure]:
    charges = 100 if quick else 2_000
    path = dataset.portfolio(folder, customers=charges, services_each=1, due=charges)
    env = {"RENEWDESK_LOG_DIR": str(folder), "RENEWDESK_SANDBOX_LATENCY_MS": str(LATENCY_MS)}
    app = open_app(str(path), env=env)
    with app.factory() as session:
        settings.put(session, "processor_rate_limit", str(LIMIT))
        settings.put(session, "processor_concurrency", "16")
        session.commit()
    processor = Timed(app.processor)
    ctx = Context(factory=app.factory, processor=processor,  # type: ignore[arg-type]
                  clock=Clock(dataset.BUSY, lambda: datetime.now(UTC)), who="bench")
    with stopwatch() as took:
        report = run_due(ctx)
    app.close()
    attempts = len(report.charges)
    assert attempts >= charges, f"only {attempts} charges were due"
    achieved = attempts / took[0]
    return [
        Figure("night", "charges in the night", attempts, "charges"),
        Figure("night", "run, end to end", took[0], "s"),
        Figure("night", "achieved rate / limit", achieved / LIMIT, "ratio", 0.90,
               reference=f"{achieved:.1f} req/s of {LIMIT}; sequential: "
                         f"{1000 / LATENCY_MS:.0f}/s"),
        Figure("night", "busiest second at the processor", busiest_second(processor.calls),
               "req", LIMIT, higher_is_better=False),
    ]
