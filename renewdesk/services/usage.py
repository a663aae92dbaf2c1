"""Usage-billed services: invoiced in arrears on the first run of the next month (US-1), each
service on its own (US-2), retried like installments, then overdue and suspended (US-3)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, selectinload

from renewdesk.domain.dates import month_key
from renewdesk.domain.declines import retry_allowed
from renewdesk.domain.money import MAX_MINOR, AmountTooLarge, Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import next_installment_retry
from renewdesk.notify import formatting as fmt
from renewdesk.services import pricing
from renewdesk.services.journal import record_event
from renewdesk.services.mail import customer_mail, pay_link, seller_alert, update_link
from renewdesk.services.payment_methods import service_method
from renewdesk.store.models import (
    Attempt,
    Customer,
    PaymentMethod,
    Service,
    UsageInvoice,
    UsageRecord,
)
from renewdesk.store.refs import assign_ref, temporary_ref

OPEN = ("open", "failed")
log = logging.getLogger("renewdesk.usage")


class UsageTooLarge(ValueError):
    """A period's usage one invoice cannot hold: its quantity and its amount are each stored in
    an INTEGER column (PostgreSQL's, 32 bits: MO-1's MAX_MINOR)."""

    def __init__(self, service: str, period: str, quantity: int, unit_price: Money) -> None:
        self.service, self.period, self.quantity, self.unit_price = (service, period, quantity,
                                                                      unit_price)
        super().__init__(f"{service}'s usage for {period} would total {quantity} units at "
                         f"{unit_price}, more than one invoice holds (at most {MAX_MINOR} units "
                         f"and {Money.largest(unit_price.currency)})")


def period_amount(service: Service, period: str, quantity: int) -> Money:
    """US-1: what a period's usage costs, or UsageTooLarge for a total no invoice can store."""
    if quantity <= MAX_MINOR:
        try:
            return service.unit_price.times(quantity)
        except AmountTooLarge:
            pass
    raise UsageTooLarge(service.ref, period, quantity, service.unit_price)


def _charged(session: Session, service: Service, quantity: int, period: str) -> int:
    """IV-3: what the period's usage charges the customer (VAT added when prices exclude it),
    or UsageTooLarge when that no longer fits in an invoice."""
    try:
        return pricing.charged(session, service.customer, service.unit_price.minor, quantity,
                               service.vat_rate_bp, service.currency)
    except AmountTooLarge:
        raise UsageTooLarge(service.ref, period, quantity, service.unit_price) from None


@dataclass(frozen=True)
class Invoiced:
    """What the usage step did: invoices made, and the periods left for someone to correct."""

    refs: tuple[str, ...]
    too_large: tuple[UsageTooLarge, ...]


def invoice_usage(session: Session, today: date, now: datetime) -> Invoiced:
    """US-1: every past month with usage and no invoice yet gets one, oldest first.

    A period too large to invoice (stored before imports checked for it) is left uninvoiced and
    reported, so that one service never stops the run for every other (US-2)."""
    invoiced = exists().where(and_(UsageInvoice.service_id == UsageRecord.service_id,
                                   UsageInvoice.period == UsageRecord.period))
    totals = session.execute(
        select(UsageRecord.service_id, UsageRecord.period, func.sum(UsageRecord.quantity))
        .join(Service).where(Service.billing == "usage", Service.status != "cancelled",
                             UsageRecord.period < month_key(today), ~invoiced)
        .group_by(UsageRecord.service_id, UsageRecord.period)
        .order_by(UsageRecord.period, UsageRecord.service_id)).all()
    made: list[str] = []
    too_large: list[UsageTooLarge] = []
    for service_id, period_key, quantity in totals:
        if not quantity or quantity <= 0:
            continue
        service = session.get(Service, service_id)
        assert service is not None
        try:
            period_amount(service, period_key, quantity)
            amount_minor = _charged(session, service, quantity, period_key)
        except UsageTooLarge as error:
            log.warning("US-1/MO-1: %s; not invoiced", error)
            too_large.append(error)
            continue
        invoice = UsageInvoice(
            ref=temporary_ref(), service=service, period=period_key, quantity=quantity,
            amount_minor=amount_minor, currency=service.currency,
            issued_on=today, status="open", next_attempt_on=today)
        session.add(invoice)
        session.flush()
        assign_ref(session, invoice, "USE")
        record_event(session, "usage.invoiced", invoice.ref, today, now,
                     {"service": service.ref, "period": period_key, "quantity": quantity,
                      "amount": invoice.amount.text(), "currency": invoice.currency})
        made.append(invoice.ref)
    return Invoiced(tuple(made), tuple(too_large))


