"""Target 2: the engine's own overhead, on 1,000,000 services and 100,000 installment orders.

An idle night (nothing due) must take at most 0.5 s; a night with 20,000 due installments on a
zero-latency sandbox must process at least 2,000 items/s, e-mails, events and invoices (the
seller is set, so each payment is invoiced in its wave) included. The
reference is a bare insert of the same number of attempt rows into the same kind of database
(sqlite3, or psycopg's executemany on the same server), measured in the same run.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from bench import dataset
from bench.database import SQLITE, Database
from bench.report import Figure, stopwatch
from renewdesk.app import open_app
from renewdesk.services.context import Clock, Context
from renewdesk.services.demo import DEMO_SELLER
from renewdesk.services.run_due import RunReport, run_due
from renewdesk.store import settings


def _night(path: str, folder: Path, day: date, db: Database) -> tuple[float, RunReport]:
    app = open_app(path, env=db.env(folder))
    with app.factory() as session:  # a real business's night: every payment invoiced (IV-1)
        for name, value in DEMO_SELLER.items():
            settings.put(session, name, value)
        session.commit()
    ctx = Context(factory=app.factory, processor=app.processor,
                  clock=Clock(day, lambda: datetime.now(UTC)), who="bench")
    with stopwatch() as took:
        report = run_due(ctx)
    app.close()
    return took[0], report


def bare_inserts(path: Path, rows: int) -> float:
    """The floor: `rows` attempt-like rows inserted and committed by plain sqlite3."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE bare_attempt (id INTEGER PRIMARY KEY, installment_id INTEGER, "
               "idempotency_key TEXT UNIQUE, amount_minor INTEGER, currency TEXT, result TEXT, "
               "decline_code TEXT, processor_ref TEXT, attempted_at TEXT, 'on' TEXT)")
    with stopwatch() as took, db:
        db.executemany("INSERT INTO bare_attempt VALUES (?,?,?,?,?,?,?,?,?,?)",
                       ((n, n, f"inst-{n}-r1", 3000, "EUR", "succeeded", None, f"ch_{n}",
                         "2027-01-10T01:00:00", "2027-01-10") for n in range(1, rows + 1)))
    db.close()
    return took[0]


def bare_inserts_pg(url: str, rows: int) -> float:
    """The floor on PostgreSQL: the same rows by psycopg's executemany (pipelined), committed."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        connection.execute(
            "CREATE TEMPORARY TABLE bare_attempt (id integer PRIMARY KEY, installment_id "
            "integer, idempotency_key text UNIQUE, amount_minor integer, currency text, result "
            "text, decline_code text, processor_ref text, attempted_at timestamp, \"on\" date)")
        connection.commit()
        with stopwatch() as took:
            connection.cursor().executemany(
                "INSERT INTO bare_attempt VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                ((n, n, f"inst-{n}-r1", 3000, "EUR", "succeeded", None, f"ch_{n}",
                  datetime(2027, 1, 10, 1), date(2027, 1, 10)) for n in range(1, rows + 1)))
            connection.commit()
    return took[0]


def main(folder: Path, quick: bool, db: Database = SQLITE) -> list[Figure]:
    customers, due = (2_000, 400) if quick else (100_000, 20_000)
    path = db.portfolio(folder, customers=customers, services_each=10, due=due)
    idle, report = _night(path, folder, dataset.IDLE, db)
    assert not report.charges, "the idle night charged something"
    busy, report = _night(path, folder, dataset.BUSY, db)
    items = len(report.charges)
    assert items >= due, f"only {items} items were due"
    floor = (bare_inserts_pg(path, items) if db.postgresql
             else bare_inserts(folder / "bare.sqlite", items))
    rate = items / busy
    return [
        Figure("engine", "idle night (nothing due)", idle, "s", 0.5, higher_is_better=False,
               reference=f"{customers * 10:,} services, {customers:,} orders"),
        Figure("engine", "due items processed", items, "items",
               reference=f"{len(report.emails)} e-mails, {report.events} events"),
        Figure("engine", "busy night throughput", rate, "items/s", 2_000,
               reference=f"{busy:.1f} s; bare insert of {items} attempt rows: {floor:.3f} s, "
                         f"ratio {busy / floor:.0f}x"),
    ]
