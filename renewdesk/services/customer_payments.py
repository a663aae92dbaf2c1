"""CP-1, CP-2, CP-3: the customer pays what failed, from the link in the failure e-mail.

The link (`pay_now`, NT-3: signed, expiring, used once it has paid) names one item: a renewal
cart, an installment or a usage invoice. Its page shows what is owed and offers:
- CP-1, when the last attempt awaits the customer's bank (`authentication_required`): to
  complete *that* payment with the processor's own step (Stripe.js on Stripe, a stand-in on the
  sandbox). Whether it went through is then asked of the processor, never taken from the browser.
- CP-2: to pay at once with a saved method or a new one. That payment is an attempt of the item,
  committed with its idempotency key before the processor is called (SC-2); once paid, the item
  is paid as by its own attempt: retries end, a renewal's services are renewed, and a suspended
  service is renewed again by AR-6's manual renewal (its reactivation fee included).
- CP-3: every payment of an item holds the run lock (SC-5), which the nightly run, IN-5's final
  attempt and AR-6's manual renewal hold too: whoever comes second finds the item paid (or being
  paid) and is told so; nothing is charged twice.

A customer's attempt is outside the scheduled rounds (`round` 0), so a failed one leaves the
item's retries as they were; one whose answer never came is settled by the next run that looks
at the item, by asking the processor (SC-2).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.payments.choice import require_ready
from renewdesk.payments.processor import ChargeOutcome, Processor, ProcessorUnavailable
from renewdesk.services import invoices, payment_methods, renewals
from renewdesk.services.attempts import block_if_hard, charge_request, settled
from renewdesk.services.context import Context
from renewdesk.services.journal import audit, record_event
from renewdesk.services.links import (
    LinkRefused,
    link_state,
    method_from_processor,
    signed_link,
)
from renewdesk.services.mail import pay_subject
from renewdesk.services.run_due import rules_for
from renewdesk.services.subjects import SubjectRules
from renewdesk.store import settings
from renewdesk.store.models import (
    Attempt,
    Customer,
    CustomerLink,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    RenewalItem,
    UsageInvoice,
)
from renewdesk.store.runlock import RunInProgress, exclusive_run

PAY_WAIT_S = 20  # a customer's payment waits this long for a run (or another payment) under way
ACTION = "pay_now"
MUST_AUTHENTICATE = "authentication_required"
SUPERSEDED = "authentication_canceled"  # a held payment given up for another (CP-3)
TRIES_A_DAY = 3  # payments a customer may try for one item in a day (each one a charge)


class PaymentRefused(InputError):
    """The item cannot be paid now (already paid, being paid, closed): nothing was charged."""


@dataclass(frozen=True)
class MethodChoice:
    ref: str
    label: str
    default: bool


@dataclass(frozen=True)
class Owed:
    """What a pay-now page shows (frozen: it crosses into the page)."""

    kind: str
    reference: str
    description: str
    amount: Money
    state: str  # due | paid | processing | closed
    authenticate: bool  # CP-1: the last attempt awaits the customer's bank
    methods: tuple[MethodChoice, ...]
    stand_in: tuple[tuple[str, str], ...]  # (token, label): the sandbox's test methods


@dataclass(frozen=True)
class Paid:
    reference: str
    outcome: str  # paid | declined | pending | unknown
    amount: Money
    method: str


# Finding the item ---------------------------------------------------------------------------


def subject_of_link(session: Session, link: CustomerLink) -> tuple[SubjectRules, Any]:
    kind, _, reference = link.subject_ref.partition(":")
    rules = rules_for(settings.load_policy(session))
    found: Any = None
    if kind == "renewal":
        found = session.scalar(select(Renewal).where(Renewal.ref == reference))
    elif kind == "usage_invoice":
        found = session.scalar(select(UsageInvoice).where(UsageInvoice.ref == reference))
    elif kind == "installment":
        order_ref, _, number = reference.rpartition("#")
        if number.isdigit():
            found = session.scalar(select(Installment).join(InstallmentOrder).where(
                InstallmentOrder.ref == order_ref, Installment.number == int(number)))
    if found is None or kind not in rules or rules[kind].customer(found).id != link.customer_id:
        raise LinkRefused("payment_gone", subject=link.subject_ref)
    return rules[kind], found


def state_of(rules: SubjectRules, subject: Any) -> str:
    if subject.status == "paid":
        return "paid"
    if any(a.result in ("pending", "unknown") for a in attempts_of(rules, subject)):
        return "processing"
    if rules.kind == "renewal" and subject.status not in renewals.OPEN:
        # A cart that expired (its one service suspended) or was cancelled: paid by AR-6's
        # manual renewal of that service.
        return "due" if len(_renewable(subject)) == 1 else "closed"
    if subject.status not in ("scheduled", "failed", "open"):
        return "closed"
    if rules.kind == "installment" and (subject.order.status != "active"
                                        or subject.order.in_collection):
        return "closed"
    return "due"


def _renewable(cart: Renewal) -> list[Any]:
    """An expired cart's services that AR-6 may renew (its items, even those a reactivation
    cart took: one whose payment failed gives the service back to this cart's link)."""
    return [i.service for i in cart.items
            if i.service.status in ("suspended", "active") and i.service.billing == "period"
            and (i.service.expires_on or date.min) <= i.period_expires_on]


