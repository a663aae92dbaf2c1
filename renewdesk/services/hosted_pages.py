"""CP-2 for an account manager without a public server: the processor's own pay-now pages.

With `pay_pages = processor`, each run, before its e-mails go, asks the processor for a page
where the customer pays each queued pay-now link's item (Stripe Checkout in payment mode, valid
24 hours), and the e-mail carries that page instead of `serve-links`' one. The payment carries
the key it will be written with (SC-2), so the next run finds it by asking the processor and
writes it as the item's attempt, once; a page whose item was paid otherwise is closed at the
processor (CP-3). The sandbox has no such page: its e-mails keep renewdesk's own pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError
from renewdesk.domain.run_words import Problem
from renewdesk.notify.outbox import DEFAULT_LINKS_BASE
from renewdesk.payments.processor import ChargeRequest, PagePaid, ProcessorUnavailable
from renewdesk.services import customer_payments as cp
from renewdesk.services import payment_methods
from renewdesk.services.context import Context
from renewdesk.services.links import method_from_processor
from renewdesk.services.renewals import OPEN as OPEN_CARTS
from renewdesk.store import settings
from renewdesk.store.models import Attempt, CustomerLink, HostedPage, Notification, PaymentMethod

log = logging.getLogger("renewdesk.hosted_pages")
SETTING = "pay_pages"
ASKED_DAYS = 2  # a Checkout page lives 24 hours: older unpaid ones are not asked again
CHOICES = ("ours", "processor")


@dataclass(frozen=True)
class _Wanted:
    link_id: int
    notification_id: int
    our_url: str
    request: ChargeRequest


def make(ctx: Context) -> list[Problem]:
    """The processor's pages for the queued e-mails' pay-now links (when chosen), and the
    closing of pages whose item was paid otherwise; what could not be done, for the report."""
    with ctx.factory() as session:
        if settings.get(session, SETTING, "ours") != "processor":
            return []
        return_url = settings.get(session, "pay_return_url")
        base = settings.get(session, "links_base_url") or DEFAULT_LINKS_BASE
        wanted = _wanted(session, base) if return_url else []
    problems: list[Problem] = []
    if not return_url:
        problems.append(Problem("pay_return_url_missing"))
    for item in wanted:
        try:
            page = ctx.processor.payment_page(item.request, str(return_url))
        except ProcessorUnavailable as error:
            problems.append(Problem("pay_page_failed", subject=item.request.metadata["subject"],
                                    error=error))
            continue
        with ctx.write_lock, ctx.factory() as session:
            note = session.get(Notification, item.notification_id)
            if note is None or item.our_url not in note.body or note.status != "queued":
                continue  # nothing to point at the page (sent, or gathered, meanwhile)
            session.add(HostedPage(link_id=item.link_id, page_id=page.page_id, url=page.url,
                                   attempt_key=item.request.idempotency_key, state="open",
                                   created_on=ctx.clock.today))
            note.body = note.body.replace(item.our_url, page.url)
            if note.html:  # the HTML part points at the same page (HM-4)
                note.html = note.html.replace(item.our_url, page.url)
            session.commit()
    problems += close_paid_otherwise(ctx)
    return problems


def _wanted(session: Session, base: str) -> list[_Wanted]:
    found: list[_Wanted] = []
    rows = session.execute(
        select(CustomerLink, Notification).join(
            Notification, CustomerLink.notification_id == Notification.id).where(
            CustomerLink.action == cp.ACTION, CustomerLink.used_on.is_(None),
            Notification.status == "queued",
            ~exists().where(HostedPage.link_id == CustomerLink.id))).all()
    for link, note in rows:
        rules, subject = cp.subject_of_link(session, link)
        if cp.state_of(rules, subject) != "due":
            continue
        if rules.kind == "renewal" and subject.status not in OPEN_CARTS:
            continue  # AR-6's reactivation: its amount is made on renewdesk's own page
        customer = rules.customer(subject)
        minor, currency = rules.amount(subject)
        # One key per link: a run that crashed after Stripe made the page gets the same page
        # back the next time (Stripe's idempotency), not a second one.
        key = f"cp-page-{link.id}"
        reference = rules.reference(subject)
        found.append(_Wanted(link.id, note.id, base + link.token, ChargeRequest(
            idempotency_key=key, token="", amount_minor=minor, currency=currency,
            customer_ref=customer.ref, description=cp.description_of(rules, subject),
            processor_customer_id=customer.processor_customer_id,
            metadata={"subject": reference, "kind": rules.kind, "attempt": key})))
    return found


def settle(ctx: Context) -> int:
    """The payments made on the processor's pages since the last run, written as their items'
    attempts (an item paid otherwise meanwhile is told apart: `payment.duplicate`)."""
    since = ctx.clock.today - timedelta(days=ASKED_DAYS)
    with ctx.factory() as session:
        pages = [(p.id, p.page_id) for p in session.scalars(
            select(HostedPage).where(HostedPage.state == "open", HostedPage.created_on >= since))]
    done = 0
    for page_id, processor_page in pages:
        try:
            paid = ctx.processor.payment_page_outcome(processor_page)
            if paid is None or paid.outcome.status != "succeeded":
                continue
            _record(ctx, page_id, paid)
        except (InputError, ProcessorUnavailable):  # asked again next time; the run goes on
            log.exception("payment page %s could not be settled", processor_page)
            continue
        done += 1
    return done


def _record(ctx: Context, page_id: int, paid: PagePaid) -> None:
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.write_lock, ctx.factory() as session:
        page = session.get(HostedPage, page_id)
        assert page is not None
        rules, subject = cp.subject_of_link(session, page.link)
        customer = rules.customer(subject)
        method = session.scalar(select(PaymentMethod).where(
            PaymentMethod.customer_id == customer.id, PaymentMethod.token == paid.method_token))
        if method is None:  # the card entered on the processor's page, kept for next time
            data = method_from_processor(session, ctx.processor, customer, paid.method_token)
            if data is None:
                raise InputError("method_unknown_to_processor")
            method = payment_methods.add_method(session, ctx.processor, customer, data, today,
                                                now)
        minor, currency = rules.amount(subject)
        attempt = Attempt(idempotency_key=page.attempt_key, number=len(cp.attempts_of(
            rules, subject)) + 1, round=0, manual=True, on=today, payment_method=method,
            amount_minor=minor, currency=currency, result="unknown", created_at=now,
            **{f"{rules.kind}_id": subject.id})
        session.add(attempt)
        page.state = "paid"
        session.commit()
        attempt_id = attempt.id
    cp.record_answer(ctx, attempt_id, paid.outcome, "hosted page")


def close_paid_otherwise(ctx: Context) -> list[Problem]:
    """CP-3: a page whose item is no longer due can take no payment."""
    with ctx.factory() as session:
        stale = []
        for page in session.scalars(select(HostedPage).where(HostedPage.state == "open")):
            try:
                rules, subject = cp.subject_of_link(session, page.link)
            except InputError:  # its item is gone: nothing to pay there
                stale.append((page.id, page.page_id))
                continue
            if cp.state_of(rules, subject) not in ("due", "processing"):
                stale.append((page.id, page.page_id))
    problems = []
    for row_id, page_id in stale:
        try:
            ctx.processor.close_payment_page(page_id)
            # Paid there before it closed (or while it was closing): written, as a duplicate.
            paid = ctx.processor.payment_page_outcome(page_id)
            if paid is not None and paid.outcome.status == "succeeded":
                _record(ctx, row_id, paid)
                continue
        except (InputError, ProcessorUnavailable) as error:
            problems.append(Problem("pay_page_not_closed", page=page_id, error=error))
            continue
        with ctx.write_lock, ctx.factory() as session:
            closed = session.get(HostedPage, row_id)
            assert closed is not None
            closed.state = "closed"
            session.commit()
    return problems
