"""IV-1, IV-2: every successful payment gets an invoice, every refund a credit note.

An invoice is issued in the unit of work that records its payment as paid (the engine's wave,
a customer's own payment), so a payment is never paid without its invoice nor invoiced without
being paid, whatever crashes. Its number is taken from `invoice_sequence` in that same unit of
work: two processes issuing at once take turns on the sequence's row, and a rollback gives the
numbers back, so the sequence has no gap and no duplicate. The database refuses to change or
delete an issued invoice (migration 0007's triggers).

Until the seller's identity is complete (Settings > Seller), payments still go through: each
waits in `invoice_due` and the waiting ones are issued, in the order they were paid, once it is
(at the next run, or when the seller is saved). A payment made while older ones wait waits too,
so that numbers follow the order of payment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, cast

from sqlalchemy import Table, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, joinedload

from renewdesk.domain import vat
from renewdesk.domain.dates import add_months
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import (
    CREDIT_NOTE,
    INVOICE,
    InvoiceDocument,
    Line,
    Party,
    SellerTerms,
    VatBreakdown,
)
from renewdesk.domain.money import Money
from renewdesk.notify import formatting as fmt
from renewdesk.notify.outbox import LinkSpec, NewMail, enqueue_many, written
from renewdesk.services import pricing
from renewdesk.services import seller as seller_settings
from renewdesk.services.journal import audit
from renewdesk.store import bulk, settings
from renewdesk.store.models import (
    Attempt,
    Customer,
    DocumentAsset,
    Event,
    Installment,
    Invoice,
    InvoiceDue,
    InvoiceSequence,
    Notification,
    PaymentMethod,
    Refund,
    Renewal,
    UsageInvoice,
)

WORDS = {
    "fr": {"reactivation": "Frais de réactivation", "installment": "échéance",
           "refund": "Remboursement", "correction": "Correction"},
    "en": {"reactivation": "Reactivation fee", "installment": "installment",
           "refund": "Refund", "correction": "Correction"},
}


@dataclass(frozen=True)
class Paid:
    """A payment just recorded as paid, handed over in its unit of work."""

    attempt_id: int
    kind: str  # renewal | installment | usage_invoice
    subject: Any


# Numbers -----------------------------------------------------------------------------------


def number_of(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}{year}-{sequence:06d}"


def _reserve(session: Session, kind: str, year: int, count: int) -> int:
    """The first of `count` numbers taken from the (kind, year) sequence, in the caller's unit
    of work: one statement, which holds the sequence's row until that unit of work ends."""
    dialect = session.get_bind().dialect.name
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    upsert = maker(InvoiceSequence).values(kind=kind, year=year, last=count)
    statement = upsert.on_conflict_do_update(
        index_elements=["kind", "year"], set_={"last": InvoiceSequence.last + count}
    ).returning(InvoiceSequence.last)
    last = session.execute(statement).scalar_one()
    return int(last) - count + 1


# Issuing -----------------------------------------------------------------------------------


def invoice_payments(session: Session, paid: Sequence[Paid], today: date,
                     now: datetime) -> list[str]:
    """IV-1: the invoices of payments just recorded as paid, in this unit of work; or, while
    the seller is incomplete or older payments wait, their place in the queue. Returns the
    numbers issued."""
    if not paid:
        return []
    seller = seller_settings.load_seller(session)
    if seller_settings.missing(seller) or _waiting(session):
        session.execute(insert(InvoiceDue), [
            {"attempt_id": p.attempt_id, "refund_id": None, "paid_on": today, "created_at": now}
            for p in paid])
        return []
    invoiced = _invoiced(session, [p.attempt_id for p in paid])
    paid = [p for p in paid if p.attempt_id not in invoiced]  # never twice (IV-1)
    attempts = _attempts(session, [p.attempt_id for p in paid])
    documents = [_payment_lines(session, p.kind, p.subject, attempts[p.attempt_id], seller,
                                today) for p in paid]  # paid today, in this unit of work
    return _issue(session, seller, INVOICE, documents, today, now)