def attempts_of(rules: SubjectRules, subject: Any) -> list[Attempt]:
    column = {"renewal": Attempt.renewal_id, "installment": Attempt.installment_id,
              "usage_invoice": Attempt.usage_invoice_id}[rules.kind]
    session = Session.object_session(subject)
    assert session is not None
    return list(session.scalars(select(Attempt).where(column == subject.id)
                                .order_by(Attempt.number)))


def _awaiting_bank(rules: SubjectRules, subject: Any) -> Attempt | None:
    """CP-1: the last attempt, if the customer's bank must authenticate it."""
    attempts = attempts_of(rules, subject)
    last = attempts[-1] if attempts else None
    if last is not None and last.result == "declined" \
            and last.decline_code == MUST_AUTHENTICATE and last.processor_ref:
        return last
    return None


def _amount(session: Session, rules: SubjectRules, subject: Any) -> Money:
    """What paying now takes: the item's amount, or for an expired cart AR-6's manual renewal
    (one period, and the reactivation fee for a suspended service)."""
    if rules.kind == "renewal" and subject.status not in renewals.OPEN:
        services = _renewable(subject)
        if len(services) == 1:
            service = services[0]
            fee = renewals.reactivation_fee(service, settings.load_policy(session))
            return Money(renewals.period_charge(session, service, fee), service.currency)
    return Money(*rules.amount(subject))


def description_of(rules: SubjectRules, subject: Any) -> str:
    if rules.kind == "renewal":
        return ", ".join(i.service.label for i in renewals.active_items(subject))
    if rules.kind == "installment":
        order = subject.order
        return f"{order.product} ({subject.number}/{order.installments_count})"
    return f"{subject.service.label} ({subject.period})"


def _stand_in(processor: Processor) -> tuple[tuple[str, str], ...]:
    """The test cards a page of ours offers in place of the processor's own page (sandbox)."""
    return tuple((t, f"{d.brand} •••• {d.last4}") for t, d in processor.stand_in_methods().items()
                 if d.type == "card")


def owed(ctx: Context, token: str) -> Owed:
    """What the link's page shows; opening it changes nothing."""
    with ctx.factory() as session:
        link = signed_link(session, token, ACTION)
        rules, subject = subject_of_link(session, link)
        customer = rules.customer(subject)
        amount = _amount(session, rules, subject)
        methods = tuple(MethodChoice(m.ref, m.label(), n == 0) for n, m in enumerate(
            payment_methods.ordered(customer)) if m.chargeable(ctx.clock.today))
        stand_in = _stand_in(ctx.processor)
        return Owed(rules.kind, rules.reference(subject), description_of(rules, subject), amount,
                    state_of(rules, subject), _awaiting_bank(rules, subject) is not None, methods,
                    stand_in)


@dataclass(frozen=True)
class BankStep:
    """CP-1 on Stripe: what Stripe.js needs on the page (the secret is never stored or logged)."""

    publishable_key: str
    client_secret: str
    payment_method: str  # the card it was tried with: Stripe.js confirms the intent with it


def bank_step(ctx: Context, token: str) -> BankStep | None:
    """What the page needs to let the customer's bank confirm the waiting payment with the
    processor's own step; None when the page stands in for it (the sandbox) or nothing waits."""
    with ctx.factory() as session:
        link = signed_link(session, token, ACTION)
        rules, subject = subject_of_link(session, link)
        waiting = _awaiting_bank(rules, subject)
        ref = waiting.processor_ref if waiting is not None else None
        method = waiting.payment_method.token if waiting is not None else ""
        publishable = settings.get(session, "stripe_publishable_key") or ""
    secret = ctx.processor.authentication(ref) if ref else None
    return BankStep(publishable, secret, method) if secret else None


