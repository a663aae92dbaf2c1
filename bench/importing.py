"""Target 4: an exchange file of 100,000 services imports at 20,000 objects/s or more.

The file: 10,000 customers with a card each and 10 services each (120,000 objects in all:
customers, payment methods, services), written to disk and imported by `renewdesk import`'s
own code path into an empty database (a SQLite file, or a migrated PostgreSQL database). The
reference is json.load of the same file.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.database import SQLITE, Database
from bench.report import Figure, stopwatch
from renewdesk.app import open_app
from renewdesk.services.exchange.importer import import_document


def exchange_file(path: Path, customers: int, services_each: int) -> int:
    docs: dict[str, Any] = {"format": "renewdesk/1", "customers": [], "services": [],
                            "installment_orders": [], "usage": []}
    for n in range(1, customers + 1):
        ref = f"C{n:06d}"
        docs["customers"].append({
            "ref": ref, "name": f"Client {n} Dupont", "email": f"client{n}@example.fr",
            "address": f"{n % 200 + 1} avenue des Fleurs, Lyon", "language": "fr",
            "contacts": [], "payment_methods": [{
                "ref": f"{ref}-PM1", "type": "card", "token": "pm_card_visa", "brand": "visa",
                "last4": f"{n % 10000:04d}", "exp_month": 12, "exp_year": 2030,
                "holder": f"Client {n} Dupont"}]})
        for k in range(services_each):
            docs["services"].append({
                "ref": f"S{n:06d}-{k}", "customer": ref, "kind": "domain",
                "label": f"site{n}-{k}.fr", "billing": "period", "price": "12.00",
                "currency": "EUR", "period_months": 12,
                "expires_on": (date(2028, 1, 1) + timedelta(days=(n + k) % 360)).isoformat(),
                "auto_renew": False, "payment_method": f"{ref}-PM1", "billing_contact": None})
    path.write_text(json.dumps(docs), encoding="utf-8")
    return customers * 2 + customers * services_each


def main(folder: Path, quick: bool, db: Database = SQLITE) -> list[Figure]:
    customers = 100 if quick else 10_000
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "portfolio.json"
    objects = exchange_file(source, customers, 10)
    with stopwatch() as parse:
        json.loads(source.read_text(encoding="utf-8"))
    app = open_app(db.empty(folder), env=db.env(folder))
    with stopwatch() as took:
        document = json.loads(source.read_text(encoding="utf-8"))
        with app.factory() as session:
            import_document(session, app.processor, document, date(2026, 11, 1),
                            datetime.now(UTC), "bench")
            session.commit()
    app.close()
    rate = objects / took[0]
    return [Figure("import", "objects imported", objects, "objects",
                   reference=f"{customers * 10:,} services"),
            Figure("import", "import rate", rate, "obj/s", 20_000,
                   reference=f"{took[0]:.1f} s; json.load alone: {parse[0]:.2f} s")]
