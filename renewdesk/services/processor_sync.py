"""Saved methods as the processor knows them, without renewdesk ever seeing a card number:
linking a customer to an existing processor customer and importing the cards saved there,
refreshing the details card networks change (expiry, last 4) with PM-6's event, and the
processor-hosted page where a customer saves a new card (sent by e-mail)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import RuleRefused
from renewdesk.notify.outbox import DEFAULT_LINKS_BASE
from renewdesk.payments.processor import Processor, SavedMethod
from renewdesk.services.journal import record_event
from renewdesk.services.mail import customer_mail
from renewdesk.services.payment_methods import MethodInput, add_method, payer, update_method
from renewdesk.store import settings
from renewdesk.store.models import Customer, PaymentMethod


@dataclass(frozen=True)
class SyncResult:
    customer_ref: str
    added: tuple[str, ...]
    updated: tuple[str, ...]


def as_input(method: PaymentMethod) -> MethodInput:
    return MethodInput(ref=method.ref, type=method.type, token=method.token, brand=method.brand,
                       last4=method.last4, exp_month=method.exp_month, exp_year=method.exp_year,
                       holder=method.holder)


def _free_ref(session: Session, base: str) -> str:
    ref, n = base, 1
    while session.scalar(select(PaymentMethod.id).where(PaymentMethod.ref == ref)) is not None:
        n += 1
        ref = f"{base}-{n}"
    return ref


def sync_customer(session: Session, processor: Processor, customer: Customer, today: date,
                  now: datetime) -> SyncResult:
    """Import the cards saved at the processor; refresh the details of the ones we have. A
    customer the processor does not know (any more) is an InputError, before anything changed."""
    return _sync(session, processor, customer, processor.saved_methods(payer(customer)), today,
                 now)


def _sync(session: Session, processor: Processor, customer: Customer,
          saved_there: list[SavedMethod], today: date, now: datetime) -> SyncResult:
    known = {m.token for m in customer.payment_methods}
    added: list[str] = []
    for saved in saved_there:
        if saved.token in known:
            continue
        d = saved.details
        data = MethodInput(ref=_free_ref(session, f"{customer.ref}-{d.brand.upper()}-{d.last4}"),
                           type=d.type, token=saved.token, brand=d.brand, last4=d.last4,
                           exp_month=d.exp_month, exp_year=d.exp_year, holder=customer.name)
        added.append(add_method(session, processor, customer, data, today, now).ref)
    updated: list[str] = []
    for method in list(customer.payment_methods):
        details = processor.describe(method.token)
        if details is None:
            continue
        fresh = replace(as_input(method), brand=details.brand, last4=details.last4,
                        exp_month=details.exp_month, exp_year=details.exp_year)
        if update_method(session, processor, method, fresh, today, now):  # PM-6 event
            updated.append(method.ref)
    return SyncResult(customer.ref, tuple(added), tuple(updated))


def link_customer(session: Session, processor: Processor, customer: Customer,
                  processor_customer_id: str, today: date, now: datetime) -> SyncResult:
    """Link to an existing customer at the processor, and import the cards saved there."""
    current = customer.processor_customer_id
    if current is not None and current != processor_customer_id:
        raise RuleRefused("already_linked", rule="PM-6", customer=customer.ref,
                          processor_customer=current)
    # Asked before anything changes: an id the processor does not know is an InputError.
    saved_there = processor.saved_methods(replace(payer(customer),
                                                  processor_id=processor_customer_id))
    customer.processor_customer_id = processor_customer_id
    record_event(session, "customer.linked", customer.ref, today, now,
                 {"processor_customer": processor_customer_id})
    return _sync(session, processor, customer, saved_there, today, now)


def send_card_page(session: Session, processor: Processor, customer: Customer, today: date,
                   now: datetime) -> str:
    """E-mail the customer a link to the processor's page where they save a new card."""
    missing = customer.missing_profile_fields()
    if missing:
        raise RuleRefused("profile_incomplete", rule="PM-1", customer=customer.ref,
                          missing=tuple(missing))
    if customer.processor_customer_id is None:
        raise RuleRefused("not_known_to_processor", rule="PM-3", customer=customer.ref)
    base = settings.get(session, "links_base_url", DEFAULT_LINKS_BASE) or DEFAULT_LINKS_BASE
    url = processor.setup_page(payer(customer), return_url=f"{base}card-saved")
    customer_mail(session, "add_payment_method", customer, today, {"url": url})
    record_event(session, "customer.card_page_sent", customer.ref, today, now, {})
    return url
