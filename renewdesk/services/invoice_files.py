"""IV-4: a customer's invoices as files, for the e-mail that carries one and for their page.

A PDF is made when it is asked for, from the document frozen when the invoice was issued, and
never stored: the same document gives the same bytes (`renewdesk.invoicing.pdf`), so the file
attached to the e-mail and the one downloaded years later are the same file. Its name is in the
reader's words (`Facture-F2026-000001.pdf`, `Credit-note-A2026-000001.pdf`).

The customer's page reaches their invoices through their `invoices` link only: a link checked
(signed, unexpired) each time, whose customer's invoices alone are listed or made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from renewdesk.domain.invoice import CREDIT_NOTE
from renewdesk.domain.money import Money
from renewdesk.services.context import Context
from renewdesk.services.invoices import document_of
from renewdesk.services.links import LinkRefused, link_state, signed_link
from renewdesk.store.models import CustomerLink, Invoice

ACTION = "invoices"
NAMES = {
    "fr": {"invoice": "Facture", "credit_note": "Avoir"},
    "en": {"invoice": "Invoice", "credit_note": "Credit-note"},
}


@dataclass(frozen=True)
class InvoiceFile:
    name: str
    data: bytes


@dataclass(frozen=True)
class InvoiceRow:
    """One line of the customer's list."""

    number: str
    kind: str  # invoice | credit_note
    issued_on: date
    amount: Money
    corrects: str | None  # a credit note: the invoice it corrects


def file_name(kind: str, number: str, language: str) -> str:
    words = NAMES["fr" if language == "fr" else "en"]
    return f"{words.get(kind, words['invoice'])}-{number}.pdf"


def invoice_file(session: Session, number: str, language: str | None = None,
                 customer_id: int | None = None) -> InvoiceFile:
    """The issued invoice's PDF, named in `language` (None: the invoice's own); LookupError if
    there is no such invoice (of that customer, when one is given)."""
    from renewdesk.invoicing.pdf import invoice_pdf  # fpdf2 and factur-x: only when asked

    query = select(Invoice.kind, Invoice.document).where(Invoice.number == number.strip())
    if customer_id is not None:
        query = query.where(Invoice.customer_id == customer_id)
    found = session.execute(query).first()
    if found is None:
        raise LookupError(f"no invoice {number}")
    kind, data = found
    document = document_of(session, data)
    return InvoiceFile(file_name(kind, document.number, language or document.language),
                       invoice_pdf(document))


def _customer_of(session: Session, token: str, today: date) -> int:
    """The customer of an `invoices` link that can be used today; LinkRefused otherwise."""
    link: CustomerLink = signed_link(session, token, ACTION)
    state = link_state(link, today)
    if state == "expired":
        raise LinkRefused("link_expired", on=link.expires_on)
    if state == "used":
        raise LinkRefused("link_used", on=link.used_on)
    return link.customer_id


def listed(ctx: Context, token: str) -> list[InvoiceRow]:
    """The link's customer's invoices and credit notes, newest first. Reads only."""
    corrected = aliased(Invoice)
    with ctx.factory() as session:
        customer_id = _customer_of(session, token, ctx.clock.today)
        rows = session.execute(
            select(Invoice.number, Invoice.kind, Invoice.issued_on, Invoice.total_minor,
                   Invoice.currency, corrected.number)
            .outerjoin(corrected, corrected.id == Invoice.corrects_id)
            .where(Invoice.customer_id == customer_id)
            .order_by(Invoice.issued_on.desc(), Invoice.id.desc())).all()
    return [InvoiceRow(number, kind, issued_on, Money(total, currency),
                       corrects if kind == CREDIT_NOTE else None)
            for number, kind, issued_on, total, currency, corrects in rows]


def download(ctx: Context, token: str, number: str, language: str) -> InvoiceFile:
    """One of the link's customer's invoices as its PDF; LinkRefused for a link that cannot be
    used, LookupError for a number that is not theirs. Reads only: the link stays usable."""
    with ctx.factory() as session:
        customer_id = _customer_of(session, token, ctx.clock.today)
        return invoice_file(session, number, language, customer_id)
