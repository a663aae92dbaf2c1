"""SC-5: one run at a time, whichever process (or, in team mode, machine) starts it.

SQLite: a run holds two lock files, which the OS releases if the process dies, so a crash never
leaves a stale lock. Both are named after the database, not after how it was spelled (`--db`,
`RENEWDESK_DB`, a `sqlite:///` URL, a symlink, the window's default): two names for one file
must not give two runs. The first lock sits beside the file's real path, where another machine
sharing the folder sees it too. The second is named by the file's identity (device and inode)
in this user's runtime folder: a hard link is another real path for the same file, and only the
identity tells them apart from a copy. Each has a note of who holds it, for the message the
second runner shows.
PostgreSQL (team mode): a session-level advisory lock held by one connection of the run's own;
the server releases it when that connection ends, even if the machine holding it dies. Who holds
it is told by the connection's `application_name`, read back from `pg_stat_activity`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import RuntimeDirWarning, user_runtime_path
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from renewdesk.domain.refusal_words import render
from renewdesk.store.db import sqlite_file

# The advisory lock's key: one per database (advisory locks are scoped to the database).
RUN_LOCK_KEY = 0x72656E65  # "rene"


class RunInProgress(RuntimeError):
    """Another run holds the lock: a code and who holds it (its pid, host and since), said in
    the reader's language by `words(language)` (HM-3); `str(error)` is the English, for logs."""

    def __init__(self, holder: str) -> None:
        said = _HOLDER.fullmatch(holder)
        self.code = "run_in_progress" if said else "run_in_progress_elsewhere"
        self.values: dict[str, object] = said.groupdict() if said else {}
        super().__init__(self.words("en"))

    def words(self, language: str) -> str:
        return render(self.code, self.values, language)


# The note a holder leaves (`_who`, and a PostgreSQL connection's application_name).
_HOLDER = re.compile(r"pid (?P<pid>\d+) on (?P<host>\S+) since (?P<since>\S+)")


def lock_path(url: str | URL) -> Path:
    """The lock beside the database's real file (for a URL naming no file, one in the runtime
    folder named after the URL)."""
    path = sqlite_file(url)
    if path is not None:
        return path.with_name(path.name + ".run.lock")
    digest = hashlib.sha256(str(url).encode()).hexdigest()[:16]
    return _runtime_folder() / f"run-{digest}.lock"


def identity_lock_path(url: str | URL) -> Path | None:
    """The lock named by the SQLite file's identity, which every hard link to it shares; None
    while the file does not exist (the run creates it, and no one else can be running on it)."""
    path = sqlite_file(url)
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return _runtime_folder() / f"sqlite-{info.st_dev}-{info.st_ino}.run.lock"


def _runtime_folder() -> Path:
    """This user's runtime folder. Without XDG_RUNTIME_DIR (cron, a service) platformdirs falls
    back to the session's /run/user/<uid>, the one the desktop uses, or a private folder in the
    temporary directory, and warns: the fallback is what is wanted, and the warning would be
    mailed by cron after every night's run."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeDirWarning)
        return user_runtime_path("renewdesk", ensure_exists=True)


def holder(url: str | URL) -> str:
    return _holder(lock_path(url))


def _holder(lock: Path, patience: float = 0.0) -> str:
    """Who holds the lock, by the note it writes once it has the lock; a refused runner waits
    up to `patience` seconds for a holder that has the lock but not yet its note."""
    deadline = time.monotonic() + patience
    while True:
        try:
            info = json.loads(lock.with_suffix(".holder").read_text())
            return f"pid {info.get('pid')} on {info.get('host')} since {info.get('since')}"
        except (OSError, ValueError):
            if time.monotonic() >= deadline:
                return "another process"
            time.sleep(0.02)


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
                raise RunInProgress(pg_holder(connection))
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": RUN_LOCK_KEY})
    finally:
        engine.dispose()


@contextmanager
def exclusive_run(url: str | URL, wait_seconds: float = 0) -> Iterator[None]:
    """`url`: the engine's URL (`engine.url`, which keeps a PostgreSQL password) or a string.

    On SQLite the two locks are taken in one order, the one beside the file first, so two runners
    never each hold one and wait for the other; `wait_seconds` is one deadline for both."""
    if make_url(url).get_backend_name() == "postgresql":
        with _advisory(url, wait_seconds):
            yield
        return
    locks = [lock_path(url)]
    identity = identity_lock_path(url)
    if identity is not None:
        locks.append(identity)
    deadline = time.monotonic() + wait_seconds
    with ExitStack() as held:
        for path in locks:
            held.enter_context(_file_lock(path, max(0.0, deadline - time.monotonic())))
        yield


@contextmanager
def _file_lock(path: Path, wait_seconds: float) -> Iterator[None]:
    lock = FileLock(str(path), thread_local=False)
    try:
        lock.acquire(timeout=wait_seconds)
    except Timeout:
        raise RunInProgress(_holder(path, patience=2.0)) from None
    note = path.with_suffix(".holder")
    try:
        # Written whole (a reader never sees half a note) and removed before the lock is let go,
        # so a refused runner never reads the previous holder's note.
        draft = note.with_suffix(f".holder.{os.getpid()}")
        draft.write_text(json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}))
        os.replace(draft, note)
        yield
    finally:
        note.unlink(missing_ok=True)
        lock.release()
