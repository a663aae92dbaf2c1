"""HM-2: at most one e-mail of each kind to one person per run, listing all their items.

Each queued message keeps what it was rendered from (`Notification.context`, one item), so the
messages of one kind to one person (a customer, or the seller's address for alerts) queued on
one day and never tried become one: the last of them, rewritten from every item with the
kind's list templates (`<kind>.list.<fr|en>.txt`). An item keeps the links that are its own
(`GATHERED[kind]`: a pay-now link pays that item, a cancel link cancels that cart); the other
links (update my payment method, all my invoices) are the same for every item, and the first
item's serve them all. An item that carried an invoice's PDF (IV-4) keeps its number
(`INVOICES`), so the one message attaches each item's PDF.

Several flushers may run at once (the window's "Retry e-mails", a run on another machine), so
each group is merged in its own savepoint and only if every one of its messages is still
queued and untried when it is written: a message a flusher has claimed for sending
(`outbox`, its `tries` raised before the send) is never merged away under it. A group that
cannot be written (moved under it, or a template that fails on one of its items) is left as
it was, its messages going out one by one, and never blocks the other groups or the run.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from sqlalchemy import CursorResult, Result, delete, select, update
from sqlalchemy.orm import Session

from renewdesk.notify import compose as text
from renewdesk.notify.links import DEFAULT_LINKS_BASE
from renewdesk.store import settings
from renewdesk.store.models import CustomerLink, HostedPage, Notification

INVOICES = text.INVOICES

log = logging.getLogger("renewdesk.outbox")

# The kinds a run (or one day's work) can send several of to one person, each with the links
# every item keeps as its own. Never gathered:
# - renewal_reminder: already one per customer and contact per run (IV-6), and its refusal
#   link and the reminder's events name the message itself (`REMINDER_LINK + ref`), which a
#   merge would delete;
# - add_payment_method: sent when the account manager asks, one processor page per message,
#   never by a run; a second one asked for is a new page meant to replace the first.
GATHERED: dict[str, tuple[str, ...]] = {
    "installment_failed": ("pay_now",),
    "usage_failed": ("pay_now",),
    "renewal_failed": ("pay_now",),
    "seller_alert": (),
    "renewal_scheduled": ("cancel_renewal",),  # each cart keeps its own cancel link
    "renewal_paid": (),
    "renewal_cancelled": (),
    "card_expiring": (),
    "invoice_issued": (),
    "refund_issued": (),
    "plan_change_requested": ("confirm_plan_change",),  # each order confirms its own change
}
NEVER_GATHERED = ("renewal_reminder", "add_payment_method")  # why: above


def invoice_numbers(note: Notification) -> list[str]:
    """The invoices (and credit notes) whose PDFs the message carries: its items', or the one
    it was queued with."""
    found = [number for entry in (note.context or {}).get("items", [])
             for number in entry.get(INVOICES, [])]
    if not found and note.invoice_number:
        found = [note.invoice_number]
    return list(dict.fromkeys(found))


def gather(session: Session) -> int:
    """The queued messages never tried, of one kind to one person on one day, become one (the
    last of them, carrying their links and invoices); the others are deleted. The caller
    commits; each group is written whole or not at all (a savepoint), so a message is never
    lost, and one already tried, claimed for sending, sent or suppressed is never touched.
    Returns how many messages were merged away."""
    merged = 0
    for group in groups(session):
        nested = session.begin_nested()
        try:
            done = merge(session, group)
        except Exception:  # one bad group must not stop the others, nor every e-mail
            nested.rollback()
            log.exception("HM-2: messages %s left unmerged", [note.ref for note in group])
            continue
        if done:
            nested.commit()
            merged += len(group) - 1
        else:
            nested.rollback()
            log.info("HM-2: messages %s changed while being gathered: left as they are",
                     [note.ref for note in group])
    session.expire_all()
    return merged


def groups(session: Session) -> list[list[Notification]]:
    """The groups of more than one message `gather` would merge, as read now. The queued
    messages are locked and grouped by their few columns; only those that share a group are
    read whole (a busy night queues thousands, most of them alone in theirs)."""
    rows = session.execute(select(
        Notification.id, Notification.kind, Notification.to, Notification.customer_id,
        Notification.language, Notification.created_on).where(
        Notification.status == "queued", Notification.tries == 0,
        Notification.kind.in_(GATHERED), Notification.context.is_not(None))
        .order_by(Notification.id).with_for_update()).all()
    keyed: dict[tuple[Any, ...], list[int]] = {}
    for row in rows:
        keyed.setdefault(_key(row), []).append(row.id)
    shared = [note_id for ids in keyed.values() if len(ids) > 1 for note_id in ids]
    notes: list[Notification] = []
    for start in range(0, len(shared), 500):
        notes += session.scalars(select(Notification).where(
            Notification.id.in_(shared[start:start + 500]))).all()
    found: dict[tuple[Any, ...], list[Notification]] = {}
    for note in sorted(notes, key=lambda n: n.id):
        if not (note.context or {}).get("items"):
            continue  # written before messages kept their items: left as it is
        found.setdefault(_key(note), []).append(note)
    return [group for group in found.values() if len(group) > 1]


def _key(note: Any) -> tuple[Any, ...]:
    """Messages of one kind to one person on one day (a message or a row of its columns)."""
    return (note.kind, note.to.lower(), note.customer_id, note.language, note.created_on)


def _items(note: Notification) -> list[dict[str, Any]]:
    """The message's items, the invoice it carries written on its one item."""
    items = [dict(entry) for entry in (note.context or {}).get("items", [])]
    if note.invoice_number and not any(entry.get(INVOICES) for entry in items):
        items[0][INVOICES] = [note.invoice_number]
    return items


