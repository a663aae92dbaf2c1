"""HM-4: the HTML part of every e-mail, made from its plain text, in one layout with the
seller's face.

Each kind's words are written once, in its text templates (fr, en); the HTML part reads that
text: paragraphs stay paragraphs, a line that is only a link becomes a button, and a list
(lines `  - a · b · c`, with an indented `    label: link` under an item) becomes a table whose
cells are the ` · `-separated parts and whose links are buttons. What works in mail clients:
tables, inline styles, no external resource (the logo is an inline `cid:` image).

The frame with the seller's face is a template (`layout.html`), made once per face; each
message's own part (its title and blocks) is written here (`content`), as that template wrote
it before: a busy night makes thousands, and a template's calls for each line and link cost
more than the message's whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from renewdesk.notify.face import LOGO_CID, SellerFace

URL = re.compile(r"https?://[^\s<>\"]+")
CELL = " · "

# A button's words, by the link's action, when the text only gives the link itself.
BUTTONS = {
    "en": {"pay_now": "Pay now", "update_payment_method": "Update my payment method",
           "cancel_renewal": "Refuse or cancel this renewal",
           "confirm_plan_change": "Confirm the new amount", "invoices": "My invoices",
           "": "Open the page"},
    "fr": {"pay_now": "Payer maintenant",
           "update_payment_method": "Mettre à jour mon moyen de paiement",
           "cancel_renewal": "Refuser ou annuler ce renouvellement",
           "confirm_plan_change": "Confirmer le nouveau montant", "invoices": "Mes factures",
           "": "Ouvrir la page"},
}


@dataclass
class Piece:
    text: str
    url: str | None = None


@dataclass
class Row:
    cells: list[list[Piece]]
    buttons: list[dict[str, str]] = field(default_factory=list)
    notes: list[list[Piece]] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "p" (lines), "button" (url, label), "table" (rows)
    lines: list[list[Piece]] = field(default_factory=list)
    url: str = ""
    label: str = ""
    rows: list[Row] = field(default_factory=list)


def pieces(text: str) -> list[Piece]:
    """A line's words with its links as links."""
    if "http" not in text:  # every link begins so (`URL`): most lines have none
        return [Piece(text)] if text else []
    out: list[Piece] = []
    at = 0
    for found in URL.finditer(text):
        if found.start() > at:
            out.append(Piece(text[at:found.start()]))
        out.append(Piece(found.group(), found.group()))
        at = found.end()
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def blocks(body: str, language: str, actions: dict[str, str]) -> list[Block]:
    """The text's blocks; `actions` names the action of each customer link's address."""
    words = BUTTONS.get(language, BUTTONS["en"])
    made: list[Block] = []
    paragraph: list[list[Piece]] = []

    def end_paragraph() -> None:
        if paragraph:
            made.append(Block("p", lines=list(paragraph)))
            paragraph.clear()

    for line in body.splitlines():
        text = line.strip()
        if not text:
            end_paragraph()
        elif text.startswith("http") and URL.fullmatch(text):
            end_paragraph()
            made.append(Block("button", url=text, label=words[actions.get(text, "")]))
        elif line.startswith("  - "):
            end_paragraph()
            if not made or made[-1].kind != "table":
                made.append(Block("table"))
            made[-1].rows.append(Row([pieces(cell) for cell in text[2:].split(CELL)]))
        elif line.startswith("    ") and made and made[-1].kind == "table" and not paragraph:
            row = made[-1].rows[-1]
            link = URL.search(text)
            if link is not None and link.end() == len(text):
                label = text[:link.start()].strip().rstrip(":").strip()
                row.buttons.append({"url": link.group(),
                                    "label": label or words[actions.get(link.group(), "")]})
            else:
                row.notes.append(pieces(text))
        else:
            paragraph.append(pieces(text))
    end_paragraph()
    return made


def layout_context(subject: str, body: str, language: str, actions: dict[str, str],
                   face: SellerFace) -> dict[str, Any]:
    return {"lang": language, "subject": subject,
            "content": content(subject, blocks(body, language, actions)),
            "face": face, "logo_src": f"cid:{LOGO_CID}" if face.logo else None}


def _e(text: str) -> str:
    """`text` escaped as the templates escape it (markupsafe's five characters), without a
    Markup object made for each piece of each line."""
    if "&" in text or "<" in text or ">" in text or "'" in text or '"' in text:
        return str(escape(text))
    return str.__str__(text)


_H1 = '<h1 style="margin:0 0 16px 0;font-size:19px;line-height:1.3;color:#1a1a1a;">'
_P = '<p style="margin:0 0 14px 0;">'
_P_BUTTON = '<p style="margin:0 0 18px 0;">'
_TABLE = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
          'style="border-collapse:collapse;margin:0 0 18px 0;font-size:14px;">')
_CELL = '<td style="padding:8px 10px 8px 0;border-top:1px solid #e5e7eb;vertical-align:top;'
_BUTTONS_CELL = ('<td style="padding:8px 0;border-top:1px solid #e5e7eb;vertical-align:top;'
                 'text-align:right;white-space:nowrap;">')
_NOTE = '<br><span style="color:#4b5563;">'
_BUTTON = ('" style="display:inline-block;background:#1d5fa8;color:#ffffff;text-decoration:none;'
           'font-weight:600;border-radius:4px;')
_BUTTON_SIZE = ("padding:10px 18px;font-size:15px;", "padding:6px 12px;font-size:13px;")


def _line(parts: list[Piece]) -> str:
    return "".join(f'<a href="{_e(p.url)}" style="color:#1d5fa8;word-break:break-all;">'
                   f"{_e(p.text)}</a>" if p.url else _e(p.text) for p in parts)


def _button(url: str, label: str, small: bool = False) -> str:
    return f'<a href="{_e(url)}{_BUTTON}{_BUTTON_SIZE[small]}">{_e(label)}</a>'


def content(subject: str, made: list[Block]) -> Markup:
    """The message's own part of its HTML: its title, then its blocks."""
    out = [_H1, _e(subject), "</h1>"]
    for block in made:
        if block.kind == "p":
            out += [_P, "<br>".join(_line(line) for line in block.lines), "</p>"]
        elif block.kind == "button":
            out += [_P_BUTTON, _button(block.url, block.label), "</p>"]
        else:
            out.append(_TABLE)
            for row in block.rows:
                out.append("<tr>")
                last = len(row.cells) - 1
                for index, cell in enumerate(row.cells):
                    out += [_CELL, "font-weight:600;" if index == 0 else "", '">', _line(cell)]
                    if index == last:
                        out += [f"{_NOTE}{_line(note)}</span>" for note in row.notes]
                    out.append("</td>")
                if row.buttons:
                    out += [_BUTTONS_CELL, "<br>".join(_button(b["url"], b["label"], True)
                                                       for b in row.buttons), "</td>"]
                out.append("</tr>")
            out.append("</table>")
    return Markup("".join(out))  # noqa: S704 (every text in it went through `_e`)
