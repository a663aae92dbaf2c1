"""Saved payment methods: adding (PM-1, PM-2, PM-3), order and fallback (PM-4), removal policy
(PM-5), change events (PM-6), expiring cards (PM-7)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import expires_before
from renewdesk.domain.dates import add_months
from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import renewal_charge_on
from renewdesk.domain.sensitive import sensitive_kind
from renewdesk.domain.text import check_text
from renewdesk.notify import formatting as fmt
from renewdesk.payments.processor import AttachResult, Payer, Processor
from renewdesk.services.journal import record_event
from renewdesk.services.mail import customer_mail, update_link
from renewdesk.store.models import (
    Customer,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    Service,
)

TYPES = ("card", "sepa_debit")
_LIMITS: dict[str, int | None] = {
    name: getattr(PaymentMethod.__table__.columns[name].type, "length", None)
    for name in ("ref", "token", "brand", "last4", "holder")}
# What a method keeps of its input, as columns of its row.
FIELDS = ("type", "token", "brand", "last4", "exp_month", "exp_year", "holder")


@dataclass(frozen=True)
class MethodInput:
    ref: str
    type: str
    token: str
    brand: str = ""
    last4: str = ""
    exp_month: int | None = None
    exp_year: int | None = None
    holder: str = ""

    def validate(self, sieved: bool = False) -> None:
        """`sieved`: read from a file that PM-2's scan of every value let through already
        (`sensitive.sensitive_paths`), so that these fields need no scan of their own."""
        for name in () if sieved else _LIMITS:
            kind = sensitive_kind(str(getattr(self, name)))
            if kind is not None:
                raise RuleRefused("method_field_sensitive", rule="PM-2", field=name, kind=kind)
        check_text(self.ref, "payment method ref", _LIMITS["ref"])
        if self.type not in TYPES:
            raise InputError("method_type", method=self.ref, type=self.type)
        if not self.token or not re.fullmatch(r"[A-Za-z0-9_]+", self.token):
            raise InputError("method_token", method=self.ref, token=self.token[:40])
        check_text(self.token, f"payment method {self.ref}: token", _LIMITS["token"])
        if self.last4 and not re.fullmatch(r"\d{4}", self.last4):
            raise InputError("method_last4", method=self.ref)
        if self.type == "card" and (self.exp_month is None or self.exp_year is None):
            raise InputError("card_needs_expiry", method=self.ref)
        if self.exp_month is not None and not 1 <= self.exp_month <= 12:
            raise InputError("method_exp_month", method=self.ref)
        if self.exp_year is not None and not 2000 <= self.exp_year <= 2100:
            raise InputError("method_exp_year", method=self.ref)
        for name in ("brand", "holder"):
            check_text(getattr(self, name), f"payment method {self.ref}: {name}", _LIMITS[name])


def columns(data: MethodInput) -> dict[str, Any]:
    """A method's input as the columns of its row, for the ORM and for rows written together."""
    return {name: getattr(data, name) for name in FIELDS}


def describe(method: PaymentMethod | MethodInput) -> dict[str, Any]:
    """What PM-6's events say of a method: its kept fields but the token (a saved row, or the
    input it is about to be saved from)."""
    return {name: getattr(method, name) for name in FIELDS if name != "token"}


CHANGED = "customer.payment_method.changed"


def change_data(change: str, ref: str, before: dict[str, Any] | None,
                after: dict[str, Any] | None) -> dict[str, Any]:
    """PM-6: the data of a `customer.payment_method.changed` event: what changed."""
    fields = sorted({*(before or {}), *(after or {})})
    diff = {k: [None if before is None else before.get(k), None if after is None else after.get(k)]
            for k in fields if (before or {}).get(k) != (after or {}).get(k)}
    return {"change": change, "payment_method": ref, "fields": diff}


def _changed(session: Session, customer: Customer, change: str, today: date, now: datetime,
             before: dict[str, Any] | None, after: dict[str, Any] | None, ref: str) -> None:
    record_event(session, CHANGED, customer.ref, today, now,
                 change_data(change, ref, before, after))


def _resume_stopped_renewals(session: Session, customer: Customer, today: date) -> None:
    """AR-5: hard-declined carts are tried again once the payment method changes."""
    for renewal in session.scalars(select(Renewal).where(
            Renewal.customer_id == customer.id, Renewal.status == "failed",
            Renewal.next_attempt_on.is_(None), Renewal.stopped_code.is_not(None),
            Renewal.earliest_expiry >= today)).all():
        renewal.next_attempt_on = today
        renewal.stopped_code = None


def service_method(service: Service, today: date) -> PaymentMethod | None:
    """The method a service is charged with first (PM-4): the one chosen for it, else the
    customer's default valid method."""
    if service.payment_method is not None:
        return service.payment_method
    valid = service.customer.valid_methods(today)
    return valid[0] if valid else None


def payer(customer: Customer) -> Payer:
    return Payer(customer.ref, customer.name, customer.email, customer.processor_customer_id)


def _as_attached(customer: Customer, data: MethodInput, attach: AttachResult) -> MethodInput:
    """What the processor said wins: its id for the method, and the card's details."""
    if attach.processor_customer_id:
        customer.processor_customer_id = attach.processor_customer_id
    return attached_input(data, attach)


