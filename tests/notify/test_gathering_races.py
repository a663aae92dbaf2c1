"""HM-2's gathering beside other flushers (the window's "Retry e-mails", a run on another
machine), and beside a group that cannot be written; and the account manager's digest.

The interleavings are driven in order, not timed: a second app on the same database (another
process) does its part from inside the first one's `send`, or between `gather`'s read and its
writes."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from renewdesk.app import App, open_app
from renewdesk.domain.money import Money
from renewdesk.notify import gathering, outbox
from renewdesk.notify.formatting import MoneyText
from renewdesk.services.mail import seller_alert
from renewdesk.store import settings
from renewdesk.store.models import Customer, CustomerLink, Notification
from tests.builders import card, customer, document
from tests.conftest import World

DAY = date(2026, 12, 5)


def now() -> datetime:
    return datetime.now(UTC)


class Recorder:
    """An SMTP server that keeps what it is given; `during` runs inside the first send."""

    def __init__(self, during: Any = None) -> None:
        self.sent: list[tuple[str, str, str]] = []
        self.during = during

    def send(self, to: str, subject: str, body: str, message_ref: str,
             attachments: Sequence[outbox.Attachment] = (), html: str | None = None,
             images: Sequence[outbox.InlineImage] = ()) -> None:
        if self.during is not None:
            during, self.during = self.during, None
            during()
        self.sent.append((to, subject, body))


@pytest.fixture
def other(world: World) -> Iterator[App]:
    """The same database opened by another process (a run, or another machine's window)."""
    app = open_app(world.target, env=world.env)
    yield app
    app.close()


def two_customers(world: World) -> None:
    world.load(document([customer("C1", card("K1"), language="en"),
                         customer("C2", card("K2"), name="Greta Keller", language="en")]))


def installment(session: Session, customer_ref: str, number: int) -> int:
    """Installment `number`'s failure e-mail, as a run queues it: its pay-now link and the
    update-my-card link every failure e-mail has."""
    who = session.scalars(select(Customer).where(Customer.ref == customer_ref)).one()
    until = DAY + timedelta(days=30)
    note = outbox.enqueue(
        session, kind="installment_failed", customer=who, to=who.email, language="en",
        today=DAY, context={"name": who.name, "number": number, "count": 12,
                            "amount": MoneyText(Money(4900, "EUR"), "en"), "product": "Hosting",
                            "order": "ORD-1", "next_attempt_on": None,
                            "must_authenticate": False},
        links=(outbox.LinkSpec("pay_now", f"installment:ORD-1#{number}", until),
               outbox.LinkSpec("update_payment_method", who.ref, until)))
    session.commit()
    return note.id


def links_of(world: World, note_id: int) -> list[tuple[str, str]]:
    with world.session() as session:
        return [(link.action, link.subject_ref) for link in session.scalars(
            select(CustomerLink).where(CustomerLink.notification_id == note_id)
            .order_by(CustomerLink.id))]


def items_of(world: World, note_id: int) -> int | None:
    with world.session() as session:
        note = session.get(Notification, note_id)
        return None if note is None else len((note.context or {})["items"])


def test_hm2_nt1_a_message_being_sent_is_never_merged_away_under_its_sender(
        world: World, other: App) -> None:
    """The window's flusher is sending message 7 (never tried) when the run queues 9 for the
    same person and gathers: 7 is claimed, so the run leaves it be; 7 is marked sent (no
    StaleDataError), 9 lists only its own item, and the links of the sent 7 all still work."""
    two_customers(world)
    with world.session() as session:
        seven = installment(session, "C1", 1)
    merged: list[int] = []

    def the_run_meanwhile() -> None:
        with other.factory() as session:
            installment(session, "C1", 2)
            merged.append(outbox.gather(session))
            session.commit()

    window = Recorder(during=the_run_meanwhile)
    result = outbox.flush(world.app.factory, window, now)
    assert (result.sent, result.failed, merged) == (1, 0, [0])
    [nine] = [n.id for n in world.mails() if n.id != seven]
    assert {n.id: n.status for n in world.mails()} == {seven: "sent", nine: "queued"}
    assert items_of(world, nine) == 1
    assert links_of(world, seven) == [("pay_now", "installment:ORD-1#1"),
                                      ("update_payment_method", "C1")]
    run = Recorder()
    assert outbox.flush(other.factory, run, now).sent == 1
    assert [subject for _to, subject, _body in window.sent + run.sent] == [
        "Installment 1 of 12 failed: €49.00", "Installment 2 of 12 failed: €49.00"]
    with world.session() as session:  # every link of the e-mail the customer got still works
        tokens = set(session.scalars(select(CustomerLink.token)))
    sent_links = [word.rsplit("/", 1)[1] for word in window.sent[0][2].split()
                  if word.startswith("http")]
    assert len(sent_links) == 2 and set(sent_links) <= tokens


def test_hm2_a_group_claimed_between_gathers_read_and_its_write_is_left_as_it_was(
        world: World, other: App, monkeypatch: pytest.MonkeyPatch) -> None:
    """A flusher claims message 7 after the run's gather has read its group [7, 9] and before
    it writes: the gather writes nothing for that group (7 is not deleted, its links stay, 9
    keeps its one item) and the other groups are merged. On PostgreSQL the gather holds the
    rows it read, so the flusher skips 7 instead and the gather merges: never both."""
    two_customers(world)
    with world.session() as session:
        seven, nine = installment(session, "C1", 1), installment(session, "C1", 2)
        greta = [installment(session, "C2", 1), installment(session, "C2", 2)]
    read = gathering.groups
    claimed: list[bool] = []

    def read_then_a_flusher_claims_seven(session: Session) -> list[list[Notification]]:
        found = read(session)
        with other.factory() as flusher:
            claimed.append(outbox.claim(flusher, seven, now, respect_backoff=False))
        return found

    monkeypatch.setattr(gathering, "groups", read_then_a_flusher_claims_seven)
    with world.session() as session:
        merged = outbox.gather(session)
        session.commit()
    assert items_of(world, greta[1]) == 2 and items_of(world, greta[0]) is None
    if world.app.engine.dialect.name == "sqlite":
        assert (claimed, merged) == ([True], 1)
        assert (items_of(world, seven), items_of(world, nine)) == (1, 1)
        assert links_of(world, seven) == [("pay_now", "installment:ORD-1#1"),
                                          ("update_payment_method", "C1")]
    else:
        assert (claimed, merged) == ([False], 2)
        assert (items_of(world, seven), items_of(world, nine)) == (None, 2)


def test_hm2_a_group_whose_list_cannot_be_written_goes_out_unmerged_and_blocks_nothing(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """An item missing a word its list needs (an imported message's context): that group is
    left as it was and its messages go one by one; the other group is merged; the flush ends."""
    two_customers(world)
    with world.session() as session:
        broken = [installment(session, "C1", 1), installment(session, "C1", 2)]
        installment(session, "C2", 1)
        greta = installment(session, "C2", 2)
        note = session.get(Notification, broken[0])
        assert note is not None
        items = [{k: v for k, v in item.items() if k != "product"}
                 for item in (note.context or {})["items"]]
        session.execute(update(Notification).where(Notification.id == broken[0])
                        .values(context={"items": items}))
        session.commit()
    sender = Recorder()
    with caplog.at_level(logging.ERROR, logger="renewdesk.outbox"):
        result = outbox.flush(world.app.factory, sender, now)
    assert (result.sent, result.failed) == (3, 0)
    assert [subject for to, subject, _ in sender.sent if to == "c1@example.fr"] == [
        "Installment 1 of 12 failed: €49.00", "Installment 2 of 12 failed: €49.00"]
    assert [subject for to, subject, _ in sender.sent if to == "c2@example.fr"] == [
        "2 installments failed: €98.00"]
    assert items_of(world, greta) == 2
    assert any(r.exc_info and "left unmerged" in r.getMessage() for r in caplog.records)


def digest(world: World, language: str) -> Notification:
    """A run's alerts: two installments failed for good, a renewal that will be tried again,
    a dispute that suspended a service, a refund that failed; gathered."""
    two_customers(world)
    with world.session() as session:
        settings.put(session, "seller_language", language)
        session.commit()
        policy = settings.load_policy(session)
        jean, greta = (session.scalars(select(Customer).where(Customer.ref == ref)).one()
                       for ref in ("C1", "C2"))
        for n in (1, 2):
            seller_alert(session, policy, DAY, reason="installment_final", customer=greta,
                         subject=f"ORD-1#{n}", amount=Money(4900, "EUR"),
                         decline_code="insufficient_funds", next_attempt_on=None)
        seller_alert(session, policy, DAY, reason="renewal_failed", customer=jean,
                     subject="R-7", amount=Money(1200, "EUR"), decline_code="expired_card",
                     next_attempt_on=DAY + timedelta(days=3))
        seller_alert(session, policy, DAY, reason="dispute_opened", customer=jean,
                     subject="PAY-3", amount=Money(3000, "USD"), decline_code=None,
                     next_attempt_on=None, dispute_reason="fraud", respond_by="20/12/2026",
                     suspended="jean.example")
        seller_alert(session, policy, DAY, reason="refund_failed", customer=jean,
                     subject="PAY-4", amount=Money(500, "EUR"), decline_code=None,
                     next_attempt_on=None)
        session.commit()
        assert outbox.gather(session) == 4
        session.commit()
    [note] = world.mails("seller_alert")
    return note


def test_hm2_the_digest_says_what_needs_attention_with_a_total_per_reason_in_english(
        world: World) -> None:
    note = digest(world, "en")
    assert note.subject.startswith("[renewdesk] 5 payments need your attention: ")
    assert "5 payments that need your attention:" in note.body
    assert "only you" not in note.body and "in all" not in note.body
    assert "Installments failed for good: 2, €98.00" in note.body
    assert "€118.00" not in note.body and "$30.00, " not in note.body  # no sum across reasons
    dispute = next(line for line in note.body.splitlines() if "PAY-3" in line)
    assert "answer by 20/12/2026" in dispute
    assert "suspended until it is settled: jean.example" in dispute
    renewal = next(line for line in note.body.splitlines() if "R-7" in line)
    assert "next automatic attempt" in renewal


def test_hm2_the_digest_says_what_needs_attention_with_a_total_per_reason_in_french(
        world: World) -> None:
    note = digest(world, "fr")
    assert note.subject.startswith("[renewdesk] 5 paiements demandent votre attention : ")
    assert "5 paiements qui demandent votre attention :" in note.body
    assert "vous seul" not in note.body and "au total" not in note.body
    assert "Échéances définitivement impayées : 2, 98,00\xa0€" in note.body
    dispute = next(line for line in note.body.splitlines() if "PAY-3" in line)
    assert "suspendu jusqu'à son issue : jean.example" in dispute
