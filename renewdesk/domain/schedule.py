"""When things happen: notices and charge dates (AR-3), retries (AR-5, IN-4), installments (IN-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from renewdesk.domain.dates import add_months
from renewdesk.domain.policy import Policy


def notice_due_on(expires_on: date, policy: Policy) -> date:
    """AR-3: a service enters a cart on the first run on or after this date."""
    return expires_on - timedelta(days=policy.notice_days)


def renewal_charge_on(notice_on: date, earliest_expiry: date, policy: Policy) -> date:
    """AR-3 (and SC-3): `earliest expiry - charge_days`, never less than `min_notice_days` after
    the notice really went out, and never after the earliest expiry."""
    wanted = earliest_expiry - timedelta(days=policy.charge_days)
    wanted = max(wanted, notice_on + timedelta(days=policy.min_notice_days))
    return min(wanted, earliest_expiry)


def next_renewal_retry(charge_on: date, rounds_done: int, expires_on: date, policy: Policy,
                       today: date) -> date | None:
    """AR-5: soft declines are tried again `renewal_retry_days` after the charge date, never
    after expiry. `rounds_done` counts failed rounds so far (1 after the first charge)."""
    return _next_retry(charge_on, rounds_done, policy.renewal_retry_days, today, last=expires_on)


def next_installment_retry(due_on: date, rounds_done: int, policy: Policy,
                           today: date) -> date | None:
    """IN-4: tried again 7 and 14 days after the due date: three automatic attempts in all."""
    return _next_retry(due_on, rounds_done, policy.installment_retry_days, today, last=None)


def _next_retry(start: date, rounds_done: int, offsets: tuple[int, ...], today: date,
                last: date | None) -> date | None:
    for offset in offsets[rounds_done - 1 :]:
        when = start + timedelta(days=offset)
        if when <= today:
            # A catch-up never makes two automatic attempts in one run (SC-3): the next retry
            # whose date has passed happens on the next run.
            when = today + timedelta(days=1)
        if last is not None and when > last:
            return None
        return when
    return None


@dataclass(frozen=True)
class InstallmentPlan:
    count: int
    interval: str  # "weekly" | "monthly"
    first_due_on: date

    def due_dates(self) -> list[date]:
        if self.interval == "weekly":
            return [self.first_due_on + timedelta(weeks=n) for n in range(self.count)]
        return [add_months(self.first_due_on, n) for n in range(self.count)]


def plan_change_deadline(requested_on: date, policy: Policy) -> date:
    """IN-2: the confirm link is valid `plan_confirm_days` days."""
    return requested_on + timedelta(days=policy.plan_confirm_days)