# Ids read by one query: a wave's (services/charging.py), one round trip for its payments.
_READ = 2000


def _invoiced(session: Session, attempt_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(attempt_ids), _READ):
        found.update(session.scalars(select(Invoice.attempt_id).where(
            Invoice.kind == INVOICE, Invoice.attempt_id.in_(attempt_ids[start:start + _READ]))))
    return found


def _waiting(session: Session) -> bool:
    return session.scalar(select(InvoiceDue.id).limit(1)) is not None


def _attempts(session: Session, ids: list[int]) -> dict[int, _Payment]:
    """What the invoices of a wave say of their payments, read as columns (the wave wrote the
    attempts without making objects of them)."""
    found: dict[int, _Payment] = {}
    for start in range(0, len(ids), _READ):
        found.update((row.id, _Payment(row.id, row.number, row.currency,
                                       PaymentMethod.label_of(row.brand, row.last4)
                                       if row.method_id is not None else None))
                     for row in session.execute(
            select(Attempt.id, Attempt.number, Attempt.currency, PaymentMethod.brand,
                   PaymentMethod.last4, PaymentMethod.id.label("method_id"))
            .outerjoin(PaymentMethod, PaymentMethod.id == Attempt.payment_method_id)
            .where(Attempt.id.in_(ids[start:start + _READ]))))
    return found


@dataclass(frozen=True)
class _Payment:
    """What an invoice says of the payment it is for: its attempt."""

    id: int
    number: int
    currency: str
    paid_with: str | None  # the method's label

    @classmethod
    def of(cls, attempt: Attempt) -> _Payment:
        method = attempt.payment_method
        return cls(attempt.id, attempt.number, attempt.currency,
                   method.label() if method is not None else None)


@dataclass(frozen=True)
class _Draft:
    """An invoice's content before it has a number."""

    customer: Customer
    attempt: _Payment | None
    refund: Refund | None
    corrects: Invoice | None
    lines: list[tuple[str, str | None, int, int, Decimal, str | None]]  # description, period,
    #                                             quantity, unit price, rate, service reference
    prices_include_vat: bool
    payment_ref: str | None = None
    reason: str | None = None
    paid_on: date | None = None  # the day the payment was recorded paid
    notify: bool = True  # False: issued without an e-mail (a refund told no one)


def _issue(session: Session, seller: seller_settings.SellerSettings, kind: str,
           drafts: list[_Draft], today: date, now: datetime) -> list[str]:
    if not drafts:
        return []
    keep_logo(session, seller.terms.logo)
    # Numbers follow dates (IV-1): a process on an earlier business date than the last issue
    # (a simulated date, a clock set back) issues on that last date, never before it.
    last = session.scalar(select(func.max(Invoice.issued_on)).where(Invoice.kind == kind))
    today = max(today, last) if last is not None else today
    first = _reserve(session, kind, today.year, len(drafts))
    valid_days = settings.load_policy(session).link_valid_days
    carriers = _carriers(session)
    prefix = seller.invoice_prefix if kind == INVOICE else seller.credit_note_prefix
    numbers: list[str] = []
    rows: list[dict[str, Any]] = []
    for offset, draft in enumerate(drafts):
        number = number_of(prefix, today.year, first + offset)
        document = _document(seller, kind, number, draft, today)
        rows.append({
            "number": number, "kind": kind, "year": today.year, "sequence": first + offset,
            "issued_on": today, "customer_id": draft.customer.id,
            "attempt_id": draft.attempt.id if draft.attempt is not None else None,
            "refund_id": draft.refund.id if draft.refund is not None else None,
            "corrects_id": draft.corrects.id if draft.corrects is not None else None,
            "currency": document.currency, "total_excl_minor": document.total_excl,
            "vat_minor": document.total_vat, "total_minor": document.total,
            "mention": document.mention, "document": document_json(document),
            "created_at": now})
        numbers.append(number)
    session.flush()  # the rows follow what the unit of work holds (as `session.execute` did)
    bulk.add(session.connection(), cast(Table, Invoice.__table__), rows)
    own: list[NewMail] = []
    for draft, number, row in zip(drafts, numbers, rows, strict=True):
        if draft.notify:
            mail = _send(seller, draft, number, row, today, valid_days, carriers)
            if mail is not None:
                own.append(mail)
    enqueue_many(session, own)  # one INSERT for the wave's invoice e-mails
    return numbers


