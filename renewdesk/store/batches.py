"""Large units of work: garbage collection around them, and many new rows written at once.

A wave of charges or an import loads and writes thousands of ORM objects at once, most of them
short-lived and many in reference cycles (an object and its instance state, a parent and its
children). Left automatic, Python's collector runs hundreds of young collections during such a
unit of work and, as the survivors pile up, full ones that walk the whole heap again and again.
Paused while the unit of work runs and run once on its young generation afterwards, it frees the
same garbage for a fraction of the time: what that buys is measured in docs/benchmarks.md
("The performance devices").

On PostgreSQL, many new rows go in by COPY into a temporary table and one INSERT ... SELECT from
it (`inserted`): a multi-row INSERT of a thousand rows has ten thousand parameters, which psycopg
parses in Python and the server plans, each time. On SQLite, by many-row INSERTs given to the
driver directly, the ids following the first row's: SQLAlchemy's, with RETURNING, processed each
row's parameters again in Python. An import's rows (`Background`) take their ids from the
sequence first and go by COPY into the table itself, not waited for: no temporary table, and the
server writes one part while the next is checked.
"""

from __future__ import annotations

import gc
import io
import itertools
import select
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table

from renewdesk.store.bulk import python_defaults, sequence_ids

_temporary = itertools.count(1)
# Parameters per statement on SQLite: a few hundred rows each (SQLite 3.32+ takes 32,766).
_PARAMETERS = 8000


@contextmanager
def collected_after() -> Iterator[None]:
    """No automatic collection inside; the objects made inside collected once when it ends.
    Nested or overlapping uses: the one that turned the collector off turns it back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def inserted(connection: Connection, table: Table, rows: list[dict[str, Any]],
             key: str = "ref") -> dict[Any, int]:
    """Insert `rows` (dicts with the same keys) into `table`; their new ids by their `key`
    column. The columns' Python-side defaults are filled in as SQLAlchemy's INSERT would, and
    each value goes through its type's bind processing."""
    if not rows:
        return {}
    columns, values = _values(connection, table, rows)
    if connection.dialect.name == "postgresql":
        return _copied(connection, table, columns, values, key)
    ids = _executed(connection, table, columns, values)
    return {row[key]: row_id for row, row_id in zip(rows, ids, strict=True)}


def _values(connection: Connection, table: Table,
            rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """The columns written (the rows' keys, then the others' Python-side defaults) and each
    row's values as the driver takes them."""
    names = list(rows[0])
    defaults = python_defaults(table, names)
    columns = names + list(defaults)
    dialect = connection.dialect
    process = [(n, convert) for n, name in enumerate(columns)
               if (convert := table.c[name].type.bind_processor(dialect)) is not None]
    given = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    made = [value for value in defaults.values() if callable(value)]
    fixed = tuple(defaults.values())
    if made:  # a default made again for each row
        values = [[*given(row), *(value(None) if callable(value) else value
                                  for value in defaults.values())] for row in rows]
    else:
        values = [[*given(row), *fixed] for row in rows]
    for n, convert in process:  # a column at a time: one loop per converted column
        for row_values in values:
            if row_values[n] is not None:
                row_values[n] = convert(row_values[n])
    return columns, values


def _executed(connection: Connection, table: Table, columns: list[str],
              values: list[list[Any]]) -> list[int]:
    """SQLite: the rows inserted in order, a few hundred per statement (one statement per row
    costs SQLite more); their ids. The first row goes alone and takes the database's write
    lock, so no other writer comes in between; SQLite gives each new row the largest id plus one
    (no table here has AUTOINCREMENT), which the largest id afterwards confirms."""
    quoted = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in columns)
    table_name = connection.dialect.identifier_preparer.format_table(table)
    marks = ", ".join("?" * len(columns))
    statement = f"INSERT INTO {table_name} ({quoted}) VALUES ({marks})"  # noqa: S608
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(statement, values[0])
        first = cursor.lastrowid
        assert first is not None
        each = max(1, _PARAMETERS // len(columns))
        for start in range(1, len(values), each):
            part = values[start:start + each]
            cursor.execute(statement + f", ({marks})" * (len(part) - 1),
                           [value for row in part for value in row])
        last = cursor.execute(f"SELECT max(id) FROM {table_name}").fetchone()[0]  # noqa: S608
    finally:
        cursor.close()
    if last != first + len(values) - 1:
        raise RuntimeError(f"{table.name}: ids not in sequence after a many-row insert")
    return list(range(first, first + len(values)))


def _copied(connection: Connection, table: Table, columns: list[str],
            values: list[list[Any]], key: str) -> dict[Any, int]:
    """PostgreSQL: the rows by COPY into a temporary table, then one INSERT ... SELECT from it."""
    from psycopg import sql

    listed = sql.SQL(", ").join(sql.Identifier(name) for name in columns)
    scratch = sql.Identifier(f"_many_{table.name}_{next(_temporary)}")
    target = sql.Identifier(table.name)
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE TEMPORARY TABLE {} ON COMMIT DROP AS SELECT {} FROM {} "
                               "WITH NO DATA").format(scratch, listed, target))
        with cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(scratch, listed)) as copy:
            for row in values:
                copy.write_row(row)
        cursor.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} RETURNING id, {}").format(
            target, listed, listed, scratch, sql.Identifier(key)))
        ids = {row_key: row_id for row_id, row_key in cursor.fetchall()}
        cursor.execute(sql.SQL("DROP TABLE {}").format(scratch))
    return ids


