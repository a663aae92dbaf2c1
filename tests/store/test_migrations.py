"""Schema changes go through Alembic: from an empty database to head, matching the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from renewdesk.store import db
from renewdesk.store.models import Base


def test_migrations_from_empty_database_match_the_models(tmp_path: Path) -> None:
    engine = db.make_engine(db.database_url(str(tmp_path / "fresh.db")))
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    assert "attempt" in inspect(engine).get_table_names()
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path: Path) -> None:
    engine = db.make_engine(db.database_url(str(tmp_path / "wal.db")))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_migrate_is_a_no_op_at_head(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    engine = db.make_engine(db.database_url(str(path)))
    db.migrate(engine)
    engine.dispose()
    before = path.read_bytes()
    engine = db.make_engine(db.database_url(str(path)))
    db.migrate(engine)
    engine.dispose()
    assert path.read_bytes() == before
