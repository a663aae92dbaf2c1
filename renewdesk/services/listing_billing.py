"""The lists of what is charged and what happened: installment orders, collections (IN-6),
renewal carts (AR-3, AR-4), the outbox (NT-1), events and the audit log (EV-1, EV-2)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.services.listing_base import Column, Expr, Listing, Stmt, brief, card_label
from renewdesk.store.models import (
    AuditEntry,
    Customer,
    Event,
    Installment,
    InstallmentOrder,
    Notification,
    PaymentMethod,
    Renewal,
    RenewalItem,
)

# What the scheduler charges on a range of days (HM-1): the home page's chart and the lists its
# bars open both count these, so they agree by construction.

OPEN = ("scheduled", "failed")


def renewals_charged(since: date, until: date) -> Expr:
    return and_(Renewal.status.in_(OPEN), Renewal.next_attempt_on.between(since, until))


def installments_charged(since: date, until: date) -> Expr:
    """Installments of active orders not handed to collection, tried on one of those days."""
    return and_(Installment.status.in_(OPEN), Installment.next_attempt_on.between(since, until),
                InstallmentOrder.status == "active", InstallmentOrder.in_collection.is_(False))


def _orders_charged(since: date, until: date) -> Expr:
    return (select(Installment.id).where(Installment.order_id == InstallmentOrder.id,
                                         installments_charged(since, until))
            .correlate(InstallmentOrder).exists())


# Installment orders --------------------------------------------------------------------------


class OrderRow(NamedTuple):
    ref: str
    customer: str
    invoice: str
    product: str
    amount: Money
    count: int  # type: ignore[assignment]  # the column key; shadows tuple.count
    interval: str
    method: str
    paid: str  # paid/count
    status: str


def _installments(status: str) -> Expr:
    return (select(func.count()).where(Installment.order_id == InstallmentOrder.id,
                                       Installment.status == status)
            .correlate(InstallmentOrder).scalar_subquery())


# CP-1: the customer's bank must authenticate the payment: only the customer can act.
MUST_ACT = "authentication_required"


def _orders() -> Stmt:
    waiting = (select(func.count()).where(Installment.order_id == InstallmentOrder.id,
                                          Installment.status == "failed",
                                          Installment.stopped_code == MUST_ACT)
               .correlate(InstallmentOrder).scalar_subquery())
    return (select(InstallmentOrder.ref, Customer.name.label("customer"),
                   InstallmentOrder.invoice_number, InstallmentOrder.product,
                   InstallmentOrder.installment_amount_minor, InstallmentOrder.installments_count,
                   InstallmentOrder.interval, InstallmentOrder.method,
                   _installments("paid").label("paid"), InstallmentOrder.status,
                   InstallmentOrder.currency, _installments("failed").label("failed"),
                   waiting.label("waiting"))
            .join(Customer, Customer.id == InstallmentOrder.customer_id))


def _has_failed() -> Expr:
    return select(Installment.id).where(Installment.order_id == InstallmentOrder.id,
                                        Installment.status == "failed").exists()


def _finish_orders(_s: Session, rows: Sequence[Any], _p: Policy, _t: date) -> list[OrderRow]:
    return [OrderRow(r.ref, r.customer, r.invoice_number, r.product,
                     Money(r.installment_amount_minor, r.currency), r.installments_count,
                     r.interval, r.method, f"{r.paid}/{r.installments_count}",
                     _order_state(r)) for r in rows]


def _order_state(r: Any) -> str:
    if r.status != "active" or not r.failed:
        return str(r.status)
    return "awaiting_customer" if r.waiting else "failing"


ORDERS = Listing(
    "orders",
    (Column("ref", "text", InstallmentOrder.ref), Column("customer", "text", Customer.name),
     Column("invoice", "text", InstallmentOrder.invoice_number),
     Column("product", "text", InstallmentOrder.product),
     Column("amount", "money", InstallmentOrder.installment_amount_minor),
     Column("count", "int", InstallmentOrder.installments_count),
     Column("interval", "word", InstallmentOrder.interval),
     Column("method", "word", InstallmentOrder.method), Column("paid", "text", None),
     Column("status", "status", InstallmentOrder.status)),
    _orders, InstallmentOrder.ref,
    # IN-1: found by order reference, customer name or invoice number.
    (InstallmentOrder.ref, Customer.name, InstallmentOrder.invoice_number),
    {"active": InstallmentOrder.status == "active", "failing": _has_failed(),
     "collection": InstallmentOrder.in_collection.is_(True)},
    row=OrderRow, finish=_finish_orders, dated=_orders_charged,
)


# Collections (IN-6) ----------------------------------------------------------------------------


class CollectionRow(NamedTuple):
    order: str  # the reference the hand-off acts on
    customer: str
    invoice: str
    number: int
    due_on: date
    amount: Money
    state: str  # waiting | handed


def _collections() -> Stmt:
    return (select(InstallmentOrder.ref, Customer.name.label("customer"),
                   InstallmentOrder.invoice_number, Installment.number, Installment.due_on,
                   Installment.amount_minor, InstallmentOrder.in_collection,
                   InstallmentOrder.currency)
            .join(InstallmentOrder, InstallmentOrder.id == Installment.order_id)
            .join(Customer, Customer.id == InstallmentOrder.customer_id)
            .where(Installment.in_collections_list.is_(True)))


def _finish_collections(_s: Session, rows: Sequence[Any], _p: Policy,
                        _t: date) -> list[CollectionRow]:
    return [CollectionRow(r.ref, r.customer, r.invoice_number, r.number, r.due_on,
                          Money(r.amount_minor, r.currency),
                          "handed" if r.in_collection else "waiting") for r in rows]


COLLECTIONS = Listing(
    "collections",
    (Column("order", "text", InstallmentOrder.ref), Column("customer", "text", Customer.name),
     Column("invoice", "text", InstallmentOrder.invoice_number),
     Column("number", "int", Installment.number), Column("due_on", "date", Installment.due_on),
     Column("amount", "money", Installment.amount_minor),
     Column("state", "status", InstallmentOrder.in_collection)),
    _collections, Installment.id,
    (InstallmentOrder.ref, Customer.name, InstallmentOrder.invoice_number),
    {"waiting": InstallmentOrder.in_collection.is_(False),
     "handed": InstallmentOrder.in_collection.is_(True)},
    row=CollectionRow, finish=_finish_collections, ref_key="order",
    dated=lambda since, until: Installment.due_on.between(since, until),
)


# Renewal carts (AR-3, AR-4) --------------------------------------------------------------------


class RenewalRow(NamedTuple):
    ref: str
    customer: str
    services: int
    amount: Money
    notice_on: date
    charge_on: date
    card: str
    status: str


def _renewals() -> Stmt:
    services = (select(func.count()).where(RenewalItem.renewal_id == Renewal.id,
                                           RenewalItem.removed.is_(False))
                .correlate(Renewal).scalar_subquery())
    return (select(Renewal.ref, Customer.name.label("customer"), services.label("services"),
                   Renewal.amount_minor, Renewal.notice_on, Renewal.charge_on,
                   PaymentMethod.brand, Renewal.status, Renewal.currency, PaymentMethod.last4,
                   Renewal.stopped_code)
            .join(Customer, Customer.id == Renewal.customer_id)
            .outerjoin(PaymentMethod, PaymentMethod.id == Renewal.payment_method_id))


def _finish_renewals(_s: Session, rows: Sequence[Any], _p: Policy,
                     _t: date) -> list[RenewalRow]:
    return [RenewalRow(r.ref, r.customer, r.services, Money(r.amount_minor, r.currency),
                       r.notice_on, r.charge_on, card_label(r.brand, r.last4),
                       "awaiting_customer" if r.status == "failed" and r.stopped_code == MUST_ACT
                       else r.status)
            for r in rows]


RENEWALS = Listing(
    "renewals",
    (Column("ref", "text", Renewal.ref), Column("customer", "text", Customer.name),
     Column("services", "int", None), Column("amount", "money", Renewal.amount_minor),
     Column("notice_on", "date", Renewal.notice_on), Column("charge_on", "date", Renewal.charge_on),
     Column("card", "text", None), Column("status", "status", Renewal.status)),
    _renewals, Renewal.ref, (Renewal.ref, Customer.name),
    {"scheduled": Renewal.status == "scheduled", "failed": Renewal.status == "failed",
     "paid": Renewal.status == "paid"},
    row=RenewalRow, finish=_finish_renewals, dated=renewals_charged,
)


# Outbox (NT-1) ---------------------------------------------------------------------------------


class OutboxRow(NamedTuple):
    ref: str
    created_on: date
    status: str
    kind: str
    to: str
    subject: str
    tries: int
    error: str | None


OUTBOX = Listing(
    "outbox",
    (Column("ref", "text", Notification.id), Column("created_on", "date", Notification.created_on),
     Column("status", "status", Notification.status), Column("kind", "text", Notification.kind),
     Column("to", "text", Notification.to), Column("subject", "text", Notification.subject),
     Column("tries", "int", Notification.tries), Column("error", "text", None)),
    lambda: select(Notification.ref, Notification.created_on, Notification.status,
                   Notification.kind, Notification.to, Notification.subject, Notification.tries,
                   Notification.last_error.label("error")),
    Notification.id, (Notification.ref, Notification.to, Notification.subject, Notification.kind),
    {status: Notification.status == status
     for status in ("queued", "sent", "failed", "suppressed")},
    row=OutboxRow,
)


# Activity (EV-1, EV-2) -------------------------------------------------------------------------


class EventRow(NamedTuple):
    ref: str
    on: date
    type: str
    subject: str
    data: str
    delivery: str | None


def _finish_events(_s: Session, rows: Sequence[Any], _p: Policy, _t: date) -> list[EventRow]:
    return [EventRow(r.ref, r.on, r.type, r.subject, brief(r.data), r.delivery) for r in rows]


EVENTS = Listing(
    "events",
    (Column("ref", "text", Event.id), Column("on", "date", Event.on),
     Column("type", "text", Event.type), Column("subject", "text", Event.subject),
     Column("data", "text", None), Column("delivery", "status", Event.delivery)),
    lambda: select(Event.ref, Event.on, Event.type, Event.subject, Event.data, Event.delivery),
    Event.id, (Event.type, Event.subject, Event.ref), {},
    row=EventRow, finish=_finish_events,
)


class AuditRow(NamedTuple):
    id: int
    at: str  # UTC, to the minute
    who: str
    action: str
    subject: str
    before: str
    after: str


def _finish_audit(_s: Session, rows: Sequence[Any], _p: Policy, _t: date) -> list[AuditRow]:
    return [AuditRow(r.id, r.at.strftime("%Y-%m-%d %H:%M UTC"), r.who, r.action, r.subject,
                     brief(r.before), brief(r.after)) for r in rows]


AUDIT = Listing(
    "audit",
    (Column("id", "int", AuditEntry.id), Column("at", "text", AuditEntry.at),
     Column("who", "text", AuditEntry.who), Column("action", "text", AuditEntry.action),
     Column("subject", "text", AuditEntry.subject), Column("before", "text", None),
     Column("after", "text", None)),
    lambda: select(AuditEntry.id, AuditEntry.at, AuditEntry.who, AuditEntry.action,
                   AuditEntry.subject, AuditEntry.before, AuditEntry.after),
    AuditEntry.id, (AuditEntry.who, AuditEntry.action, AuditEntry.subject), {},
    row=AuditRow, finish=_finish_audit, ref_key="id",
)
