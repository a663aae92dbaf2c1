"""IV-5: what the accountant gets for a date range, from rows read once: a CSV of invoices,
credit notes, payments and refunds, and the FEC (Fichier des écritures comptables, LPF art.
A47 A-1) that the tax authority asks for and every French accounting package imports.

The FEC follows the arrêté of 29 July 2013 and its commentary (BOI-CF-IOR-60-40-20): the 18
fields in their legal order and names, a header line, one tab between fields, dates YYYYMMDD,
amounts with a comma and no thousands separator, characters of ISO 8859-15. Each invoice is one
balanced entry of the sales journal, each payment one of the bank journal; a credit note and a
refund are the same entries reversed. Amounts stay integers in minor units (MO-1) until they are
written. The accounts are the Plan comptable général's, in `CHART`, the one place to change them.
No exchange rate is known, so only euros go into the FEC; the CSV carries every currency.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import CREDIT_NOTE, INVOICE
from renewdesk.domain.money import Money
from renewdesk.domain.vat import MENTIONS

PAYMENT, REFUND = "payment", "refund"
FEC_CURRENCY = "EUR"
FEC_ENCODING = "iso8859_15"  # A47 A-1 III 1°: ASCII, ISO 8859-15 or EBCDIC
FEC_COLUMNS = ("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum",
               "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib",
               "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise",
               "Idevise")
CSV_DELIMITER = ";"  # what a French Excel splits on; names and labels hold commas


class Account(NamedTuple):
    number: str
    label: str


class Chart(NamedTuple):
    """The journals and accounts entries are written to (Plan comptable général)."""

    sales_journal: Account = Account("VE", "Journal des ventes")
    bank_journal: Account = Account("BQ", "Journal de banque")
    customers: Account = Account("411", "Clients")
    sales: Account = Account("706", "Prestations de services")
    vat_collected: Account = Account("44571", "TVA collectée")
    bank: Account = Account("512", "Banque")


CHART = Chart()


@dataclass(frozen=True)
class VatPart:
    rate: Decimal  # percent
    category: str  # EN 16931: S, Z, AE, G, E
    base: int
    vat: int


@dataclass(frozen=True)
class DocumentRow:
    """An issued invoice or credit note; a credit note's amounts are positive, as printed."""

    number: str
    kind: str  # invoice | credit_note
    issued_on: date
    customer_ref: str
    customer_name: str
    currency: str
    parts: tuple[VatPart, ...]
    total_excl: int
    total_vat: int
    total: int
    relates_to: str | None = None  # a credit note: the invoice it corrects; an invoice: payment
    mention: str | None = None  # a key of vat.MENTIONS


@dataclass(frozen=True)
class MoneyRow:
    """A payment received or a refund made; the amount is positive either way."""

    kind: str  # payment | refund
    ref: str  # R-1/1, or a refund's R-1/1/1
    on: date
    customer_ref: str
    customer_name: str
    amount: int
    currency: str
    method: str  # "visa •••• 4242"
    relates_to: str | None = None  # a payment: its invoice; a refund: the payment


@dataclass(frozen=True)
class FecFile:
    name: str  # SIRENFECYYYYMMDD.txt
    text: str  # only characters of ISO 8859-15: write it encoded with FEC_ENCODING


# The CSV ------------------------------------------------------------------------------------

_CSV_WORDS = {
    "en": {"columns": ("Type", "Number", "Date", "Customer reference", "Customer",
                       "Relates to", "Total excl. VAT", "VAT", "Total", "Currency",
                       "VAT breakdown", "Mention", "Payment method"),
           INVOICE: "Invoice", CREDIT_NOTE: "Credit note", PAYMENT: "Payment",
           REFUND: "Refund", "part": "{rate}% ({category}): {base} excl. VAT + {vat} VAT"},
    "fr": {"columns": ("Type", "Numéro", "Date", "Référence client", "Client",
                       "Se rapporte à", "Total HT", "TVA", "Total TTC", "Devise",
                       "Détail de la TVA", "Mention", "Moyen de paiement"),
           INVOICE: "Facture", CREDIT_NOTE: "Avoir", PAYMENT: "Paiement",
           REFUND: "Remboursement", "part": "{rate} % ({category}) : {base} HT + {vat} TVA"},
}
_ORDER = {INVOICE: 0, CREDIT_NOTE: 1, PAYMENT: 2, REFUND: 3}


