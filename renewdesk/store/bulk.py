"""Many new rows written at once, with no statement or round trip per row (issue 23).

A busy night writes thousands of events, e-mails and invoices in each of its units of work. Made
through SQLAlchemy's many-row INSERT, each row's parameters were processed in Python and, on
PostgreSQL, the statement of thousands of parameters was parsed by psycopg and planned by the
server each time; a reference (`EV-0000042`) then cost each row an UPDATE once its id was known.
Here the ids are taken first and the rows written whole, their refs in them:

- on PostgreSQL, the ids from the table's sequence in one query, the rows by one COPY;
- on SQLite, the first row inserted (which takes the database's write lock, so that no other
  writer comes in between), the others with the ids that follow it, by one `executemany` of the
  driver. SQLite gives a new row the largest id plus one; a table here never has AUTOINCREMENT.

Each value goes through its column type's bind processing, and a column left out takes its
Python-side default, as SQLAlchemy's INSERT would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, bindparam, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from renewdesk.store.refs import refs_for, temporary_ref

Row = dict[str, Any]


def add(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """`rows` (dicts with the same keys, no id) inserted into `table`; no id read back."""
    if not rows:
        return
    columns, values = _prepared(connection, table, rows)
    if connection.dialect.name == "postgresql":
        _copy(connection, table, columns, values)
    else:
        _executemany(connection, table, columns, values)


def add_with_refs(connection: Connection, table: Table, rows: Sequence[Row],
                  prefix: str) -> list[int]:
    """`rows` (dicts with the same keys, neither id nor ref) inserted into `table`, each with
    its ref `PREFIX-0000042` made from its id (`refs.refs_for`: with a suffix if an import
    took it); their ids, in the order of `rows`."""
    if not rows:
        return []
    if connection.dialect.name == "postgresql":
        ids = sequence_ids(connection, table, len(rows))
        refs = refs_for(connection, table, ids, prefix)
        columns, values = _prepared(connection, table, [
            {"id": row_id, "ref": refs[row_id], **row} for row_id, row in zip(ids, rows,
                                                                                strict=True)])
        _copy(connection, table, columns, values)
        return ids
    first = _first(connection, table, rows[0])
    ids = list(range(first, first + len(rows)))
    refs = refs_for(connection, table, ids, prefix)
    connection.execute(update(table).where(table.c.id == bindparam("row_id")).values(
        ref=bindparam("new_ref")), [{"row_id": first, "new_ref": refs[first]}])
    if len(rows) > 1:
        columns, values = _prepared(connection, table, [
            {"id": row_id, "ref": refs[row_id], **row}
            for row_id, row in zip(ids[1:], rows[1:], strict=True)])
        _executemany(connection, table, columns, values)
    return ids


def update_rows(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Each of `rows` (dicts with the same keys: "id" and the columns to set) written to its
    row: on PostgreSQL in one UPDATE from arrays of the values (`unnest`), not one statement
    per row for the server to run; on SQLite by the driver's `executemany`."""
    if not rows:
        return
    names = [name for name in rows[0] if name != "id"]
    dialect = connection.dialect
    process = {name: table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
               for name in ["id", *names]}
    columns = {name: [row[name] for row in rows] if convert is None
               else [convert(row[name]) for row in rows] for name, convert in process.items()}
    if dialect.name == "postgresql":
        from psycopg import sql

        arrays = sql.SQL(", ").join(
            sql.SQL("%s::{}[]").format(sql.SQL(table.c[name].type.compile(dialect)))
            for name in ["id", *names])
        query = sql.SQL("UPDATE {table} SET {sets} FROM unnest({arrays}) AS _v ({listed}) "
                        "WHERE {table}.id = _v.id").format(
            table=sql.Identifier(table.name), arrays=arrays,
            sets=sql.SQL(", ").join(sql.SQL("{} = _v.{}").format(
                sql.Identifier(name), sql.Identifier(name)) for name in names),
            listed=sql.SQL(", ").join(sql.Identifier(name) for name in ["id", *names]))
        raw = connection.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor:
            cursor.execute(query, [columns[name] for name in ["id", *names]])
        return
    compiled = (update(table).where(table.c.id == bindparam("_id"))
                .values({name: bindparam(f"_{name}") for name in names}).compile(dialect=dialect))
    order = [name[1:] for name in compiled.positiontup or ()]
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.executemany(str(compiled), [[columns[name][n] for name in order]
                                           for n in range(len(rows))])
    finally:
        cursor.close()


_HELD = "row changes held for holding_changes"  # session.info: see `holding_changes`