# The payment's e-mail carries its invoice (IV-4) -------------------------------------------

CARRIERS = ("renewal_paid", "refund_issued")  # e-mails written in the same unit of work


def _carriers(session: Session) -> dict[int | None, list[Notification]]:
    """The e-mails of this unit of work that can carry an invoice, by customer."""
    found: dict[int | None, list[Notification]] = {}
    for note in written(session):
        if note.kind in CARRIERS and note.invoice_number is None:
            found.setdefault(note.customer_id, []).append(note)
    return found


def _send(seller: seller_settings.SellerSettings, draft: _Draft, number: str,
          row: dict[str, Any], today: date, valid_days: int,
          carriers: dict[int | None, list[Notification]]) -> NewMail | None:
    """The payment's (or refund's) e-mail written in this unit of work carries the PDF; a
    payment without one (an installment, a usage invoice, one issued after waiting) gets its
    own e-mail with it (returned, to be written with the others), and a link to all the
    customer's invoices."""
    customer = draft.customer
    waiting = carriers.get(customer.id)
    if waiting:
        waiting.pop(0).invoice_number = number
        return None
    return invoice_mail(customer, number, row["kind"], Money(row["total_minor"], row["currency"]),
                        [line[0] for line in draft.lines], draft.paid_on, seller.seller.name,
                        today, valid_days)


def invoice_mail(customer: Customer, number: str, kind: str, total: Money,
                 descriptions: Sequence[str], paid_on: date | None, seller_name: str,
                 today: date, valid_days: int) -> NewMail:
    """The `invoice_issued` e-mail of an invoice or credit note (its PDF attached when sent),
    with a link to all the customer's invoices: at its issue, and when it is sent again."""
    language = customer.language
    return NewMail("invoice_issued", customer, customer.email, language, {
        "name": customer.name, "number": number, "credit_note": kind == CREDIT_NOTE,
        "amount": _money_words(total.minor, total.currency, language),
        "what": ", ".join(dict.fromkeys(descriptions)),
        "paid_on": _day_words(paid_on, language) if paid_on is not None else None,
        "seller": seller_name}, today,
        (LinkSpec("invoices", customer.ref, today + timedelta(days=valid_days)),), number)


@lru_cache(maxsize=4096)
def _money_words(minor: int, currency: str, language: str) -> str:
    """Babel's words for an amount, kept: a wave's invoices are mostly of a few amounts."""
    return fmt.money(Money(minor, currency), language)


@lru_cache(maxsize=1024)
def _day_words(day: date, language: str) -> str:
    return fmt.day(day, language)


def _buyer(customer: Customer) -> Party:
    return Party(name=customer.name, address=customer.address, country=customer.country,
                 business=customer.business, siren=customer.siren,
                 vat_number=customer.vat_number, email=customer.email)


