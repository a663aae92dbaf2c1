"""Opening a database: URL resolution, SQLite pragmas (WAL, foreign keys), migrations.

A session is a unit of work, never shared between threads (SQLAlchemy's session basics).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from filelock import FileLock
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.util import asbool

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import render
from renewdesk.domain.roles import Role
from renewdesk.store import refs, roles

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision, from the files' names (0001_…, 0002_…): knowing a database is up to date
# needs no Alembic import, which would slow every start; Alembic is loaded only to migrate.
HEAD = max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def database_url(db: str) -> str:
    """A SQLAlchemy URL stays as it is; anything else is a path to a SQLite file."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def sqlite_path(url: str | URL) -> Path | None:
    """The file a SQLite URL names, as written; None for another database or one in memory. A
    URL with `?uri=true` names it by an SQLite URI (`sqlite:///file:data.sqlite?uri=true`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    database = parsed.database
    uri_flag = parsed.query.get("uri")  # read as SQLAlchemy reads it: true, yes, on, 1…
    if uri_flag is not None and asbool(uri_flag[-1] if isinstance(uri_flag, tuple) else uri_flag) \
            and database.startswith("file:"):
        uri = urlsplit(database)
        if parsed.query.get("mode") == "memory" or uri.path in ("", ":memory:"):
            return None
        database = unquote(uri.path)
    return None if database == ":memory:" else Path(database)


def sqlite_file(url: str | URL) -> Path | None:
    """The file a SQLite URL opens, by its real path: what is kept beside a database (the run
    lock, the sandbox's ledger) must be found by every name the database is given, a symlink, a
    relative URL or an absolute path. The path is taken as SQLite takes it, relative to the
    working directory and without `~` (a path given as `--db` had it expanded already); a
    symlink is followed, as SQLite itself follows it to name its journal and WAL files."""
    path = sqlite_path(url)
    return None if path is None else Path(os.path.realpath(path))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url)
    _ping_when_idle(engine)
    return engine


# A team's server may have dropped a connection that waited in the pool (restarted, or a
# firewall that closes idle ones): one idle for longer than this is checked before it is used
# again (and replaced if it is gone). One used moments ago is not: checking every one, as
# `pool_pre_ping` does, was a round trip more for each read (two of a search's thirteen).
PING_AFTER_IDLE_S = 10.0


def _ping_when_idle(engine: Engine) -> None:
    def used(_dbapi: Any, record: Any, *_rest: Any) -> None:
        record.info["used"] = time.monotonic()

    def check(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("used")
        if last is not None and time.monotonic() - last < PING_AFTER_IDLE_S:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise DisconnectionError(str(error)) from error  # the pool connects anew
        if not alive:
            raise DisconnectionError("the connection did not answer")

    event.listen(engine, "connect", used)
    event.listen(engine, "checkin", used)
    event.listen(engine, "checkout", check)


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or opened (a team's server down, a wrong URL): which one
    and the driver's reason, said in the reader's language by `words(language)` (HM-3);
    `str(error)` is the English, for logs."""

    def __init__(self, url: str, reason: str) -> None:
        self.code = "database_unavailable"
        self.values: dict[str, object] = {"url": url, "reason": reason}
        super().__init__(self.words("en"))

    def words(self, language: str) -> str:
        return render(self.code, self.values, language)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def known_revisions(engine: Engine) -> set[str]:
    """Every schema revision this version can upgrade from (or is at)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return {revision.revision for revision in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The database's revision, read from Alembic's own table (None for an empty database)."""
    with engine.connect() as connection:
        return _revision(connection)


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    versions = list(connection.execute(text("SELECT version_num FROM alembic_version"))
                    .scalars())
    return versions[0] if len(versions) == 1 else None


def migrate(engine: Engine, revision: str = "head") -> Role:
    """Bring the schema to `revision` (an empty database included); returns the user's role
    (store/roles.py). Only an admin migrates (issue 23): another role opening a database whose
    schema is behind is told to ask an admin (`schema_behind`), nothing is attempted."""
    with _setting_up(engine.url):
        try:
            with engine.connect() as connection:
                role = roles.role_of(connection)
                current = _revision(connection) if role is Role.ADMIN else _readable(connection)
        except OperationalError as error:
            shown = engine.url.render_as_string(hide_password=True)
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise DatabaseUnavailable(shown, reason) from None
        if current != HEAD or revision != "head":
            if role is not Role.ADMIN:
                raise InputError("schema_behind", current=current or "-", head=HEAD)
            from alembic import command

            command.upgrade(alembic_config(engine), revision)
    return role


def _readable(connection: Connection) -> str | None:
    """The revision as a team member reads it: a database set up before the roles (0011)
    grants them nothing, not even Alembic's table; its schema is behind."""
    from sqlalchemy.exc import ProgrammingError

    try:
        return _revision(connection)
    except ProgrammingError as error:
        if roles.refused_for_role(error):
            return "?"
        raise


@contextmanager
def _setting_up(url: URL) -> Iterator[None]:
    """Two processes opening one new SQLite file together (the window and a scheduled run):
    the one whose switch to WAL meets the other's gets "database is locked" at once, SQLite's
    busy handler not asked, and both would create the tables. They take turns, by a lock beside
    the file's real path, for the first connection and the migration."""
    path = sqlite_file(url)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{path}.setup.lock", thread_local=False):
        yield


def read_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that only read (the window's lists). On PostgreSQL each statement runs on its
    own, outside a transaction: a read is its statements alone, without the BEGIN and ROLLBACK
    around them (two of a search's seven round trips to a team's server). On SQLite, the usual
    sessions. Nothing written through them would wait for a commit: only reads use them."""
    if engine.dialect.name != "postgresql":
        return session_factory(engine)
    return session_factory(engine.execution_options(isolation_level="AUTOCOMMIT"))


def session_factory(bind: Engine | Connection, **options: Any) -> sessionmaker[Session]:
    """The app's sessions: objects stay readable after commit, and new events and messages get
    their refs when a unit of work is flushed (`refs.give_refs_at_flush`)."""
    options.setdefault("expire_on_commit", False)
    return refs.give_refs_at_flush(sessionmaker(bind, **options))
