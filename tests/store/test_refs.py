"""Temporary refs (issue 6: cheap, yet never the same twice, even in a forked process)."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.store import db
from renewdesk.store.models import Event
from renewdesk.store.refs import temporary_ref


def test_temporary_refs_are_unique_and_fit_a_ref_column() -> None:
    refs = [temporary_ref() for _ in range(10_000)]
    assert len(set(refs)) == len(refs)
    assert all(ref.startswith("tmp-") and len(ref) <= 64 for ref in refs)


def _child(queue: multiprocessing.Queue[list[str]]) -> None:  # pragma: no cover (child)
    queue.put([temporary_ref() for _ in range(3)])


# Python 3.12 warns of forking a process with threads (other tests' servers); the child here
# only draws refs and puts them on a queue.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_process_draws_refs_of_its_own() -> None:
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[list[str]] = context.Queue()
    child = context.Process(target=_child, args=(queue,))
    child.start()
    theirs = queue.get(timeout=30)
    child.join(timeout=30)
    ours = [temporary_ref() for _ in range(3)]
    assert not set(theirs) & set(ours)


def test_the_apps_sessions_give_events_and_messages_their_refs_and_no_other_session_does(
        tmp_path: Path) -> None:
    """EV-1: an event's ref is EV-0000001 once flushed by the app's sessions; the hook is wired
    on the app's session factory, not on every Session of the process."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 'refs.db'}")
    db.migrate(engine)
    with db.session_factory(engine)() as session:
        session.add(Event(ref=temporary_ref(), type="t", subject="S1", on=date(2026, 12, 2),
                          data={}, created_at=datetime(2026, 12, 2, tzinfo=UTC)))
        session.commit()
        assert session.scalars(select(Event.ref)).all() == ["EV-0000001"]
    with Session(engine) as plain:
        plain.add(Event(ref=(kept := temporary_ref()), type="t", subject="S1",
                        on=date(2026, 12, 2), data={}, created_at=datetime(2026, 12, 2, tzinfo=UTC)))
        plain.commit()
        assert kept in plain.scalars(select(Event.ref)).all()
