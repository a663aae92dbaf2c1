"""Issued documents written by hand, one per case the layout and the XML must carry (IV-1..IV-4).

Their amounts are worked out here as renewdesk.domain.vat would (base × rate rounded half up),
so each one is a document the standard's checks accept.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from renewdesk.domain.invoice import (
    CREDIT_NOTE,
    INVOICE,
    InvoiceDocument,
    Line,
    Party,
    SellerTerms,
    VatBreakdown,
)

SELLER = Party(
    name="Atelier Numérique SARL",
    address="12 rue des Lilas\n75011 Paris",
    country="FR",
    siren="812345678",
    siret="81234567800021",
    vat_number="FR32812345678",
    email="factures@atelier-numerique.fr",
)
TERMS = SellerTerms(
    footer="SARL au capital de 10 000 € – RCS Paris 812 345 678 – APE 6311Z",
    late_penalty="3 fois le taux d'intérêt légal",
    phone="+33 1 23 45 67 89",
)
CONSUMER = Party(name="Ana Martin", address="8 avenue Jean Jaurès\nAppartement 12\n69007 Lyon",
                 country="FR", business=False, email="ana.martin@example.fr")
FRENCH_BUSINESS = Party(name="Boulangerie Durand SAS", address="3 place du Marché\n33000 Bordeaux",
                        country="FR", siren="552100554", vat_number="FR40552100554",
                        email="compta@boulangerie-durand.fr")
EU_BUSINESS = Party(name="Müller Webdesign GmbH", address="Torstraße 5\n10119 Berlin",
                    country="DE", vat_number="DE123456789", email="rechnung@mueller-webdesign.de")
US_BUSINESS = Party(name="Acme Widgets Inc.", address="500 Market Street\nSan Francisco, CA 94105",
                    country="US", email="ap@acme.example")
JP_BUSINESS = Party(name="Sakura Design KK", address="1-2-3 Shibuya\n150-0002 Tokyo",
                    country="JP", email="keiri@sakura.example")


def _rate(percent: str) -> Decimal:
    return Decimal(percent)


def _vat(base: int, rate: Decimal) -> int:
    return int((base * rate / 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def document(*lines: tuple[str, int, int, str, str, str | None], buyer: Party = CONSUMER,
             number: str = "F2027-000123", mention: str | None = None, currency: str = "EUR",
             language: str = "fr", terms: SellerTerms = TERMS, **extra: object) -> InvoiceDocument:
    """A document from lines (description, quantity, unit price excl. VAT, rate, category,
    period), its breakdown and totals computed."""
    built = tuple(
        Line(description=text, quantity=quantity, unit_price_excl=price, vat_rate=_rate(rate),
             vat_category=category, total_excl=quantity * price, period=period,
             service_ref=f"S-{index}")
        for index, (text, quantity, price, rate, category, period) in enumerate(lines, start=1))
    rates: dict[tuple[Decimal, str], int] = {}
    for line in built:
        key = (line.vat_rate, line.vat_category)
        rates[key] = rates.get(key, 0) + line.total_excl
    breakdown = tuple(VatBreakdown(rate=rate, category=category, base=base, vat=_vat(base, rate))
                      for (rate, category), base in sorted(rates.items(), reverse=True))
    total_excl = sum(rate.base for rate in breakdown)
    total_vat = sum(rate.vat for rate in breakdown)
    fields: dict[str, object] = {
        "paid_on": date(2027, 3, 15), "paid_with": "visa •••• 4242", "payment_ref": "R-1/1"}
    fields.update(extra)
    return InvoiceDocument(
        number=number, kind=INVOICE, issued_on=date(2027, 3, 15), currency=currency,
        language=language, seller=SELLER, terms=terms, buyer=buyer, customer_ref="C-0042",
        lines=built, breakdown=breakdown, total_excl=total_excl, total_vat=total_vat,
        total=total_excl + total_vat, mention=mention, **fields)  # type: ignore[arg-type]


def french_consumer() -> InvoiceDocument:
    return document(("Hébergement mutualisé Pro", 1, 10000, "20", "S", "2027-03-15 – 2028-03-14"))


def french_business() -> InvoiceDocument:
    return document(("Nom de domaine boulangerie-durand.fr", 1, 1250, "20", "S",
                     "2027-03-15 – 2028-03-14"),
                    ("Boîtes e-mail", 3, 400, "20", "S", "2027-03"),
                    buyer=FRENCH_BUSINESS)


def eu_reverse_charge() -> InvoiceDocument:
    return document(("Managed VPS L", 1, 4900, "0", "AE", "2027-03"),
                    buyer=EU_BUSINESS, mention="reverse_charge")


def outside_eu() -> InvoiceDocument:
    return document(("Website maintenance", 2, 15000, "0", "G", "2027-03"), buyer=US_BUSINESS,
                    mention="outside_eu", language="en")


def franchise() -> InvoiceDocument:
    return document(("Création de logo", 1, 30000, "0", "E", None),
                    mention="franchise", terms=replace(TERMS, franchise=True))


def yen() -> InvoiceDocument:
    return document(("Domain name sakura-design.jp", 1, 1800, "0", "G", "2027-03-15 – 2028-03-14"),
                    buyer=JP_BUSINESS, currency="JPY", mention="outside_eu", language="en",
                    paid_with="mastercard •••• 5100")


def credit_note() -> InvoiceDocument:
    invoice = french_business()
    return replace(
        document(("Boîtes e-mail", 1, 400, "20", "S", "2027-03"), buyer=FRENCH_BUSINESS,
                 number="A2027-000007", paid_on=date(2027, 3, 20), payment_ref="RF-3"),
        kind=CREDIT_NOTE, corrects=invoice.number, corrects_issued_on=invoice.issued_on,
        reason="Boîte e-mail résiliée", issued_on=date(2027, 3, 20))


def english_consumer() -> InvoiceDocument:
    return document(("Shared hosting Pro", 1, 10000, "20", "S", "2027-03-15 – 2028-03-14"),
                    buyer=replace(CONSUMER, name="John Smith", address="4 rue Oberkampf\n75011 Paris"),
                    language="en")


def multi_rate() -> InvoiceDocument:
    return document(("Abonnement logiciel de caisse", 1, 2990, "20", "S", "2027-03"),
                    ("Abonnement presse en ligne", 2, 1000, "5.5", "S", "2/3"),
                    buyer=FRENCH_BUSINESS, number="F2027-000124")


CASES = {
    "french_consumer": french_consumer,
    "french_business": french_business,
    "eu_reverse_charge": eu_reverse_charge,
    "outside_eu": outside_eu,
    "franchise": franchise,
    "yen": yen,
    "credit_note": credit_note,
    "english_consumer": english_consumer,
    "multi_rate": multi_rate,
}
