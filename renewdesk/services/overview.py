"""A customer's page: profile, contacts, ordered methods, services, orders and history.

Read in one unit of work and returned as frozen rows, so the window can show it without
holding a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import expires_before
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.services import payment_methods
from renewdesk.store.models import (
    Attempt,
    Customer,
    Event,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    Service,
    UsageInvoice,
    UsageRecord,
)


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
class HistoryLine:
    on: date
    type: str
    subject: str
    how: str = ""  # for a payment: automatic | manual | customer (its link), else ""


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
    subjects = [customer.ref, *(o.ref for o in orders), *carts, *(s.ref for s in services),
                *(f"{o.ref}#{i.number}" for o in orders for i in o.installments), *invoices]
    events = session.scalars(select(Event).where(or_(Event.subject.in_(subjects)))
                             .order_by(Event.id.desc()).limit(history)).all()
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
        tuple(HistoryLine(e.on, e.type, e.subject, _how_paid(session, e)) for e in events),
        _usage(session, customer, history),
    )


def _usage(session: Session, customer: Customer, limit: int) -> tuple[UsageLine, ...]:
    invoiced = {(i.service_id, i.period) for i in session.scalars(
        select(UsageInvoice).join(Service).where(Service.customer_id == customer.id))}
    records = session.scalars(select(UsageRecord).join(Service).where(
        Service.customer_id == customer.id).order_by(UsageRecord.on.desc(), UsageRecord.id.desc())
        .limit(limit)).all()
    return tuple(UsageLine(r.ref, r.service.ref, r.on, r.quantity,
                           (r.service_id, r.period) in invoiced) for r in records)


_PAID = {"renewal.paid": "renewal", "installment.paid": "installment", "usage.paid": "usage"}


def _how_paid(session: Session, event: Event) -> str:
    """Who paid it and how: the run's automatic attempt, the account manager's by hand (IN-5,
    AR-6), or the customer from their link (CP-1, CP-2: an attempt outside the rounds)."""
    if event.type == "payment.by_customer":
        return "customer"
    kind = _PAID.get(event.type)
    if kind is None:
        return ""
    if session.scalar(select(Event.id).where(Event.type == "payment.by_customer",
                                             Event.subject == event.subject).limit(1)):
        return "customer"  # CP-1 completes the run's own attempt: the customer paid it
    if kind == "renewal":
        column, subject_id = Attempt.renewal_id, session.scalar(
            select(Renewal.id).where(Renewal.ref == event.subject))
    elif kind == "usage":
        column, subject_id = Attempt.usage_invoice_id, session.scalar(
            select(UsageInvoice.id).where(UsageInvoice.ref == event.subject))
    else:
        order_ref, _, number = event.subject.rpartition("#")
        column, subject_id = Attempt.installment_id, session.scalar(
            select(Installment.id).join(InstallmentOrder).where(
                InstallmentOrder.ref == order_ref, Installment.number == int(number or 0)))
    paid = session.scalars(select(Attempt).where(column == subject_id,
                                                 Attempt.result == "succeeded")
                           .order_by(Attempt.id.desc()).limit(1)).first()
    if paid is None:
        return ""
    if paid.manual and paid.round == 0:
        return "customer"
    return "manual" if paid.manual else "automatic"