# Paying -------------------------------------------------------------------------------------


def pay(ctx: Context, lock_url: URL | str, token: str, how: str, method: str = "") -> Paid:
    """`how`: "authenticated" (CP-1: the bank's step is done, or stood in for), "saved" (one of
    the customer's methods, by ref) or "new" (one of the methods the page offered in place of
    the processor's page, by token)."""
    require_ready(ctx.processor)  # Stripe chosen without its key: nothing is attempted
    try:
        with exclusive_run(lock_url, PAY_WAIT_S):  # CP-3
            if how == "authenticated":  # this payment first: its customer is waiting for it
                return _completed(ctx, token)
            settle(ctx)  # what an earlier payment of anything left open, first
            return _pay_with(ctx, token, how, method)
    except RunInProgress:
        raise PaymentRefused("payment_under_way") from None


def _open(session: Session, token: str, today: date) -> tuple[CustomerLink, SubjectRules, Any]:
    link = signed_link(session, token, ACTION)
    if link_state(link, today) == "expired":
        raise LinkRefused("link_expired", on=link.expires_on)
    rules, subject = subject_of_link(session, link)
    state = state_of(rules, subject)
    if state == "paid" or link.used_on is not None:
        raise PaymentRefused("payment_already_made", subject=rules.reference(subject))
    if state == "processing":
        raise PaymentRefused("payment_under_way")
    if state == "closed":
        raise PaymentRefused("payment_closed", subject=rules.reference(subject))
    return link, rules, subject


def _completed(ctx: Context, token: str) -> Paid:
    """CP-1: the payment that awaited the bank, as the processor now says it is."""
    today = ctx.clock.today
    with ctx.factory() as session:
        _link, rules, subject = _open(session, token, today)
        attempt = _awaiting_bank(rules, subject)
        if attempt is None or attempt.processor_ref is None:
            raise PaymentRefused("payment_nothing_to_complete")
        ref, attempt_id = attempt.processor_ref, attempt.id
    stand_in = getattr(ctx.processor, "authenticate", None)
    if stand_in is not None and ctx.processor.authentication(ref) is None:
        stand_in(ref)  # the sandbox's stand-in for the bank's step
    outcome = ctx.processor.retrieve(ref)
    if outcome is None or outcome.status != "succeeded":
        raise PaymentRefused("payment_not_completed")
    return record_answer(ctx, attempt_id, outcome, "authenticated")


def _pay_with(ctx: Context, token: str, how: str, method_ref: str) -> Paid:
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.factory() as session:
        _link, rules, subject = _open(session, token, today)
        held = _awaiting_bank(rules, subject)
        held_id, held_ref = (held.id, held.processor_ref) if held is not None else (None, None)
        tried = sum(1 for a in attempts_of(rules, subject) if a.round == 0 and a.on == today)
        if tried >= TRIES_A_DAY:
            raise PaymentRefused("payment_too_many_tries")
    if held_id is not None and held_ref is not None:
        # CP-3: the payment held for the bank is given up before another is made; if the
        # customer completed it meanwhile, that is the payment.
        done = _held_outcome(ctx, held_ref)
        if done is not None:
            return record_answer(ctx, held_id, done, "authenticated")
    with ctx.write_lock, ctx.factory() as session:
        _link, rules, subject = _open(session, token, today)
        if held_id is not None:
            superseded = session.get(Attempt, held_id)
            assert superseded is not None
            superseded.decline_code = SUPERSEDED
        customer = rules.customer(subject)
        method = _method(session, ctx.processor, customer, how, method_ref, today, now)
        if rules.kind == "renewal" and subject.status not in renewals.OPEN:
            subject = _reactivation_cart(session, ctx, subject, method)
        amount = rules.amount(subject)
        key = f"cp-{uuid.uuid4().hex}"
        attempt = Attempt(idempotency_key=key, number=len(attempts_of(rules, subject)) + 1,
                          round=0, manual=True, on=today, payment_method=method,
                          amount_minor=amount[0], currency=amount[1], result="unknown",
                          created_at=now, **{f"{rules.kind}_id": subject.id})
        session.add(attempt)
        session.commit()  # SC-2: the attempt and its key, before the call
        request = charge_request(rules, subject, method, key, amount)
        attempt_id, label = attempt.id, method.label()
    try:
        outcome: ChargeOutcome | None = ctx.processor.charge(request, today)
    except ProcessorUnavailable:
        outcome = None  # unknown: `settle` asks the processor; nothing else charges it meanwhile
    if outcome is None:
        return Paid(request.metadata["subject"], "unknown", Money(*amount), label)
    return record_answer(ctx, attempt_id, outcome, how)


