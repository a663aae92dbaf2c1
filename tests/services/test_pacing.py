"""SY-2: calls paced to the processor's limit, as many at once as the limit needs at the
latency measured; a 429 asked again with the same key, counted, never a decline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.payments.processor import ChargeOutcome, ChargeRequest, RateLimited
from renewdesk.payments.ratelimit import RateLimiter
from renewdesk.services import pacing
from renewdesk.services.pacing import CAP, Pacer, needed_calls
from renewdesk.services.run_due import run_due
from renewdesk.store.models import Attempt
from tests.builders import card, customer, document, order
from tests.conftest import World


class TurnedAway:
    """The sandbox, answering 429 to the first `refusals` charges it is sent."""

    def __init__(self, real: Any, refusals: int) -> None:
        self.real = real
        self.refusals = refusals
        self.keys: list[str] = []

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        self.keys.append(request.idempotency_key)
        if self.refusals:
            self.refusals -= 1
            raise RateLimited("RateLimitError: too many requests")
        outcome: ChargeOutcome = self.real.charge(request, today)
        return outcome

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The backoff's delays are not what these tests check: none."""
    monkeypatch.setattr(pacing, "FIRST_BACKOFF", 0.0)


def _one_due(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))


def test_sy2_a_rate_limited_charge_is_asked_again_with_the_same_key_never_declined(
        world: World, no_backoff: None) -> None:
    _one_due(world)
    processor = TurnedAway(world.app.processor, refusals=3)
    report = run_due(replace(world.ctx("2026-11-05"), processor=processor))
    assert [c.result for c in report.charges] == ["succeeded"]  # one attempt, no decline
    assert len(processor.keys) == 4 and len(set(processor.keys)) == 1
    assert report.rate_limited == 3


def test_sy2_a_charge_turned_away_on_every_try_is_unknown_then_settled_by_asking(
        world: World, no_backoff: None) -> None:
    _one_due(world)
    processor = TurnedAway(world.app.processor, refusals=pacing.TRIES)
    report = run_due(replace(world.ctx("2026-11-05"), processor=processor))
    assert [c.result for c in report.charges] == ["unknown"]
    assert report.rate_limited == pacing.TRIES
    assert any("unknown outcome" in problem for problem in report.problems)
    run_due(replace(world.ctx("2026-11-06"), processor=processor))
    with world.session() as s:  # asked, never reached, so sent again with its key: once
        assert s.scalars(select(Attempt.result)).all() == ["succeeded"]
    assert len(set(processor.keys)) == 1


def test_sy2_automatic_concurrency_reaches_the_limit_at_the_measured_latency() -> None:
    for limit, latency in ((25, 0.25), (100, 0.25), (100, 0.05), (25, 1.0)):
        pacer = Pacer(RateLimiter(limit))
        pacer.latency = latency
        calls = pacer.calls_out()
        assert calls / latency >= limit  # Little's law: calls out / latency = rate
        assert calls <= pacer.threads == CAP


def test_sy2_calls_out_are_capped_and_a_setting_overrides_them() -> None:
    assert needed_calls(100, 10.0) == CAP
    assert needed_calls(100, None) == pacing.FLOOR  # before any call is back
    pacer = Pacer(RateLimiter(100), concurrency=6)
    pacer.latency = 0.25
    assert pacer.calls_out() == pacer.threads == 6


def test_sy2_the_backoff_doubles_with_jitter_up_to_its_longest() -> None:
    for number in range(1, pacing.TRIES + 1):
        ceiling = min(pacing.LONGEST_BACKOFF, pacing.FIRST_BACKOFF * 2 ** (number - 1))
        assert ceiling / 2 <= pacing.backoff(number) <= ceiling
