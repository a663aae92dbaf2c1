"""MO-1: an amount computed by multiplying is checked against the largest one every database
stores (PostgreSQL's INTEGER), as an amount read from text is."""

from __future__ import annotations

import pytest

from renewdesk.domain.money import MAX_MINOR, AmountTooLarge, Money


def test_mo1_times_up_to_the_largest_stored_amount_and_not_one_minor_unit_past() -> None:
    assert Money(1, "EUR").times(MAX_MINOR) == Money.largest("EUR")
    with pytest.raises(AmountTooLarge) as refused:
        Money(1, "EUR").times(MAX_MINOR + 1)
    assert (refused.value.minor, refused.value.currency) == (MAX_MINOR + 1, "EUR")
    assert str(refused.value) == ("21474836.48 EUR is more than the largest amount stored "
                                  "(21474836.47 EUR)")


def test_mo1_times_past_the_largest_amount_in_a_currency_without_decimals() -> None:
    with pytest.raises(AmountTooLarge, match=r"^3000000000 JPY .* \(2147483647 JPY\)$"):
        Money(3, "JPY").times(1_000_000_000)