def attached_input(data: MethodInput, attach: AttachResult) -> MethodInput:
    """The method as saved: the processor's token and card details over the ones given."""
    if not attach.accepted:
        return data
    changes: dict[str, Any] = {}
    if attach.token:
        changes["token"] = attach.token
    if attach.details is not None:
        d = attach.details
        changes.update(type=d.type, brand=d.brand, last4=d.last4, exp_month=d.exp_month,
                       exp_year=d.exp_year)
    return replace(data, **changes)


def require_profile(customer_ref: str, missing: list[str]) -> None:
    """PM-1: refused while the customer's name, e-mail or postal address is missing."""
    if missing:
        raise RuleRefused("profile_incomplete", rule="PM-1", customer=customer_ref,
                          missing=tuple(missing))


def check_adding(customer_ref: str, missing: list[str], data: MethodInput,
                 sieved: bool = False) -> None:
    """PM-1 and PM-2 for a method about to be added, in that order: the customer's profile gaps
    are given, so that a customer whose row is not yet written is checked as a saved one is
    (`sieved`: `MethodInput.validate`'s)."""
    require_profile(customer_ref, missing)
    data.validate(sieved)


def _check_new(session: Session, customer: Customer, data: MethodInput) -> None:
    """PM-1 and PM-2 for a method about to be saved; refs are unique."""
    check_adding(customer.ref, customer.missing_profile_fields(), data)
    if session.scalar(select(PaymentMethod.id).where(PaymentMethod.ref == data.ref)):
        raise InputError("method_exists", method=data.ref)


def add_method(session: Session, processor: Processor, customer: Customer, data: MethodInput,
               today: date, now: datetime) -> PaymentMethod:
    _check_new(session, customer, data)
    attach = processor.attach(data.token, payer(customer))
    data = _as_attached(customer, data, attach)
    last = session.scalar(select(func.max(PaymentMethod.position)).where(
        PaymentMethod.customer_id == customer.id))
    method = PaymentMethod(ref=data.ref, customer=customer,
                           position=0 if last is None else last + 1,
                           accepted=attach.accepted, refusal=attach.refusal,
                           **columns(data))
    session.add(method)
    session.flush()
    session.expire(customer, ["payment_methods"])
    _changed(session, customer, "added", today, now, None, describe(method), method.ref)
    _resume_stopped_renewals(session, customer, today)
    return method


def update_method(session: Session, processor: Processor, method: PaymentMethod,
                  data: MethodInput, today: date, now: datetime) -> bool:
    """Details refreshed (expiry or last 4 changed at the processor, or a re-import)."""
    data.validate()
    before = describe(method)
    token_changed = data.token != method.token
    if token_changed:
        attach = processor.attach(data.token, payer(method.customer))
        method.accepted, method.refusal = attach.accepted, attach.refusal
        data = _as_attached(method.customer, data, attach)
    for name, value in columns(data).items():
        setattr(method, name, value)
    after = describe(method)
    if before == after and not token_changed:
        return False
    method.blocked_code = None
    method.expiring_notice_for = None
    _changed(session, method.customer, "updated", today, now, before, after, method.ref)
    _resume_stopped_renewals(session, method.customer, today)
    return True


def _users_of(session: Session, method: PaymentMethod) -> tuple[list[Service], list[InstallmentOrder]]:
    services = list(session.scalars(select(Service).where(
        Service.payment_method_id == method.id, Service.status != "cancelled")).all())
    orders = list(session.scalars(select(InstallmentOrder).where(
        InstallmentOrder.payment_method_id == method.id,
        InstallmentOrder.status == "active")).all())
    return services, orders


def replace_method(session: Session, processor: Processor, old: PaymentMethod,
                   data: MethodInput, today: date, now: datetime) -> PaymentMethod:
    """PM-5: a method can always be replaced; the new one takes its place and its duties."""
    customer = old.customer
    _check_new(session, customer, data)
    attach = processor.attach(data.token, payer(customer))
    if not attach.accepted:
        raise RuleRefused("processor_refused_new_method", rule="PM-3", reason=attach.refusal)
    data = _as_attached(customer, data, attach)
    position = old.position
    old.position = None
    old.removed_on = today
    session.flush()
    new = PaymentMethod(ref=data.ref, customer=customer, position=position, accepted=True,
                        **columns(data))
    session.add(new)
    session.flush()
    services, orders = _users_of(session, old)
    for service in services:
        service.payment_method = new
    for order in orders:
        order.payment_method = new
    for renewal in session.scalars(select(Renewal).where(
            Renewal.payment_method_id == old.id, Renewal.status.in_(("scheduled", "failed")))):
        renewal.payment_method = new
    session.expire(customer, ["payment_methods"])
    _changed(session, customer, "replaced", today, now, describe(old) | {"ref": old.ref},
             describe(new) | {"ref": new.ref}, new.ref)
    _resume_stopped_renewals(session, customer, today)
    return new


