"""Large databases for the benchmarks, written with plain SQL (the app's own importer is what
`bench import` measures) and kept in bench/.cache so a second run starts at once.

The big portfolio: 100,000 customers with one card each, 1,000,000 services (10 each, auto-renew
off, expiring in 2028, so nothing renews during the benchmark), 100,000 installment orders of 6
monthly installments. The first `due` orders (20,000 by default) have an installment due on
BUSY; one customer in ten of those has a declining card, so the night also writes failure
e-mails, seller alerts and events. Nothing is due on IDLE.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

from renewdesk.app import open_app
from renewdesk.store import db, search_index

CACHE = Path(__file__).resolve().parent / ".cache"
LAST_RUN = date(2027, 1, 8)
IDLE = date(2027, 1, 9)
BUSY = date(2027, 1, 10)
VERSION = "6"  # 6: the home page's covering indexes (migration 0009)


def _months(start: date, n: int) -> date:
    month = start.month - 1 + n
    return date(start.year + month // 12, month % 12 + 1, min(start.day, 28))


def build(path: Path, customers: int, services_each: int, due: int) -> None:
    """A fresh database at `path` (schema by the app's migrations, rows by SQL)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    open_app(str(path), env={"RENEWDESK_LOG_DIR": str(path.parent)}).close()
    db = sqlite3.connect(path)
    # One file, no write-ahead log left beside it: the cache is renamed into place afterwards.
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA synchronous=OFF")
    with db:
        db.executemany(
            "INSERT INTO customer (id, ref, name, email, address, language, emails_enabled) "
            "VALUES (?, ?, ?, ?, ?, ?, 1)",
            ((n, f"C{n:07d}", f"Client {n} Dupont", f"client{n}@example.fr",
              f"{n % 200 + 1} avenue des Fleurs, Lyon", "fr" if n % 3 else "en")
             for n in range(1, customers + 1)))
        db.executemany(
            "INSERT INTO payment_method (id, ref, customer_id, position, type, token, brand, last4,"
            " exp_month, exp_year, holder, accepted) VALUES (?, ?, ?, 0, 'card', ?, 'visa', ?, "
            "12, 2030, ?, 1)",
            ((n, f"C{n:07d}-PM1", n, "pm_card_visa_chargeDeclined" if n <= due and n % 10 == 0
              else "pm_card_visa", f"{n % 10000:04d}", f"Client {n} Dupont")
             for n in range(1, customers + 1)))
        db.executemany(
            "INSERT INTO service (id, ref, customer_id, kind, label, billing, currency, "
            "price_minor, period_months, expires_on, auto_renew, payment_method_id, status) "
            "VALUES (?, ?, ?, ?, ?, 'period', 'EUR', ?, 12, ?, 0, ?, 'active')",
            ((s, f"S{s:08d}", c, kind, f"{kind} site{s}.fr", price,
              (date(2028, 1, 1) + timedelta(days=s % 360)).isoformat(), c)
             for c in range(1, customers + 1)
             for s, kind, price in ((c * services_each - k, ("domain", "hosting", "email")[k % 3],
                                     (1200, 8400, 3600)[k % 3]) for k in range(services_each))))
        orders = []
        installments = []
        for n in range(1, customers + 1):
            first = BUSY if n <= due else BUSY + timedelta(days=1 + n % 27)
            orders.append((n, f"O{n:07d}", n, "Formation", f"FA-{n:07d}", 3000, first.isoformat(),
                           n))
            for k in range(6):
                on = _months(first, k).isoformat()
                installments.append((n * 6 + k, n, k + 1, on, 3000, on))
        db.executemany(
            "INSERT INTO installment_order (id, ref, customer_id, product, invoice_number, "
            "installment_amount_minor, currency, installments_count, interval, first_due_on, "
            "method, payment_method_id, status, in_collection) VALUES "
            "(?, ?, ?, ?, ?, ?, 'EUR', 6, 'monthly', ?, 'card', ?, 'active', 0)", orders)
        db.executemany(
            "INSERT INTO installment (id, order_id, number, due_on, amount_minor, status, "
            "rounds_done, next_attempt_on, final_attempt_used, in_collections_list) VALUES "
            "(?, ?, ?, ?, ?, 'scheduled', 0, ?, 0, 0)", installments)
        db.execute("INSERT INTO setting (name, value) VALUES ('last_run_on', ?)",
                   (LAST_RUN.isoformat(),))
        db.execute("INSERT INTO setting (name, value) VALUES ('seller_email', 'me@example.fr')")
        db.execute("ANALYZE")
    db.close()
    app = open_app(str(path), env={"RENEWDESK_LOG_DIR": str(path.parent)})
    with app.engine.begin() as connection:  # as the importer does after writing services
        search_index.catch_up(connection)
    app.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()


def name(customers: int, services_each: int, due: int) -> str:
    return f"portfolio-v{VERSION}-{customers}-{services_each}-{due}"


def cached(customers: int = 100_000, services_each: int = 10, due: int = 20_000) -> Path:
    """The cached portfolio itself (built first if needed): to be read, never written."""
    path = CACHE / f"{name(customers, services_each, due)}.db"
    if not path.exists():
        build(path.with_suffix(".tmp"), customers, services_each, due)
        path.with_suffix(".tmp").replace(path)
    elif _revision(path) != db.HEAD:
        # Migrated once here (indexes built, or only its revision noted), not inside every
        # timed start of a copy.
        with tempfile.TemporaryDirectory() as folder:
            open_app(str(path), env={"RENEWDESK_LOG_DIR": folder, "RENEWDESK_SANDBOX_LEDGER":
                                     str(Path(folder) / "ledger.sqlite")}).close()
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.close()
    return path


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def portfolio(folder: Path, customers: int = 100_000, services_each: int = 10,
              due: int = 20_000) -> Path:
    """A copy of the cached portfolio in `folder`, built first if needed."""
    source = cached(customers, services_each, due)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "bench.db"
    for stale in folder.glob(target.name + "*"):  # a left write-ahead log would apply to the copy
        stale.unlink()
    shutil.copyfile(source, target)
    return target
