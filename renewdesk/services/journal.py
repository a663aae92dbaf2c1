"""EV-1 domain events and EV-2 audit entries, written in the caller's unit of work."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from renewdesk.store import bulk, settings
from renewdesk.store.models import AuditEntry, Event
from renewdesk.store.refs import temporary_ref

# An event to record with `record_events`: its type, subject, date and data.
NewEvent = tuple[str, str, date, dict[str, Any]]


def _delivery(session: Session) -> str:
    """EV-1: an event waits for delivery only when a webhook is set."""
    return "pending" if settings.cached(session, "webhook_url") else "none"


_HELD = "events held for record_events"  # session.info: see `holding_events`


def record_event(session: Session, type_: str, subject: str, on: date, now: datetime,
                 data: dict[str, Any] | None = None) -> None:
    """Added to the unit of work; its ref (`EV-0000042`) is given when it is flushed. In a unit
    of work that holds its events (`holding_events`), written with the others at its end."""
    held: list[NewEvent] | None = session.info.get(_HELD)
    if held is not None:
        held.append((type_, subject, on, data or {}))
        return
    session.add(Event(ref=temporary_ref(), type=type_, subject=subject, on=on, data=data or {},
                      created_at=now, delivery=_delivery(session)))


@contextmanager
def holding_events(session: Session, now: datetime) -> Iterator[None]:
    """Events recorded inside are written together when it ends, in one multi-row INSERT (a
    wave of charges records thousands). Nothing inside may read them back before."""
    session.info[_HELD] = []
    try:
        yield
        record_events(session, session.info[_HELD], now)
    finally:
        del session.info[_HELD]


def record_events(session: Session, events: Sequence[NewEvent], now: datetime) -> None:
    """`record_event` for many events at once, their refs in them (`bulk.add_with_refs`: no
    statement per event), because a flush and a query for each event weighed on a busy
    night."""
    if not events:
        return
    session.flush()  # the events follow what the unit of work already holds
    table = Event.__table__
    assert isinstance(table, Table)
    delivery = _delivery(session)
    bulk.add_with_refs(session.connection(), table, [
        {"type": type_, "subject": subject, "on": on, "data": data, "created_at": now,
         "delivery": delivery, "delivery_tries": 0} for type_, subject, on, data in events], "EV")


def audit(session: Session, who: str, action: str, subject: str, on: date, now: datetime,
          before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
    session.add(AuditEntry(at=now, on=on, who=who, action=action, subject=subject,
                           before=before, after=after))
