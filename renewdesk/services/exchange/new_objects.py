"""New customers and services in an exchange file: found new, checked once, handed to a writer.

A customer whose reference and whose contacts' and methods' references are all new, and a
service whose reference is new and that is not cancelled, are checked by `rows.py` (in the
file's order, with the messages the file has always had) and given to the import's writer
(`writers.py`): many rows per INSERT, or one object at a time. Anything else (an update, a
reference seen earlier in the same file, a cancelled service) first has what waits written, then
goes the per-object way, so every object still sees the ones before it. The import stays one
transaction: all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from renewdesk.services.exchange import rows
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.exchange.scope import ImportScope
from renewdesk.services.exchange.writers import Known, Writer
from renewdesk.store.models import BillingContact, Customer, PaymentMethod, Service
from renewdesk.store.refs import IN_CHUNK


def _raw_refs(items: object, key: str = "ref") -> list[str]:
    """The text references under `key` in a list of objects, before any checking; only those
    that could pass it (a reference's length, printable) are looked up: the others are refused
    when their object is read, and a database would refuse some (PostgreSQL: a NUL) first."""
    if not isinstance(items, list):
        return []
    return [ref for item in items if isinstance(item, dict) and isinstance(ref := item.get(key), str)
            and len(ref) <= 64 and ref.isprintable()]


class NewObjects:
    """Which of the file's objects are new, and the rows already written by reference (the
    `rows.Found` that new services look their customer, method and contact up in)."""

    def __init__(self, scope: ImportScope, document: dict[str, Any],
                 writer: type[Writer]) -> None:
        self.scope = scope
        self.s = scope.s
        self.known: dict[Any, Known] = {model: {} for model in
                                        (Customer, BillingContact, PaymentMethod, Service)}
        self.writer = writer(self.s, self.known, scope.today, scope.now)
        self.loaded_customers = False
        customers = document.get("customers")
        services = document.get("services")
        nested = [c for c in customers if isinstance(c, dict)] if isinstance(customers, list) else []
        size = len(nested) + (len(services) if isinstance(services, list) else 0)
        self._count: dict[Any, int] = {}
        self._find(Customer, lambda: [*_raw_refs(customers), *_raw_refs(services, "customer")],
                   size)
        self._find(BillingContact, lambda: [
            *(ref for c in nested for ref in _raw_refs(c.get("contacts"))),
            *_raw_refs(services, "billing_contact")], size)
        self._find(PaymentMethod, lambda: [
            *(ref for c in nested for ref in _raw_refs(c.get("payment_methods"))),
            *_raw_refs(services, "payment_method")], size)
        self._find(Service, lambda: _raw_refs(services), size)

    # -- what exists already -------------------------------------------------------------
    def _rows(self, model: Any) -> int:
        if model not in self._count:
            self._count[model] = self.s.scalar(select(func.count()).select_from(model)) or 0
        return self._count[model]

    def _find(self, model: Any, refs: Callable[[], Iterable[str]], size: int = 0) -> None:
        """Which of these references exist, with their ids: one query per thousand, or one for
        the whole table when it holds fewer rows than that (an empty one: none). `size`: about
        how many objects give the references; for a large file, an empty table is not read
        and the references are not gathered."""
        if size > IN_CHUNK and not self._rows(model):
            return
        wanted = sorted(set(refs()))
        query = select(model.ref, model.id, getattr(model, "customer_id", model.id))
        queries = []
        if len(wanted) > IN_CHUNK:
            count = self._rows(model)
            if count <= len(wanted):
                wanted = []
                queries = [query] if count else []
        if wanted:
            queries = [query.where(model.ref.in_(wanted[start:start + IN_CHUNK]))
                       for start in range(0, len(wanted), IN_CHUNK)]
        for part in queries:
            for ref, row_id, owner in self.s.execute(part):
                self.known[model][ref] = (row_id, owner)

    def _taken(self, model: Any, ref: str | None) -> bool:
        return ref in self.known[model] or self.writer.waits(model, ref)

    def lookup(self, model: Any, ref: str) -> tuple[int, int | None] | None:
        """A reference's row: from what was found or written, else asked (the per-object path
        may have created it during this import)."""
        if ref not in self.known[model]:
            self.writer.settle()
            self.s.flush()
            self._find(model, lambda: [ref])
        return self.known[model].get(ref)

    def customer(self, customer_id: int) -> Customer:
        """A customer with its methods, for AR-1; the file's customers are read together once."""
        self.writer.settle()
        if not self.loaded_customers:
            self.loaded_customers = True
            ids = sorted({found[0] for found in self.known[Customer].values()})
            for start in range(0, len(ids), IN_CHUNK):
                self.s.scalars(select(Customer).options(selectinload(Customer.payment_methods))
                               .where(Customer.id.in_(ids[start:start + IN_CHUNK]))).all()
        customer = self.s.get(Customer, customer_id)
        assert customer is not None
        return customer

    # -- taking new objects --------------------------------------------------------------
    def take_customer(self, o: Obj) -> bool:
        """Check a new customer and give it to the writer; False if it must go the per-object
        way (it, a contact or a method exists already)."""
        ref = o.ref()
        contacts = _raw_refs(o.data.get("contacts"))
        methods = _raw_refs(o.data.get("payment_methods"))
        if (self._taken(Customer, ref) or any(self._taken(BillingContact, c) for c in contacts)
                or any(self._taken(PaymentMethod, m) for m in methods)):
            return False
        new = rows.new_customer(o, self.scope.processor, self.scope.default_country)
        self.scope.count("customers", True)
        for _method in new.methods:
            self.scope.count("payment_methods", True)
        self.writer.customer(new)
        return True

    def take_service(self, o: Obj) -> bool:
        """Check a new service and give it to the writer; False if it must go the per-object
        way (it exists already, or it is cancelled: AR-8's path)."""
        if self._taken(Service, o.ref()) or o.data.get("status") == "cancelled":
            return False
        self.writer.service(rows.new_service(o, self, self.scope.today))
        self.scope.count("services", True)
        return True

    def write(self) -> None:
        """Write what waits (before the per-object path goes on, and at the end)."""
        self.writer.write()

    def send(self) -> None:
        """Start writing what waits; the objects that follow are checked meanwhile (only new
        ones: the per-object path writes what waits first)."""
        self.writer.send()

    def settle(self, failing: bool = False) -> None:
        """Wait for what the writer is writing (`Writer.settle`)."""
        self.writer.settle(failing)