_AS_WRITTEN = {"synchronize_session": False}  # `gather` expires the session when it is done


def _untouched(ids: list[int]) -> Any:
    return (Notification.id.in_(ids), Notification.status == "queued", Notification.tries == 0)


def merge(session: Session, group: list[Notification]) -> bool:
    """One group into its last message, inside the caller's savepoint; False (the caller rolls
    it back) when one of its messages is no longer queued and untried: another flusher claimed
    it for sending, or another gather merged it."""
    ids = [note.id for note in group]
    # The first write: on SQLite it takes the database's one write lock, so nothing can claim
    # these messages until the caller commits; on PostgreSQL they are locked since `groups`.
    held = _count(session.execute(update(Notification).where(*_untouched(ids))
                                  .values(tries=Notification.tries),
                                  execution_options=_AS_WRITTEN))
    if held != len(ids):
        return False
    group = list(session.scalars(select(Notification).where(Notification.id.in_(ids))
                                 .order_by(Notification.id)
                                 .execution_options(populate_existing=True)))
    survivor = group[-1]
    own_links = GATHERED[survivor.kind]
    links = session.scalars(select(CustomerLink).where(
        CustomerLink.notification_id.in_(ids))).all()
    pages = dict(session.execute(select(HostedPage.link_id, HostedPage.url).where(
        HostedPage.link_id.in_([link.id for link in links]))).all())
    base = settings.cached(session, "links_base_url") or DEFAULT_LINKS_BASE
    address = {link.token: pages.get(link.id, base + link.token) for link in links}
    items: list[dict[str, Any]] = []
    for note in group:
        for entry in _items(note):
            own = entry.get(text.LINKS, {})
            if items:  # the first item's shared links serve every item
                own = {action: token for action, token in own.items() if action in own_links}
            items.append({**entry, text.LINKS: own})
    urls = [{action: address[token] for action, token in entry[text.LINKS].items()
             if token in address} for entry in items]
    mail = text.compose(session, survivor.kind, survivor.language, items, urls, items)
    kept = {token for entry in items for token in entry[text.LINKS].values()}
    carried = [number for entry in items for number in entry.get(INVOICES, [])]
    session.execute(update(Notification).where(*_untouched([survivor.id])).values(
        subject=mail.subject, body=mail.body, html=mail.html, context=text.stored(items),
        invoice_number=carried[0] if carried else None),  # the first; all are attached
        execution_options=_AS_WRITTEN)
    unused = [link.id for link in links if link.token not in kept]
    if unused:
        session.execute(delete(CustomerLink).where(CustomerLink.id.in_(unused)))
    session.execute(update(CustomerLink).where(CustomerLink.notification_id.in_(ids[:-1]))
                    .values(notification_id=survivor.id), execution_options=_AS_WRITTEN)
    gone = _count(session.execute(delete(Notification).where(*_untouched(ids[:-1])),
                                  execution_options=_AS_WRITTEN))
    return gone == len(ids) - 1


def _count(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE matched."""
    return int(cast("CursorResult[Any]", result).rowcount)
