"""What importing an exchange document would do, before anything is written: how many of each
kind it would create and update, and every refusal with its position, not only the first.

One validation: the preview runs the importer itself (`Importer.run`), in a transaction that is
always rolled back, on the file's objects a part at a time, each part under its own SAVEPOINT. A
part that is refused is rolled back and split in two until the refused objects stand alone:
each is then a refusal, and the preview goes on as if it were not in the file. A clean file is
one part, so its counts are the import's own. The two checks the importer makes on the whole
document first are listed whole here: every value that looks like a card number or an IBAN
(`sensitive_paths`, the sieve `refuse_card_numbers` stops at), and every reference given twice
(`refuse_repeated_refs`, asked again with each repeat taken out).

The processor is never called: adding a payment method asks it to attach the card (a customer
and a card saved at Stripe), which a preview must not do. The preview's processor accepts every
method (`DryRunProcessor.attach`), so the preview refuses nothing the import would accept; the
import may still be refused by the processor for a card the preview let through.

The real import is unchanged: all or nothing (`apply_document`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon, render
from renewdesk.domain.sensitive import sensitive_paths
from renewdesk.payments.dryrun import DryRunProcessor
from renewdesk.services.context import Context
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.importer import Importer, import_document
from renewdesk.services.exchange.scope import ImportResult
from renewdesk.services.run_due import _rolled_back, database_of

# The lists of a document, in the order the importer reads them.
LISTS = ("customers", "services", "installment_orders", "usage", "renewals", "usage_invoices",
         "notifications", "events")
# The values of a refusal that name a place in the file (`customers[2].email`).
PLACE_VALUES = frozenset({"field", "path", "first"})
_TOP = re.compile(r"([a-z_]+)\[(\d+)\]")
_LIMIT = 1000  # refusals listed; a file with more is shown its first thousand


@dataclass(frozen=True)
class Refusal:
    """One refused object: the importer's error as frozen data (its code, values and places),
    with the object's position in the file (`customers[3]`, "" for the file as a whole).

    `cells` says where a place of the file came from when the document was made from a CSV
    file: (path, row, column), the header being row 1; `row` and `column` are the refusal's
    own. The words are made where they are read, in the reader's language."""

    position: str
    code: str
    values: tuple[tuple[str, Any], ...] = ()
    places: tuple[str, ...] = ()
    rule: str = ""
    sentence: str = ""  # an error given as a sentence rather than a code
    cells: tuple[tuple[str, int, str], ...] = ()
    row: int = 0
    column: str = ""

    def words(self, language: str) -> str:
        shown = dict(self.values)
        key = shown.get("key")
        if self.code:
            for name, value in self.values:
                if name in PLACE_VALUES and isinstance(value, str):
                    shown[name] = self._place(value, language, key)
            text = render(self.code, shown, language)
        else:
            text = self.sentence
        where = "".join(self._place(p, language) + colon(language) for p in self.places)
        said = [v for n, v in self.values if n in PLACE_VALUES and isinstance(v, str)]
        if self.position and not any(_within(p, self.position) for p in [*self.places, *said]):
            where = self._place(self.position, language) + colon(language) + where
        return where + text

    def _place(self, path: str, language: str, key: object = None) -> str:
        """A path of the file as the reader knows it: in a CSV file, its row and column."""
        found = {p: (row, column) for p, row, column in self.cells}
        if isinstance(key, str) and f"{path}.{key}" in found:
            path = f"{path}.{key}"
        if path not in found:
            return path
        row, column = found[path]
        if column:
            return render("csv_cell", {"row": row, "column": column}, language)
        return render("csv_row", {"row": row}, language)


def _within(path: str, position: str) -> bool:
    return path == position or path.startswith((position + ".", position + "["))


@dataclass(frozen=True)
class Preview:
    """What an import would do: counts by kind, and every refusal in the file's order."""

    created: tuple[tuple[str, int], ...]
    updated: tuple[tuple[str, int], ...]
    refusals: tuple[Refusal, ...]
    truncated: bool = False  # more refusals than were listed

    @property
    def ok(self) -> bool:
        return not self.refusals

    def count(self, kind: str, created: bool = True) -> int:
        return dict(self.created if created else self.updated).get(kind, 0)

    @classmethod
    def of(cls, result: ImportResult, refusals: tuple[Refusal, ...] = (),
           truncated: bool = False) -> Preview:
        return cls(tuple(sorted((k, n) for k, n in result.created.items() if n)),
                   tuple(sorted((k, n) for k, n in result.updated.items() if n)),
                   refusals, truncated)


def refusal_of(error: InputError, position: str,
               rename: Callable[[str], str] = lambda path: path) -> Refusal:
    """The error as frozen data; `rename` turns the paths of the part that was imported into
    the file's own."""
    values = tuple((name, rename(value) if name in PLACE_VALUES and isinstance(value, str)
                    else value) for name, value in error.values.items())
    return Refusal(position=position, code=error.code, values=values,
                   places=tuple(rename(p) for p in error.places), rule=error.rule,
                   sentence="" if error.code else error.words("en"))


def top_position(path: str) -> str:
    """The object of the file a path is in: `customers[3].contacts[0].email` → `customers[3]`."""
    match = _TOP.match(path)
    return match.group(0) if match else ""


