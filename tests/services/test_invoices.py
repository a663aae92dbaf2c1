"""IV-1, IV-2 at the services layer: every payment invoiced in the unit of work that records
it paid, numbered without gap or duplicate, never changed once issued; refunds credited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DatabaseError, IntegrityError

from renewdesk.domain.money import Money
from renewdesk.services import invoices, refunds
from renewdesk.store.models import Attempt, Invoice, InvoiceDue
from tests.builders import card, customer, document, order, service
from tests.conftest import World

SELLER = ("seller_name=Hébergement Dupont SARL", "seller_address=3 rue de la Paix\n75002 Paris",
          "seller_siren=732829320", "seller_vat_number=FR44732829320")


def complete_seller(world: World) -> None:
    code, _out, err = world.cli("settings", *SELLER)
    assert code == 0, err


def numbers(world: World, kind: str = "invoice") -> list[str]:
    with world.session() as session:
        return list(session.scalars(select(Invoice.number).where(Invoice.kind == kind)
                                    .order_by(Invoice.sequence)))


def paying(world: World, customers: int = 3) -> None:
    """Each customer: a domain renewed on 13 November and an order's first installment."""
    world.load(document(
        [customer(f"C{n}", card(f"K{n}")) for n in range(customers)],
        services=[service(f"D{n}", f"C{n}", "2026-11-20", payment_method=f"K{n}")
                  for n in range(customers)],
        orders=[order(f"O{n}", f"C{n}", f"K{n}", "2026-11-05") for n in range(customers)]))


def test_iv1_every_payment_is_invoiced_once_in_one_sequence_without_gap(world: World) -> None:
    complete_seller(world)
    paying(world)
    world.walk("2026-11-01", "2026-11-13")
    issued = numbers(world)
    assert issued == [f"F2026-{n:06d}" for n in range(1, 7)]
    with world.session() as session:
        paid = session.scalars(select(Attempt.id).where(Attempt.result == "succeeded")).all()
        invoiced = session.scalars(select(Invoice.attempt_id)).all()
        assert sorted(paid) == sorted(invoiced)
        first = session.scalars(select(Invoice).where(Invoice.number == "F2026-000004")).one()
        doc = invoices.document_of(session, first.document)
    assert doc.seller.name == "Hébergement Dupont SARL" and doc.total == 1200
    assert (doc.total_excl, doc.total_vat) == (1000, 200)  # 12,00 € including 20 % VAT
    assert doc.lines[0].description == "d0.fr" and doc.payment_ref and doc.paid_with


def test_iv1_payments_wait_for_the_seller_and_are_issued_in_the_order_paid(world: World) -> None:
    paying(world, customers=2)
    world.walk("2026-11-01", "2026-11-05")  # two installments paid, no seller yet
    with world.session() as session:
        assert len(session.scalars(select(InvoiceDue)).all()) == 2
    assert numbers(world) == []
    complete_seller(world)
    world.walk("2026-11-06", "2026-11-13")  # the next run issues what waited, then the rest
    issued = numbers(world)
    assert len(issued) == 4
    with world.session() as session:
        rows = session.scalars(select(Invoice).order_by(Invoice.sequence)).all()
        paid_on = [session.get(Attempt, r.attempt_id).on for r in rows]  # type: ignore[union-attr]
        assert paid_on == sorted(paid_on)
        assert session.scalars(select(InvoiceDue)).all() == []


