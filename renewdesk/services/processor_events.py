"""SY-1: in step with the processor. What happened there after the call came back (a SEPA debit
settled days later, a refund or a dispute made in its dashboard, a card renewed by the networks,
a method detached) is read from its events at the start of every run and by "Sync now".

Each event is applied once, by its id, in one unit of work with what it changed and the feed's
cursor, so a crash between two events applies nothing twice and skips nothing. The event only
says where to look: the object is read again from the processor, never taken from the event's
copy, so the events can come in any order (or twice) and the end state is the same. A payment's
conclusion (the item paid, or a failure with its retries) is left to the engine's first step,
which settles every round whose attempts are answered (run_due.settle_rounds).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.run_words import Problem
from renewdesk.domain.sync_words import Change, Said
from renewdesk.notify import formatting as fmt
from renewdesk.payments.processor import (
    DisputeState,
    MethodState,
    PaymentState,
    ProcessorEvent,
    ProcessorUnavailable,
)
from renewdesk.services import refunds, renewals
from renewdesk.services.attempts import block_if_hard, settled
from renewdesk.services.context import Context
from renewdesk.services.journal import record_event
from renewdesk.services.mail import dispute_words, seller_alert
from renewdesk.services.pacing import Pacer
from renewdesk.services.payment_methods import CHANGED, change_data, describe, update_method
from renewdesk.services.processor_sync import as_input
from renewdesk.store import settings
from renewdesk.store.models import (
    Attempt,
    Customer,
    Dispute,
    PaymentMethod,
    ProcessorEventSeen,
    RenewalItem,
    Service,
    UsageInvoice,
)

log = logging.getLogger(__name__)
PAYMENT_KINDS = ("payment_intent.succeeded", "payment_intent.payment_failed")
REFUND_KINDS = ("charge.refunded",)
DISPUTE_KINDS = ("charge.dispute.created", "charge.dispute.closed")
METHOD_KINDS = ("payment_method.automatically_updated", "payment_method.detached")
CLOSED = ("won", "lost", "warning_closed")
KEEP_SEEN_DAYS = 60  # twice what Stripe keeps: an event older than that never comes again


@dataclass(frozen=True)
class SyncReport:
    read: int = 0
    applied: int = 0  # events that changed something
    changes: tuple[Change, ...] = ()  # each in English as a str, in words by in_words
    lost_before: datetime | None = None  # events before this the processor no longer keeps
    problem: str | None = None  # the processor could not be read to the end


def cursor_name(ctx: Context) -> str:
    """Each processor (and Stripe's two modes) has its own feed, so its own cursor."""
    mode = "live" if getattr(ctx.processor, "live", False) else "test"
    return f"events_cursor.{ctx.processor.name}.{mode}"


def sync(ctx: Context, progress: Callable[[int, int], None] | None = None,
         cancel: threading.Event | None = None, pacer: Pacer | None = None) -> SyncReport:
    """Read the processor's events since the cursor and apply each once (SY-1); its calls
    paced as the run's are (SY-2), a 429 asked again."""
    send = _sender(pacer, cancel)
    name = cursor_name(ctx)
    with ctx.factory() as session:
        text = settings.get(session, name)
        # The first read ever: refunds made long ago at the processor are recorded, not e-mailed.
        quiet = settings.get(session, f"{name}.read") is None
    try:
        page = send(lambda: ctx.processor.events(int(text) if text else None, ctx.clock.today))
    except ProcessorUnavailable as error:
        return SyncReport(problem=Problem("events_unreadable", error=error))
    report = SyncReport(read=len(page.events), lost_before=_instant(page.lost_before))
    seen = _seen(ctx, [e.id for e in page.events])
    todo = [e for e in page.events if e.id not in seen]
    changes: list[Change] = []
    applied = 0
    for done, event in enumerate(todo, start=1):
        if cancel is not None and cancel.is_set():
            break
        try:
            changed = _apply(ctx, event, name, quiet, send)
        except ProcessorUnavailable as error:
            return replace(report, applied=applied, changes=tuple(changes),
                           problem=Problem("event_unanswered", event=event.id, error=error))
        except InputError as error:  # what the processor holds, renewdesk refuses: named once
            changed = [_refused(ctx, event, name, error)]
            log.warning("event %s (%s) not applied: %s", event.id, event.type, error)
        if changed:
            applied += 1
            changes.extend(changed)
        if progress is not None:
            progress(done, len(todo))
    _forget_old(ctx)
    if quiet:
        with ctx.write_lock, ctx.factory() as session:
            settings.put(session, f"{name}.read", ctx.clock.today.isoformat())
            session.commit()
    return replace(report, applied=applied, changes=tuple(changes))


def _instant(position: int | None) -> datetime | None:
    return datetime.fromtimestamp(position, UTC) if position is not None else None


def _seen(ctx: Context, ids: list[str]) -> set[str]:
    found: set[str] = set()
    with ctx.factory() as session:
        for start in range(0, len(ids), 500):
            found.update(session.scalars(select(ProcessorEventSeen.id).where(
                ProcessorEventSeen.id.in_(ids[start:start + 500]))))
    return found


def _forget_old(ctx: Context) -> None:
    with ctx.write_lock, ctx.factory() as session:
        session.execute(delete(ProcessorEventSeen).where(
            ProcessorEventSeen.applied_at < ctx.clock.now() - timedelta(days=KEEP_SEEN_DAYS)))
        session.commit()


Reread = PaymentState | DisputeState | MethodState | None


def _sender(pacer: Pacer | None, cancel: threading.Event | None) -> Any:
    if pacer is None:
        return lambda call: call()
    return lambda call: pacer.send(call, cancel)


def _apply(ctx: Context, event: ProcessorEvent, cursor: str, quiet: bool, send: Any
           ) -> list[Change]:
    """One event: the object read again (outside the write lock), then one unit of work with
    its changes, the event's id and the cursor. Returns what changed (none for nothing); the
    event seen keeps it in English, as data."""
    today, now = ctx.clock.today, ctx.clock.now()
    fresh = send(lambda: _reread(ctx, event))
    with ctx.write_lock, ctx.factory() as session:
        if session.get(ProcessorEventSeen, event.id) is not None:
            return []  # applied meanwhile (another sync)
        changes = _change(ctx, session, event, fresh, today, now, quiet)
        session.add(ProcessorEventSeen(id=event.id, type=event.type, position=event.position,
                                       applied_at=now,
                                       change=("; ".join(changes) or "nothing")[:500]))
        current = settings.get(session, cursor)
        if current is None or int(current) < event.position:
            settings.put(session, cursor, str(event.position))
        session.commit()
    return changes


def _refused(ctx: Context, event: ProcessorEvent, cursor: str, error: InputError) -> Change:
    """An event whose object renewdesk refuses (say, an expiry it cannot hold) is marked seen
    with the refusal, so that it neither stops every run nor is applied later by surprise."""
    change = Change("not_applied", error=error)
    with ctx.write_lock, ctx.factory() as session:
        session.add(ProcessorEventSeen(id=event.id, type=event.type, position=event.position,
                                       applied_at=ctx.clock.now(), change=change[:500]))
        current = settings.get(session, cursor)
        if current is None or int(current) < event.position:
            settings.put(session, cursor, str(event.position))
        session.commit()
    return change


def _reread(ctx: Context, event: ProcessorEvent) -> Reread:
    today = ctx.clock.today
    if event.type in PAYMENT_KINDS:
        if not _payment_open(ctx, event.object_id):
            return None  # known and settled here: nothing to ask
        return ctx.processor.payment(event.object_id, today)
    if event.type in REFUND_KINDS:
        return ctx.processor.payment(event.object_id, today)
    if event.type in DISPUTE_KINDS:
        return ctx.processor.dispute(event.object_id)
    if event.type in METHOD_KINDS:
        if not _method_known(ctx, event.object_id):
            return None  # not one of ours: nothing to ask
        return ctx.processor.method_state(event.object_id)
    return None


def _method_known(ctx: Context, token: str) -> bool:
    with ctx.factory() as session:
        return session.scalar(select(PaymentMethod.id).where(
            PaymentMethod.token == token, PaymentMethod.removed_on.is_(None)).limit(1)) is not None


def _payment_open(ctx: Context, processor_ref: str) -> bool:
    """Whether a payment event can change anything: an attempt of ours still open (unknown or
    pending), or one we do not know by that id yet (its answer never came: found by its key).
    A payment held for the customer's bank is the customer payments' own settling (CP-1)."""
    with ctx.factory() as session:
        results = session.scalars(select(Attempt.result).where(
            Attempt.processor_ref == processor_ref)).all()
    return not results or any(r in ("unknown", "pending") for r in results)


def _change(ctx: Context, session: Session, event: ProcessorEvent, fresh: Reread, today: date,
            now: datetime, quiet: bool) -> list[Change]:
    if isinstance(fresh, PaymentState) and event.type in PAYMENT_KINDS:
        return _payment(session, event, fresh, now)
    if isinstance(fresh, PaymentState):
        attempt = _attempt_of(session, event.object_id, fresh)
        if attempt is None or attempt.result != "succeeded":
            return []
        return refunds.from_processor(session, attempt, fresh, today, now, tell=not quiet)
    if isinstance(fresh, DisputeState):
        return _dispute(ctx, session, fresh, today, now)
    if event.type in METHOD_KINDS:
        state = fresh if isinstance(fresh, MethodState) else None
        return _method(ctx, session, event.object_id, state, today, now)
    return []


def _attempt_of(session: Session, processor_ref: str, state: PaymentState | None
                ) -> Attempt | None:
    attempt = session.scalar(select(Attempt).where(Attempt.processor_ref == processor_ref)
                             .order_by(Attempt.id.desc()).limit(1))
    if attempt is None and state is not None:
        if state.outcome.processor_ref:
            attempt = session.scalar(select(Attempt).where(
                Attempt.processor_ref == state.outcome.processor_ref).limit(1))
        if attempt is None and state.key:
            attempt = session.scalar(select(Attempt).where(Attempt.idempotency_key == state.key))
    return attempt


def _payment(session: Session, event: ProcessorEvent, state: PaymentState,
             now: datetime) -> list[Change]:
    """A payment concluded at the processor (a SEPA debit days later, a payment whose answer
    never came): its attempt's outcome written, as the engine writes an answer; the round's
    conclusion follows in the engine's first step. A customer's own payment (round 0) and one
    held for the customer's bank are concluded by the customer payments' own settling (CP-1,
    CP-2), which follows the events and reads the payment again too."""
    attempt = _attempt_of(session, event.object_id, state)
    outcome = state.outcome
    if attempt is None or attempt.result not in ("unknown", "pending") \
            or outcome.status == attempt.result:
        return []
    if attempt.round == 0:  # a customer's own payment: written, and concluded, by its settling
        return []
    for column, value in settled(outcome, now).items():
        setattr(attempt, column, value)
    block_if_hard(attempt.payment_method, outcome)
    return [Change("payment", payment=refunds.ref_of(session, attempt), status=outcome.status)]


def _dispute(ctx: Context, session: Session, state: DisputeState, today: date,
             now: datetime) -> list[Change]:
    """RF-2: the payment marked disputed, the account manager alerted, what it paid for
    suspended when `dispute_suspends` is on; its outcome recorded when it closes."""
    attempt = _attempt_of(session, state.payment_ref, None)
    if attempt is None:
        return []
    payment = refunds.ref_of(session, attempt)
    policy = settings.load_policy(session)
    customer = session.get(Customer, attempt.payment_method.customer_id)
    assert customer is not None
    amount = Money(state.amount_minor, state.currency)
    dispute = session.scalar(select(Dispute).where(Dispute.processor_ref == state.processor_ref))
    changes: list[Change] = []
    if dispute is None:
        dispute = Dispute(attempt=attempt, processor_ref=state.processor_ref,
                          amount_minor=state.amount_minor, currency=state.currency,
                          reason=state.reason, status=state.status,
                          respond_by=state.respond_by, opened_on=today, suspended=[])
        session.add(dispute)
        if policy.dispute_suspends and state.status not in CLOSED:
            dispute.suspended = _suspend(session, attempt, payment, today, now)
        record_event(session, "payment.disputed", payment, today, now,
                     {"amount": amount.text(), "reason": state.reason,
                      "respond_by": state.respond_by.isoformat() if state.respond_by else None,
                      "suspended": list(dispute.suspended)})
        language = policy.seller_language
        seller_alert(session, policy, today, reason="dispute_opened", customer=customer,
                     subject=payment, amount=amount, decline_code=None, next_attempt_on=None,
                     dispute_reason=dispute_words(state.reason, language),
                     respond_by=fmt.day(state.respond_by, language) if state.respond_by
                     else None, suspended=", ".join(dispute.suspended))
        changes.append(Change("payment_disputed", payment=payment))
    else:
        dispute.status, dispute.respond_by = state.status, state.respond_by
    if state.status in CLOSED and dispute.closed_on is None:
        dispute.closed_on = today
        reactivated = _reactivate(session, dispute, today, now) if state.status != "lost" else []
        record_event(session, "payment.dispute_closed", payment, today, now,
                     {"outcome": state.status, "amount": amount.text(),
                      "reactivated": reactivated})
        seller_alert(session, policy, today, reason="dispute_closed", customer=customer,
                     subject=payment, amount=amount, decline_code=None, next_attempt_on=None,
                     outcome=dispute_words(state.status, policy.seller_language))
        changes.append(Change("dispute_closed", payment=payment, outcome=Said(
            {language: dispute_words(state.status, language) for language in ("en", "fr")})))
    return changes


def _services_paid(session: Session, attempt: Attempt) -> list[Service]:
    if attempt.renewal_id is not None:
        return list(session.scalars(select(Service).join(
            RenewalItem, RenewalItem.service_id == Service.id).where(
            RenewalItem.renewal_id == attempt.renewal_id).order_by(Service.ref)))
    if attempt.usage_invoice_id is not None:
        invoice = session.get(UsageInvoice, attempt.usage_invoice_id)
        return [invoice.service] if invoice is not None else []
    return []  # an installment pays an order, not a service


def _suspend(session: Session, attempt: Attempt, payment: str, today: date,
             now: datetime) -> list[str]:
    """The services the payment paid for, held by the dispute: those active are suspended and
    leave their open renewal cart (nothing is charged for them meanwhile, AR-8); all are named,
    so that one dispute won gives back only what no other dispute still holds."""
    held = []
    for service in _services_paid(session, attempt):
        if service.status in ("active", "suspended"):
            held.append(service.ref)
        if service.status == "active":
            service.status = "suspended"
            record_event(session, "service.suspended", service.ref, today, now,
                         {"because": "dispute", "payment": payment})
            renewals.drop_service(session, service, today, now,
                                  reason=f"payment {payment} is disputed")
    return held


def _reactivate(session: Session, dispute: Dispute, today: date, now: datetime) -> list[str]:
    """A dispute won gives back what it held, if its period is not over and no other dispute
    of it is still open or was lost."""
    others = session.scalars(select(Dispute).where(
        Dispute.id != dispute.id, Dispute.status != "won",
        Dispute.status != "warning_closed")).all()
    still_held = {ref for other in others for ref in other.suspended}
    back = []
    for service in session.scalars(select(Service).where(Service.ref.in_(dispute.suspended))):
        if service.ref in still_held:
            continue
        if service.status == "suspended" and (service.expires_on is None
                                              or service.expires_on >= today):
            service.status = "active"
            record_event(session, "service.reactivated", service.ref, today, now,
                         {"because": "dispute_won"})
            back.append(service.ref)
    return back


def _method(ctx: Context, session: Session, token: str, state: MethodState | None,
            today: date, now: datetime) -> list[Change]:
    """PM-6: a method the networks updated takes its new details; one detached at the
    processor is no longer valid (PM-5's policy is not asked: it is gone)."""
    changes: list[Change] = []
    for method in session.scalars(select(PaymentMethod).where(
            PaymentMethod.token == token, PaymentMethod.removed_on.is_(None))):
        if state is None or not state.attached:
            if not method.accepted and method.refusal == "detached":
                continue
            before = describe(method)
            method.accepted, method.refusal = False, "detached"
            record_event(session, CHANGED, method.customer.ref, today, now,
                         change_data("detached", method.ref, before, describe(method)))
            changes.append(Change("method_detached", method=method.ref))
            continue
        details = state.details
        fresh = replace(as_input(method), brand=details.brand, last4=details.last4,
                        exp_month=details.exp_month, exp_year=details.exp_year)
        if update_method(session, ctx.processor, method, fresh, today, now):
            changes.append(Change("method_updated", method=method.ref))
    return changes
