"""`renewdesk invoices`, `renewdesk invoice NUMBER --pdf FILE` and `renewdesk accounting`: the
invoices and credit notes issued, one of them as its Factur-X PDF, and the accountant's files
(the CSV and the FEC) for a date range. Reading only: nothing in the database changes, except
with `invoices --issue-missing`, which first issues the invoices older payments never got (made
before invoices existed, or imported paid)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

from renewdesk.app import App
from renewdesk.cli.entry import cli_language
from renewdesk.domain.accounting import FEC_ENCODING, DocumentRow
from renewdesk.domain.dates import parse_date
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import CREDIT_NOTE
from renewdesk.domain.money import Money
from renewdesk.services import accounting

KIND_WORDS = {"invoice": "invoice", "credit_note": "credit note"}


def _date(text: str | None, option: str) -> date | None:
    return parse_date(text, field=option) if text is not None else None


def _line(doc: DocumentRow) -> str:
    relation = ("" if doc.relates_to is None else
                f"\tcorrects {doc.relates_to}" if doc.kind == CREDIT_NOTE
                else f"\tpayment {doc.relates_to}")
    return (f"{doc.number}\t{KIND_WORDS.get(doc.kind, doc.kind)}\t{doc.issued_on.isoformat()}\t"
            f"{doc.customer_ref}\t{doc.customer_name}\t{Money(doc.total, doc.currency)}"
            f"{relation}\n")


def cmd_invoices(app: App, args: argparse.Namespace, out: TextIO) -> None:
    first, last = _date(args.first, "--from"), _date(args.last, "--to")
    accounting.check_range(first, last)
    if args.issue_missing:
        issued = accounting.issue_missing(app.context())
        out.write(f"{len(issued)} invoice(s) issued for payments that had none"
                  f"{f': {issued[0]} to {issued[-1]}' if issued else ''}\n")
    with app.factory() as session:
        listed = accounting.documents(session, first, last)
    for doc in listed:
        out.write(_line(doc))
    if not listed:
        out.write("no invoice or credit note\n")


def cmd_invoice(app: App, args: argparse.Namespace, out: TextIO) -> None:
    from renewdesk.invoicing.pdf import invoice_pdf  # fpdf2 and factur-x: only when asked

    with app.factory() as session:
        document = accounting.issued_document(session, args.number)
    target = Path(args.pdf)
    _write(target, invoice_pdf(document))
    out.write(f"{KIND_WORDS.get(document.kind, document.kind)} {document.number} written to "
              f"{target}\n")


def cmd_accounting(app: App, args: argparse.Namespace, out: TextIO) -> None:
    first, last = parse_date(args.first, field="--from"), parse_date(args.last, field="--to")
    accounting.check_range(first, last)
    period = f"{first.isoformat()} to {last.isoformat()}"
    if args.csv is not None:
        with app.factory() as session:
            text = accounting.accounting_csv(session, first, last, cli_language(app.env))
        target = Path(args.csv)
        _write(target, text.encode("utf-8"))
        out.write(f"CSV of {period} ({text.count(chr(10)) - 1} rows) written to {target}\n")
        return
    with app.factory() as session:
        made = accounting.fec(session, first, last)
    target = Path(args.fec)
    if target.is_dir():  # a folder: the file takes the name the law gives it
        target = target / made.name
    _write(target, made.text.encode(FEC_ENCODING))
    entries = len({line.split("\t")[2] for line in made.text.splitlines()[1:]})
    out.write(f"FEC of {period} ({entries} entries) written to {target}\n")


def _write(target: Path, data: bytes) -> None:
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError("cannot_write", path=str(target),
                         reason=error.strerror or type(error).__name__) from None


INVOICE_COMMANDS = {"invoices": cmd_invoices, "invoice": cmd_invoice,
                    "accounting": cmd_accounting}
