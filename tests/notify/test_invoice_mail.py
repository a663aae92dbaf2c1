"""IV-4 by e-mail: the payment's e-mail carries its invoice's Factur-X PDF, made when it is sent
from the frozen document and named in the customer's language; NT-1: a PDF that cannot be made
leaves the e-mail queued with why."""

from __future__ import annotations

from email.message import Message
from typing import Any

import facturx  # type: ignore[import-untyped]
import pytest
from sqlalchemy import select

from renewdesk.domain.money import Money
from renewdesk.invoicing import pdf
from renewdesk.notify.smtp import SmtpConfig, SmtpSender
from renewdesk.services import invoices, refunds
from renewdesk.store.models import Invoice
from tests.builders import card, customer, document, order, service
from tests.conftest import World
from tests.peers import Smtp

SELLER = ("seller_name=Hébergement Dupont SARL", "seller_address=3 rue de la Paix\n75002 Paris",
          "seller_siren=732829320", "seller_vat_number=FR44732829320")


def paid_in_november(world: World, language: str = "fr") -> None:
    """A domain renewed on 13 November and an order's first installment paid on 5 November:
    F2026-000001 is the installment's (its own invoice_issued e-mail), F2026-000002 the
    renewal's (carried by renewal_paid)."""
    code, _out, err = world.cli("settings", *SELLER)
    assert code == 0, err
    world.load(document([customer("C1", card("K1"), language=language)],
                        services=[service("D1", "C1", "2026-11-20", payment_method="K1")],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.walk("2026-11-01", "2026-11-12")


def mailer(smtp: Smtp) -> SmtpSender:
    smtp.start()
    return SmtpSender(SmtpConfig("127.0.0.1", smtp.port, sender="billing@reseller.example"))


def sent_mail(smtp: Smtp, number: str) -> Message:
    (found,) = [m for m in smtp.catcher.messages if number in _text(m)]
    return found


def _text(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(part.get_content_charset() or "utf-8")


def attached(message: Message) -> list[tuple[str, str, bytes]]:
    """(file name, content type, bytes) of each attachment."""
    found = []
    for part in message.walk():
        if part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True)
            assert isinstance(data, bytes)
            found.append((part.get_filename() or "", part.get_content_type(), data))
    return found


def xml_of(data: bytes) -> str:
    _name, xml = facturx.get_xml_from_pdf(data, check_xsd=False)
    assert isinstance(xml, bytes)
    return xml.decode("utf-8")


def stored_pdf(world: World, number: str) -> bytes:
    with world.session() as session:
        data = session.scalar(select(Invoice.document).where(Invoice.number == number))
        return pdf.invoice_pdf(invoices.document_of(session, data))


def test_iv4_an_installments_invoice_issued_e_mail_arrives_with_its_factur_x_pdf(
        world: World, smtp: Smtp) -> None:
    paid_in_november(world)
    world.run("2026-11-13", mailer=mailer(smtp))
    message = sent_mail(smtp, "F2026-000001")
    assert message.get_content_type() == "multipart/mixed"
    assert "Formation" in _text(message)
    ((name, content_type, data),) = attached(message)
    assert (name, content_type) == ("Facture-F2026-000001.pdf", "application/pdf")
    assert data.startswith(b"%PDF-")
    assert "<ram:ID>F2026-000001</ram:ID>" in xml_of(data)
    assert data == stored_pdf(world, "F2026-000001")  # made from the document, deterministic
    (note,) = world.mails("invoice_issued")
    assert (note.status, note.invoice_number, note.last_error) == ("sent", "F2026-000001", None)


def test_iv4_a_renewals_renewal_paid_e_mail_carries_its_invoice_too(world: World,
                                                                    smtp: Smtp) -> None:
    paid_in_november(world)
    world.run("2026-11-13", mailer=mailer(smtp))
    (note,) = world.mails("renewal_paid")
    assert note.invoice_number == "F2026-000002" and note.status == "sent"
    (message,) = [m for m in smtp.catcher.messages
                  if attached(m) and "F2026-000001" not in _text(m)]
    ((name, content_type, data),) = attached(message)
    assert (name, content_type) == ("Facture-F2026-000002.pdf", "application/pdf")
    assert "<ram:ID>F2026-000002</ram:ID>" in xml_of(data)
    assert "d1.fr" in _text(message)


def test_iv4_the_file_is_named_in_english_for_an_english_customer_and_a_credit_note_too(
        world: World, smtp: Smtp) -> None:
    paid_in_november(world, language="en")
    sender = mailer(smtp)
    world.run("2026-11-13", mailer=sender)
    refunds.refund(world.ctx("2026-11-14", mailer=sender), world.app.engine.url, "O1#1/1",
                   Money(1000, "EUR"), "goodwill")
    names = sorted(name for m in smtp.catcher.messages for name, _type, _data in attached(m))
    assert names == ["Credit-note-A2026-000001.pdf", "Invoice-F2026-000001.pdf",
                     "Invoice-F2026-000002.pdf"]
    # The credit note goes with the refund's own e-mail (IV-2 after RF-1's refund_issued)
    (credit,) = [m for m in smtp.catcher.messages
                 if any(name.startswith("Credit-note") for name, _t, _d in attached(m))]
    assert "refunded" in _text(credit)
    ((_name, _type, data),) = attached(credit)
    xml = xml_of(data)
    assert "<ram:ID>A2026-000001</ram:ID>" in xml and "<ram:TypeCode>381</ram:TypeCode>" in xml


def test_nt1_an_invoice_pdf_that_cannot_be_made_leaves_its_e_mail_queued_with_why(
        world: World, smtp: Smtp, monkeypatch: pytest.MonkeyPatch) -> None:
    paid_in_november(world)

    def broken(_doc: Any) -> bytes:
        raise RuntimeError("layout bug")

    monkeypatch.setattr(pdf, "invoice_pdf", broken)
    sender = mailer(smtp)
    report = world.run("2026-11-13", mailer=sender)
    assert report.mail_waiting == 2
    assert not any(attached(m) for m in smtp.catcher.messages)
    notes = {n.kind: n for n in world.mails()}
    for kind, number in (("invoice_issued", "F2026-000001"), ("renewal_paid", "F2026-000002")):
        note = notes[kind]
        assert (note.status, note.tries) == ("queued", 1)
        assert note.last_error == (f"invoice {number}: its PDF could not be made: "
                                   "RuntimeError: layout bug")
    monkeypatch.undo()  # the bug fixed: the next run sends them, each with its PDF
    report = world.run("2026-11-14", mailer=sender)
    assert report.mail_sent == 2
    assert sorted(name for m in smtp.catcher.messages for name, _t, _d in attached(m)) == [
        "Facture-F2026-000001.pdf", "Facture-F2026-000002.pdf"]
