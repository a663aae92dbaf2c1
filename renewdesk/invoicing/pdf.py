"""IV-1, IV-4: the invoice or credit note as the customer reads it, a Factur-X PDF.

fpdf2 lays out an A4 page in the buyer's language with every mention IV-1 asks for, in DejaVu
Sans embedded (PDF/A wants every font in the file, and no system font is looked for); factur-x
then makes it PDF/A-3 with the CII XML attached and its XMP metadata. Made from the frozen
document alone, and the same document gives the same bytes: the dates written in the file are
its issue date, and the file's id a hash of its XML.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import facturx  # type: ignore[import-untyped]  # factur-x ships no type information
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from renewdesk.domain.invoice import CREDIT_NOTE, InvoiceDocument, Party
from renewdesk.domain.money import Money
from renewdesk.invoicing.cii import EXEMPTION_TEXT, INDEMNITY_TEXT, PROFILE, cii_xml, line_period
from renewdesk.invoicing.pdf_fonts import FAMILY as FONT
from renewdesk.invoicing.pdf_fonts import add_fonts

LANGUAGES = ("fr", "en")

# The page's words. The legal mentions keep their French words in English too (the law's).
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "invoice": "Facture", "credit_note": "Avoir", "number": "N°",
        "issued_on": "Date d'émission", "customer_ref": "Référence client",
        "corrects": "Avoir sur la facture {number} du {day}", "reason": "Motif : {reason}",
        "bill_to": "Facturé à", "siren": "SIREN", "vat_number": "N° TVA intracommunautaire",
        "description": "Désignation", "quantity": "Qté", "unit_price": "Prix unitaire HT",
        "vat_rate": "TVA", "line_total": "Total HT", "period": "Période : {period}",
        "installment": "échéance {number} sur {count}",
        "span": "du {start} au {end}",
        "rate": "Taux de TVA", "base": "Base HT", "vat": "Montant TVA",
        "total_excl": "Total HT", "total_vat": "TVA", "total": "Total TTC",
        "credit_total": "Total TTC de l'avoir",
        "paid": "Payé le {day} par {means}", "paid_no_means": "Payé le {day}",
        "refunded": "Remboursé le {day} par {means}", "refunded_no_means": "Remboursé le {day}",
        "payment_ref": "réf. {ref}", "late_penalty": "Pénalités de retard : {rate}",
        "indemnity": INDEMNITY_TEXT, "no_discount": "Pas d'escompte pour paiement anticipé",
        "page": "Page {page}/{pages}", "phone": "Tél.",
        "reverse_charge": EXEMPTION_TEXT["reverse_charge"],
        "outside_eu": EXEMPTION_TEXT["outside_eu"],
        "outside_eu_consumer": EXEMPTION_TEXT["outside_eu_consumer"],
        "franchise": EXEMPTION_TEXT["franchise"],
    },
    "en": {
        "invoice": "Invoice", "credit_note": "Credit note", "number": "No.",
        "issued_on": "Issue date", "customer_ref": "Customer reference",
        "corrects": "Credit note for invoice {number} of {day}", "reason": "Reason: {reason}",
        "bill_to": "Bill to", "siren": "SIREN", "vat_number": "VAT number",
        "description": "Description", "quantity": "Qty", "unit_price": "Unit price excl. VAT",
        "vat_rate": "VAT", "line_total": "Total excl. VAT", "period": "Period: {period}",
        "installment": "installment {number} of {count}",
        "span": "{start} to {end}",
        "rate": "VAT rate", "base": "Taxable amount", "vat": "VAT amount",
        "total_excl": "Total excl. VAT", "total_vat": "VAT", "total": "Total incl. VAT",
        "credit_total": "Credit note total incl. VAT",
        "paid": "Paid on {day} with {means}", "paid_no_means": "Paid on {day}",
        "refunded": "Refunded on {day} to {means}", "refunded_no_means": "Refunded on {day}",
        "payment_ref": "ref. {ref}", "late_penalty": "Late payment penalties: {rate}",
        "indemnity": "Fixed compensation for recovery costs: 40 € "
                     "(Indemnité forfaitaire pour frais de recouvrement)",
        "no_discount": "No discount for early payment", "page": "Page {page}/{pages}",
        "phone": "Tel.",
        "reverse_charge": "Reverse charge – " + EXEMPTION_TEXT["reverse_charge"],
        "outside_eu": "VAT not applicable, customer outside the EU – " + EXEMPTION_TEXT["outside_eu"],
        "outside_eu_consumer": "VAT not applicable, customer outside the EU – "
                               + EXEMPTION_TEXT["outside_eu_consumer"],
        "franchise": "VAT not applicable – " + EXEMPTION_TEXT["franchise"],
    },
}

_LEFT, _WIDTH = 15.0, 180.0  # A4's 210 mm less 15 mm margins
_GREY, _INK, _RULE = (110, 110, 110), (20, 20, 20), (190, 190, 190)
_PADDING = (1.4, 1.6)
_PAGE_TOTAL = "{nb}"


def invoice_pdf(doc: InvoiceDocument) -> bytes:
    """The document's Factur-X PDF (PDF/A-3b with its EN 16931 CII XML), as bytes."""
    language = doc.language if doc.language in LANGUAGES else "en"
    layout = _Layout(doc, language)
    layout.draw()
    pdf = bytes(layout.output())
    words = WORDS[language]
    title = f"{words[doc.kind]} {doc.number}"
    metadata = {
        "author": doc.seller.name,
        "keywords": f"Factur-X, {words[doc.kind]}",
        "title": title,
        "subject": f"{title} – {doc.seller.name} – {doc.buyer.name} – {doc.issued_on.isoformat()}",
    }
    embedded = facturx.generate_from_binary(
        pdf, cii_xml(doc), flavor="factur-x", level=PROFILE, check_xsd=True,
        pdf_metadata=metadata, lang="fr-FR" if language == "fr" else "en")
    return _pin_dates(embedded, _moment(doc.issued_on))


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _pin_dates(pdf: bytes, moment: datetime) -> bytes:
    """The PDF with factur-x's timestamps (the time it ran) replaced by the document's: in the
    information dictionary, the XMP metadata (which PDF/A wants equal to it) and the attached
    XML's modification date."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # PDF/A-3's 1.7, not pypdf's default 1.3
    stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    root = writer.root_object
    metadata = root["/Metadata"].get_object()
    assert isinstance(metadata, StreamObject)
    xmp_stamp = moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    xmp = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate)>)[^<]*(</xmp:)",
                 rb"\g<1>" + xmp_stamp.encode() + rb"\g<2>", metadata.get_data())
    metadata.set_data(xmp)
    files = _dictionary(_dictionary(root["/Names"])["/EmbeddedFiles"])
    names = files["/Names"].get_object()
    if not isinstance(names, ArrayObject):
        raise TypeError("the embedded files' names are not an array")
    for filespec in names[1::2]:
        embedded = _dictionary(_dictionary(_dictionary(filespec)["/EF"])["/F"])
        _dictionary(embedded["/Params"])[NameObject("/ModDate")] = TextStringObject(stamp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _dictionary(value: PdfObject) -> DictionaryObject:
    found = value.get_object()
    if not isinstance(found, DictionaryObject):
        raise TypeError(f"a PDF dictionary was expected, not {type(found).__name__}")
    return found


class _Page(FPDF):
    """A4 with the seller's legal footer and the page number at the bottom of every page."""

    def __init__(self, footer: str, page_words: str, identity: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4", enforce_compliance="PDFA_3B")
        self._footer_text, self._page_words, self._identity = footer, page_words, identity

    def file_id(self) -> str:
        """The file's id (PDF 1.7 § 14.4): the document's, not fpdf2's default hash of the
        bytes, which include the time fpdf2 ran (its XMP's ModifyDate)."""
        return f"<{self._identity}><{self._identity}>"

    def footer(self) -> None:
        self.set_y(-17)
        self.set_draw_color(*_RULE)
        self.line(_LEFT, self.get_y(), _LEFT + _WIDTH, self.get_y())
        self.set_font(FONT, size=7)
        self.set_text_color(*_GREY)
        self.set_y(self.get_y() + 1.5)
        if self._footer_text:
            self.multi_cell(_WIDTH, 3.4, self._footer_text, align=Align.C,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.cell(_WIDTH, 3.4, self._page_words.format(page=self.page_no(), pages=_PAGE_TOTAL),
                  align=Align.C)


class _Layout:
    def __init__(self, doc: InvoiceDocument, language: str) -> None:
        self.doc, self.language = doc, language
        self.words = WORDS[language]
        self.locale = Locale.parse(language)
        footer = "\n".join(line.strip() for line in doc.terms.footer.splitlines() if line.strip())
        identity = hashlib.md5(cii_xml(doc), usedforsecurity=False).hexdigest().upper()
        self.pdf = _Page(footer, self.words["page"], identity)
        pdf = self.pdf
        pdf.set_creation_date(_moment(doc.issued_on))
        pdf.set_lang("fr-FR" if language == "fr" else "en")
        pdf.set_title(f"{self.words[doc.kind]} {doc.number}")
        pdf.set_author(doc.seller.name)
        pdf.set_creator("renewdesk")
        add_fonts(pdf)  # DejaVu regular and bold, parsed once per process
        pdf.set_margins(_LEFT, 14, _LEFT)
        pdf.set_auto_page_break(True, margin=24)
        pdf.alias_nb_pages(_PAGE_TOTAL)
        pdf.add_page()

    def output(self) -> bytearray:
        return self.pdf.output()

    # -- words -------------------------------------------------------------------------------
    def money(self, minor: int) -> str:
        return Money(minor, self.doc.currency).format(self.language)

    def day(self, value: date) -> str:
        return str(format_date(value, format="long", locale=self.locale))

    def percent(self, rate: Decimal) -> str:
        number = str(format_decimal(rate.normalize(), locale=self.locale))
        return f"{number}\u00a0%" if self.language == "fr" else f"{number}%"

    def period(self, text: str) -> str:
        """A line's period in the reader's words when it is days or a month ("du 15 mars 2027
        au 14 mars 2028", "mars 2027"); as written otherwise (an installment's "2/3")."""
        if installment := re.fullmatch(r"(\d+)/(\d+)", text.strip()):
            return self.words["installment"].format(number=installment[1], count=installment[2])
        span = line_period(text)
        if span is None:
            return text
        start, end = span
        if start.day == 1 and end.month == start.month and end.year == start.year and (
                end + timedelta(days=1)).day == 1:
            return str(format_date(start, format="LLLL y", locale=self.locale))
        return self.words["span"].format(start=self.day(start), end=self.day(end))

    def country(self, code: str) -> str:
        return str(self.locale.territories.get(code, code))

    # -- drawing -----------------------------------------------------------------------------
    def draw(self) -> None:
        seller_bottom = self.seller()
        title_bottom = self.title()
        self.pdf.set_y(max(seller_bottom, title_bottom) + 6)
        self.buyer()
        self.pdf.set_y(self.pdf.get_y() + 7)
        self.lines()
        self.totals()
        self.payment_and_mentions()

    def text(self, text: str, size: float = 9, bold: bool = False, grey: bool = False,
             x: float = _LEFT, width: float = _WIDTH, height: float = 4.4,
             align: Align = Align.L) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.set_text_color(*(_GREY if grey else _INK))
        pdf.set_x(x)
        pdf.multi_cell(width, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def seller(self) -> float:
        """The seller's block, top left under its logo; returns where it ends."""
        doc, pdf = self.doc, self.pdf
        y = 14.0
        if doc.terms.logo:
            image = pdf.image(io.BytesIO(doc.terms.logo), x=_LEFT, y=y, h=16, keep_aspect_ratio=True)
            y += float(image.rendered_height) + 3 if image else 0
        pdf.set_y(y)
        self.party(doc.seller, width=95, title_size=11)
        if doc.terms.phone:
            self.text(f"{self.words['phone']} {doc.terms.phone}", size=8.5, width=95)
        return pdf.get_y()

    def party(self, party: Party, width: float, title_size: float, x: float = _LEFT) -> None:
        self.text(party.name, size=title_size, bold=True, x=x, width=width, height=5.4)
        for line in party.address.splitlines():
            if line.strip():
                self.text(line.strip(), size=9, x=x, width=width)
        if party.country != self.doc.seller.country:
            self.text(self.country(party.country), size=9, x=x, width=width)
        if party.siren:
            self.text(f"{self.words['siren']} {_grouped(party.siren)}", size=8.5, x=x, width=width)
        if party.vat_number:
            self.text(f"{self.words['vat_number']} {party.vat_number}", size=8.5, x=x, width=width)
        if party.email:
            self.text(party.email, size=8.5, x=x, width=width)

    def title(self) -> float:
        doc, words = self.doc, self.words
        x, width = 120.0, _LEFT + _WIDTH - 120.0
        self.pdf.set_y(14)
        self.text(words[doc.kind].upper(), size=18, bold=True, x=x, width=width, height=8,
                  align=Align.R)
        self.text(f"{words['number']} {doc.number}", size=10.5, bold=True, x=x, width=width,
                  height=5.6, align=Align.R)
        self.text(f"{words['issued_on']} : {self.day(doc.issued_on)}" if self.language == "fr"
                  else f"{words['issued_on']}: {self.day(doc.issued_on)}",
                  size=9, x=x, width=width, align=Align.R)
        if doc.customer_ref:
            separator = " : " if self.language == "fr" else ": "
            self.text(f"{words['customer_ref']}{separator}{doc.customer_ref}", size=9, x=x,
                      width=width, align=Align.R)
        return self.pdf.get_y()

    def buyer(self) -> None:
        doc = self.doc
        x, width = 112.0, _LEFT + _WIDTH - 112.0
        self.text(self.words["bill_to"], size=8, grey=True, x=x, width=width)
        self.pdf.set_draw_color(*_RULE)
        self.pdf.line(x, self.pdf.get_y(), x + width, self.pdf.get_y())
        self.pdf.set_y(self.pdf.get_y() + 1)
        self.party(doc.buyer, width=width, title_size=10.5, x=x)
        if doc.kind == CREDIT_NOTE and doc.corrects:
            self.pdf.set_y(self.pdf.get_y() + 5)
            corrected = self.day(doc.corrects_issued_on) if doc.corrects_issued_on else ""
            line = self.words["corrects"].format(number=doc.corrects, day=corrected)
            if not corrected:
                line = line.rsplit(" ", 2)[0]
            self.text(line, size=10, bold=True)
            if doc.reason:
                self.text(self.words["reason"].format(reason=doc.reason), size=9)

    def lines(self) -> None:
        pdf, words = self.pdf, self.words
        pdf.set_font(FONT, size=8.5)
        pdf.set_text_color(*_INK)
        pdf.set_draw_color(*_RULE)
        headings = FontFace(emphasis="BOLD", color=_INK, fill_color=(238, 238, 238))
        with pdf.table(col_widths=(74, 12, 38, 18, 38), width=_WIDTH, align=Align.L,
                       text_align=(Align.L, Align.R, Align.R, Align.R, Align.R),
                       borders_layout=TableBordersLayout.HORIZONTAL_LINES, line_height=4.2,
                       padding=_PADDING, headings_style=headings) as table:
            heading = table.row()
            for key in ("description", "quantity", "unit_price", "vat_rate", "line_total"):
                heading.cell(words[key])
            for line in self.doc.lines:
                row = table.row()
                text = line.description
                if line.period:
                    text += "\n" + words["period"].format(period=self.period(line.period))
                row.cell(text)
                row.cell(str(format_decimal(line.quantity, locale=self.locale)))
                row.cell(self.money(line.unit_price_excl))
                row.cell(self.percent(line.vat_rate))
                row.cell(self.money(line.total_excl))
        pdf.set_y(pdf.get_y() + 5)

    def totals(self) -> None:
        pdf, doc, words = self.pdf, self.doc, self.words
        x, width = 95.0, _LEFT + _WIDTH - 95.0
        top = pdf.get_y()
        pdf.set_font(FONT, size=8.5)
        pdf.set_text_color(*_INK)
        with pdf.table(col_widths=(26, 32, 32), width=width, align=Align.R,
                       text_align=(Align.R, Align.R, Align.R),
                       borders_layout=TableBordersLayout.HORIZONTAL_LINES, line_height=4.2,
                       padding=_PADDING,
                       headings_style=FontFace(emphasis="BOLD", color=_INK,
                                               fill_color=(238, 238, 238))) as table:
            heading = table.row()
            for key in ("rate", "base", "vat"):
                heading.cell(words[key])
            for rate in doc.breakdown:
                row = table.row()
                row.cell(f"{self.percent(rate.rate)} ({rate.category})" if rate.category != "S"
                         else self.percent(rate.rate))
                row.cell(self.money(rate.base))
                row.cell(self.money(rate.vat))
        pdf.set_y(pdf.get_y() + 3)
        total_word = words["credit_total"] if doc.kind == CREDIT_NOTE else words["total"]
        for label, amount, bold in ((words["total_excl"], doc.total_excl, False),
                                    (words["total_vat"], doc.total_vat, False),
                                    (total_word, doc.total, True)):
            y = pdf.get_y()
            if bold:
                pdf.set_fill_color(238, 238, 238)
                pdf.rect(x, y, width, 7, style="F")
            pdf.set_font(FONT, "B" if bold else "", 10 if bold else 9)
            inset = _PADDING[1] - pdf.c_margin  # the text lines up with the VAT table's
            pdf.set_xy(x + inset, y + (1 if bold else 0.4))
            pdf.cell(width - 40, 5, label)
            pdf.set_xy(x + width - 40 - inset, y + (1 if bold else 0.4))
            pdf.cell(40, 5, self.money(amount), align=Align.R)
            pdf.set_y(y + (7.5 if bold else 5.6))
        pdf.set_y(max(pdf.get_y(), top) + 5)

    def payment_and_mentions(self) -> None:
        doc, words = self.doc, self.words
        if doc.mention in EXEMPTION_TEXT:
            self.text(words[doc.mention], size=9.5, bold=True)
            self.pdf.set_y(self.pdf.get_y() + 2)
        if doc.paid_on:
            refund = doc.kind == CREDIT_NOTE
            key = ("refunded" if refund else "paid") + ("" if doc.paid_with else "_no_means")
            line = words[key].format(day=self.day(doc.paid_on), means=doc.paid_with or "")
            if doc.payment_ref:
                line += f" ({words['payment_ref'].format(ref=doc.payment_ref)})"
            self.text(line, size=9.5, bold=True)
        for note in doc.notes:
            self.text(note, size=9)
        if doc.reason and doc.kind != CREDIT_NOTE:
            self.text(doc.reason, size=9)
        self.pdf.set_y(self.pdf.get_y() + 4)
        if doc.terms.late_penalty:
            self.text(words["late_penalty"].format(rate=doc.terms.late_penalty), size=8, grey=True,
                      height=3.8)
        if doc.buyer.business:
            self.text(words["indemnity"], size=8, grey=True, height=3.8)
        self.text(words["no_discount"], size=8, grey=True, height=3.8)


def _grouped(siren: str) -> str:
    """A SIREN as it is printed: 812 345 678."""
    digits = siren.replace(" ", "")
    if len(digits) == 9 and digits.isdigit():
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return siren
