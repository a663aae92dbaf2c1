"""IV-4 on the customer pages: the `invoices` link lists the customer's invoices and credit
notes in their language and downloads each as its Factur-X PDF, only theirs; opening the list
or downloading changes nothing and leaves the link usable (NT-3), an expired link is refused."""

from __future__ import annotations

import dataclasses
import html
from datetime import date

import facturx  # type: ignore[import-untyped]
from flask.testing import FlaskClient
from sqlalchemy import select

from renewdesk.domain.money import Money
from renewdesk.invoicing.pdf import invoice_pdf
from renewdesk.notify import formatting as fmt
from renewdesk.services import invoices, refunds
from renewdesk.store.models import CustomerLink, Invoice
from renewdesk.web.server import create_app
from tests.builders import card, customer, document, order
from tests.conftest import World
from tests.web.conftest import token

SELLER = ("seller_name=Hébergement Dupont SARL", "seller_address=3 rue de la Paix\n75002 Paris",
          "seller_siren=732829320", "seller_vat_number=FR44732829320")


def invoiced(world: World) -> None:
    """C1 (French) pays an installment on 5 November (F2026-000001) and is refunded 10,00 € of
    it (A2026-000001); C2 (English) pays one too (F2026-000002)."""
    assert world.cli("settings", *SELLER)[0] == 0
    world.load(document(
        [customer("C1", card("K1")),
         customer("C2", card("K2"), name="Ann Smith", language="en")],
        orders=[order("O1", "C1", "K1", "2026-11-05"), order("O2", "C2", "K2", "2026-11-05")]))
    world.run("2026-11-05")
    refunds.refund(world.ctx("2026-11-06"), world.app.engine.url, "O1#1/1", Money(1000, "EUR"),
                   "goodwill")


def client_on(world: World, today: str) -> FlaskClient:
    app = dataclasses.replace(world.app, today_override=date.fromisoformat(today))
    return create_app(app).test_client()


def stored_pdf(world: World, number: str) -> bytes:
    with world.session() as session:
        data = session.scalar(select(Invoice.document).where(Invoice.number == number))
        return invoice_pdf(invoices.document_of(session, data))


def test_iv4_the_link_lists_the_customers_invoices_and_credit_notes_in_their_language(
        world: World) -> None:
    invoiced(world)
    client = client_on(world, "2026-11-07")
    link = token(world, "invoices", "C1")
    response = client.get(f"/l/{link}", headers={"Accept-Language": "en"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Vos factures" in body  # C1's language, not the browser's
    assert "Facture F2026-000001" in body and "Avoir A2026-000001" in body
    assert "sur la facture F2026-000001" in body
    assert fmt.money(Money(3000, "EUR"), "fr") in body and "5 novembre 2026" in body
    assert fmt.money(Money(1000, "EUR"), "fr") in body and "6 novembre 2026" in body
    assert f'href="/l/{link}/invoices/F2026-000001.pdf"' in body
    assert f'href="/l/{link}/invoices/A2026-000001.pdf"' in body
    assert "F2026-000002" not in body  # C2's
    english = client.get(f"/l/{token(world, 'invoices', 'C2')}").get_data(as_text=True)
    assert "Your invoices" in english and "Invoice F2026-000002" in english
    assert "Download" in english and "F2026-000001" not in english
    assert response.headers["Cache-Control"] == "no-store"


def test_iv4_a_download_is_the_invoices_pdf_to_keep_and_leaves_the_link_usable(
        world: World) -> None:
    invoiced(world)
    client = client_on(world, "2026-11-07")
    link = token(world, "invoices", "C1")
    before = world.export()
    for number, name in (("F2026-000001", "Facture-F2026-000001.pdf"),
                         ("A2026-000001", "Avoir-A2026-000001.pdf")):
        response = client.get(f"/l/{link}/invoices/{number}.pdf")
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"] == f"attachment; filename={name}"
        assert response.headers["Cache-Control"] == "no-store"
        data = response.get_data()
        assert data == stored_pdf(world, number)
        _name, xml = facturx.get_xml_from_pdf(data, check_xsd=False)
        assert f"<ram:ID>{number}</ram:ID>".encode() in xml
    again = client.get(f"/l/{link}/invoices/F2026-000001.pdf")  # not used up: NT-3 confirms
    assert again.status_code == 200 and again.get_data() == stored_pdf(world, "F2026-000001")
    assert client.get(f"/l/{link}").status_code == 200
    assert world.export() == before
    with world.session() as session:
        assert session.scalar(select(CustomerLink.used_on).where(CustomerLink.token == link)) \
            is None


def test_iv4_another_customers_invoice_is_refused_as_unknown(world: World) -> None:
    invoiced(world)
    client = client_on(world, "2026-11-07")
    link = token(world, "invoices", "C1")
    for number in ("F2026-000002", "F2026-999999"):  # C2's, and none at all: said alike
        response = client.get(f"/l/{link}/invoices/{number}.pdf")
        assert response.status_code == 404 and response.mimetype == "text/html"
        assert "n'est pas l'une des vôtres" in html.unescape(response.get_data(as_text=True))


def test_iv4_an_expired_link_shows_the_expired_page_and_no_file(world: World) -> None:
    invoiced(world)
    link = token(world, "invoices", "C1")
    with world.session() as session:
        expires_on = session.scalar(select(CustomerLink.expires_on)
                                    .where(CustomerLink.token == link))
    assert expires_on is not None
    client = client_on(world, (expires_on.replace(year=expires_on.year + 1)).isoformat())
    listed = client.get(f"/l/{link}")
    assert listed.status_code == 410 and "Ce lien a expiré" in listed.get_data(as_text=True)
    download = client.get(f"/l/{link}/invoices/F2026-000001.pdf")
    assert download.status_code == 410 and download.mimetype == "text/html"
    forged = link[:-4] + ("AAAA" if not link.endswith("AAAA") else "BBBB")
    refused = client.get(f"/l/{forged}/invoices/F2026-000001.pdf")
    assert refused.status_code == 404 and refused.mimetype == "text/html"
