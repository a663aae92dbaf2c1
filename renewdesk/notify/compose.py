"""A message's words from what it is about: its text (the kind's templates, NT-2), the seller's
signature and contact under it, and its HTML part in the shared layout (HM-4).

A message is about one item or, gathered (HM-2), several: each item is the context its own
e-mail was queued with, kept (`stored`) with the tokens of its links and the amounts it names,
so that a gathered message is written from the same facts as the messages it replaces.
"""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from renewdesk.domain.money import Money
from renewdesk.notify.face import SellerFace, seller_face
from renewdesk.notify.formatting import MoneyText
from renewdesk.notify.html import layout_context
from renewdesk.notify.templates import RenderedMail, footer, layout, render, render_list

LINKS = "_links"  # an item's links: action -> token
AMOUNTS = "_money"  # an item's amounts: key -> [minor, currency]
INVOICES = "_invoices"  # the numbers of the invoices whose PDFs go with an item (IV-4)
SUBJECT_LIMIT = 300  # Notification.subject


def item(context: dict[str, Any], tokens: dict[str, str]) -> dict[str, Any]:
    """What one message was rendered from, as it is kept."""
    amounts = {key: [value.amount.minor, value.amount.currency]
               for key, value in context.items() if isinstance(value, MoneyText)}
    return {**context, LINKS: tokens, AMOUNTS: amounts}


def stored(items: list[dict[str, Any]]) -> dict[str, Any]:
    """JSON as the column keeps it (a date as its ISO text): what `gather` reads back. The
    values messages are made of are copied as JSON would give them back; anything else goes
    through JSON itself."""
    try:
        return {"items": [_plain(entry) for entry in items]}
    except _NotPlain:
        loaded: dict[str, Any] = json.loads(json.dumps({"items": items}, default=str))
        return loaded


class _NotPlain(Exception):
    """A value `_plain` leaves to JSON."""


def _plain(value: Any) -> Any:
    """`value` as `json.loads(json.dumps(value, default=str))` gives it back, for the types a
    message's context holds; `_NotPlain` for any other."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _NotPlain
        return {key: _plain(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return [_plain(item) for item in value]
    if kind is MoneyText:
        return str.__str__(value)
    if kind is date:
        return value.isoformat()
    if kind is float and math.isfinite(value):
        return value
    raise _NotPlain


def words_of(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in entry.items() if key not in (LINKS, AMOUNTS, INVOICES)}


def total(items: list[dict[str, Any]], language: str) -> str | None:
    """The items' amounts added up, when each has one and all share a currency."""
    amounts = [entry.get(AMOUNTS, {}).get("amount") for entry in items]
    if not amounts or any(a is None for a in amounts) or len({a[1] for a in amounts}) > 1:
        return None
    currency = amounts[0][1]
    summed = sum((Money(a[0], currency) for a in amounts[1:]), Money(amounts[0][0], currency))
    return MoneyText(summed, language)


def totals_by_reason(items: list[dict[str, Any]], language: str) -> list[dict[str, Any]]:
    """The seller's digest (HM-2): per reason with more than one item, how many and, when they
    share a currency, their amounts added up; never one total across reasons (a dispute's
    amount and a failed charge's are not one sum)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for entry in items:
        if entry.get("reason"):
            found.setdefault(str(entry["reason"]), []).append(entry)
    return [{"reason": reason, "count": len(group), "total": total(group, language)}
            for reason, group in found.items() if len(group) > 1]


def compose(session: Session, kind: str, language: str, contexts: list[dict[str, Any]],
            urls: list[dict[str, str]], kept: list[dict[str, Any]] | None = None,
            face: SellerFace | None = None) -> RenderedMail:
    """The message about `contexts` (one each item, with its links' addresses `urls`): as the
    item's own e-mail for one, as a list with the first item's shared links for several.
    `kept`: the items as stored, for their amounts (a gathered message). `face`: the seller's,
    read once by a caller that writes many messages at once."""
    if len(contexts) == 1:
        text = render(kind, language, {**words_of(contexts[0]), "links": urls[0]})
    else:
        entries = [{**words_of(c), "links": u} for c, u in zip(contexts, urls, strict=True)]
        names = list(dict.fromkeys(str(e.get("customer") or e.get("name") or "")
                                   for e in entries))
        text = render_list(kind, language, {
            "name": entries[0].get("name", ""), "items": entries, "count": len(entries),
            "total": total(kept or contexts, language), "names": names, "links": urls[0],
            "totals": totals_by_reason(kept or contexts, language)})
    face = face if face is not None else seller_face(session)
    body = text.body.rstrip("\n") + "\n\n" + footer(face) if not face.empty else text.body
    actions = {url: action for links in urls for action, url in links.items()}
    html = layout(layout_context(text.subject, text.body, language, actions, face))
    return RenderedMail(text.subject[:SUBJECT_LIMIT], body, html)
