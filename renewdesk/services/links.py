"""NT-3: what a customer link does. Opening it (`show`) changes nothing; only `accept` acts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.domain.link_words import LinkSaid
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.notify import links as tokens
from renewdesk.notify.outbox import signing_key
from renewdesk.payments.processor import Processor
from renewdesk.services import installments, payment_methods, renewals
from renewdesk.services.journal import audit
from renewdesk.store.models import Customer, CustomerLink, InstallmentOrder, PaymentMethod, Renewal


class LinkRefused(InputError):
    """A forged, unknown, expired or used link: nothing is done."""


@dataclass(frozen=True)
class LinkView:
    """What a link does, or why it can no longer be used: `description.words(language)` (HM-3:
    the command line says it in its reader's language; `str(description)` is the English)."""

    action: str
    customer_ref: str
    subject_ref: str
    expires_on: date
    usable: bool
    description: LinkSaid | LinkRefused


def _find(session: Session, token: str) -> CustomerLink:
    key = signing_key(session)
    link = session.scalar(select(CustomerLink).where(CustomerLink.token == token))
    if link is None or not tokens.signature_ok(key, token, link.action, link.expires_on):
        raise LinkRefused("link_invalid")
    return link


def signed_link(session: Session, token: str, action: str) -> CustomerLink:
    """The genuine link of that action (used or expired or not: the caller says which matter)."""
    link = _find(session, token)
    if link.action != action:
        raise LinkRefused("link_wrong_action")
    return link


def _state(link: CustomerLink, today: date) -> LinkRefused | None:
    """Why a link that is genuine can no longer be used, or None."""
    if link.used_on is not None:
        return LinkRefused("link_used", on=link.used_on)
    if today > link.expires_on:
        return LinkRefused("link_expired", on=link.expires_on)
    return None


def _describe(session: Session, link: CustomerLink) -> LinkSaid:
    if link.action == "cancel_renewal" and link.subject_ref.startswith(renewals.REMINDER_LINK):
        customer = session.get(Customer, link.customer_id)
        assert customer is not None
        state = renewals.reminder_state(session, customer, link.subject_ref, date.min)
        return LinkSaid("refuse_periods", services=", ".join(s.label for s in state.services),
                        subject=link.subject_ref)
    if link.action == "cancel_renewal":
        renewal = session.scalar(select(Renewal).where(Renewal.ref == link.subject_ref))
        if renewal is None:
            return LinkSaid("cancel_renewal_gone", renewal=link.subject_ref)
        return LinkSaid("cancel_renewal", renewal=renewal.ref, services=", ".join(
            i.service.label for i in renewals.active_items(renewal)), amount=renewal.amount,
            charge_on=renewal.charge_on, status=renewal.status,
            method=renewal.payment_method.label() if renewal.payment_method else "-")
    if link.action == "confirm_plan_change":
        change = installments.plan_change_by_ref(session, link.subject_ref)
        if change is None:
            return LinkSaid("confirm_plan_change_gone", change=link.subject_ref)
        order = change.order
        return LinkSaid("confirm_plan_change", order=order.ref,
                        old=_charged(session, order, order.installment_amount_minor),
                        new=_charged(session, order, change.amount_minor),
                        status=change.status, deadline=change.deadline_on)
    if link.action == "pay_now":
        return LinkSaid("pay_now", subject=link.subject_ref.partition(":")[2])
    return LinkSaid("update_payment_method", customer=link.subject_ref)


@dataclass(frozen=True)
class SavedMethodLine:
    ref: str
    brand: str
    last4: str
    expiry: str
    default: bool


@dataclass(frozen=True)
class LinkPage:
    """What a customer's page shows for a link (NT-3: showing it changes nothing)."""

    action: str
    state: str  # usable | used | expired
    used_on: date | None
    expires_on: date
    language: str
    customer_name: str
    # cancel_renewal
    renewal_status: str = ""
    services: tuple[str, ...] = ()
    amount: Money | None = None
    charge_on: date | None = None
    card: str = ""
    # confirm_plan_change
    change_status: str = ""
    product: str = ""
    old_amount: Money | None = None
    new_amount: Money | None = None
    applies_from: date | None = None
    deadline_on: date | None = None
    # update_payment_method
    methods: tuple[SavedMethodLine, ...] = ()


def link_state(link: CustomerLink, today: date) -> str:
    if link.used_on is not None:
        return "used"
    return "expired" if today > link.expires_on else "usable"


def page(session: Session, token: str, today: date) -> LinkPage:
    """The page of a link; LinkRefused for a forged or unknown token."""
    link = _find(session, token)
    customer = session.get(Customer, link.customer_id)
    assert customer is not None
    base = LinkPage(link.action, link_state(link, today), link.used_on, link.expires_on,
                    customer.language, customer.name)
    if link.action == "cancel_renewal" and link.subject_ref.startswith(renewals.REMINDER_LINK):
        return _reminder_page(session, base, customer, link.subject_ref, today)
    if link.action == "cancel_renewal":
        renewal = session.scalar(select(Renewal).where(Renewal.ref == link.subject_ref))
        if renewal is None or renewal.customer_id != customer.id:
            raise LinkRefused("renewal_gone", renewal=link.subject_ref)
        return replace(base, renewal_status=renewal.status,
                       services=tuple(i.service.label for i in renewals.active_items(renewal)),
                       amount=renewal.amount, charge_on=renewal.charge_on,
                       card=renewal.payment_method.label() if renewal.payment_method else "")
    if link.action == "confirm_plan_change":
        change = installments.plan_change_by_ref(session, link.subject_ref)
        if change is None or change.order.customer_id != customer.id:
            raise LinkRefused("plan_change_gone", change=link.subject_ref)
        order = change.order
        upcoming = [i.due_on for i in order.installments
                    if i.status == "scheduled" and i.due_on > today]
        return replace(base, change_status=change.status, product=order.product,
                       old_amount=_charged(session, order, order.installment_amount_minor),
                       new_amount=_charged(session, order, change.amount_minor),
                       applies_from=min(upcoming) if upcoming else None,
                       deadline_on=change.deadline_on)
    return replace(base, methods=tuple(
        SavedMethodLine(m.ref, m.brand or m.type, m.last4,
                        f"{m.exp_month:02d}/{m.exp_year}" if m.exp_month and m.exp_year else "",
                        n == 0)
        for n, m in enumerate(payment_methods.ordered(customer))))


def _reminder_page(session: Session, base: LinkPage, customer: Customer, subject: str,
                   today: date) -> LinkPage:
    """IV-6: the reminder's link, shown as a cart's: the periods it can still refuse."""
    state = renewals.reminder_state(session, customer, subject, today)
    if not state.services:
        raise LinkRefused("renewal_gone", renewal=subject)
    currencies = {s.currency for s in state.services}
    amount = (Money(sum(renewals.period_charge(session, s) for s in state.services),
                    currencies.pop()) if len(currencies) == 1 else None)
    method = payment_methods.service_method(state.services[0], today)
    return replace(base, renewal_status=state.status,
                   services=tuple(s.label for s in state.services), amount=amount,
                   charge_on=state.charge_on, card=method.label() if method else "")


def _usable(session: Session, token: str, today: date, action: str) -> tuple[CustomerLink, Customer]:
    link = _find(session, token)
    if link.action != action:
        raise LinkRefused("link_wrong_action")
    problem = _state(link, today)
    if problem is not None:
        raise problem
    customer = session.get(Customer, link.customer_id)
    assert customer is not None
    return link, customer


def _used(session: Session, link: CustomerLink, customer: Customer, today: date, now: datetime,
          done: LinkSaid) -> LinkSaid:
    link.used_on = today
    audit(session, f"customer:{customer.ref}", f"link.{link.action}", link.subject_ref, today,
          now, None, {"done": str(done)})  # the audit keeps the English
    return done


def save_method(session: Session, processor: Processor, token: str, today: date, now: datetime,
                method_token: str, replacing: str | None) -> LinkSaid:
    """The customer saved a method at the processor's page: add it, or let it replace one of
    theirs (PM-5 always allows a replacement); PM-6's event is recorded by the use case."""
    link, customer = _usable(session, token, today, "update_payment_method")
    data = method_from_processor(session, processor, customer, method_token)
    if data is None:
        raise RuleRefused("method_unknown_to_processor", rule="PM-3")
    if replacing is not None:
        old = next((m for m in customer.payment_methods if m.ref == replacing), None)
        if old is None:
            raise LinkRefused("unknown_method")  # never says whose it is
        saved = payment_methods.replace_method(session, processor, old, data, today, now)
    else:
        saved = payment_methods.add_method(session, processor, customer, data, today, now)
        if not saved.accepted:
            raise RuleRefused("processor_refused_method", rule="PM-3", reason=saved.refusal)
    return _used(session, link, customer, today, now, LinkSaid("method_saved", method=saved.ref))


def remove_method(session: Session, token: str, method_ref: str, policy: Policy, today: date,
                  now: datetime) -> LinkSaid:
    """PM-5 from the customer's page: only as the removal policy allows."""
    link, customer = _usable(session, token, today, "update_payment_method")
    method = next((m for m in customer.payment_methods if m.ref == method_ref), None)
    if method is None:
        raise LinkRefused("unknown_method")
    payment_methods.remove_method(session, method, policy, today, now)
    return _used(session, link, customer, today, now,
                 LinkSaid("method_removed", method=method_ref))


def method_from_processor(session: Session, processor: Processor, customer: Customer,
                          method_token: str) -> payment_methods.MethodInput | None:
    """A method the customer saved at the processor (or its stand-in), as a new method of
    theirs: the processor's details, a reference free among theirs; None if it knows none."""
    details = processor.describe(method_token)
    if details is None:
        return None
    return payment_methods.MethodInput(
        ref=_free_method_ref(session, customer), type=details.type, token=method_token,
        brand=details.brand, last4=details.last4, exp_month=details.exp_month,
        exp_year=details.exp_year, holder=customer.name)


def _free_method_ref(session: Session, customer: Customer) -> str:
    taken = set(session.scalars(select(PaymentMethod.ref).where(
        PaymentMethod.customer_id == customer.id)))
    number = len(taken) + 1
    while f"{customer.ref}-PM{number}" in taken:
        number += 1
    return f"{customer.ref}-PM{number}"


def show(session: Session, token: str, today: date) -> LinkView:
    link = _find(session, token)
    problem = _state(link, today)
    owner = session.get(Customer, link.customer_id)
    assert owner is not None
    return LinkView(link.action, owner.ref, link.subject_ref, link.expires_on, problem is None,
                    problem if problem else _describe(session, link))


def accept(session: Session, processor: Processor, token: str, today: date, now: datetime,
           new_method: payment_methods.MethodInput | None = None) -> LinkSaid:
    """Act on a link once; the caller commits. Returns what was done (HM-3: in words by the
    caller; the audit keeps the English). A link does only what it
    says (NT-3): a new method given to a link that does not update one is refused, and so is
    one without its processor token given to a link that does."""
    link = _find(session, token)
    problem = _state(link, today)
    if problem is not None:
        raise problem
    if new_method is not None and link.action != "update_payment_method":
        raise InputError("link_takes_no_method", does=link.action, subject=link.subject_ref)
    customer = session.get(Customer, link.customer_id)
    assert customer is not None
    who = f"customer:{customer.ref}"
    if link.action == "cancel_renewal" and link.subject_ref.startswith(renewals.REMINDER_LINK):
        state = renewals.reminder_state(session, customer, link.subject_ref, today)
        renewals.refuse_reminded(session, customer, link.subject_ref, today, now, who)
        done = LinkSaid("periods_refused", services=", ".join(s.label for s in state.services))
    elif link.action == "cancel_renewal":
        renewal = session.scalar(select(Renewal).where(Renewal.ref == link.subject_ref))
        if renewal is None:
            raise LinkRefused("renewal_gone", renewal=link.subject_ref)
        renewals.cancel(session, renewal, today, now, who)
        done = LinkSaid("renewal_cancelled", renewal=renewal.ref)
    elif link.action == "confirm_plan_change":
        change = installments.plan_change_by_ref(session, link.subject_ref)
        if change is None:
            raise LinkRefused("plan_change_gone", change=link.subject_ref)
        numbers = installments.confirm_plan_change(session, change, today, now)
        done = (LinkSaid("plan_change_confirmed", order=change.order.ref,
                         numbers=", ".join(map(str, numbers))) if numbers else
                LinkSaid("plan_change_confirmed_none", order=change.order.ref))
    elif link.action == "pay_now":  # a payment is the customer's, made on its page (CP-2)
        raise InputError("link_pays_on_its_page", subject=link.subject_ref)
    else:
        if new_method is None or not new_method.token:
            raise InputError("link_needs_token")
        current = customer.payment_methods[0] if customer.payment_methods else None
        if current is None:
            added = payment_methods.add_method(session, processor, customer, new_method, today, now)
        else:
            added = payment_methods.replace_method(session, processor, current, new_method,
                                                   today, now)
        done = LinkSaid("method_saved_for", method=added.ref, customer=customer.ref)
    link.used_on = today
    audit(session, who, f"link.{link.action}", link.subject_ref, today, now, None,
          {"done": str(done)})  # the audit keeps the English
    return done


def _charged(session: Session, order: InstallmentOrder, amount_minor: int) -> Money:
    """An installment as the customer is charged it (VAT included, whatever the prices
    entered: `pricing`)."""
    return Money(installments.installment_charge(session, order, amount_minor), order.currency)
