"""The home page's "Needs you" and "Last night" (HM-1): what only the account manager can
resolve, one line each, and the last real run in figures.

Each line names what its action acts on (an order, a customer, a plan change's order…); the
window turns the kind into words and a button. Every query starts from an indexed status (or
the few methods expiring soon), so the read stays short on a million services.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, joinedload

from renewdesk.domain.cards import expires_before
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.services.context import Context
from renewdesk.services.listing_accounts import next_charges_on
from renewdesk.services.listing_actions import exclusively
from renewdesk.services.run_record import RunRecord, last_run_record
from renewdesk.store import settings
from renewdesk.store.models import (
    Attempt,
    Customer,
    Dispute,
    Installment,
    InstallmentOrder,
    Notification,
    PaymentMethod,
    PlanChange,
    Renewal,
    Service,
    UsageInvoice,
)

if TYPE_CHECKING:
    from renewdesk.notify import outbox

MUST_ACT = "authentication_required"  # CP-1
PLAN_CHANGE_DAYS = 2  # a pending plan change this close to its deadline is shown
CARD_PAGE_DAYS = 7  # a card page sent this recently: waiting for the customer, not shown
# RF-2: a dispute the account manager must answer (Stripe's statuses); one under review has
# been answered and waits for the bank, one won, lost, closed or prevented needs nothing.
DISPUTE_TO_ANSWER = ("needs_response", "warning_needs_response")

# Each line names its customer: read with the rows, not one statement per line (on a team's
# server every statement is a round trip).
_ORDER_CUSTOMER = joinedload(InstallmentOrder.customer)
_METHOD_CUSTOMER = joinedload(PaymentMethod.customer)

KINDS = ("run_failed", "final_failure", "collection", "authenticate", "dispute",
         "card_expiring", "plan_change", "emails")


@dataclass(frozen=True)
class Need:
    """One thing only the account manager can resolve. `ref` is what the action acts on (an
    order for final_failure, collection and plan_change; a customer for authenticate, dispute
    and card_expiring; nothing for emails and run_failed)."""

    kind: str  # one of KINDS
    ref: str
    customer_ref: str = ""
    customer: str = ""
    amount: Money | None = None
    on: date | None = None  # the date it concerns (deadline, expiry, due date, run)
    detail: str = ""  # a card label, an e-mail's error, the run's error in words
    count: int = 1


@dataclass(frozen=True)
class Home:
    as_of: date
    needs: tuple[Need, ...]
    last_run: RunRecord | None


def home(ctx: Context, language: str) -> Home:
    with ctx.factory() as session:
        policy = settings.load_policy(session)
        return read_home(session, policy, ctx.clock.today, language)


def read_home(session: Session, policy: Policy, today: date, language: str) -> Home:
    record = last_run_record(session)
    needs: list[Need] = []
    if record is not None and record.failed:
        needs.append(Need("run_failed", "", on=record.as_of,
                          detail=record.error_words(language)))
    needs += final_failures(session)
    needs += collections(session)
    needs += must_authenticate(session)
    needs += disputes(session)
    needs += cards_expiring(session, policy, today)
    needs += plan_changes(session, today)
    needs += emails(session)
    return Home(today, tuple(needs), record)


def _failed() -> Select[int]:
    """The failed installments, found by their status index first: joined straight away,
    SQLite's statistics (nearly every installment scheduled) would rather walk every order."""
    return select(Installment.id).where(Installment.status == "failed")


def _order_need(kind: str, order: InstallmentOrder, item: Installment) -> Need:
    return Need(kind, order.ref, order.customer.ref, order.customer.name,
                Money(item.amount_minor, order.currency), item.due_on, order.product)


