"""EV-1: domain events delivered to a webhook URL, signed (HMAC-SHA256), with retries.

The signature header follows Stripe's scheme so receivers can reuse their code:
`Renewdesk-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from renewdesk.store.models import Event

MAX_TRIES = 8
_BACKOFF_MINUTES = (1, 5, 15, 60, 240, 720, 1440)


@dataclass(frozen=True)
class WebhookTarget:
    url: str
    secret: str
    timeout: float = 10.0


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def payload(event: Event) -> bytes:
    return json.dumps({"id": event.ref, "type": event.type, "on": event.on.isoformat(),
                       "subject": event.subject, "data": event.data}, sort_keys=True).encode()


def deliver(factory: sessionmaker[Session], target: WebhookTarget | None,
            now: Callable[[], datetime], *, respect_backoff: bool = False) -> tuple[int, int]:
    """POST every pending event; returns (delivered, failed this time)."""
    if target is None:
        return 0, 0
    if not target.url.startswith(("http://", "https://")):
        raise ValueError(f"webhook URL must be http(s): {target.url!r}")
    delivered = failed = 0
    with factory() as session:
        query = select(Event.id).where(Event.delivery == "pending")
        if respect_backoff:
            query = query.where(or_(Event.next_delivery_at.is_(None),
                                    Event.next_delivery_at <= now()))
        ids = session.scalars(query.order_by(Event.id)).all()
    for event_id in ids:
        with factory() as session:
            event = session.get(Event, event_id)
            if event is None or event.delivery != "pending":
                continue
            body = payload(event)
            stamp = int(now().timestamp())
            request = urllib.request.Request(  # noqa: S310 (scheme checked above)
                target.url, data=body, method="POST",
                headers={"Content-Type": "application/json",
                         "Renewdesk-Signature": signature(target.secret, stamp, body)},
            )
            event.delivery_tries += 1
            try:
                with urllib.request.urlopen(request, timeout=target.timeout) as answer:  # noqa: S310
                    answer.read()
            except (urllib.error.URLError, OSError, ValueError) as error:
                event.delivery_error = f"{type(error).__name__}: {error}"[:500]
                if event.delivery_tries >= MAX_TRIES:
                    event.delivery = "failed"
                else:
                    step = _BACKOFF_MINUTES[min(event.delivery_tries, len(_BACKOFF_MINUTES)) - 1]
                    event.next_delivery_at = now() + timedelta(minutes=step)
                failed += 1
            else:
                event.delivery = "delivered"
                event.delivery_error = None
                delivered += 1
            session.commit()
    return delivered, failed