def _document(seller: seller_settings.SellerSettings, kind: str, number: str, draft: _Draft,
              today: date) -> InvoiceDocument:
    customer = draft.customer
    currency = (draft.attempt.currency if draft.attempt is not None
                else str(draft.corrects.currency) if draft.corrects is not None else "EUR")
    buyer, seller_country, franchise = _buyer(customer), seller.seller.country, \
        seller.terms.franchise
    if draft.corrects is not None:  # IV-2: as the invoice it corrects was, whatever changed
        corrected = draft.corrects.document
        buyer = Party(**corrected["buyer"])
        seller_country = corrected["seller"]["country"]
        franchise = bool(corrected["terms"]["franchise"])
    computed = _vat_of(
        vat.Seller(seller_country, franchise),
        vat.Buyer(buyer.country, buyer.business, bool(buyer.vat_number)),
        tuple((desc, quantity, unit, str(rate)) for desc, _period, quantity, unit, rate, _ref
              in draft.lines), currency, draft.prices_include_vat)
    lines = tuple(
        Line(description=desc, quantity=quantity, unit_price_excl=line.unit_price_excl.minor,
             vat_rate=line.rate, vat_category=str(line.category), total_excl=line.net.minor,
             period=period, service_ref=ref)
        for (desc, period, quantity, _unit, _rate, ref), line in zip(
            draft.lines, computed.lines, strict=True))
    paid_with = draft.attempt.paid_with if draft.attempt is not None else None
    return InvoiceDocument(
        number=number, kind=kind, issued_on=today, currency=currency,
        language=customer.language if customer.language in ("fr", "en") else "en",
        seller=seller.seller, terms=seller.terms, buyer=buyer,
        customer_ref=customer.ref, lines=lines,
        breakdown=tuple(VatBreakdown(part.rate, str(part.category), part.base.minor,
                                     part.vat.minor) for part in computed.breakdown),
        total_excl=computed.total_excl.minor, total_vat=computed.total_vat.minor,
        total=computed.total.minor, mention=computed.mention,
        paid_on=draft.paid_on if kind == INVOICE else None,
        paid_with=paid_with,
        payment_ref=draft.payment_ref,
        corrects=draft.corrects.number if draft.corrects is not None else None,
        corrects_issued_on=draft.corrects.issued_on if draft.corrects is not None else None,
        reason=draft.reason)


@lru_cache(maxsize=1024)
def _vat_of(seller: vat.Seller, buyer: vat.Buyer, lines: tuple[tuple[str, int, int, str], ...],
            currency: str, prices_include_vat: bool) -> vat.InvoiceVat:
    """IV-3's figures, the same for the same regime and lines: a busy night's invoices are
    mostly of a few products and amounts. Each rate is keyed by its text, as the document
    writes it (20 and 20.00 are equal Decimals, not the same words)."""
    return vat.invoice_vat(seller, buyer, [vat.Line(desc, quantity, unit, Decimal(rate))
                                           for desc, quantity, unit, rate in lines],
                           currency=currency, prices_include_vat=prices_include_vat)


def _rate(bp: int | None, seller: seller_settings.SellerSettings) -> Decimal:
    return Decimal(bp if bp is not None else seller.default_vat_rate_bp) / 100


