"""A table model over a listing, read a block at a time on a worker thread.

The row count comes from one COUNT and the rows in blocks of `BLOCK` as the view asks for them,
all read on the list's `Loader`: the GUI thread never waits on the database, it is told when a
count or a block has arrived, and then `dataChanged` names exactly the rows concerned. A few
blocks are kept; a row not yet read shows as loading. Each read carries the generation of the
query and data it was asked under, so a late answer never overwrites newer rows. Sorting and
filtering change the listing's query and are done in SQL: the rows of the old query stay on
screen until the new count arrives (or `STALE_MS` has passed), then the model is reset once, so a
quick answer is painted once rather than as loading rows first. A new query's count comes with
its first block, in one read: no turn of the GUI thread, and no rows painted as loading, between
the two. `refresh()` re-reads what is shown without a reset (the rows already read stay on
screen until their new values arrive), so the selection and the scroll position stay where the
user left them when a run changes data.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from renewdesk.domain.money import Money
from renewdesk.services import listing as lists
from renewdesk.services.listing import Column, Listing, Query, Row
from renewdesk.ui import i18n
from renewdesk.ui.models import words
from renewdesk.ui.models.loader import Loader

BLOCK = 200
KEPT_BLOCKS = 12
# How long a new search or filter leaves the old rows on screen while its count is read; past
# that, its rows show as loading until the count arrives.
STALE_MS = 150
REF_ROLE = Qt.ItemDataRole.UserRole  # the row's reference: what actions act on
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's raw value (Money, date, bool…)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row itself (a NamedTuple), None while loading

# Colour plus text: a status is never told by colour alone.
_GOOD, _WAIT, _BAD, _OFF = QColor("#1e7d32"), QColor("#1d5fa8"), QColor("#b3261e"), QColor("#6b6b6b")
STATUS_COLOURS = {
    "active": _GOOD, "paid": _GOOD, "valid": _GOOD, "sent": _GOOD, "completed": _GOOD,
    "delivered": _GOOD, "confirmed": _GOOD,
    "scheduled": _WAIT, "pending": _WAIT, "awaiting_customer": _WAIT, "queued": _WAIT, "waiting": _WAIT,
    "failed": _BAD, "failing": _BAD, "suspended": _BAD, "overdue": _BAD, "refused": _BAD,
    "blocked": _BAD, "expired": _BAD, "collection": _BAD, "unknown": _BAD,
    "cancelled": _OFF, "transferred": _OFF, "removed": _OFF, "suppressed": _OFF,
    "handed": _OFF, "none": _OFF, "replaced": _OFF,
}
FLAG_BACKGROUND = QColor("#fff1c2")
# The roles `data` answers; the view asks each cell for more at every paint (font, decoration,
# check state…), answered None before the row is looked up.
_ANSWERED = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole, REF_ROLE, VALUE_ROLE,
    ROW_ROLE))
# The brushes of the colours above, each made once (a cell's colour is asked at every paint).
_brushes: dict[str, QBrush] = {}


def _brush(colour: QColor) -> QBrush:
    brush = _brushes.get(colour.name())
    if brush is None:
        brush = _brushes[colour.name()] = QBrush(colour)
    return brush


# Amounts and dates as shown, kept (formatting one is most of a cell's paint): at most this many.
_FORMATS_KEPT = 4096

Index = QModelIndex | QPersistentModelIndex


class ListingModel(QAbstractTableModel):
    """Rows of one listing; `query` holds the search text, filter and sort."""

    countChanged = Signal(int)

    def __init__(self, listing: Listing, factory: lists.Factory,
                 today: Callable[[], date], parent: Any = None, *, lazy: bool = False,
                 language: i18n.Language | None = None) -> None:
        """`lazy`: nothing is read until `activate()` (the window's lists not yet on screen:
        counting every list of a large database at start-up would delay the window).
        `language`: how money and dates are shown (the one installed, if not given)."""
        super().__init__(parent)
        self.language = language or i18n.installed()
        self.listing = listing
        self._factory = factory
        self._today = today
        self._loader = Loader(f"list-{listing.name}", self)
        self.query = Query()
        self.active = not lazy
        self._count = 0
        self._formats: dict[Money | date, str] = {}  # amounts and dates in self.language
        self._told = False  # the views were told of rows read (dataChanged) at least once
        self._blocks: OrderedDict[int, list[Row]] = OrderedDict()
        self._fresh: set[int] = set()  # blocks read under the current generation
        self._asked: set[int] = set()  # blocks being read under it
        self._generation = 0  # moves on with each new query and each refresh
        self._counting = False  # the current generation's count is on its way: no block asked
        # A new query's reset, waiting for its count (the old rows on screen meanwhile).
        self._stale = QTimer(self, singleShot=True, interval=STALE_MS)
        self._stale.timeout.connect(self._show_loading)
        if self.active:
            self._ask_count(first=True)
            self._warm_search()

    def activate(self) -> None:
        """First shown: read the count (and, as the view asks, the rows)."""
        if self.active:
            return
        self.active = True
        self._ask_count(first=True)
        self._warm_search()

    def _warm_search(self) -> None:
        """After the first rows, what the list's first search needs is read ahead (nothing for
        a list without a search index)."""
        if self.listing.indexed is not None:
            factory, which = self._factory, self.listing
            self._loader.run(lambda: lists.warm_search(factory, which), lambda _done: None)

    @property
    def loader(self) -> Loader:
        """The list's worker: pages ask it the reads an action's availability needs."""
        return self._loader

    @property
    def loading(self) -> bool:
        """Some read asked of the worker has not been answered yet."""
        return self._loader.pending > 0

    def close(self) -> None:
        self._loader.close()

    # Reading ---------------------------------------------------------------------------------

    def _ask_count(self, first: bool = False) -> None:
        """The COUNT is read on the worker too; `_counted` takes it in on the GUI thread. No
        block is asked until it has arrived: a block read under the count of another query
        would be planned for the wrong number of rows and hold the worker the count waits on.
        `first`: the first block is read with it, in the same read (a new query, shown from
        its first row)."""
        self._counting = True
        generation, factory, which, query = self._generation, self._factory, self.listing, self.query
        if first:
            today = self._today
            self._loader.run(lambda: lists.count_and_block(factory, which, query, BLOCK, today),
                             lambda got: self._counted(generation, *got),
                             lambda: self._not_counted(generation))
            return
        self._loader.run(lambda: lists.count_rows(factory, which, query),
                         lambda count: self._counted(generation, count),
                         lambda: self._not_counted(generation))

    def _not_counted(self, generation: int) -> None:
        """The count could not be read (it is logged): the rows shown may still be read."""
        if generation == self._generation:
            self._counting = False

    def _counted(self, generation: int, count: int, first: list[Row] | None = None) -> None:
        """Rows added or removed at the end to match the count; every row shown is asked again
        (those read under an older generation are kept on screen until then). `first`: the
        first block, read with the count, shown at once."""
        if generation != self._generation:
            return  # counted under an older query or older data: a newer count is on its way
        self._counting = False
        reset = self._stale.isActive()
        if reset:  # a new query: its rows replace the old ones in one reset
            self._stale.stop()
            self.beginResetModel()
            self._blocks.clear()
            self._count = count
            self._keep(0, first)
            self.endResetModel()
        elif count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self._keep(0, first)
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self._keep(0, first)
            self.endRemoveRows()
        else:
            self._keep(0, first)
        # A reset repaints every row: telling the views again would paint them twice, except the
        # first rows they are told of (a page fits its columns to them).
        if self._count and not (reset and self._told):
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._count - 1, self.columnCount() - 1))
            self._told = self._told or bool(self._blocks)
        self.countChanged.emit(self._count)

    def _ask(self, number: int) -> None:
        """Block `number` is read on the worker; `_arrived` takes it in on the GUI thread."""
        if number in self._asked:
            return
        self._asked.add(number)
        generation, query, count = self._generation, self.query, self._count
        factory, which, today = self._factory, self.listing, self._today  # today may read too
        self._loader.run(
            lambda: lists.read_block(factory, which, query, number * BLOCK, BLOCK, today,
                                     matching=count),
            lambda rows: self._arrived(generation, number, rows),
            lambda: self._not_read(generation, number))

    def _not_read(self, generation: int, number: int) -> None:
        if generation == self._generation:
            self._asked.discard(number)

    def _arrived(self, generation: int, number: int, rows: list[Row]) -> None:
        if generation != self._generation:
            return  # asked under an older query or older data: newer rows are on their way
        self._keep(number, rows)
        first, last = number * BLOCK, min((number + 1) * BLOCK, self._count) - 1
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            self._told = True

    def _keep(self, number: int, rows: list[Row] | None) -> None:
        """Block `number`, read under the current generation, kept (the oldest blocks go past
        KEPT_BLOCKS); None: nothing was read."""
        if rows is None:
            return
        self._asked.discard(number)
        self._blocks[number] = rows
        self._blocks.move_to_end(number)
        self._fresh.add(number)
        while len(self._blocks) > KEPT_BLOCKS:
            evicted, _rows = self._blocks.popitem(last=False)
            self._fresh.discard(evicted)

    @property
    def has_rows(self) -> bool:
        """Some rows have been read (asks for none): an empty list's read block holds none."""
        return any(self._blocks.values())

    def shown_texts(self, column: int, limit: int) -> list[str]:
        """What the first `limit` rows read so far show in `column` (asks for none)."""
        kind, key = self.listing.columns[column].kind, self.listing.columns[column].key
        texts: list[str] = []
        for number in sorted(self._blocks):
            for found in self._blocks[number][:limit - len(texts)]:
                texts.append(self._display(kind, getattr(found, key)))
            if len(texts) >= limit:
                break
        return texts

    def row(self, row: int) -> Row | None:
        """The named row shown at `row`, or None while it is being read (it is then asked
        for: `dataChanged` tells when it has arrived)."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, BLOCK)
        if number not in self._fresh and not self._counting:
            self._ask(number)
        block = self._blocks.get(number)
        if block is None:
            return None
        self._blocks.move_to_end(number)
        return block[offset] if offset < len(block) else None

    def ref(self, row: int) -> str | None:
        found = self.row(row)
        return None if found is None else self.listing.ref(found)

    # Qt's model interface --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.listing.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.listing.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return words.column_title(self.listing.columns[section].key)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() \
                or index.column() >= len(self.listing.columns):
            return None
        found = self.row(index.row())
        if found is None:
            return self._loading(index.column(), role)
        column = self.listing.columns[index.column()]
        value = getattr(found, column.key)
        if column.key == "type" and self.listing.name == "events" and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # EV-1's events in words; the type itself, which the search finds, in the tooltip
            return i18n.event_text(str(value)) if role == Qt.ItemDataRole.DisplayRole \
                else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column.kind, value)
        if role == REF_ROLE:
            return self.listing.ref(found)
        if role == VALUE_ROLE:
            return value
        if role == ROW_ROLE:
            return found
        return self._decoration(column, value, role)

    def _loading(self, column: int, role: int) -> Any:
        """A row not read yet: its first cell says so, in grey."""
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.tr("loading…")
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(_OFF)
        return None

    def _decoration(self, column: Column, value: Any, role: int) -> Any:
        kind = column.kind
        if role == Qt.ItemDataRole.ForegroundRole and kind == "status":
            colour = STATUS_COLOURS.get(str(value))
            return _brush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and kind == "flag" and value is not None:
            return _brush(FLAG_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and kind == "flag" and value is not None:
            return self.tr("Next charge on %1").replace("%1", self._formatted(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, kind: str, value: Any) -> str:
        if value is None:
            return ""
        if (kind == "money" and isinstance(value, Money)) or (
                kind == "date" and isinstance(value, date)):
            return self._formatted(value)
        if kind == "bool":
            return i18n.yes_no(bool(value))
        if kind == "status":
            return words.status_text(str(value))
        if kind == "word":
            return i18n.word_text(str(value))
        if kind == "flag":
            return "⚠ " + i18n.flag_text(self.listing.name)
        return str(value)

    def _formatted(self, value: Money | date) -> str:
        """An amount or a date in the list's language, formatted once (each paint asks again
        for every cell on screen)."""
        text = self._formats.get(value)
        if text is None:
            if len(self._formats) >= _FORMATS_KEPT:
                self._formats.clear()
            text = self.language.money(value) if isinstance(value, Money) \
                else self.language.day(value)
            self._formats[value] = text
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.listing.columns):
            return
        key = self.listing.columns[column].key
        if self.listing.columns[column].sort is None:
            key = ""
        self.set_query(replace(self.query, sort=key,
                               descending=order == Qt.SortOrder.DescendingOrder))

    # Changing what is shown ------------------------------------------------------------------

    def _next_generation(self, keep_rows: bool) -> None:
        """Blocks asked or read before are of older data; kept on screen only if `keep_rows`."""
        self._generation += 1
        self._fresh.clear()
        self._asked.clear()
        if not keep_rows:
            self._blocks.clear()

    def set_query(self, query: Query) -> None:
        """A new search, filter or sort: the rows are other rows, so the model is reset."""
        if query == self.query:
            return
        if not self.active:
            self.query = query  # read when first shown
            return
        same_rows = replace(query, sort="", descending=False) == replace(
            self.query, sort="", descending=False)
        if same_rows:  # a new sort orders the same rows: no need to count them again
            self._stale.stop()
            self.beginResetModel()
            self.query = query
            self._next_generation(keep_rows=False)
            self.endResetModel()
            self.countChanged.emit(self._count)
        else:  # the old rows stay until the count arrives (or show as loading after STALE_MS)
            self.query = query
            self._next_generation(keep_rows=True)
            self._stale.start()
            self._ask_count(first=True)

    def _show_loading(self) -> None:
        """The new query's count is slow: the old rows go, the new ones show as loading."""
        self.beginResetModel()
        self._blocks.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Data changed underneath (a run, an action): same query, rows re-read in place."""
        if not self.active:
            return
        self._next_generation(keep_rows=True)
        self._ask_count()

    def row_of(self, ref: str) -> int | None:
        """The row showing `ref` among the blocks read so far."""
        for number, block in self._blocks.items():
            for offset, found in enumerate(block):
                if self.listing.ref(found) == ref:
                    return number * BLOCK + offset
        return None