def accounting_csv(documents: Iterable[DocumentRow], movements: Iterable[MoneyRow],
                   language: str = "en") -> str:
    """One row per invoice, credit note, payment and refund, by date: amounts positive as the
    documents print them (the type says which way the money goes), a dot before the decimals,
    dates ISO, `;` between columns; with a byte order mark, so that Excel reads it as UTF-8."""
    words = _CSV_WORDS["fr" if language == "fr" else "en"]
    rows: list[tuple[date, int, list[str]]] = []
    for doc in documents:
        parts = " | ".join(str(words["part"]).format(
            rate=_rate(part.rate, language), category=part.category,
            base=_decimal(part.base, doc.currency), vat=_decimal(part.vat, doc.currency))
            for part in doc.parts)
        rows.append((doc.issued_on, _ORDER[doc.kind], [
            str(words[doc.kind]), doc.number, doc.issued_on.isoformat(), doc.customer_ref,
            doc.customer_name, doc.relates_to or "", _decimal(doc.total_excl, doc.currency),
            _decimal(doc.total_vat, doc.currency), _decimal(doc.total, doc.currency),
            doc.currency, parts, MENTIONS.get(doc.mention or "", ""), ""]))
    for move in movements:
        rows.append((move.on, _ORDER[move.kind], [
            str(words[move.kind]), move.ref, move.on.isoformat(), move.customer_ref,
            move.customer_name, move.relates_to or "", "", "",
            _decimal(move.amount, move.currency), move.currency, "", "", move.method]))
    rows.sort(key=lambda row: (row[0], row[1]))  # stable: the loader's order within a day
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(words["columns"])
    writer.writerows(row for _day, _kind, row in rows)
    return "\ufeff" + buffer.getvalue()


def _decimal(minor: int, currency: str) -> str:
    return Money(minor, currency).text()


def _rate(rate: Decimal, language: str) -> str:
    text = f"{rate.normalize():f}"
    return text.replace(".", ",") if language == "fr" else text


# The FEC ------------------------------------------------------------------------------------


class FecLine(NamedTuple):
    account: Account
    label: str
    debit: int
    credit: int
    aux: Account | None = None


@dataclass(frozen=True)
class Entry:
    """One balanced entry (écriture): the lines of one document or one payment."""

    journal: Account
    on: date
    piece: str
    lines: tuple[FecLine, ...]


def fec_name(siren: str, closing: date) -> str:
    """The name A47 A-1 gives the file: the SIREN, "FEC", the period's closing date."""
    return f"{siren}FEC{closing:%Y%m%d}.txt"


def fec_file(siren: str, closing: date, documents: Sequence[DocumentRow],
             movements: Sequence[MoneyRow], chart: Chart = CHART) -> FecFile:
    """The FEC of these rows, entries by date (sales before bank within a day), each journal
    numbered from 1 in that order. Refused, naming them, when any row is not in euros."""
    foreign = [f"{doc.number} ({doc.currency})" for doc in documents
               if doc.currency != FEC_CURRENCY]
    foreign += [f"{move.ref} ({move.currency})" for move in movements
                if move.currency != FEC_CURRENCY]
    if foreign:
        shown = ", ".join(foreign[:10]) + (f" and {len(foreign) - 10} more"
                                           if len(foreign) > 10 else "")
        raise InputError("fec_not_in_euros", documents=shown)
    entries = [sales_entry(doc, chart) for doc in documents]
    entries += [bank_entry(move, chart) for move in movements]
    entries.sort(key=lambda entry: (entry.on, entry.journal != chart.sales_journal))
    lines = ["\t".join(FEC_COLUMNS)]
    numbers: dict[str, int] = {}
    for entry in entries:
        if not entry.lines:
            continue
        code = entry.journal.number
        numbers[code] = numbers.get(code, 0) + 1
        lines += [_fec_line(entry, f"{code}{numbers[code]:06d}", line) for line in entry.lines]
    return FecFile(fec_name(siren, closing), "\r\n".join(lines) + "\r\n")


