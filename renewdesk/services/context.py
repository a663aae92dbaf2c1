"""What a use case needs from the outside world, wired once in `renewdesk.app`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

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
    factory: sessionmaker[Session]
    processor: Processor
    clock: Clock
    who: str = "system"
    mailer: Sender | None = None
    webhook: WebhookTarget | None = None