def _held_outcome(ctx: Context, ref: str) -> ChargeOutcome | None:
    """The held payment if it went through; else it is cancelled at the processor (and asked
    again, in case the customer's bank confirmed it just before the cancel)."""
    outcome = ctx.processor.retrieve(ref)
    if outcome is not None and outcome.status == "succeeded":
        return outcome
    ctx.processor.cancel(ref)
    outcome = ctx.processor.retrieve(ref)
    return outcome if outcome is not None and outcome.status == "succeeded" else None


def record_answer(ctx: Context, attempt_id: int, outcome: ChargeOutcome, how: str) -> Paid:
    """What the processor said of a customer's payment, written: paid, pending or declined."""
    now = ctx.clock.now()
    with ctx.write_lock, ctx.factory() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        rules = rules_for(settings.load_policy(session))[attempt_kind(attempt)]
        subject = _subject_of(session, rules, attempt)
        for column, value in settled(outcome, now).items():
            setattr(attempt, column, value)
        block_if_hard(attempt.payment_method, outcome)
        amount, label = Money(attempt.amount_minor, attempt.currency), attempt.payment_method.label()
        reference = rules.reference(subject)
        if outcome.status == "succeeded":
            if subject.status == "paid":  # paid meanwhile otherwise: never expected (CP-3)
                record_event(session, "payment.duplicate", reference, ctx.clock.today, now,
                             {"attempt": attempt.idempotency_key})
                session.commit()
                return Paid(reference, "paid", amount, label)
            return _conclude(session, ctx, rules, subject, attempt, how)
        if outcome.status == "pending":
            rules.on_pending(session, subject)  # a debit under way: no retry meanwhile
        else:
            _give_up_cart(session, rules, subject)
            record_event(session, "payment.customer_failed", reference, ctx.clock.today, now,
                         {"attempt": attempt.idempotency_key, "decline_code":
                          outcome.decline_code})
        session.commit()
        return Paid(reference, "declined" if outcome.status == "declined" else outcome.status,
                    amount, label)


def _give_up_cart(session: Session, rules: SubjectRules, subject: Any) -> None:
    """A reactivation cart (AR-6 from the customer's page) whose payment failed goes, so the
    service can be renewed again later."""
    if rules.kind == "renewal" and subject.status == "scheduled" and \
            subject.next_attempt_on is None and subject.charge_on == subject.notice_on:
        subject.status = "cancelled"
        for item in subject.items:
            item.removed = True


def _subject_of(session: Session, rules: SubjectRules, attempt: Attempt) -> Any:
    subject_id = getattr(attempt, f"{rules.kind}_id")
    return rules.load_many(session, [subject_id])[subject_id]


def attempt_kind(attempt: Attempt) -> str:
    if attempt.renewal_id is not None:
        return "renewal"
    return "installment" if attempt.installment_id is not None else "usage_invoice"


def _method(session: Session, processor: Processor, customer: Customer, how: str, ref: str,
            today: date, now: datetime) -> PaymentMethod:
    if how == "saved":
        method = next((m for m in customer.payment_methods if m.ref == ref), None)
        if method is None or not method.chargeable(today):
            raise PaymentRefused("payment_method_unusable")
        return method
    if how != "new" or ref not in dict(_stand_in(processor)):  # only what the page offered
        raise PaymentRefused("payment_method_unusable")
    data = method_from_processor(session, processor, customer, ref)
    if data is None:
        raise PaymentRefused("payment_method_unusable")
    method = payment_methods.add_method(session, processor, customer, data, today, now)
    if not method.accepted:
        raise PaymentRefused("payment_method_refused")
    return method


def _reactivation_cart(session: Session, ctx: Context, cart: Renewal,
                       method: PaymentMethod) -> Renewal:
    """AR-6 from the customer's page: the expired cart's one service in a manual renewal
    cart (made with the payment; dropped if it fails)."""
    services = _renewable(cart)
    if len(services) != 1:
        raise PaymentRefused("payment_closed", subject=cart.ref)
    service = services[0]
    service.payment_method = method
    policy = settings.load_policy(session)
    new = renewals.manual_renewal_cart(session, service, policy, ctx.clock.today,
                                       ctx.clock.now(), f"customer:{cart.customer.ref}")
    session.flush()
    return new


