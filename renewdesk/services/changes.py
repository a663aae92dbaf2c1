"""A cheap mark of "something changed" in the portfolio, for windows open on a shared database.

Every change leaves a new row somewhere: manual actions and imports an audit entry (EV-2), runs
attempts, events and e-mails, new customers, services and methods their own rows. The mark is
the highest id of each of those tables: a handful of index look-ups, so a window can ask every
few seconds without weighing on a team's server.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from renewdesk.store.models import (
    Attempt,
    AuditEntry,
    Customer,
    Event,
    InstallmentOrder,
    Notification,
    PaymentMethod,
    Service,
)

_WATCHED = (AuditEntry.id, Event.id, Attempt.id, Notification.id, Customer.id, Service.id,
            PaymentMethod.id, InstallmentOrder.id)


def mark(session: Session) -> tuple[int, ...]:
    row = session.execute(select(*[select(func.max(c)).scalar_subquery() for c in _WATCHED])).one()
    return tuple(value or 0 for value in row)
