"""Attempts: one try to take money with one payment method (SC-2: committed before the call)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renewdesk.store.models.base import Base
from renewdesk.store.models.parties import PaymentMethod
from renewdesk.store.types import UTCDateTime


class Attempt(Base):
    __tablename__ = "attempt"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN renewal_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN installment_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN usage_invoice_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    renewal_id: Mapped[int | None] = mapped_column(ForeignKey("renewal.id"), index=True)
    installment_id: Mapped[int | None] = mapped_column(ForeignKey("installment.id"), index=True)
    usage_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("usage_invoice.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per subject
    round: Mapped[int] = mapped_column(Integer)  # which scheduled try (1 = due date)
    manual: Mapped[bool] = mapped_column(Boolean, default=False)  # IN-5 final attempt
    on: Mapped[date] = mapped_column(Date)
    payment_method_id: Mapped[int] = mapped_column(ForeignKey("payment_method.id"))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    # unknown (committed, outcome not heard yet) | succeeded | declined | pending (SEPA)
    result: Mapped[str] = mapped_column(String(16), index=True)
    decline_code: Mapped[str | None] = mapped_column(String(64))
    hard_decline: Mapped[bool] = mapped_column(Boolean, default=False)
    processor_ref: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    payment_method: Mapped[PaymentMethod] = relationship()
    refunds: Mapped[list[Refund]] = relationship(order_by="Refund.number",
                                                 back_populates="attempt")
    disputes: Mapped[list[Dispute]] = relationship(order_by="Dispute.id",
                                                   back_populates="attempt")


class Refund(Base):
    """RF-1: money given back from a successful attempt (a payment). Made in renewdesk, it is
    committed with its key before the processor is called (`unknown` until it answers); made in
    the processor's dashboard, it is read from its events (SY-1) and has the processor's id as
    its key."""

    __tablename__ = "refund"
    __table_args__ = (UniqueConstraint("attempt_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per payment
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(500))
    # unknown (committed, no answer yet) | succeeded | pending | failed | canceled | refused
    status: Mapped[str] = mapped_column(String(16), index=True)
    refusal: Mapped[str | None] = mapped_column(String(64))
    processor_ref: Mapped[str | None] = mapped_column(String(255), unique=True)
    on: Mapped[date] = mapped_column(Date)
    who: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[Attempt] = relationship(back_populates="refunds")


class Dispute(Base):
    """RF-2: a chargeback the cardholder opened with their bank, as the processor told it."""

    __tablename__ = "dispute"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    processor_ref: Mapped[str] = mapped_column(String(255), unique=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32), index=True)  # the processor's word
    respond_by: Mapped[date | None] = mapped_column(Date)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The services it suspended (`dispute_suspends`), by ref: reactivated if it is won.
    suspended: Mapped[list[str]] = mapped_column(JSON, default=list)

    attempt: Mapped[Attempt] = relationship(back_populates="disputes")