def final_failures(session: Session) -> list[Need]:
    """IN-5 available: an installment failed with no automatic attempt left, final attempt not
    used, its card order not in collection (it is on the Collections list meanwhile: IN-6 is
    the account manager's other way, offered once the final attempt was used); one line per
    order."""
    rows = session.execute(
        select(InstallmentOrder, Installment).join(Installment.order).options(_ORDER_CUSTOMER)
        .where(Installment.status == "failed", Installment.next_attempt_on.is_(None),
               Installment.final_attempt_used.is_(False),
               InstallmentOrder.in_collection.is_(False),
               InstallmentOrder.method == "card", InstallmentOrder.status == "active")
        .order_by(Installment.due_on, Installment.id)).all()
    seen: dict[str, Need] = {}
    for order, item in rows:
        if item.stopped_code != MUST_ACT:  # the customer's to do: "must authenticate"
            seen.setdefault(order.ref, _order_need("final_failure", order, item))
    return list(seen.values())


def collections(session: Session) -> list[Need]:
    """IN-6: failed installments on the Collections list, not yet handed over: SEPA ones, and
    card ones once their final attempt (IN-5) was used too."""
    rows = session.execute(
        select(InstallmentOrder, Installment).join(Installment.order).options(_ORDER_CUSTOMER)
        .where(Installment.id.in_(_failed()), Installment.in_collections_list.is_(True),
               InstallmentOrder.in_collection.is_(False),
               or_(InstallmentOrder.method != "card", Installment.final_attempt_used))
        .order_by(Installment.due_on, Installment.id)).all()
    seen: dict[str, Need] = {}
    for order, item in rows:
        seen.setdefault(order.ref, _order_need("collection", order, item))
    return list(seen.values())


def must_authenticate(session: Session) -> list[Need]:
    """CP-1: a charge declined `authentication_required` still open; one line per customer."""
    found: list[tuple[Customer, Money, date]] = []
    for cart in session.scalars(select(Renewal).options(joinedload(Renewal.customer))
                                .where(Renewal.status == "failed",
                                       Renewal.stopped_code == MUST_ACT)):
        found.append((cart.customer, cart.amount, cart.charge_on))
    for order, item in session.execute(
            select(InstallmentOrder, Installment).join(Installment.order)
            .options(_ORDER_CUSTOMER)
            .where(Installment.id.in_(_failed()), Installment.stopped_code == MUST_ACT,
                   Installment.final_attempt_used.is_(False),
                   InstallmentOrder.in_collection.is_(False))).all():
        found.append((order.customer, Money(item.amount_minor, order.currency), item.due_on))
    for invoice in session.scalars(select(UsageInvoice).options(
            joinedload(UsageInvoice.service).joinedload(Service.customer)).where(
            UsageInvoice.status == "failed", UsageInvoice.stopped_code == MUST_ACT)):
        found.append((invoice.service.customer, invoice.amount, invoice.issued_on))
    return _per_customer("authenticate", found)


def _per_customer(kind: str, found: list[tuple[Customer, Money, date]]) -> list[Need]:
    """One line per customer: the total when it is one currency, the earliest date."""
    by: dict[str, list[tuple[Customer, Money, date]]] = {}
    for entry in found:
        by.setdefault(entry[0].ref, []).append(entry)
    needs = []
    for ref, entries in sorted(by.items(), key=lambda kv: min(e[2] for e in kv[1])):
        currencies = {e[1].currency for e in entries}
        total = (Money(sum(e[1].minor for e in entries), currencies.pop())
                 if len(currencies) == 1 else None)
        needs.append(Need(kind, ref, ref, entries[0][0].name, total, min(e[2] for e in entries),
                          count=len(entries)))
    return needs


