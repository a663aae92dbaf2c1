"""EV-1 domain events and EV-2 audit entries, written in the caller's unit of work."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from renewdesk.store import settings
from renewdesk.store.models import AuditEntry, Event
from renewdesk.store.refs import assign_ref, temporary_ref


def record_event(session: Session, type_: str, subject: str, on: date, now: datetime,
                 data: dict[str, Any] | None = None) -> Event:
    if "webhook_set" not in session.info:  # one read per unit of work, not per event
        session.info["webhook_set"] = bool(settings.get(session, "webhook_url"))
    webhook_set = session.info["webhook_set"]
    event = Event(ref=temporary_ref(), type=type_, subject=subject, on=on, data=data or {},
                  created_at=now, delivery="pending" if webhook_set else "none")
    session.add(event)
    session.flush()
    assign_ref(session, event, "EV")
    return event


def audit(session: Session, who: str, action: str, subject: str, on: date, now: datetime,
          before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
    session.add(AuditEntry(at=now, on=on, who=who, action=action, subject=subject,
                           before=before, after=after))
