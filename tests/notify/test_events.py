"""EV-1 domain events delivered to a webhook, signed, with retries; EV-2 the audit log."""

from __future__ import annotations

import hashlib
import hmac
import json

from sqlalchemy import select

from renewdesk.notify.webhooks import WebhookTarget
from renewdesk.store.models import AuditEntry, Event
from tests.builders import card, customer, document, order, service
from tests.conftest import World
from tests.peers import Receiver


def test_ev1_events_recorded_for_what_happens(world: World) -> None:
    world.load(document([customer("C1", card("A"), business=True)],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.walk("2026-12-05", "2026-12-13")
    types = [e["type"] for e in world.export()["events"]]
    assert types == ["customer.payment_method.changed", "renewal.scheduled", "renewal.paid"]


def test_ev1_webhook_deliveries_are_signed_and_retried(world: World, receiver: Receiver) -> None:
    assert world.cli("settings", f"webhook_url={receiver.url}")[0] == 0
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    target = WebhookTarget(receiver.url, "whsec_test")
    receiver.fail_next = 1
    report = world.run("2026-12-05", webhook=target)
    assert any("webhook" in p for p in report.problems)
    world.run("2026-12-06", webhook=target)
    with world.session() as s:
        assert {e.delivery for e in s.scalars(select(Event))} == {"delivered"}
    delivered = [json.loads(body)["type"] for _h, body in receiver.requests]
    assert delivered.count("customer.payment_method.changed") == 2  # failed once, then retried
    headers, body = receiver.requests[-1]
    stamp, v1 = (part.split("=", 1)[1] for part in headers["Renewdesk-Signature"].split(","))
    expected = hmac.new(b"whsec_test", f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(v1, expected)


def test_ev2_manual_actions_are_audited_with_who_before_and_after(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2027-06-01", auto_renew=False)],
                        [order("O1", "C1", "A", "2026-12-01")]))
    assert world.cli("bulk-recurrence", "C1", "--all", "--on", today="2026-11-01")[0] == 0
    assert world.cli("plan-update", "O1", "--amount", "25.00", today="2026-11-01")[0] == 0
    with world.session() as s:
        entries = {e.action: e for e in s.scalars(select(AuditEntry))}
    bulk = entries["bulk_recurrence"]
    # The command line's user: the computer's login (RENEWDESK_USER here), in team mode the
    # database user it connected as (issue 23; the tests' server's own, renewdesk).
    sqlite = world.target == str(world.db)
    assert (bulk.who, bulk.subject) == ("tester" if sqlite else "renewdesk", "S1")
    assert bulk.before == {"auto_renew": False, "payment_method": None, "billing_contact": None}
    assert bulk.after == {"auto_renew": True, "payment_method": "A", "billing_contact": None}
    assert entries["plan_update"].after == {"requested_amount": "25.00", "status": "pending"}
    assert "import" in entries
