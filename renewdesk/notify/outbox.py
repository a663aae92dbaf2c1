"""NT-1: every e-mail goes through a durable outbox; a failed send is retried with backoff.

Messages are rendered when they are queued, so what the customer receives is exactly what the
outbox shows. A run of the scheduler tries every message not yet sent; the window's periodic
flush respects the backoff (`respect_backoff=True`).

An e-mail that names an invoice (IV-4) carries its PDF, made when it is sent from the document
frozen at issue (`services.invoice_files`) and never kept: the same document gives the same
bytes, so a retry sends the same file. A PDF that cannot be made is a bug, never a reason to
lose the e-mail: it stays queued, with why in its error, and is tried again like a send that
failed.

HM-2: the messages queued for one person are gathered into one before anything is sent
(`gathering.gather`): each message keeps what it was rendered from (`context`), so the messages
of one kind to one customer (or the seller's alerts) become one listing every item, each with
its own links and its own invoice's PDF. HM-4: every message has an HTML part with the
seller's face, rendered with its text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, Table, event, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from renewdesk.notify import compose as text
from renewdesk.notify import links as link_tokens
from renewdesk.notify.face import LOGO_CID, seller_face
from renewdesk.notify.gathering import gather as gather  # flush gathers first (HM-2)
from renewdesk.notify.gathering import invoice_numbers
from renewdesk.notify.links import DEFAULT_LINKS_BASE as DEFAULT_LINKS_BASE
from renewdesk.notify.templates import language_for
from renewdesk.store import bulk, settings
from renewdesk.store.models import Customer, CustomerLink, HostedPage, Notification
from renewdesk.store.refs import temporary_ref

_BACKOFF_MINUTES = (1, 5, 15, 60, 240, 720)

log = logging.getLogger("renewdesk.outbox")


@dataclass(frozen=True)
class Attachment:
    """A file an e-mail carries (an invoice's PDF), made when the e-mail is sent."""

    filename: str
    content: bytes
    mimetype: str = "application/pdf"


@dataclass(frozen=True)
class InlineImage:
    """An image the HTML part shows by its Content-ID (`<img src="cid:...">`): the logo."""

    cid: str
    content: bytes
    mimetype: str = "image/png"


class Sender(Protocol):
    """Sends one e-mail: its plain text, and its HTML part with the images it shows (HM-4).
    `attachments`, `html` and `images` are given only to an e-mail that has some, so a sender
    that never gets one may leave it out."""

    def send(self, to: str, subject: str, body: str, message_ref: str,
             attachments: Sequence[Attachment] = (), html: str | None = None,
             images: Sequence[InlineImage] = ()) -> None: ...


@dataclass(frozen=True)
class LinkSpec:
    action: str
    subject_ref: str
    expires_on: date


@dataclass(frozen=True)
class FlushResult:
    sent: int
    failed: int
    waiting: int


def signing_key(session: Session) -> str:
    key = settings.cached(session, "link_signing_key")
    if key is None:
        key = link_tokens.new_signing_key()
        settings.put(session, "link_signing_key", key)
    return key


def enqueue(session: Session, *, kind: str, customer: Customer | None, to: str,
            language: str, context: dict[str, Any], today: date,
            links: tuple[LinkSpec, ...] = ()) -> Notification:
    """Queue one e-mail (suppressed if the customer's e-mails are off, NT-4)."""
    base = settings.cached(session, "links_base_url") or DEFAULT_LINKS_BASE
    key = signing_key(session) if links else ""
    made: list[CustomerLink] = []
    tokens: dict[str, str] = {}
    for spec in links:
        token = link_tokens.sign(key, spec.action, spec.expires_on)
        assert customer is not None
        made.append(CustomerLink(token=token, action=spec.action, customer_id=customer.id,
                                 subject_ref=spec.subject_ref, expires_on=spec.expires_on))
        tokens[spec.action] = token
    urls = {action: base + token for action, token in tokens.items()}
    mail = text.compose(session, kind, language_for(language), [context], [urls])
    suppressed = customer is not None and not customer.emails_enabled
    row = {"kind": kind, "customer_id": customer.id if customer else None, "to": to,
           "language": language_for(language), "subject": mail.subject, "body": mail.body,
           "html": mail.html, "context": text.stored([text.item(context, tokens)]),
           "created_on": today, "status": "suppressed" if suppressed else "queued"}
    held: _Held | None = session.info.get(_HELD)
    if held is not None:
        if kind not in held.kept:
            held.mails.append((row, made))
            return Notification(ref=temporary_ref(), **row)  # written when the holding ends
        _write_held(session)  # it follows those held so far
    note = Notification(ref=temporary_ref(), **row, links=made)
    session.add(note)  # its ref (`MSG-0000042`) is given when the unit of work is flushed
    session.info.setdefault(WRITTEN, []).append(note)
    return note


@dataclass
class _Held:
    kept: frozenset[str]  # the kinds written as ORM objects (read back in the unit of work)
    mails: list[tuple[dict[str, Any], list[CustomerLink]]]


_HELD = "e-mails held for holding_mails"  # session.info: see `holding_mails`


@contextmanager
def holding_mails(session: Session, kept: Iterable[str] = ()) -> Iterator[None]:
    """E-mails queued inside (`enqueue`) are written together when it ends, in the order they
    were queued (`store.bulk`: no INSERT per message and per link), a wave of charges writes
    hundreds. `kept`: kinds that are read back in the unit of work (`written`), added to it
    as objects as before; those held so far are written first, so the order stays. What
    `enqueue` returns for a held e-mail is not in the session: nothing inside may use it."""
    session.info[_HELD] = _Held(frozenset(kept), [])
    try:
        yield
        session.flush()  # the kept ones queued meanwhile come before those held since
        _write_held(session)
    finally:
        del session.info[_HELD]


def _write_held(session: Session) -> None:
    held: _Held = session.info[_HELD]
    if not held.mails:
        return
    mails, held.mails = held.mails, []
    ids = bulk.add_with_refs(session.connection(), cast(Table, Notification.__table__),
                             [row for row, _links in mails], "MSG")
    bulk.add(session.connection(), cast(Table, CustomerLink.__table__), [
        {"token": link.token, "action": link.action, "customer_id": link.customer_id,
         "subject_ref": link.subject_ref, "notification_id": note_id,
         "expires_on": link.expires_on, "used_on": None}
        for note_id, (_row, links) in zip(ids, mails, strict=True) for link in links])


@dataclass(frozen=True)
class NewMail:
    """One e-mail for `enqueue_many`: what `enqueue` takes, and the invoice it carries."""

    kind: str
    customer: Customer
    to: str
    language: str
    context: dict[str, Any]
    today: date
    links: tuple[LinkSpec, ...] = ()
    invoice_number: str | None = None


def enqueue_many(session: Session, mails: list[NewMail]) -> None:
    """`enqueue` for many e-mails at once: the messages written together, their refs in them,
    then their links (`store.bulk`: a busy night issues thousands of invoices, each with its
    e-mail). They are not ORM objects of the session: nothing reads them back in the unit of
    work that writes them."""
    if not mails:
        return
    session.flush()  # they follow what the unit of work already holds
    base = settings.cached(session, "links_base_url") or DEFAULT_LINKS_BASE
    key = signing_key(session) if any(m.links for m in mails) else ""
    face = seller_face(session)  # the same for all of them
    notes: list[dict[str, Any]] = []
    links: list[tuple[int, LinkSpec, str]] = []
    for mail in mails:
        tokens: dict[str, str] = {}
        for spec in mail.links:
            token = link_tokens.sign(key, spec.action, spec.expires_on)
            links.append((len(notes), spec, token))
            tokens[spec.action] = token
        urls = {action: base + token for action, token in tokens.items()}
        rendered = text.compose(session, mail.kind, language_for(mail.language), [mail.context],
                                [urls], face=face)
        notes.append({
            "kind": mail.kind, "customer_id": mail.customer.id,
            "to": mail.to, "language": language_for(mail.language), "subject": rendered.subject,
            "body": rendered.body, "html": rendered.html,
            "context": text.stored([text.item(mail.context, tokens)]), "created_on": mail.today,
            "status": "queued" if mail.customer.emails_enabled else "suppressed", "tries": 0,
            "invoice_number": mail.invoice_number})
    # Their ids taken first and their refs written in them (`bulk.add_with_refs`): no statement
    # per message, and on PostgreSQL no INSERT of thousands of parameters to parse and plan.
    ids = bulk.add_with_refs(session.connection(), cast(Table, Notification.__table__), notes,
                             "MSG")
    if links:
        bulk.add(session.connection(), cast(Table, CustomerLink.__table__), [
            {"token": token, "action": spec.action, "customer_id": mails[n].customer.id,
             "subject_ref": spec.subject_ref, "notification_id": ids[n],
             "expires_on": spec.expires_on, "used_on": None}
            for n, spec, token in links])


WRITTEN = "e-mails written in this unit of work"  # session.info: see `written`


def written(session: Session) -> list[Notification]:
    """The e-mails queued in the session's unit of work under way (an invoice issued with a
    payment finds the payment's e-mail there, to go with it)."""
    return list(session.info.get(WRITTEN, ()))


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _unit_ended(session: Session) -> None:
    session.info.pop(WRITTEN, None)


def flush(factory: sessionmaker[Session], sender: Sender | None, now: Callable[[], datetime],
          *, respect_backoff: bool = False) -> FlushResult:
    """Send what is queued, one commit per message so nothing is sent twice or lost; what
    waits for one person is gathered into one message first (HM-2). Each message is claimed
    (`claim`) before it is sent, so a second flusher, or a gather under way, leaves it be."""
    with factory() as session:
        gather(session)
        session.commit()
    if sender is None:
        with factory() as session:
            waiting = session.scalar(select(func.count()).select_from(Notification).where(
                Notification.status == "queued")) or 0
        return FlushResult(0, 0, waiting)
    sent = failed = 0
    with factory() as session:
        query = select(Notification.id).where(Notification.status == "queued")
        if respect_backoff:
            query = query.where(or_(Notification.next_try_at.is_(None),
                                    Notification.next_try_at <= now()))
        ids = session.scalars(query.order_by(Notification.id)).all()
    for message_id in ids:
        with factory() as session:
            if not claim(session, message_id, now, respect_backoff):
                continue
            note = session.get(Notification, message_id, populate_existing=True)
            if note is None:
                continue
            if _send_one(session, note, sender, now):
                sent += 1
            else:
                failed += 1
            session.commit()
    return FlushResult(sent, failed, 0)


SENDING_LEASE = timedelta(minutes=15)  # a claimed message's send, SMTP's timeouts included


def claim(session: Session, message_id: int, now: Callable[[], datetime],
           respect_backoff: bool) -> bool:
    """HM-2, NT-1: the message is this flusher's to send, committed before anything is sent:
    its try counted (so `gather`, which merges only untried messages, leaves it alone) and
    held for `SENDING_LEASE` (so another flusher skips it). If the send never ends (the
    process dies), the message is tried again once the lease is over: never lost. Without
    `respect_backoff`, a message whose last try failed (it has an error) goes at once; one
    being sent (no error yet, its lease running) never does."""
    seen = session.scalar(select(Notification.tries).where(
        Notification.id == message_id, Notification.status == "queued")
        .with_for_update(skip_locked=True))  # PostgreSQL: one a gather holds is skipped
    if seen is None:
        return False
    at = now()
    free = or_(Notification.next_try_at.is_(None), Notification.next_try_at <= at)
    if not respect_backoff:
        free = or_(free, Notification.last_error.is_not(None))
    claimed = session.execute(
        update(Notification).where(Notification.id == message_id,
                                   Notification.status == "queued",
                                   Notification.tries == seen, free)
        .values(tries=Notification.tries + 1, next_try_at=at + SENDING_LEASE,
                last_error=None),
        execution_options={"synchronize_session": False})
    session.commit()
    return bool(cast("CursorResult[Any]", claimed).rowcount == 1)


def _send_one(session: Session, note: Notification, sender: Sender,
              now: Callable[[], datetime]) -> bool:
    """One claimed message sent and marked so, or left queued with why; the caller commits."""
    try:
        files = _attachments(session, note)
    except _NoPdf as error:  # a bug making the PDF: the e-mail waits, never lost
        session.rollback()  # whatever the reading left half done; the note is read again
        log.exception("%s: the PDF of invoice %s could not be made", note.ref, error.number)
        cause = error.__cause__
        _failed(note, f"invoice {error.number}: its PDF could not be made: "
                      f"{type(cause).__name__}: {cause}", now)
        return False
    extra: dict[str, Any] = {}
    if files:
        extra["attachments"] = files
    if note.html:
        note.html = _pages_in_html(session, note, note.html)
        extra["html"] = note.html
        images = _images(session, note.html)
        if images:
            extra["images"] = images
    try:
        sender.send(note.to, note.subject, note.body, note.ref, **extra)
    except (OSError, ValueError) as error:  # smtplib errors are OSErrors
        _failed(note, f"{type(error).__name__}: {error}", now)
        return False
    note.status = "sent"
    note.sent_at = now()
    note.last_error = None
    note.next_try_at = None
    return True


def _failed(note: Notification, error: str, now: Callable[[], datetime]) -> None:
    """Stays queued: never lost, tried again on the next run or after the backoff (its try
    was counted when it was claimed)."""
    note.last_error = error[:500]
    delay = _BACKOFF_MINUTES[min(note.tries, len(_BACKOFF_MINUTES)) - 1]
    note.next_try_at = now() + timedelta(minutes=delay)


class _NoPdf(Exception):
    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.number = number


def _attachments(session: Session, note: Notification) -> tuple[Attachment, ...]:
    """The PDF of each invoice the e-mail names (one, or each item's in a gathered one, HM-2),
    named in the e-mail's language."""
    numbers = invoice_numbers(note)
    if not numbers:
        return ()
    # The stored document is read back by its one reader, a use case built on this module.
    from renewdesk.services.invoice_files import invoice_file

    files = []
    for number in numbers:
        try:
            made = invoice_file(session, number, note.language, note.customer_id)
        except Exception as error:
            raise _NoPdf(number) from error
        files.append(Attachment(made.name, made.data))
    return tuple(files)


def _images(session: Session, html: str) -> tuple[InlineImage, ...]:
    """The logo the HTML part shows (HM-4), from the saved logo."""
    if f"cid:{LOGO_CID}" not in html:
        return ()
    face = seller_face(session)
    if face.logo is None:
        return ()
    return (InlineImage(LOGO_CID, face.logo, f"image/{face.logo_type}"),)


def _pages_in_html(session: Session, note: Notification, html: str) -> str:
    """CP-2: a pay-now link whose item has the processor's page (`hosted_pages.make` points
    the text at it) points the HTML part there too."""
    pages = session.execute(select(CustomerLink.token, HostedPage.url).join(
        HostedPage, HostedPage.link_id == CustomerLink.id).where(
        CustomerLink.notification_id == note.id)).all()
    if not pages:
        return html
    base = settings.cached(session, "links_base_url") or DEFAULT_LINKS_BASE
    for token, url in pages:
        html = html.replace(base + token, url)
    return html
