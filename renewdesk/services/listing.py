"""The lists of the window, read a page at a time: filtered, searched and sorted in SQL.

A listing never loads a whole table: `count` answers how many rows match, `page` reads one block
of them. Cells are plain values (str, int, bool, date, Money) so a block can be handed to any
view; flags that need a rule (PM-7's expiring card, a card expiring before a service's charge
date) are worked out for the rows of the block only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from renewdesk.domain.cards import CardExpiry, expires_before, method_valid_on
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import notice_due_on, renewal_charge_on
from renewdesk.services import payment_methods
from renewdesk.store import search_index
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
    Service,
)

Row = tuple[Any, ...]
# SQLAlchemy's typed expressions and statements vary with every column list; listings mix them.
Expr = Any
Stmt = Any


@dataclass(frozen=True)
class Column:
    key: str
    kind: str  # text | word | int | money | date | bool | status | flag (the date it concerns)
    sort: Expr | None  # None: not sortable


@dataclass(frozen=True)
class Query:
    """What the user asked a list for; the view keeps one and passes it with every read."""

    text: str = ""
    filter: str = ""
    sort: str = ""
    descending: bool = False


# A filter or search matching this many rows or fewer is read from the rows it matches, then
# sorted; more, and the database walks the sort order's index until a page is full.
FEW = 5_000


@dataclass(frozen=True)
class Listing:
    name: str
    columns: tuple[Column, ...]
    select: Callable[[], Stmt]
    key: Expr  # the row's reference, also the last sort key (stable order)
    search: tuple[Expr, ...]
    filters: dict[str, Expr] = field(default_factory=dict)
    # Works out the cells of a block that need a rule; gets (session, rows, policy, today).
    finish: Callable[[Session, list[Row], Policy, date], list[Row]] | None = None
    # The services' full-text index (store/search_index.py) gives ids of this column.
    indexed: Expr | None = None
    # The rows counted without the joins that only add cells (filters here name the base table).
    counted: Callable[[], Stmt] | None = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def _conditions(self, session: Session, query: Query) -> tuple[list[Expr], bool]:
        """The WHERE terms, and whether one needs the joined tables (a search without index)."""
        terms: list[Expr] = []
        joined = False
        if query.filter:
            if query.filter not in self.filters:
                raise KeyError(f"{self.name} has no filter {query.filter!r}")
            terms.append(self.filters[query.filter])
        # A character no database compares (a NUL pasted into the box: PostgreSQL refuses it) is
        # a space: a search is not stored, so nothing is refused.
        text = query.text if query.text.isprintable() else "".join(
            c if c.isprintable() else " " for c in query.text)
        words = text.split()
        if self.indexed is not None and search_index.usable_for(words) \
                and search_index.present(session):
            terms.append(self.indexed.in_(search_index.service_ids(words)))
            words = []
        for word in words:
            pattern = f"%{_escape(word)}%"
            terms.append(or_(*(c.ilike(pattern, escape="\\") for c in self.search)))
            joined = True
        return terms, joined

    def count(self, session: Session, query: Query) -> int:
        terms, joined = self._conditions(session, query)
        if self.counted is not None and not joined:
            stmt = self.counted().where(*terms)
        else:
            stmt = self.select().where(*terms).order_by(None)
        return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0

    def page(self, session: Session, query: Query, offset: int, limit: int, policy: Policy,
             today: date, matching: int | None = None) -> list[Row]:
        """One block of rows. `matching` (the count, when known): a few matching rows are
        sorted after they are found, rather than found by walking the sort order's index."""
        terms, _joined = self._conditions(session, query)
        if matching == 0:
            return []
        stmt = self.select().where(*terms)
        few = matching is not None and matching <= FEW and bool(terms)
        order: list[Expr] = []
        if query.sort:
            sort = self.column(query.sort).sort
            if sort is not None:
                sort = _unindexed(sort) if few else sort
                order.append(sort.desc() if query.descending else sort.asc())
        key = _unindexed(self.key) if few else self.key
        order.append(key.desc() if query.descending and query.sort else key.asc())
        rows = [tuple(r) for r in session.execute(stmt.order_by(*order).offset(offset).limit(limit))]
        if self.finish is not None:
            rows = self.finish(session, rows, policy, today)
        return rows