class Background:
    """New rows written in parts as a caller checks them (an import's). On PostgreSQL each
    part's ids are taken from the table's sequence first, then its rows are sent by one COPY
    into the table itself, not waited for: the server checks the foreign keys and grows the
    indexes (the trigram index too) of one part while the caller checks the next. `settle`
    waits for it and raises what the server refused; nothing else may use the connection
    before (a caller settles before each of its reads, and when it fails). On SQLite, each
    part is written at once (`inserted`'s way)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._sent = False

    def add(self, table: Table, rows: list[dict[str, Any]], key: str = "ref",
            first: Callable[[], None] | None = None) -> dict[Any, int]:
        """Write `rows` (dicts with the same keys, no id); their ids by their `key` column, at
        once: on PostgreSQL before the rows are written (a row written after them may name
        them). The rows' values are made ready before the part in flight is waited for;
        `first` is called once it is (a session's flush of what waits in it)."""
        columns, values = _values(self.connection, table, rows) if rows else ([], [])
        postgresql = self.connection.dialect.name == "postgresql"
        lines = _copy_lines(self.connection, values) if postgresql and rows else []
        self.settle()
        if first is not None:
            first()
        if not rows:
            return {}
        if postgresql:
            ids = sequence_ids(self.connection, table, len(rows))
            _copy_unwaited(self.connection, table, columns, lines, ids)
            self._sent = True
        else:
            ids = _executed(self.connection, table, columns, values)
        return {row[key]: row_id for row, row_id in zip(rows, ids, strict=True)}

    def settle(self, failing: bool = False) -> None:
        """Wait for the part the server is writing; raise its error (unless the caller is
        `failing` already: the transaction is rolled back anyway)."""
        if not self._sent:
            return
        self._sent = False
        raw = self.connection.connection.driver_connection
        assert raw is not None
        pgconn = raw.pgconn
        from psycopg import errors, pq

        error: Exception | None = None
        while True:
            pgconn.consume_input()
            while pgconn.is_busy():  # waited for here, without holding other threads back
                select.select([pgconn.socket], [], [])
                pgconn.consume_input()
            result = pgconn.get_result()
            if result is None:
                break
            if result.status == pq.ExecStatus.FATAL_ERROR and error is None:
                error = errors.error_from_result(result, encoding=raw.info.encoding)
        if error is not None and not failing:
            raise error


def _copy_lines(connection: Connection, values: list[list[Any]]) -> list[bytes]:
    """Each row as a line of COPY's text format, without its id: made while the server still
    writes the part before (psycopg's own formatting, into memory)."""
    from psycopg import Copy
    from psycopg.copy import FileWriter

    raw = connection.connection.driver_connection
    assert raw is not None
    buffer = io.BytesIO()
    with raw.cursor() as cursor, Copy(cursor, writer=FileWriter(buffer)) as copy:
        for row in values:
            copy.write_row(row)
    return buffer.getvalue().split(b"\n")[:-1]  # a value's own line breaks are escaped


def _copy_unwaited(connection: Connection, table: Table, columns: list[str],
                   lines: list[bytes], ids: list[int]) -> None:
    """The rows' lines, each behind its id, sent by one COPY into the table; its end is sent
    without waiting for the server's answer (`Background.settle` reads it)."""
    from psycopg import sql
    from psycopg.copy import LibpqWriter

    class Unwaited(LibpqWriter):
        def finish(self, exc: BaseException | None = None) -> None:
            if exc is not None:
                super().finish(exc)
                return
            pgconn = self._pgconn
            while not pgconn.put_copy_end():  # the connection does not block
                select.select([], [pgconn.socket], [])
            while pgconn.flush():
                select.select([], [pgconn.socket], [])

    raw = connection.connection.driver_connection
    assert raw is not None
    listed = sql.SQL(", ").join(sql.Identifier(name) for name in ["id", *columns])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table.name), listed)
    data = b"".join([b"%d\t%b\n" % (row_id, line)
                     for row_id, line in zip(ids, lines, strict=True)])
    with raw.cursor() as cursor, cursor.copy(statement, writer=Unwaited(cursor)) as copy:
        copy.write(data)
