"""Money and dates as the customer reads them (MO-1: `1 234,56 €` in French)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from renewdesk.domain.money import Money
from renewdesk.notify.templates import language_for


def money(amount: Money, language: str) -> str:
    return amount.format(language_for(language))


def day(value: date, language: str) -> str:
    return str(format_date(value, format="long", locale=language_for(language)))


def month(year: int, month_number: int, language: str) -> str:
    return str(format_date(date(year, month_number, 1), format="MMMM y",
                           locale=language_for(language)))
