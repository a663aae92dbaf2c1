"""SC-1, SC-2, SC-5: one charging path, whoever answers; one write lock per app; short code."""

from __future__ import annotations

import ast
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from renewdesk.payments.processor import ChargeOutcome, ChargeRequest
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services import charging
from renewdesk.services.run_due import run_due
from renewdesk.store.models import Attempt
from tests.builders import card, customer, document, order
from tests.conftest import World

SERVICES = Path(charging.__file__).parent
ENGINE = ("charging.py", "charge_units.py", "attempts.py", "subjects.py", "round_step.py")


class Threads:
    """The sandbox, with the thread that made each charge."""

    name = "sandbox"

    def __init__(self, real: SandboxProcessor) -> None:
        self.real = real
        self.threads: set[str] = set()
        self.calls_wait = real.calls_wait

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        self.threads.add(threading.current_thread().name)
        return self.real.charge(request, today)

    def lookup(self, key: str, metadata: dict[str, str], today: date) -> ChargeOutcome | None:
        return self.real.lookup(key, metadata, today)

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)  # the rest of the processor, as it is


def _charged_on(world: World, latency: float) -> set[str]:
    world.load(document([customer(f"C{n}", card(f"A{n}")) for n in range(8)],
                        orders=[order(f"O{n}", f"C{n}", f"A{n}", "2026-11-05", count=1)
                                for n in range(8)]))
    world.cli("settings", "processor_concurrency=4")
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)
    sandbox.latency = latency
    processor = Threads(sandbox)
    report = run_due(replace(world.ctx("2026-11-05"), processor=processor))
    assert [c.result for c in report.charges] == ["succeeded"] * 8
    return processor.threads


def test_sc1_a_processor_that_answers_at_once_is_called_from_the_runs_own_thread(
        world: World) -> None:
    assert _charged_on(world, 0.0) == {threading.current_thread().name}


def test_sc1_a_processor_whose_calls_wait_is_called_from_a_bounded_pool(world: World) -> None:
    threads = _charged_on(world, 0.02)
    assert threads and all(name.startswith("charge") for name in threads)
    assert 1 < len(threads) <= 4  # several calls out at once, never more than the setting


def test_sc5_an_apps_contexts_share_one_write_lock(world: World) -> None:
    assert world.app.context(delivery=False).write_lock is world.app.write_lock
    assert world.app.context("other", delivery=False).write_lock is world.app.write_lock
    for name in ENGINE:
        assert "WRITE_LOCK" not in (SERVICES / name).read_text(encoding="utf-8"), name


def test_sc1_one_charging_path_in_short_functions_and_files() -> None:
    for name in ENGINE:
        text = (SERVICES / name).read_text(encoding="utf-8")
        assert "SLOW_CALL" not in text, name
        assert len(text.splitlines()) <= 400, name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 50, f"{name}: {node.name} has {length} lines"


class Waves(SandboxProcessor):
    """The sandbox, with what each `charge_many` call received and what was committed then."""

    def __init__(self, real: SandboxProcessor, world: World) -> None:
        super().__init__(real.ledger_path)
        self.world = world
        self.calls: list[tuple[list[str], set[str]]] = []

    def charge_many(self, requests: Sequence[ChargeRequest],
                    today: date) -> list[ChargeOutcome]:
        with self.world.session() as s:  # another connection: sees only committed rows
            committed = set(s.scalars(select(Attempt.idempotency_key)))
        self.calls.append(([r.idempotency_key for r in requests], committed))
        return super().charge_many(requests, today)


def _one_order_each(world: World, customers: int) -> None:
    """`customers` customers with a card each and one installment due on 2026-11-05."""
    world.load(document([customer(f"C{n}", card(f"A{n}")) for n in range(customers)],
                        orders=[order(f"O{n}", f"C{n}", f"A{n}", "2026-11-05", count=1)
                                for n in range(customers)]))


def test_sc2_a_wave_goes_to_a_sandbox_that_answers_at_once_in_one_call_its_attempts_committed(
        world: World) -> None:
    _one_order_each(world, 6)
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)
    waves = Waves(sandbox, world)
    report = run_due(replace(world.ctx("2026-11-05"), processor=waves))
    assert [c.result for c in report.charges] == ["succeeded"] * 6
    ((keys, committed),) = waves.calls
    assert len(keys) == 6 and set(keys) <= committed


def test_sc2_a_sandbox_whose_charge_is_changed_by_a_subclass_is_charged_one_by_one(
        world: World) -> None:
    _one_order_each(world, 3)
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)

    class Counted(SandboxProcessor):
        seen = 0

        def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
            Counted.seen += 1
            return super().charge(request, today)

    report = run_due(replace(world.ctx("2026-11-05"), processor=Counted(sandbox.ledger_path)))
    assert [c.result for c in report.charges] == ["succeeded"] * 3 and Counted.seen == 3


def test_sc2_a_sandbox_charged_one_by_one_by_whoever_stands_before_it(world: World) -> None:
    """A processor in front of the sandbox (`charge` of its own) gets every charge itself."""
    world.load(document([customer(f"C{n}", card(f"A{n}")) for n in range(3)],
                        orders=[order(f"O{n}", f"C{n}", f"A{n}", "2026-11-05", count=1)
                                for n in range(3)]))
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)
    seen: list[str] = []

    def one(request: ChargeRequest, today: date) -> ChargeOutcome:
        seen.append(request.idempotency_key)
        return SandboxProcessor.charge(sandbox, request, today)

    sandbox.charge = one  # type: ignore[method-assign]
    report = run_due(world.ctx("2026-11-05"))
    assert [c.result for c in report.charges] == ["succeeded"] * 3 and len(seen) == 3