def _payment_lines(session: Session, kind: str, subject: Any, attempt: _Payment,
                   seller: seller_settings.SellerSettings, paid_on: date) -> _Draft:
    """What the payment paid for, line by line, in the buyer's words; the lines add up to
    what was charged, which is what renewdesk stores, VAT included (services/pricing.py)."""
    words = WORDS["fr" if _language(subject, kind) == "fr" else "en"]
    lines: list[tuple[str, str | None, int, int, Decimal, str | None]] = []
    if kind == "renewal":
        cart: Renewal = subject
        customer, reference = cart.customer, cart.ref
        fee = _reactivation_fee(session, cart)
        for item in cart.items:
            if item.removed:
                continue
            service = item.service
            rate = _rate(service.vat_rate_bp, seller)
            start = item.period_expires_on
            end = add_months(start, service.period_months or 12)
            period = f"{(start + timedelta(days=1)).isoformat()} – {end.isoformat()}"
            # AR-6's fee, charged with the period of a manual renewal, as the cart recorded it
            # (never guessed from today's price, which may have changed since)
            charged_fee = min(item.amount_minor, pricing.charged(
                session, customer, fee, 1, service.vat_rate_bp, cart.currency)) if fee else 0
            lines.append((service.label, period, 1, item.amount_minor - charged_fee, rate,
                          service.ref))
            if charged_fee:
                lines.append((words["reactivation"], None, 1, charged_fee, rate, service.ref))
    elif kind == "installment":
        installment: Installment = subject
        order = installment.order
        customer, reference = order.customer, f"{order.ref}#{installment.number}"
        lines.append((order.product, f"{words['installment']} {installment.number}/"
                      f"{order.installments_count}", 1, installment.amount_minor,
                      _rate(order.vat_rate_bp, seller), None))
    else:
        invoice: UsageInvoice = subject
        service = invoice.service
        customer, reference = service.customer, invoice.ref
        unit = pricing.charged(session, customer, service.unit_price_minor or 0, 1,
                               service.vat_rate_bp, invoice.currency)
        if unit and invoice.quantity and unit * invoice.quantity == invoice.amount_minor:
            quantity, price = invoice.quantity, unit
        else:
            quantity, price = 1, invoice.amount_minor
        lines.append((service.label, invoice.period, quantity, price,
                      _rate(service.vat_rate_bp, seller), service.ref))
    # IV-3: every stored amount is what was charged, VAT included, even when prices are
    # entered without it (pricing.charged made it: HT + VAT rounded half up, so
    # |TTC − HT × (1 + r)| ≤ ½ minor unit and TTC / (1 + r) rounded gives HT back exactly).
    return _Draft(customer, attempt, None, None, lines, True, f"{reference}/{attempt.number}",
                  paid_on=paid_on)


def _reactivation_fee(session: Session, cart: Renewal) -> int:
    """The fee a manual renewal cart was made with (its `renewal.manual` event), 0 if none."""
    event = session.scalar(select(Event).where(Event.type == "renewal.manual",
                                               Event.subject == cart.ref))
    if event is None:
        return 0
    fee = str(event.data.get("reactivation_fee") or "0")
    return int(fee) if fee.isdigit() else 0


def _language(subject: Any, kind: str) -> str:
    if kind == "renewal":
        return str(subject.customer.language)
    if kind == "installment":
        return str(subject.order.customer.language)
    return str(subject.service.customer.language)


# Credit notes (IV-2) -----------------------------------------------------------------------


def credit_note_for_refund(session: Session, refund: Refund, today: date,
                           now: datetime, notify: bool = True) -> list[str]:
    """IV-2: a refund done is a credit note naming the payment's invoice, its lines the
    invoice's rates in proportion to what is given back, never more than the invoice less
    its earlier credit notes (a correction may have credited it already). Waits as invoices
    do; a payment that was never invoiced (before invoices existed) gets none here
    (`issue_missing` credits it with its invoice). `notify`: the customer's refund e-mail,
    written before it in this unit of work, carries it; False: no e-mail at all."""
    seller = seller_settings.load_seller(session)
    original = session.scalar(select(Invoice).where(Invoice.attempt_id == refund.attempt_id,
                                                    Invoice.kind == INVOICE))
    due = session.scalar(select(InvoiceDue.id).where(InvoiceDue.attempt_id == refund.attempt_id))
    if original is None and due is None:
        return []
    if original is None or seller_settings.missing(seller) or _waiting(session):
        session.add(InvoiceDue(refund_id=refund.id, paid_on=today, created_at=now))
        return []
    draft = _refund_draft(session, refund, original, notify)
    return _issue(session, seller, CREDIT_NOTE, [draft], today, now) if draft else []


