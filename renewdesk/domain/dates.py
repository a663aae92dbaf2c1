"""MO-2: business dates are calendar dates in the business time zone; instants are UTC.

No rule reads the system clock: `today` is passed in. The one place that turns an instant into a
business date is `business_date`, used by the clock wired in `app.py`.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from renewdesk.domain.errors import InputError

DEFAULT_TIME_ZONE = "Europe/Paris"


def add_months(day: date, months: int) -> date:
    """Calendar months, the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_date(text: object, *, field: str = "date") -> date:
    if not isinstance(text, str):
        raise InputError("date_not_text", field=field, given=text)
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("not_a_date", field=field, given=text) from None


def business_date(instant: datetime, time_zone: str = DEFAULT_TIME_ZONE) -> date:
    if instant.tzinfo is None:
        raise ValueError("instants are timezone-aware (UTC)")
    return instant.astimezone(ZoneInfo(time_zone)).date()


def days_between(first: date, last: date) -> list[date]:
    """Every date from first to last inclusive, in order."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]

