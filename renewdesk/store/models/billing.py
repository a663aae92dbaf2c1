"""What is billed: services, renewal carts, installment orders, usage and its invoices.

Every chargeable thing (cart, installment, usage invoice) carries `rounds_done` (failed rounds of
attempts so far) and `next_attempt_on` (when the scheduler tries it next; None: not automatically).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renewdesk.domain.money import Money
from renewdesk.store.models.base import Base
from renewdesk.store.models.parties import BillingContact, Customer, PaymentMethod


class Service(Base):
    __tablename__ = "service"
    # The Services list sorted by label reads the index instead of sorting every row; on
    # SQLite a trigram index (migration 0003, not mapped) serves its search.
    __table_args__ = (Index("ix_service_label", "label", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(200))
    billing: Mapped[str] = mapped_column(String(8))  # period | usage
    currency: Mapped[str] = mapped_column(String(3))
    price_minor: Mapped[int | None] = mapped_column(Integer)  # one period (billing=period)
    unit_price_minor: Mapped[int | None] = mapped_column(Integer)  # per unit (billing=usage)
    period_months: Mapped[int | None] = mapped_column(Integer)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    auto_renew: Mapped[bool] = mapped_column(Boolean, default=False)  # AR-1: off for new ones
    payment_method_id: Mapped[int | None] = mapped_column(ForeignKey("payment_method.id"))
    billing_contact_id: Mapped[int | None] = mapped_column(ForeignKey("billing_contact.id"))
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    # IV-3: its VAT rate in basis points (2000 = 20 %, 550 = 5.5 %); None: `default_vat_rate`.
    vat_rate_bp: Mapped[int | None] = mapped_column(Integer)

    customer: Mapped[Customer] = relationship()
    payment_method: Mapped[PaymentMethod | None] = relationship()
    billing_contact: Mapped[BillingContact | None] = relationship()

    @property
    def price(self) -> Money:
        return Money(self.price_minor or 0, self.currency)

    @property
    def unit_price(self) -> Money:
        return Money(self.unit_price_minor or 0, self.currency)


class Renewal(Base):
    """A renewal cart: one charge covering one or more services' next period (AR-3)."""

    __tablename__ = "renewal"
    __table_args__ = (Index("ix_renewal_due", "status", "next_attempt_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    billing_contact_id: Mapped[int | None] = mapped_column(ForeignKey("billing_contact.id"))
    payment_method_id: Mapped[int | None] = mapped_column(ForeignKey("payment_method.id"))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), index=True)
    notice_on: Mapped[date] = mapped_column(Date)
    charge_on: Mapped[date] = mapped_column(Date)
    earliest_expiry: Mapped[date] = mapped_column(Date)
    rounds_done: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_on: Mapped[date | None] = mapped_column(Date, index=True)
    stopped_code: Mapped[str | None] = mapped_column(String(64))  # why retries stopped

    customer: Mapped[Customer] = relationship()
    billing_contact: Mapped[BillingContact | None] = relationship()
    payment_method: Mapped[PaymentMethod | None] = relationship()
    items: Mapped[list[RenewalItem]] = relationship(
        back_populates="renewal", order_by="RenewalItem.id"
    )

    @property
    def amount(self) -> Money:
        return Money(self.amount_minor, self.currency)


