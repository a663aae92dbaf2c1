"""Backups of the SQLite database: SQLite's online backup, a copy that is consistent even while
the window or a run writes, and restore with checks before anything is replaced.

A restore refuses a file that is not a SQLite database, is damaged, or is not a renewdesk
database (no renewdesk schema revision, unknown revision, missing tables); the current database
is backed up first, so a restore can itself be undone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from renewdesk.domain.errors import InputError
from renewdesk.store.db import head_revision, known_revisions, migrate, sqlite_path

SQLITE_MAGIC = b"SQLite format 3\x00"
REQUIRED_TABLES = frozenset({"alembic_version", "customer", "service", "installment_order",
                             "attempt", "setting"})
AUTO = "auto-"  # automatic backups (pruned); manual ones are never deleted


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    last_run_on: str | None
    customers: int
    services: int


def database_file(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise InputError("backup_needs_sqlite")
    return path


def copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while others write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(partial) as dst:
        src.backup(dst)
    partial.replace(target)


def backup(url: str, target: Path) -> Path:
    copy_database(database_file(url), target)
    return target


def stamped(folder: Path, prefix: str, now: datetime | None = None) -> Path:
    """A dated name, in time order. No dash or space between its digit groups: a name like
    20261122-043012-123456 can read as a 14-digit card number, and PM-2 then refuses it as an
    argument (`restore FILE`)."""
    return folder / f"{prefix}{(now or datetime.now(UTC)).strftime('%Y%m%dT%H%M%S.%f')}.sqlite"


def automatic(url: str, folder: Path, keep: int, now: datetime | None = None) -> Path:
    """The backup taken before a run: timestamped, the `keep` newest automatic ones kept."""
    target = backup(url, stamped(folder, AUTO, now))
    for old in sorted(folder.glob(f"{AUTO}*.sqlite"))[:-keep]:
        old.unlink(missing_ok=True)
    return target


def inspect(path: Path, engine: Engine) -> BackupInfo:
    """What a backup file holds; InputError naming the problem if it is not a usable one."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise InputError("cannot_read", path=str(path), reason=error.strerror) from None
    if magic != SQLITE_MAGIC:
        raise InputError("backup_not_sqlite", path=str(path))
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            check = db.execute("PRAGMA integrity_check").fetchone()
            if check is None or check[0] != "ok":
                # SQLite's first finding, on one line (it may hold several).
                found = " ".join(str(check[0]).split()) if check else "no answer"
                raise InputError("backup_damaged", path=str(path), check=found[:200])
            tables = {row[0] for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = REQUIRED_TABLES - tables
            if missing:
                raise InputError("backup_not_ours", path=str(path), missing=", ".join(sorted(missing)))
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else ""
            if revision not in known_revisions(engine):
                raise InputError("backup_unknown_revision", path=str(path), revision=revision)
            last = db.execute("SELECT value FROM setting WHERE name = 'last_run_on'").fetchone()
            customers = db.execute("SELECT count(*) FROM customer").fetchone()[0]
            services = db.execute("SELECT count(*) FROM service").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise InputError("backup_unreadable", path=str(path), reason=str(error)) from None
    return BackupInfo(path, revision, last[0] if last else None, customers, services)


def restore(url: str, engine: Engine, source: Path, safety_folder: Path) -> tuple[BackupInfo, Path]:
    """Replace the database's content with the backup's; returns what was restored and where
    the replaced database was saved. The engine's connections are closed first."""
    info = inspect(source, engine)
    target = database_file(url)
    safety = backup(url, stamped(safety_folder, "before-restore-"))
    engine.dispose()
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(target, timeout=30) as dst:
        src.backup(dst)
    if info.revision != head_revision(engine):
        migrate(engine)  # a backup from an earlier release
    return info, safety
