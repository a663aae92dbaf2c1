"""SC-1: one engine does everything due as of a date, in a fixed order; running it twice for the
same date does nothing more. SC-3: missed days are caught up in one pass, every step taking what
fell due since the last run in date order. SC-4: a dry run runs the very same pipeline inside a
transaction that is rolled back, with charges predicted instead of sent. SC-5: one run at a time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.run_words import Problem
from renewdesk.notify import outbox, webhooks
from renewdesk.payments.choice import require_ready
from renewdesk.payments.dryrun import DryRunProcessor
from renewdesk.payments.ratelimit import RateLimiter, limit_for
from renewdesk.services import (
    installments,
    invoices,
    payment_methods,
    processor_events,
    refunds,
    renewals,
    run_record,
    usage,
)
from renewdesk.services.charging import DueItem, RoundResult, RoundRunner, SubjectRules
from renewdesk.services.context import Context
from renewdesk.services.pacing import Pacer
from renewdesk.services.run_days import last_run_on, missed_days
from renewdesk.store import db, search_index, settings
from renewdesk.store.models import (
    Attempt,
    Customer,
    Event,
    Installment,
    InstallmentOrder,
    Notification,
    PaymentMethod,
    Renewal,
    Service,
    UsageInvoice,
)

T = TypeVar("T")
log = logging.getLogger("renewdesk.run")


@dataclass(frozen=True)
class ChargeLine:
    subject: str
    customer: str
    amount: str
    payment_method: str
    result: str
    decline_code: str | None


@dataclass(frozen=True)
class MailLine:
    kind: str
    to: str
    status: str


@dataclass(frozen=True)
class RunReport:
    as_of: date
    dry_run: bool
    caught_up_days: int
    settled: tuple[RoundResult, ...] = ()
    plan_changes_expired: tuple[str, ...] = ()
    notices: tuple[renewals.NoticeResult, ...] = ()
    charges: tuple[ChargeLine, ...] = ()
    suspended: tuple[str, ...] = ()
    usage_invoices: tuple[str, ...] = ()
    card_expiring: tuple[str, ...] = ()
    emails: tuple[MailLine, ...] = ()
    events: int = 0
    mail_sent: int = 0
    mail_waiting: int = 0
    cancelled: bool = False
    problems: tuple[str, ...] = field(default_factory=tuple)
    synced: processor_events.SyncReport | None = None  # SY-1: the processor's events read first
    refunds_settled: int = 0
    rate_limited: int = 0  # SY-2: answers turned away for the rate (429), each asked again


def rules_for(policy: Policy) -> dict[str, SubjectRules]:
    return {"renewal": renewals.RenewalRules(policy),
            "installment": installments.InstallmentRules(policy),
            "usage_invoice": usage.UsageRules(policy)}


def pacer_for(ctx: Context, policy: Policy, concurrency: int) -> Pacer:
    """SY-2: the processor's limit for its mode unless a setting overrides it; `concurrency`
    calls out at once, or (0) as many as that limit needs."""
    return Pacer(RateLimiter.within(limit_for(ctx.processor, policy.processor_rate_limit)),
                 concurrency)


def _unfinished_rounds(session: Session) -> list[DueItem]:
    """SC-1's first step: every subject whose current round has attempts but no conclusion yet:
    an outcome unknown (crash, timeout), a SEPA debit processing, or a round cut short between
    two attempts. They are settled by asking the processor before anything else is tried.

    The search starts from the subjects that have attempts at all, not from every open subject
    (most of a large portfolio's installments were never tried yet; docs/benchmarks.md)."""
    items: list[DueItem] = []
    for kind, model, customer_col, join, states in (
        ("renewal", Renewal, Renewal.customer_id, None, renewals.OPEN),
        ("installment", Installment, InstallmentOrder.customer_id, InstallmentOrder,
         (*installments.OPEN, "processing")),
        ("usage_invoice", UsageInvoice, Service.customer_id, Service, (*usage.OPEN, "processing")),
    ):
        link = getattr(Attempt, f"{kind}_id")
        query = (select(model.id, customer_col, func.min(Attempt.on))
                 .join(Attempt, link == model.id)
                 .where(model.id.in_(select(link).where(link.is_not(None))),
                        model.status.in_(states), Attempt.round == model.rounds_done + 1)
                 .group_by(model.id, customer_col))
        if join is not None:
            query = query.join(join)
        items += [DueItem(kind, sid, cid, (on, sid)) for sid, cid, on in session.execute(query)]
    return items


def _due_items(session: Session, today: date, retries: bool) -> list[DueItem]:
    """Subjects whose next attempt is due; first attempts or retries (SC-1 keeps them apart)."""
    def rounds(column: InstrumentedAttribute[int]) -> ColumnElement[bool]:
        return column > 0 if retries else column == 0

    items = [DueItem("renewal", rid, cid, (due or today, rid)) for rid, cid, due in session.execute(
        select(Renewal.id, Renewal.customer_id, Renewal.next_attempt_on).where(
            Renewal.status.in_(renewals.OPEN), Renewal.next_attempt_on <= today,
            rounds(Renewal.rounds_done)))]
    # The due installments are found by their own (status, next attempt) index first; joined
    # straight away, SQLite's statistics would rather walk every order (docs/benchmarks.md).
    due_installments = select(Installment.id).where(
        Installment.status.in_(installments.OPEN), Installment.next_attempt_on <= today,
        rounds(Installment.rounds_done))
    items += [DueItem("installment", iid, cid, (due or today, iid)) for iid, cid, due in session.execute(
        select(Installment.id, InstallmentOrder.customer_id, Installment.next_attempt_on)
        .join(InstallmentOrder).where(
            Installment.id.in_(due_installments),
            InstallmentOrder.status == "active", InstallmentOrder.in_collection.is_(False)))]
    items += [DueItem("usage_invoice", uid, cid, (due or today, uid)) for uid, cid, due in session.execute(
        select(UsageInvoice.id, Service.customer_id, UsageInvoice.next_attempt_on)
        .join(Service).where(
            UsageInvoice.status.in_(usage.OPEN), UsageInvoice.next_attempt_on <= today,
            rounds(UsageInvoice.rounds_done)))]
    return items


def _high_water(session: Session) -> tuple[int, int, int]:
    return (session.scalar(select(func.max(Attempt.id))) or 0,
            session.scalar(select(func.max(Notification.id))) or 0,
            session.scalar(select(func.max(Event.id))) or 0)


def _report_charges(session: Session, after_id: int) -> tuple[ChargeLine, ...]:
    """The run's attempts, read in one query, not one per attempt (a busy night has many)."""
    lines = []
    query = (select(Attempt.amount_minor, Attempt.currency, Attempt.result, Attempt.decline_code,
                    PaymentMethod.ref, PaymentMethod.brand, PaymentMethod.last4, Customer.ref,
                    Renewal.ref, InstallmentOrder.ref, Installment.number, UsageInvoice.ref)
             .join(PaymentMethod, PaymentMethod.id == Attempt.payment_method_id)
             .join(Customer, Customer.id == PaymentMethod.customer_id)
             .outerjoin(Renewal, Renewal.id == Attempt.renewal_id)
             .outerjoin(Installment, Installment.id == Attempt.installment_id)
             .outerjoin(InstallmentOrder, InstallmentOrder.id == Installment.order_id)
             .outerjoin(UsageInvoice, UsageInvoice.id == Attempt.usage_invoice_id)
             .where(Attempt.id > after_id).order_by(Attempt.id))
    for (amount, currency, result, decline, method_ref, brand, last4, customer, renewal, order,
         number, invoice) in session.execute(query):
        name = f"{order}#{number}" if order is not None else renewal or invoice or "?"
        lines.append(ChargeLine(name, customer, str(Money(amount, currency)),
                                f"{method_ref} ({PaymentMethod.label_of(brand, last4)})", result,
                                decline))
    # Customers are charged in parallel: show each customer's attempts together, in order.
    return tuple(sorted(lines, key=lambda line: line.customer))


class _Pipeline:
    """One run: the steps of SC-1 over a session factory (real or dry-run)."""

    def __init__(self, ctx: Context, today: date, policy: Policy,
                 progress: Callable[[str, RoundResult | None], None] | None,
                 cancel: threading.Event | None, concurrency: int) -> None:
        self.ctx = ctx
        self.today = today
        self.policy = policy
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.runner = RoundRunner(ctx, rules_for(policy), today,
                                  policy.fallback_to_other_methods,
                                  pacer_for(ctx, policy, concurrency))
        self.runner.cancelled = self.cancel

    def say(self, step: str, result: RoundResult | None = None) -> None:
        """Tell the caller (the window's progress, the command line) which step is running."""
        if self.progress is not None:
            self.progress(step, result)

    def unit(self, work: Callable[[Session], T]) -> T:
        """One step's unit of work: its own session, committed, its writes serialised with the
        charging's by the context's write lock."""
        with self.ctx.write_lock, self.ctx.factory() as session:
            value = work(session)
            session.commit()
            return value

    def charge(self, items: list[DueItem]) -> tuple[RoundResult, ...]:
        return tuple(self.runner.run(items, lambda r: self.say("charge", r)))

    def run(self, report: RunReport) -> RunReport:
        today, now = self.today, self.ctx.clock.now
        self.say("settle")
        with self.ctx.factory() as session:
            open_items = _unfinished_rounds(session)
        settled = self.charge(open_items)
        self.say("expire")
        expired = self.unit(lambda s: installments.expire_plan_changes(s, today, now()))
        self.say("notices")
        notices = self.unit(lambda s: renewals.make_notices(s, self.policy, today, now()))
        self.unit(lambda s: renewals.send_reminders(s, self.policy, today, now()))  # IV-6
        self.unit(lambda s: renewals.drop_inactive(s, today, now()))
        self.say("charges")
        with self.ctx.factory() as session:
            first = _due_items(session, today, retries=False)
        self.charge(first)
        self.say("retries")
        with self.ctx.factory() as session:
            again = _due_items(session, today, retries=True)
        self.charge(again)
        cancelled = self.cancel.is_set()
        suspended: list[str] = []
        invoices: list[str] = []
        expiring: list[str] = []
        problems: list[str] = []
        if not cancelled:
            self.say("suspensions")
            suspended = self.unit(lambda s: renewals.suspend_expired(s, today, now()))
            self.say("usage")
            invoiced = self.unit(lambda s: usage.invoice_usage(s, today, now()))
            invoices = list(invoiced.refs)
            problems += [Problem("usage_not_invoiced", error=error)
                         for error in invoiced.too_large]
            with self.ctx.factory() as session:
                fresh = [i for i in _due_items(session, today, retries=False)
                         if i.kind == "usage_invoice"]
            self.charge(fresh)
            expiring = self.unit(
                lambda s: payment_methods.send_card_expiring(s, self.policy, today, now()))
            self.unit(lambda s: settings.put(s, "last_run_on", today.isoformat()))
        return replace(report, settled=settled, plan_changes_expired=tuple(expired),
                       notices=tuple(notices), suspended=tuple(suspended),
                       usage_invoices=tuple(invoices), card_expiring=tuple(expiring),
                       cancelled=cancelled, problems=(*report.problems, *problems),
                       rate_limited=self.runner.pacer.rate_limited)


@contextmanager
def _rolled_back(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions whose commits are savepoints inside one transaction that is rolled back."""
    dry_engine: Engine = engine
    if engine.dialect.name == "sqlite":
        dry_engine = create_engine(engine.url, connect_args={"timeout": 30})

        @event.listens_for(dry_engine, "connect")
        def _no_autobegin(dbapi_connection: object, _record: object) -> None:
            dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
            dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[attr-defined]

        @event.listens_for(dry_engine, "begin")
        def _begin(connection: object) -> None:
            connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    with dry_engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield db.session_factory(connection, join_transaction_mode="create_savepoint")
        finally:
            transaction.rollback()
    if dry_engine is not engine:
        dry_engine.dispose()


def database_of(ctx: Context) -> Engine:
    """The engine the context's sessions are bound to (the dry run opens its own transaction
    on it), asked of a session rather than of the factory's private arguments."""
    with ctx.factory() as session:
        bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def run_due(ctx: Context, *, dry_run: bool = False,
            progress: Callable[[str, RoundResult | None], None] | None = None,
            cancel: threading.Event | None = None) -> RunReport:
    """Do (or, dry, report) everything due up to `ctx.clock.today`. With Stripe chosen and its
    key unreadable, nothing at all is done (it never falls back to the sandbox). A real run
    that stops on an error says so in its record, for the home page (HM-1)."""
    try:
        require_ready(ctx.processor)
        return _run_due(ctx, dry_run, progress, cancel)
    except RunBeforeLast:
        raise
    except Exception as error:
        if not dry_run:
            _record(ctx, run_record.stopped(ctx.clock.today, ctx.clock.now(), error))
        raise


class RunBeforeLast(InputError):
    """A run as of a day before the last run's: refused, and not a run that failed."""


def _record(ctx: Context, record: run_record.RunRecord) -> None:
    try:
        with ctx.write_lock, ctx.factory() as session:
            run_record.save(session, record)
            session.commit()
    except Exception:  # the database itself is away: the error that stopped the run stands
        log.exception("the run's record could not be written")


def _run_due(ctx: Context, dry_run: bool,
             progress: Callable[[str, RoundResult | None], None] | None,
             cancel: threading.Event | None) -> RunReport:
    today = ctx.clock.today
    with ctx.factory() as session:
        policy = settings.load_policy(session)
        last = last_run_on(session)
        caught_up = missed_days(session, today)
    if last is not None and today < last and not dry_run:
        raise RunBeforeLast("run_before_last", last=last, today=today)
    report = RunReport(today, dry_run, caught_up)
    if dry_run:
        with _rolled_back(database_of(ctx)) as factory:
            dry_ctx = replace(ctx, factory=factory, processor=DryRunProcessor(ctx.processor))
            return _run(dry_ctx, report, policy, progress, cancel, concurrency=1, deliver=False)
    report = _follow_processor(ctx, report, progress)
    return _run(ctx, report, policy, progress, cancel,
                concurrency=policy.processor_concurrency, deliver=True)


def _follow_processor(ctx: Context, report: RunReport,
                      progress: Callable[[str, RoundResult | None], None] | None,
                      cancel: threading.Event | None = None) -> RunReport:
    """Before anything is charged: the processor's events since the last read (SY-1), then
    refunds left unanswered (RF-1), then what customers paid or completed with their bank
    (CP-1..3). Imported here: customer payments build on this module's rules."""
    from renewdesk.services import customer_payments, hosted_pages

    if progress is not None:
        progress("sync", None)
    with ctx.factory() as session:
        policy = settings.load_policy(session)
    synced = processor_events.sync(ctx, cancel=cancel, pacer=pacer_for(ctx, policy, 1))
    problems = list(report.problems)
    if synced.problem:
        problems.append(synced.problem)
    if synced.lost_before is not None:
        problems.append(Problem("events_lost", before=synced.lost_before))
    settled, unsettled = refunds.settle(ctx)
    problems += unsettled
    customer_payments.settle(ctx)
    hosted_pages.settle(ctx)
    with ctx.write_lock, ctx.factory() as session:  # IV-1: what waited for the seller, in order
        invoices.issue_waiting(session, ctx.clock.today, ctx.clock.now())
        session.commit()
    return replace(report, synced=synced, refunds_settled=settled, problems=tuple(problems))


def sync_now(ctx: Context, progress: Callable[[str, RoundResult | None], None] | None = None,
             cancel: threading.Event | None = None) -> RunReport:
    """"Sync now": what a run does first, alone: the processor's events applied, refunds and
    customer payments settled, and the rounds they answered concluded (an item paid, or a
    failure with its retries). Nothing new is charged. The caller holds the run lock."""
    require_ready(ctx.processor)
    today = ctx.clock.today
    with ctx.factory() as session:
        policy = settings.load_policy(session)
    report = _follow_processor(ctx, RunReport(today, False, 0), progress, cancel)
    with ctx.factory() as session:
        marks = _high_water(session)
        open_items = _unfinished_rounds(session)
    engine = _Pipeline(ctx, today, policy, progress, cancel, policy.processor_concurrency)
    engine.say("settle")
    settled = engine.charge(open_items)
    flushed = outbox.flush(ctx.factory, ctx.mailer, ctx.clock.now, respect_backoff=True)
    with ctx.factory() as session:
        events = session.scalar(select(func.count()).select_from(Event).where(
            Event.id > marks[2])) or 0
    return replace(report, settled=settled, events=events, mail_sent=flushed.sent,
                   mail_waiting=flushed.waiting + flushed.failed)


def _run(ctx: Context, report: RunReport, policy: Policy,
         progress: Callable[[str, RoundResult | None], None] | None,
         cancel: threading.Event | None, concurrency: int, deliver: bool) -> RunReport:
    with ctx.factory() as session:
        marks = _high_water(session)
    engine = _Pipeline(ctx, report.as_of, policy, progress, cancel, concurrency)
    report = engine.run(report)
    engine.unit(outbox.gather)  # HM-2: one e-mail per person, real or dry, before it is listed
    sent = waiting = 0
    problems = list(report.problems)
    if deliver:  # a real run (a dry one is rolled back whole)
        engine.unit(lambda s: search_index.catch_up(s.connection()))
        from renewdesk.services import hosted_pages  # built on this module's rules

        problems += hosted_pages.make(ctx)  # the processor's pay-now pages, if chosen
        engine.say("emails")
        flushed = outbox.flush(ctx.factory, ctx.mailer, ctx.clock.now)
        sent, waiting = flushed.sent, flushed.waiting + flushed.failed
        if flushed.failed:
            problems.append(Problem("mail_unsent", count=flushed.failed))
        if ctx.webhook is not None:
            _delivered, failed = webhooks.deliver(ctx.factory, ctx.webhook, ctx.clock.now)
            if failed:
                problems.append(Problem("webhook_failed", count=failed))
    with ctx.factory() as session:
        charges = _report_charges(session, marks[0])
        mails = tuple(MailLine(kind, to, status) for kind, to, status in session.execute(
            select(Notification.kind, Notification.to, Notification.status)
            .where(Notification.id > marks[1]).order_by(Notification.id)))
        events = session.scalar(select(func.count()).select_from(Event).where(
            Event.id > marks[2])) or 0
        if not deliver:
            waiting = 0
    unknown = sum(1 for c in charges if c.result == "unknown")
    if unknown:
        problems.append(Problem("unknown_outcome", count=unknown))
    if deliver:
        with ctx.factory() as session:
            record = run_record.figures(
                session, report.as_of, ctx.clock.now(), marks, notices=len(report.notices),
                cancelled=report.cancelled, problems=tuple(problems))
        _record(ctx, record)
    return replace(report, charges=charges, emails=mails, events=events, mail_sent=sent,
                   mail_waiting=waiting, problems=tuple(problems))
