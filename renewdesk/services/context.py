"""What a use case needs from the outside world, wired once in `renewdesk.app`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from threading import RLock
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from renewdesk.domain.roles import Role

if TYPE_CHECKING:  # types only: a context is made at the window's start, before mail is needed
    from renewdesk.notify.outbox import Sender
    from renewdesk.notify.webhooks import WebhookTarget
    from renewdesk.payments.processor import Processor


@dataclass(frozen=True)
class Clock:
    """MO-2: `today` is the business date everything is done as of; `now` gives UTC instants."""

    today: date
    now: Callable[[], datetime]


@dataclass(frozen=True)
class Context:
    """`write_lock` is the one thing that serialises the engine's writes (SQLite has one
    writer): every unit of work of a run and of a charge taken by hand holds it, and the
    processor is called outside it. `renewdesk.app` gives every context of an app the same one,
    so the window's manual charges and the scheduler's run take turns instead of waiting on
    the database's busy handler; a context made alone has its own. `role`: what the user may
    do (domain/roles.py), checked by the use cases that need more than a workflow's powers
    before anything changes; `who` is the audit's (EV-2), in team mode the database user."""

    factory: sessionmaker[Session]
    processor: Processor
    clock: Clock
    who: str = "system"
    mailer: Sender | None = None
    webhook: WebhookTarget | None = None
    write_lock: RLock = field(default_factory=RLock, compare=False, repr=False)
    role: Role = Role.ADMIN
