"""IV-5: the accountant's files for a date range, read in bulk and written by the domain.

A month can hold tens of thousands of payments, so each kind of row is one query, whatever the
range holds: invoices and credit notes by their issue date, payments (succeeded attempts) by the
day they were paid, refunds (succeeded) by the day they were made. A document's VAT per rate is
read from what it said when it was issued (its frozen document), never computed again.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from renewdesk.domain import accounting
from renewdesk.domain.accounting import PAYMENT, REFUND, DocumentRow, FecFile, MoneyRow, VatPart
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import INVOICE, InvoiceDocument
from renewdesk.services import invoices
from renewdesk.services import seller as seller_settings
from renewdesk.services.context import Context
from renewdesk.services.journal import audit
from renewdesk.services.refunds import payment_ref, refund_ref
from renewdesk.store.models import (
    Attempt,
    Customer,
    Installment,
    InstallmentOrder,
    Invoice,
    PaymentMethod,
    Refund,
    Renewal,
    Service,
    UsageInvoice,
)


def check_range(first: date | None, last: date | None) -> None:
    if first is not None and last is not None and first > last:
        raise InputError("range_reversed", first=first, last=last)


def documents(session: Session, first: date | None = None,
              last: date | None = None) -> list[DocumentRow]:
    """The invoices and credit notes issued in the range (either end open), in the order
    they were issued."""
    check_range(first, last)
    query = (select(Invoice.number, Invoice.kind, Invoice.issued_on, Invoice.currency,
                    Invoice.total_excl_minor, Invoice.vat_minor, Invoice.total_minor,
                    Invoice.mention, Invoice.document, Customer.ref, Customer.name)
             .join(Customer, Customer.id == Invoice.customer_id)
             .order_by(Invoice.issued_on, Invoice.id))
    if first is not None:
        query = query.where(Invoice.issued_on >= first)
    if last is not None:
        query = query.where(Invoice.issued_on <= last)
    return [DocumentRow(
        number=number, kind=kind, issued_on=issued_on, customer_ref=customer_ref,
        customer_name=customer_name, currency=currency, parts=_parts(document),
        total_excl=total_excl, total_vat=vat, total=total,
        relates_to=document.get("payment_ref") if kind == INVOICE else document.get("corrects"),
        mention=mention)
        for (number, kind, issued_on, currency, total_excl, vat, total, mention, document,
             customer_ref, customer_name) in session.execute(query)]


def _parts(document: dict[str, Any]) -> tuple[VatPart, ...]:
    return tuple(VatPart(Decimal(part["rate"]), part["category"], part["base"], part["vat"])
                 for part in document["breakdown"])


def _paid(*columns: Any) -> Select[*tuple[Any, ...]]:
    """Succeeded attempts with what names them: their item's reference, the customer, the
    method, the invoice issued for them; one statement, joined, for any number of rows."""
    invoice = and_(Invoice.attempt_id == Attempt.id, Invoice.kind == INVOICE)
    return (select(Attempt.number, Attempt.on, Attempt.currency, Renewal.ref,
                   InstallmentOrder.ref, Installment.number, UsageInvoice.ref, Customer.ref,
                   Customer.name, PaymentMethod.brand, PaymentMethod.last4, Invoice.number,
                   *columns)
            .join(PaymentMethod, PaymentMethod.id == Attempt.payment_method_id)
            .outerjoin(Renewal, Renewal.id == Attempt.renewal_id)
            .outerjoin(Installment, Installment.id == Attempt.installment_id)
            .outerjoin(InstallmentOrder, InstallmentOrder.id == Installment.order_id)
            .outerjoin(UsageInvoice, UsageInvoice.id == Attempt.usage_invoice_id)
            .outerjoin(Service, Service.id == UsageInvoice.service_id)
            .join(Customer, Customer.id == func.coalesce(
                Renewal.customer_id, InstallmentOrder.customer_id, Service.customer_id))
            .outerjoin(Invoice, invoice)
            .where(Attempt.result == "succeeded"))


def _named(row: Any) -> tuple[str, str, str, str, str | None]:
    """(payment reference, customer reference, customer name, method, invoice number)."""
    (number, _on, _currency, renewal, order, installment, usage, customer_ref, customer_name,
     brand, last4, invoice) = row[:12]
    subject = renewal or (f"{order}#{installment}" if order is not None else usage) or "?"
    return (payment_ref(subject, number), customer_ref, customer_name,
            PaymentMethod.label_of(brand, last4), invoice)


def movements(session: Session, first: date, last: date) -> list[MoneyRow]:
    """The payments received and the refunds made in the range, each in the order it was
    recorded."""
    check_range(first, last)
    found: list[MoneyRow] = []
    for row in session.execute(_paid(Attempt.amount_minor)
                               .where(Attempt.on >= first, Attempt.on <= last)
                               .order_by(Attempt.on, Attempt.id)):
        ref, customer_ref, name, method, invoice = _named(row)
        found.append(MoneyRow(PAYMENT, ref, row[1], customer_ref, name, row[12], row[2],
                              method, invoice))
    for row in session.execute(_paid(Refund.number, Refund.on, Refund.amount_minor,
                                     Refund.currency)
                               .join(Refund, Refund.attempt_id == Attempt.id)
                               .where(Refund.status == "succeeded", Refund.on >= first,
                                      Refund.on <= last)
                               .order_by(Refund.on, Refund.id)):
        ref, customer_ref, name, method, _invoice = _named(row)
        found.append(MoneyRow(REFUND, refund_ref(ref, row[12]), row[13], customer_ref, name,
                              row[14], row[15], method, ref))
    return found


def accounting_csv(session: Session, first: date, last: date, language: str = "en") -> str:
    """The CSV of the range (text beginning with a byte order mark: write it as UTF-8)."""
    return accounting.accounting_csv(documents(session, first, last),
                                     movements(session, first, last), language)


def fec(session: Session, first: date, last: date) -> FecFile:
    """The FEC of the range, named by the seller's SIREN and `last`, the closing date."""
    siren = seller_settings.load_seller(session).seller.siren
    if not siren:
        raise InputError("fec_needs_siren")
    return accounting.fec_file(siren, last, documents(session, first, last),
                               movements(session, first, last))


def issued_document(session: Session, number: str) -> InvoiceDocument:
    """An issued invoice or credit note as it was issued, by its number; bad input if none."""
    data = session.scalar(select(Invoice.document).where(Invoice.number == number.strip()))
    if data is None:
        raise InputError("unknown", what="invoice", ref=number)
    return invoices.document_of(session, data)


def issue_missing(ctx: Context) -> list[str]:
    """The invoices of payments that have none (made before invoices existed, or imported
    paid), so that the sales journal holds every payment; dated today, in the order the
    payments were made (`invoices.issue_missing`). Audited; refused while the seller is
    incomplete. Returns the numbers issued."""
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.write_lock, ctx.factory() as session:
        issued = invoices.issue_missing(session, today, now)
        if issued:
            audit(session, ctx.who, "issue_missing_invoices", f"{issued[0]}..{issued[-1]}",
                  today, now, None, {"count": len(issued)})
        session.commit()
    return issued
