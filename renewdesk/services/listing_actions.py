"""What the window's list pages ask of the database beyond their rows, each one unit of work.

The pages never open a session: they call these (on a worker thread where the answer decides
whether a button is usable) and get plain values back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.services.context import Context
from renewdesk.store import settings
from renewdesk.store.models import Customer, Event
from renewdesk.store.runlock import exclusive_run

if TYPE_CHECKING:
    from renewdesk.services import refunds, run_due
    from renewdesk.services.charging import RoundResult
    from renewdesk.services.overview import CustomerOverview

T = TypeVar("T")

RUN_WAIT_S = 30  # a charge started from the window waits this long for a run under way


def bulk_customer(ctx: Context, service_refs: tuple[str, ...]) -> CustomerOverview:
    """AR-2: the one customer the selected services belong to, as the bulk dialog shows them."""
    from renewdesk.services import actions
    from renewdesk.services.overview import customer_overview

    customer_ref = actions.customer_of_services(ctx, service_refs)
    with ctx.factory() as session:
        return customer_overview(session, customer_ref, settings.load_policy(session),
                                 ctx.clock.today)


def exclusively(url: URL | str, work: Callable[[], T], wait_s: float = RUN_WAIT_S) -> T:
    """A charge started from the window runs under the run lock (SC-5), as a nightly run does."""
    with exclusive_run(url, wait_s):
        return work()


# RF-1 from the customer page -------------------------------------------------------------------

# Which field of the refund dialog a refusal of `refunds.check` is about ("" : the payment).
REFUND_FIELDS = {"refund_reason_missing": "reason", "refund_amount_invalid": "amount",
                 "refund_too_large": "amount", "currency_mismatch": "amount"}


@dataclass(frozen=True)
class RefundCheck:
    """RF-1's answer before anything is sent: the amount that would be refunded, or why not
    (in the reader's words) and the field it is about."""

    amount: Money | None
    problem: str = ""
    field: str = ""  # amount | reason | "" (the payment itself)


def refund_info(ctx: Context, payment: str) -> refunds.PaymentInfo:
    from renewdesk.services import refunds

    with ctx.factory() as session:
        return refunds.payment_info(session, payment)


def refund_check(ctx: Context, payment: str, amount: Money | None, reason: str,
                 language: str) -> RefundCheck:
    """`refunds.check`, the one validation of a refund, as the dialog shows it."""
    from renewdesk.services import refunds

    with ctx.factory() as session:
        try:
            _attempt, asked = refunds.check(session, payment, amount, reason)
        except InputError as error:
            return RefundCheck(None, error.words(language), REFUND_FIELDS.get(error.code, ""))
    return RefundCheck(asked)


# SY-1's "Sync now" and RF-2's alert ------------------------------------------------------------


def sync_alone(url: URL | str, ctx: Context,
               progress: Callable[[str, RoundResult | None], None] | None = None,
               cancel: threading.Event | None = None) -> run_due.RunReport:
    """"Sync now" under the run lock, without waiting: with a run under way (whose first step
    is the same), RunInProgress and nothing is done twice."""
    from renewdesk.services import run_due

    with exclusive_run(url, 0):
        return run_due.sync_now(ctx, progress, cancel)


@dataclass(frozen=True)
class DisputeAlert:
    payment: str
    customer_ref: str
    customer_name: str
    amount: Money
    reason: str  # the processor's code: dispute_words() says it
    respond_by: date | None
    suspended: tuple[str, ...] = ()  # the services it suspended (`dispute_suspends`)


def last_event(ctx: Context) -> int:
    """Where the events stand: disputes recorded after this are new to the reader."""
    with ctx.factory() as session:
        return session.scalar(select(func.max(Event.id))) or 0


def disputes_since(ctx: Context, mark: int) -> tuple[int, tuple[DisputeAlert, ...]]:
    """RF-2: the disputes recorded (by a run, a sync, another computer) since event `mark`,
    and the new mark."""
    with ctx.factory() as session:
        newest = session.scalar(select(func.max(Event.id))) or 0
        events = session.scalars(select(Event).where(
            Event.id > mark, Event.id <= newest, Event.type == "payment.disputed")
            .order_by(Event.id)).all()
        alerts = []
        if events:  # the refunds' module only with a dispute to show (not at each start)
            from renewdesk.services import refunds
        for event in events:
            try:
                attempt = refunds.find_payment(session, event.subject)
            except InputError:
                continue  # its payment is gone (deleted with its customer)
            if not attempt.disputes:
                continue
            dispute = attempt.disputes[-1]
            customer = session.get(Customer, attempt.payment_method.customer_id)
            if customer is None:
                continue
            alerts.append(DisputeAlert(
                event.subject, customer.ref, customer.name,
                Money(dispute.amount_minor, dispute.currency), dispute.reason,
                dispute.respond_by, tuple(dispute.suspended or ())))
    return newest, tuple(alerts)


def recorded_since(ctx: Context, mark: int, limit: int = 500) -> tuple[tuple[str, str], ...]:
    """The events (type, subject) recorded after event `mark`: what a sync changed."""
    with ctx.factory() as session:
        return tuple((kind, subject) for kind, subject in session.execute(
            select(Event.type, Event.subject).where(Event.id > mark).order_by(Event.id)
            .limit(limit)))