def _conclude(session: Session, ctx: Context, rules: SubjectRules, subject: Any,
              attempt: Attempt, how: str) -> Paid:
    """The item paid as by its own attempt; its pay-now links used; who paid it and how,
    recorded."""
    today, now = ctx.clock.today, ctx.clock.now()
    rules.on_paid(session, subject, attempt.payment_method, today, now)
    invoices.invoice_payments(session, [invoices.Paid(attempt.id, rules.kind, subject)], today,
                              now)  # IV-1: in the unit of work that records it paid
    reference = rules.reference(subject)
    for link in session.scalars(select(CustomerLink).where(
            CustomerLink.action == ACTION, CustomerLink.used_on.is_(None),
            CustomerLink.subject_ref.in_(_link_refs(session, rules, subject, reference)))):
        link.used_on = today
    record_event(session, "payment.by_customer", reference, today, now,
                 {"attempt": attempt.idempotency_key, "how": how,
                  "payment_method": attempt.payment_method.ref,
                  "amount": Money(attempt.amount_minor, attempt.currency).text()})
    audit(session, f"customer:{rules.customer(subject).ref}", "pay_now", reference, today, now,
          None, {"how": how, "attempt": attempt.idempotency_key})
    session.commit()
    return Paid(reference, "paid", Money(attempt.amount_minor, attempt.currency),
                attempt.payment_method.label())


def _link_refs(session: Session, rules: SubjectRules, subject: Any, reference: str) -> list[str]:
    """The pay-now links this payment answers: the item's own, and for a reactivation cart the
    expired cart's whose service it renews."""
    refs = [pay_subject(rules.kind, reference)]
    if rules.kind == "renewal":
        services = [i.service_id for i in subject.items]
        refs += [pay_subject("renewal", r) for r in session.scalars(
            select(Renewal.ref).join(RenewalItem).where(RenewalItem.service_id.in_(services),
                                                        Renewal.status.not_in(renewals.OPEN)))]
    return refs


# Settling (the run's first step, and every customer payment's) ---------------------------------


def settle(ctx: Context) -> int:
    """Customers' payments whose answer never came or is pending, and payments held for the
    bank whose item is still unpaid, asked of the processor and written (SC-2): paid, still
    pending, or declined (one the processor never received is declined as such, never sent
    again). Called under the run lock; returns how many were settled."""
    today = ctx.clock.today
    with ctx.factory() as session:
        open_ = [(a.id, a.idempotency_key, a.processor_ref) for a in session.scalars(
            select(Attempt).where(Attempt.round == 0, Attempt.manual.is_(True),
                                  Attempt.result.in_(("unknown", "pending"))))]
        held = [(a.id, a.processor_ref) for a in _held(session)]
    settled_count = 0
    for attempt_id, key, _ref in open_:
        outcome = ctx.processor.lookup(key, {"attempt": key}, today)
        if outcome is None:
            outcome = ChargeOutcome("declined", None, "not_received")
        if outcome.status != "pending":
            record_answer(ctx, attempt_id, outcome, "settled")
            settled_count += 1
    for attempt_id, ref in held:
        if ref is None:
            continue
        outcome = ctx.processor.retrieve(ref)
        if outcome is not None and outcome.status == "succeeded":
            record_answer(ctx, attempt_id, outcome, "authenticated")
            settled_count += 1
    return settled_count


def _held(session: Session) -> list[Attempt]:
    """The last attempts of unpaid items that wait for the customer's bank (CP-1): one query
    per kind of item, however many items wait."""
    found: list[Attempt] = []
    for model, column in ((Renewal, Attempt.renewal_id), (Installment, Attempt.installment_id),
                          (UsageInvoice, Attempt.usage_invoice_id)):
        last: dict[int, Attempt] = {}
        for attempt in session.scalars(select(Attempt).join(model, column == model.id).where(
                model.stopped_code == MUST_AUTHENTICATE, model.status != "paid")
                .order_by(Attempt.number)):
            last[getattr(attempt, column.key)] = attempt  # the highest number wins
        found += [a for a in last.values() if a.result == "declined"
                  and a.decline_code == MUST_AUTHENTICATE and a.processor_ref]
    return found
