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


def _describe(info: PaymentInfo, asked: Money, out: TextIO) -> None:
    out.write(f"payment {info.ref} of {info.customer_name} ({info.customer_ref}): "
              f"{info.description}, {info.paid} paid on {info.on.isoformat()} with "
              f"{info.method}\n")
    if info.refunded.minor:
        out.write(f"  already refunded {info.refunded}\n")
    left = info.refundable - asked
    out.write(f"  refund {asked} now; {left} would be left to refund\n")


def _confirmed(info: PaymentInfo, asked: Money, out: TextIO, inp: TextIO) -> bool:
    out.write(f"Refund {asked} to {info.customer_name}? [y/N] ")
    out.flush()
    return inp.readline().strip().lower() in YES


def cmd_refund(app: App, args: argparse.Namespace, out: TextIO, inp: TextIO) -> None:
    info, asked = _asked(app, args)
    _describe(info, asked, out)
    if not args.yes:
        if not inp.isatty():
            raise InputError("refund_needs_yes")
        if not _confirmed(info, asked, out, inp):
            out.write("nothing was refunded\n")
            return
    try:  # under the run lock, taken by the use case: never while a run settles the payment
        result = refunds.refund(app.context(), app.engine.url, args.payment,
                                None if args.amount is None else asked, args.reason)
    except (RunInProgress, ProcessorUnavailable) as error:
        raise Failure(str(error)) from None
    if result.status == "refused":
        refusal = InputError("refund_refused", code=result.refusal or "?")
        raise Failure(words(refusal, cli_language(app.env)))
    if result.status == "unknown":
        raise Failure(f"refund {result.refund} of {result.amount} is recorded, but the payment "
                      "provider has not answered: the next run asks it")
    state = "refunded" if result.status == "succeeded" else "refund under way (pending) of"
    out.write(f"{state} {result.amount} of payment {result.payment} to {info.customer_name} "
              f"({info.customer_ref}) as {result.refund}\n")



# The commands that may ask a question on the terminal (`main` hands them standard input).
ASKING = {"refund": cmd_refund}
