"""PM-2 card-number detection, PM-3 validity, PM-7 expiring-card notice date."""

from __future__ import annotations

from datetime import date

import pytest

from renewdesk.domain.cards import (
    CardExpiry,
    contains_card_number,
    expires_before,
    find_card_numbers,
    may_hold_card_numbers,
    method_valid_on,
)


@pytest.mark.parametrize("text", ["4242424242424242", "4242 4242 4242 4242",
                                  "4000-0000-0000-0341", "my card is 5555555555554444 ok",
                                  "378282246310005"])
def test_pm2_card_numbers_are_recognised(text: str) -> None:
    assert contains_card_number(text)


@pytest.mark.parametrize("text", ["FA-2026-0042", "+33 6 12 34 56 78", "4242424242424241",
                                  "12 rue des Lilas, 69003 Lyon", "pm_card_visa", "0341"])
def test_pm2_other_numbers_are_not_card_numbers(text: str) -> None:
    assert not contains_card_number(text)


def test_pm2_paths_of_card_numbers_in_a_document() -> None:
    document = {"customers": [{"ref": "C1", "address": "4242 4242 4242 4242"}], "n": 1}
    assert list(find_card_numbers(document)) == ["customers[0].address"]


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize("value", [
    {"a": [{"address": "Réf. 4000 0566 5566 5556, Lyon"}]},  # non-ASCII text around it
    {"a": {"note": "4242424242424242".translate(ARABIC_INDIC)}},  # digits of another script
    [1, 2, 4242424242424242],  # a JSON number
    {"b": "x\t4000-0566-5566-5556\n"},  # between characters JSON escapes
    {"4111 1111 1111 1111": "a key"},  # in a key
    {"c": "it's \"4111111111111111\""},  # quotes that repr escapes
    {"d": "\x00\x7f4111111111111111\u200b"},  # non-printable characters around it
])
def test_pm2_the_quick_sieve_never_misses_what_the_walk_finds(value: object) -> None:
    assert list(find_card_numbers(value))
    assert may_hold_card_numbers(value)


def test_pm2_the_quick_sieve_passes_a_document_without_card_numbers() -> None:
    value = {"customers": [{"ref": "C000001", "phone": "+33 4 78 00 00 00", "on": "2027-01-01",
                            "amount": "12.00", "n": 1234567890}] * 50}
    assert not list(find_card_numbers(value))
    assert not may_hold_card_numbers(value)


def test_pm2_a_long_run_without_a_card_number_passes_the_sieve() -> None:
    value = {"rule": "- - - - - - - - - - - -", "phone": "0478 000 000 00 00 0"}
    assert not list(find_card_numbers(value))
    assert not may_hold_card_numbers(value)


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
