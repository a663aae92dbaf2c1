"""The two ways the import writes the rows `rows.py` checked: many rows per INSERT (`ManyRows`,
the import's own), or one object at a time through the ORM (`OneRow`, the plain way the other
is tested against). They differ in nothing else: the same rows, ids in the same order, the same
PM-6 events, so a writer is a choice of speed, never of outcome."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange.rows import NewCustomer
from renewdesk.services.journal import NewEvent, record_events
from renewdesk.store.batches import inserted
from renewdesk.store.models import BillingContact, Customer, PaymentMethod, Service

# A reference already written: its row's id and, for contacts and methods, its customer's id.
Known = dict[str, tuple[int, int | None]]


class Writer(Protocol):
    def __init__(self, session: Session, known: dict[Any, Known], today: date,
                 now: datetime) -> None:
        """`known`: the rows already written, by model and reference; a writer adds to it."""

    def customer(self, new: NewCustomer) -> None:
        """Write a new customer with its contacts and methods, now or with `write`."""

    def service(self, row: dict[str, Any]) -> None:
        """Write a new service, now or with `write`."""

    def write(self) -> None:
        """Write what waits: before anything else is read from the database, and at the end."""

    def waits(self, model: Any, ref: str | None) -> bool:
        """Whether a row with this reference waits to be written."""


def _events(new: NewCustomer, today: date) -> list[NewEvent]:
    return [(pms.CHANGED, new.row["ref"], today, data) for data in new.events]


class OneRow:
    """Each object through the ORM as it comes, flushed so that its id is known."""

    def __init__(self, session: Session, known: dict[Any, Known], today: date,
                 now: datetime) -> None:
        self.s, self.known, self.today, self.now = session, known, today, now

    def customer(self, new: NewCustomer) -> None:
        customer = Customer(**new.row)
        self.s.add(customer)
        self.s.flush()
        self.known[Customer][customer.ref] = (customer.id, None)
        owned: list[BillingContact | PaymentMethod] = [
            BillingContact(**row, customer_id=customer.id) for row in new.contacts]
        owned += [PaymentMethod(**row, customer_id=customer.id) for row in new.methods]
        self.s.add_all(owned)
        self.s.flush()
        for row in owned:
            self.known[type(row)][row.ref] = (row.id, customer.id)
        record_events(self.s, _events(new, self.today), self.now)

    def service(self, row: dict[str, Any]) -> None:
        service = Service(**row)
        self.s.add(service)
        self.s.flush()
        self.known[Service][service.ref] = (service.id, service.customer_id)

    def write(self) -> None:
        """Nothing waits: each object was written as it came."""

    def waits(self, model: Any, ref: str | None) -> bool:
        return False


class ManyRows:
    """New objects wait in memory and are written together: one multi-row INSERT per table (ids
    come back with RETURNING), the PM-6 events together."""

    def __init__(self, session: Session, known: dict[Any, Known], today: date,
                 now: datetime) -> None:
        self.s, self.known, self.today, self.now = session, known, today, now
        self.customers: list[NewCustomer] = []
        self.services: list[dict[str, Any]] = []
        self.waiting: dict[Any, set[str]] = {model: set() for model in known}

    def customer(self, new: NewCustomer) -> None:
        self.customers.append(new)
        self.waiting[Customer].add(new.row["ref"] or "")
        self.waiting[BillingContact].update(row["ref"] for row in new.contacts)
        self.waiting[PaymentMethod].update(row["ref"] for row in new.methods)

    def service(self, row: dict[str, Any]) -> None:
        self.services.append(row)
        self.waiting[Service].add(row["ref"] or "")

    def waits(self, model: Any, ref: str | None) -> bool:
        return ref in self.waiting[model]

    def write(self) -> None:
        if self.customers:
            self._write_customers()
        if self.services:
            self.s.flush()
            ids = self._insert(Service, self.services)
            self.known[Service].update((row["ref"], (row_id, row["customer_id"]))
                                       for row_id, row in zip(ids, self.services, strict=True))
            self.services = []
            self.waiting[Service].clear()

    def _insert(self, model: Any, rows: list[dict[str, Any]]) -> list[int]:
        """Write rows; their ids, in the rows' order (matched by reference: RETURNING in the
        parameters' order would have SQLite write them one by one)."""
        ids = inserted(self.s.connection(), model.__table__, rows)
        return [ids[row["ref"]] for row in rows]

    def _write_customers(self) -> None:
        self.s.flush()
        new = self.customers
        ids = self._insert(Customer, [n.row for n in new])
        contacts: list[dict[str, Any]] = []
        methods: list[dict[str, Any]] = []
        events: list[NewEvent] = []
        for customer_id, n in zip(ids, new, strict=True):
            self.known[Customer][n.row["ref"]] = (customer_id, None)
            contacts += [dict(c, customer_id=customer_id) for c in n.contacts]
            methods += [dict(m, customer_id=customer_id) for m in n.methods]
            events += _events(n, self.today)
        for owned, rows in ((BillingContact, contacts), (PaymentMethod, methods)):
            for row_id, row in zip(self._insert(owned, rows), rows, strict=True):
                self.known[owned][row["ref"]] = (row_id, row["customer_id"])
        record_events(self.s, events, self.now)
        self.customers = []
        for model in (Customer, BillingContact, PaymentMethod):
            self.waiting[model].clear()