class UsageRules:
    kind = "usage_invoice"

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def load_many(self, session: Session, ids: Sequence[int]) -> dict[int, UsageInvoice]:
        return {u.id: u for u in session.scalars(select(UsageInvoice).where(
            UsageInvoice.id.in_(ids)).options(selectinload(UsageInvoice.service).selectinload(
                Service.customer).selectinload(Customer.payment_methods)))}

    def reference(self, subject: UsageInvoice) -> str:
        return subject.ref

    def customer(self, subject: UsageInvoice) -> Customer:
        return subject.service.customer

    def amount(self, subject: UsageInvoice) -> tuple[int, str]:
        return subject.amount_minor, subject.currency

    def preferred_method(self, subject: UsageInvoice) -> PaymentMethod | None:
        return service_method(subject.service, subject.issued_on)

    def single_method(self, subject: UsageInvoice) -> bool:
        method = subject.service.payment_method
        return method is not None and method.type == "sepa_debit"

    def chargeable(self, session: Session, subject: UsageInvoice, today: date,
                   manual: bool) -> bool:
        if subject.status not in OPEN or subject.service.status == "cancelled":
            return False
        if manual:
            return True
        return subject.next_attempt_on is not None and subject.next_attempt_on <= today

    def on_paid(self, session: Session, subject: UsageInvoice, method: PaymentMethod, today: date,
                now: datetime) -> None:
        subject.status = "paid"
        subject.next_attempt_on = None
        record_event(session, "usage.paid", subject.ref, today, now,
                     {"amount": subject.amount.text(), "payment_method": method.ref})
        service = subject.service
        unpaid = session.scalar(select(func.count()).select_from(UsageInvoice).where(
            UsageInvoice.service_id == service.id, UsageInvoice.status.in_(OPEN),
            UsageInvoice.id != subject.id))
        if service.status == "overdue" and not unpaid:
            service.status = "active"
            record_event(session, "service.reactivated", service.ref, today, now, {})

    def on_pending(self, session: Session, subject: UsageInvoice) -> None:
        subject.status = "processing"
        subject.next_attempt_on = None

    def on_round_failed(self, session: Session, subject: UsageInvoice,
                        attempts: Sequence[Attempt], today: date, now: datetime,
                        manual: bool) -> None:
        subject.rounds_done += 1
        subject.status = "failed"
        service = subject.service
        codes = [a.decline_code for a in attempts if a.result == "declined"]
        # A failed SEPA debit is never retried automatically (as IN-6).
        last_try = manual or any(a.payment_method.type == "sepa_debit" for a in attempts)
        retry: date | None = None
        if retry_allowed(codes, no_more_automatic=last_try):
            retry = next_installment_retry(subject.issued_on, subject.rounds_done, self.policy,
                                           today)
        elif not last_try:
            subject.stopped_code = attempts[-1].decline_code
        subject.next_attempt_on = retry
        customer = service.customer
        language = customer.language
        year, month = (int(p) for p in subject.period.split("-"))
        customer_mail(session, "usage_failed", customer, today, {
            "service": service.label, "period": fmt.month(year, month, language),
            "amount": fmt.money(subject.amount, language),
            "next_attempt_on": fmt.day(retry, language) if retry else None,
            "must_authenticate": bool(attempts) and
            attempts[-1].decline_code == "authentication_required",
        }, links=(update_link(customer, today, self.policy),
                  pay_link(customer, "usage_invoice", subject.ref, today, self.policy)))
        last = attempts[-1].decline_code if attempts else "no_valid_payment_method"
        if retry is None:
            if service.status == "active":
                service.status = "overdue"  # US-3: suspended until paid
                record_event(session, "service.overdue", service.ref, today, now,
                             {"invoice": subject.ref})
            seller_alert(session, self.policy, today, reason="usage_final", customer=customer,
                         subject=f"{service.ref} {subject.period}",
                         amount=Money(subject.amount_minor, subject.currency),
                         decline_code=last, next_attempt_on=None)
        record_event(session, "usage.failed", subject.ref, today, now,
                     {"round": subject.rounds_done, "decline_code": last,
                      "next_attempt_on": retry.isoformat() if retry else None})
