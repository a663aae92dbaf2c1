"""The payments list (HM-1): every attempt to take money, the money collected and the payments
that failed, with how each failure ended. The home page's charts count the same rows with the
same terms (`collected`, `first_failure`, `ended`), so a bar and the list it opens agree.

A failed payment is an item's first automatic attempt that was declined (round 1, not manual);
it ended "retry" when a later automatic attempt took the money, "customer" when the customer
did (the pay-now page or the bank's authentication, CP-1/CP-2: round 0), "manual" when the
account manager's final attempt did (IN-5), "lost" when nothing has yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.services.listing_base import Column, Expr, Listing, Stmt, card_label
from renewdesk.store.models import (
    Attempt,
    Customer,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    UsageInvoice,
)

ENDINGS = ("retry", "customer", "manual", "lost")


def collected() -> Expr:
    return Attempt.result == "succeeded"


def first_failure() -> Expr:
    return and_(Attempt.result == "declined", Attempt.round == 1, Attempt.manual.is_(False))


def ended() -> Expr:
    """How the failed payment of this row's item ended (one of ENDINGS)."""
    later = aliased(Attempt)
    same_item = or_(and_(Attempt.renewal_id.is_not(None), later.renewal_id == Attempt.renewal_id),
                    and_(Attempt.installment_id.is_not(None),
                         later.installment_id == Attempt.installment_id),
                    and_(Attempt.usage_invoice_id.is_not(None),
                         later.usage_invoice_id == Attempt.usage_invoice_id))
    how = (select(case((later.round == 0, "customer"), (later.manual.is_(True), "manual"),
                       else_="retry"))
           .where(same_item, later.result == "succeeded", later.id != Attempt.id)
           .correlate(Attempt).limit(1).scalar_subquery())
    return func.coalesce(how, "lost")


class PaymentRow(NamedTuple):
    on: date
    customer: str
    subject: str  # the cart, order (with the installment's number) or usage invoice
    amount: Money
    card: str
    status: str  # paid | failed
    ended: str  # for a first failure: one of ENDINGS; "" otherwise
    customer_ref: str


_ORDER = aliased(InstallmentOrder)


def _payments() -> Stmt:
    return (select(Attempt.on, Customer.name.label("customer"), Renewal.ref.label("renewal"),
                   _ORDER.ref.label("order"), Installment.number, UsageInvoice.ref.label("usage"),
                   Attempt.amount_minor, Attempt.currency, PaymentMethod.brand,
                   PaymentMethod.last4, Attempt.result, Attempt.round, Attempt.manual,
                   ended().label("ended"), Customer.ref.label("customer_ref"))
            .join(PaymentMethod, PaymentMethod.id == Attempt.payment_method_id)
            .join(Customer, Customer.id == PaymentMethod.customer_id)
            .outerjoin(Renewal, Renewal.id == Attempt.renewal_id)
            .outerjoin(Installment, Installment.id == Attempt.installment_id)
            .outerjoin(_ORDER, _ORDER.id == Installment.order_id)
            .outerjoin(UsageInvoice, UsageInvoice.id == Attempt.usage_invoice_id))


def _finish(_s: Session, rows: Sequence[Any], _p: Policy, _t: date) -> list[PaymentRow]:
    out = []
    for r in rows:
        subject = r.renewal or (f"{r.order} #{r.number}" if r.order else r.usage or "")
        failed = r.result == "declined"
        status = "paid" if r.result == "succeeded" else "failed" if failed else r.result
        first = failed and r.round == 1 and not r.manual
        out.append(PaymentRow(r.on, r.customer, subject, Money(r.amount_minor, r.currency),
                              card_label(r.brand, r.last4), status, r.ended if first else "",
                              r.customer_ref))
    return out


PAYMENTS = Listing(
    "payments",
    (Column("on", "date", Attempt.on), Column("customer", "text", Customer.name),
     Column("subject", "text", None), Column("amount", "money", Attempt.amount_minor),
     Column("card", "text", None), Column("status", "status", Attempt.result),
     Column("ended", "status", None)),
    _payments, Attempt.id, (Customer.name, Renewal.ref, _ORDER.ref, UsageInvoice.ref),
    {"paid": collected(), "failed": first_failure()},
    row=PaymentRow, finish=_finish, ref_key="customer_ref",
    dated=lambda since, until: Attempt.on.between(since, until),
)
