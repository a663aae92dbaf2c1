"""When things happen: AR-3 charge dates, AR-5 and IN-4 retries, SC-3 catch-up spacing."""

from __future__ import annotations

from datetime import date

from renewdesk.domain.declines import DeclineKind, classify, stops_retries
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import (
    InstallmentPlan,
    next_installment_retry,
    next_renewal_retry,
    notice_due_on,
    renewal_charge_on,
)

P = Policy()


def test_ar3_notice_and_charge_dates_with_defaults() -> None:
    expires = date(2026, 12, 20)
    assert notice_due_on(expires, P) == date(2026, 12, 5)
    assert renewal_charge_on(date(2026, 12, 5), expires, P) == date(2026, 12, 13)


def test_ar3_charge_is_at_least_min_notice_days_after_the_notice() -> None:
    # SC-3: a late notice (sent on the 16th) pushes the charge date.
    assert renewal_charge_on(date(2026, 12, 16), date(2026, 12, 20), P) == date(2026, 12, 18)


def test_ar3_charge_is_never_after_the_earliest_expiry() -> None:
    assert renewal_charge_on(date(2026, 12, 20), date(2026, 12, 20), P) == date(2026, 12, 20)


def test_ar5_soft_retries_three_and_six_days_after_the_charge_date() -> None:
    charge, expires = date(2026, 12, 13), date(2026, 12, 20)
    assert next_renewal_retry(charge, 1, expires, P, charge) == date(2026, 12, 16)
    assert next_renewal_retry(charge, 2, expires, P, date(2026, 12, 16)) == date(2026, 12, 19)
    assert next_renewal_retry(charge, 3, expires, P, date(2026, 12, 19)) is None


def test_ar5_retries_never_after_expiry() -> None:
    assert next_renewal_retry(date(2026, 12, 18), 1, date(2026, 12, 20), P,
                              date(2026, 12, 18)) is None


def test_in4_retries_seven_and_fourteen_days_after_due_three_attempts_in_all() -> None:
    due = date(2026, 11, 1)
    assert next_installment_retry(due, 1, P, due) == date(2026, 11, 8)
    assert next_installment_retry(due, 2, P, date(2026, 11, 8)) == date(2026, 11, 15)
    assert next_installment_retry(due, 3, P, date(2026, 11, 15)) is None


def test_sc3_catch_up_never_makes_two_automatic_attempts_in_one_run() -> None:
    # Charged late on the 10th for a due date of the 1st: the +7 retry (the 8th) has passed,
    # so it happens on the next run, not minutes later.
    assert next_installment_retry(date(2026, 11, 1), 1, P, date(2026, 11, 10)) == date(2026, 11, 11)


def test_in1_weekly_and_monthly_schedules() -> None:
    assert InstallmentPlan(3, "weekly", date(2026, 11, 2)).due_dates() == [
        date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert InstallmentPlan(3, "monthly", date(2026, 1, 31)).due_dates() == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]


def test_in4_decline_codes_split_soft_hard_and_customer_action() -> None:
    assert classify("insufficient_funds") is DeclineKind.SOFT
    assert classify("card_declined") is DeclineKind.SOFT
    for code in ("lost_card", "stolen_card", "expired_card", "pickup_card", "fraudulent",
                 "invalid_account"):
        assert classify(code) is DeclineKind.HARD
        assert stops_retries(code)
    assert classify("authentication_required") is DeclineKind.CUSTOMER_ACTION
    assert not stops_retries("generic_decline")


def test_ar5_in4_retry_allowed_after_soft_declines_only() -> None:
    from renewdesk.domain.declines import retry_allowed

    assert retry_allowed(["insufficient_funds"], no_more_automatic=False)
    assert retry_allowed(["lost_card", "card_declined"], no_more_automatic=False)
    assert not retry_allowed(["lost_card"], no_more_automatic=False)
    assert not retry_allowed(["authentication_required"], no_more_automatic=False)
    assert retry_allowed([], no_more_automatic=False)  # no valid method: wait for one
    assert not retry_allowed(["insufficient_funds"], no_more_automatic=True)
