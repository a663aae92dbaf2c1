"""Issue 23: a busy night's events and e-mails are written together (`store.bulk`), with no
statement per row; what is written is what the row-by-row paths write (EV-1, NT-1)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from renewdesk.notify.outbox import LinkSpec, NewMail, enqueue, enqueue_many, holding_mails, written
from renewdesk.services.journal import holding_events, record_event
from renewdesk.store import bulk
from renewdesk.store.models import (
    Customer,
    CustomerLink,
    Event,
    Installment,
    InstallmentOrder,
    Notification,
)
from tests.builders import card, customer, document, order
from tests.conftest import World

NOW = datetime(2027, 1, 10, 1, 2, 3, tzinfo=UTC)
DAY = date(2027, 1, 10)
COLUMNS = ("type", "subject", "on", "data", "created_at", "delivery", "delivery_tries",
           "next_delivery_at", "delivery_error")


def _event(e: Event) -> tuple[Any, ...]:
    return tuple(getattr(e, name) for name in COLUMNS)


def test_ev1_events_held_and_written_together_equal_those_written_one_by_one(
        world: World) -> None:
    """EV-1: the same columns and refs `EV-<id>` for each; a ref an import took is skipped."""
    facts = [("installment.paid", f"O{n}#1", DAY, {"amount": "30.00 EUR", "n": n})
             for n in range(5)]
    with world.session() as s:
        for type_, subject, on, data in facts:
            record_event(s, type_, subject, on, NOW, data)
        s.commit()
        one_by_one = s.scalars(select(Event).order_by(Event.id)).all()
        last = one_by_one[-1].id
        # an import's event holding the ref the next event would be given
        s.add(Event(ref=f"EV-{last + 2:07d}", type="imported", subject="X", on=DAY, data={},
                    created_at=NOW, delivery="none"))
        s.commit()
        with holding_events(s, NOW):
            for type_, subject, on, data in facts:
                record_event(s, type_, subject, on, NOW, data)
        s.commit()
        together = s.scalars(select(Event).where(Event.type != "imported", Event.id > last)
                             .order_by(Event.id)).all()
        assert len(together) == len(one_by_one) == 5
        assert [_event(e) for e in together] == [_event(e) for e in one_by_one]
        assert all(e.ref == f"EV-{e.id:07d}" for e in one_by_one)
        assert [e.ref for e in together] == [
            f"EV-{e.id:07d}" + ("-2" if e.id == last + 2 else "") for e in together]


MAIL = ("kind", "customer_id", "to", "language", "subject", "body", "html", "context",
        "created_on", "status", "tries", "next_try_at", "sent_at", "last_error",
        "invoice_number")


def test_nt1_emails_written_together_equal_those_queued_one_by_one(world: World) -> None:
    """NT-1: each message's columns, ref `MSG-<id>` and links are those `enqueue` writes."""
    world.load(document([customer("C1", card("A")), customer("C2", card("B"), language="en")]))
    with world.session() as s:
        people = s.scalars(select(Customer).order_by(Customer.ref)).all()
        mails = [NewMail("installment_failed", person, person.email, person.language,
                         {"name": person.name, "product": "Formation", "order": f"O{n}",
                          "count": 6, "number": 1, "amount": "30,00 €",
                          "next_attempt_on": None, "must_authenticate": False}, DAY,
                         (LinkSpec("update_payment_method", person.ref, date(2027, 2, 10)),
                          LinkSpec("pay_now", f"installment:O{n}#1", date(2027, 2, 10))))
                 for n, person in enumerate(people)]
        for mail in mails:
            enqueue(s, kind=mail.kind, customer=mail.customer, to=mail.to,
                    language=mail.language, context=mail.context, today=mail.today,
                    links=mail.links)
        s.commit()
        one_by_one = s.scalars(select(Notification).order_by(Notification.id)).all()
        last = one_by_one[-1].id
        enqueue_many(s, mails)
        s.commit()
        together = s.scalars(select(Notification).where(Notification.id > last)
                             .order_by(Notification.id)).all()

        def row(note: Notification) -> tuple[Any, ...]:
            tokens = note.context["items"][0].pop("_links") if note.context else None
            links = [(link.action, link.customer_id, link.subject_ref, link.expires_on,
                      link.used_on, link.token == tokens[link.action])
                     for link in s.scalars(select(CustomerLink).where(
                         CustomerLink.notification_id == note.id))]
            words = tuple(getattr(note, name) for name in MAIL)
            for token in tokens.values():  # each message's links are its own tokens
                words = tuple(w.replace(token, "TOKEN") if isinstance(w, str) else w
                              for w in words)
            return (note.ref == f"MSG-{note.id:07d}", words, links)

        assert len(together) == len(one_by_one) == 2
        assert [row(n) for n in together] == [row(n) for n in one_by_one]


