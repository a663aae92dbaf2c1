"""A throwaway PostgreSQL server for the tests, on 127.0.0.1 (issue 7: team mode).

Started once per test session from Debian's `postgresql` binaries (`scripts/postgres-deps`
installs them; `.ci/run` calls it), in a temporary folder, trust authentication, durability off
(fsync, synchronous_commit) because nothing here outlives the session. Root may not run a
PostgreSQL server, so as root the server runs as Debian's `postgres` user.

Each test gets its own database, copied from a template that is migrated once: `CREATE DATABASE
... TEMPLATE` takes a few tens of milliseconds where migrating takes a second.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from renewdesk.domain.roles import Role
from renewdesk.store import db, roles

TEMPLATE = "renewdesk_template"
_names = itertools.count(1)


def binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run scripts/postgres-deps "
                           "(Debian's postgresql package), as scripts/test does")
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def as_user(url: str, name: str) -> str:
    """The same database's URL, logged in as `name` (the test server trusts 127.0.0.1)."""
    return make_url(url).set(username=name).render_as_string(hide_password=False)


def add_user(url: str, name: str, role: Role) -> str:
    """A new login with `role` (issue 23), added by the one `url` logs in as; its URL."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            roles.add_user(connection, name, role, None)
    finally:
        engine.dispose()
    return as_user(url, name)


@dataclass
class PgServer:
    folder: Path
    port: int
    bindir: Path
    prefix: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://renewdesk@127.0.0.1:{self.port}/{database}"

    def admin(self, statement: str) -> None:
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()

    def create_database(self, template: str | None = TEMPLATE) -> str:
        """A new empty (template=None) or migrated database; returns its URL."""
        name = f"t{os.getpid()}_{next(_names)}"
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def database(self, template: str | None = TEMPLATE) -> Iterator[str]:
        url = self.create_database(template)
        try:
            yield url
        finally:
            self.drop_database(url)

    def version(self) -> str:
        done = subprocess.run([str(self.bindir / "postgres"), "--version"], capture_output=True,
                              text=True, check=False)
        return done.stdout.split()[2] if done.returncode == 0 else "?"

    def stop(self, keep: bool = False) -> None:
        """Stopped at once and its folder removed; with `keep`, shut down cleanly (a checkpoint
        first) and the folder kept, to be started again by `launch`."""
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "fast" if keep else "immediate", "stop"], capture_output=True,
                       check=False, timeout=300)
        if not keep:
            shutil.rmtree(self.folder, ignore_errors=True)


def _owned(folder: Path) -> list[str]:
    """The command prefix that runs PostgreSQL's programs as their owner: as root, Debian's
    `postgres` user, who is given `folder`."""
    if os.geteuid() != 0:
        return []
    user = pwd.getpwnam("postgres")
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


_RUN = {"capture_output": True, "text": True, "timeout": 120, "check": False}


def init(folder: Path, bindir: Path | None = None) -> None:
    """A new cluster in `folder`/data (the benchmarks keep one between runs)."""
    bindir = bindir or binaries()
    prefix = _owned(folder)
    done = subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(folder / "data"), "-A",
                           "trust", "-U", "renewdesk", "-E", "UTF8", "--locale", "C",
                           "--no-sync"], **_RUN)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise RuntimeError(f"initdb failed: {done.stderr}")


def launch(folder: Path, settings: dict[str, str] | None = None) -> PgServer:
    """A server on the cluster in `folder`/data, on a free port of 127.0.0.1; `settings` are
    passed as `-c name=value`, after the tests' own (durability off, 200 connections)."""
    bindir = binaries()
    prefix = _owned(folder)
    port = _free_port()
    chosen = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
              "max_connections": "200", **(settings or {})}
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} " + " ".join(
        f"-c {name}={value}" for name, value in chosen.items())
    done = subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-o",
                           options, "-l", str(folder / "server.log"), "-w", "start"],
                          **_RUN)  # type: ignore[call-overload]
    if done.returncode != 0:
        log = (folder / "server.log").read_text() if (folder / "server.log").exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {done.stderr}{log[-2000:]}")
    return PgServer(folder, port, bindir, prefix)


def start(settings: dict[str, str] | None = None) -> PgServer:
    """A new server in a temporary folder with the migrated template database."""
    folder = Path(tempfile.mkdtemp(prefix="renewdesk-pg-"))
    init(folder)
    server = launch(folder, settings)
    server.admin(f'CREATE DATABASE "{TEMPLATE}"')
    engine = db.make_engine(server.url(TEMPLATE))
    db.migrate(engine)
    engine.dispose()
    return server