def _unindexed(expr: Expr) -> Expr:
    """The same values in the same order, but no index can give that order (coalesce(x, x)):
    the database then starts from the filter's own index instead of walking the sort's."""
    return func.coalesce(expr, expr)


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _card_label(brand: str | None, last4: str | None) -> str:
    return f"{brand or ''} •••• {last4}".strip() if last4 else ""


def _expiry(month: int | None, year: int | None) -> CardExpiry | None:
    return CardExpiry(month, year) if month and year else None


# Customers ----------------------------------------------------------------------------------

def _customers() -> Stmt:
    methods = (select(func.count()).where(PaymentMethod.customer_id == Customer.id,
                                          PaymentMethod.removed_on.is_(None))
               .correlate(Customer).scalar_subquery())
    return select(Customer.ref, Customer.name, Customer.email, Customer.language, methods,
                  Customer.emails_enabled)


CUSTOMERS = Listing(
    "customers",
    (Column("ref", "text", Customer.ref), Column("name", "text", Customer.name),
     Column("email", "text", Customer.email), Column("language", "word", Customer.language),
     Column("methods", "int", None), Column("emails", "bool", Customer.emails_enabled)),
    _customers, Customer.ref, (Customer.ref, Customer.name, Customer.email),
    {"emails_off": Customer.emails_enabled.is_(False)},
)


# Services ------------------------------------------------------------------------------------

_SERVICE_CUSTOMER = aliased(Customer)
_SERVICE_METHOD = aliased(PaymentMethod)


def _services() -> Stmt:
    return (select(Service.ref, _SERVICE_CUSTOMER.name, Service.label, Service.kind,
                   Service.price_minor, Service.expires_on, Service.auto_renew,
                   _SERVICE_METHOD.brand, Service.status, Service.currency, Service.billing,
                   _SERVICE_METHOD.last4, _SERVICE_METHOD.exp_month, _SERVICE_METHOD.exp_year)
            .join(_SERVICE_CUSTOMER, _SERVICE_CUSTOMER.id == Service.customer_id)
            .outerjoin(_SERVICE_METHOD, _SERVICE_METHOD.id == Service.payment_method_id))


def _finish_services(_session: Session, rows: list[Row], policy: Policy, today: date) -> list[Row]:
    """Money and card label; the flag when the card expires before the next charge date."""
    out = []
    for (ref, customer, label, kind, price, expires, auto, brand, status, currency, billing,
         last4, month, year) in rows:
        flag = None
        expiry = _expiry(month, year)
        if auto and status == "active" and expires is not None and expiry is not None:
            notice = max(today, notice_due_on(expires, policy))
            charge_on = renewal_charge_on(notice, expires, policy) if expires >= today else today
            if expires_before(expiry, charge_on):
                flag = charge_on
        amount = Money(price, currency) if billing == "period" and price is not None else None
        out.append((ref, customer, label, kind, amount, expires, auto, _card_label(brand, last4),
                    status, flag))
    return out


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
    _finish_services, indexed=Service.id, counted=lambda: select(Service.id),
)


# Payment methods -----------------------------------------------------------------------------

def _methods() -> Stmt:
    return (select(PaymentMethod.ref, Customer.name, PaymentMethod.type, PaymentMethod.brand,
                   PaymentMethod.exp_year, PaymentMethod.holder, PaymentMethod.position,
                   PaymentMethod.accepted, PaymentMethod.id, PaymentMethod.last4,
                   PaymentMethod.exp_month, PaymentMethod.removed_on, PaymentMethod.blocked_code)
            .join(Customer, Customer.id == PaymentMethod.customer_id))


