"""`migrate-db`: copy a whole portfolio into another database (SQLite -> PostgreSQL for team mode,
or back), then prove the copy: every table's row count and every money column's total, read
back from both sides, must be equal.

The target must be empty (its schema is brought to the same revision first); nothing is merged
into a database that already holds a portfolio. Rows are copied table by table in foreign-key
order, in batches, inside one transaction on the target: a failure leaves it empty again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Integer, Table, func, insert, select, text

from renewdesk.domain.errors import InputError
from renewdesk.store import db, search_index
from renewdesk.store.models import Base

BATCH = 5_000


@dataclass(frozen=True)
class TableFigures:
    table: str
    rows: int
    totals: tuple[tuple[str, int], ...]  # (money column, sum of minor units)


@dataclass(frozen=True)
class TransferReport:
    source: tuple[TableFigures, ...]
    target: tuple[TableFigures, ...]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.source)

    @property
    def verified(self) -> bool:
        return self.source == self.target

    def differences(self) -> list[str]:
        theirs = {t.table: t for t in self.target}
        return [f"{mine.table}: {mine.rows} row(s) {dict(mine.totals)} here, "
                f"{theirs[mine.table].rows} {dict(theirs[mine.table].totals)} there"
                for mine in self.source if theirs.get(mine.table) != mine]


def _money_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name.endswith("_minor")]


def figures(connection: Connection) -> tuple[TableFigures, ...]:
    """Row counts and money totals of every table of the portfolio."""
    found = []
    for table in Base.metadata.sorted_tables:
        money = _money_columns(table)
        row = connection.execute(select(func.count(), *[
            func.coalesce(func.sum(table.c[name]), 0) for name in money]).select_from(table)).one()
        found.append(TableFigures(table.name, int(row[0]),
                                  tuple((name, int(row[i + 1])) for i, name in enumerate(money))))
    return tuple(found)


def _holds_data(connection: Connection) -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables
            if t.name != "setting" and connection.scalar(select(func.count()).select_from(t))]


def _reset_sequences(connection: Connection) -> None:
    """PostgreSQL: ids were copied as they are; the next new row must come after them."""
    for table in Base.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer) or not key[0].autoincrement:
            continue
        sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                     {"t": table.name, "c": key[0].name})
        if sequence:
            top = connection.scalar(select(func.max(key[0])))
            connection.execute(text("SELECT setval(:s, :v, :called)"),
                               {"s": sequence, "v": top or 1, "called": top is not None})


def copy_database(source: Engine, target: Engine,
                  progress: Callable[[str, int], None] | None = None) -> TransferReport:
    """Copy everything from `source` into the empty `target`; verify; return both sides' figures."""
    if db.current_revision(source) != db.HEAD:
        raise InputError("source_schema_behind")
    db.migrate(target)
    with source.connect() as reading, target.begin() as writing:
        busy = _holds_data(writing)
        if busy:
            raise InputError("target_holds_data", tables=", ".join(busy[:4]))
        # Settings saved on the empty target (by opening it) give way to the portfolio's.
        writing.execute(Base.metadata.tables["setting"].delete())
        for table in Base.metadata.sorted_tables:
            copied = 0
            result = reading.execution_options(yield_per=BATCH).execute(
                select(table).order_by(*table.primary_key.columns))
            for rows in result.partitions():
                writing.execute(insert(table), [dict(row._mapping) for row in rows])
                copied += len(rows)
            if progress:
                progress(table.name, copied)
        if target.dialect.name == "postgresql":
            _reset_sequences(writing)
        search_index.catch_up(writing)  # an SQLite target: its services' search index
        before = figures(reading)
        after = figures(writing)
        report = TransferReport(before, after)
        if not report.verified:
            raise RuntimeError("the copy does not match the original, nothing was kept: "
                               + "; ".join(report.differences()))
    return report
