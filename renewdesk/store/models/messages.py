"""Outbox (NT-1), customer links (NT-3), domain events and webhooks (EV-1), audit log (EV-2)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renewdesk.store.models.base import Base
from renewdesk.store.types import UTCDateTime


class Notification(Base):
    __tablename__ = "notification"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    to: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)  # queued|sent|failed|suppressed
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))
    invoice_number: Mapped[str | None] = mapped_column(String(32))  # IV-4: its PDF attached
    # HM-4: the HTML part, rendered with the text when queued (what is sent is what is kept).
    html: Mapped[str | None] = mapped_column(Text)
    # HM-2: what it was rendered from, `{"items": [...]}`, so messages to one person are merged.
    context: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    links: Mapped[list[CustomerLink]] = relationship(order_by="CustomerLink.id")


class CustomerLink(Base):
    """NT-3: a signed, expiring, single-use token that lets a customer act without logging in."""

    __tablename__ = "customer_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(200), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    subject_ref: Mapped[str] = mapped_column(String(64))
    notification_id: Mapped[int | None] = mapped_column(ForeignKey("notification.id"), index=True)
    expires_on: Mapped[date] = mapped_column(Date)
    used_on: Mapped[date | None] = mapped_column(Date)


class HostedPage(Base):
    """CP-2 without a public server: the processor's own page where the customer pays a pay-now
    link's item, made when the e-mail is sent. `attempt_key` is the key the payment carries, so
    it is found (and written as the item's attempt) by asking the processor, never twice."""

    __tablename__ = "hosted_page"
    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("customer_link.id"), unique=True)
    page_id: Mapped[str] = mapped_column(String(255), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    attempt_key: Mapped[str] = mapped_column(String(80), unique=True)
    state: Mapped[str] = mapped_column(String(16), index=True)  # open | paid | closed
    created_on: Mapped[date] = mapped_column(Date)

    link: Mapped[CustomerLink] = relationship()


class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    type: Mapped[str] = mapped_column(String(64), index=True)
    on: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String(64), index=True)
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # EV-1 webhook delivery: pending | delivered | failed (gave up) | none (no webhook set)
    delivery: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    delivery_tries: Mapped[int] = mapped_column(Integer, default=0)
    next_delivery_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivery_error: Mapped[str | None] = mapped_column(String(500))


class ProcessorEventSeen(Base):
    """SY-1: an event of the processor's feed, applied once (by its id), with what it changed;
    written in the same transaction as the change and the feed's cursor."""

    __tablename__ = "processor_event"
    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(BigInteger, index=True)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime)
    change: Mapped[str] = mapped_column(String(500))


class AuditEntry(Base):
    """EV-2: who did what, when, before and after."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    on: Mapped[date] = mapped_column(Date)
    who: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, object] | None] = mapped_column(JSON)
    after: Mapped[dict[str, object] | None] = mapped_column(JSON)


class Setting(Base):
    """Settings (policy numbers, SMTP host, ...) and scheduler state; never a secret."""

    __tablename__ = "setting"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
