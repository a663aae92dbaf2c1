"""MO-1: amounts are integers in the currency's minor unit, with their currency; never floats.

One constructor from text (`Money.parse`), one from minor units; formatting per locale through
Babel. `Decimal` is only used to read and print decimal text, never to hold a stored amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel.numbers import format_currency, get_currency_precision, list_currencies

from renewdesk.domain.errors import InputError

_KNOWN_CURRENCIES = frozenset(list_currencies())  # ISO 4217, from CLDR via Babel
# What EXCHANGE.md calls a decimal string: digits, a point and digits; no exponent, no "_".
_DECIMAL = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")
# The largest amount in minor units every database stores: PostgreSQL's INTEGER (SQLite's holds
# more, but one file must get one answer on both).
MAX_MINOR = 2**31 - 1


class AmountTooLarge(OverflowError):
    """MO-1: a computed amount past MAX_MINOR, which PostgreSQL would refuse to store (and SQLite
    would keep, for a copy to PostgreSQL to fail on)."""

    def __init__(self, minor: int, currency: str) -> None:
        self.minor, self.currency = minor, currency
        super().__init__(f"{Decimal(minor).scaleb(-currency_exponent(currency))} {currency} is "
                         f"more than the largest amount stored ({Money.largest(currency)})")


@cache
def currency_exponent(currency: str) -> int:
    """ISO 4217 minor-unit exponent: EUR 2, JPY 0."""
    return int(get_currency_precision(currency))


def check_currency(currency: object) -> str:
    if not isinstance(currency, str) or currency not in _KNOWN_CURRENCIES:
        raise InputError("unknown_currency", currency=currency)
    return currency


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int of minor units")
        check_currency(self.currency)

    @classmethod
    def largest(cls, currency: str) -> Money:
        return cls(MAX_MINOR, currency)

    @classmethod
    def parse(cls, text: object, currency: str, *, field: str = "amount") -> Money:
        """Read a decimal string in major units ("12.00") exactly; refuse floats and excess digits."""
        check_currency(currency)
        if not isinstance(text, str):
            raise InputError("amount_not_text", field=field, given=text)
        digits = text.strip()
        match = _DECIMAL.fullmatch(digits) if len(digits) <= 40 else None
        if match is None:
            raise InputError("amount_not_decimal", field=field, given=text[:40])
        sign, whole, fraction = match.groups(default="")
        exp = currency_exponent(currency)
        if fraction[exp:].strip("0"):  # "12.001" in EUR; "12.000" is 12.00
            raise InputError("amount_too_precise", field=field, given=text, places=exp,
                             currency=currency)
        minor = int(whole + fraction[:exp].ljust(exp, "0"))  # exact: whole digits, no float
        if minor > MAX_MINOR:
            raise InputError("amount_too_large", field=field, given=text,
                             largest=cls.largest(currency))
        return cls(-minor if sign else minor, currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def times(self, quantity: int) -> Money:
        """This amount `quantity` times; AmountTooLarge rather than an amount no database stores."""
        minor = self.minor * quantity
        if abs(minor) > MAX_MINOR:
            raise AmountTooLarge(minor, self.currency)
        return Money(minor, self.currency)

    def to_decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-currency_exponent(self.currency))

    def text(self) -> str:
        """Exchange-file form: major units with the currency's decimals ("12.00")."""
        exp = currency_exponent(self.currency)
        return f"{self.to_decimal():.{exp}f}"

    def format(self, locale: str) -> str:
        """Per locale: `1 234,56 €` in French, `€1,234.56` in English."""
        return str(format_currency(self.to_decimal(), self.currency, locale=locale))

    def __str__(self) -> str:
        return f"{self.text()} {self.currency}"
