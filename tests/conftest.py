"""Fixtures: a World is one temporary database with the sandbox processor, driven as of dates."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from renewdesk.app import App, ledger_path, open_app
from renewdesk.cli import main as cli_main
from renewdesk.logs import setup_logging
from renewdesk.services.context import Clock, Context
from renewdesk.services.exchange.export import export_state
from renewdesk.services.exchange.importer import import_document
from renewdesk.services.run_due import RunReport, run_due
from renewdesk.store.models import Base, Notification
from tests import pg_server
from tests.pg_server import PgServer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "spec" / "portfolio.example.json"


def d(text: str) -> date:
    return date.fromisoformat(text)


class World:
    """`url`: a PostgreSQL database (team mode); by default a SQLite file in `folder`."""

    def __init__(self, folder: Path, env: dict[str, str], url: str | None = None) -> None:
        self.folder = folder
        self.db = folder / "renewdesk.db"
        self.target = url or str(self.db)
        self.env = dict(env)
        if url:  # the sandbox's ledger sits beside a SQLite file; for PostgreSQL, here
            self.env.setdefault("RENEWDESK_SANDBOX_LEDGER", str(folder / "sandbox-ledger.sqlite"))
        self.app: App = open_app(self.target, env=self.env)

    def ctx(self, today: str | date, who: str = "tester", **extra: Any) -> Context:
        day = d(today) if isinstance(today, str) else today
        return Context(factory=self.app.factory, processor=self.app.processor,
                       clock=Clock(day, lambda: datetime.now(UTC)), who=who, **extra)

    def session(self) -> Session:
        return self.app.factory()

    def load(self, document: dict[str, Any], today: str = "2026-11-01") -> None:
        ctx = self.ctx(today)
        with self.session() as session:
            import_document(session, ctx.processor, document, ctx.clock.today, ctx.clock.now(),
                            "tester")
            session.commit()

    def run(self, today: str | date, **kwargs: Any) -> RunReport:
        extra = {k: kwargs.pop(k) for k in ("mailer", "webhook") if k in kwargs}
        return run_due(self.ctx(today, **extra), **kwargs)

    def walk(self, first: str, last: str) -> list[RunReport]:
        from renewdesk.domain.dates import days_between

        return [self.run(day) for day in days_between(d(first), d(last))]

    def fingerprint(self) -> bytes:
        """What "changes nothing" is checked against: the SQLite file's bytes, or on PostgreSQL
        every row of every table in primary-key order."""
        if self.target == str(self.db):
            return self.db.read_bytes()
        rows: list[str] = []
        with self.app.engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                query = select(table).order_by(*table.primary_key.columns)
                rows.extend(f"{table.name}:{tuple(row)!r}" for row in connection.execute(query))
        return "\n".join(rows).encode()

    def export(self) -> dict[str, Any]:
        with self.session() as session:
            return export_state(session)

    def mails(self, kind: str | None = None) -> list[Notification]:
        with self.session() as session:
            query = select(Notification).options(selectinload(Notification.links)).order_by(
                Notification.id)
            if kind:
                query = query.where(Notification.kind == kind)
            return list(session.scalars(query))

    def cli(self, *args: str, today: str | None = None) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        argv = ["--db", self.target] + (["--today", today] if today else []) + list(args)
        code = cli_main(argv, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def close(self) -> None:
        self.app.close()


def isolated(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The `env` fixture's environment for `folder`: logs and config in it, nothing from the
    developer's shell."""
    for name in ("RENEWDESK_DB", "RENEWDESK_TODAY", "RENEWDESK_GATEWAY", "RENEWDESK_SMTP_HOST",
                 "RENEWDESK_SANDBOX_LATENCY_MS", "RENEWDESK_SANDBOX_LEDGER",
                 "RENEWDESK_WEBHOOK_SECRET", "RENEWDESK_SMTP_SECRET"):
        monkeypatch.delenv(name, raising=False)
    logs = folder / "logs"
    monkeypatch.setenv("RENEWDESK_LOG_DIR", str(logs))
    monkeypatch.setenv("RENEWDESK_CONFIG_DIR", str(folder / "config"))
    monkeypatch.setenv("RENEWDESK_USER", "tester")
    return {"RENEWDESK_LOG_DIR": str(logs), "RENEWDESK_USER": "tester",
            "RENEWDESK_CONFIG_DIR": str(folder / "config")}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """An isolated environment: logs in the test's folder, nothing from the developer's shell."""
    return isolated(tmp_path, monkeypatch)


# The core's scenario suite runs on SQLite and on PostgreSQL (issue 7, "Done when" 1).
BOTH_BACKENDS = ("tests/services/", "tests/notify/", "tests/cli/test_story.py",
                 "tests/cli/test_exchange.py", "tests/cli/test_input_edges.py",
                 "tests/cli/test_usage_limits.py", "tests/stripe/",
                 "tests/ui/test_team.py")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        where = Path(str(metafunc.definition.path)).relative_to(REPO).as_posix()
        both = where.startswith(BOTH_BACKENDS)
        metafunc.parametrize("backend", ["sqlite", "postgresql"] if both else ["sqlite"])


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer]:
    """One PostgreSQL server on 127.0.0.1 for the whole session."""
    server = pg_server.start()
    yield server
    server.stop()


