"""HM-2: at most one e-mail of each kind to one person per run, listing all their items.

Each queued message keeps what it was rendered from (`Notification.context`, one item), so the
messages of one kind to one person (a customer, or the seller's address for alerts) queued on
one day and never tried become one: the last of them, rewritten from every item with the
kind's list templates (`<kind>.list.<fr|en>.txt`). An item keeps the links that are its own
(`GATHERED[kind]`: a pay-now link pays that item, a cancel link cancels that cart); the other
links (update my payment method, all my invoices) are the same for every item, and the first
item's serve them all. An item that carried an invoice's PDF (IV-4) keeps its number
(`INVOICES`), so the one message attaches each item's PDF.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from renewdesk.notify import compose as text
from renewdesk.notify.links import DEFAULT_LINKS_BASE
from renewdesk.store import settings
from renewdesk.store.models import CustomerLink, HostedPage, Notification

INVOICES = text.INVOICES

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
    last of them, carrying their links and invoices); the others are deleted. One transaction
    (the caller commits): a message is never lost, and one already tried (or sent, or
    suppressed) is never touched. Returns how many messages were merged away."""
    notes = session.scalars(select(Notification).where(
        Notification.status == "queued", Notification.tries == 0,
        Notification.kind.in_(GATHERED), Notification.context.is_not(None))
        .order_by(Notification.id).with_for_update()).all()
    groups: dict[tuple[Any, ...], list[Notification]] = {}
    for note in notes:
        if not (note.context or {}).get("items"):
            continue  # written before messages kept their items: left as it is
        key = (note.kind, note.to.lower(), note.customer_id, note.language, note.created_on)
        groups.setdefault(key, []).append(note)
    merged = 0
    for group in groups.values():
        if len(group) > 1:
            _merge(session, group)
            merged += len(group) - 1
    return merged


def _items(note: Notification) -> list[dict[str, Any]]:
    """The message's items, the invoice it carries written on its one item."""
    items = [dict(entry) for entry in (note.context or {}).get("items", [])]
    if note.invoice_number and not any(entry.get(INVOICES) for entry in items):
        items[0][INVOICES] = [note.invoice_number]
    return items


def _merge(session: Session, group: list[Notification]) -> None:
    survivor, ids = group[-1], [note.id for note in group]
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
    survivor.subject, survivor.body, survivor.html = mail.subject, mail.body, mail.html
    survivor.context = text.stored(items)
    carried = [number for entry in items for number in entry.get(INVOICES, [])]
    survivor.invoice_number = carried[0] if carried else None  # the first; all are attached
    unused = [link.id for link in links if link.token not in kept]
    session.flush()
    if unused:
        session.execute(delete(CustomerLink).where(CustomerLink.id.in_(unused)))
    session.execute(update(CustomerLink).where(CustomerLink.notification_id.in_(ids[:-1]))
                    .values(notification_id=survivor.id))
    session.execute(delete(Notification).where(Notification.id.in_(ids[:-1]),
                                               Notification.status == "queued",
                                               Notification.tries == 0))
    session.expire_all()
