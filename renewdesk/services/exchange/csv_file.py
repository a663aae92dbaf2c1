"""A spreadsheet's or another tool's CSV file of customers or services, its columns mapped to the
exchange file's fields (EXCHANGE.md, `import-csv`).

Each row becomes an exchange object and goes through the importer like any other (one
validation): this module only reads the file and writes each cell the way the exchange file
writes it: amounts with a decimal point ("1 234,50" → "1234.50"), dates ISO ("31/12/2026" →
"2026-12-31"), whole numbers and true/false as JSON has them. A cell it cannot write that way is
given as it is, and the importer refuses it with its usual words; only a date it cannot read in
the file's date format, and an amount of digits and marks that does not read with the file's
decimal mark ("99.90" where it is a comma, which the importer would take as written), are
refused here. A refusal names the row (the header is row 1) and the column, through
`preview.Refusal.cells`.

The mapping (`MAPPING.json`) maps field names to column headers, with optional "options"
(delimiter, encoding, decimal, date_format; each detected when absent) and two additions
documented in docs/csv-import.md: "values" (a column's words turned into a field's, e.g. WHMCS's
"Annually" into a `period_months` of 12) and "defaults" (a field's value when its column is
absent or its cell empty, e.g. a currency).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from renewdesk.domain.errors import InputError
from renewdesk.domain.sensitive import WITHHELD, redacted
from renewdesk.services.context import Context
from renewdesk.services.exchange import FORMAT
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.preview import (
    Imported,
    Preview,
    Refusal,
    apply_document,
    preview_document,
    refusal_of,
)

KINDS = ("customers", "services")
# The fields a row can give (an object's own keys, not its nested lists), in the order the
# window's forms show them, which is the order the CSV dialog lists them in.
FIELDS: dict[str, tuple[str, ...]] = {
    "customers": ("ref", "name", "email", "address", "language", "emails_enabled",
                  "processor_customer", "business", "country", "vat_number", "siren"),
    "services": ("ref", "customer", "kind", "label", "billing", "currency", "price",
                 "period_months", "unit_price", "vat_rate", "expires_on", "payment_method",
                 "billing_contact", "auto_renew", "status"),
}
assert frozenset(FIELDS["customers"]) == r.CUSTOMER - {"contacts", "payment_methods"}
assert frozenset(FIELDS["services"]) == frozenset(r.SERVICE)
MONEY = frozenset({"price", "unit_price"})
DATES = frozenset({"expires_on"})
WHOLE = frozenset({"period_months"})
FLAGS = frozenset({"auto_renew", "emails_enabled", "business"})
RATES = frozenset({"vat_rate"})  # "5,5 %" → "5.5"
_TRUE = frozenset({"true", "yes", "y", "1", "on", "oui", "vrai", "x"})
_FALSE = frozenset({"false", "no", "n", "0", "off", "non", "faux"})

DELIMITERS = (";", ",", "\t", "|")
ENCODINGS = ("utf-8", "cp1252")
DECIMALS = (",", ".")
DATE_FORMATS = {"DD/MM/YYYY": r"(\d{1,2})/(\d{1,2})/(\d{4})",
                "YYYY-MM-DD": r"(\d{4})-(\d{1,2})-(\d{1,2})",
                "MM/DD/YYYY": r"(\d{1,2})/(\d{1,2})/(\d{4})",
                "DD.MM.YYYY": r"(\d{1,2})\.(\d{1,2})\.(\d{4})",
                "DD-MM-YYYY": r"(\d{1,2})-(\d{1,2})-(\d{4})"}
OPTIONS = ("delimiter", "encoding", "decimal", "date_format")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
# An amount written with digits, marks and spaces only: one that does not read with the file's
# decimal mark is refused rather than guessed at.
_NUMERIC = re.compile(r"-?[\d\s\u00a0\u202f'.,]*\d[\d\s\u00a0\u202f'.,]*")
EXAMPLES = {",": "1 234,50", ".": "1,234.50"}
_GROUPED = {mark: re.compile(rf"(-?)(\d{{1,3}}([ \u00a0\u202f'{re.escape(other)}])\d{{3}}"
                             rf"(?:\3\d{{3}})*|\d+)(?:{re.escape(mark)}(\d+))?")
            for mark, other in ((",", "."), (".", ","))}


@dataclass(frozen=True)
class Options:
    """How the file is written; "" means detect it."""

    delimiter: str = ""
    encoding: str = ""
    decimal: str = ""
    date_format: str = ""


@dataclass(frozen=True)
class ColumnMapping:
    """Which column gives each field, and the two declarative additions (see the module)."""

    kind: str
    columns: tuple[tuple[str, tuple[str, ...]], ...]  # (field, column headers joined)
    options: Options = Options()
    values: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    defaults: tuple[tuple[str, str], ...] = ()

    def column(self, name: str) -> str:
        """The (first) column a field is read from, "" if none."""
        return dict(self.columns).get(name, ("",))[0]

    def as_json(self) -> dict[str, Any]:
        """The mapping as MAPPING.json writes it."""
        data: dict[str, Any] = {name: columns[0] if len(columns) == 1 else list(columns)
                                for name, columns in self.columns}
        options = {name: getattr(self.options, name) for name in OPTIONS
                   if getattr(self.options, name)}
        if options:
            data["options"] = options
        if self.values:
            data["values"] = {name: dict(pairs) for name, pairs in self.values}
        if self.defaults:
            data["defaults"] = dict(self.defaults)
        return data


def parse_mapping(data: object, kind: str, shown: str = "mapping") -> ColumnMapping:
    """A mapping as JSON reads it, checked: known fields, text columns, known options."""
    if kind not in KINDS:
        raise InputError("mapping_no_kind", path=shown, kind=kind)
    if not isinstance(data, dict):
        raise InputError("mapping_not_object", path=shown)
    fields = FIELDS[kind]
    columns: list[tuple[str, tuple[str, ...]]] = []
    options = Options()
    values: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    defaults: list[tuple[str, str]] = []
    for name, column in data.items():
        if name == "options":
            options = _options(column, shown)
        elif name in ("values", "defaults"):
            section = column if isinstance(column, dict) else None
            if section is None:
                raise InputError("mapping_bad_values", path=shown, section=name, name=name)
            for target, given in section.items():
                if target not in fields:
                    raise InputError("mapping_unknown_field", path=shown, name=target, kind=kind,
                                     fields=", ".join(fields))
                if name == "defaults":
                    if not isinstance(given, str):
                        raise InputError("mapping_bad_values", path=shown, section=name,
                                         name=target)
                    defaults.append((target, given))
                    continue
                if not isinstance(given, dict) or not all(
                        isinstance(k, str) and isinstance(v, str) for k, v in given.items()):
                    raise InputError("mapping_bad_values", path=shown, section=name, name=target)
                values.append((target, tuple(given.items())))
        elif name not in fields:
            raise InputError("mapping_unknown_field", path=shown, name=name, kind=kind,
                             fields=", ".join(fields))
        else:
            names = column if isinstance(column, list) else [column]
            if not names or not all(isinstance(c, str) and c.strip() for c in names):
                raise InputError("mapping_column_not_text", path=shown, name=name)
            columns.append((name, tuple(names)))
    return ColumnMapping(kind, tuple(columns), options, tuple(values), tuple(defaults))


def _options(data: object, shown: str) -> Options:
    if not isinstance(data, dict):
        raise InputError("mapping_bad_values", path=shown, section="options", name="options")
    given: dict[str, str] = {}
    for name, value in data.items():
        if name not in OPTIONS:
            raise InputError("mapping_unknown_option", path=shown, option=name,
                             options=", ".join(OPTIONS))
        allowed = {"delimiter": DELIMITERS, "decimal": DECIMALS,
                   "date_format": tuple(DATE_FORMATS)}.get(name)
        if name == "delimiter" and value == "\\t":
            value = "\t"
        ok = isinstance(value, str) and (value in allowed if allowed else _codec(value))
        if not ok:
            raise InputError("mapping_bad_option", path=shown, option=name, given=str(value),
                             options=", ".join(allowed or ENCODINGS))
        given[name] = value
    return Options(**given)


def _codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def load_mapping(path: Path, kind: str, shown: str) -> ColumnMapping:
    """MAPPING.json read and checked, or InputError naming the file and what is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError("cannot_read", path=shown, reason=error.strerror) from None
    except UnicodeDecodeError:
        raise InputError("mapping_not_utf8", path=shown) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError("not_json", path=shown, line=error.lineno, column=error.colno,
                         reason=error.msg) from None
    return parse_mapping(data, kind, shown)