@dataclass
class _Run:
    ctx: Context
    session: Any
    document: Mapping[str, Any]
    result: ImportResult = field(default_factory=ImportResult)
    refusals: list[tuple[int, int, Refusal]] = field(default_factory=list)

    def importer(self) -> Importer:
        ctx = self.ctx
        return Importer(self.session, DryRunProcessor(ctx.processor), ctx.clock.today,
                        ctx.clock.now(), ctx.who)

    def attempt(self, part: dict[str, Any]) -> InputError | None:
        """The importer on `part`, under a savepoint kept if it went in, else rolled back."""
        nested = self.session.begin_nested()
        try:
            result = self.importer().run(part)
        except InputError as error:
            nested.rollback()
            return error
        nested.commit()
        self.result.created.update(result.created)
        self.result.updated.update(result.updated)
        return None

    def objects(self, key: str, items: list[tuple[int, Any]]) -> None:
        """`items` (position, object) of list `key`: in one go, or halves until each refused
        object stands alone."""
        if not items or len(self.refusals) >= _LIMIT:
            return
        error = self.attempt({"format": self.document.get("format"),
                              key: [item for _, item in items]})
        if error is None:
            return
        if len(items) > 1:
            half = len(items) // 2
            self.objects(key, items[:half])
            self.objects(key, items[half:])
            return
        index = items[0][0]
        own = re.compile(rf"^{key}\[0\]")
        self.refusals.append((LISTS.index(key), index, refusal_of(
            error, f"{key}[{index}]", lambda path: own.sub(f"{key}[{index}]", path))))


def _skeleton(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document without its objects: what the importer checks of the file as a whole."""
    return {key: [] if key in LISTS and isinstance(value, list) else value
            for key, value in document.items()}


def _whole_file_refusals(document: Mapping[str, Any]) -> tuple[list[Refusal], set[str]]:
    """PM-2's values and repeated references, every one; and the objects they refuse."""
    refusals: list[Refusal] = []
    out: set[str] = set()
    for path, kind in sensitive_paths(document):
        position = top_position(path)
        refusals.append(Refusal(position, "document_sensitive", (("path", path), ("kind", kind)),
                                rule="PM-2"))
        out.add(position)
    working = {key: list(value) if key in LISTS and isinstance(value, list) else value
               for key, value in document.items()}
    for _ in range(_LIMIT):
        for position in out:
            key, index = _split(position)
            if key in working:
                working[key][index] = {}  # no reference, no nested list: never repeated
        try:
            r.refuse_repeated_refs(working)
        except InputError as error:
            position = top_position(str(error.values.get("field", "")))
            if not position or position in out:
                raise
            refusals.append(refusal_of(error, position))
            out.add(position)
        else:
            break
    return refusals, out


def _split(position: str) -> tuple[str, int]:
    key, _, index = position.rstrip("]").partition("[")
    return key, int(index)


def _order(refusal: Refusal) -> tuple[int, int]:
    if not refusal.position:
        return (-1, 0)
    key, index = _split(refusal.position)
    return (LISTS.index(key) if key in LISTS else len(LISTS), index)


def preview_document(ctx: Context, document: object) -> Preview:
    """What importing `document` would create and update, and every refusal, in the file's
    order; nothing is written (the transaction is rolled back) and the processor is not
    called."""
    if not isinstance(document, dict):
        try:
            r.Obj(document, "", r.TOP)  # the importer's own first words on such a file
        except InputError as error:
            return Preview((), (), (refusal_of(error, ""),))
        raise AssertionError("only an object is refused by nothing")  # pragma: no cover
    refusals, out = _whole_file_refusals(document)
    with ctx.write_lock, _rolled_back(database_of(ctx)) as factory, factory() as session:
        run = _Run(ctx, session, document)
        whole = run.attempt(_skeleton(document))
        if whole is not None:  # the file as a whole: its format, its keys, lists that are not
            return Preview.of(run.result, (*refusals, refusal_of(whole, "")))
        for key in LISTS:
            items = document.get(key)
            if isinstance(items, list):
                run.objects(key, [(i, item) for i, item in enumerate(items)
                                  if f"{key}[{i}]" not in out])
        session.rollback()
    found = sorted([*refusals, *(refusal for _, _, refusal in run.refusals)], key=_order)
    return Preview.of(run.result, tuple(found[:_LIMIT]), truncated=len(found) > _LIMIT)


@dataclass(frozen=True)
class Imported:
    """What an import did, by kind."""

    created: tuple[tuple[str, int], ...]
    updated: tuple[tuple[str, int], ...]

    def count(self, kind: str, created: bool = True) -> int:
        return dict(self.created if created else self.updated).get(kind, 0)


def apply_document(ctx: Context, document: object) -> Imported:
    """The import itself, all or nothing (as `renewdesk import`): committed only if the whole
    document went in, else its first refusal is raised and nothing is written."""
    with ctx.write_lock, ctx.factory() as session:
        result = import_document(session, ctx.processor, document, ctx.clock.today,
                                 ctx.clock.now(), ctx.who)
        session.commit()
    return Imported(tuple(sorted((k, n) for k, n in result.created.items() if n)),
                    tuple(sorted((k, n) for k, n in result.updated.items() if n)))
