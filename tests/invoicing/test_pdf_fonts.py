"""IV-4: the DejaVu fonts parsed once per process (renewdesk.invoicing.pdf_fonts) write the same
PDF bytes as fpdf2's add_font parsing them for each document, one after another as in worker
threads at once, so no document carries another's characters."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from fpdf import FPDF

from renewdesk.domain.invoice import InvoiceDocument
from renewdesk.invoicing import pdf
from renewdesk.invoicing.pdf_fonts import FAMILY, FILES, FONTS
from tests.invoicing.documents import CASES, yen


def _documents() -> list[InvoiceDocument]:
    # a buyer's name DejaVu has no glyph for: the missing glyphs stay the document's own
    missing = replace(yen(), buyer=replace(yen().buyer, name="桜デザイン株式会社"))
    return [make() for make in CASES.values()] + [missing]


def _add_font_each_time(document: FPDF) -> None:
    for style, file in FILES.items():
        document.add_font(FAMILY, style, str(FONTS / file))


@pytest.fixture(scope="module")
def parsed_each_time() -> list[bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "add_fonts", _add_font_each_time)
        return [pdf.invoice_pdf(doc) for doc in _documents()]


def test_iv4_fonts_parsed_once_write_add_fonts_bytes(parsed_each_time: list[bytes]) -> None:
    assert [pdf.invoice_pdf(doc) for doc in _documents()] == parsed_each_time


def test_iv4_fonts_parsed_once_in_threads_at_once_write_the_same_bytes(
        parsed_each_time: list[bytes]) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(pdf.invoice_pdf, _documents()))
    assert made == parsed_each_time