def _refund_draft(session: Session, refund: Refund, original: Invoice,
                  notify: bool = True) -> _Draft | None:
    customer = session.get(Customer, original.customer_id)
    assert customer is not None
    left = original.total_minor - credited(session, original)
    if left <= 0:
        return None  # credited in full already: the refund gives back money, not more sales
    draft = _shared(session, original, customer, min(refund.amount_minor, left), "refund",
                    refund.reason, refund)
    return replace(draft, notify=notify)


def _shared(session: Session, original: Invoice, customer: Customer, amount: int, word: str,
            reason: str | None, refund: Refund | None) -> _Draft:
    """A credit note's lines: `amount` shared over the invoice's VAT rates as its totals are
    (the last rate takes what rounding leaves), each an amount including VAT."""
    document = original.document
    words = WORDS["fr" if document["language"] == "fr" else "en"]
    parts = [(Decimal(p["rate"]), p["base"] + p["vat"]) for p in document["breakdown"]]
    total = sum(part for _rate, part in parts) or 1
    lines: list[tuple[str, str | None, int, int, Decimal, str | None]] = []
    given = 0
    for index, (rate, part) in enumerate(parts):
        share = amount - given if index == len(parts) - 1 else amount * part // total
        given += share
        lines.append((f"{words[word]} {original.number}", None, 1, share, rate, None))
    attempt = refund.attempt if refund is not None else (
        session.get(Attempt, original.attempt_id) if original.attempt_id else None)
    return _Draft(customer, _Payment.of(attempt) if attempt is not None else None, refund,
                  original, lines, True,
                  document.get("payment_ref"), reason)


# Waiting payments, issued once the seller is complete --------------------------------------


def issue_waiting(session: Session, today: date, now: datetime) -> list[str]:
    """The payments (and refunds) that waited for the seller, issued in the order they were
    paid, in this unit of work. Nothing while the seller is still incomplete."""
    seller = seller_settings.load_seller(session)
    if seller_settings.missing(seller):
        return []
    from renewdesk.services.customer_payments import attempt_kind  # built on this module
    from renewdesk.services.run_due import rules_for

    rules = rules_for(settings.load_policy(session))
    issued: list[str] = []
    for due in session.scalars(select(InvoiceDue).order_by(InvoiceDue.id)).all():
        if due.attempt_id is not None:
            attempt = session.get(Attempt, due.attempt_id)
            assert attempt is not None
            kind = attempt_kind(attempt)
            subject_id = getattr(attempt, f"{kind}_id")
            subject = rules[kind].load_many(session, [subject_id])[subject_id]
            if not _invoiced(session, [attempt.id]):
                draft = _payment_lines(session, kind, subject, _Payment.of(attempt), seller,
                                       due.paid_on)
                issued += _issue(session, seller, INVOICE, [draft], today, now)
        elif due.refund_id is not None:
            refund = session.get(Refund, due.refund_id)
            assert refund is not None
            original = session.scalar(select(Invoice).where(
                Invoice.attempt_id == refund.attempt_id, Invoice.kind == INVOICE))
            refund_draft = _refund_draft(session, refund, original) if original else None
            if refund_draft is not None:
                issued += _issue(session, seller, CREDIT_NOTE, [refund_draft], today, now)
        session.delete(due)
        session.flush()
    return issued


