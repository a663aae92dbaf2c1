"""How a setting's value reads (HM-3): `replace_only` is "Replace only, never remove", a yes/no
is yes or no, a number of days has its unit, an amount its currency, the nightly run a time.

Settings are stored as codes and typed as codes (`renewdesk settings name=value`); what a person
reads is made here, in French or English, for the command line's listing and the window's
choices (their combo boxes show these words and keep the codes). Imports nothing above the
domain; babel and `Money` only when a value is put in words, since the command line's parser
names the choices (`settings --help`) before the window shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from decimal import Decimal, InvalidOperation

from renewdesk.domain.errors import InputError

LANGUAGES = ("fr", "en")
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

# The settings whose value is one of a few codes: each code's words, by language.
VALUE_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "payment_method_removal": {
        "replace_only": {"en": "Replace only, never remove",
                         "fr": "Remplacer seulement, ne jamais retirer"},
        "unless_needed": {"en": "Remove, unless it is the last valid method something relies "
                                "on",
                          "fr": "Retirer, sauf s'il est le dernier moyen valide dont quelque "
                                "chose dépend"},
        "allow": {"en": "Always allow removing", "fr": "Toujours permettre de retirer"},
    },
    "seller_language": {
        "fr": {"en": "French", "fr": "Français"},
        "en": {"en": "English", "fr": "Anglais"},
    },
    "payment_processor": {
        "sandbox": {"en": "Sandbox: no real money", "fr": "Bac à sable : pas d'argent réel"},
        "stripe": {"en": "Stripe", "fr": "Stripe"},
    },
    "pay_pages": {
        "ours": {"en": "renewdesk's pages (serve-links at a public address)",
                 "fr": "les pages de renewdesk (serve-links à une adresse publique)"},
        "processor": {"en": "Stripe's hosted page (no server needed)",
                      "fr": "la page hébergée de Stripe (aucun serveur nécessaire)"},
    },
}
YES_NO = frozenset({"fallback_to_other_methods", "dispute_suspends", "prices_include_vat",
                    "vat_franchise", "smtp_starttls"})
DAYS = frozenset({"notice_days", "charge_days", "min_notice_days", "plan_confirm_days",
                  "link_valid_days", "consumer_notice_days"})
DAY_LISTS = frozenset({"renewal_retry_days", "installment_retry_days"})
# Major units, charged in the currency of the service (reactivation) or the order (installment).
AMOUNTS = {"reactivation_fee": "service", "min_installment": "order"}

_WORDS: dict[str, dict[str, str]] = {
    "en": {"yes": "yes", "no": "no", "day": "{n} day", "days": "{n} days", "and": " and ",
           "none": "none", "not_set": "(not set)", "day_of_month": "on the {n} of each month",
           "at": "every day at {time}", "backups": "the last {n} backups",
           "backup": "the last backup only",
           "each_service": "in each service's currency",
           "each_order": "in each order's currency",
           "percent": "{n}%", "by_mode": "by mode (25/s test, 100/s live)",
           "automatic": "automatic (as the rate limit needs)", "per_second": "{n} per second",
           "at_once": "{n} at once"},
    "fr": {"yes": "oui", "no": "non", "day": "{n} jour", "days": "{n} jours", "and": " et ",
           "none": "aucun", "not_set": "(non renseigné)", "day_of_month": "le {n} de chaque mois",
           "at": "chaque jour à {time}", "backups": "les {n} dernières sauvegardes",
           "backup": "la dernière sauvegarde seulement",
           "each_service": "dans la devise de chaque service",
           "each_order": "dans la devise de chaque commande",
           "percent": "{n}\u202f%", "by_mode": "selon le mode (25/s en test, 100/s en réel)",
           "automatic": "automatique (selon la limite de débit)",
           "per_second": "{n} par seconde", "at_once": "{n} à la fois"},
}
_ORDINAL_EN = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def choice_words(name: str, code: str, language: str) -> str:
    """A coded value's words (the code itself for one without words)."""
    return VALUE_WORDS.get(name, {}).get(code, {}).get(_language(language), code)


def days(count: int, language: str) -> str:
    said = _WORDS[_language(language)]
    return said["day" if count == 1 else "days"].format(n=count)


def currency_words(name: str, currencies: Sequence[str], language: str) -> str:
    """The currency an amount setting is in: the portfolio's one, else whose currency it is
    ("in each order's currency")."""
    if len(currencies) == 1:
        return currencies[0]
    return _WORDS[_language(language)][f"each_{AMOUNTS.get(name, 'order')}"]


def amount_text(name: str, value: str, language: str, currencies: Sequence[str] = ()) -> str:
    """An amount kept in major units of whatever currency it is charged in: as money when the
    portfolio has only one currency, else the number and whose currency it is."""
    from babel.numbers import format_decimal

    from renewdesk.domain.money import Money

    language = _language(language)
    if len(currencies) == 1:
        amount = Money.parse(value, currencies[0], field=name)
        return amount.format("fr_FR") if language == "fr" else str(amount)
    number = format_decimal(Decimal(value), format="#,##0.00", locale=_LOCALES[language])
    return f"{number} {currency_words(name, currencies, language)}"


def setting_text(name: str, value: str, language: str,
                 currencies: Sequence[str] = ()) -> str:
    """`value`, as it is stored, in words; `currencies`: those the portfolio charges in, for
    the amounts. A value that does not read as its kind is shown as it is."""
    language = _language(language)
    said = _WORDS[language]
    try:
        if name in VALUE_WORDS:
            return choice_words(name, value, language)
        if name in YES_NO:
            return said["yes" if value.lower() in ("true", "1", "yes", "on") else "no"]
        if name in DAYS:
            return days(int(value), language)
        if name in DAY_LISTS:
            numbers = [int(part) for part in value.split(",") if part.strip()]
            if not numbers:
                return said["none"]
            listed = ", ".join(map(str, numbers[:-1]))
            last = days(numbers[-1], language)
            return f"{listed}{said['and']}{last}" if listed else last
        if name in AMOUNTS:
            return amount_text(name, value, language, currencies)
        return _other(name, value, language)
    except (ValueError, InvalidOperation, InputError):  # kept before it was checked as it is now
        return value


def _other(name: str, value: str, language: str) -> str:
    from babel import Locale
    from babel.dates import format_time
    from babel.numbers import format_decimal

    said = _WORDS[language]
    if name == "card_expiring_day":
        day = int(value)
        suffix = _ORDINAL_EN.get(day, "th") if language == "en" else ("er" if day == 1 else "")
        return said["day_of_month"].format(n=f"{day}{suffix}")
    if name == "nightly_time":
        hours, _colon, minutes = value.partition(":")
        shown = format_time(time(int(hours), int(minutes)), "short", locale=_LOCALES[language])
        return said["at"].format(time=shown)
    if name == "backup_keep":
        count = int(value)
        return said["backup"] if count == 1 else said["backups"].format(n=count)
    if name == "default_vat_rate":
        number = format_decimal(Decimal(value), locale=_LOCALES[language])
        return said["percent"].format(n=number)
    if name == "processor_rate_limit":
        return said["by_mode"] if int(value) == 0 else said["per_second"].format(n=int(value))
    if name == "processor_concurrency":
        return said["automatic"] if int(value) == 0 else said["at_once"].format(n=int(value))
    if name == "seller_country" and value:
        return str(Locale(language).territories.get(value.upper(), value))
    return value if value else said["not_set"]
