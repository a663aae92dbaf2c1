"""SC-3's two facts about the days a run covers: when the last run was, and how many days a run
as of today would catch up. Apart from `run_due` (which uses them) so that the window's status
bar and the command line's status read them without loading the run's whole machinery."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from renewdesk.store import settings


def last_run_on(session: Session) -> date | None:
    value = settings.get(session, "last_run_on")
    return date.fromisoformat(value) if value else None


def missed_days(session: Session, today: date) -> int:
    """SC-3: how many days a run as of `today` would catch up (the desktop asks before > 1)."""
    last = last_run_on(session)
    return max(0, (today - last).days - 1) if last else 0
