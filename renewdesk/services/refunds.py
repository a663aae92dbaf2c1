"""RF-1: the account manager gives back all or part of a successful payment.

A payment is a succeeded attempt; its reference is its item's and its number (`R-1/1`,
`ORD-7#2/1`), which is what the export and the payment history show. A refund is checked
(reason given, never more than was paid less earlier refunds), then committed with its own
idempotency key *before* the processor is called, as a charge is (SC-2); the answer is written
when it comes. One left without an answer (a crash, a timeout) is settled at the next run, or
the next refund of that payment, by asking the processor what it holds under that key, and is
sent again with the same key only when the processor never received it. A refund alone changes
no service's expiry.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from renewdesk.domain import roles
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.run_words import Problem
from renewdesk.domain.sensitive import never_sensitive
from renewdesk.domain.sync_words import Change
from renewdesk.notify import formatting as fmt
from renewdesk.notify import outbox
from renewdesk.payments.choice import require_ready
from renewdesk.payments.processor import (
    PaymentState,
    ProcessorUnavailable,
    RefundRefused,
    RefundRequest,
    RefundState,
)
from renewdesk.services import invoices
from renewdesk.services.context import Context
from renewdesk.services.journal import audit, record_event
from renewdesk.services.mail import customer_mail
from renewdesk.store.models import (
    Attempt,
    Customer,
    Installment,
    InstallmentOrder,
    Refund,
    Renewal,
    RenewalItem,
    Service,
    UsageInvoice,
)
from renewdesk.store.runlock import exclusive_run

# What the processor's answer makes of a refund: counted against what is left to refund while
# it may still go through.
COUNTED = ("unknown", "pending", "succeeded")
PROCESSOR = "processor"  # who made a refund read from the processor (its dashboard)
DONE = ("succeeded", "pending")  # the customer is told; the processor holds it
REASON_MAX = 500
REFUND_WAIT_S = 30  # a refund waits this long for a run under way


@dataclass(frozen=True)
class RefundResult:
    payment: str
    refund: str  # the refund's reference (`R-1/1/1`)
    amount: Money
    status: str  # succeeded | pending | unknown (the next run asks) | refused
    refusal: str | None = None


@dataclass(frozen=True)
class PaymentInfo:
    """A payment as the refund dialog shows it before anything is done."""

    ref: str
    customer_ref: str
    customer_name: str
    description: str
    paid: Money
    refunded: Money  # succeeded or still under way
    refundable: Money
    method: str
    on: date


def payment_ref(subject_reference: str, number: int) -> str:
    return f"{subject_reference}/{number}"


def refund_ref(payment: str, number: int) -> str:
    return f"{payment}/{number}"


def subject_reference(session: Session, attempt: Attempt) -> str:
    """The reference of what an attempt paid (a renewal, an installment, a usage invoice)."""
    if attempt.renewal_id is not None:
        return session.scalar(select(Renewal.ref).where(Renewal.id == attempt.renewal_id)) or "?"
    if attempt.installment_id is not None:
        row = session.execute(select(InstallmentOrder.ref, Installment.number).join(
            Installment.order).where(Installment.id == attempt.installment_id)).one()
        return f"{row[0]}#{row[1]}"
    return session.scalar(select(UsageInvoice.ref).where(
        UsageInvoice.id == attempt.usage_invoice_id)) or "?"


def ref_of(session: Session, attempt: Attempt) -> str:
    return payment_ref(subject_reference(session, attempt), attempt.number)


def find_payment(session: Session, ref: str) -> Attempt:
    """The succeeded attempt a payment reference names; bad input if none."""
    subject, _, number_text = ref.strip().rpartition("/")
    if not subject or not number_text.isdigit():
        raise InputError("payment_unknown", payment=ref)
    number = int(number_text)
    candidates: list[Any] = []
    order_ref, hash_, installment_text = subject.rpartition("#")
    if hash_ and installment_text.isdigit():
        candidates.append(select(Attempt).join(Installment, Attempt.installment_id ==
                                               Installment.id).join(Installment.order).where(
            InstallmentOrder.ref == order_ref, Installment.number == int(installment_text)))
    candidates.append(select(Attempt).join(Renewal, Attempt.renewal_id == Renewal.id)
                      .where(Renewal.ref == subject))
    candidates.append(select(Attempt).join(UsageInvoice, Attempt.usage_invoice_id ==
                                           UsageInvoice.id).where(UsageInvoice.ref == subject))
    for query in candidates:
        attempt: Attempt | None = session.scalar(query.where(Attempt.number == number))
        if attempt is not None:
            if attempt.result != "succeeded":
                raise InputError("payment_not_refundable", payment=ref, why="not_succeeded")
            return attempt
    raise InputError("payment_unknown", payment=ref)


def disputed(attempt: Attempt) -> bool:
    """RF-2: a payment with a dispute open, or lost (the bank gave the money back), is not
    refunded again; the dispute is answered at the processor."""
    return any(d.status not in ("won", "warning_closed") for d in attempt.disputes)


def counted(refunds: Iterable[Refund]) -> int:
    return sum(r.amount_minor for r in refunds if r.status in COUNTED)


def _customer(session: Session, attempt: Attempt) -> Customer:
    customer = session.get(Customer, attempt.payment_method.customer_id)
    assert customer is not None
    return customer


def payment_info(session: Session, ref: str) -> PaymentInfo:
    attempt = find_payment(session, ref)
    customer = _customer(session, attempt)
    paid = Money(attempt.amount_minor, attempt.currency)
    refunded = counted(attempt.refunds)
    left = 0 if disputed(attempt) else max(0, attempt.amount_minor - refunded)
    return PaymentInfo(ref_of(session, attempt), customer.ref, customer.name,
                       _description(session, attempt), paid,
                       Money(refunded, attempt.currency), Money(left, attempt.currency),
                       attempt.payment_method.label(), attempt.on)


def _description(session: Session, attempt: Attempt) -> str:
    """What was paid, in the customer's words: the services of a renewal, an order's name."""
    if attempt.renewal_id is not None:
        names = session.scalars(select(Service.label).join(
            RenewalItem, RenewalItem.service_id == Service.id).where(
            RenewalItem.renewal_id == attempt.renewal_id).order_by(Service.ref)).all()
        return ", ".join(names) or subject_reference(session, attempt)
    if attempt.usage_invoice_id is not None:
        invoice = session.get(UsageInvoice, attempt.usage_invoice_id)
        assert invoice is not None
        return f"{invoice.service.label} ({invoice.period})"
    installment = session.get(Installment, attempt.installment_id)
    assert installment is not None
    order = installment.order
    return f"{order.product} ({installment.number}/{order.installments_count})"


def check(session: Session, ref: str, amount: Money | None, reason: str) -> tuple[Attempt, Money]:
    """RF-1's refusals, before anything is written or sent: the amount to refund."""
    attempt = find_payment(session, ref)
    if not reason.strip():
        raise InputError("refund_reason_missing", rule="RF-1")
    if attempt.processor_ref is None:
        raise InputError("payment_not_refundable", rule="RF-1", payment=ref,
                         why="not_at_processor")
    if disputed(attempt):
        raise InputError("payment_not_refundable", rule="RF-2", payment=ref, why="disputed")
    left = attempt.amount_minor - counted(attempt.refunds)
    if left <= 0:
        raise InputError("payment_not_refundable", rule="RF-1", payment=ref,
                         why="fully_refunded")
    asked = amount if amount is not None else Money(left, attempt.currency)
    if asked.currency != attempt.currency:
        raise InputError("refund_other_currency", rule="RF-1", payment=ref,
                         currency=attempt.currency, given=asked.currency)
    if asked.minor <= 0:
        raise InputError("refund_amount_invalid", rule="RF-1")
    if asked.minor > left:
        raise InputError("refund_too_large", rule="RF-1", asked=asked, payment=ref,
                         left=Money(left, attempt.currency))
    return attempt, asked


