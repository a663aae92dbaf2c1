"""What every list of the window is made of: columns by key, a query, a listing that reads
one block of named rows at a time, filtered, searched and sorted in SQL.

A row is a NamedTuple whose field names are the column keys, so a view reads a cell by the
column's key and an action reads the row's fields by name; nothing counts positions. The
statement of a listing labels what it selects, and the rows are built from those labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import CardExpiry
from renewdesk.domain.policy import Policy
from renewdesk.store import search_index

# A row of a list: a NamedTuple whose fields are its listing's column keys (and a few more
# the actions need). SQLAlchemy's typed expressions and statements vary with every column
# list; listings mix them.
Row = Any
Expr = Any
Stmt = Any
# Works out the rows of a block from what the statement selected (by label): the cells that
# need a rule are computed for the rows of the block only.
Finish = Callable[[Session, Sequence[Any], Policy, date], list[Row]]


@dataclass(frozen=True)
class Column:
    key: str
    kind: str  # text | word | int | money | date | bool | status | flag (the date it concerns)
    sort: Expr | None  # None: not sortable


@dataclass(frozen=True)
class Query:
    """What the user asked a list for; the view keeps one and passes it with every read."""

    text: str = ""
    filter: str = ""
    sort: str = ""
    descending: bool = False
    # HM-1: the rows of these days only (both included), on the listing's `dated`: what a
    # home-page chart's bar opens.
    since: date | None = None
    until: date | None = None


# A filter or search matching this many rows or fewer is read from the rows it matches, then
# sorted; more, and the database walks the sort order's index until a page is full.
FEW = 5_000


@dataclass(frozen=True)
class Listing:
    name: str
    columns: tuple[Column, ...]
    select: Callable[[], Stmt]
    key: Expr  # the row's reference, also the last sort key (stable order)
    search: tuple[Expr, ...]
    filters: dict[str, Expr] = field(default_factory=dict)
    # The row type, built from the statement's labels when there is no `finish`.
    row: type = tuple
    finish: Finish | None = None
    # The services' search indexes (store/search_index.py) give ids of this column.
    indexed: Expr | None = None
    # The rows counted without the joins that only add cells (filters here name the base table).
    counted: Callable[[], Stmt] | None = None

    # The field that is the row's reference: what actions act on.
    ref_key: str = "ref"
    # The rows of a range of days (Query.since/until), for the lists a chart's bar opens.
    dated: Callable[[date, date], Expr] | None = None

    def ref(self, row: Row) -> str:
        return str(getattr(row, self.ref_key))

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def _conditions(self, session: Session, query: Query,
                    by_ids: bool = True) -> tuple[list[Expr], bool, Any | None]:
        """The WHERE terms; whether one needs the joined tables (a search read from the rows);
        on PostgreSQL, the ids of the services searched for, by their trigram indexes, when
        `by_ids` (else the words are read from the rows)."""
        terms: list[Expr] = []
        joined = False
        found = None
        if query.filter:
            if query.filter not in self.filters:
                raise KeyError(f"{self.name} has no filter {query.filter!r}")
            terms.append(self.filters[query.filter])
        if query.since is not None and self.dated is not None:
            terms.append(self.dated(query.since, query.until or query.since))
        # A character no database compares (a NUL pasted into the box: PostgreSQL refuses it) is
        # a space: a search is not stored, so nothing is refused.
        text = query.text if query.text.isprintable() else "".join(
            c if c.isprintable() else " " for c in query.text)
        words = text.split()
        if self.indexed is not None and search_index.usable_for(words) \
                and search_index.present(session):
            terms.append(self.indexed.in_(search_index.service_ids(words)))
            words = []
        elif self.indexed is not None and by_ids and words and search_index.trigram(session):
            found = search_index.trigram_ids(words, search_index.shares(session))
            if found is not None:
                words = []
        for word in words:
            pattern = search_index.like_pattern(word)
            terms.append(or_(*(c.ilike(pattern, escape="\\") for c in self.search)))
            joined = True
        return terms, joined, found

    def count(self, session: Session, query: Query) -> int:
        terms, joined, found = self._conditions(session, query)
        if found is not None:
            # The searched ids are each once: counted as they are, or joined to the filter's.
            ids = found.subquery()
            if not terms:
                stmt = select(ids.c.id)
            else:
                base = self.counted() if self.counted is not None else \
                    self.select().order_by(None)
                stmt = base.where(*terms).join(ids, ids.c.id == self.indexed)
        elif self.counted is not None and not joined:
            stmt = self.counted().where(*terms)
        else:
            stmt = self.select().where(*terms).order_by(None)
        return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0

    def page(self, session: Session, query: Query, offset: int, limit: int, policy: Policy,
             today: date, matching: int | None = None) -> list[Row]:
        """One block of rows. `matching` (the count, when known): a few matching rows are
        sorted after they are found, rather than found by walking the sort order's index
        (checking each row's words, on PostgreSQL, rather than gathering every id found)."""
        few = matching is not None and matching <= FEW
        terms, _joined, found = self._conditions(session, query, by_ids=few)
        if matching == 0:
            return []
        if found is not None:  # ids found by an index: only for a list that has one
            assert self.indexed is not None
            terms.append(self.indexed.in_(found))
        stmt = self.select().where(*terms)
        few = few and bool(terms)
        order: list[Expr] = []
        if query.sort:
            sort = self.column(query.sort).sort
            if sort is not None:
                sort = _unindexed(sort) if few else sort
                order.append(sort.desc() if query.descending else sort.asc())
        key = _unindexed(self.key) if few else self.key
        order.append(key.desc() if query.descending and query.sort else key.asc())
        found = session.execute(stmt.order_by(*order).offset(offset).limit(limit)).all()
        if self.finish is not None:
            return self.finish(session, found, policy, today)
        return [self.row(**r._mapping) for r in found]


def _unindexed(expr: Expr) -> Expr:
    """The same values in the same order, but no index can give that order (coalesce(x, x)):
    the database then starts from the filter's own index instead of walking the sort's."""
    return func.coalesce(expr, expr)


def card_label(brand: str | None, last4: str | None) -> str:
    return f"{brand or ''} •••• {last4}".strip() if last4 else ""


def expiry(month: int | None, year: int | None) -> CardExpiry | None:
    return CardExpiry(month, year) if month and year else None


def brief(data: object) -> str:
    if not data:
        return ""
    if isinstance(data, dict):
        return ", ".join(f"{k}={v}" for k, v in data.items())
    return str(data)
