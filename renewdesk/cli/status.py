"""`renewdesk status`: which processor takes the money (and whether it is real money), the
database, and the last run. What an administrator checks on an unattended machine before
trusting its nightly run."""

from __future__ import annotations

import argparse
from typing import TextIO

from renewdesk.app import App, processor_source
from renewdesk.cli.entry import cli_language
from renewdesk.cli.words import tr
from renewdesk.domain.refusal_words import words
from renewdesk.payments.choice import MODE_WORDS, ProcessorNotReady
from renewdesk.services.run_days import last_run_on
from renewdesk.store import location, settings

_FROM = {"environment": "from RENEWDESK_GATEWAY", "settings": "chosen in Settings",
         "default": "the default"}


def cmd_status(app: App, args: argparse.Namespace, out: TextIO) -> None:
    language = cli_language(app.env)
    with app.factory() as session:
        chosen = settings.get(session, "payment_processor")
        last = last_run_on(session)
    _gateway, source = processor_source(app.env, chosen)
    out.write(tr(language, "processor: {mode} ({source})", mode=tr(language, MODE_WORDS[app.mode()]),
                 source=tr(language, _FROM[source])) + "\n")
    if isinstance(app.processor, ProcessorNotReady):
        out.write("  " + tr(language, "runs are refused: {why}",
                            why=words(app.processor.refusal, language)) + "\n")
    out.write(tr(language, "database: {url}", url=location.shown(app.url)) + "\n")
    out.write(tr(language, "last run: {day}",
                 day=last.isoformat() if last else tr(language, "never")) + "\n")