def refund(ctx: Context, lock_url: URL | str, ref: str, amount: Money | None,
           reason: str) -> RefundResult:
    """Refund `amount` (None: all that is left) of payment `ref`, with a reason. Under the run
    lock (`lock_url`: the database's), so two refunds of one payment, from two windows or a
    window and the command line, and a run's settling never meet a refund under way. An admin's
    (issue 23): refused for another role before anything is written or sent."""
    roles.check(ctx.role, roles.Power.REFUND)
    require_ready(ctx.processor)
    with exclusive_run(lock_url, REFUND_WAIT_S):
        return _refund(ctx, ref, amount, reason)


def _refund(ctx: Context, ref: str, amount: Money | None, reason: str) -> RefundResult:
    _done, problems = settle(ctx, payment=ref)  # one left unanswered counts first
    if problems:
        raise ProcessorUnavailable(problems[0])
    today, now = ctx.clock.today, ctx.clock.now()
    reason = reason.strip()[:REASON_MAX]
    with ctx.write_lock, ctx.factory() as session:
        attempt = find_payment(session, ref)
        session.refresh(attempt, with_for_update=True)  # two refunds at once: one at a time
        attempt, asked = check(session, ref, amount, reason)
        number = (session.scalar(select(func.max(Refund.number)).where(
            Refund.attempt_id == attempt.id)) or 0) + 1
        key = never_sensitive(lambda: f"rf_{uuid.uuid4().hex}")
        new = Refund(attempt=attempt, number=number, idempotency_key=key,
                     amount_minor=asked.minor, currency=asked.currency, reason=reason,
                     status="unknown", on=today, who=ctx.who, created_at=now)
        session.add(new)
        payment = ref_of(session, attempt)
        audit(session, ctx.who, "refund", payment, today, now,
              {"refunded": Money(counted(attempt.refunds) - asked.minor, asked.currency).text()},
              {"refund": refund_ref(payment, number), "amount": asked.text(), "reason": reason})
        session.commit()
        refund_id, request = new.id, _request(new, attempt, payment)
    result = _send(ctx, refund_id, request)
    outbox.flush(ctx.factory, ctx.mailer, ctx.clock.now, respect_backoff=True)  # the customer's
    return result