# -- reading the file ------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    """A CSV file read: its header, its rows (row numbers from 2) and how it was written."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    options: Options


def decode(raw: bytes, encoding: str, shown: str) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 (a byte-order mark or not) when it reads as
    such, else Windows-1252, unless one is given."""
    if raw.startswith(codecs.BOM_UTF8) and encoding in ("", "utf-8", "utf-8-sig", "utf8"):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8"
    tried = [encoding] if encoding else list(ENCODINGS)
    for name in tried:
        try:
            return raw.decode(name), name
        except UnicodeDecodeError as error:
            if name == tried[-1]:
                line = raw.count(b"\n", 0, error.start) + 1
                raise InputError("csv_not_text", path=shown, encoding=name,
                                 byte=f"0x{raw[error.start]:02X}", line=line) from None
    raise AssertionError(f"no encoding tried: {tried}")  # pragma: no cover


def detect_delimiter(text: str) -> str:
    """The delimiter the header line uses most (outside quotes); ";" when it uses none."""
    first = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_table(raw: bytes, options: Options, shown: str) -> Table:
    text, encoding = decode(raw, options.encoding, shown)
    delimiter = options.delimiter or detect_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputError("csv_unreadable", path=shown, reason=str(error)) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise InputError("csv_no_header", path=shown)
    header = tuple(cell.strip() for cell in records[0])
    rows = tuple((number, tuple(record)) for number, record in enumerate(records[1:], start=2)
                 if any(cell.strip() for cell in record))
    return Table(header, rows, replace(options, delimiter=delimiter, encoding=encoding))


def detect_options(table: Table, mapping: ColumnMapping) -> Options:
    """The decimal mark and the date format, from the cells of the mapped columns."""
    options = table.options
    index = {name: i for i, name in enumerate(table.header)}

    def cells(names: frozenset[str]) -> list[str]:
        wanted = [index[c] for n, cs in mapping.columns if n in names for c in cs if c in index]
        return [row[i].strip() for _, row in table.rows[:2000] for i in wanted if i < len(row)]

    if not options.decimal:
        # A cell that reads with one mark only counts ("12,50", "1.234,50", "99.90"); one
        # that reads with both ("12", "1.234") says nothing.
        money = [(_grouped(c, ","), _grouped(c, ".")) for c in cells(MONEY)]
        comma = sum(1 for with_comma, with_point in money if with_comma and not with_point)
        point = sum(1 for with_comma, with_point in money if with_point and not with_comma)
        decimal = "," if comma > point or (comma == point and table.options.delimiter == ";") \
            else "."
        options = replace(options, decimal=decimal)
    if not options.date_format:
        days = cells(DATES)
        chosen = "DD/MM/YYYY"
        if days and all(re.fullmatch(DATE_FORMATS["YYYY-MM-DD"], d) for d in days if d):
            chosen = "YYYY-MM-DD"
        elif any(re.fullmatch(r"\d{1,2}/(1[3-9]|[23]\d)/\d{4}", d) for d in days):
            chosen = "MM/DD/YYYY"
        elif days and any(re.fullmatch(DATE_FORMATS["DD.MM.YYYY"], d) for d in days):
            chosen = "DD.MM.YYYY"
        options = replace(options, date_format=chosen)
    return options


# -- cells into an exchange object -----------------------------------------------------------
def _grouped(cell: str, decimal: str) -> str | None:
    """The amount `cell` writes with `decimal` as its mark ("1234.50"), or None. A thousands
    separator (a space, a no-break space, an apostrophe or the other mark) counts only where it
    groups exactly three digits after a first group of one to three, the same one throughout:
    "1 234,50", "1.234,50", "1,234.50"; "99.90" does not read with a decimal comma."""
    match = _GROUPED[decimal].fullmatch(cell.strip())
    if match is None:
        return None
    sign, whole, separator, fraction = match.groups()
    whole = whole.replace(separator, "") if separator else whole
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def amount(cell: str, decimal: str) -> str | None:
    """An amount as the exchange file writes it ("1234.50"); None for digits and marks that do
    not read with the file's decimal mark ("99.90" where the mark is a comma: never read 100
    times too large, nor guessed at); any other text as it is, for the importer to refuse."""
    read = _grouped(cell, decimal)
    if read is not None:
        return read
    return None if _NUMERIC.fullmatch(cell.strip()) else cell


def day(cell: str, form: str) -> str | None:
    """A date as the exchange file writes it ("2026-12-31"), or None if it is not one."""
    for name in (form, "YYYY-MM-DD"):
        match = re.fullmatch(DATE_FORMATS[name], cell)
        if match is None:
            continue
        a, b, c = (int(x) for x in match.groups())
        year, month, dom = {"DD/MM/YYYY": (c, b, a), "MM/DD/YYYY": (c, a, b),
                            "YYYY-MM-DD": (a, b, c)}.get(name, (c, b, a))
        try:
            return date(year, month, dom).isoformat()
        except ValueError:
            return None
    return None


def cell_value(name: str, cell: str) -> object:
    """A cell as the exchange file writes a field other than a date or an amount."""
    if name in WHOLE:
        plain = _SPACES.sub("", cell)
        return int(plain) if re.fullmatch(r"-?\d{1,12}", plain) else cell
    if name in FLAGS:
        low = cell.lower()
        return True if low in _TRUE else False if low in _FALSE else cell
    return cell


def rate(cell: str, decimal: str) -> str:
    """A VAT rate as the exchange file writes it ("5,5 %" → "5.5"); anything else as it is,
    for the importer to refuse with a rate's words."""
    plain = cell.strip().removesuffix("%").strip()
    return _grouped(plain, decimal) or cell