def remove_method(session: Session, method: PaymentMethod, policy: Policy, today: date,
                  now: datetime) -> None:
    """PM-5: `replace_only` (default), `unless_needed`, or `allow`."""
    rule = policy.payment_method_removal
    customer = method.customer
    if rule == "replace_only":
        raise RuleRefused("replace_only", rule="PM-5", method=method.ref)
    if rule == "unless_needed":
        others = [m for m in customer.valid_methods(today) if m.id != method.id]
        if not others and method.is_valid(today) and _needed(session, customer):
            raise RuleRefused("last_valid_method", rule="PM-5", method=method.ref,
                              customer=customer.ref)
    before = describe(method) | {"ref": method.ref}
    removed_position = method.position
    method.position = None
    method.removed_on = today
    session.flush()
    for other in sorted((m for m in customer.payment_methods if m.id != method.id
                         and m.position is not None and removed_position is not None
                         and m.position > removed_position), key=lambda m: m.position or 0):
        other.position = (other.position or 1) - 1
        session.flush()
    for service in _users_of(session, method)[0]:
        service.payment_method = None
    session.expire(customer, ["payment_methods"])
    _changed(session, customer, "removed", today, now, before, None, method.ref)


def ordered(customer: Customer) -> list[PaymentMethod]:
    """PM-4: the customer's saved methods, default first."""
    return sorted((m for m in customer.payment_methods if m.position is not None),
                  key=lambda m: m.position or 0)


def reorder(session: Session, method: PaymentMethod, position: int) -> list[str]:
    """PM-4: move a method to `position` (0: the default); returns the order before.

    Positions are unique per customer, so the methods are first parked at negative positions
    and then numbered again, each step flushed.
    """
    if method.position is None:
        raise RuleRefused("method_removed", rule="PM-4", method=method.ref)
    methods = ordered(method.customer)
    before = [m.ref for m in methods]
    methods.remove(method)
    methods.insert(max(0, min(position, len(methods))), method)
    for parked, m in enumerate(methods):
        m.position = -1 - parked
    session.flush()
    for number, m in enumerate(methods):
        m.position = number
    session.flush()
    session.expire(method.customer, ["payment_methods"])
    return before


def _needed(session: Session, customer: Customer) -> bool:
    auto = session.scalar(select(func.count()).select_from(Service).where(
        Service.customer_id == customer.id, Service.auto_renew.is_(True),
        Service.status == "active"))
    orders = session.scalar(select(func.count()).select_from(InstallmentOrder).where(
        InstallmentOrder.customer_id == customer.id, InstallmentOrder.status == "active"))
    return bool(auto) or bool(orders)


def next_charge_on(session: Session, method: PaymentMethod, policy: Policy,
                   today: date) -> date | None:
    """The next date anything relying on this method will be charged (PM-7)."""
    dates: list[date] = []
    for service in session.scalars(select(Service).where(
            Service.payment_method_id == method.id, Service.auto_renew.is_(True),
            Service.status == "active", Service.expires_on.is_not(None))):
        assert service.expires_on is not None
        dates.append(renewal_charge_on(today, service.expires_on, policy)
                     if service.expires_on >= today else today)
    due = session.scalar(select(func.min(Installment.due_on)).join(InstallmentOrder).where(
        InstallmentOrder.payment_method_id == method.id, InstallmentOrder.status == "active",
        Installment.status == "scheduled"))
    if due is not None:
        dates.append(due)
    return min(dates) if dates else None


def expiring_flag(session: Session, method: PaymentMethod, policy: Policy, today: date) -> bool:
    """PM-7: the method expires before the next charge date of anything relying on it."""
    when = next_charge_on(session, method, policy, today)
    return when is not None and expires_before(method.expiry, when)


def send_card_expiring(session: Session, policy: Policy, today: date,
                       now: datetime) -> list[str]:
    """PM-7: the `card_expiring` e-mail on the 25th of the month before the card expires,
    for cards something relies on (an auto-renew service or an active order)."""
    sent = []
    soon = [(d.year, d.month) for d in (today, add_months(today.replace(day=1), 1))]
    for method in session.scalars(select(PaymentMethod).where(
            PaymentMethod.removed_on.is_(None), PaymentMethod.accepted.is_(True),
            or_(*(and_(PaymentMethod.exp_year == y, PaymentMethod.exp_month == m)
                  for y, m in soon))).order_by(PaymentMethod.id)):
        expiry = method.expiry
        assert expiry is not None
        key = f"{expiry.year:04d}-{expiry.month:02d}"
        if method.expiring_notice_for == key:
            continue
        if not expiry.expiring_notice_on(policy.card_expiring_day) <= today <= expiry.last_valid_day:
            continue
        if next_charge_on(session, method, policy, today) is None:
            continue
        customer = method.customer
        language = customer.language
        customer_mail(session, "card_expiring", customer, today, {
            "card": method.label(), "expiry": fmt.month(expiry.year, expiry.month, language)},
            links=(update_link(customer, today, policy),))
        method.expiring_notice_for = key
        record_event(session, "customer.payment_method.expiring", customer.ref, today, now,
                     {"payment_method": method.ref, "expiry": key})
        sent.append(method.ref)
    return sent