def _method_state(accepted: bool, expiry: CardExpiry | None, removed: date | None,
                  blocked: str | None, today: date) -> str:
    if removed is not None:
        return "removed"
    if not accepted:
        return "refused"
    if not method_valid_on(accepted, expiry, today):
        return "expired"
    return "blocked" if blocked else "valid"


def _finish_methods(session: Session, rows: list[Row], policy: Policy, today: date) -> list[Row]:
    out = []
    for (ref, customer, type_, brand, year, holder, position, accepted, method_id, last4, month,
         removed, blocked) in rows:
        expiry = _expiry(month, year)
        state = _method_state(accepted, expiry, removed, blocked, today)
        flag = None
        if state == "valid" and expiry is not None:
            method = session.get(PaymentMethod, method_id)
            assert method is not None
            when = payment_methods.next_charge_on(session, method, policy, today)
            if when is not None and expires_before(expiry, when):
                flag = when
        out.append((ref, customer, type_, _card_label(brand, last4),
                    f"{month:02d}/{year}" if expiry else "", holder, position == 0, state, flag))
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
    _finish_methods,
)


# Installment orders --------------------------------------------------------------------------

def _orders() -> Stmt:
    paid = (select(func.count()).where(Installment.order_id == InstallmentOrder.id,
                                       Installment.status == "paid")
            .correlate(InstallmentOrder).scalar_subquery())
    failed = (select(func.count()).where(Installment.order_id == InstallmentOrder.id,
                                         Installment.status == "failed")
              .correlate(InstallmentOrder).scalar_subquery())
    return (select(InstallmentOrder.ref, Customer.name, InstallmentOrder.invoice_number,
                   InstallmentOrder.product, InstallmentOrder.installment_amount_minor,
                   InstallmentOrder.installments_count, InstallmentOrder.interval,
                   InstallmentOrder.method, paid, InstallmentOrder.status,
                   InstallmentOrder.currency, failed)
            .join(Customer, Customer.id == InstallmentOrder.customer_id))


def _has_failed() -> Expr:
    return select(Installment.id).where(Installment.order_id == InstallmentOrder.id,
                                        Installment.status == "failed").exists()


def _finish_orders(_session: Session, rows: list[Row], _policy: Policy, _today: date) -> list[Row]:
    out = []
    for (ref, customer, invoice, product, amount, count, interval, method, paid, status, currency,
         failed) in rows:
        shown = "failing" if status == "active" and failed else status
        out.append((ref, customer, invoice, product, Money(amount, currency), count, interval,
                    method, f"{paid}/{count}", shown))
    return out


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
    _finish_orders,
)


# Collections (IN-6) ----------------------------------------------------------------------------

def _collections() -> Stmt:
    return (select(InstallmentOrder.ref, Customer.name, InstallmentOrder.invoice_number,
                   Installment.number, Installment.due_on, Installment.amount_minor,
                   InstallmentOrder.in_collection, InstallmentOrder.currency)
            .join(InstallmentOrder, InstallmentOrder.id == Installment.order_id)
            .join(Customer, Customer.id == InstallmentOrder.customer_id)
            .where(Installment.in_collections_list.is_(True)))


def _finish_collections(_s: Session, rows: list[Row], _p: Policy, _t: date) -> list[Row]:
    return [(ref, customer, invoice, number, due, Money(amount, currency),
             "handed" if handed else "waiting")
            for ref, customer, invoice, number, due, amount, handed, currency in rows]


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
    _finish_collections,
)


# Renewal carts (AR-3, AR-4) --------------------------------------------------------------------

def _renewals() -> Stmt:
    services = (select(func.count()).where(RenewalItem.renewal_id == Renewal.id,
                                           RenewalItem.removed.is_(False))
                .correlate(Renewal).scalar_subquery())
    return (select(Renewal.ref, Customer.name, services, Renewal.amount_minor, Renewal.notice_on,
                   Renewal.charge_on, PaymentMethod.brand, Renewal.status, Renewal.currency,
                   PaymentMethod.last4)
            .join(Customer, Customer.id == Renewal.customer_id)
            .outerjoin(PaymentMethod, PaymentMethod.id == Renewal.payment_method_id))


