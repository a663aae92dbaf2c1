"""Auto-renew on or off: the AR-1 precondition and AR-2's bulk change with its check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import expires_before
from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.domain.policy import Policy
from renewdesk.domain.refusal_words import colon, render
from renewdesk.domain.schedule import notice_due_on, renewal_charge_on
from renewdesk.services.journal import audit
from renewdesk.services.renewals import OPEN, drop_service
from renewdesk.store.models import (
    BillingContact,
    Customer,
    PaymentMethod,
    Renewal,
    RenewalItem,
    Service,
)


@dataclass(frozen=True)
class CheckLine:
    """One service's line of AR-2's check: a code and its values, read in either language."""

    service_ref: str
    level: str  # ok | warning | error
    code: str
    values: tuple[tuple[str, object], ...] = ()

    def detail(self, language: str) -> str:
        """What the check says of the service, in "fr" or "en"."""
        return render(self.code, dict(self.values), language)

    def words(self, language: str) -> str:
        """The service and what the check says of it, as a refusal quotes the line."""
        return f"{self.service_ref}{colon(language)}{self.detail(language)}"


@dataclass(frozen=True)
class BulkRequest:
    customer_ref: str
    service_refs: tuple[str, ...] | None  # None: all of the customer's services
    on: bool
    payment_method_ref: str | None = None
    billing_contact_ref: str | None = None


@dataclass(frozen=True)
class BulkPlan:
    customer: Customer
    services: list[Service]
    method: PaymentMethod | None
    contact: BillingContact | None
    lines: list[CheckLine]

    @property
    def errors(self) -> list[CheckLine]:
        return [line for line in self.lines if line.level == "error"]

    @property
    def warnings(self) -> list[CheckLine]:
        return [line for line in self.lines if line.level == "warning"]


def _names_match(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def service_charge_on(session: Session, service: Service, policy: Policy, today: date) -> date:
    """That service's next charge date: its open cart's, else the one AR-3 would give it."""
    cart = session.scalar(select(Renewal).join(RenewalItem).where(
        RenewalItem.service_id == service.id, RenewalItem.removed.is_(False),
        Renewal.status.in_(OPEN)))
    if cart is not None:
        return cart.charge_on
    assert service.expires_on is not None
    notice = max(today, notice_due_on(service.expires_on, policy))
    return renewal_charge_on(notice, service.expires_on, policy)


def plan_bulk(session: Session, request: BulkRequest, policy: Policy, today: date) -> BulkPlan:
    """AR-2's check, per service: errors block, warnings need an explicit confirmation."""
    customer = session.scalar(select(Customer).where(Customer.ref == request.customer_ref))
    if customer is None:
        raise InputError("unknown", what="customer", ref=request.customer_ref)
    owned = {s.ref: s for s in session.scalars(select(Service).where(
        Service.customer_id == customer.id).order_by(Service.ref))}
    if request.service_refs is None:
        services = [s for s in owned.values() if s.status != "cancelled"]
    else:
        unknown = [r for r in request.service_refs if r not in owned]
        if unknown:
            raise InputError("customer_has_no_service", customer=customer.ref, services=tuple(unknown))
        services = [owned[r] for r in request.service_refs]
    if not services:
        raise InputError("no_service_to_change", customer=customer.ref)
    method = None
    if request.payment_method_ref is not None:
        method = next((m for m in customer.payment_methods
                       if m.ref == request.payment_method_ref), None)
        if method is None:
            raise InputError("customer_has_no_method", customer=customer.ref,
                             method=request.payment_method_ref)
    contact = None
    if request.billing_contact_ref is not None:
        contact = next((c for c in customer.contacts if c.ref == request.billing_contact_ref), None)
        if contact is None:
            raise InputError("customer_has_no_contact", customer=customer.ref,
                             contact=request.billing_contact_ref)
    valid = customer.valid_methods(today)
    chosen = method if method is not None else (valid[0] if valid else None)
    lines: list[CheckLine] = []
    for service in services:
        if not request.on:
            lines.append(CheckLine(service.ref, "ok", "check_auto_renew_off"))
            continue
        if service.billing != "period":
            lines.append(CheckLine(service.ref, "error", "check_billed_on_usage"))
            continue
        if service.status != "active":
            lines.append(CheckLine(service.ref, "error", "check_service_status",
                                   (("status", service.status),)))
            continue
        if chosen is None or not chosen.is_valid(today):
            lines.append(CheckLine(service.ref, "error", "check_no_valid_method"))
            continue
        found = False
        charge_on = service_charge_on(session, service, policy, today)
        if expires_before(chosen.expiry, charge_on):
            lines.append(CheckLine(service.ref, "warning", "check_expires_first",
                                   (("method", chosen.label()), ("charge_on", charge_on))))
            found = True
        if contact is not None and len(valid) > 1 and not _names_match(chosen.holder,
                                                                        contact.name):
            lines.append(CheckLine(service.ref, "warning", "check_holder_mismatch",
                                   (("holder", chosen.holder), ("contact", contact.name))))
            found = True
        if not found:
            lines.append(CheckLine(service.ref, "ok", "check_auto_renew_on",
                                   (("method", chosen.label()),)))
    return BulkPlan(customer, services, chosen, contact, lines)


def apply_bulk(session: Session, plan: BulkPlan, on: bool, confirmed_warnings: bool,
               today: date, now: datetime, who: str) -> list[str]:
    """AR-2: one all-or-nothing change; the caller commits once."""
    if plan.errors:
        raise RuleRefused("services_cannot_change", rule="AR-2", count=len(plan.errors),
                          line=plan.errors[0])
    if plan.warnings and not confirmed_warnings:
        raise RuleRefused("warnings_need_confirmation", rule="AR-2", count=len(plan.warnings),
                          warnings=tuple(plan.warnings))
    changed = []
    for service in plan.services:
        before = {"auto_renew": service.auto_renew,
                  "payment_method": service.payment_method.ref if service.payment_method else None,
                  "billing_contact": service.billing_contact.ref
                  if service.billing_contact else None}
        service.auto_renew = on
        if on:
            service.payment_method = plan.method
            if plan.contact is not None:
                service.billing_contact = plan.contact
        else:
            drop_service(session, service, today, now, reason="auto-renew switched off")
        after = {"auto_renew": service.auto_renew,
                 "payment_method": service.payment_method.ref if service.payment_method else None,
                 "billing_contact": service.billing_contact.ref
                 if service.billing_contact else None}
        if before != after:
            audit(session, who, "bulk_recurrence", service.ref, today, now, before, after)
            changed.append(service.ref)
    return changed


def require_auto_renew_allowed(customer: Customer, today: date) -> None:
    """AR-1: auto-renew can be switched on only when the customer has a valid method."""
    if not customer.valid_methods(today):
        raise RuleRefused("auto_renew_needs_method", rule="AR-1", customer=customer.ref)
