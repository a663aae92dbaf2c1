"""PM-3 validity, PM-7 expiring-card notice date. (PM-2: test_sensitive.py.)"""

from __future__ import annotations

from datetime import date

from renewdesk.domain.cards import CardExpiry, expires_before, method_valid_on


def test_pm3_valid_until_the_last_day_of_the_expiry_month() -> None:
    expiry = CardExpiry(11, 2026)
    assert method_valid_on(True, expiry, date(2026, 11, 30))
    assert not method_valid_on(True, expiry, date(2026, 12, 1))


def test_pm3_only_once_the_processor_accepted_it() -> None:
    assert not method_valid_on(False, CardExpiry(1, 2030), date(2026, 1, 1))
    assert method_valid_on(True, None, date(2026, 1, 1))  # SEPA mandates do not expire


def test_pm7_notice_goes_out_on_the_25th_of_the_month_before() -> None:
    assert CardExpiry(1, 2027).expiring_notice_on(25) == date(2026, 12, 25)
    assert CardExpiry(3, 2027).expiring_notice_on(31) == date(2027, 2, 28)


def test_pm7_expires_before_a_charge_date() -> None:
    assert expires_before(CardExpiry(11, 2026), date(2026, 12, 13))
    assert not expires_before(CardExpiry(12, 2026), date(2026, 12, 13))
    assert not expires_before(None, date(2030, 1, 1))