def issue_missing(session: Session, today: date, now: datetime) -> list[str]:
    """`renewdesk invoices --issue-missing`: payments made before invoices existed (or imported
    paid) get theirs now, dated today, in the order they were paid; the payment's own date is
    on it. A payment recorded as a duplicate of another (to be refunded) gets none."""
    seller = seller_settings.load_seller(session)
    if seller_settings.missing(seller):
        raise seller_settings.incomplete(session) or RuntimeError("seller incomplete")
    duplicates = {str(e.data.get("attempt")) for e in session.scalars(
        select(Event).where(Event.type == "payment.duplicate"))}
    invoiced = select(Invoice.attempt_id).where(Invoice.attempt_id.is_not(None))
    waiting = select(InvoiceDue.attempt_id).where(InvoiceDue.attempt_id.is_not(None))
    # Only what paid its item (a debit the processor confirmed but the engine has not
    # concluded yet is invoiced when it is, with its item)
    paid = or_(Attempt.renewal_id.in_(select(Renewal.id).where(Renewal.status == "paid")),
               Attempt.installment_id.in_(select(Installment.id).where(
                   Installment.status == "paid")),
               Attempt.usage_invoice_id.in_(select(UsageInvoice.id).where(
                   UsageInvoice.status == "paid")))
    attempts = [a for a in session.scalars(
        select(Attempt).options(joinedload(Attempt.payment_method))
        .where(Attempt.result == "succeeded", paid, Attempt.id.not_in(invoiced),
               Attempt.id.not_in(waiting)).order_by(Attempt.on, Attempt.id))
        if a.idempotency_key not in duplicates]
    if not attempts:
        return []
    from renewdesk.services.customer_payments import attempt_kind  # built on this module
    from renewdesk.services.run_due import rules_for

    rules = rules_for(settings.load_policy(session))
    drafts = []
    for attempt in attempts:
        kind = attempt_kind(attempt)
        subject_id = getattr(attempt, f"{kind}_id")
        subject = rules[kind].load_many(session, [subject_id])[subject_id]
        paid_on = attempt.settled_at.date() if attempt.settled_at else attempt.on
        drafts.append(_payment_lines(session, kind, subject, _Payment.of(attempt), seller,
                                     paid_on))
    issued = _issue(session, seller, INVOICE, drafts, today, now)
    # What was refunded of them before they were invoiced is credited now, in refund order.
    for refund in session.scalars(select(Refund).where(
            Refund.attempt_id.in_([a.id for a in attempts]),
            Refund.status.in_(("succeeded", "pending"))).order_by(Refund.id)):
        original = session.scalar(select(Invoice).where(Invoice.attempt_id == refund.attempt_id,
                                                        Invoice.kind == INVOICE))
        refund_draft = _refund_draft(session, refund, original) if original else None
        if refund_draft is not None:
            issued += _issue(session, seller, CREDIT_NOTE, [refund_draft], today, now)
    return issued


def credited(session: Session, invoice: Invoice) -> int:
    """What credit notes already gave back of an invoice."""
    return session.scalar(select(func.coalesce(func.sum(Invoice.total_minor), 0)).where(
        Invoice.corrects_id == invoice.id)) or 0


def check_correction(session: Session, number: str, amount: Money | None,
                     reason: str) -> tuple[Invoice, Money]:
    """IV-2's refusals of a correction, before anything is written: the invoice and the
    amount its credit note would give back."""
    invoice = session.scalar(select(Invoice).where(Invoice.number == number.strip(),
                                                   Invoice.kind == INVOICE))
    if invoice is None:
        raise InputError("invoice_unknown", number=number)
    if not reason.strip():
        raise InputError("correction_reason_missing", rule="IV-2")
    left = invoice.total_minor - credited(session, invoice)
    asked = amount if amount is not None else Money(left, invoice.currency)
    if asked.currency != invoice.currency or asked.minor <= 0 or asked.minor > left:
        raise InputError("correction_too_large", rule="IV-2", asked=asked, number=number,
                         left=Money(max(left, 0), invoice.currency))
    return invoice, asked


def correct(session: Session, number: str, amount: Money | None, reason: str, who: str,
            today: date, now: datetime) -> str:
    """IV-2: the account manager corrects an invoice (a price that was wrong, a gesture) with
    a credit note naming it: all that is left of it or an amount, with a reason; never more
    than the invoice less its earlier credit notes. Money is given back by a refund, not
    here. Returns the credit note's number."""
    invoice, asked = check_correction(session, number, amount, reason)
    seller = seller_settings.load_seller(session)
    if seller_settings.missing(seller):
        raise seller_settings.incomplete(session) or RuntimeError("seller incomplete")
    customer = session.get(Customer, invoice.customer_id)
    assert customer is not None
    draft = _shared(session, invoice, customer, asked.minor, "correction", reason.strip(), None)
    (issued,) = _issue(session, seller, CREDIT_NOTE, [draft], today, now)
    audit(session, who, "credit_note", number, today, now, None,
          {"credit_note": issued, "amount": asked.text(), "reason": reason.strip()})
    return issued


