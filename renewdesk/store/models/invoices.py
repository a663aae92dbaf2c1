"""IV-1, IV-2: invoices and credit notes, numbered without gaps, never changed once issued.

An issued row is immutable: the database itself refuses an UPDATE or a DELETE of it (triggers
made by migration 0007, on SQLite and PostgreSQL), not only the code. Its `document` holds all
the PDF says (`renewdesk.domain.invoice.InvoiceDocument`), so that it reads the same years later.
Numbers come from `invoice_sequence`, one row per kind and year, moved in the same unit of work
that issues the invoice: a rollback gives its numbers back, so there is never a gap.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from renewdesk.store.models.base import Base
from renewdesk.store.types import UTCDateTime


class InvoiceSequence(Base):
    __tablename__ = "invoice_sequence"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # invoice | credit_note
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Invoice(Base):
    __tablename__ = "invoice"
    __table_args__ = (
        UniqueConstraint("kind", "year", "sequence"),
        # One invoice per payment (IV-1), one credit note per refund (IV-2): by the database.
        Index("uq_invoice_payment", "attempt_id", unique=True,
              sqlite_where=text("kind = 'invoice'"), postgresql_where=text("kind = 'invoice'")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id"), index=True)
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refund.id"), unique=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    total_excl_minor: Mapped[int] = mapped_column(Integer)
    vat_minor: Mapped[int] = mapped_column(Integer)
    total_minor: Mapped[int] = mapped_column(Integer)
    mention: Mapped[str | None] = mapped_column(String(32))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InvoiceDue(Base):
    """A payment waiting for its invoice while the seller's identity is incomplete (or while
    older ones wait): issued, in the order they were paid, once it is complete."""

    __tablename__ = "invoice_due"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id"), unique=True)
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refund.id"), unique=True)
    paid_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DocumentAsset(Base):
    """An image an issued document shows (the seller's logo), kept once by its SHA-256: each
    invoice names the one it was issued with, however often the logo changes afterwards."""

    __tablename__ = "document_asset"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
