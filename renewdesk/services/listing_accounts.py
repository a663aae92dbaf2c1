"""The lists of who is charged and for what: customers, services, payment methods."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from renewdesk.domain.cards import CardExpiry, expires_before, method_valid_on
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import notice_due_on, renewal_charge_on
from renewdesk.services.listing_base import Column, Listing, Stmt, card_label, expiry
from renewdesk.store.models import (
    Customer,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Service,
)

# Customers ----------------------------------------------------------------------------------


class CustomerRow(NamedTuple):
    ref: str
    name: str
    email: str
    language: str
    methods: int
    emails: bool


def _customers() -> Stmt:
    methods = (select(func.count()).where(PaymentMethod.customer_id == Customer.id,
                                          PaymentMethod.removed_on.is_(None))
               .correlate(Customer).scalar_subquery())
    return select(Customer.ref.label("ref"), Customer.name.label("name"),
                  Customer.email.label("email"), Customer.language.label("language"),
                  methods.label("methods"), Customer.emails_enabled.label("emails"))


CUSTOMERS = Listing(
    "customers",
    (Column("ref", "text", Customer.ref), Column("name", "text", Customer.name),
     Column("email", "text", Customer.email), Column("language", "word", Customer.language),
     Column("methods", "int", None), Column("emails", "bool", Customer.emails_enabled)),
    _customers, Customer.ref, (Customer.ref, Customer.name, Customer.email),
    {"emails_off": Customer.emails_enabled.is_(False)},
    row=CustomerRow,
)


# Services ------------------------------------------------------------------------------------

_SERVICE_CUSTOMER = aliased(Customer)
_SERVICE_METHOD = aliased(PaymentMethod)


class ServiceRow(NamedTuple):
    ref: str
    customer: str
    label: str
    kind: str
    price: Money | None
    expires_on: date | None
    auto_renew: bool
    card: str
    status: str
    flag: date | None  # the next charge date, when the card expires before it


def _services() -> Stmt:
    return (select(Service.ref, _SERVICE_CUSTOMER.name.label("customer"), Service.label,
                   Service.kind, Service.price_minor, Service.expires_on, Service.auto_renew,
                   _SERVICE_METHOD.brand, Service.status, Service.currency, Service.billing,
                   _SERVICE_METHOD.last4, _SERVICE_METHOD.exp_month, _SERVICE_METHOD.exp_year)
            .join(_SERVICE_CUSTOMER, _SERVICE_CUSTOMER.id == Service.customer_id)
            .outerjoin(_SERVICE_METHOD, _SERVICE_METHOD.id == Service.payment_method_id))


def _service_flag(r: Any, policy: Policy, today: date) -> date | None:
    """The next charge date when the card expires before it (PM-7's warning, per service)."""
    card = expiry(r.exp_month, r.exp_year)
    if not (r.auto_renew and r.status == "active" and r.expires_on is not None
            and card is not None):
        return None
    notice = max(today, notice_due_on(r.expires_on, policy))
    charge_on = (renewal_charge_on(notice, r.expires_on, policy) if r.expires_on >= today
                 else today)
    return charge_on if expires_before(card, charge_on) else None


def _finish_services(_session: Session, rows: Sequence[Any], policy: Policy,
                     today: date) -> list[ServiceRow]:
    """Money and card label; the flag when the card expires before the next charge date."""
    return [ServiceRow(
        r.ref, r.customer, r.label, r.kind,
        Money(r.price_minor, r.currency) if r.billing == "period" and r.price_minor is not None
        else None,
        r.expires_on, r.auto_renew, card_label(r.brand, r.last4), r.status,
        _service_flag(r, policy, today)) for r in rows]


SERVICES = Listing(
    "services",
    (Column("ref", "text", Service.ref), Column("customer", "text", _SERVICE_CUSTOMER.name),
     Column("label", "text", Service.label), Column("kind", "word", Service.kind),
     Column("price", "money", Service.price_minor), Column("expires_on", "date", Service.expires_on),
     Column("auto_renew", "bool", Service.auto_renew), Column("card", "text", None),
     Column("status", "status", Service.status), Column("flag", "flag", None)),
    _services, Service.ref, (Service.ref, Service.label, _SERVICE_CUSTOMER.name),
    {"active": Service.status == "active", "auto_renew": Service.auto_renew.is_(True),
     "suspended": Service.status.in_(("suspended", "overdue")),
     "ended": Service.status.in_(("cancelled", "transferred"))},
    row=ServiceRow, finish=_finish_services, indexed=Service.id,
    counted=lambda: select(Service.id),
)


# Payment methods -----------------------------------------------------------------------------


class MethodRow(NamedTuple):
    ref: str
    customer: str
    type: str
    card: str
    expiry: str  # MM/YYYY
    holder: str | None
    default: bool
    state: str
    flag: date | None  # the next charge date, when the card expires before it


def _methods() -> Stmt:
    return (select(PaymentMethod.ref, Customer.name.label("customer"), PaymentMethod.type,
                   PaymentMethod.brand, PaymentMethod.exp_year, PaymentMethod.holder,
                   PaymentMethod.position, PaymentMethod.accepted, PaymentMethod.id,
                   PaymentMethod.last4, PaymentMethod.exp_month, PaymentMethod.removed_on,
                   PaymentMethod.blocked_code)
            .join(Customer, Customer.id == PaymentMethod.customer_id))


def _method_state(accepted: bool, card: CardExpiry | None, removed: date | None,
                  blocked: str | None, today: date) -> str:
    if removed is not None:
        return "removed"
    if not accepted:
        return "refused"
    if not method_valid_on(accepted, card, today):
        return "expired"
    return "blocked" if blocked else "valid"


def next_charges_on(session: Session, method_ids: Sequence[int], policy: Policy,
                    today: date) -> dict[int, date]:
    """`payment_methods.next_charge_on` for many methods in two statements (a list's block, the
    home page's cards), not two or more per method: on a team's server each is a round trip.
    A method nothing relies on is absent."""
    dates: dict[int, list[date]] = {}
    if not method_ids:
        return {}
    for method_id, expires_on in session.execute(select(
            Service.payment_method_id, Service.expires_on).where(
            Service.payment_method_id.in_(method_ids), Service.auto_renew.is_(True),
            Service.status == "active", Service.expires_on.is_not(None))):
        assert method_id is not None and expires_on is not None  # by the WHERE
        dates.setdefault(method_id, []).append(
            renewal_charge_on(today, expires_on, policy) if expires_on >= today else today)
    for method_id, due in session.execute(
            select(InstallmentOrder.payment_method_id, func.min(Installment.due_on))
            .join(Installment, Installment.order_id == InstallmentOrder.id)
            .where(InstallmentOrder.payment_method_id.in_(method_ids),
                   InstallmentOrder.status == "active", Installment.status == "scheduled")
            .group_by(InstallmentOrder.payment_method_id)):
        if method_id is not None and due is not None:
            dates.setdefault(method_id, []).append(due)
    return {method_id: min(found) for method_id, found in dates.items()}


def _finish_methods(session: Session, rows: Sequence[Any], policy: Policy,
                    today: date) -> list[MethodRow]:
    states = []
    for r in rows:
        card = expiry(r.exp_month, r.exp_year)
        states.append((card, _method_state(r.accepted, card, r.removed_on, r.blocked_code,
                                           today)))
    charges = next_charges_on(session, [r.id for r, (card, state) in zip(rows, states, strict=True)
                                        if state == "valid" and card is not None], policy, today)
    out = []
    for r, (card, state) in zip(rows, states, strict=True):
        when = charges.get(r.id)
        flag = when if card is not None and when is not None and expires_before(card, when) \
            else None
        out.append(MethodRow(r.ref, r.customer, r.type, card_label(r.brand, r.last4),
                             f"{r.exp_month:02d}/{r.exp_year}" if card else "", r.holder,
                             r.position == 0, state, flag))
    return out


METHODS = Listing(
    "payment_methods",
    (Column("ref", "text", PaymentMethod.ref), Column("customer", "text", Customer.name),
     Column("type", "word", PaymentMethod.type), Column("card", "text", PaymentMethod.last4),
     Column("expiry", "text", PaymentMethod.exp_year * 100 + PaymentMethod.exp_month),
     Column("holder", "text", PaymentMethod.holder),
     Column("default", "bool", PaymentMethod.position),
     Column("state", "status", None), Column("flag", "flag", None)),
    _methods, PaymentMethod.ref, (PaymentMethod.ref, Customer.name, PaymentMethod.holder,
                                  PaymentMethod.last4),
    {"in_use": PaymentMethod.removed_on.is_(None),
     "removed": PaymentMethod.removed_on.is_not(None),
     "blocked": PaymentMethod.blocked_code.is_not(None)},
    row=MethodRow, finish=_finish_methods,
)
