"""`renewdesk refund`: money given back to a customer, all of a payment or a part.

A refund takes money out of the seller's account at once, so the command says what it will do
and asks before doing it; without a terminal to ask on, `--yes` is the answer given in advance.
Every refusal comes before the question: the question is only asked of a refund that can be made.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from renewdesk.app import App
from renewdesk.cli.commands import Failure
from renewdesk.cli.entry import cli_language
from renewdesk.cli.words import tr
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import words
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.services import refunds
from renewdesk.services.refunds import PaymentInfo
from renewdesk.store.runlock import RunInProgress

YES = frozenset({"y", "yes", "o", "oui"})


def _asked(app: App, args: argparse.Namespace) -> tuple[PaymentInfo, Money]:
    """What the refund would be, checked as `refunds.refund` checks it: bad input refused here,
    before anything is asked or written."""
    with app.factory() as session:
        info = refunds.payment_info(session, args.payment)
        amount = (Money.parse(args.amount, info.paid.currency, field="--amount")
                  if args.amount is not None else None)
        _attempt, asked = refunds.check(session, args.payment, amount, args.reason)
    return info, asked


def _describe(info: PaymentInfo, asked: Money, out: TextIO, language: str) -> None:
    out.write(tr(language, "payment {ref} of {name} ({customer}): {description}, {paid} paid on "
                 "{day} with {method}", ref=info.ref, name=info.customer_name,
                 customer=info.customer_ref, description=info.description, paid=info.paid,
                 day=info.on.isoformat(), method=info.method) + "\n")
    if info.refunded.minor:
        out.write("  " + tr(language, "already refunded {amount}", amount=info.refunded) + "\n")
    left = info.refundable - asked
    out.write("  " + tr(language, "refund {asked} now; {left} would be left to refund",
                        asked=asked, left=left) + "\n")


def _confirmed(info: PaymentInfo, asked: Money, out: TextIO, inp: TextIO,
               language: str) -> bool:
    out.write(tr(language, "Refund {amount} to {name}? [y/N] ", amount=asked,
                 name=info.customer_name))
    out.flush()
    return inp.readline().strip().lower() in YES


def cmd_refund(app: App, args: argparse.Namespace, out: TextIO, inp: TextIO) -> None:
    language = cli_language(app.env)
    info, asked = _asked(app, args)
    _describe(info, asked, out, language)
    if not args.yes:
        if not inp.isatty():
            raise InputError("refund_needs_yes")
        if not _confirmed(info, asked, out, inp, language):
            out.write(tr(language, "nothing was refunded") + "\n")
            return
    try:  # under the run lock, taken by the use case: never while a run settles the payment
        result = refunds.refund(app.context(), app.engine.url, args.payment,
                                None if args.amount is None else asked, args.reason)
    except (RunInProgress, ProcessorUnavailable) as error:
        raise Failure(words(error, language)) from None
    if result.status == "refused":
        refusal = InputError("refund_refused", code=result.refusal or "?")
        raise Failure(words(refusal, language))
    if result.status == "unknown":
        raise Failure(tr(language, "refund {refund} of {amount} is recorded, but the payment "
                         "provider has not answered: the next run asks it",
                         refund=result.refund, amount=result.amount))
    values = {"amount": result.amount, "payment": result.payment, "name": info.customer_name,
              "customer": info.customer_ref, "refund": result.refund}
    out.write((tr(language, "refunded {amount} of payment {payment} to {name} ({customer}) as "
                  "{refund}", **values) if result.status == "succeeded" else
               tr(language, "refund under way (pending) of {amount} of payment {payment} to "
                  "{name} ({customer}) as {refund}", **values)) + "\n")



# The commands that may ask a question on the terminal (`main` hands them standard input).
ASKING = {"refund": cmd_refund}
