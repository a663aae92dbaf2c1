"""`renewdesk settings [NAME=VALUE ...]`: the settings listed, or changed all together.

Each value is checked as the window checks it (a SIREN, a SIRET, a VAT number, a country, a
rate, a prefix: `domain.tax_ids`); a bad one exits 2 with one line and nothing changed. The
seller's identifiers are kept compact, and a French VAT number must be the SIREN's, the one
given or the one saved. The list ends with what invoices still wait for, in words.

The list reads in words, in the system's language (HM-3): "Replace only, never remove" for
`replace_only`, yes or no, days with their unit, amounts with their currency, the nightly run as
a time (`domain.setting_words`). Values are still typed as codes; `settings --help` names them.
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from renewdesk.app import App
from renewdesk.cli.entry import cli_language
from renewdesk.cli.words import tr
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon, words
from renewdesk.domain.setting_words import setting_text
from renewdesk.services import actions, seller
from renewdesk.services.currencies import setting_currencies
from renewdesk.store import settings


def cmd_settings(app: App, args: argparse.Namespace, out: TextIO) -> None:
    if not args.pairs:
        language = cli_language(os.environ)
        with app.factory() as session:
            listed = settings.all_user_settings(session)
            currencies = setting_currencies(session)
            waiting = seller.incomplete(session)
        for name, value in listed.items():
            shown = _shown(name, value, language, currencies.of(name))
            out.write(f"{name}{colon(language)}{shown}\n")
        if waiting is not None:
            out.write(f"# {words(waiting, language)}\n")
        return
    values: dict[str, str] = {}
    for pair in args.pairs:
        name, eq, value = pair.partition("=")
        if not eq:
            raise InputError("setting_not_pair", given=pair)
        values[name] = value
    with app.factory() as session:
        current = settings.all_user_settings(session)
    if all(name in settings.POLICY_NAMES | settings.OTHER_NAMES for name in values):
        seller.check_changes(current, values)
        values.update(settings.validate_seller(values))  # kept compact: FR44732829320
    actions.save_settings(app.context(), values)
    out.write(tr(cli_language(app.env), "{count} setting(s) saved", count=len(values)) + "\n")


def _shown(name: str, value: str, language: str, currencies: tuple[str, ...]) -> str:
    """A value as a line can show it, in words; the logo by its kind and size, not its base64."""
    if name != "seller_logo" or not value:  # an address's lines on the one line
        return ", ".join(line.strip() for line in setting_text(
            name, value, language, currencies).splitlines() if line.strip()) or value
    try:
        data = settings.logo_bytes(value)
        kind = "PNG" if data.startswith(b"\x89PNG") else "JPEG"
    except InputError:
        return "(?)"
    return tr(language, "({kind}, {size} KB)", kind=kind, size=-(-len(data) // 1024))