class RenewalItem(Base):
    """A service's period in a cart; a period is in at most one cart (AR-3) unless taken out."""

    __tablename__ = "renewal_item"
    __table_args__ = (
        Index("uq_renewal_item_period", "service_id", "period_expires_on", unique=True,
              sqlite_where=text("removed = 0"), postgresql_where=text("removed = false")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    renewal_id: Mapped[int] = mapped_column(ForeignKey("renewal.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    period_expires_on: Mapped[date] = mapped_column(Date)  # the expiry this period renews
    amount_minor: Mapped[int] = mapped_column(Integer)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)  # AR-8: taken out of the cart

    renewal: Mapped[Renewal] = relationship(back_populates="items")
    service: Mapped[Service] = relationship()


class InstallmentOrder(Base):
    __tablename__ = "installment_order"
    # what the home page's coming charges need of an order, read from the index alone (HM-1)
    __table_args__ = (Index("ix_installment_order_charge", "id", "status", "in_collection",
                            "currency", "payment_method_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    product: Mapped[str] = mapped_column(String(200))
    invoice_number: Mapped[str] = mapped_column(String(64), index=True)
    installment_amount_minor: Mapped[int] = mapped_column(Integer)  # the current plan's amount
    currency: Mapped[str] = mapped_column(String(3))
    installments_count: Mapped[int] = mapped_column(Integer)
    interval: Mapped[str] = mapped_column(String(8))  # weekly | monthly
    first_due_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(8))  # card | sepa
    payment_method_id: Mapped[int | None] = mapped_column(ForeignKey("payment_method.id"))
    status: Mapped[str] = mapped_column(String(16), default="active")
    in_collection: Mapped[bool] = mapped_column(Boolean, default=False)  # IN-6
    collection_on: Mapped[date | None] = mapped_column(Date)
    # Raised by every manual change of the plan: an edit made from what someone saw before
    # another person's change is refused, not applied over it (team mode).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    vat_rate_bp: Mapped[int | None] = mapped_column(Integer)  # IV-3, as a service's

    customer: Mapped[Customer] = relationship()
    payment_method: Mapped[PaymentMethod | None] = relationship()
    installments: Mapped[list[Installment]] = relationship(
        back_populates="order", order_by="Installment.number"
    )
    plan_changes: Mapped[list[PlanChange]] = relationship(
        back_populates="order", order_by="PlanChange.id"
    )

    @property
    def installment_amount(self) -> Money:
        return Money(self.installment_amount_minor, self.currency)


class Installment(Base):
    __tablename__ = "installment"
    __table_args__ = (UniqueConstraint("order_id", "number"),
                      Index("ix_installment_due", "status", "next_attempt_on"),
                      # the home page's coming charges, read from the index alone (HM-1)
                      Index("ix_installment_upcoming", "next_attempt_on", "status", "order_id",
                            "amount_minor", "stopped_code"))
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("installment_order.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="scheduled", index=True)
    rounds_done: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_on: Mapped[date | None] = mapped_column(Date)  # indexed first in ix_installment_upcoming
    stopped_code: Mapped[str | None] = mapped_column(String(64))
    final_attempt_used: Mapped[bool] = mapped_column(Boolean, default=False)  # IN-5
    in_collections_list: Mapped[bool] = mapped_column(Boolean, default=False)  # IN-6

    order: Mapped[InstallmentOrder] = relationship(back_populates="installments")

    @property
    def amount(self) -> Money:
        return Money(self.amount_minor, self.order.currency)


class PlanChange(Base):
    """IN-2: a requested new amount for the remaining installments."""

    __tablename__ = "plan_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("installment_order.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    deadline_on: Mapped[date] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date)

    order: Mapped[InstallmentOrder] = relationship(back_populates="plan_changes")


class UsageRecord(Base):
    __tablename__ = "usage_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM of `on`, for US-1
    quantity: Mapped[int] = mapped_column(Integer)

    service: Mapped[Service] = relationship()


class UsageInvoice(Base):
    """US-1: a month's usage, invoiced in arrears and charged on the first run of the next."""

    __tablename__ = "usage_invoice"
    __table_args__ = (UniqueConstraint("service_id", "period"),
                      Index("ix_usage_invoice_due", "status", "next_attempt_on"))
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    quantity: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    issued_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    rounds_done: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_on: Mapped[date | None] = mapped_column(Date, index=True)
    stopped_code: Mapped[str | None] = mapped_column(String(64))

    service: Mapped[Service] = relationship()

    @property
    def amount(self) -> Money:
        return Money(self.amount_minor, self.currency)