# The document, stored and read back --------------------------------------------------------


def document_json(document: InvoiceDocument) -> dict[str, Any]:
    """The document as JSON: dates ISO, rates as text; the logo by its SHA-256 (kept once in
    `document_asset`, `keep_logo`), so the PDF made years later shows the one it was issued
    with. Field by field, not `dataclasses.asdict` (which copies deeply: a busy night makes
    thousands), the seller's part made once for all the documents of a wave (`_terms_json`)."""
    data = dict(document.__dict__)
    data["issued_on"] = document.issued_on.isoformat()
    data["paid_on"] = document.paid_on.isoformat() if document.paid_on else None
    data["corrects_issued_on"] = (document.corrects_issued_on.isoformat()
                                  if document.corrects_issued_on else None)
    data["seller"] = dict(_party_json(document.seller))
    data["buyer"] = dict(document.buyer.__dict__)
    data["terms"] = dict(_terms_json(document.terms))
    data["lines"] = [{**line.__dict__, "vat_rate": str(line.vat_rate)} for line in document.lines]
    data["breakdown"] = [{**part.__dict__, "rate": str(part.rate)}
                         for part in document.breakdown]
    data["notes"] = list(document.notes)
    return data


@cache
def _party_json(party: Party) -> dict[str, Any]:
    return dict(party.__dict__)


@cache
def _terms_json(terms: SellerTerms) -> dict[str, Any]:
    data = dict(terms.__dict__)
    data["logo"] = hashlib.sha256(terms.logo).hexdigest() if terms.logo else None
    return data


def keep_logo(session: Session, logo: bytes | None) -> None:
    if logo and session.get(DocumentAsset, hashlib.sha256(logo).hexdigest()) is None:
        session.add(DocumentAsset(sha256=hashlib.sha256(logo).hexdigest(), data=logo))
        session.flush()


def document_of(session: Session, data: dict[str, Any]) -> InvoiceDocument:
    """An issued invoice's document, as it was issued (its logo read back by its digest)."""
    terms = dict(data["terms"])
    asset = session.get(DocumentAsset, terms["logo"]) if terms.get("logo") else None
    terms["logo"] = asset.data if asset is not None else None
    return InvoiceDocument(
        number=data["number"], kind=data["kind"], issued_on=date.fromisoformat(data["issued_on"]),
        currency=data["currency"], language=data["language"], seller=Party(**data["seller"]),
        terms=SellerTerms(**terms), buyer=Party(**data["buyer"]),
        customer_ref=data["customer_ref"],
        lines=tuple(Line(**{**line, "vat_rate": Decimal(line["vat_rate"])})
                    for line in data["lines"]),
        breakdown=tuple(VatBreakdown(Decimal(p["rate"]), p["category"], p["base"], p["vat"])
                        for p in data["breakdown"]),
        total_excl=data["total_excl"], total_vat=data["total_vat"], total=data["total"],
        mention=data["mention"],
        paid_on=date.fromisoformat(data["paid_on"]) if data["paid_on"] else None,
        paid_with=data["paid_with"], payment_ref=data["payment_ref"],
        corrects=data["corrects"],
        corrects_issued_on=(date.fromisoformat(data["corrects_issued_on"])
                            if data["corrects_issued_on"] else None),
        reason=data["reason"], notes=tuple(data.get("notes", ())))


def money_of(invoice: Invoice) -> Money:
    return Money(invoice.total_minor, invoice.currency)
