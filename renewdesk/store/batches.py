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
parses in Python and the server plans, each time.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table

_temporary = itertools.count(1)


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
    if connection.dialect.name != "postgresql":
        return {row_key: row_id for row_id, row_key in connection.execute(
            table.insert().returning(table.c.id, table.c[key]), rows)}
    names = list(rows[0])
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in names or column.default is None or column.primary_key:
            continue
        default: Any = column.default
        if default.is_scalar or default.is_callable:
            defaults[column.name] = default.arg
    columns = names + list(defaults)
    process = [table.c[name].type.bind_processor(connection.dialect) for name in columns]
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
            for row in rows:
                values = [row[name] for name in names] + [
                    value(None) if callable(value) else value for value in defaults.values()]
                copy.write_row([convert(value) if convert and value is not None else value
                                for convert, value in zip(process, values, strict=True)])
        cursor.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} RETURNING id, {}").format(
            target, listed, listed, scratch, sql.Identifier(key)))
        ids = {row_key: row_id for row_id, row_key in cursor.fetchall()}
        cursor.execute(sql.SQL("DROP TABLE {}").format(scratch))
    return ids