def disputes(session: Session) -> list[Need]:
    """RF-2: disputes waiting for the account manager's answer; one line per customer, with the
    earliest answer date, or the day it was opened when the processor gave none ("opened")."""
    found, dated = [], set()
    for dispute, method in session.execute(
            select(Dispute, PaymentMethod).options(_METHOD_CUSTOMER)
            .join(Attempt, Attempt.id == Dispute.attempt_id)
            .join(PaymentMethod, PaymentMethod.id == Attempt.payment_method_id)
            .where(Dispute.status.in_(DISPUTE_TO_ANSWER))).all():
        found.append((method.customer, Money(dispute.amount_minor, dispute.currency),
                      dispute.respond_by or dispute.opened_on))
        if dispute.respond_by is not None:
            dated.add(method.customer.ref)
    return [need if need.customer_ref in dated else replace(need, detail="opened")
            for need in _per_customer("dispute", found)]


def cards_expiring(session: Session, policy: Policy, today: date) -> list[Need]:
    """PM-7: valid cards that expire before the next charge of anything relying on them; only
    cards expiring within 13 months are looked at (nothing is charged further ahead), and not
    those whose customer was sent a card page in the last days."""
    horizon = today.year * 12 + today.month + 13
    methods = session.scalars(select(PaymentMethod).options(_METHOD_CUSTOMER).where(
        PaymentMethod.type == "card", PaymentMethod.accepted.is_(True),
        PaymentMethod.removed_on.is_(None), PaymentMethod.exp_year.is_not(None),
        PaymentMethod.exp_year * 12 + PaymentMethod.exp_month <= horizon)
        .order_by(PaymentMethod.exp_year, PaymentMethod.exp_month, PaymentMethod.id)).all()
    if not methods:
        return []
    asked = set(session.scalars(select(Notification.customer_id).where(
        Notification.kind == "add_payment_method",
        Notification.created_on >= today - timedelta(days=CARD_PAGE_DAYS))))
    charges = next_charges_on(session, [m.id for m in methods if m.customer_id not in asked],
                              policy, today)
    needs = []
    for method in methods:
        when = charges.get(method.id)
        if when is None or method.expiry is None or not expires_before(method.expiry, when):
            continue
        customer = method.customer
        needs.append(Need("card_expiring", customer.ref, customer.ref, customer.name,
                          on=method.expiry.last_valid_day if method.expiry else None,
                          detail=method.label()))
    return needs


def plan_changes(session: Session, today: date) -> list[Need]:
    """IN-2: pending plan changes within PLAN_CHANGE_DAYS of their deadline."""
    rows = session.execute(
        select(PlanChange, InstallmentOrder).join(PlanChange.order).options(_ORDER_CUSTOMER)
        .where(PlanChange.status == "pending",
               PlanChange.deadline_on <= today + timedelta(days=PLAN_CHANGE_DAYS))
        .order_by(PlanChange.deadline_on, PlanChange.id)).all()
    return [Need("plan_change", order.ref, order.customer.ref, order.customer.name,
                 Money(change.amount_minor, order.currency), change.deadline_on, order.product)
            for change, order in rows]


def emails(session: Session) -> list[Need]:
    """NT-1: e-mails still queued after a failed send; one line for all, with the last error."""
    failing = and_(Notification.status == "queued", Notification.last_error.is_not(None))
    count = session.scalar(select(func.count()).select_from(Notification).where(failing)) or 0
    if not count:
        return []
    last = session.execute(select(Notification.last_error, Notification.created_on)
                           .where(failing).order_by(Notification.id.desc()).limit(1)).one()
    return [Need("emails", "", on=last.created_on, detail=last.last_error or "", count=count)]


def retry_emails(ctx: Context) -> outbox.FlushResult:
    """The "Needs you" line's action: what is queued is sent now, backoff or not (NT-1); with
    no SMTP set, nothing is tried and `waiting` says how many wait. Under the run lock, as the
    window's charges are (SC-5): a run gathers and sends the same messages (HM-2)."""
    from renewdesk.notify import outbox  # e-mail's machinery: loaded when it is used

    url = ctx.factory.kw["bind"].engine.url
    return exclusively(url, lambda: outbox.flush(ctx.factory, ctx.mailer, ctx.clock.now))


__all__ = ["KINDS", "Home", "Need", "home", "read_home", "retry_emails"]