def sales_entry(doc: DocumentRow, chart: Chart = CHART) -> Entry:
    """An invoice: the customer owes the total (411, debit), the seller earns each rate's base
    (706, credit) and owes its VAT (44571, credit; none without VAT). A credit note: reversed."""
    if sum(part.base + part.vat for part in doc.parts) != doc.total:
        raise ValueError(f"{doc.number}: its VAT breakdown does not add up to its total")
    credit_note = doc.kind == CREDIT_NOTE
    what = "Avoir" if credit_note else "Facture"
    label = f"{what} {doc.number} {doc.customer_name}"
    aux = Account(doc.customer_ref, doc.customer_name)
    lines = [FecLine(chart.customers, label, doc.total, 0, aux)]
    for part in doc.parts:
        rate = _fec_rate(part)
        lines.append(FecLine(chart.sales, f"{what} {doc.number} HT {rate}", 0, part.base))
        if part.vat:
            lines.append(FecLine(chart.vat_collected, f"{what} {doc.number} TVA {rate}", 0,
                                 part.vat))
    return Entry(chart.sales_journal, doc.issued_on, doc.number,
                 _kept(lines, reverse=credit_note))


def bank_entry(move: MoneyRow, chart: Chart = CHART) -> Entry:
    """A payment: the bank receives (512, debit) what the customer owed (411, credit). A
    refund: reversed."""
    refund = move.kind == REFUND
    what = "Remboursement" if refund else "Paiement"
    label = f"{what} {move.ref} {move.customer_name}"
    aux = Account(move.customer_ref, move.customer_name)
    lines = [FecLine(chart.bank, f"{label} {move.method}".strip(), move.amount, 0),
             FecLine(chart.customers, label, 0, move.amount, aux)]
    return Entry(chart.bank_journal, move.on, move.ref, _kept(lines, reverse=refund))


def _kept(lines: list[FecLine], *, reverse: bool) -> tuple[FecLine, ...]:
    """The lines that move money (none of an empty document), debit and credit swapped for a
    credit note or a refund."""
    if reverse:
        lines = [line._replace(debit=line.credit, credit=line.debit) for line in lines]
    return tuple(line for line in lines if line.debit or line.credit)


def _fec_rate(part: VatPart) -> str:
    words = {"AE": "autoliquidation", "G": "export", "E": "exonéré", "Z": "taux zéro"}
    return words.get(part.category) or f"{_rate(part.rate, 'fr')} %"


def _fec_line(entry: Entry, number: str, line: FecLine) -> str:
    day = f"{entry.on:%Y%m%d}"
    aux_number, aux_label = (line.aux.number, line.aux.label) if line.aux else ("", "")
    return "\t".join((
        _field(entry.journal.number), _field(entry.journal.label), number, day,
        _field(line.account.number), _field(line.account.label), _field(aux_number),
        _field(aux_label), _field(entry.piece), day, _field(line.label),
        fec_amount(line.debit), fec_amount(line.credit), "", "", day, "", ""))


def fec_amount(minor: int) -> str:
    """`1234,56`: euros with a comma before the cents, no thousands separator."""
    units, cents = divmod(abs(minor), 100)
    return f"{'-' if minor < 0 else ''}{units},{cents:02d}"


_PLAIN = str.maketrans({"\t": " ", "\r": " ", "\n": " ", "•": "*", "–": "-", "—": "-",
                        "’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ",
                        "\u202f": " ", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i"})


@lru_cache(maxsize=4096)  # names and labels repeat on every line of an entry
def _field(value: str) -> str:
    """A field as A47 A-1 allows it: no tab or line break inside (they separate fields and
    lines), and only characters of ISO 8859-15; others lose their accent ("ă" → "a") or
    read "?"."""
    if value.isascii() and value.isprintable():
        return value
    text = unicodedata.normalize("NFC", value.translate(_PLAIN))
    try:
        text.encode(FEC_ENCODING)
        return text
    except UnicodeEncodeError:
        return "".join(_latin9(char) for char in text)


def _latin9(char: str) -> str:
    try:
        char.encode(FEC_ENCODING)
        return char
    except UnicodeEncodeError:
        bare = "".join(c for c in unicodedata.normalize("NFKD", char)
                       if not unicodedata.combining(c))
        return bare if bare and bare.encode(FEC_ENCODING, "ignore").decode(FEC_ENCODING) == bare \
            else "?"
