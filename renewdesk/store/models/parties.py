"""Customers, their billing contacts and their saved payment methods (tokens only, PM-2)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renewdesk.domain.cards import CardExpiry, method_valid_on
from renewdesk.store.models.base import Base


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (Index("ix_customer_name", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(String(500), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    emails_enabled: Mapped[bool] = mapped_column(Boolean, default=True)  # NT-4
    processor_customer_id: Mapped[str | None] = mapped_column(String(255))  # Stripe: cus_…
    # IV-1, IV-3, IV-6: a business gets its SIREN or VAT number on invoices, a consumer the
    # renewal reminder; the country and the VAT number decide the VAT (reverse charge, export).
    business: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    country: Mapped[str] = mapped_column(String(2), default="FR", server_default="FR")
    vat_number: Mapped[str | None] = mapped_column(String(20))  # compact: FR44732829320
    siren: Mapped[str | None] = mapped_column(String(9))

    contacts: Mapped[list[BillingContact]] = relationship(
        back_populates="customer", order_by="BillingContact.id"
    )
    payment_methods: Mapped[list[PaymentMethod]] = relationship(
        back_populates="customer",
        primaryjoin="and_(Customer.id == PaymentMethod.customer_id,"
                    " PaymentMethod.removed_on.is_(None))",
        order_by="PaymentMethod.position", viewonly=True,
    )

    def missing_profile_fields(self) -> list[str]:
        """PM-1: name, e-mail and postal address are needed before a method can be added."""
        return self.profile_gaps(self.name, self.email, self.address)

    @staticmethod
    def profile_gaps(name: str | None, email: str | None, address: str | None) -> list[str]:
        """`missing_profile_fields()` from the values alone, for rows not yet written."""
        given = {"name": name, "email": email, "address": address}
        return [f for f, value in given.items() if not (value or "").strip()]

    def valid_methods(self, today: date) -> list[PaymentMethod]:
        """PM-3/PM-4: the customer's valid methods, default first."""
        return [m for m in self.payment_methods if m.is_valid(today)]


class BillingContact(Base):
    __tablename__ = "billing_contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(500), default="")

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class PaymentMethod(Base):
    """Only the processor's token, brand, last 4, expiry and holder are kept (PM-2)."""

    __tablename__ = "payment_method"
    # its state as the home page's at-risk charges read it, from the index alone (HM-1)
    __table_args__ = (UniqueConstraint("customer_id", "position"),
                      Index("ix_payment_method_state", "id", "accepted", "removed_on",
                            "blocked_code", "exp_month", "exp_year"))
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    position: Mapped[int | None] = mapped_column(Integer)  # PM-4: 0 is the default; None: removed
    removed_on: Mapped[date | None] = mapped_column(Date)
    type: Mapped[str] = mapped_column(String(16))  # card | sepa_debit
    token: Mapped[str] = mapped_column(String(255))
    brand: Mapped[str] = mapped_column(String(32), default="")
    last4: Mapped[str] = mapped_column(String(4), default="")
    exp_month: Mapped[int | None] = mapped_column(Integer)
    exp_year: Mapped[int | None] = mapped_column(Integer)
    holder: Mapped[str] = mapped_column(String(200), default="")
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)  # PM-3: processor accepted it
    refusal: Mapped[str | None] = mapped_column(String(200))
    # AR-5: a hard decline blocks automatic charges on this method until it changes.
    blocked_code: Mapped[str | None] = mapped_column(String(64))
    # PM-7: the expiry (YYYY-MM) for which the card_expiring e-mail went out.
    expiring_notice_for: Mapped[str | None] = mapped_column(String(7))

    customer: Mapped[Customer] = relationship()

    @property
    def expiry(self) -> CardExpiry | None:
        if self.exp_month is None or self.exp_year is None:
            return None
        return CardExpiry(self.exp_month, self.exp_year)

    def is_valid(self, today: date) -> bool:
        return self.removed_on is None and method_valid_on(self.accepted, self.expiry, today)

    def chargeable(self, today: date) -> bool:
        return self.is_valid(today) and self.blocked_code is None

    def label(self) -> str:
        return self.label_of(self.brand, self.last4)

    @staticmethod
    def label_of(brand: str | None, last4: str | None) -> str:
        """`label()` from the columns alone, for reports that read rows, not objects."""
        return f"{brand} •••• {last4}".strip()