def _cell(record: tuple[str, ...], indexes: list[int], joiner: str) -> str:
    """A field's cell; a field read from several columns joins their non-empty cells (a first
    and a last name, an address's lines)."""
    cells = [record[i].strip() for i in indexes if i < len(record)]
    return joiner.join(c for c in cells if c)


def _shown(value: object) -> object:
    """A value to be shown before the import: a card number or an IBAN in it is never shown
    (PM-2), as in a refusal's words."""
    if not isinstance(value, str):
        return value
    text = redacted(value)
    return "…" if text == WITHHELD else text


@dataclass(frozen=True)
class CsvDocument:
    """The exchange document a CSV file makes, where each of its objects came from, and the
    refusals of cells that could not be written as the exchange file writes them."""

    kind: str
    document: Mapping[str, Any]
    rows: tuple[int, ...]  # the CSV row of each object
    cells: tuple[tuple[str, str], ...]  # (field, column) for the fields mapped to a column
    refusals: tuple[Refusal, ...]
    options: Options

    def first(self, count: int = 5) -> tuple[tuple[int, tuple[tuple[str, object], ...]], ...]:
        """The first rows as they will be imported, to be looked at before (a wrong decimal
        mark shows): each its CSV row and its (field, value) pairs in the order of FIELDS."""
        objects = self.document[self.kind][:count]
        return tuple((row, tuple((name, _shown(obj[name])) for name in FIELDS[self.kind]
                                 if name in obj))
                     for row, obj in zip(self.rows, objects, strict=False))

    def locate(self, refusal: Refusal) -> Refusal:
        """A refusal of the document, placed by row and column of the CSV file."""
        if not refusal.position:
            return refusal
        index = int(refusal.position.rstrip("]").partition("[")[2])
        row = self.rows[index]
        cells = ((refusal.position, row, ""),
                 *((f"{refusal.position}.{name}", row, column) for name, column in self.cells))
        places = [p for p in (*refusal.places, *(str(v) for n, v in refusal.values
                                                 if n in ("field", "path"))) if p]
        by_path = {p: c for p, _, c in cells}
        column = next((by_path[p] for p in places if by_path.get(p)), "")
        return replace(refusal, cells=cells, row=row, column=column)