def _request(refund: Refund, attempt: Attempt, payment: str) -> RefundRequest:
    assert attempt.processor_ref is not None
    return RefundRequest(refund.idempotency_key, attempt.processor_ref, refund.amount_minor,
                         refund.currency, {"refund": refund.idempotency_key,
                                           "payment": payment, "reason": refund.reason[:450]})


def _send(ctx: Context, refund_id: int, request: RefundRequest) -> RefundResult:
    try:
        state: RefundState | RefundRefused | None = ctx.processor.refund(request)
    except RefundRefused as refused:
        state = refused
    except ProcessorUnavailable:
        state = None  # unknown: settled by asking, never sent blindly again
    return _record(ctx, refund_id, state)


def _record(ctx: Context, refund_id: int, state: RefundState | RefundRefused | None
            ) -> RefundResult:
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.write_lock, ctx.factory() as session:
        refund = session.get(Refund, refund_id)
        assert refund is not None
        payment = ref_of(session, refund.attempt)
        if isinstance(state, RefundRefused):
            refund.status, refund.refusal, refund.settled_at = "refused", state.code[:64], now
        elif state is not None:
            apply_state(session, refund, state, today, now)
        session.commit()
        return RefundResult(payment, refund_ref(payment, refund.number),
                            Money(refund.amount_minor, refund.currency), refund.status,
                            refund.refusal)


def answered(state: RefundState) -> str:
    """A refund's status as the processor's answer makes it (never `unknown`)."""
    return state.status if state.status in ("succeeded", "pending", "failed",
                                            "canceled") else "pending"


def apply_state(session: Session, refund: Refund, state: RefundState, today: date,
                now: datetime, tell: bool = True, was: str | None = None) -> bool:
    """What the processor says of a refund, written; the customer told once it is done
    (RF-1). True if anything changed. `was`: its status before, for one just recorded."""
    was = refund.status if was is None else was
    refund.processor_ref = state.processor_ref
    status = answered(state)
    if was == "succeeded" and status == "pending":
        return False  # an older reading: a refund done is not under way again
    refund.status = status
    if refund.status != "pending":
        refund.settled_at = refund.settled_at or now
    if was not in DONE and refund.status in DONE:
        _told(session, refund, today, now, tell)
    elif was == "pending" and refund.status in ("failed", "canceled"):
        record_event(session, "payment.refund_failed", ref_of(session, refund.attempt), today,
                     now, {"refund": refund_ref(ref_of(session, refund.attempt), refund.number),
                           "status": refund.status})
    return was != refund.status


