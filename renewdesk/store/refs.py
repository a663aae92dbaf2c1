"""References for objects the app creates itself (carts, messages, events, invoices)."""

from __future__ import annotations

import itertools
import os
import uuid
from typing import Any

from sqlalchemy import Connection, bindparam, event, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from renewdesk.store.models import Event, Notification

IN_CHUNK = 1000  # values per IN (...) list: well under SQLite's and PostgreSQL's limits


# Temporary refs are unique in this process by a counter, across processes by a random part:
# a uuid4 for each was a noticeable part of writing a night's events (docs/benchmarks.md).
_PROCESS = uuid.uuid4().hex
_NEXT = itertools.count(1)


def _new_process() -> None:
    global _PROCESS
    _PROCESS = uuid.uuid4().hex


os.register_at_fork(after_in_child=_new_process)  # a forked child draws its own


def temporary_ref() -> str:
    """A unique placeholder in a `ref` column until the row's id gives its own."""
    return f"tmp-{_PROCESS}-{next(_NEXT)}"


def assign_ref(session: Session, obj: Any, prefix: str) -> str:
    """After a flush gave `obj` its id: `PREFIX-0000042`, or with a suffix if an import took it."""
    ref = assign_refs(session.connection(), type(obj).__table__, [obj.id], prefix)[obj.id]
    set_committed_value(obj, "ref", ref)
    return ref


def assign_refs(connection: Connection, table: Any, ids: list[int], prefix: str) -> dict[int, str]:
    """`assign_ref` for rows written together, by id: one look for refs already taken (an
    import's), one UPDATE of many rows. Core statements only: it also runs inside a flush."""
    wanted = refs_for(connection, table, ids, prefix)
    if wanted:
        connection.execute(
            update(table).where(table.c.id == bindparam("row_id")).values(
                ref=bindparam("new_ref")),
            [{"row_id": row_id, "new_ref": ref} for row_id, ref in wanted.items()])
    return wanted


def refs_for(connection: Connection, table: Any, ids: list[int], prefix: str) -> dict[int, str]:
    """The refs of rows by id, `PREFIX-0000042`, or with a suffix where one is already taken
    (an import's): one look for those taken, whether or not the rows are written yet."""
    wanted = {row_id: f"{prefix}-{row_id:07d}" for row_id in ids}
    values = list(wanted.values())
    taken: set[str] = set()
    for start in range(0, len(values), IN_CHUNK):
        taken.update(connection.execute(select(table.c.ref).where(
            table.c.ref.in_(values[start:start + IN_CHUNK]))).scalars())
    for row_id in [i for i, ref in wanted.items() if ref in taken]:
        suffix = 1
        while True:
            suffix += 1
            ref = f"{prefix}-{row_id:07d}-{suffix}"
            if connection.execute(select(table.c.id).where(table.c.ref == ref)).first() is None:
                wanted[row_id] = ref
                break
    return wanted


# The rows that are added with a `temporary_ref()` and get their `PREFIX-0000042` when the unit
# of work is flushed, all of that flush's together: a flush and a query for each event or
# message was a large part of a busy night.
AT_FLUSH: dict[type, str] = {Event: "EV", Notification: "MSG"}


def give_refs_at_flush(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """The sessions of `factory` give `AT_FLUSH`'s new rows their refs when they flush; a
    Session made elsewhere is left alone."""
    event.listen(factory, "after_flush", _give_refs)
    return factory


def _give_refs(session: Session, _context: object) -> None:
    waiting: dict[type, list[Any]] = {}
    for obj in session.new:
        if type(obj) in AT_FLUSH and obj.ref.startswith("tmp-"):
            waiting.setdefault(type(obj), []).append(obj)
    for model, objects in waiting.items():
        refs = assign_refs(session.connection(), model.__table__,  # type: ignore[attr-defined]
                           [obj.id for obj in objects], AT_FLUSH[model])
        for obj in objects:
            set_committed_value(obj, "ref", refs[obj.id])
