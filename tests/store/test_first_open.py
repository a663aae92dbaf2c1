"""SC-5 before the run lock: two processes that open one new database, or one new sandbox
ledger, at the same instant (the window and a scheduled run on a new machine; two `run-due` on a
first night) both open it. SQLite answered "database is locked" at once to the one whose switch
to WAL met the other's, and both created the tables ("table … already exists"): the full suite
caught the ledger's case as a refused run that exited 1 with "database is locked"."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.store import db

REPETITIONS = 15
_FORK = multiprocessing.get_context("fork")


def _open_database(path: Path, start: Barrier) -> None:
    engine = db.make_engine(db.database_url(str(path)))
    start.wait(10)
    db.migrate(engine)
    assert db.current_revision(engine) == db.HEAD
    engine.dispose()


def _open_ledger(path: Path, start: Barrier) -> None:
    start.wait(10)
    assert SandboxProcessor(path).ledger() == []


def _together(target: Callable[[Path, Barrier], None], path: Path) -> list[int | None]:
    start = _FORK.Barrier(2)
    runs = [_FORK.Process(target=target, args=(path, start)) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    return [run.exitcode for run in runs]


def test_sc5_two_processes_open_one_new_database_together(tmp_path: Path) -> None:
    for repetition in range(REPETITIONS):
        path = tmp_path / f"n{repetition}" / "desk.db"
        assert _together(_open_database, path) == [0, 0], repetition


def test_sc5_two_processes_open_one_new_sandbox_ledger_together(tmp_path: Path) -> None:
    for repetition in range(REPETITIONS):
        path = tmp_path / f"n{repetition}" / "desk.db.sandbox-ledger.sqlite"
        path.parent.mkdir()
        assert _together(_open_ledger, path) == [0, 0], repetition