def make_document(raw: bytes, mapping: ColumnMapping, shown: str) -> CsvDocument:
    """The file read with its mapping: one exchange object per row."""
    table = read_table(raw, mapping.options, shown)
    missing = [(n, c) for n, cs in mapping.columns for c in cs if c not in table.header]
    if missing:
        raise InputError("csv_column_missing", path=shown, column=missing[0][1],
                         name=missing[0][0], columns=", ".join(table.header))
    options = detect_options(table, mapping)
    index = {name: i for i, name in enumerate(table.header)}
    values = {name: dict(pairs) for name, pairs in mapping.values}
    folded = {name: {k.casefold(): v for k, v in pairs.items()} for name, pairs in values.items()}
    defaults = dict(mapping.defaults)
    sources = dict(mapping.columns)
    objects: list[dict[str, Any]] = []
    rows: list[int] = []
    refusals: list[Refusal] = []
    for number, record in table.rows:
        obj: dict[str, Any] = {}
        bad: InputError | None = None
        for name in FIELDS[mapping.kind]:
            cell = _cell(record, [index[c] for c in sources.get(name, ())],
                         "\n" if name == "address" else " ")
            if cell and name in values:
                cell = values[name].get(cell, folded[name].get(cell.casefold(), cell))
            if not cell:
                cell = defaults.get(name, "")
            if not cell:
                continue
            field = f"{mapping.kind}[{len(objects)}].{name}"
            if name in DATES:
                iso = day(cell, options.date_format)
                if iso is None and bad is None:
                    bad = InputError("csv_not_a_date", field=field, given=cell,
                                     form=options.date_format)
                obj[name] = iso or cell
            elif name in MONEY:
                read = amount(cell, options.decimal)
                if read is None and bad is None:
                    bad = InputError("csv_not_an_amount", field=field, given=cell,
                                     example=EXAMPLES[options.decimal])
                obj[name] = read or cell
            elif name in RATES:
                obj[name] = rate(cell, options.decimal)
            else:
                obj[name] = cell_value(name, cell)
        rows.append(number)
        objects.append(obj)
        if bad is not None:
            refusals.append(refusal_of(bad, f"{mapping.kind}[{len(objects) - 1}]"))
    cells = tuple((n, cs[0]) for n, cs in mapping.columns)
    made = CsvDocument(mapping.kind, {"format": FORMAT, mapping.kind: objects}, tuple(rows),
                       cells, (), options)
    return replace(made, refusals=tuple(made.locate(x) for x in refusals))


