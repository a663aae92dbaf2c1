"""`renewdesk status`: which processor takes the money (and whether it is real money), the
database, and the last run. What an administrator checks on an unattended machine before
trusting its nightly run."""

from __future__ import annotations

import argparse
from typing import TextIO

from renewdesk.app import App, processor_source
from renewdesk.domain.refusal_words import words
from renewdesk.payments.choice import MODE_WORDS, ProcessorNotReady
from renewdesk.services.run_due import last_run_on
from renewdesk.store import location, settings

_FROM = {"environment": "from RENEWDESK_GATEWAY", "settings": "chosen in Settings",
         "default": "the default"}


def cmd_status(app: App, args: argparse.Namespace, out: TextIO) -> None:
    with app.factory() as session:
        chosen = settings.get(session, "payment_processor")
        last = last_run_on(session)
    _gateway, source = processor_source(app.env, chosen)
    out.write(f"processor: {MODE_WORDS[app.mode()]} ({_FROM[source]})\n")
    if isinstance(app.processor, ProcessorNotReady):
        from renewdesk.cli.entry import cli_language

        out.write(f"  runs are refused: {words(app.processor.refusal, cli_language(app.env))}\n")
    out.write(f"database: {location.shown(app.url)}\n")
    out.write(f"last run: {last.isoformat() if last else 'never'}\n")