@pytest.fixture
def database(request: pytest.FixtureRequest, backend: str) -> Iterator[str | None]:
    """None for a SQLite file in the test's folder, else a fresh PostgreSQL database's URL."""
    if backend == "sqlite":
        yield None
        return
    server: PgServer = request.getfixturevalue("postgres")
    with server.database() as url:
        yield url


def nothing(world: World) -> None:
    """An empty portfolio: the database as `open_app` migrates a new file, and a new ledger."""


@pytest.fixture
def world(tmp_path: Path, env: dict[str, str], database: str | None,
          portfolios: Portfolios) -> Iterator[World]:
    if database is None:  # a copy of a new database migrated once, not migrated again each test
        portfolios.place(tmp_path, "empty", nothing)
    w = World(tmp_path, env, database)
    yield w
    w.close()


class Portfolios:
    """Portfolios that take seconds to build (the demo's customers and their nights), built once
    a session each, then copied into the worlds of the tests that ask. A SQLite world's whole
    state is two files, its database and the sandbox's ledger beside it (app.ledger_path): each
    test gets its own copies of the two, so what a test writes never reaches the snapshot or the
    next test. A PostgreSQL world builds the portfolio in its own database, as before."""

    FILES = ("renewdesk.db", "renewdesk.db.sandbox-ledger.sqlite")

    def __init__(self, root: Path) -> None:
        self.root = root
        self.snapshots: dict[str, Path] = {}

    def snapshot(self, name: str, build: Callable[[World], None]) -> Path:
        """The folder holding the two files of `build`'s portfolio, built the first time in a
        world of its own with the `env` fixture's environment (and the CLI's process
        environment) for that world's folder."""
        if name in self.snapshots:
            return self.snapshots[name]
        folder, kept = self.root / name / "built", self.root / name / "snapshot"
        folder.mkdir(parents=True)
        kept.mkdir()
        with pytest.MonkeyPatch.context() as monkeypatch:
            built = World(folder, isolated(folder, monkeypatch))
            try:
                build(built)
            finally:
                built.close()
            other = sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                           if path.is_file() and path.parent.name != "logs"
                           and not path.name.startswith(self.FILES))
            assert not other, f"the portfolio {name!r} has state the copies would lack: {other}"
            # SQLite's backup API reads through the WAL (the sandbox keeps its connections
            # open), and each copy is left as the original: in WAL mode, WAL checkpointed.
            for file in self.FILES:
                source, target = sqlite3.connect(folder / file), sqlite3.connect(kept / file)
                try:
                    source.backup(target)
                    target.execute("PRAGMA journal_mode=WAL")
                finally:
                    source.close()
                    target.close()
        self.snapshots[name] = kept
        return kept

    def place(self, folder: Path, name: str, build: Callable[[World], None]) -> None:
        """Copies of the snapshot's two files in `folder`, where a World will open them (no
        connection open to the files replaced)."""
        kept = self.snapshot(name, build)
        for file in self.FILES:
            target = folder / file
            stale = [p for p in (Path(f"{target}{end}") for end in ("-wal", "-shm", "-journal"))
                     if p.exists()]
            assert not stale, f"the world was still open when its portfolio came: {stale}"
            shutil.copyfile(kept / file, target)

    def restore(self, world: World, name: str, build: Callable[[World], None]) -> None:
        """`world`, fresh and not yet used, holds `build`'s portfolio from here on."""
        if world.target != str(world.db):
            build(world)
            return
        ledger = ledger_path(world.app.url, world.env)
        world.close()
        assert ledger == world.db.with_name(self.FILES[1]), "the world's ledger is elsewhere"
        self.place(world.folder, name, build)
        world.app = open_app(world.target, env=world.env)
        setup_logging(os.environ)  # as the build's CLI commands did: the test's own log file


def demo_first_night(world: World) -> None:
    """The demo's 60 customers (the CLI's `demo`) and their first night, 10 Dec 2026."""
    assert world.cli("demo", "--customers", "60", today="2026-12-10")[0] == 0
    world.run("2026-12-10")


@pytest.fixture(scope="session")
def portfolios(tmp_path_factory: pytest.TempPathFactory) -> Portfolios:
    return Portfolios(tmp_path_factory.mktemp("portfolios"))


@pytest.fixture
def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PyInstaller bundle, built once per session from renewdesk.spec (issue 5)."""
    import subprocess

    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([str(REPO / "scripts" / "build-bundle"), str(dist)], cwd=REPO,
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    executable = dist / "renewdesk" / "renewdesk"
    assert executable.is_file(), done.stdout
    return executable


from tests.keyrings import headless, system_keyring  # noqa: E402, F401 - shared fixtures
from tests.peers import localstripe, receiver, smtp  # noqa: E402, F401 - shared fixtures