# -- preview and import ----------------------------------------------------------------------
def _without(made: CsvDocument) -> dict[str, Any]:
    """The document without the rows already refused (they are not imported either way)."""
    refused = {x.position for x in made.refusals}
    kind = made.kind
    return {"format": FORMAT, kind: [o if f"{kind}[{i}]" not in refused else {}
                                     for i, o in enumerate(made.document[kind])]}


def preview_csv(ctx: Context, made: CsvDocument) -> Preview:
    """What importing the file would do, every refusal placed by row and column."""
    if made.refusals:
        found = preview_document(ctx, _without(made))
        # The rows refused already are empty objects there: their refusals are the file's own.
        own = {x.position for x in made.refusals}
        others = [x for x in found.refusals if x.position not in own]
        refusals = sorted([*made.refusals, *(made.locate(x) for x in others)],
                          key=lambda x: x.row)
        return replace(found, refusals=tuple(refusals))
    found = preview_document(ctx, made.document)
    return replace(found, refusals=tuple(made.locate(x) for x in found.refusals))


def import_csv(ctx: Context, made: CsvDocument, shown: str = "CSV") -> Imported:
    """All or nothing: the file is imported whole; if any row is refused, nothing is written
    and `CsvRefused` lists every refusal (the preview is made only then, so a clean file is
    read once)."""
    if not made.refusals:
        try:
            return apply_document(ctx, made.document)
        except InputError:
            pass
    raise CsvRefused(preview_csv(ctx, made), shown)


class CsvRefused(InputError):
    """Rows refused: nothing was imported; `preview.refusals` lists them all."""

    def __init__(self, preview: Preview, shown: str = "CSV") -> None:
        self.preview = preview
        super().__init__("csv_rows_refused", path=shown, count=len(preview.refusals))

    def words(self, language: str) -> str:
        """The count, then each refusal on a line of its own."""
        lines = [super().words(language)]
        lines += [f"  {refusal.words(language)}" for refusal in self.preview.refusals]
        return "\n".join(lines)


def read_csv_file(path: Path, mapping: ColumnMapping, shown: str) -> CsvDocument:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("cannot_read", path=shown, reason=error.strerror) from None
    return make_document(raw, mapping, shown)


# -- for the window --------------------------------------------------------------------------
MAPPINGS = Path(__file__).resolve().parents[3] / "resources" / "mappings"
SHIPPED = {"whmcs_clients": "customers", "whmcs_products": "services"}


def shipped_mappings() -> tuple[tuple[str, str], ...]:
    """The mappings shipped in resources/mappings, each (name, JSON text): the window reads
    them with the file it sniffs, off the GUI thread, and parses them when one is chosen."""
    return tuple((name, (MAPPINGS / f"{name}.json").read_text(encoding="utf-8"))
                 for name in SHIPPED)


@dataclass(frozen=True)
class Sniffed:
    """A CSV file's header and how it is written, for the mapping dialog."""

    header: tuple[str, ...]
    options: Options
    rows: int


def sniff(path: Path, options: Options, shown: str) -> Sniffed:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("cannot_read", path=shown, reason=error.strerror) from None
    table = read_table(raw, options, shown)
    return Sniffed(table.header, table.options, len(table.rows))
