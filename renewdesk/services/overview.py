"""A customer's page: profile, contacts, ordered methods, services, orders, payments (with
their refunds and disputes, RF-1, RF-2) and history.

Read in one unit of work and returned as frozen rows, so the window can show it without
holding a session. The payments are read in bulk (a few queries, whatever their number).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from renewdesk.domain.cards import expires_before
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.services import payment_methods, refunds
from renewdesk.store.models import (
    Attempt,
    Customer,
    Event,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    RenewalItem,
    Service,
    UsageInvoice,
    UsageRecord,
)

# A dispute the processor has closed (RF-2), and how it ended.
DISPUTE_CLOSED = ("won", "lost", "warning_closed")


@dataclass(frozen=True)
class MethodLine:
    ref: str
    label: str
    type: str
    expiry: str
    holder: str
    default: bool
    state: str  # valid | expired | refused | blocked
    expires_before: date | None  # PM-7: the next charge it will not live to see


@dataclass(frozen=True)
class ServiceLine:
    ref: str
    label: str
    status: str
    expires_on: date | None
    auto_renew: bool
    price: Money | None
    billing: str = "period"  # or "usage"


@dataclass(frozen=True)
class OrderLine:
    ref: str
    product: str
    status: str
    amount: Money
    invoice: str


@dataclass(frozen=True)
class UsageLine:
    ref: str
    service: str
    on: date
    quantity: int
    invoiced: bool  # its month is invoiced: it stays as billed (US-1)


@dataclass(frozen=True)
class PaymentLine:
    """A successful payment (an attempt that took money), as the customer page lists it."""

    ref: str  # R-1/1, ORD-7#2/1: what a refund names
    subject: str  # what it paid: R-1, ORD-7#2, UI-…
    on: date
    what: str  # in the customer's words: the services of a renewal, an order's name
    amount: Money
    method: str
    refunded: Money  # succeeded or still under way at the processor (RF-1's count)
    awaiting: Money  # of `refunded`, what the processor has not confirmed yet
    # paid | partly_refunded | refunded | disputed | dispute_won | dispute_lost
    state: str
    refundable: Money  # none while a dispute is open or lost (RF-2)
    dispute_reason: str = ""  # the processor's code (fraudulent, duplicate…)
    respond_by: date | None = None  # an open dispute's deadline for evidence
    at_processor: bool = True  # taken through the processor: it can be refunded there


@dataclass(frozen=True)
class HistoryLine:
    on: date
    type: str
    subject: str
    how: str = ""  # for a payment: automatic | manual | customer (its link), else ""
    payment: str = ""  # the payment it is about (a paid item's, a refund's), "" if none


@dataclass(frozen=True)
class CustomerOverview:
    ref: str
    name: str
    email: str
    address: str
    language: str
    emails_enabled: bool
    missing: tuple[str, ...]  # PM-1
    contacts: tuple[tuple[str, str, str], ...]  # ref, name, e-mail
    methods: tuple[MethodLine, ...]
    services: tuple[ServiceLine, ...]
    orders: tuple[OrderLine, ...]
    history: tuple[HistoryLine, ...]
    usage: tuple[UsageLine, ...] = ()  # the newest records of its usage-billed services
    payments: tuple[PaymentLine, ...] = ()  # newest first
    # IV-1: what invoices say of the customer (a business's SIREN and VAT number)
    business: bool = False
    country: str = "FR"
    vat_number: str | None = None
    siren: str | None = None

    def payment(self, ref: str) -> PaymentLine | None:
        return next((p for p in self.payments if p.ref == ref), None)


def _method_line(session: Session, method: PaymentMethod, policy: Policy, today: date) -> MethodLine:
    if not method.accepted:
        state = "refused"
    elif not method.is_valid(today):
        state = "expired"
    else:
        state = "blocked" if method.blocked_code else "valid"
    when = payment_methods.next_charge_on(session, method, policy, today)
    flagged = when if when is not None and expires_before(method.expiry, when) else None
    expiry = method.expiry
    return MethodLine(method.ref, method.label() if method.last4 else method.type, method.type,
                      f"{expiry.month:02d}/{expiry.year}" if expiry else "", method.holder,
                      method.position == 0, state, flagged)


def customer_overview(session: Session, ref: str, policy: Policy, today: date,
                      history: int = 100) -> CustomerOverview:
    customer = session.scalar(select(Customer).where(Customer.ref == ref))
    if customer is None:
        raise InputError("unknown", what="customer", ref=ref)
    services = session.scalars(select(Service).where(Service.customer_id == customer.id)
                               .order_by(Service.ref)).all()
    orders = session.scalars(select(InstallmentOrder).where(
        InstallmentOrder.customer_id == customer.id).order_by(InstallmentOrder.ref)).all()
    carts = session.scalars(select(Renewal.ref).where(Renewal.customer_id == customer.id)).all()
    invoices = session.scalars(select(UsageInvoice.ref).join(Service).where(
        Service.customer_id == customer.id)).all()
    paired = _payments(session, _succeeded(session, customer))
    payments = tuple(line for _attempt, line in paired)
    subjects = [customer.ref, *(o.ref for o in orders), *carts, *(s.ref for s in services),
                *(f"{o.ref}#{i.number}" for o in orders for i in o.installments), *invoices,
                *(p.ref for p in payments)]
    events = session.scalars(select(Event).where(or_(Event.subject.in_(subjects)))
                             .order_by(Event.id.desc()).limit(history)).all()
    latest: dict[str, tuple[Attempt, PaymentLine]] = {}
    for attempt, line in paired:  # a subject's newest payment (the highest id) wins
        if line.subject not in latest or latest[line.subject][0].id < attempt.id:
            latest[line.subject] = (attempt, line)
    mine = {p.ref for p in payments}
    by_customer = set(session.scalars(select(Event.subject).where(
        Event.type == "payment.by_customer", Event.subject.in_(list(latest)))))
    return CustomerOverview(
        customer.ref, customer.name, customer.email, customer.address, customer.language,
        customer.emails_enabled, tuple(customer.missing_profile_fields()),
        tuple((c.ref, c.name, c.email) for c in customer.contacts),
        tuple(_method_line(session, m, policy, today)
              for m in payment_methods.ordered(customer)),
        tuple(ServiceLine(s.ref, s.label, s.status, s.expires_on, s.auto_renew,
                          s.price if s.billing == "period" else None, s.billing)
              for s in services),
        tuple(OrderLine(o.ref, o.product, o.status, o.installment_amount, o.invoice_number)
              for o in orders),
        tuple(_history_line(e, latest, by_customer, mine) for e in events),
        _usage(session, customer, history),
        payments,
        business=customer.business, country=customer.country,
        vat_number=customer.vat_number, siren=customer.siren,
    )


def _usage(session: Session, customer: Customer, limit: int) -> tuple[UsageLine, ...]:
    invoiced = {(i.service_id, i.period) for i in session.scalars(
        select(UsageInvoice).join(Service).where(Service.customer_id == customer.id))}
    records = session.scalars(select(UsageRecord).join(Service).where(
        Service.customer_id == customer.id).order_by(UsageRecord.on.desc(), UsageRecord.id.desc())
        .limit(limit)).all()
    return tuple(UsageLine(r.ref, r.service.ref, r.on, r.quantity,
                           (r.service_id, r.period) in invoiced) for r in records)


_PAID = {"renewal.paid", "installment.paid", "usage.paid", "payment.by_customer"}


def _history_line(event: Event, latest: dict[str, tuple[Attempt, PaymentLine]],
                  by_customer: set[str], payments: set[str]) -> HistoryLine:
    """An event, with the payment it is about and, for a payment, who made it and how: the
    run's automatic attempt, the account manager's by hand (IN-5, AR-6), or the customer from
    their link (CP-1, CP-2: an attempt outside the rounds)."""
    if event.subject in payments:  # refunded, disputed…
        return HistoryLine(event.on, event.type, event.subject, "", event.subject)
    if event.type not in _PAID:
        return HistoryLine(event.on, event.type, event.subject)
    attempt, line = latest.get(event.subject, (None, None))
    if event.type == "payment.by_customer" or event.subject in by_customer:
        how = "customer"  # CP-1 completes the run's own attempt: the customer paid it
    elif attempt is None:
        how = ""
    elif attempt.manual:
        how = "customer" if attempt.round == 0 else "manual"
    else:
        how = "automatic"
    return HistoryLine(event.on, event.type, event.subject, how, line.ref if line else "")


def _succeeded(session: Session, customer: Customer) -> list[Attempt]:
    """The customer's payments (attempts that took money), newest first, with their refunds,
    disputes and method, in three queries."""
    return list(session.scalars(
        select(Attempt).join(PaymentMethod, Attempt.payment_method_id == PaymentMethod.id)
        .where(PaymentMethod.customer_id == customer.id, Attempt.result == "succeeded")
        .options(contains_eager(Attempt.payment_method), selectinload(Attempt.refunds),
                 selectinload(Attempt.disputes))
        .order_by(Attempt.on.desc(), Attempt.id.desc())).unique())


def _payments(session: Session, paid: Sequence[Attempt]
              ) -> tuple[tuple[Attempt, PaymentLine], ...]:
    """Each payment's reference and what it paid, from one query per kind of subject."""
    carts = {a.renewal_id for a in paid if a.renewal_id is not None}
    parts = {a.installment_id for a in paid if a.installment_id is not None}
    bills = {a.usage_invoice_id for a in paid if a.usage_invoice_id is not None}
    names: dict[tuple[str, int], tuple[str, str]] = {}  # (kind, id) -> reference, words
    if carts:
        labels: dict[int, list[str]] = {}
        for cart, label in session.execute(select(RenewalItem.renewal_id, Service.label).join(
                Service, RenewalItem.service_id == Service.id).where(
                RenewalItem.renewal_id.in_(carts)).order_by(Service.ref)):
            labels.setdefault(cart, []).append(label)
        for cart, ref in session.execute(select(Renewal.id, Renewal.ref).where(
                Renewal.id.in_(carts))):
            names["renewal", cart] = (ref, ", ".join(labels.get(cart, [])) or ref)
    if parts:
        for part, ref, number, product, count in session.execute(
                select(Installment.id, InstallmentOrder.ref, Installment.number,
                       InstallmentOrder.product, InstallmentOrder.installments_count)
                .join(Installment.order).where(Installment.id.in_(parts))):
            names["installment", part] = (f"{ref}#{number}", f"{product} ({number}/{count})")
    if bills:
        for bill, ref, label, period in session.execute(
                select(UsageInvoice.id, UsageInvoice.ref, Service.label, UsageInvoice.period)
                .join(Service, UsageInvoice.service_id == Service.id)
                .where(UsageInvoice.id.in_(bills))):
            names["usage", bill] = (ref, f"{label} ({period})")
    lines = []
    for attempt in paid:
        key = (("renewal", attempt.renewal_id) if attempt.renewal_id is not None else
               ("installment", attempt.installment_id) if attempt.installment_id is not None
               else ("usage", attempt.usage_invoice_id))
        subject, what = names.get(key, ("?", "?"))  # type: ignore[arg-type]
        lines.append((attempt, _payment_line(attempt, refunds.payment_ref(
            subject, attempt.number), subject, what)))
    return tuple(lines)


def _payment_line(attempt: Attempt, ref: str, subject: str, what: str) -> PaymentLine:
    currency = attempt.currency
    refunded = refunds.counted(attempt.refunds)
    awaiting = sum(r.amount_minor for r in attempt.refunds if r.status in ("unknown", "pending"))
    dispute = attempt.disputes[-1] if attempt.disputes else None
    if dispute is not None and dispute.status not in DISPUTE_CLOSED:
        state = "disputed"
    elif dispute is not None and dispute.status in ("won", "lost"):
        state = f"dispute_{dispute.status}"
    elif refunded >= attempt.amount_minor:
        state = "refunded"
    else:
        state = "partly_refunded" if refunded else "paid"
    left = 0 if refunds.disputed(attempt) else max(0, attempt.amount_minor - refunded)
    return PaymentLine(ref, subject, attempt.on, what, Money(attempt.amount_minor, currency),
                       attempt.payment_method.label() if attempt.payment_method.last4
                       else attempt.payment_method.type, Money(refunded, currency),
                       Money(awaiting, currency), state, Money(left, currency),
                       dispute.reason if dispute is not None else "",
                       dispute.respond_by if state == "disputed" and dispute is not None
                       else None, attempt.processor_ref is not None)
