"""Issue 23: a run whose write the team's server refuses for the user's role (SQLSTATE 42501:
a grant missing, a row-level policy) ends with the refusal in words, not an exception's text;
any other failure still reads as it did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import ProgrammingError

from renewdesk.domain.roles import Role
from renewdesk.scheduler.worker import RunOutcome, RunRequest, RunWorker
from tests.conftest import World


class _Refused(Exception):
    sqlstate = "42501"


def _outcome(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception,
             language: str) -> RunOutcome:
    def refused_run(*_args: Any, **_kwargs: Any) -> None:
        raise error

    monkeypatch.setattr("renewdesk.services.run_due.run_due", refused_run)  # what it runs
    ctx = world.ctx("2026-12-01", role=Role.MANAGER)
    run = RunWorker(lambda: ctx, world.app.url, language=language)
    outcomes: list[RunOutcome] = []
    run.finished.connect(outcomes.append)
    run.run(RunRequest(dry_run=False))
    assert len(outcomes) == 1
    return outcomes[0]


def test_a_runs_write_refused_for_the_role_is_said_in_words(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23, SC-5: the server's refusal of a manager's run, in the window's language."""
    error = ProgrammingError("UPDATE setting …", {}, _Refused("permission denied"))
    outcome = _outcome(world, tmp_path, monkeypatch, error, "fr")
    assert outcome.report is None
    assert outcome.error == ("la base a refusé ce changement pour votre rôle (gestionnaire de "
                             "comptes) : demandez à un administrateur")


def test_another_failure_of_a_run_still_reads_as_itself(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome = _outcome(world, tmp_path, monkeypatch, RuntimeError("disk full"), "en")
    assert outcome.error == "RuntimeError: disk full"
