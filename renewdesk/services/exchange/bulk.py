"""The import's way for new customers and services: checked by the same rules as one object at a
time, written many rows per statement (issue 6: 100,000 services at 20,000 objects/s).

A customer whose reference and whose contacts' and methods' references are all new, and a
service whose reference is new and that is not cancelled, are checked here, in the file's order
and with the per-object path's messages, and wait in memory. Anything else (an update, a
reference seen earlier in the same file, a cancelled service) first writes what waits, then
goes the per-object way, so every object still sees the ones before it. What waits is written
with one multi-row INSERT per table (ids come back with RETURNING), the PM-6 events together.
The import stays one transaction: all or nothing, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.payments.processor import Payer
from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.exchange.scope import (
    ImportScope,
    customer_values,
    method_input,
    service_values,
)
from renewdesk.services.journal import NewEvent, record_events
from renewdesk.services.recurrence import require_auto_renew_allowed
from renewdesk.store.models import BillingContact, Customer, PaymentMethod, Service
from renewdesk.store.refs import IN_CHUNK

SERVICE_STATUSES = ("active", "suspended", "overdue", "cancelled")

# A reference already written: its row's id and, for contacts and methods, its customer's id.
Known = dict[str, tuple[int, int | None]]


@dataclass
class _NewCustomer:
    row: dict[str, Any]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    methods: list[dict[str, Any]] = field(default_factory=list)
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # method ref, data


def _raw_refs(items: object, key: str = "ref") -> list[str]:
    """The text references under `key` in a list of objects, before any checking; only those
    that could pass it (a reference's length, printable) are looked up: the others are refused
    when their object is read, and a database would refuse some (PostgreSQL: a NUL) first."""
    if not isinstance(items, list):
        return []
    return [ref for item in items if isinstance(item, dict) and isinstance(ref := item.get(key), str)
            and len(ref) <= 64 and ref.isprintable()]


class NewObjects:
    """New customers (with their contacts and methods) and new services waiting to be written."""

    def __init__(self, scope: ImportScope, document: dict[str, Any], enabled: bool = True) -> None:
        """`enabled=False`: takes nothing (every object goes the per-object way)."""
        self.enabled = enabled
        self.scope = scope
        self.s = scope.s
        self.customers: list[_NewCustomer] = []
        self.services: list[dict[str, Any]] = []
        self.waiting: dict[Any, set[str]] = {Customer: set(), BillingContact: set(),
                                             PaymentMethod: set(), Service: set()}
        self.known: dict[Any, Known] = {model: {} for model in self.waiting}
        self.loaded_customers = False
        if not enabled:
            return
        customers = document.get("customers")
        services = document.get("services")
        nested = [c for c in customers if isinstance(c, dict)] if isinstance(customers, list) else []
        self._find(Customer, [*_raw_refs(customers), *_raw_refs(services, "customer")])
        self._find(BillingContact, [*(ref for c in nested for ref in _raw_refs(c.get("contacts"))),
                                    *_raw_refs(services, "billing_contact")])
        self._find(PaymentMethod, [
            *(ref for c in nested for ref in _raw_refs(c.get("payment_methods"))),
            *_raw_refs(services, "payment_method")])
        self._find(Service, _raw_refs(services))

    # -- what exists already -------------------------------------------------------------
    def _find(self, model: Any, refs: Iterable[str]) -> None:
        """Which of these references exist, with their ids: one query per thousand, or one for
        the whole table when it holds fewer rows than that (an empty one: none)."""
        wanted = sorted(set(refs))
        query = select(model.ref, model.id, getattr(model, "customer_id", model.id))
        queries = []
        if len(wanted) > IN_CHUNK:
            rows = self.s.scalar(select(func.count()).select_from(model)) or 0
            if rows <= len(wanted):
                wanted = []
                queries = [query] if rows else []
        if wanted:
            queries = [query.where(model.ref.in_(wanted[start:start + IN_CHUNK]))
                       for start in range(0, len(wanted), IN_CHUNK)]
        for part in queries:
            for ref, row_id, owner in self.s.execute(part):
                self.known[model][ref] = (row_id, owner)

    def _taken(self, model: Any, ref: str | None) -> bool:
        return ref in self.known[model] or ref in self.waiting[model]

    def _lookup(self, model: Any, ref: str) -> tuple[int, int | None] | None:
        """A reference's row: from what was found or written, else asked (the per-object path
        may have created it during this import)."""
        if ref not in self.known[model]:
            self.s.flush()
            self._find(model, [ref])
        return self.known[model].get(ref)

    # -- customers -----------------------------------------------------------------------
    def customer(self, o: Obj) -> bool:
        """Take a new customer (checked, waiting); False if it must go the per-object way."""
        if not self.enabled:
            return False
        ref = o.ref()
        contacts = _raw_refs(o.data.get("contacts"))
        methods = _raw_refs(o.data.get("payment_methods"))
        if (self._taken(Customer, ref) or any(self._taken(BillingContact, c) for c in contacts)
                or any(self._taken(PaymentMethod, m) for m in methods)):
            return False  # an update: the per-object path
        row: dict[str, Any] = {"ref": ref, "processor_customer_id": None, **customer_values(o)}
        self.scope._count("customers", True)
        new = _NewCustomer(row)
        for c in o.objects("contacts", r.CONTACT):
            new.contacts.append({"ref": c.ref(), "name": c.text("name"),
                                 "email": c.text("email", required=False),
                                 "address": c.text("address", required=False)})
        for position, m in enumerate(o.objects("payment_methods", r.METHOD)):
            try:
                self._method(new, m, position)
            except InputError as error:
                raise error.prefixed(m.path) from None
        self.customers.append(new)
        self.waiting[Customer].add(ref or "")
        self.waiting[BillingContact].update(x["ref"] for x in new.contacts)
        self.waiting[PaymentMethod].update(x["ref"] for x in new.methods)
        return True

    def _method(self, new: _NewCustomer, m: Obj, position: int) -> None:
        """What `pms.add_method` does for a new customer's method (PM-1, PM-2, PM-3, PM-6)."""
        data = method_input(m)
        removed_on = m.day("removed_on", required=False)
        row: dict[str, Any]
        if removed_on is not None:
            data.validate()
            row = {"position": None, "removed_on": removed_on, "accepted": m.flag("accepted"),
                   "refusal": None}
        else:
            customer = new.row
            pms.require_profile(customer["ref"], Customer.profile_gaps(
                customer["name"], customer["email"], customer["address"]))
            data.validate()
            attach = self.scope.processor.attach(data.token, Payer(
                customer["ref"], customer["name"], customer["email"],
                customer["processor_customer_id"]))
            if attach.processor_customer_id:
                customer["processor_customer_id"] = attach.processor_customer_id
            data = pms.attached_input(data, attach)
            row = {"position": position, "removed_on": None, "accepted": attach.accepted,
                   "refusal": attach.refusal}
        row.update({name: getattr(data, name) for name in pms._FIELDS}, ref=data.ref)
        row["blocked_code"] = m.text("blocked_code", required=False) or None
        row["expiring_notice_for"] = (m.text("expiring_notice_for")
                                      if m.has("expiring_notice_for") else None)
        new.methods.append(row)
        if removed_on is None:
            after = {name: row[name] for name in pms._FIELDS if name != "token"}
            new.events.append((data.ref, pms.change_data("added", data.ref, None, after)))
        self.scope._count("payment_methods", True)

    # -- services ------------------------------------------------------------------------
    def service(self, o: Obj) -> bool:
        """Take a new service (checked, waiting); False if it must go the per-object way."""
        if not self.enabled:
            return False
        ref = o.ref()
        if self._taken(Service, ref) or o.data.get("status") == "cancelled":
            return False
        customer_ref = o.ref("customer")
        owner = self._lookup(Customer, customer_ref or "") if customer_ref else None
        if owner is None:
            raise InputError(f"{o.path}.customer: unknown customer {customer_ref!r}")
        customer_id = owner[0]
        row: dict[str, Any] = {"ref": ref, "customer_id": customer_id, "price_minor": None,
                               "unit_price_minor": None, "period_months": None,
                               **service_values(o)}
        row["payment_method_id"] = self._owned(PaymentMethod, o, "payment_method", customer_id,
                                               "payment method")
        row["billing_contact_id"] = self._owned(BillingContact, o, "billing_contact",
                                                customer_id, "billing contact")
        row["status"] = o.choice("status", SERVICE_STATUSES, required=False, default="active")
        row["auto_renew"] = o.flag("auto_renew", default=False)
        if row["auto_renew"]:
            try:
                require_auto_renew_allowed(self._customer(customer_id), self.scope.today)
            except RuleRefused as error:
                raise error.prefixed(f"{o.path}.auto_renew") from None
            if row["billing"] != "period":
                raise InputError(f"{o.path}.auto_renew: a usage-billed service does not renew")
        self.services.append(row)
        self.waiting[Service].add(ref or "")
        self.scope._count("services", True)
        return True

    def _owned(self, model: Any, o: Obj, key: str, customer_id: int, what: str) -> int | None:
        """The id of a method or contact the service names, which must be its customer's."""
        ref = o.ref(key, required=False)
        if ref is None:
            return None
        found = self._lookup(model, ref)
        if found is None:
            raise InputError(f"{o.path}.{key}: unknown {what} {ref!r}")
        if found[1] != customer_id:
            raise InputError(f"{o.path}.{key}: {what} {ref} belongs to another customer")
        return found[0]

    def _customer(self, customer_id: int) -> Customer:
        """A customer with its methods, for AR-1; the file's customers are read together once."""
        if not self.loaded_customers:
            self.loaded_customers = True
            ids = sorted({found[0] for found in self.known[Customer].values()})
            for start in range(0, len(ids), IN_CHUNK):
                self.s.scalars(select(Customer).options(selectinload(Customer.payment_methods))
                               .where(Customer.id.in_(ids[start:start + IN_CHUNK]))).all()
        customer = self.s.get(Customer, customer_id)
        assert customer is not None
        return customer

    # -- writing -------------------------------------------------------------------------
    def write(self) -> None:
        """Write what waits (before the per-object path goes on, and at the end)."""
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
        if not rows:
            return []
        table = model.__table__
        ids = dict((ref, row_id) for row_id, ref in self.s.connection().execute(
            table.insert().returning(table.c.id, table.c.ref), rows))
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
            events += [(pms.CHANGED, n.row["ref"], self.scope.today, data)
                       for _ref, data in n.events]
        for owned, rows in ((BillingContact, contacts), (PaymentMethod, methods)):
            for row_id, row in zip(self._insert(owned, rows), rows, strict=True):
                self.known[owned][row["ref"]] = (row_id, row["customer_id"])
        record_events(self.s, events, self.scope.now)
        self.customers = []
        for model in (Customer, BillingContact, PaymentMethod):
            self.waiting[model].clear()
