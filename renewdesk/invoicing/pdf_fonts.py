"""The invoice PDF's DejaVu fonts, read and measured once per process instead of once per PDF.

fpdf2's add_font parses the whole TTF (its character map, every glyph's width) for each
document, a large part of an invoice's time. What that parse yields is the same for every
document, so it is done once, under a lock (PDFs are made in worker threads and by the web
server), and each document gets its own copy of what a document changes: the fontTools font
that writing the PDF subsets in place (read again from the file's bytes, kept in memory, each
table decoded only when the subsetting asks for it), the widths (read with defaults), the
descriptor (given its object number) and the subset of used characters. The bytes written are
the same as add_font's (tests/invoicing/test_pdf_fonts.py compares them): this knows fpdf2's
TTFFont from the inside, so an fpdf2 upgrade (pinned in pyproject.toml) is checked there.
"""

from __future__ import annotations

import copy
import io
import threading
from dataclasses import dataclass
from pathlib import Path

from fontTools import ttLib  # type: ignore[import-untyped]  # fontTools ships no type information
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FAMILY = "DejaVu"
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_LAYOUT = ("GDEF", "GPOS", "GSUB")


@dataclass(frozen=True)
class _Parsed:
    font: TTFFont  # never given to a document: each gets a copy
    data: bytes


_parsed: dict[str, _Parsed] = {}
_lock = threading.Lock()


def add_fonts(pdf: FPDF) -> None:
    """Makes FAMILY in each of FILES' styles available to pdf.set_font, as add_font would."""
    for style in FILES:
        parsed = _parse(style)
        fontkey = f"{FAMILY.lower()}{style}"
        pdf.fonts[fontkey] = _for_document(parsed, pdf)


def _parse(style: str) -> _Parsed:
    with _lock:
        if style not in _parsed:
            path = FONTS / FILES[style]
            font = TTFFont(FPDF(), path, f"{FAMILY.lower()}{style}", style)
            if font.color_font is not None or font.is_cff:
                raise ValueError(f"{path.name}: only plain TrueType fonts are shared")
            _parsed[style] = _Parsed(font, _without_layout(path))
        return _parsed[style]


def _without_layout(path: Path) -> bytes:
    """The font file less its OpenType layout tables, which writing the PDF drops (fpdf2 lays
    out text without them): the subsetting, which decodes them all before dropping them, then
    has them to skip. kern goes too: the subsetting drops it when the font has GPOS."""
    font = ttLib.TTFont(path, recalcTimestamp=False, lazy=True)
    if "GPOS" in font and "kern" in font:
        del font["kern"]
    for tag in _LAYOUT:
        if tag in font:
            del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _for_document(parsed: _Parsed, pdf: FPDF) -> TTFFont:
    """The parsed font for one document: the character map and glyph ids shared (only read),
    everything a document writes to its own."""
    font: TTFFont = copy.copy(parsed.font)
    font.i = len(pdf.fonts) + 1
    font.ttfont = ttLib.TTFont(io.BytesIO(parsed.data), recalcTimestamp=False, lazy=True)
    font.cw = parsed.font.cw.copy()
    font.desc = copy.copy(parsed.font.desc)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    return font
