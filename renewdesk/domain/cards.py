"""PM-3, PM-7: when a card is valid, when it is flagged. (PM-2, what is never stored: sensitive.py.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from renewdesk.domain.dates import add_months, last_day_of_month


@dataclass(frozen=True)
class CardExpiry:
    month: int
    year: int

    @property
    def last_valid_day(self) -> date:
        """PM-3: a card is valid until the last day of its expiry month."""
        return last_day_of_month(self.year, self.month)

    def valid_on(self, day: date) -> bool:
        return day <= self.last_valid_day

    def expiring_notice_on(self, notice_day: int) -> date:
        """PM-7: the card_expiring e-mail goes out on the `notice_day` of the month before."""
        first_of_expiry_month = date(self.year, self.month, 1)
        before = add_months(first_of_expiry_month, -1)
        return before.replace(day=min(notice_day, last_day_of_month(before.year, before.month).day))


def method_valid_on(accepted: bool, expiry: CardExpiry | None, day: date) -> bool:
    """PM-3: valid once the processor accepted it, until the end of its expiry month."""
    return accepted and (expiry is None or expiry.valid_on(day))


def expires_before(expiry: CardExpiry | None, charge_on: date) -> bool:
    """PM-7 / AR-2: will the method have expired by that charge date?"""
    return expiry is not None and not expiry.valid_on(charge_on)
