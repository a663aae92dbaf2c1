"""SC-5: one run at a time, whichever process starts it.

A lock file beside the SQLite database (the OS releases it if the process dies, so a crash never
leaves a stale lock), with a note of who holds it for the message the second runner shows. Team
mode on PostgreSQL replaces the file with a database advisory lock.
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

from renewdesk.store.db import sqlite_path


class RunInProgress(RuntimeError):
    """Another run holds the lock."""


def lock_path(url: str) -> Path:
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.name + ".run.lock")
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    return user_runtime_path("renewdesk", ensure_exists=True) / f"run-{digest}.lock"


def holder(url: str) -> str:
    note = lock_path(url).with_suffix(".holder")
    try:
        info = json.loads(note.read_text())
    except (OSError, ValueError):
        return "another process"
    return f"pid {info.get('pid')} on {info.get('host')} since {info.get('since')}"


@contextmanager
def exclusive_run(url: str, wait_seconds: float = 0) -> Iterator[None]:
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
