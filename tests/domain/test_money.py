"""MO-1: integer minor units with their currency; never floats; shown per locale."""

from __future__ import annotations

import pytest

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money


def test_mo1_parse_reads_minor_units_exactly() -> None:
    assert Money.parse("12.00", "EUR") == Money(1200, "EUR")
    assert Money.parse("0.10", "EUR").minor + Money.parse("0.20", "EUR").minor == 30


def test_mo1_currency_exponent_follows_iso_4217() -> None:
    assert Money.parse("1500", "JPY") == Money(1500, "JPY")
    with pytest.raises(InputError, match="decimal places"):
        Money.parse("15.5", "JPY")


def test_mo1_floats_and_extra_digits_are_refused() -> None:
    with pytest.raises(InputError, match="decimal strings"):
        Money.parse(12.0, "EUR")
    with pytest.raises(InputError, match="more than 2 decimal places"):
        Money.parse("12.005", "EUR")
    with pytest.raises(TypeError):
        Money(12.5, "EUR")  # type: ignore[arg-type]


def test_mo1_unknown_currency_is_refused() -> None:
    with pytest.raises(InputError, match="unknown currency"):
        Money.parse("1.00", "EURO")


def test_mo1_mixing_currencies_is_an_error() -> None:
    with pytest.raises(ValueError, match="cannot mix"):
        _ = Money(1, "EUR") + Money(1, "USD")


def test_mo1_shown_per_locale() -> None:
    amount = Money(123456, "EUR")
    french = amount.format("fr").replace("\u202f", " ").replace("\xa0", " ")
    assert french == "1 234,56 €"
    assert amount.format("en") == "€1,234.56"
    assert amount.text() == "1234.56"
