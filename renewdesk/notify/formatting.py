"""Money and dates as the customer reads them (MO-1: `1 234,56 €` in French)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date

from renewdesk.domain.money import Money
from renewdesk.notify.templates import language_for


class MoneyText(str):
    """An amount as a reader reads it, which still knows the amount it says: the e-mail that
    lists several items (HM-2) adds them up from what each item's e-mail was given."""

    amount: Money
    language: str

    def __new__(cls, amount: Money, language: str) -> MoneyText:
        made = super().__new__(cls, _money_words(amount.minor, amount.currency,
                                                 language_for(language)))
        made.amount, made.language = amount, language
        return made

    def __getnewargs__(self) -> tuple[Money, str]:  # type: ignore[override]
        return self.amount, self.language


def money(amount: Money, language: str) -> str:
    return MoneyText(amount, language)


def day(value: date, language: str) -> str:
    return _day_words(value, language_for(language))


# Babel's words, kept: a busy night's messages name a few amounts and dates thousands of times.
@lru_cache(maxsize=4096)
def _money_words(minor: int, currency: str, language: str) -> str:
    return Money(minor, currency).format(language)


@lru_cache(maxsize=1024)
def _day_words(value: date, language: str) -> str:
    return str(format_date(value, format="long", locale=language))


def month(year: int, month_number: int, language: str) -> str:
    return str(format_date(date(year, month_number, 1), format="MMMM y",
                           locale=language_for(language)))
