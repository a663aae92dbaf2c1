"""MO-2: business dates in the business time zone; instants in UTC; today passed in."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from renewdesk.domain.dates import add_months, business_date, parse_date
from renewdesk.domain.errors import InputError


def test_mo2_business_date_is_taken_in_the_business_time_zone() -> None:
    late_utc = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert business_date(late_utc, "Europe/Paris") == date(2027, 1, 1)
    assert business_date(late_utc, "UTC") == date(2026, 12, 31)


def test_mo2_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        business_date(datetime(2026, 1, 1))


def test_mo2_month_arithmetic_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 20), 12) == date(2027, 12, 20)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-1-5", "05/01/2026", "", "2026-02-30"])
def test_mo2_malformed_dates_name_the_field(text: str) -> None:
    with pytest.raises(InputError, match="expires_on"):
        parse_date(text, field="expires_on")
