"""The home page's charts (HM-1), in figures: the next 60 days of charges by day with the part at
risk, the last 90 days' failed payments by how they ended, money collected per month.

Each figure counts the rows the list its bar opens shows, with the same terms
(`listing_billing.renewals_charged`/`installments_charged`, `listing_payments.collected`/
`first_failure`/`ended`). Money is summed in SQL per day and currency, so a busy portfolio
sends back a few hundred groups, not its rows; the charts show the portfolio's main currency
(the one with the most money) and name the others' totals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import CardExpiry
from renewdesk.domain.dates import add_months
from renewdesk.domain.money import Money
from renewdesk.services.context import Context
from renewdesk.services.listing_billing import installments_charged, renewals_charged
from renewdesk.services.listing_payments import ENDINGS, collected, ended, first_failure
from renewdesk.store.models import (
    Attempt,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    Service,
    UsageInvoice,
)

UPCOMING_DAYS = 60
FAILED_DAYS = 90
FAILED_BIN_DAYS = 7  # the failures are shown by week, the last one ending today
MONTHS = 12
MUST_ACT = "authentication_required"
CHARGED = ("renewals", "installments", "usage")


@dataclass(frozen=True)
class DayCharges:
    """One day's charges in the chart's currency, in minor units, and how many items each."""

    day: date
    amounts: tuple[int, int, int]  # renewals, installments, usage
    at_risk: tuple[int, int, int]  # the part of each that is at risk
    counts: tuple[int, int, int]


@dataclass(frozen=True)
class FailureBin:
    since: date
    until: date
    ended: tuple[int, ...]  # how many failed payments ended each way, in ENDINGS' order


@dataclass(frozen=True)
class MonthCollected:
    month: date  # its first day
    until: date  # its last day, or today for this month
    amount: int  # minor units of the chart's currency
    payments: int


@dataclass(frozen=True)
class Charts:
    as_of: date
    currency: str
    upcoming: tuple[DayCharges, ...]
    failures: tuple[FailureBin, ...]
    collected: tuple[MonthCollected, ...]
    others: tuple[Money, ...]  # what was left out of the money charts: other currencies' totals


def charts(ctx: Context) -> Charts:
    with ctx.factory() as session:
        return read_charts(session, ctx.clock.today)


def read_charts(session: Session, today: date) -> Charts:
    upcoming = _upcoming_groups(session, today)
    first_month = add_months(today.replace(day=1), -(MONTHS - 1))
    paid = session.execute(
        select(Attempt.on, Attempt.currency, func.sum(Attempt.amount_minor), func.count())
        .where(collected(), Attempt.on.between(first_month, today))
        .group_by(Attempt.on, Attempt.currency)).all()
    totals: dict[str, int] = defaultdict(int)
    for _kind, _day, currency, _risk, amount, _n in upcoming:
        totals[currency] += amount
    for _day, currency, amount, _n in paid:
        totals[currency] += amount
    currency = max(totals, key=lambda c: (totals[c], c)) if totals else "EUR"
    others = tuple(Money(totals[c], c) for c in sorted(totals) if c != currency)
    return Charts(today, currency, _days(upcoming, today, currency),
                  _failures(session, today), _months(paid, first_month, today, currency), others)


def _at_risk(day: date, accepted: Any, removed: Any, blocked: Any, month: Any, year: Any,
             stopped: Any) -> bool:
    """No valid method on that day (none, refused, removed, blocked, or expired first: PM-3,
    PM-7), or the customer must act (CP-1)."""
    if stopped == MUST_ACT or not accepted or removed is not None or blocked:
        return True
    return bool(month and year and not CardExpiry(month, year).valid_on(day))


def _upcoming_groups(session: Session, today: date) -> list[tuple[str, date, str, bool, int, int]]:
    """(kind, day, currency, at risk, amount, count) for the charges of the coming days."""
    until = today + timedelta(days=UPCOMING_DAYS - 1)
    method = (PaymentMethod.accepted, PaymentMethod.removed_on, PaymentMethod.blocked_code,
              PaymentMethod.exp_month, PaymentMethod.exp_year)
    queries = {
        "renewals": select(Renewal.next_attempt_on, Renewal.currency, *method,
                           Renewal.stopped_code, func.sum(Renewal.amount_minor), func.count())
        .outerjoin(PaymentMethod, PaymentMethod.id == Renewal.payment_method_id)
        .where(renewals_charged(today, until)),
        "installments": select(Installment.next_attempt_on, InstallmentOrder.currency, *method,
                               Installment.stopped_code, func.sum(Installment.amount_minor),
                               func.count())
        .join(InstallmentOrder, InstallmentOrder.id == Installment.order_id)
        .outerjoin(PaymentMethod, PaymentMethod.id == InstallmentOrder.payment_method_id)
        .where(installments_charged(today, until)),
        "usage": select(UsageInvoice.next_attempt_on, UsageInvoice.currency, *method,
                        UsageInvoice.stopped_code, func.sum(UsageInvoice.amount_minor),
                        func.count())
        .join(Service, Service.id == UsageInvoice.service_id)
        .outerjoin(PaymentMethod, PaymentMethod.id == Service.payment_method_id)
        .where(UsageInvoice.status.in_(("scheduled", "failed")),
               UsageInvoice.next_attempt_on.between(today, until)),
    }
    out: list[tuple[str, date, str, bool, int, int]] = []
    for kind, query in queries.items():
        for day, currency, accepted, removed, blocked, month, year, stopped, amount, n in \
                session.execute(query.group_by(*query.selected_columns[:8])).all():
            assert day is not None  # between two dates
            risk = _at_risk(day, accepted, removed, blocked, month, year, stopped)
            out.append((kind, day, currency, risk, int(amount or 0), int(n)))
    return out


def _days(groups: list[tuple[str, date, str, bool, int, int]], today: date,
          currency: str) -> tuple[DayCharges, ...]:
    amounts: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    risks: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    counts: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for kind, day, cur, risk, amount, n in groups:
        if cur != currency:
            continue
        k = CHARGED.index(kind)
        amounts[day][k] += amount
        counts[day][k] += n
        if risk:
            risks[day][k] += amount
    days = (today + timedelta(days=i) for i in range(UPCOMING_DAYS))
    return tuple(DayCharges(d, tuple(amounts[d]), tuple(risks[d]), tuple(counts[d]))  # type: ignore[arg-type]
                 for d in days)


def _failures(session: Session, today: date) -> tuple[FailureBin, ...]:
    first = today - timedelta(days=FAILED_DAYS - 1)
    each = (select(Attempt.on.label("on"), ended().label("ended"))
            .where(first_failure(), Attempt.on.between(first, today)).subquery())
    rows = session.execute(select(each.c.on, each.c.ended, func.count())
                           .group_by(each.c.on, each.c.ended)).all()
    bins = []
    until = today
    while until >= first:
        since = max(first, until - timedelta(days=FAILED_BIN_DAYS - 1))
        counts = [0] * len(ENDINGS)
        for on, ending, n in rows:
            if since <= on <= until:
                counts[ENDINGS.index(ending)] += n
        bins.append(FailureBin(since, until, tuple(counts)))
        until = since - timedelta(days=1)
    return tuple(reversed(bins))


def _months(paid: Sequence[Any], first: date, today: date,
            currency: str) -> tuple[MonthCollected, ...]:
    out = []
    for i in range(MONTHS):
        start = add_months(first, i)
        end = min(today, add_months(start, 1) - timedelta(days=1))
        rows = [r for r in paid if r[1] == currency and start <= r[0] <= end]
        out.append(MonthCollected(start, end, sum(int(r[2]) for r in rows),
                                  sum(int(r[3]) for r in rows)))
    return tuple(out)