def _told(session: Session, refund: Refund, today: date, now: datetime, tell: bool) -> None:
    attempt = refund.attempt
    payment = ref_of(session, attempt)
    amount = Money(refund.amount_minor, refund.currency)
    record_event(session, "payment.refunded", payment, today, now,
                 {"refund": refund_ref(payment, refund.number), "amount": amount.text(),
                  "reason": refund.reason, "by": refund.who})
    if tell:
        customer = _customer(session, attempt)
        left = attempt.amount_minor - counted(attempt.refunds)
        customer_mail(session, "refund_issued", customer, today, {
            "amount": fmt.money(amount, customer.language),
            "paid": fmt.money(Money(attempt.amount_minor, attempt.currency), customer.language),
            "paid_on": fmt.day(attempt.on, customer.language),
            "what": _description(session, attempt), "card": attempt.payment_method.label(),
            "in_full": left <= 0})
    # IV-2, after the e-mail it goes with (none when the refund is told to no one)
    invoices.credit_note_for_refund(session, refund, today, now, notify=tell)


def from_processor(session: Session, attempt: Attempt, state: PaymentState, today: date,
                   now: datetime, tell: bool = True) -> list[Change]:
    """SY-1: the payment's refunds as the processor holds them, written: ours settled, those
    made in its dashboard recorded as refunds (the customer told). Returns what changed."""
    changes: list[Change] = []
    by_key = {r.idempotency_key: r for r in attempt.refunds}
    by_ref = {r.processor_ref: r for r in attempt.refunds if r.processor_ref}
    payment = ref_of(session, attempt)
    for found in state.refunds:
        mine = by_ref.get(found.processor_ref) or (by_key.get(found.key) if found.key else None)
        if mine is not None:
            if apply_state(session, mine, found, today, now):  # ours: the customer is told
                changes.append(Change("refund", refund=refund_ref(payment, mine.number),
                                      status=mine.status))
            continue
        number = max((r.number for r in attempt.refunds), default=0) + 1
        # Written settled as the processor holds it, never `unknown` (which the next run would
        # send): in team mode the only refund an account manager's run may insert (0011).
        made = Refund(attempt=attempt, number=number,
                      idempotency_key=f"processor:{found.processor_ref}"[:80],
                      amount_minor=found.amount_minor, currency=found.currency,
                      reason=found.reason or "", status=answered(found),
                      processor_ref=found.processor_ref, on=today, who=PROCESSOR,
                      created_at=now)
        session.add(made)
        session.flush()
        apply_state(session, made, found, today, now, tell, was="unknown")
        changes.append(Change("refund_recorded", refund=refund_ref(payment, number)))
    return changes


def settle(ctx: Context, payment: str | None = None) -> tuple[int, list[Problem]]:
    """Refunds left without an answer (or pending), asked of the processor and written; one it
    never received is sent again with its own key (SC-2). `payment`: only that payment's.
    Called under the run lock (a refund under way holds it). One that cannot be asked now is
    named in the problems and left for the next time; the others go on."""
    today = ctx.clock.today
    with ctx.factory() as session:
        query = select(Refund.id, Refund.status, Attempt.processor_ref, Refund.idempotency_key
                       ).join(Refund.attempt).where(Refund.status.in_(("unknown", "pending")))
        if payment is not None:
            try:
                query = query.where(Refund.attempt_id == find_payment(session, payment).id)
            except InputError:
                return 0, []  # `refund` refuses it with its reason
        open_ = list(session.execute(query))
    done, problems = 0, []
    for refund_id, status, processor_ref, key in open_:
        if processor_ref is None:
            continue
        try:
            state = ctx.processor.payment(processor_ref, today)
            found = next((r for r in state.refunds if r.key == key), None) if state else None
            if found is None and status == "unknown":
                with ctx.factory() as session:
                    refund = session.get(Refund, refund_id)
                    assert refund is not None
                    request = _request(refund, refund.attempt, ref_of(session, refund.attempt))
                _send(ctx, refund_id, request)  # never received: sent again, the same key
                done += 1
            elif found is not None:
                _record(ctx, refund_id, found)
                done += 1
        except ProcessorUnavailable as error:
            problems.append(Problem("refund_unsettled", error=error))
    return done, problems
