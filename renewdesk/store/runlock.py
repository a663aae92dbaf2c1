"""SC-5: one run at a time, whichever process (or, in team mode, machine) starts it.

SQLite: a lock file beside the database (the OS releases it if the process dies, so a crash never
leaves a stale lock), with a note of who holds it for the message the second runner shows.
PostgreSQL (team mode): a session-level advisory lock held by one connection of the run's own;
the server releases it when that connection ends, even if the machine holding it dies. Who holds
it is told by the connection's `application_name`, read back from `pg_stat_activity`.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_runtime_path
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from renewdesk.store.db import sqlite_path

# The advisory lock's key: one per database (advisory locks are scoped to the database).
RUN_LOCK_KEY = 0x72656E65  # "rene"


class RunInProgress(RuntimeError):
    """Another run holds the lock."""


def lock_path(url: str | URL) -> Path:
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.name + ".run.lock")
    digest = hashlib.sha256(str(url).encode()).hexdigest()[:16]
    return user_runtime_path("renewdesk", ensure_exists=True) / f"run-{digest}.lock"


def holder(url: str | URL) -> str:
    note = lock_path(url).with_suffix(".holder")
    try:
        info = json.loads(note.read_text())
    except (OSError, ValueError):
        return "another process"
    return f"pid {info.get('pid')} on {info.get('host')} since {info.get('since')}"


def _who() -> str:
    since = datetime.now(UTC).isoformat(timespec="seconds")
    return f"pid {os.getpid()} on {socket.gethostname()} since {since}"[:63]


def pg_holder(connection: Connection) -> str:
    row = connection.execute(text(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objid = :key AND l.database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database())"),
        {"key": RUN_LOCK_KEY}).first()
    return str(row[0]) if row and row[0] else "another process"


@contextmanager
def _advisory(url: str | URL, wait_seconds: float) -> Iterator[None]:
    engine = create_engine(url, poolclass=NullPool,
                           connect_args={"application_name": _who()})
    try:
        with engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            if wait_seconds > 0:
                connection.execute(text(f"SET lock_timeout = {int(wait_seconds * 1000)}"))
                try:
                    connection.execute(text("SELECT pg_advisory_lock(:key)"),
                                       {"key": RUN_LOCK_KEY})
                    got = True
                except OperationalError:  # lock_timeout: still held
                    got = False
                connection.execute(text("SET lock_timeout = 0"))
            else:
                got = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:key)"),
                                             {"key": RUN_LOCK_KEY}))
            if not got:
                raise RunInProgress(f"another run is in progress ({pg_holder(connection)}); "
                                    "it was not started twice")
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": RUN_LOCK_KEY})
    finally:
        engine.dispose()


@contextmanager
def exclusive_run(url: str | URL, wait_seconds: float = 0) -> Iterator[None]:
    """`url`: the engine's URL (`engine.url`, which keeps a PostgreSQL password) or a string."""
    if make_url(url).get_backend_name() == "postgresql":
        with _advisory(url, wait_seconds):
            yield
        return
    path = lock_path(url)
    lock = FileLock(str(path), thread_local=False)
    try:
        lock.acquire(timeout=wait_seconds)
    except Timeout:
        raise RunInProgress(f"another run is in progress ({holder(url)}); "
                            "it was not started twice") from None
    try:
        path.with_suffix(".holder").write_text(json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}))
        yield
    finally:
        lock.release()