@contextmanager
def holding_changes(session: Session) -> Iterator[None]:
    """Columns set by `set_columns` inside are written when it ends, the rows of a table that
    set the same columns together (`update_rows`), instead of by the unit of work's flush one
    UPDATE per row. Nothing inside may read them back by a query before."""
    held: dict[tuple[Table, int], Row] = {}
    session.info[_HELD] = held
    try:
        yield
        groups: dict[tuple[Table, tuple[str, ...]], list[Row]] = {}
        for (table, row_id), values in held.items():
            groups.setdefault((table, tuple(values)), []).append({"id": row_id, **values})
        for (table, _names), rows in groups.items():
            update_rows(session.connection(), table, rows)
    finally:
        del session.info[_HELD]


def set_columns(session: Session, obj: Any, **values: Any) -> None:
    """`obj.name = value` for each; inside `holding_changes`, the object shows the values at
    once and its row is written with the others when the holding ends."""
    held: dict[tuple[Table, int], Row] | None = session.info.get(_HELD)
    if held is None:
        for name, value in values.items():
            setattr(obj, name, value)
        return
    for name, value in values.items():
        set_committed_value(obj, name, value)
    held.setdefault((obj.__table__, obj.id), {}).update(values)


def _first(connection: Connection, table: Table, row: Row) -> int:
    """The first row, with a placeholder ref, inserted alone: its id, the write lock held."""
    columns, values = _prepared(connection, table, [{"ref": temporary_ref(), **row}])
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(_insert_sql(connection, table, columns), values[0])
        first = cursor.lastrowid
    finally:
        cursor.close()
    assert first is not None
    return int(first)


def sequence_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """`count` new ids from the table's sequence (PostgreSQL), in order (another writer's may
    come between them: they are not assumed to follow each other). The sequence is looked up
    once (OFFSET 0 keeps the planner from copying the lookup into each row: a catalog search per
    id). Nothing may be in flight on the connection (batches.Background settles first)."""
    return sorted(connection.exec_driver_sql(
        "SELECT nextval(sequence) FROM (SELECT pg_get_serial_sequence(%(table)s, 'id')"
        "::regclass AS sequence OFFSET 0) AS found, generate_series(1, %(count)s)",
        {"table": table.name, "count": count}).scalars())


def python_defaults(table: Table, given: Sequence[str]) -> dict[str, Any]:
    """The Python-side defaults of `table`'s columns that are not `given` (nor its key): each a
    value, or a callable made again for each row."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in given or column.default is None or column.primary_key:
            continue
        default: Any = column.default
        if default.is_scalar or default.is_callable:
            defaults[column.name] = default.arg
    return defaults


def _prepared(connection: Connection, table: Table,
              rows: Sequence[Row]) -> tuple[list[str], list[list[Any]]]:
    """The columns written (the rows' keys, then the defaults of the others) and each row's
    values as the driver takes them."""
    names = list(rows[0])
    defaults = python_defaults(table, names)
    unknown = set(names) - set(table.c.keys())
    if unknown:
        raise TypeError(f"{table.name} has no column {', '.join(sorted(unknown))}")
    columns = [c.name for c in table.columns if c.name in defaults or c.name in names]
    dialect = connection.dialect
    process: list[Callable[[Any], Any] | None] = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    # Each column's value: the row's, or its default's (made for each row if a callable).
    plan: list[tuple[str, bool, Any, bool, Callable[[Any], Any] | None]] = [
        (name, name in names, defaults.get(name), callable(defaults.get(name)), convert)
        for name, convert in zip(columns, process, strict=True)]
    # Column by column, then turned into rows: not a loop over every value of every row,
    # thousands of rows of a dozen columns in each unit of a busy night. A column whose rows
    # all hold the same value (a unit's time, its day) has it converted once.
    made: list[list[Any]] = []
    for name, given, default, call, convert in plan:
        column = ([row[name] for row in rows] if given else
                  [default(None) for _row in rows] if call else [default] * len(rows))
        if convert is not None:
            first = column[0]
            column = ([convert(first)] * len(column) if all(value is first for value in column)
                      else list(map(convert, column)))
        made.append(column)
    return columns, [list(values) for values in zip(*made, strict=True)]


def _insert_sql(connection: Connection, table: Table, columns: list[str]) -> str:
    """The driver's INSERT of `columns`, its parameters in their order (SQLite's `?`)."""
    compiled = table.insert().compile(dialect=connection.dialect, column_keys=columns)
    assert compiled.positiontup == columns, compiled.positiontup
    return str(compiled)


def _executemany(connection: Connection, table: Table, columns: list[str],
                 values: list[list[Any]]) -> None:
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.executemany(_insert_sql(connection, table, columns), values)
    finally:
        cursor.close()


def _copy(connection: Connection, table: Table, columns: list[str],
          values: list[list[Any]]) -> None:
    from psycopg import sql

    raw = connection.connection.driver_connection
    assert raw is not None
    listed = sql.SQL(", ").join(sql.Identifier(name) for name in columns)
    with raw.cursor() as cursor, cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), listed)) as copy:
        for row in values:
            copy.write_row(row)

