"""IV-3 with prices entered excluding VAT (`prices_include_vat` off): what renewdesk stores on
what it charges (a cart, an installment, a usage invoice) is the price with its VAT, in the
customer's regime, and the invoice of the payment totals exactly what was charged, its HT the
price entered. With the setting on, nothing changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from renewdesk.domain import vat
from renewdesk.domain.invoice import InvoiceDocument
from renewdesk.services import invoices
from renewdesk.store.models import Attempt, Installment, Invoice, Renewal, UsageInvoice
from tests.builders import card, customer, document, order, service, usage_service
from tests.conftest import World
from tests.services.test_invoices import complete_seller

RATES = (Decimal("20"), Decimal("10"), Decimal("5.5"), Decimal("2.1"))


def excluding_vat(world: World) -> None:
    complete_seller(world)
    code, _out, err = world.cli("settings", "prices_include_vat=off")
    assert code == 0, err


def german_business(ref: str) -> dict[str, Any]:
    buyer = customer(ref, card("A"), name="Müller Webdesign GmbH",
                     address="Hauptstraße 5\n10115 Berlin")
    buyer.update(business=True, country="DE", vat_number="DE136695976")
    return buyer


def invoiced(world: World, attempt_of: Any) -> tuple[Attempt, InvoiceDocument]:
    """The one succeeded attempt on `attempt_of` (an Attempt column) and its invoice."""
    with world.session() as session:
        attempt = session.scalars(select(Attempt).where(
            attempt_of.is_not(None), Attempt.result == "succeeded")).one()
        row = session.scalars(select(Invoice).where(Invoice.attempt_id == attempt.id)).one()
        session.expunge(attempt)
        return attempt, invoices.document_of(session, row.document)


def test_iv3_excl_vat_a_french_consumer_is_charged_the_price_and_its_vat(world: World) -> None:
    excluding_vat(world)
    world.load(document([customer("C1", card("A"))],
                        [service("D1", "C1", "2026-11-20", price="10.00", payment_method="A")]))
    world.walk("2026-11-01", "2026-11-13")
    with world.session() as session:
        cart = session.scalars(select(Renewal)).one()
        assert (cart.amount_minor, [i.amount_minor for i in cart.items]) == (1200, [1200])
    attempt, doc = invoiced(world, Attempt.renewal_id)
    assert attempt.amount_minor == 1200
    assert (doc.total_excl, doc.total_vat, doc.total) == (1000, 200, attempt.amount_minor)
    assert [(line.description, line.total_excl) for line in doc.lines] == [("d1.fr", 1000)]
    (notice,) = world.mails("renewal_scheduled")
    assert "12,00" in notice.body and "10,00" not in notice.body


def test_iv3_excl_vat_reverse_charge_adds_nothing(world: World) -> None:
    excluding_vat(world)
    world.load(document([german_business("C1")],
                        [service("D1", "C1", "2026-11-20", price="10.00", payment_method="A")]))
    world.walk("2026-11-01", "2026-11-13")
    attempt, doc = invoiced(world, Attempt.renewal_id)
    assert attempt.amount_minor == 1000
    assert (doc.total_excl, doc.total_vat, doc.total) == (1000, 0, 1000)
    assert doc.mention == "reverse_charge"


def test_iv3_excl_vat_an_installment_is_charged_with_its_vat(world: World) -> None:
    excluding_vat(world)
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", amount="10.00")]))
    world.walk("2026-11-01", "2026-11-05")
    with world.session() as session:
        assert list(session.scalars(select(Installment.amount_minor))) == [1200] * 3
    attempt, doc = invoiced(world, Attempt.installment_id)
    assert attempt.amount_minor == 1200
    assert (doc.total_excl, doc.total_vat, doc.total) == (1000, 200, 1200)


def test_iv3_excl_vat_a_usage_invoice_is_charged_with_its_vat(world: World) -> None:
    excluding_vat(world)
    world.load(document([customer("C1", card("A"))], [usage_service("U1", "C1", "1.00", "A")],
                        usage=[{"service": "U1", "on": "2026-11-03", "quantity": 10}]))
    world.walk("2026-12-01", "2026-12-01")
    with world.session() as session:
        assert session.scalars(select(UsageInvoice.amount_minor)).one() == 1200
    attempt, doc = invoiced(world, Attempt.usage_invoice_id)
    assert attempt.amount_minor == 1200
    assert (doc.total_excl, doc.total_vat, doc.total) == (1000, 200, 1200)
    assert [(line.quantity, line.unit_price_excl, line.total_excl) for line in doc.lines] == [
        (10, 100, 1000)]


def test_iv3_excl_vat_the_reactivation_fee_is_entered_like_prices(world: World) -> None:
    excluding_vat(world)
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", price="9.99", auto_renew=False)]))
    world.run("2026-12-21")
    assert world.cli("settings", "reactivation_fee=4.99")[0] == 0
    code, _out, err = world.cli("renew", "S1", today="2027-01-10")
    assert code == 0, err
    attempt, doc = invoiced(world, Attempt.renewal_id)
    assert attempt.amount_minor == 1798  # (9,99 + 4,99) × 1,2 = 17,976
    assert [line.total_excl for line in doc.lines] == [999, 499]
    assert (doc.total_excl, doc.total_vat, doc.total) == (1498, 300, 1798)


def test_iv3_incl_vat_nothing_changes(world: World) -> None:
    complete_seller(world)
    world.load(document([customer("C1", card("A"))],
                        [service("D1", "C1", "2026-11-20", price="12.00", payment_method="A")],
                        orders=[order("O1", "C1", "A", "2026-11-05", amount="12.00")]))
    world.walk("2026-11-01", "2026-11-13")
    for column in (Attempt.renewal_id, Attempt.installment_id):
        attempt, doc = invoiced(world, column)
        assert attempt.amount_minor == 1200
        assert (doc.total_excl, doc.total_vat, doc.total) == (1000, 200, 1200)


def _charged(price: int, rate: Decimal) -> int:
    """What pricing.charged stores for one line excluding VAT in France."""
    return vat.invoice_vat(vat.Seller("FR"), vat.Buyer("FR"), [vat.Line("x", 1, price, rate)],
                           currency="EUR", prices_include_vat=False).total.minor


def _nets(amounts: list[int], rate: Decimal) -> list[int]:
    """The nets an invoice gives lines of these amounts including VAT."""
    lines = [vat.Line(str(n), 1, amount, rate) for n, amount in enumerate(amounts)]
    return [line.net.minor for line in vat.invoice_vat(
        vat.Seller("FR"), vat.Buyer("FR"), lines, currency="EUR",
        prices_include_vat=True).lines]


def test_iv3_the_invoice_gets_the_price_excluding_vat_back_exactly() -> None:
    """|TTC − HT × (1 + r)| ≤ ½ cent, so TTC / (1 + r) rounded half up is HT: every price to
    30,00 €, then a spread up to a million euros."""
    prices = [*range(0, 3001), *range(3001, 100_000_000, 99_991)]
    for rate in RATES:
        for price in prices:
            ttc = _charged(price, rate)
            assert abs(Decimal(ttc) - price * (1 + rate / 100)) <= Decimal("0.5")
            assert _nets([ttc], rate) == [price], (price, rate)


def test_iv3_a_period_and_its_fee_charged_together_come_back_apart() -> None:
    """AR-6's cart item is the period and the fee charged as one amount: the invoice's first
    line (the period as charged alone) and the rest give back both prices entered."""
    for rate in RATES:
        for price in range(1, 2000, 7):
            for fee in (1, 99, 499, 500, 1234):
                alone, both = _charged(price, rate), _charged(price + fee, rate)
                assert _nets([alone, both - alone], rate) == [price, fee], (price, fee, rate)


def test_iv3_excl_vat_a_pro_forma_shows_what_will_be_charged(world: World) -> None:
    from renewdesk.services import proforma

    excluding_vat(world)
    world.load(document([customer("C1", card("A"))],
                        [service("D1", "C1", "2027-03-20", price="10.00", payment_method="A")]))
    (draft,) = proforma.drafts(world.ctx("2026-11-02"), ("D1",))
    assert draft.total.minor == 1200 and draft.lines[0].amount.minor == 1200
