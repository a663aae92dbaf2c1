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
from renewdesk.store.models import Customer, Event, InstallmentOrder, PaymentMethod, Renewal, Service


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
class HistoryLine:
    on: date
    type: str
    subject: str


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
    subjects = [customer.ref, *(o.ref for o in orders), *carts, *(s.ref for s in services)]
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
        tuple(HistoryLine(e.on, e.type, e.subject) for e in events),
    )