def _queue_three(s: Any, people: list[Customer]) -> None:
    """A failure e-mail, a paid renewal's (kept: an invoice goes with it), another failure."""
    for n, (kind, person) in enumerate([("installment_failed", people[0]),
                                        ("renewal_paid", people[1]),
                                        ("installment_failed", people[1])]):
        context: dict[str, Any] = (
            {"name": person.name, "product": "Formation", "order": f"O{n}", "count": 6,
             "number": 1, "amount": "30,00 €", "next_attempt_on": None,
             "must_authenticate": False} if kind == "installment_failed" else
            {"name": person.name, "amount": "12,00 €", "card": "Visa •••• 4242",
             "services": [{"label": "example.fr", "new_expires_on": "10/01/2028"}]})
        links = (LinkSpec("update_payment_method", person.ref, date(2027, 2, 10)),
                 LinkSpec("pay_now", f"installment:O{n}#1", date(2027, 2, 10))) \
            if kind == "installment_failed" else ()
        enqueue(s, kind=kind, customer=person, to=person.email, language=person.language,
                context=context, today=DAY, links=links)


def test_nt1_emails_held_in_a_wave_are_written_in_the_order_they_were_queued(
        world: World) -> None:
    """NT-1: held or not, the same messages, links and order; the kept kind stays an object of
    the unit of work (`written`), the others are not."""
    world.load(document([customer("C1", card("A")), customer("C2", card("B"), language="en")]))
    with world.session() as s:
        people = list(s.scalars(select(Customer).order_by(Customer.ref)))
        _queue_three(s, people)
        s.commit()
        plain = s.scalars(select(Notification).order_by(Notification.id)).all()
        last = plain[-1].id
        with holding_mails(s, kept=("renewal_paid",)):
            _queue_three(s, people)
            assert [note.kind for note in written(s)] == ["renewal_paid"]
        s.commit()
        held = s.scalars(select(Notification).where(Notification.id > last)
                         .order_by(Notification.id)).all()

        def row(note: Notification) -> tuple[Any, ...]:
            links = s.scalars(select(CustomerLink).where(
                CustomerLink.notification_id == note.id).order_by(CustomerLink.id)).all()
            words = tuple(getattr(note, name) for name in MAIL)
            for link in links:
                words = tuple(w.replace(link.token, "TOKEN") if isinstance(w, str) else w
                              for w in words)
            return (note.ref == f"MSG-{note.id:07d}", _tokens_out(words),
                    [(lk.action, lk.customer_id, lk.subject_ref, lk.expires_on) for lk in links])

        assert len(held) == len(plain) == 3
        assert [row(n) for n in held] == [row(n) for n in plain]


def _tokens_out(words: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple({**w, "items": [{**i, "_links": sorted(i.get("_links", {}))}
                                 for i in w["items"]]} if isinstance(w, dict) else w
                 for w in words)


def test_in1_columns_set_while_holding_are_written_as_the_flush_would(world: World) -> None:
    """IN-1: what `set_columns` holds reaches the rows when the holding ends, and the objects
    show it at once; outside a holding it is a plain change of the objects."""
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-12-01")]))
    with world.session() as s:
        first, second = s.scalars(select(Installment).order_by(Installment.id)).all()[:2]
        with bulk.holding_changes(s):
            bulk.set_columns(s, first, status="paid", next_attempt_on=None)
            bulk.set_columns(s, second, rounds_done=1, status="failed")
            bulk.set_columns(s, second, next_attempt_on=date(2026, 12, 9))
            assert first.status == "paid" and not s.dirty
        bulk.set_columns(s, first.order, status="completed")
        assert first.order in s.dirty
        s.commit()
        ids = (first.id, second.id)
    with world.session() as s:
        rows = {i.id: (i.status, i.next_attempt_on, i.rounds_done)
                for i in s.scalars(select(Installment).where(Installment.id.in_(ids)))}
        assert rows == {ids[0]: ("paid", None, 0), ids[1]: ("failed", date(2026, 12, 9), 1)}
        assert s.scalar(select(InstallmentOrder.status)) == "completed"
