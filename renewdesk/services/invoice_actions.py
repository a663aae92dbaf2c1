"""What the window does with an issued invoice (IV-1, IV-2, IV-4, IV-5), each one unit of work
over the context, returning plain values the window may hand across threads.

An invoice's PDF is made from its frozen document, named in the invoice's own language
(`invoice_files`). Sending it again queues the same `invoice_issued` e-mail its issue did,
carrying the PDF, and is audited (EV-2). A correction is `invoices.correct`, and its check is
that same function run and rolled back, so the window refuses exactly what it would. The
accountant's files are `accounting`'s, as bytes ready to be written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from renewdesk.domain.accounting import FEC_ENCODING
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import INVOICE
from renewdesk.domain.money import Money
from renewdesk.services import accounting, invoices
from renewdesk.services.context import Context
from renewdesk.services.invoice_files import InvoiceFile, invoice_file
from renewdesk.services.journal import audit
from renewdesk.services.mail import customer_mail
from renewdesk.store import settings
from renewdesk.store.models import Customer, Invoice

# Seller ------------------------------------------------------------------------------------


# The PDF -----------------------------------------------------------------------------------


def invoice_pdf(ctx: Context, number: str) -> InvoiceFile:
    """The invoice's or credit note's Factur-X PDF, named in its own language."""
    with ctx.factory() as session:
        try:
            return invoice_file(session, number)
        except LookupError:
            raise InputError("invoice_unknown", number=number) from None


# Sending it again (IV-4) -------------------------------------------------------------------


@dataclass(frozen=True)
class Resent:
    number: str
    to: str
    suppressed: bool  # the customer's e-mails are off (NT-4): kept in the outbox, not sent


def resend(ctx: Context, number: str) -> Resent:
    """The invoice's e-mail queued again for its customer, with the PDF and a link to all
    their invoices, as when it was issued; audited."""
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.write_lock, ctx.factory() as session:
        invoice = session.scalar(select(Invoice).where(Invoice.number == number.strip()))
        if invoice is None:
            raise InputError("invoice_unknown", number=number)
        customer = session.get(Customer, invoice.customer_id)
        assert customer is not None
        document = invoice.document
        paid_on = document.get("paid_on")
        mail = invoices.invoice_mail(
            customer, invoice.number, invoice.kind, invoices.money_of(invoice),
            [line["description"] for line in document["lines"]],
            date.fromisoformat(paid_on) if paid_on else None, document["seller"]["name"],
            today, settings.load_policy(session).link_valid_days)
        note = customer_mail(session, mail.kind, customer, today, mail.context, mail.links)
        note.invoice_number = invoice.number
        audit(session, ctx.who, "resend_invoice", invoice.number, today, now, None,
              {"to": note.to})
        result = Resent(invoice.number, note.to, note.status == "suppressed")
        session.commit()
    return result


# Correcting it (IV-2) ----------------------------------------------------------------------


@dataclass(frozen=True)
class CorrectionInfo:
    """What the correction dialog shows of the invoice before anything is typed."""

    number: str
    issued_on: date
    customer_ref: str
    customer_name: str
    total: Money
    credited: Money  # by earlier credit notes
    left: Money


def correction_info(ctx: Context, number: str) -> CorrectionInfo:
    with ctx.factory() as session:
        invoice = session.scalar(select(Invoice).where(Invoice.number == number.strip(),
                                                       Invoice.kind == INVOICE))
        if invoice is None:
            raise InputError("invoice_unknown", number=number)
        customer = session.get(Customer, invoice.customer_id)
        assert customer is not None
        credited = invoices.credited(session, invoice)
        return CorrectionInfo(invoice.number, invoice.issued_on, customer.ref, customer.name,
                              invoices.money_of(invoice), Money(credited, invoice.currency),
                              Money(invoice.total_minor - credited, invoice.currency))


# Which field of the correction dialog a refusal of `invoices.correct` is about.
CORRECTION_FIELDS = {"correction_reason_missing": "reason", "correction_too_large": "amount"}


@dataclass(frozen=True)
class CorrectionCheck:
    """The amount the credit note would give back, or why none would be made (in the
    reader's words) and the field it is about ("": the invoice or the seller)."""

    amount: Money | None
    problem: str = ""
    field: str = ""


def correction_check(ctx: Context, number: str, amount: Money | None, reason: str,
                     language: str) -> CorrectionCheck:
    """`invoices.check_correction`: what `correct` would refuse, before anything is written."""
    with ctx.factory() as session:
        try:
            _invoice, asked = invoices.check_correction(session, number, amount, reason)
        except InputError as error:
            return CorrectionCheck(None, error.words(language),
                                   CORRECTION_FIELDS.get(error.code, ""))
    return CorrectionCheck(asked)


@dataclass(frozen=True)
class Corrected:
    credit_note: str
    amount: Money


def correct(ctx: Context, number: str, amount: Money, reason: str) -> Corrected:
    """The credit note made (`invoices.correct`, audited there), with its e-mail queued."""
    with ctx.write_lock, ctx.factory() as session:
        issued = invoices.correct(session, number, amount, reason, ctx.who, ctx.clock.today,
                                  ctx.clock.now())
        session.commit()
    return Corrected(issued, amount)


# The accountant's files (IV-5) -------------------------------------------------------------

CSV, FEC = "csv", "fec"


@dataclass(frozen=True)
class AccountingFile:
    name: str  # the FEC's legal name (SIRENFECYYYYMMDD.txt); the CSV's suggested one
    data: bytes
    count: int  # the CSV's rows, the FEC's entries


def csv_name(first: date, last: date) -> str:
    return f"accounting-{first.isoformat()}-{last.isoformat()}.csv"


def accounting_file(ctx: Context, kind: str, first: date, last: date,
                    language: str) -> AccountingFile:
    """The CSV or the FEC of the range, refused as `accounting` refuses it."""
    with ctx.factory() as session:
        if kind == CSV:
            text = accounting.accounting_csv(session, first, last, language)
            return AccountingFile(csv_name(first, last), text.encode("utf-8"),
                                  max(text.count("\n") - 1, 0))
        made = accounting.fec(session, first, last)
    entries = len({line.split("\t")[2] for line in made.text.splitlines()[1:]})
    return AccountingFile(made.name, made.text.encode(FEC_ENCODING), entries)
