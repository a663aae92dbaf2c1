"""PM-2, PM-3, PM-7: what may be stored of a card, when a method is valid, when it is flagged."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from renewdesk.domain.dates import add_months, last_day_of_month

# 13 to 19 digits, spaces or dashes allowed between them.
_CANDIDATE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
# Digits, spaces and dashes long enough to hold a candidate: a cheaper first look.
_DIGIT_RUN = re.compile(r"\d[\d -]{11,}\d")
_ASCII_DIGIT_RUN = re.compile(r"[0-9][0-9 -]{11,}[0-9]")  # the same, faster, on ASCII text


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        n = int(char)
        if index % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def contains_card_number(text: str) -> bool:
    """PM-2: does the text hold something that looks like a card number (13-19 digits, Luhn)?

    A run of digits counts as a whole; where it is written in groups (fours, with spaces or
    dashes), any span of whole groups counts too, so neighbouring numbers cannot hide one.
    """
    for match in _CANDIDATE.finditer(text):
        groups = re.split(r"[ -]", match.group())
        for first in range(len(groups)):
            for last in range(first, len(groups)):
                digits = "".join(groups[first : last + 1])
                if 13 <= len(digits) <= 19 and luhn_valid(digits):
                    return True
    return False


def find_card_numbers(value: object, path: str = "") -> Iterator[str]:
    """Paths (e.g. `customers[0].address`) of every value in a JSON tree that holds a card number."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from find_card_numbers(key, f"{path}.<key>" if path else "<key>")
            yield from find_card_numbers(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from find_card_numbers(item, f"{path}[{index}]")
    elif (isinstance(value, str | int) and not isinstance(value, bool)
          and contains_card_number(str(value))):
        yield path or "value"


def may_hold_card_numbers(value: object) -> bool:
    """A quick sieve before `find_card_numbers` on a large JSON tree (issue 6: walking every
    value of 100,000 services took longer than importing them). The tree's `repr` holds every
    text and number of it, with each run of digits, spaces and dashes whole (repr escapes none
    of them; what it adds, quotes, commas, escapes, either breaks a run or only adds digits);
    so when that text holds no card number, no value does. A True may be wrong (an escape's
    digits, a float): the walk then says where, or that nothing is there."""
    text = repr(value)
    if not text.isascii():
        return _any_card_number(_DIGIT_RUN.findall(text))
    # Digits, spaces and dashes as `d`, all else as `.`: is there any run long enough? A plain
    # substring search over bytes, many times faster than the pattern over the whole text.
    if _RUN_LONG_ENOUGH not in text.encode("ascii").translate(_RUN_BYTES):
        return False
    return _any_card_number(_ASCII_DIGIT_RUN.findall(text))


_RUN_BYTES = bytes(ord("d") if chr(b) in "0123456789 -" else ord(".") for b in range(256))
_RUN_LONG_ENOUGH = b"d" * 13  # the shortest run `_ASCII_DIGIT_RUN` matches


def _any_card_number(runs: list[str]) -> bool:
    return any(contains_card_number(run) for run in runs)


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


def never_a_card_number(make: Callable[[], str]) -> str:
    """A random value the app writes (a link token, an idempotency key, a charge id), drawn
    again until nothing in it reads as a card number: PM-2 would otherwise refuse the app's own
    export when it is imported again (about one 32-digit hex token in 300 holds a Luhn-valid
    run of 13 digits or more)."""
    while True:
        value = make()
        if not contains_card_number(value):
            return value
