"""NT-3: what a customer link does. Opening it (`show`) changes nothing; only `accept` acts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.notify import formatting as fmt
from renewdesk.notify import links as tokens
from renewdesk.notify.outbox import signing_key
from renewdesk.payments.processor import Processor
from renewdesk.services import installments, payment_methods, renewals
from renewdesk.services.journal import audit
from renewdesk.store.models import Customer, CustomerLink, Renewal


class LinkRefused(InputError):
    """A forged, unknown, expired or used link: nothing is done."""


@dataclass(frozen=True)
class LinkView:
    action: str
    customer_ref: str
    subject_ref: str
    expires_on: date
    usable: bool
    description: str


def _find(session: Session, token: str) -> CustomerLink:
    key = signing_key(session)
    link = session.scalar(select(CustomerLink).where(CustomerLink.token == token))
    if link is None or not tokens.signature_ok(key, token, link.action, link.expires_on):
        raise LinkRefused("this link is not valid (unknown or altered token)")
    return link


def _state(link: CustomerLink, today: date) -> str | None:
    if link.used_on is not None:
        return f"this link was already used on {link.used_on.isoformat()}"
    if today > link.expires_on:
        return f"this link expired on {link.expires_on.isoformat()}"
    return None


def _describe(session: Session, link: CustomerLink, language: str) -> str:
    if link.action == "cancel_renewal":
        renewal = session.scalar(select(Renewal).where(Renewal.ref == link.subject_ref))
        if renewal is None:
            return f"cancel renewal {link.subject_ref}"
        labels = ", ".join(i.service.label for i in renewals.active_items(renewal))
        method = renewal.payment_method.label() if renewal.payment_method else "-"
        return (f"cancel renewal {renewal.ref}: {labels}; "
                f"{fmt.money(renewal.amount, language)} on {renewal.charge_on.isoformat()} "
                f"to {method} ({renewal.status})")
    if link.action == "confirm_plan_change":
        change = installments.plan_change_by_ref(session, link.subject_ref)
        if change is None:
            return f"confirm plan change {link.subject_ref}"
        order = change.order
        return (f"confirm the new installment amount of order {order.ref}: "
                f"{fmt.money(order.installment_amount, language)} -> "
                f"{fmt.money(Money(change.amount_minor, order.currency), language)} for the "
                f"installments due after confirmation ({change.status}, "
                f"deadline {change.deadline_on.isoformat()})")
    return f"update the payment method of customer {link.subject_ref}"


def show(session: Session, token: str, today: date) -> LinkView:
    link = _find(session, token)
    problem = _state(link, today)
    owner = session.get(Customer, link.customer_id)
    assert owner is not None
    return LinkView(link.action, owner.ref, link.subject_ref, link.expires_on, problem is None,
                    problem or _describe(session, link, "en"))


def accept(session: Session, processor: Processor, token: str, today: date, now: datetime,
           new_method: payment_methods.MethodInput | None = None) -> str:
    """Act on a link once; the caller commits. Returns what was done."""
    link = _find(session, token)
    problem = _state(link, today)
    if problem is not None:
        raise LinkRefused(problem)
    customer = session.get(Customer, link.customer_id)
    assert customer is not None
    who = f"customer:{customer.ref}"
    if link.action == "cancel_renewal":
        renewal = session.scalar(select(Renewal).where(Renewal.ref == link.subject_ref))
        if renewal is None:
            raise LinkRefused(f"renewal {link.subject_ref} no longer exists")
        renewals.cancel(session, renewal, today, now, who)
        done = f"renewal {renewal.ref} cancelled"
    elif link.action == "confirm_plan_change":
        change = installments.plan_change_by_ref(session, link.subject_ref)
        if change is None:
            raise LinkRefused(f"plan change {link.subject_ref} no longer exists")
        numbers = installments.confirm_plan_change(session, change, today, now)
        done = (f"plan change of {change.order.ref} confirmed for installments "
                f"{', '.join(map(str, numbers)) or '(none left)'}")
    else:
        if new_method is None:
            raise InputError("this link updates a payment method: give the new method's "
                             "processor token")
        current = customer.payment_methods[0] if customer.payment_methods else None
        if current is None:
            added = payment_methods.add_method(session, processor, customer, new_method, today, now)
        else:
            added = payment_methods.replace_method(session, processor, current, new_method,
                                                   today, now)
        done = f"payment method {added.ref} saved for {customer.ref}"
    link.used_on = today
    audit(session, who, f"link.{link.action}", link.subject_ref, today, now, None,
          {"done": done})
    return done
