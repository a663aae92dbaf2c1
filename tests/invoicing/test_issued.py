"""IV-1, IV-4 on invoices issued by a real run (not built by hand): the PDF the customer gets
passes Factur-X's XSD check and shows every mention IV-1 asks for."""

from __future__ import annotations

import facturx
import pytest
from sqlalchemy import select

from renewdesk.domain.money import Money
from renewdesk.services import invoices, refunds
from renewdesk.services.invoice_files import invoice_file
from renewdesk.store.models import Invoice
from tests.builders import card, customer, document, order, service
from tests.conftest import World
from tests.invoicing.test_pdf import _text

pytestmark = pytest.mark.usefixtures("world")


def test_iv1_iv4_a_run_s_invoices_and_credit_note_carry_every_mention(world: World) -> None:
    code, _out, err = world.cli(
        "settings", "seller_name=Hébergement Dupont SARL",
        "seller_address=3 rue de la Paix\n75002 Paris", "seller_siren=732829320",
        "seller_vat_number=FR44732829320", "seller_footer=SARL au capital de 10 000 €")
    assert code == 0, err
    world.load(document(
        [customer("C1", card("K1"), name="Boulangerie Durand SAS", business=True,
                  address="3 place du Marché, 33000 Bordeaux")],
        services=[service("D1", "C1", "2026-11-20", payment_method="K1")],
        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.walk("2026-11-01", "2026-11-13")
    refunds.refund(world.ctx("2026-11-14"), world.app.engine.url, "O1#1/1", Money(1000, "EUR"),
                   "goodwill")
    with world.session() as session:
        issued = session.scalars(select(Invoice).order_by(Invoice.id)).all()
        assert [i.number for i in issued] == ["F2026-000001", "F2026-000002", "A2026-000001"]
        files = {i.number: (invoice_file(session, i.number, "fr"),
                            invoices.document_of(session, i.document)) for i in issued}
    for number, (made, doc) in files.items():
        xml_name, xml = facturx.get_xml_from_pdf(made.data, check_xsd=False)
        assert xml_name == "factur-x.xml"
        facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
        text = _text(made.data)
        for mention in (number, "Hébergement Dupont SARL", "3 rue de la Paix", "75002 Paris",
                        "732 829 320", "FR44732829320", "Boulangerie Durand SAS",
                        "33000 Bordeaux", "SARL au capital de 10 000 €", "40 €",
                        doc.lines[0].description):
            assert mention in text, (number, mention)
        assert Money(doc.total, "EUR").format("fr").replace("\u202f", " ").replace(
            "\xa0", " ") in text
    assert "F2026-000001" in _text(files["A2026-000001"][0].data)  # the credit note names it
