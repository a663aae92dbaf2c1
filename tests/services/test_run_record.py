"""HM-1: the home page's "last night in figures" and "the last run failed" come from the record
each real run leaves, whichever way it was started."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from renewdesk.domain.money import Money
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.services.run_due import run_due
from renewdesk.services.run_record import last_run_record
from tests.conftest import World


def record(world: World):  # type: ignore[no-untyped-def]
    with world.session() as session:
        return last_run_record(session)


def test_hm1_a_run_records_what_it_collected_and_what_failed(
        world: World, example: dict[str, Any]) -> None:
    world.load(example)
    assert record(world) is None  # no run yet
    world.run("2026-12-01")
    first = record(world)
    assert first is not None and not first.failed
    assert first.as_of.isoformat() == "2026-12-01"
    # ORD-1001's two installments were paid by the second card; SEPA debits are pending
    assert first.collected == (Money(6000, "EUR"),)
    assert first.payments == 2
    world.run("2026-12-05")
    second = record(world)
    assert second is not None
    # Greta's five SEPA installments and her usage invoice came back unpaid, for good
    assert (second.declined, second.final_failures) == (6, 6)
    assert second.notices == 1 and second.collected == ()
    assert second.emails == len([m for m in world.mails() if str(m.created_on) == "2026-12-05"])


def test_hm1_a_dry_run_leaves_no_record(world: World, example: dict[str, Any]) -> None:
    world.load(example)
    world.run("2026-12-01", dry_run=True)
    assert record(world) is None


def test_hm1_a_run_that_stops_says_why_in_words(world: World, example: dict[str, Any]) -> None:
    world.load(example)

    class Away:
        name = "sandbox"

        def __getattr__(self, name: str) -> Any:
            raise ProcessorUnavailable("the payment provider cannot be reached")

    ctx = replace(world.ctx("2026-12-01"), processor=Away())
    with pytest.raises(ProcessorUnavailable):  # what stopped it is raised again
        run_due(ctx)
    stopped = record(world)
    assert stopped is not None and stopped.failed
    assert stopped.error_words("en") and "HM-" not in stopped.error_words("en")


def test_hm1_a_run_refused_for_its_date_is_not_a_failed_run(
        world: World, example: dict[str, Any]) -> None:
    world.load(example)
    world.run("2026-12-05")
    code, _out, _err = world.cli("run-due", today="2026-12-02")
    assert code != 0
    kept = record(world)
    assert kept is not None and not kept.failed and kept.as_of.isoformat() == "2026-12-05"