def _finish_renewals(_s: Session, rows: list[Row], _p: Policy, _t: date) -> list[Row]:
    return [(ref, customer, services, Money(amount, currency), notice, charge,
             _card_label(brand, last4), status)
            for ref, customer, services, amount, notice, charge, brand, status, currency, last4
            in rows]


RENEWALS = Listing(
    "renewals",
    (Column("ref", "text", Renewal.ref), Column("customer", "text", Customer.name),
     Column("services", "int", None), Column("amount", "money", Renewal.amount_minor),
     Column("notice_on", "date", Renewal.notice_on), Column("charge_on", "date", Renewal.charge_on),
     Column("card", "text", None), Column("status", "status", Renewal.status)),
    _renewals, Renewal.ref, (Renewal.ref, Customer.name),
    {"scheduled": Renewal.status == "scheduled", "failed": Renewal.status == "failed",
     "paid": Renewal.status == "paid"},
    _finish_renewals,
)


# Outbox (NT-1) ---------------------------------------------------------------------------------

OUTBOX = Listing(
    "outbox",
    (Column("ref", "text", Notification.id), Column("created_on", "date", Notification.created_on),
     Column("status", "status", Notification.status), Column("kind", "text", Notification.kind),
     Column("to", "text", Notification.to), Column("subject", "text", Notification.subject),
     Column("tries", "int", Notification.tries), Column("error", "text", None)),
    lambda: select(Notification.ref, Notification.created_on, Notification.status,
                   Notification.kind, Notification.to, Notification.subject, Notification.tries,
                   Notification.last_error),
    Notification.id, (Notification.ref, Notification.to, Notification.subject, Notification.kind),
    {status: Notification.status == status
     for status in ("queued", "sent", "failed", "suppressed")},
)


# Activity (EV-1, EV-2) -------------------------------------------------------------------------

def _finish_events(_s: Session, rows: list[Row], _p: Policy, _t: date) -> list[Row]:
    return [(ref, on, type_, subject, _brief(data), delivery)
            for ref, on, type_, subject, data, delivery in rows]


EVENTS = Listing(
    "events",
    (Column("ref", "text", Event.id), Column("on", "date", Event.on),
     Column("type", "text", Event.type), Column("subject", "text", Event.subject),
     Column("data", "text", None), Column("delivery", "status", Event.delivery)),
    lambda: select(Event.ref, Event.on, Event.type, Event.subject, Event.data, Event.delivery),
    Event.id, (Event.type, Event.subject, Event.ref), {}, _finish_events,
)


def _finish_audit(_s: Session, rows: list[Row], _p: Policy, _t: date) -> list[Row]:
    return [(entry_id, at.strftime("%Y-%m-%d %H:%M UTC"), who, action, subject, _brief(before),
             _brief(after)) for entry_id, at, who, action, subject, before, after in rows]


AUDIT = Listing(
    "audit",
    (Column("id", "int", AuditEntry.id), Column("at", "text", AuditEntry.at),
     Column("who", "text", AuditEntry.who), Column("action", "text", AuditEntry.action),
     Column("subject", "text", AuditEntry.subject), Column("before", "text", None),
     Column("after", "text", None)),
    lambda: select(AuditEntry.id, AuditEntry.at, AuditEntry.who, AuditEntry.action,
                   AuditEntry.subject, AuditEntry.before, AuditEntry.after),
    AuditEntry.id, (AuditEntry.who, AuditEntry.action, AuditEntry.subject), {}, _finish_audit,
)


def _brief(data: object) -> str:
    if not data:
        return ""
    if isinstance(data, dict):
        return ", ".join(f"{k}={v}" for k, v in data.items())
    return str(data)


ALL: dict[str, Listing] = {listing.name: listing for listing in (
    CUSTOMERS, SERVICES, METHODS, ORDERS, COLLECTIONS, RENEWALS, OUTBOX, EVENTS, AUDIT)}
