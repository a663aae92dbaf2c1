"""HM-2 for every kind a run can send several of: one customer with two renewal carts (one per
card, AR-3) and two installment orders due the same day gets one e-mail of each kind listing
all their items; IV-4: the one invoice e-mail carries every invoice's PDF."""

from __future__ import annotations

import json
from pathlib import Path

from renewdesk.notify import gathering
from renewdesk.notify.smtp import SmtpConfig, SmtpSender
from renewdesk.notify.templates import LANGUAGES, TEMPLATES
from tests.builders import card, customer, document, order, service
from tests.conftest import World
from tests.notify.test_invoice_mail import SELLER, attached, stored_pdf, xml_of
from tests.notify.test_one_mail_per_person import parts, subject, text_of
from tests.peers import Smtp

JEAN = "c1@example.fr"


def two_of_each(world: World) -> None:
    """Jean pays D1 and O1 with one card, D2 and O2 with another: two carts, two orders."""
    assert world.cli("settings", *SELLER)[0] == 0
    world.load(document([customer("C1", card("K1"), card("K2", last4="4444"), business=True)],
                        services=[service("D1", "C1", "2026-11-20", payment_method="K1"),
                                  service("D2", "C1", "2026-11-20", payment_method="K2")],
                        orders=[order("O1", "C1", "K1", "2026-11-05"),
                                order("O2", "C1", "K2", "2026-11-05", amount="45.00")]))
    world.run("2026-11-01")


def mailer(smtp: Smtp) -> SmtpSender:
    smtp.start()
    return SmtpSender(SmtpConfig("127.0.0.1", smtp.port, sender="billing@reseller.example"))


def test_hm2_two_renewal_carts_in_one_run_make_one_renewal_scheduled_listing_both(
        world: World) -> None:
    two_of_each(world)
    world.run("2026-11-05")
    [note] = world.mails("renewal_scheduled")
    assert note.subject == "2 renouvellements prévus : 24,00\xa0€"
    rows = [line for line in note.body.splitlines() if line.startswith("  - ")]
    assert len(rows) == 2
    assert "d1.fr" in rows[0] and "visa •••• 4242" in rows[0]
    assert "d2.fr" in rows[1] and "visa •••• 4444" in rows[1]
    assert "Total : 24,00\xa0€" in note.body
    cancel = [link for link in note.links if link.action == "cancel_renewal"]
    assert len(cancel) == 2 and len({link.subject_ref for link in cancel}) == 2
    assert all(link.token in note.body and link.token in (note.html or "") for link in cancel)
    assert note.html is not None and note.html.count("Annuler ce renouvellement") == 2


def test_hm2_each_cart_keeps_its_own_cancel_link(world: World) -> None:
    """NT-3 in a gathered e-mail: the first row's link cancels that cart only."""
    two_of_each(world)
    world.run("2026-11-05")
    [note] = world.mails("renewal_scheduled")
    under_d1 = next(line for line in note.body.splitlines() if "Annuler" in line)
    first = next(link for link in note.links if link.token in under_d1)
    code, _out, err = world.cli("link", first.token, "--accept", today="2026-11-06")
    assert code == 0, err
    statuses = {r["ref"]: r["status"] for r in world.export()["renewals"]}
    assert statuses == {first.subject_ref: "cancelled",
                        **{ref: "scheduled" for ref in statuses if ref != first.subject_ref}}
    assert len(statuses) == 2


def test_hm2_iv4_two_invoices_in_one_run_make_one_invoice_issued_with_both_pdfs(
        world: World, smtp: Smtp) -> None:
    two_of_each(world)
    world.run("2026-11-05", mailer=mailer(smtp))
    invoice_mails = [m for m in smtp.catcher.messages if "Factur" in text_of(m)]
    assert len(invoice_mails) == 1
    [message] = invoice_mails
    assert subject(message) == "2 factures : 75,00\xa0€"
    assert "Facture F2026-000001 · 30,00\xa0€" in text_of(message)
    assert "Facture F2026-000002 · 45,00\xa0€" in text_of(message)
    found = attached(message)
    assert [(name, kind) for name, kind, _data in found] == [
        ("Facture-F2026-000001.pdf", "application/pdf"),
        ("Facture-F2026-000002.pdf", "application/pdf")]
    for (_name, _kind, data), number in zip(found, ("F2026-000001", "F2026-000002"),
                                            strict=True):
        assert f"<ram:ID>{number}</ram:ID>" in xml_of(data)
        assert data == stored_pdf(world, number)
    assert "text/html" in parts(message)
    [note] = world.mails("invoice_issued")
    assert note.status == "sent"


