"""The one check of an exchange file's new customers and new services: each object becomes the
rows it is written as, or is refused with the message the file has always had for it, its
position included (`customers[2].email: ...`). A writer (`writers.py`) only writes what this
returns, many rows per INSERT or one at a time, so the two can never check differently.

The rules are the services' own: PM-1 and PM-3 by `payment_methods` (the profile checked from
the row's values, since the customer is not written yet), PM-6's event data by
`payment_methods.change_data`, AR-1 by `recurrence.require_auto_renew_allowed`; PM-2 by the
importer's scan of the whole file, before anything (a method's fields are not scanned again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.payments.processor import Payer, Processor
from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.exchange.scope import customer_values, method_input, service_values
from renewdesk.services.recurrence import require_auto_renew_allowed
from renewdesk.store.models import BillingContact, Customer, PaymentMethod

SERVICE_STATUSES = ("active", "suspended", "overdue", "cancelled")


@dataclass
class NewCustomer:
    """A new customer's row with its contacts' and methods' rows (their `customer_id` comes when
    the customer is written), and the PM-6 data of each method it adds."""

    row: dict[str, Any]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    methods: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


class Found(Protocol):
    """Rows already written, by reference, for what a new service names."""

    def lookup(self, model: Any, ref: str) -> tuple[int, int | None] | None:
        """The row's id and, for a contact or a method, its customer's id."""

    def customer(self, customer_id: int) -> Customer:
        """The customer with its methods, for AR-1."""


def contact_values(c: Obj) -> dict[str, Any]:
    """A billing contact's own fields as the file gives them."""
    return {"name": c.text("name"), "email": c.text("email", required=False),
            "address": c.text("address", required=False)}


def new_customer(o: Obj, processor: Processor, country: str = "FR") -> NewCustomer:
    """A customer whose references are all new, checked in the file's order (`country`: the
    seller's, for a customer the file gives none)."""
    new = NewCustomer({"ref": o.ref(), "processor_customer_id": None,
                       **customer_values(o, country)})
    for c in o.objects("contacts", r.CONTACT):
        new.contacts.append({"ref": c.ref(), **contact_values(c)})
    for position, m in enumerate(o.objects("payment_methods", r.METHOD)):
        try:
            _new_method(new, m, position, processor)
        except InputError as error:
            raise error.prefixed(m.path) from None
    return new


def _new_method(new: NewCustomer, m: Obj, position: int, processor: Processor) -> None:
    """A new customer's method as `payment_methods.add_method` saves it (PM-1, PM-2, PM-3 and
    PM-6), or as the file's history keeps it when it was removed (PM-2 only)."""
    data = method_input(m)
    removed_on = m.day("removed_on", required=False)
    row: dict[str, Any]
    if removed_on is not None:
        data.validate(sieved=True)  # PM-2: the importer scanned the whole file first
        row = {"position": None, "removed_on": removed_on, "accepted": m.flag("accepted"),
               "refusal": None}
    else:
        customer = new.row
        pms.check_adding(customer["ref"], Customer.profile_gaps(
            customer["name"], customer["email"], customer["address"]), data, sieved=True)
        attach = processor.attach(data.token, Payer(
            customer["ref"], customer["name"], customer["email"],
            customer["processor_customer_id"]))
        if attach.processor_customer_id:
            customer["processor_customer_id"] = attach.processor_customer_id
        data = pms.attached_input(data, attach)
        row = {"position": position, "removed_on": None, "accepted": attach.accepted,
               "refusal": attach.refusal}
        new.events.append(pms.change_data("added", data.ref, None, pms.describe(data)))
    row.update(pms.columns(data), ref=data.ref)
    row["blocked_code"] = m.text("blocked_code", required=False) or None
    row["expiring_notice_for"] = (m.text("expiring_notice_for")
                                  if m.has("expiring_notice_for") else None)
    new.methods.append(row)


def new_service(o: Obj, found: Found, today: date) -> dict[str, Any]:
    """A service whose reference is new and that is not cancelled, checked in the file's order;
    its customer, method and contact are found among the rows written so far."""
    ref = o.ref()
    customer_ref = o.ref("customer")
    owner = found.lookup(Customer, customer_ref) if customer_ref else None
    if owner is None:
        raise InputError("unknown", what="customer", ref=customer_ref).prefixed(
            f"{o.path}.customer")
    customer_id = owner[0]
    row: dict[str, Any] = {"ref": ref, "customer_id": customer_id, "price_minor": None,
                           "unit_price_minor": None, "period_months": None, **service_values(o)}
    row["payment_method_id"] = _owned(found, PaymentMethod, o, "payment_method", customer_id,
                                      "payment method")
    row["billing_contact_id"] = _owned(found, BillingContact, o, "billing_contact", customer_id,
                                       "billing contact")
    row["status"] = o.choice("status", SERVICE_STATUSES, required=False, default="active")
    row["auto_renew"] = o.flag("auto_renew", default=False)
    if row["auto_renew"]:
        try:
            require_auto_renew_allowed(found.customer(customer_id), today)
        except RuleRefused as error:
            raise error.prefixed(f"{o.path}.auto_renew") from None
        if row["billing"] != "period":
            raise InputError("usage_billed_no_renewal", field=f"{o.path}.auto_renew")
    return row


def _owned(found: Found, model: Any, o: Obj, key: str, customer_id: int, what: str) -> int | None:
    """The id of a method or contact the service names, which must be its customer's."""
    ref = o.ref(key, required=False)
    if ref is None:
        return None
    row = found.lookup(model, ref)
    if row is None:
        raise InputError("unknown", what=what, ref=ref).prefixed(f"{o.path}.{key}")
    if row[1] != customer_id:
        raise InputError("of_another_customer", what=what, ref=ref).prefixed(f"{o.path}.{key}")
    return row[0]
