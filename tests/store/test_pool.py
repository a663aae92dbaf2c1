"""Team mode: a connection the server dropped while it waited in the pool (a restart, a
firewall closing idle connections) is found out before it is used and replaced, so the window's
next read and the night's run do not fail on it; one used moments ago is not checked again
(issue 23: a round trip less for each read)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from renewdesk.store import db
from tests.pg_server import PgServer


@pytest.fixture
def engine(postgres: PgServer) -> Iterator[Engine]:
    with postgres.database() as url:
        made = db.make_engine(url)
        yield made
        made.dispose()


def _pid(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT pg_backend_pid()")))


def _pings(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []
    real = engine.dialect.do_ping

    def counted(connection: object) -> bool:
        seen.append(connection)
        return real(connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return seen


def test_a_connection_used_moments_ago_is_not_pinged(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    pings = _pings(engine, monkeypatch)
    first = _pid(engine)
    for _ in range(5):
        assert _pid(engine) == first  # the pool's one connection, each time
    assert pings == []


def test_an_idle_connection_the_server_dropped_is_replaced(
        engine: Engine, postgres: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    pings = _pings(engine, monkeypatch)
    dropped = _pid(engine)
    postgres.admin(f"SELECT pg_terminate_backend({dropped})")
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)  # it has now waited "long enough"
    with engine.connect() as connection:  # no error: the dead one is found and replaced
        assert connection.scalar(text("SELECT 1")) == 1
        assert connection.scalar(text("SELECT pg_backend_pid()")) != dropped
        assert pings[0] is not connection.connection.dbapi_connection  # found out, left


def test_an_idle_connection_still_alive_is_kept(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    pings = _pings(engine, monkeypatch)
    first = _pid(engine)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)
    assert _pid(engine) == first
    assert len(pings) == 1


def test_reads_of_the_lists_send_no_transaction(engine: Engine) -> None:
    """The window's lists read on their own statements (no BEGIN, no ROLLBACK: two round trips
    each), while the app's other sessions keep their transactions."""
    reads, writes = db.read_factory(engine), db.session_factory(engine)
    with reads() as session:
        assert session.scalar(text("SELECT 1")) == 1
        raw = session.connection().connection.dbapi_connection
        assert raw is not None and raw.autocommit
        assert raw.info.transaction_status.name == "IDLE"  # nothing left open on the server
    with writes() as session:
        session.scalar(text("SELECT 1"))
        raw = session.connection().connection.dbapi_connection
        assert raw is not None and not raw.autocommit
        assert raw.info.transaction_status.name == "INTRANS"


def test_reads_on_sqlite_are_the_usual_sessions(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'reads.db'}")
    try:
        with db.read_factory(engine)() as session:
            assert session.scalar(text("SELECT 1")) == 1
    finally:
        engine.dispose()
