"""HM-4: the HTML part of every e-mail, made from its plain text, in one layout with the
seller's face.

Each kind's words are written once, in its text templates (fr, en); the HTML part reads that
text: paragraphs stay paragraphs, a line that is only a link becomes a button, and a list
(lines `  - a · b · c`, with an indented `    label: link` under an item) becomes a table whose
cells are the ` · `-separated parts and whose links are buttons. What works in mail clients:
tables, inline styles, no external resource (the logo is an inline `cid:` image).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

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
        elif URL.fullmatch(text):
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
    return {"lang": language, "subject": subject, "blocks": blocks(body, language, actions),
            "face": face, "logo_src": f"cid:{LOGO_CID}" if face.logo else None}
