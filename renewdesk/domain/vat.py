"""IV-3: the VAT of an invoice, decided once from the seller, the buyer and the lines.

Regimes (`regime()`), in this order:
- the seller is under the franchise: never VAT (category E), "TVA non applicable, art. 293 B du
  CGI";
- the buyer is outside the EU (and outside the seller's VAT territory): no VAT (category G);
- a business in another EU country whose VAT number was checked valid: reverse charge, no VAT
  (category AE), "Autoliquidation";
- anyone else (a buyer in the seller's country, a business without a valid number, a consumer
  anywhere in the EU): the seller's VAT at each line's rate (S, or Z for a 0 % line). A consumer
  elsewhere in the EU is taxed at the seller's rate: the OSS (the consumer's country's rate past
  10 000 € a year of such sales) is not in scope.
Monaco is in the French VAT territory, so a buyer there is treated as one in France.

Rounding, in minor units, half up, on integers (never a float, nothing depending on a Decimal
context's precision), for each rate of the invoice:
- prices excluding VAT: a line's net is quantity × unit price; the rate's base is the sum of its
  lines' nets; its VAT is base × rate / 100 rounded half up (exactly EN 16931's BR-CO-17);
- prices including VAT: the amount charged never changes. The rate's total (TTC) is the sum of
  quantity × unit price; its base is TTC × 100 / (100 + rate) rounded half up; its VAT is
  TTC − base. Lines get the base by cumulative rounding (a line's net is the rounded base of the
  lines so far, itself included, less that of the lines before it), so they add up to the base
  exactly (BR-S-08). VAT then differs from base × rate / 100 rounded by at most one minor unit,
  and only for totals that no whole base can give (9,99 € at 20 %: base 8,33 gives 10,00, 8,32
  gives 9,98); the checks Factur-X ships allow ±1 (docs/vat.md).
- without VAT (franchise, outside the EU, reverse charge, a 0 % rate) the price entered is the
  net, whichever way prices are entered: what the customer pays does not change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache

from babel.core import get_global

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import MAX_MINOR, AmountTooLarge, Money, check_currency

# The 27 member states in 2026, by ISO 3166 code (Greece is GR here, EL only in VAT numbers).
EU_MEMBER_STATES = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
# Countries whose VAT territory is another's: Monaco's is France's (Franco-Monegasque convention).
_VAT_TERRITORY = {"MC": "FR"}
_ALPHA2 = re.compile(r"[A-Z]{2}")
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


class Regime(StrEnum):
    VAT = "vat"
    REVERSE_CHARGE = "reverse_charge"
    OUTSIDE_EU = "outside_eu"
    FRANCHISE = "franchise"


class Category(StrEnum):
    """EN 16931 VAT category (UNCL 5305), BT-151 on a line and BT-118 in the breakdown."""

    STANDARD = "S"
    ZERO = "Z"
    REVERSE_CHARGE = "AE"
    EXPORT = "G"
    EXEMPT = "E"


# The invoice's legal mention (BT-120, the exemption reason text), by mention code. The layout
# prints these French words whatever the buyer's language: they are the law's.
MENTIONS = {
    "reverse_charge": "Autoliquidation",
    "outside_eu": "TVA non applicable, art. 259-1° du CGI",
    "outside_eu_consumer": "TVA non applicable, art. 259 B du CGI",
    "franchise": "TVA non applicable, art. 293 B du CGI",
}
# The exemption reason code (BT-121, the CEN VATEX list), by mention code.
EXEMPTION_CODES = {
    "reverse_charge": "VATEX-EU-AE",
    "outside_eu": "VATEX-EU-G",
    "outside_eu_consumer": "VATEX-EU-G",
    "franchise": "VATEX-FR-FRANCHISE",
}


@dataclass(frozen=True)
class Seller:
    country: str  # ISO 3166 alpha-2
    franchise: bool = False  # art. 293 B du CGI (`vat_franchise`)


@dataclass(frozen=True)
class Buyer:
    country: str  # ISO 3166 alpha-2
    business: bool = False
    vat_number_valid: bool = False  # has a VAT number that was checked valid (elsewhere)


@dataclass(frozen=True)
class Line:
    key: str  # the service's ref or the line's description
    quantity: int
    unit_price: int  # minor units, as entered (including or excluding VAT)
    vat_rate: Decimal  # percent: Decimal("20"), Decimal("5.5")


@dataclass(frozen=True)
class LineVat:
    key: str
    quantity: int
    unit_price_excl: Money  # for display: the entered price without VAT, rounded half up
    net: Money  # the line's total excluding VAT (BT-131); the lines of a rate add up to its base
    rate: Decimal  # the rate applied: 0 when the regime charges none
    category: Category


@dataclass(frozen=True)
class RateVat:
    category: Category
    rate: Decimal
    base: Money  # BT-116
    vat: Money  # BT-117


@dataclass(frozen=True)
class InvoiceVat:
    regime: Regime
    mention: str | None  # a key of MENTIONS, None under the seller's VAT
    lines: tuple[LineVat, ...]
    breakdown: tuple[RateVat, ...]  # highest rate first
    total_excl: Money
    total_vat: Money
    total: Money


def regime(seller: Seller, buyer: Buyer) -> Regime:
    """IV-3: which VAT the invoice carries; one answer for all its lines."""
    home = _territory(_country(seller.country, "seller.country"))
    there = _territory(_country(buyer.country, "buyer.country"))
    if seller.franchise:
        return Regime.FRANCHISE
    if there == home:
        return Regime.VAT
    if there not in EU_MEMBER_STATES:
        return Regime.OUTSIDE_EU
    if buyer.business and buyer.vat_number_valid:
        return Regime.REVERSE_CHARGE
    return Regime.VAT


def invoice_vat(seller: Seller, buyer: Buyer, lines: Sequence[Line], *, currency: str,
                prices_include_vat: bool) -> InvoiceVat:
    """IV-3: each line's net, the base and VAT per rate, and the totals, rounded as the module
    says. InputError for a negative quantity or price, a rate outside 0–100 or a country that is
    not one; AmountTooLarge for a total no database stores."""
    check_currency(currency)
    decided = regime(seller, buyer)
    charged = [_checked(line, index, currency) for index, line in enumerate(lines)]
    groups: dict[tuple[Category, Decimal], list[int]] = {}
    for index, line in enumerate(lines):
        groups.setdefault(_category(decided, line.vat_rate), []).append(index)

    nets = [0] * len(lines)
    breakdown = []
    for (category, rate), members in groups.items():
        amounts = [charged[index] for index in members]
        include = prices_include_vat and category is Category.STANDARD
        base = _excl(sum(amounts), rate) if include else sum(amounts)
        vat = sum(amounts) - base if include else _vat(base, rate)
        before, so_far = 0, 0
        for index, amount in zip(members, amounts, strict=True):
            so_far += amount
            upto = _excl(so_far, rate) if include else so_far
            nets[index], before = upto - before, upto
        breakdown.append(RateVat(category, rate, Money(base, currency), Money(vat, currency)))

    total_excl = sum(part.base.minor for part in breakdown)
    total_vat = sum(part.vat.minor for part in breakdown)
    if total_excl + total_vat > MAX_MINOR:
        raise AmountTooLarge(total_excl + total_vat, currency)
    return InvoiceVat(
        regime=decided,
        mention=_mention(decided, buyer),
        lines=tuple(
            LineVat(line.key, line.quantity,
                    Money(_excl(line.unit_price, rate) if prices_include_vat else line.unit_price,
                          currency),
                    Money(net, currency), rate, category)
            for line, net, (category, rate) in zip(
                lines, nets, (_category(decided, line.vat_rate) for line in lines), strict=True)),
        breakdown=tuple(sorted(breakdown, key=lambda part: (-part.rate, part.category))),
        total_excl=Money(total_excl, currency),
        total_vat=Money(total_vat, currency),
        total=Money(total_excl + total_vat, currency),
    )


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, both non-negative (ROUND_HALF_UP, exactly)."""
    return (2 * numerator + denominator) // (2 * denominator)