def test_iv1_an_issued_invoice_is_refused_an_update_or_a_delete_by_the_database(
        world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    with world.session() as session, pytest.raises((DatabaseError, IntegrityError)):
        session.execute(update(Invoice).values(total_minor=1))
        session.commit()
    with world.session() as session, pytest.raises((DatabaseError, IntegrityError)):
        session.execute(text("DELETE FROM invoice"))
        session.commit()
    assert numbers(world) == ["F2026-000001"]


def test_iv1_one_payment_cannot_have_two_invoices(world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    with world.session() as session:
        (issued,) = session.scalars(select(Invoice)).all()
        data = dict(issued.document)
        with pytest.raises(IntegrityError):
            session.add(Invoice(number="F2026-999999", kind="invoice", year=2026, sequence=999,
                                issued_on=issued.issued_on, customer_id=issued.customer_id,
                                attempt_id=issued.attempt_id, currency="EUR",
                                total_excl_minor=0, vat_minor=0, total_minor=0, document=data,
                                created_at=issued.created_at))
            session.commit()


def test_iv2_a_refund_is_a_credit_note_naming_its_invoice_in_its_own_sequence(
        world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    refunds.refund(world.ctx("2026-11-06"), world.app.engine.url, "O0#1/1", Money(1000, "EUR"),
                   "goodwill")
    assert numbers(world, "credit_note") == ["A2026-000001"]
    with world.session() as session:
        note = session.scalars(select(Invoice).where(Invoice.kind == "credit_note")).one()
        doc = invoices.document_of(session, note.document)
    assert doc.corrects == "F2026-000001" and doc.total == 1000 and doc.reason == "goodwill"
    assert (doc.total_excl, doc.total_vat) == (833, 167)


def test_iv4_the_payments_e_mail_carries_its_invoice(world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-13")
    (paid,) = world.mails("renewal_paid")
    (installment,) = world.mails("invoice_issued")
    assert (paid.invoice_number, installment.invoice_number) == ("F2026-000002", "F2026-000001")
    assert "F2026-000001" in installment.subject and "Formation" in installment.body
    assert installment.links and installment.links[0].action == "invoices"


def test_iv2_a_correction_is_a_credit_note_never_more_than_is_left(world: World) -> None:
    from renewdesk.domain.errors import InputError

    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    ctx = world.ctx("2026-11-06")
    with world.session() as session:
        note = invoices.correct(session, "F2026-000001", Money(500, "EUR"), "price was wrong",
                                "tester", ctx.clock.today, ctx.clock.now())
        session.commit()
    assert note == "A2026-000001"
    with world.session() as session, pytest.raises(InputError) as refused:
        invoices.correct(session, "F2026-000001", Money(2501, "EUR"), "again", "tester",
                         ctx.clock.today, ctx.clock.now())
    assert refused.value.code == "correction_too_large"
    assert numbers(world, "credit_note") == ["A2026-000001"]


def test_iv1_issue_missing_invoices_older_payments_in_the_order_paid(world: World) -> None:
    paying(world, customers=2)
    world.walk("2026-11-01", "2026-11-05")
    with world.session() as session:  # as if paid before invoices existed
        session.execute(text("DELETE FROM invoice_due"))
        session.commit()
    complete_seller(world)
    ctx = world.ctx("2026-11-06")
    with world.session() as session:
        issued = invoices.issue_missing(session, ctx.clock.today, ctx.clock.now())
        session.commit()
        assert invoices.issue_missing(session, ctx.clock.today, ctx.clock.now()) == []
    assert issued == ["F2026-000001", "F2026-000002"]


def test_iv1_invoices_travel_in_the_exchange_file_unchanged(world: World, tmp_path: Path) -> None:
    from tests.conftest import World as Fresh

    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-13")
    exported = world.export()
    (first, _second) = exported["invoices"]
    assert (first["number"], first["total"], first["vat"], first["payment"]) == (
        "F2026-000001", "30.00", "5.00", "O0#1/1")
    other = Fresh(tmp_path / "other", world.env)
    other.load(exported)
    assert other.export()["invoices"] == exported["invoices"]
    other.load(exported)  # again: the same invoices, nothing changes
    assert other.export()["invoices"] == exported["invoices"]
    other.close()


def test_iv1_saving_a_complete_seller_issues_what_waited_at_once(world: World) -> None:
    from renewdesk.services import actions

    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    assert numbers(world) == []
    values = dict(value.split("=", 1) for value in SELLER)
    actions.save_settings(world.ctx("2026-11-06"), values)
    assert numbers(world) == ["F2026-000001"]


def test_iv2_credit_notes_never_exceed_their_invoice_whatever_the_order(world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    ctx = world.ctx("2026-11-06")
    with world.session() as session:
        invoices.correct(session, "F2026-000001", None, "all of it", "tester", ctx.clock.today,
                         ctx.clock.now())
        session.commit()
    refunds.refund(ctx, world.app.engine.url, "O0#1/1", None, "and the money back")
    with world.session() as session:
        notes = session.scalars(select(Invoice.total_minor).where(
            Invoice.kind == "credit_note")).all()
    assert notes == [3000]  # the refund gives the money back; the sale was credited already


def test_iv2_a_credit_note_keeps_the_vat_of_the_invoice_it_corrects(world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    with world.session() as session:  # the customer becomes a Belgian business afterwards
        session.execute(text("UPDATE customer SET business = true, country = 'BE', "
                             "vat_number = 'BE0403170701'"))
        session.commit()
    refunds.refund(world.ctx("2026-11-06"), world.app.engine.url, "O0#1/1", None, "back")
    with world.session() as session:
        note = session.scalars(select(Invoice).where(Invoice.kind == "credit_note")).one()
        doc = invoices.document_of(session, note.document)
    assert (doc.total_excl, doc.total_vat, doc.mention) == (2500, 500, None)
    assert doc.buyer.country == "FR" and not doc.buyer.business


def test_iv2_the_refunds_e_mail_carries_its_credit_note(world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-05")
    refunds.refund(world.ctx("2026-11-06"), world.app.engine.url, "O0#1/1", Money(500, "EUR"),
                   "goodwill")
    (refund_mail,) = world.mails("refund_issued")
    assert refund_mail.invoice_number == "A2026-000001"
    assert [m.invoice_number for m in world.mails("invoice_issued")] == ["F2026-000001"]


def test_iv1_issue_missing_credits_what_was_refunded_and_skips_what_is_not_concluded(
        world: World) -> None:
    paying(world, customers=2)
    world.walk("2026-11-01", "2026-11-05")
    refunds.refund(world.ctx("2026-11-06"), world.app.engine.url, "O0#1/1", Money(700, "EUR"),
                   "before invoices")
    with world.session() as session:
        session.execute(text("DELETE FROM invoice_due"))
        # O1's payment: confirmed by the processor, its item not concluded by the engine yet
        session.execute(text("UPDATE installment SET status = 'processing' WHERE id IN "
                             "(SELECT installment_id FROM attempt a JOIN installment i ON "
                             "i.id = a.installment_id JOIN installment_order o ON "
                             "o.id = i.order_id WHERE o.ref = 'O1')"))
        session.commit()
    complete_seller(world)
    ctx = world.ctx("2026-11-07")
    with world.session() as session:
        issued = invoices.issue_missing(session, ctx.clock.today, ctx.clock.now())
        session.commit()
    assert issued == ["F2026-000001", "A2026-000001"]


def test_iv1_numbers_never_go_back_in_time(world: World) -> None:
    complete_seller(world)
    paying(world, customers=1)
    world.walk("2026-11-01", "2026-11-13")
    ctx = world.ctx("2026-11-08")  # a process on an earlier business date than the last issue
    with world.session() as session:
        invoices.correct(session, "F2026-000001", Money(100, "EUR"), "earlier date", "tester",
                         ctx.clock.today, ctx.clock.now())
        invoices.correct(session, "F2026-000002", Money(100, "EUR"), "same", "tester",
                         world.ctx("2026-11-05").clock.today, ctx.clock.now())
        session.commit()
        rows = session.execute(select(Invoice.kind, Invoice.sequence, Invoice.issued_on)
                               .order_by(Invoice.kind, Invoice.sequence)).all()
    for kind in ("invoice", "credit_note"):
        dates = [on for k, _seq, on in rows if k == kind]
        assert dates == sorted(dates)
