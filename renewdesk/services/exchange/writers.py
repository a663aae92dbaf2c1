"""The two ways the import writes the rows `rows.py` checked: many rows per statement
(`ManyRows`, the import's own), or one object at a time through the ORM (`OneRow`, the plain
way the other is tested against). They differ in nothing else: the same rows, ids in the same
order, the same PM-6 events, so a writer is a choice of speed, never of outcome.

`ManyRows` writes new services in parts as they come; on PostgreSQL the server writes one part
(its foreign keys checked, its indexes grown) while the next is checked (`batches.Background`):
the import settles with it (`settle`) before it reads the database, and when it fails."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange.rows import NewCustomer
from renewdesk.services.journal import NewEvent, record_events
from renewdesk.store.batches import Background
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

    def send(self) -> None:
        """Start writing what waits, without waiting for the last of it (the objects that
        follow are checked meanwhile)."""

    def write(self) -> None:
        """Write what waits: before anything else is read from the database, and at the end."""

    def waits(self, model: Any, ref: str | None) -> bool:
        """Whether a row with this reference waits to be written."""

    def settle(self, failing: bool = False) -> None:
        """Wait for what is being written (before the database is read; `failing`: the import
        failed, what the database refuses no longer matters)."""


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

    def send(self) -> None:
        """Nothing waits: each object was written as it came."""

    def write(self) -> None:
        """Nothing waits: each object was written as it came."""

    def waits(self, model: Any, ref: str | None) -> bool:
        return False

    def settle(self, failing: bool = False) -> None:
        """Nothing is being written: each object was written as it came."""


# New services written together by `ManyRows`, at the most: enough for few statements, few
# enough that the server's part of the work goes on beside the file's checking.
PART = 5000


class ManyRows:
    """New objects wait in memory and are written together: customers, contacts and methods each
    by one many-row write, the PM-6 events together, services in parts of `PART` as they come.
    Each write's ids are known at once (on PostgreSQL taken from the sequences first), so the
    objects that name them are checked while the server writes them."""

    def __init__(self, session: Session, known: dict[Any, Known], today: date,
                 now: datetime) -> None:
        self.s, self.known, self.today, self.now = session, known, today, now
        self.background = Background(session.connection())
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
        if len(self.services) >= PART and not self.customers:
            self._write_services()

    def waits(self, model: Any, ref: str | None) -> bool:
        return ref in self.waiting[model]

    def settle(self, failing: bool = False) -> None:
        self.background.settle(failing)

    def send(self) -> None:
        if self.customers:
            self._write_customers()
        if self.services:
            self._write_services()

    def write(self) -> None:
        self.send()
        self.background.settle()

    def _insert(self, model: Any, rows: list[dict[str, Any]]) -> dict[Any, int]:
        """Write rows (what waits in the session first); their ids, by ref."""
        return self.background.add(model.__table__, rows, first=self.s.flush)

    def _write_services(self) -> None:
        rows, self.services = self.services, []
        ids = self._insert(Service, rows)
        self.known[Service].update((row["ref"], (ids[row["ref"]], row["customer_id"]))
                                   for row in rows)
        self.waiting[Service].clear()

    def _write_customers(self) -> None:
        """The PM-6 events first (they name their customer by reference only), then the
        customers, their contacts and their methods; the methods' write is left in flight."""
        new, self.customers = self.customers, []
        self.background.settle()
        record_events(self.s, [event for n in new for event in _events(n, self.today)],
                      self.now)
        customers = self._insert(Customer, [n.row for n in new])
        contacts: list[dict[str, Any]] = []
        methods: list[dict[str, Any]] = []
        for n in new:
            customer_id = customers[n.row["ref"]]
            self.known[Customer][n.row["ref"]] = (customer_id, None)
            contacts += [dict(c, customer_id=customer_id) for c in n.contacts]
            methods += [dict(m, customer_id=customer_id) for m in n.methods]
        for owned, rows in ((BillingContact, contacts), (PaymentMethod, methods)):
            ids = self._insert(owned, rows)
            for row in rows:
                self.known[owned][row["ref"]] = (ids[row["ref"]], row["customer_id"])
        for model in (Customer, BillingContact, PaymentMethod):
            self.waiting[model].clear()
