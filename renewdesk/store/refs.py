"""References for objects the app creates itself (carts, messages, events, invoices)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session


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