def test_hm2_iv4_the_two_carts_paid_the_same_day_make_one_renewal_paid_with_both_invoices(
        world: World, smtp: Smtp) -> None:
    two_of_each(world)
    world.walk("2026-11-05", "2026-11-12")
    world.run("2026-11-13", mailer=mailer(smtp))
    [message] = [m for m in smtp.catcher.messages if subject(m).startswith("2 paiements reçus")]
    assert sorted(name for name, _kind, _data in attached(message)) == [
        "Facture-F2026-000003.pdf", "Facture-F2026-000004.pdf"]
    assert [n.kind for n in world.mails()].count("renewal_paid") == 1


def test_hm2_the_export_shows_one_message_with_its_html_and_items(world: World) -> None:
    two_of_each(world)
    world.run("2026-11-05")
    notes = [n for n in world.export()["notifications"] if n["to"] == JEAN]
    assert sorted(n["kind"] for n in notes) == ["invoice_issued", "renewal_scheduled"]
    for note in notes:
        assert note["html"].startswith("<!doctype html>")
        assert len(note["context"]["items"]) == 2
    [invoice] = [n for n in notes if n["kind"] == "invoice_issued"]
    assert [i["_invoices"] for i in invoice["context"]["items"]] == [["F2026-000001"],
                                                                     ["F2026-000002"]]


def test_hm2_an_imported_message_goes_as_it_was_written_with_every_pdf(
        world: World, smtp: Smtp, tmp_path: Path, env: dict[str, str]) -> None:
    """What the export shows is what the other database sends: the HTML part and both PDFs
    (no longer the text alone)."""
    two_of_each(world)
    world.run("2026-11-05")  # no SMTP: the e-mails wait in the outbox
    exported = world.export()
    file = tmp_path / "export.json"
    file.write_text(json.dumps(exported), encoding="utf-8")
    (tmp_path / "other").mkdir()
    other = World(tmp_path / "other", env)
    try:
        code, _out, err = other.cli("import", str(file), today="2026-11-05")
        assert code == 0, err
        other.run("2026-11-05", mailer=mailer(smtp))
    finally:
        other.close()
    [message] = [m for m in smtp.catcher.messages if subject(m).startswith("2 factures")]
    [mine] = [n for n in exported["notifications"] if n["kind"] == "invoice_issued"]
    assert text_of(message, "text/html").replace("\r\n", "\n").strip() == mine["html"].strip()
    assert [name for name, _kind, _data in attached(message)] == [
        "Facture-F2026-000001.pdf", "Facture-F2026-000002.pdf"]


def test_hm2_every_kind_is_gathered_with_its_list_in_both_languages_or_says_why_not() -> None:
    kinds = {path.name.split(".")[0] for path in TEMPLATES.glob("*.txt")} - {"footer"}
    assert kinds == set(gathering.GATHERED) | set(gathering.NEVER_GATHERED)
    for kind in gathering.GATHERED:
        for language in LANGUAGES:
            assert (TEMPLATES / f"{kind}.list.{language}.txt").is_file(), (kind, language)



def test_hm2_two_cards_expiring_the_same_month_make_one_card_expiring(world: World) -> None:
    """PM-7's notice for each card, in one e-mail with one link to update a payment method."""
    world.load(document([customer("C1", card("K1", exp=(12, 2026)),
                                  card("K2", exp=(12, 2026), last4="4444"), language="en")],
                        services=[service("D1", "C1", "2027-03-01", payment_method="K1"),
                                  service("D2", "C1", "2027-03-01", payment_method="K2")]))
    world.run("2026-11-25")
    [note] = world.mails("card_expiring")
    assert note.subject == "2 of your cards expire soon"
    rows = [line for line in note.body.splitlines() if line.startswith("  - ")]
    assert rows == ["  - visa •••• 4242 · expires at the end of December 2026",
                    "  - visa •••• 4444 · expires at the end of December 2026"]
    assert [link.action for link in note.links] == ["update_payment_method"]
