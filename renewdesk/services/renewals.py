"""Auto-renewal of services: notices (AR-3), cancel (AR-4), charge outcome (AR-5), suspension
and manual renewal (AR-6), carts following their services (AR-8)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, selectinload

from renewdesk.domain.dates import add_months
from renewdesk.domain.declines import retry_allowed
from renewdesk.domain.errors import RuleRefused
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import next_renewal_retry, renewal_charge_on
from renewdesk.notify import formatting as fmt
from renewdesk.notify.outbox import LinkSpec
from renewdesk.services.journal import record_event
from renewdesk.services.mail import customer_mail, pay_link, seller_alert, update_link
from renewdesk.services.payment_methods import service_method
from renewdesk.store.models import (
    Attempt,
    Customer,
    PaymentMethod,
    Renewal,
    RenewalItem,
    Service,
)
from renewdesk.store.refs import assign_ref, temporary_ref

OPEN = ("scheduled", "failed")


def active_items(renewal: Renewal) -> list[RenewalItem]:
    return [item for item in renewal.items if not item.removed]


def _services_context(renewal: Renewal, language: str) -> list[dict[str, str]]:
    out = []
    for item in active_items(renewal):
        service = item.service
        new_expiry = add_months(item.period_expires_on, service.period_months or 12)
        out.append({"label": service.label,
                    "amount": fmt.money(Money(item.amount_minor, renewal.currency), language),
                    "expires_on": fmt.day(item.period_expires_on, language),
                    "new_expires_on": fmt.day(new_expiry, language)})
    return out


def _mail(session: Session, kind: str, renewal: Renewal, today: date,
          links: tuple[LinkSpec, ...] = (), **extra: object) -> None:
    language = renewal.customer.language
    method = renewal.payment_method
    customer_mail(session, kind, renewal.customer, today, {
        "amount": fmt.money(renewal.amount, language),
        "charge_on": fmt.day(renewal.charge_on, language),
        "card": method.label() if method else "-",
        "services": _services_context(renewal, language),
        **extra,
    }, links=links, contact=renewal.billing_contact)


@dataclass(frozen=True)
class NoticeResult:
    renewal_ref: str
    customer_ref: str
    amount: str
    charge_on: date


def make_notices(session: Session, policy: Policy, today: date, now: datetime) -> list[NoticeResult]:
    """AR-3: due auto-renew services go into carts, one per customer + contact + method."""
    in_cart = exists().where(and_(RenewalItem.service_id == Service.id,
                                  RenewalItem.period_expires_on == Service.expires_on,
                                  RenewalItem.removed.is_(False)))
    due = session.scalars(
        select(Service).where(
            Service.status == "active", Service.billing == "period",
            Service.auto_renew.is_(True), Service.expires_on >= today,
            Service.expires_on <= today + timedelta(days=policy.notice_days),
            ~in_cart,
        ).order_by(Service.customer_id, Service.expires_on, Service.id)
    ).all()
    groups: dict[tuple[int, int | None, int | None, str], list[Service]] = defaultdict(list)
    for service in due:
        method = service_method(service, today)
        key = (service.customer_id, service.billing_contact_id,
               method.id if method else None, service.currency)
        groups[key].append(service)
    results = []
    for (_customer, contact_id, method_id, currency), services in groups.items():
        earliest = min(s.expires_on for s in services if s.expires_on is not None)
        charge_on = renewal_charge_on(today, earliest, policy)
        renewal = Renewal(
            ref=temporary_ref(), customer=services[0].customer, billing_contact_id=contact_id,
            payment_method_id=method_id, currency=currency, status="scheduled",
            amount_minor=sum(s.price_minor or 0 for s in services), notice_on=today,
            charge_on=charge_on, earliest_expiry=earliest, next_attempt_on=charge_on,
            items=[RenewalItem(service=s, period_expires_on=s.expires_on,
                               amount_minor=s.price_minor or 0) for s in services],
        )
        session.add(renewal)
        session.flush()
        assign_ref(session, renewal, "REN")
        _mail(session, "renewal_scheduled", renewal, today,
              links=(LinkSpec("cancel_renewal", renewal.ref, charge_on - timedelta(days=1)),))
        record_event(session, "renewal.scheduled", renewal.ref, today, now,
                     {"amount": renewal.amount.text(), "currency": currency,
                      "charge_on": charge_on.isoformat(),
                      "services": [s.ref for s in services]})
        results.append(NoticeResult(renewal.ref, renewal.customer.ref, str(renewal.amount),
                                    charge_on))
    return results


def cancel(session: Session, renewal: Renewal, today: date, now: datetime, who: str) -> None:
    """AR-4: cancel a scheduled cart before its charge date; auto-renew stays on."""
    if renewal.status != "scheduled":
        raise RuleRefused("renewal_not_scheduled", rule="AR-4", renewal=renewal.ref,
                          status=renewal.status)
    if today >= renewal.charge_on:
        raise RuleRefused("renewal_due", rule="AR-4", renewal=renewal.ref,
                          charge_on=renewal.charge_on)
    renewal.status = "cancelled"
    renewal.next_attempt_on = None
    _mail(session, "renewal_cancelled", renewal, today)
    record_event(session, "renewal.cancelled", renewal.ref, today, now, {"by": who})


def drop_service(session: Session, service: Service, today: date, now: datetime,
                 reason: str | None = None) -> None:
    """AR-8: a cancelled or transferred service takes its scheduled cart with it."""
    items = session.scalars(select(RenewalItem).join(Renewal).where(
        RenewalItem.service_id == service.id, RenewalItem.removed.is_(False),
        Renewal.status.in_(OPEN))).all()
    why = reason or f"service {service.ref} is {service.status}"
    for item in items:
        renewal = item.renewal
        item.removed = True
        renewal.amount_minor -= item.amount_minor
        if not active_items(renewal):
            renewal.status = "cancelled"
            renewal.next_attempt_on = None
            record_event(session, "renewal.cancelled", renewal.ref, today, now,
                         {"reason": why})
        else:
            record_event(session, "renewal.service_removed", renewal.ref, today, now,
                         {"service": service.ref, "amount": renewal.amount.text(),
                          "reason": why})


class RenewalRules:
    """How a cart is charged and what follows (AR-5, AR-6)."""

    kind = "renewal"

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def load_many(self, session: Session, ids: Sequence[int]) -> dict[int, Renewal]:
        return {r.id: r for r in session.scalars(select(Renewal).where(Renewal.id.in_(ids)).options(
            selectinload(Renewal.customer).selectinload(Customer.payment_methods),
            selectinload(Renewal.items).selectinload(RenewalItem.service)))}

    def reference(self, subject: Renewal) -> str:
        return subject.ref

    def customer(self, subject: Renewal) -> Customer:
        return subject.customer

    def amount(self, subject: Renewal) -> tuple[int, str]:
        return subject.amount_minor, subject.currency

    def preferred_method(self, subject: Renewal) -> PaymentMethod | None:
        return subject.payment_method

    def single_method(self, subject: Renewal) -> bool:
        return False

    def chargeable(self, session: Session, subject: Renewal, today: date, manual: bool) -> bool:
        if subject.status not in OPEN:
            return False
        if manual:
            return True
        if subject.next_attempt_on is None or subject.next_attempt_on > today:
            return False
        if today > subject.earliest_expiry:
            return False  # AR-5: never after expiry; AR-6 expires the cart
        # AR-8: nothing is charged for a service that is no longer active (`drop_inactive` ran).
        items = active_items(subject)
        return bool(items) and all(item.service.status == "active" for item in items)

    def on_paid(self, session: Session, subject: Renewal, method: PaymentMethod, today: date,
                now: datetime) -> None:
        subject.status = "paid"
        subject.next_attempt_on = None
        subject.payment_method = method
        for item in active_items(subject):
            service = item.service
            months = service.period_months or 12
            base = item.period_expires_on
            if service.status == "suspended":  # AR-6: a manual renewal reactivates it
                base = max(base, today)
                service.status = "active"
                record_event(session, "service.reactivated", service.ref, today, now, {})
            service.expires_on = add_months(base, months)
        _mail(session, "renewal_paid", subject, today)
        record_event(session, "renewal.paid", subject.ref, today, now,
                     {"amount": subject.amount.text(), "currency": subject.currency,
                      "payment_method": method.ref})

    def on_pending(self, session: Session, subject: Renewal) -> None:
        subject.next_attempt_on = None

    def on_round_failed(self, session: Session, subject: Renewal, attempts: Sequence[Attempt],
                        today: date, now: datetime, manual: bool) -> None:
        subject.rounds_done += 1
        subject.status = "failed"
        codes = [a.decline_code for a in attempts if a.result == "declined"]
        retry = None
        if retry_allowed(codes, no_more_automatic=manual):
            retry = next_renewal_retry(subject.charge_on, subject.rounds_done,
                                       subject.earliest_expiry, self.policy, today)
        elif not manual:
            # Hard declines (or the customer must act): not retried until the method changes.
            subject.stopped_code = attempts[-1].decline_code
        subject.next_attempt_on = retry
        language = subject.customer.language
        _mail(session, "renewal_failed", subject, today,
              links=(update_link(subject.customer, today, self.policy),
                     pay_link(subject.customer, "renewal", subject.ref, today, self.policy)),
              next_attempt_on=fmt.day(retry, language) if retry else None,
              must_authenticate=_must_authenticate(attempts))
        last = attempts[-1].decline_code if attempts else "no_valid_payment_method"
        seller_alert(session, self.policy, today, reason="renewal_failed",
                     customer=subject.customer, subject=subject.ref, amount=subject.amount,
                     decline_code=last, next_attempt_on=retry)
        record_event(session, "renewal.failed", subject.ref, today, now,
                     {"round": subject.rounds_done, "decline_code": last,
                      "next_attempt_on": retry.isoformat() if retry else None})


def _must_authenticate(attempts: Sequence[Attempt]) -> bool:
    """CP-1: the round's last attempt awaits the customer's bank."""
    return bool(attempts) and attempts[-1].decline_code == "authentication_required"


def suspend_expired(session: Session, today: date, now: datetime) -> list[str]:
    """AR-6: a service whose expiry has passed unpaid is suspended; its open cart expires."""
    services = session.scalars(select(Service).where(
        Service.status == "active", Service.billing == "period", Service.expires_on < today)
        .order_by(Service.expires_on, Service.id)).all()
    for service in services:
        service.status = "suspended"
        record_event(session, "service.suspended", service.ref, today, now,
                     {"expired_on": service.expires_on.isoformat() if service.expires_on else None})
        carts = session.scalars(select(Renewal).join(RenewalItem).where(
            RenewalItem.service_id == service.id, RenewalItem.removed.is_(False),
            Renewal.status.in_(OPEN))).all()
        for renewal in carts:
            renewal.status = "expired"
            renewal.next_attempt_on = None
            for item in active_items(renewal):
                if item.service.expires_on is not None and item.service.expires_on >= today:
                    item.removed = True  # its own period can go into a new cart
            record_event(session, "renewal.expired", renewal.ref, today, now, {})
    return [s.ref for s in services]


def manual_renewal_cart(session: Session, service: Service, policy: Policy, today: date,
                        now: datetime, who: str) -> Renewal:
    """AR-6: paying a suspended service later: one period plus `reactivation_fee`, charged now."""
    if service.billing != "period":
        raise RuleRefused("service_billed_on_usage", rule="AR-6", service=service.ref)
    if service.status not in ("suspended", "active"):
        raise RuleRefused("service_not_renewable", rule="AR-6", service=service.ref,
                          status=service.status)
    method = service_method(service, today)
    if method is None or not method.is_valid(today):
        raise RuleRefused("no_valid_method", rule="PM-3", customer=service.customer.ref)
    fee = Money.parse(policy.reactivation_fee, service.currency, field="reactivation_fee")
    fee_minor = fee.minor if service.status == "suspended" else 0
    period = service.expires_on or today
    open_item = session.scalar(select(RenewalItem).join(Renewal).where(
        RenewalItem.service_id == service.id, RenewalItem.period_expires_on == period,
        RenewalItem.removed.is_(False)))
    if open_item is not None:
        if open_item.renewal.status in OPEN:
            raise RuleRefused("service_in_renewal", rule="AR-5", service=service.ref,
                              renewal=open_item.renewal.ref)
        open_item.removed = True
    renewal = Renewal(
        ref=temporary_ref(), customer=service.customer, billing_contact=service.billing_contact,
        payment_method=method, currency=service.currency, status="scheduled",
        amount_minor=(service.price_minor or 0) + fee_minor, notice_on=today, charge_on=today,
        earliest_expiry=max(period, today), next_attempt_on=None,
        items=[RenewalItem(service=service, period_expires_on=period,
                           amount_minor=(service.price_minor or 0) + fee_minor)],
    )
    session.add(renewal)
    session.flush()
    assign_ref(session, renewal, "REN")
    record_event(session, "renewal.manual", renewal.ref, today, now,
                 {"service": service.ref, "by": who, "reactivation_fee": str(fee_minor)})
    return renewal


def drop_inactive(session: Session, today: date, now: datetime) -> None:
    """AR-8 before charging: open carts lose the services that are no longer active."""
    services = session.scalars(select(Service).join(RenewalItem).join(Renewal).where(
        Renewal.status.in_(OPEN), RenewalItem.removed.is_(False),
        Service.status.in_(("cancelled", "transferred")))).unique().all()
    for service in services:
        drop_service(session, service, today, now)
