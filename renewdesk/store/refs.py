"""References for objects the app creates itself (carts, messages, events, invoices)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

IN_CHUNK = 1000  # values per IN (...) list: well under SQLite's and PostgreSQL's limits


def temporary_ref() -> str:
    return f"tmp-{uuid.uuid4().hex}"


def assign_ref(session: Session, obj: Any, prefix: str) -> str:
    """After a flush gave `obj` its id: `PREFIX-0000042`, or with a suffix if an import took it."""
    model = type(obj)
    ref = f"{prefix}-{obj.id:07d}"
    suffix = 1
    while session.scalar(select(model.id).where(model.ref == ref, model.id != obj.id)) is not None:
        suffix += 1
        ref = f"{prefix}-{obj.id:07d}-{suffix}"
    obj.ref = ref
    return ref


def assign_refs(session: Session, model: Any, ids: list[int], prefix: str) -> None:
    """`assign_ref` for rows written together, by id: one look for refs already taken (an
    import's), one UPDATE of many rows."""
    wanted = {row_id: f"{prefix}-{row_id:07d}" for row_id in ids}
    values = list(wanted.values())
    taken: set[str] = set()
    for start in range(0, len(values), IN_CHUNK):
        taken.update(session.scalars(select(model.ref).where(
            model.ref.in_(values[start:start + IN_CHUNK]))))
    for row_id in [i for i, ref in wanted.items() if ref in taken]:
        suffix = 1
        while True:
            suffix += 1
            ref = f"{prefix}-{row_id:07d}-{suffix}"
            if session.scalar(select(model.id).where(model.ref == ref)) is None:
                wanted[row_id] = ref
                break
    table = model.__table__
    session.connection().execute(
        update(table).where(table.c.id == bindparam("row_id")).values(ref=bindparam("new_ref")),
        [{"row_id": row_id, "new_ref": ref} for row_id, ref in wanted.items()])
