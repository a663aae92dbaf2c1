"""Invoices and credit notes in the exchange file (IV-1, IV-2; EXCHANGE.md `invoices[]`).

Exported with what the accountant reads (lines, totals, mention) and the whole issued document,
so that an import into an empty database keeps them exactly, numbers included. An issued
invoice never changes: importing one that exists is a no-op if it is the same, refused if it
differs; the sequence then goes on after the highest number imported (no reuse).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.services import invoices
from renewdesk.services.exchange.reader import Obj
from renewdesk.store.models import Customer, Invoice, InvoiceSequence


def invoices_out(session: Session) -> list[dict[str, Any]]:
    customers = {row.id: row.ref for row in session.execute(select(Customer.id, Customer.ref))}
    out = []
    for row in session.scalars(select(Invoice).order_by(Invoice.kind, Invoice.year,
                                                        Invoice.sequence)):
        document = row.document

        def amount(minor: int, currency: str = row.currency) -> str:
            return Money(minor, currency).text()

        out.append({
            "number": row.number, "kind": row.kind, "issued_on": row.issued_on.isoformat(),
            "customer": customers.get(row.customer_id), "payment": document.get("payment_ref"),
            "corrects": document.get("corrects"),
            "lines": [{"service": line.get("service_ref"), "description": line["description"],
                       "quantity": line["quantity"],
                       "unit_price_excl_vat": amount(line["unit_price_excl"]),
                       "vat_rate": line["vat_rate"], "total_excl_vat": amount(line["total_excl"])}
                      for line in document["lines"]],
            "total_excl_vat": amount(row.total_excl_minor), "vat": amount(row.vat_minor),
            "total": amount(row.total_minor), "currency": row.currency,
            "mention": row.mention, "document": document})
    return out


def invoice_in(session: Session, o: Obj, now: datetime) -> bool:
    """One exported invoice, written as issued; False if it was there already, the same."""
    number = o.text("number")
    document = o.data.get("document")
    existing = session.scalar(select(Invoice).where(Invoice.number == number))
    if existing is not None:
        if existing.document != document:
            raise InputError("invoice_differs", number=number).prefixed(o.path)
        return False
    if not isinstance(document, dict) or document.get("number") != number:
        raise InputError("invoice_without_document", number=number).prefixed(o.path)
    try:
        issued = invoices.document_of(session, document)
    except (KeyError, TypeError, ValueError):
        raise InputError("invoice_without_document", number=number).prefixed(o.path) from None
    customer = session.scalar(select(Customer).where(Customer.ref == issued.customer_ref))
    if customer is None:
        raise InputError("unknown", what="customer", ref=issued.customer_ref).prefixed(o.path)
    attempt_id = None
    if issued.payment_ref:
        from renewdesk.services import refunds  # built on the invoices

        try:
            attempt_id = refunds.find_payment(session, issued.payment_ref).id
        except InputError as error:
            raise error.prefixed(o.path) from None
    corrects = session.scalar(select(Invoice.id).where(Invoice.number == issued.corrects)) \
        if issued.corrects else None
    _prefix, _, sequence = number.rpartition("-")
    if not sequence.isdigit():
        raise InputError("invoice_without_document", number=number).prefixed(o.path)
    year = issued.issued_on.year
    if attempt_id is not None and issued.kind == "invoice" and session.scalar(
            select(Invoice.number).where(Invoice.attempt_id == attempt_id,
                                         Invoice.kind == "invoice")):
        raise InputError("invoice_payment_invoiced", number=number,
                         payment=issued.payment_ref).prefixed(o.path)
    known = session.get(InvoiceSequence, (issued.kind, year))
    if int(sequence) != (known.last if known is not None else 0) + 1:
        # The sequence has no gap and no reuse here either: invoices move whole, in order.
        raise InputError("invoice_out_of_sequence", number=number,
                         last=known.last if known is not None else 0).prefixed(o.path)
    session.add(Invoice(
        number=number, kind=issued.kind, year=year, sequence=int(sequence),
        issued_on=issued.issued_on, customer_id=customer.id, attempt_id=attempt_id,
        corrects_id=corrects, currency=issued.currency, total_excl_minor=issued.total_excl,
        vat_minor=issued.total_vat, total_minor=issued.total, mention=issued.mention,
        document=document, created_at=now))
    row = session.get(InvoiceSequence, (issued.kind, year))
    if row is None:
        session.add(InvoiceSequence(kind=issued.kind, year=year, last=int(sequence)))
    elif row.last < int(sequence):
        row.last = int(sequence)
    session.flush()
    return True
