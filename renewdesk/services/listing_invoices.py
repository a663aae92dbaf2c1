"""The invoices and credit notes issued (IV-1, IV-2), as the window lists them: all of them, or
one customer's.

Read a block at a time like every list (`listing_base`): the columns come from the invoice's
own row (its totals are kept in minor units) and its customer, the payment's reference from
the document frozen when it was issued, and what a credit note corrects by the invoice's own
key; nothing is read row by row. The count of an unsearched list reads the invoice table alone.
Newest first is the issue date's index walked backwards (SQLite keeps the row id in it, which is
the last sort key), so the first block of 100,000 invoices is as quick as that of ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from renewdesk.domain.invoice import CREDIT_NOTE, INVOICE
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.services.listing_base import Column, Listing, Stmt
from renewdesk.store.models import Customer, Invoice


class InvoiceRow(NamedTuple):
    number: str
    kind: str  # invoice | credit_note
    issued_on: date
    customer: str
    total: Money  # including VAT
    vat: Money
    corrects: str | None  # a credit note: the invoice it corrects
    payment: str | None  # the payment's reference (a credit note: that of its invoice)
    # What the actions need, not shown as columns:
    customer_ref: str
    email: str
    language: str  # the invoice's own (its PDF's words and file name)


_CORRECTED = aliased(Invoice, name="corrected")


def _invoices() -> Stmt:
    document = Invoice.document
    return (select(Invoice.number, Invoice.kind, Invoice.issued_on,
                   Customer.name.label("customer"), Invoice.total_minor, Invoice.vat_minor,
                   Invoice.currency, _CORRECTED.number.label("corrects"),
                   document["payment_ref"].as_string().label("payment"),
                   document["language"].as_string().label("language"),
                   Customer.ref.label("customer_ref"), Customer.email.label("email"))
            .join(Customer, Customer.id == Invoice.customer_id)
            .outerjoin(_CORRECTED, _CORRECTED.id == Invoice.corrects_id))


def _finish(_s: Session, rows: Sequence[Any], _p: Policy, _t: date) -> list[InvoiceRow]:
    return [InvoiceRow(r.number, r.kind, r.issued_on, r.customer,
                       Money(r.total_minor, r.currency), Money(r.vat_minor, r.currency),
                       r.corrects, r.payment, r.customer_ref, r.email,
                       r.language if r.language in ("fr", "en") else "en")
            for r in rows]


INVOICES = Listing(
    "invoices",
    (Column("number", "text", Invoice.number), Column("kind", "word", Invoice.kind),
     Column("issued_on", "date", Invoice.issued_on),
     Column("customer", "text", Customer.name), Column("total", "money", Invoice.total_minor),
     Column("vat", "money", Invoice.vat_minor), Column("corrects", "text", None),
     Column("payment", "text", None)),
    _invoices, Invoice.id,
    (Invoice.number, Customer.name, Customer.ref),
    {"invoices": Invoice.kind == INVOICE, "credit_notes": Invoice.kind == CREDIT_NOTE},
    row=InvoiceRow, finish=_finish, ref_key="number",
    counted=lambda: select(Invoice.id),
)


def of_customer(ref: str) -> Listing:
    """The same list for one customer (their page's Invoices tab), by the customer's index."""
    customer = select(Customer.id).where(Customer.ref == ref).scalar_subquery()
    return replace(INVOICES, name="customer-invoices",
                   select=lambda: _invoices().where(Invoice.customer_id == customer),
                   counted=lambda: select(Invoice.id).where(Invoice.customer_id == customer))
