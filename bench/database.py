"""Where a benchmark runs (issue 23): a SQLite file, as before, or a throwaway PostgreSQL server
on 127.0.0.1 (the tests' own, `tests/pg_server.py`), reached directly or through the latency
proxy (`bench/latency.py`).

The same portfolios run on both: `dataset.portfolio` builds (or finds) the SQLite file, and on
PostgreSQL it is copied by COPY into a migrated database, vacuumed and analysed, which then
serves as the template each benchmark's own database is created from (`CREATE DATABASE ...
TEMPLATE`, a file copy). The server's cluster is kept between runs in
bench/.cache/pg-full-<schema head> (pg-quick-… for --quick), so a portfolio is loaded into it
once: a run copies the kept cluster and starts on the copy.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench import dataset
from tests import pg_server

# A team's server is given memory for its data: these, over the tests' durability-off settings.
SETTINGS = {"shared_buffers": "1GB", "effective_cache_size": "4GB", "work_mem": "32MB",
            "maintenance_work_mem": "512MB", "max_wal_size": "1GB"}
_names = itertools.count(1)


@dataclass
class Database:
    """`name` is how the figures are labelled: sqlite, postgresql, or postgresql +2 ms."""

    name: str
    server: pg_server.PgServer | None = None
    port: int | None = None  # the proxy's, when there is one
    counter: str | None = None  # the proxy's count of what it sent to the server (a file)
    loaded: set[str] = field(default_factory=set)

    @property
    def postgresql(self) -> bool:
        return self.server is not None

    def url(self, database: str) -> str:
        assert self.server is not None
        url = self.server.url(database)
        return url if self.port is None else url.replace(f":{self.server.port}/",
                                                         f":{self.port}/")

    def env(self, folder: Path) -> dict[str, str]:
        """The app's environment: its log there, and on PostgreSQL the sandbox's ledger too
        (beside a SQLite file it has its own place)."""
        env = {"RENEWDESK_LOG_DIR": str(folder)}
        if self.postgresql:
            env["RENEWDESK_SANDBOX_LEDGER"] = str(folder / "sandbox-ledger.sqlite")
        if self.counter:
            env["BENCH_SENT"] = self.counter
        return env

    def portfolio(self, folder: Path, customers: int = 100_000, services_each: int = 10,
                  due: int = 20_000) -> str:
        """A fresh copy of the portfolio for one benchmark: a SQLite path or a database URL."""
        if self.server is None:
            return str(dataset.portfolio(folder, customers, services_each, due))
        template = _template_name(dataset.name(customers, services_each, due))
        if not _exists(self.server, template):
            source = dataset.cached(customers, services_each, due)
            start = time.perf_counter()
            load(self.server, source, template)
            print(f"# {source.name} loaded into PostgreSQL in {time.perf_counter() - start:.1f} s "
                  "(COPY, VACUUM ANALYZE; kept for the next runs)", flush=True)
            self.loaded.add(template)
        name = f"bench_{next(_names)}"
        self.server.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return self.url(name)

    def empty(self, folder: Path) -> str:
        """A migrated database without a portfolio (the import's)."""
        if self.server is None:
            return str(folder / "import.db")
        name = f"bench_{next(_names)}"
        self.server.admin(f'CREATE DATABASE "{name}" TEMPLATE "{pg_server.TEMPLATE}"')
        return self.url(name)


SQLITE = Database("sqlite")


def _template_name(portfolio: str) -> str:
    from renewdesk.store import db

    return f"{portfolio}-{db.HEAD}".replace("-", "_")[:63]


def _exists(server: pg_server.PgServer, name: str) -> bool:
    import psycopg

    with psycopg.connect(server.url().replace("+psycopg", "")) as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone() is not None


def load(server: pg_server.PgServer, path: Path, name: str) -> None:
    """The SQLite portfolio at `path` copied into a new migrated database `name`: every mapped
    table by COPY in foreign-key order, the sequences set after the copied ids, then VACUUM
    ANALYZE (statistics, and the visibility map index-only scans need). Loaded under another
    name and renamed when whole: a load cut short is never kept as the portfolio."""
    import psycopg

    from renewdesk.store import db, transfer
    from renewdesk.store.models import Base

    final, name = name, f"bench_loading_{name}"[:63]
    server.admin(f'DROP DATABASE IF EXISTS "{name}"')
    server.admin(f'CREATE DATABASE "{name}" TEMPLATE "{pg_server.TEMPLATE}"')
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with psycopg.connect(server.url(name).replace("+psycopg", "")) as connection:
        connection.execute("DELETE FROM setting")
        for table in Base.metadata.sorted_tables:
            there = {row[1] for row in source.execute(f'PRAGMA table_info("{table.name}")')}
            # A column added since the portfolio was built takes its default.
            columns = [c.name for c in table.columns if c.name in there]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = source.execute(f'SELECT {quoted} FROM "{table.name}"')
            with connection.cursor().copy(
                    f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
                while batch := rows.fetchmany(10_000):
                    for row in batch:
                        copy.write_row(row)
        connection.commit()
    source.close()
    engine = db.make_engine(server.url(name))
    with engine.begin() as connection:
        transfer._reset_sequences(connection)
    engine.dispose()
    with psycopg.connect(server.url(name).replace("+psycopg", ""),
                         autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    server.admin(f'ALTER DATABASE "{name}" RENAME TO "{final}"')


def _cluster_cache(quick: bool) -> Path:
    from renewdesk.store import db

    return dataset.CACHE / f"pg-{'quick' if quick else 'full'}-{db.HEAD}"


@contextmanager
def postgresql(quick: bool = False) -> Iterator[Database]:
    """A server on a copy of the kept cluster (a new one the first time); the portfolios it
    loaded are kept for the next run when it stops. Quick runs keep theirs apart, so the test
    suite does not copy the large portfolios' cluster."""
    kept = _cluster_cache(quick)
    folder = Path(tempfile.mkdtemp(prefix="renewdesk-bench-pg-"))
    if (kept / "data").exists():
        shutil.copytree(kept / "data", folder / "data", symlinks=True)
        server = pg_server.launch(folder, SETTINGS)
    else:
        pg_server.init(folder)
        server = pg_server.launch(folder, SETTINGS)
        server.admin(f'CREATE DATABASE "{pg_server.TEMPLATE}"')
        from renewdesk.store import db

        engine = db.make_engine(server.url(pg_server.TEMPLATE))
        db.migrate(engine)
        engine.dispose()
    database = Database("postgresql", server)
    try:
        yield database
    finally:
        if database.loaded:
            for stale in _bench_databases(server):
                server.admin(f'DROP DATABASE "{stale}" WITH (FORCE)')
            server.stop(keep=True)
            for old in dataset.CACHE.glob(f"pg-{'quick' if quick else 'full'}-*"):
                shutil.rmtree(old, ignore_errors=True)  # other schema heads, and this one
            kept.mkdir(parents=True, exist_ok=True)
            (folder / "data").rename(kept / "data")
            shutil.rmtree(folder, ignore_errors=True)
        else:
            server.stop()


def _bench_databases(server: pg_server.PgServer) -> list[str]:
    import psycopg

    with psycopg.connect(server.url().replace("+psycopg", "")) as connection:
        return [name for (name,) in connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_%'")]


@contextmanager
def delayed(database: Database, ms: float) -> Iterator[Database]:
    """The same server through the latency proxy."""
    from bench.latency import proxy

    assert database.server is not None
    counter = str(database.server.folder / "proxy-sent")
    with proxy(database.server.port, ms, counter) as port:
        yield Database(f"postgresql +{ms:g} ms", database.server, port, counter,
                       database.loaded)
