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
from renewdesk.cli.words import tr
from renewdesk.domain.accounting import FEC_ENCODING, DocumentRow
from renewdesk.domain.dates import parse_date
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import CREDIT_NOTE
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import colon
from renewdesk.services import accounting

KIND_WORDS = {"invoice": "invoice", "credit_note": "credit note"}


def _kind(kind: str, language: str) -> str:
    return tr(language, KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def _date(text: str | None, option: str) -> date | None:
    return parse_date(text, field=option) if text is not None else None


def _line(doc: DocumentRow, language: str) -> str:
    """One document a line, its fields separated by tabs; the words in them the reader's."""
    relation = ("" if doc.relates_to is None else
                "\t" + tr(language, "corrects {number}", number=doc.relates_to)
                if doc.kind == CREDIT_NOTE
                else "\t" + tr(language, "payment {ref}", ref=doc.relates_to))
    return (f"{doc.number}\t{_kind(doc.kind, language)}\t{doc.issued_on.isoformat()}\t"
            f"{doc.customer_ref}\t{doc.customer_name}\t{Money(doc.total, doc.currency)}"
            f"{relation}\n")


def cmd_invoices(app: App, args: argparse.Namespace, out: TextIO) -> None:
    first, last = _date(args.first, "--from"), _date(args.last, "--to")
    accounting.check_range(first, last)
    language = cli_language(app.env)
    if args.issue_missing:
        issued = accounting.issue_missing(app.context())
        out.write(tr(language, "{count} invoice(s) issued for payments that had none",
                     count=len(issued)))
        if issued:
            out.write(colon(language) + tr(language, "{first} to {last}", first=issued[0],
                                           last=issued[-1]))
        out.write("\n")
    with app.factory() as session:
        listed = accounting.documents(session, first, last)
    for doc in listed:
        out.write(_line(doc, language))
    if not listed:
        out.write(tr(language, "no invoice or credit note") + "\n")


def cmd_invoice(app: App, args: argparse.Namespace, out: TextIO) -> None:
    from renewdesk.invoicing.pdf import invoice_pdf  # fpdf2 and factur-x: only when asked

    with app.factory() as session:
        document = accounting.issued_document(session, args.number)
    target = Path(args.pdf)
    _write(target, invoice_pdf(document))
    out.write(tr(cli_language(app.env), "{kind} {number} written to {path}",
                 kind=_kind(document.kind, cli_language(app.env)), number=document.number,
                 path=target) + "\n")


def cmd_accounting(app: App, args: argparse.Namespace, out: TextIO) -> None:
    first, last = parse_date(args.first, field="--from"), parse_date(args.last, field="--to")
    accounting.check_range(first, last)
    language = cli_language(app.env)
    period = tr(language, "{first} to {last}", first=first.isoformat(), last=last.isoformat())
    if args.csv is not None:
        with app.factory() as session:
            text = accounting.accounting_csv(session, first, last, language)
        target = Path(args.csv)
        _write(target, text.encode("utf-8"))
        out.write(tr(language, "CSV of {period} ({rows} rows) written to {path}", period=period,
                     rows=text.count(chr(10)) - 1, path=target) + "\n")
        return
    with app.factory() as session:
        made = accounting.fec(session, first, last)
    target = Path(args.fec)
    if target.is_dir():  # a folder: the file takes the name the law gives it
        target = target / made.name
    _write(target, made.text.encode(FEC_ENCODING))
    entries = len({line.split("\t")[2] for line in made.text.splitlines()[1:]})
    out.write(tr(language, "FEC of {period} ({entries} entries) written to {path}",
                 period=period, entries=entries, path=target) + "\n")


def _write(target: Path, data: bytes) -> None:
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError("cannot_write", path=str(target),
                         reason=error.strerror or type(error).__name__) from None


INVOICE_COMMANDS = {"invoices": cmd_invoices, "invoice": cmd_invoice,
                    "accounting": cmd_accounting}