def _vat(base: int, rate: Decimal) -> int:
    """base × rate / 100, rounded half up (BR-CO-17)."""
    p, q = rate.as_integer_ratio()
    return _half_up(base * p, 100 * q)


def _excl(including: int, rate: Decimal) -> int:
    """including × 100 / (100 + rate), rounded half up: the amount without VAT."""
    p, q = rate.as_integer_ratio()
    return _half_up(including * 100 * q, 100 * q + p)


def _category(decided: Regime, rate: Decimal) -> tuple[Category, Decimal]:
    if decided is Regime.FRANCHISE:
        return Category.EXEMPT, Decimal(0)
    if decided is Regime.OUTSIDE_EU:
        return Category.EXPORT, Decimal(0)
    if decided is Regime.REVERSE_CHARGE:
        return Category.REVERSE_CHARGE, Decimal(0)
    return (Category.ZERO if rate == 0 else Category.STANDARD), rate


def _mention(decided: Regime, buyer: Buyer) -> str | None:
    if decided is Regime.VAT:
        return None
    if decided is Regime.OUTSIDE_EU and not buyer.business:
        return "outside_eu_consumer"
    return decided.value


def _checked(line: Line, index: int, currency: str) -> int:
    """The line's amount as entered (quantity × unit price), once its values are checked."""
    where = f"lines[{index}]"
    if not isinstance(line.vat_rate, Decimal):
        raise TypeError("Line.vat_rate must be a Decimal percent")
    if not line.vat_rate.is_finite() or not 0 <= line.vat_rate <= 100:
        raise InputError("out_of_range", field=f"{where}.vat_rate", given=line.vat_rate,
                         low=0, high=100)
    for name, value in (("quantity", line.quantity), ("unit_price", line.unit_price)):
        if value < 0:
            raise InputError("must_not_be_negative", field=f"{where}.{name}")
    return Money(line.unit_price, currency).times(line.quantity).minor


@cache
def _countries() -> frozenset[str]:
    """ISO 3166 alpha-2 codes of territories (CLDR, via Babel), without its groupings."""
    return frozenset(code for code in get_global("territory_currencies")
                     if _ALPHA2.fullmatch(code)) - _NOT_COUNTRIES


def _country(code: str, field: str) -> str:
    if not isinstance(code, str) or code not in _countries():
        raise InputError("unknown_country", field=field, given=code)
    return code


def _territory(country: str) -> str:
    return _VAT_TERRITORY.get(country, country)
