"""IV-3: VAT per regime, rounded half up in minor units; worked examples written out."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

import pytest

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import AmountTooLarge, Money
from renewdesk.domain.vat import (
    EU_MEMBER_STATES,
    MENTIONS,
    Buyer,
    Category,
    Line,
    Regime,
    Seller,
    invoice_vat,
    regime,
)

FR = Seller("FR")
FRANCHISE = Seller("FR", franchise=True)
CONSUMER_FR = Buyer("FR")
BUSINESS_FR = Buyer("FR", business=True, vat_number_valid=True)  # SIREN and VAT number: same country
BUSINESS_DE = Buyer("DE", business=True, vat_number_valid=True)
BUSINESS_BE_UNCHECKED = Buyer("BE", business=True, vat_number_valid=False)
CONSUMER_IT = Buyer("IT")
BUSINESS_US = Buyer("US", business=True)
CONSUMER_CH = Buyer("CH")


def line(unit_price: int, rate: str, quantity: int = 1, key: str = "S1") -> Line:
    return Line(key, quantity, unit_price, Decimal(rate))


class Case(NamedTuple):
    seller: Seller
    buyer: Buyer
    incl: bool  # prices_include_vat
    currency: str
    lines: tuple[Line, ...]
    ht: int
    vat: int
    ttc: int
    mention: str | None


CASES = {
    # 29,90 € TTC at 20 %: 2990 × 100 / 120 = 2491,67 → 2492 HT; VAT 2990 − 2492 = 498
    "france_b2c_incl": Case(FR, CONSUMER_FR, True, "EUR", (line(2990, "20"),),
                            2492, 498, 2990, None),
    # 24,99 € HT at 20 %: 2499 × 0,2 = 499,8 → 500; TTC 2999
    "france_b2c_excl": Case(FR, CONSUMER_FR, False, "EUR", (line(2499, "20"),),
                            2499, 500, 2999, None),
    # a French business with its VAT number is still taxed: 2 × 15,00 € HT = 3000; VAT 600
    "france_b2b": Case(FR, BUSINESS_FR, False, "EUR", (line(1500, "20", quantity=2),),
                       3000, 600, 3600, None),
    # DE business, number checked valid: reverse charge, the 99,00 € charged is all HT
    "eu_business_reverse_charge": Case(FR, BUSINESS_DE, True, "EUR", (line(9900, "20"),),
                                       9900, 0, 9900, "reverse_charge"),
    # BE business whose number is not valid: French VAT; 5000 × 100 / 120 = 4166,67 → 4167
    "eu_business_without_valid_number": Case(FR, BUSINESS_BE_UNCHECKED, True, "EUR",
                                             (line(5000, "20"),), 4167, 833, 5000, None),
    # IT consumer: French VAT at the seller's rate (no OSS); 1000 × 0,2 = 200
    "eu_consumer": Case(FR, CONSUMER_IT, False, "EUR", (line(1000, "20"),),
                        1000, 200, 1200, None),
    # US business: no VAT, 120,00 € charged is HT (art. 259-1° CGI)
    "outside_eu_business": Case(FR, BUSINESS_US, True, "EUR", (line(12000, "20"),),
                                12000, 0, 12000, "outside_eu"),
    # CH consumer: no VAT either (art. 259 B CGI)
    "outside_eu_consumer": Case(FR, CONSUMER_CH, False, "EUR", (line(4500, "20"),),
                                4500, 0, 4500, "outside_eu_consumer"),
    # franchise: never VAT, whatever the rate entered: 30,00 € is HT and TTC
    "franchise": Case(FRANCHISE, CONSUMER_FR, True, "EUR", (line(3000, "20"),),
                      3000, 0, 3000, "franchise"),
    # franchise wins over reverse charge
    "franchise_eu_business": Case(FRANCHISE, BUSINESS_DE, False, "EUR", (line(3000, "20"),),
                                  3000, 0, 3000, "franchise"),
    # ¥1,000 TTC at 10 %: 1000 / 1,1 = 909,09 → 909; VAT 91 (909 × 0,1 = 90,9 → 91 too)
    "jpy_incl_10": Case(FR, CONSUMER_FR, True, "JPY", (line(1000, "10"),),
                        909, 91, 1000, None),
    # ¥1,000 TTC at 20 %: 1000 / 1,2 = 833,33 → 833; VAT 167 (833 × 0,2 = 166,6 → 167 too)
    "jpy_incl_20": Case(FR, CONSUMER_FR, True, "JPY", (line(1000, "20"),),
                        833, 167, 1000, None),
    # ¥1,000 HT at 10 %: VAT 100
    "jpy_excl_10": Case(FR, CONSUMER_FR, False, "JPY", (line(1000, "10"),),
                        1000, 100, 1100, None),
    # 1,00 € HT at 5,5 %: 100 × 0,055 = 5,5 → 6 (half up)
    "rate_5_5_half_up": Case(FR, CONSUMER_FR, False, "EUR", (line(100, "5.5"),),
                             100, 6, 106, None),
    # 19,99 € TTC at 5,5 %: 1999 / 1,055 = 1894,79 → 1895; VAT 104 (1895 × 0,055 = 104,2 → 104)
    "rate_5_5_incl": Case(FR, CONSUMER_FR, True, "EUR", (line(1999, "5.5"),),
                          1895, 104, 1999, None),
    # 5,00 € HT at 2,1 %: 500 × 0,021 = 10,5 → 11 (half up)
    "rate_2_1_half_up": Case(FR, CONSUMER_FR, False, "EUR", (line(500, "2.1"),),
                             500, 11, 511, None),
    # 5,11 € TTC at 2,1 %: 511 / 1,021 = 500,49 → 500; VAT 11
    "rate_2_1_incl": Case(FR, CONSUMER_FR, True, "EUR", (line(511, "2.1"),),
                          500, 11, 511, None),
    # 12,25 € HT at 10 %: 1225 × 0,1 = 122,5 → 123 (half up)
    "rate_10_half_up": Case(FR, CONSUMER_FR, False, "EUR", (line(1225, "10"),),
                            1225, 123, 1348, None),
    # a 0 % line: category Z, no VAT
    "rate_0": Case(FR, CONSUMER_FR, True, "EUR", (line(1500, "0"),), 1500, 0, 1500, None),
    # three 2,99 € HT lines at 20 %: per line 59,8 → 60 would make 180; per rate
    # 897 × 0,2 = 179,4 → 179
    "multi_line_excl_per_rate": Case(FR, CONSUMER_FR, False, "EUR",
                                     (line(299, "20", key="A"), line(299, "20", key="B"),
                                      line(299, "20", key="C")), 897, 179, 1076, None),
    # three 9,99 € TTC lines at 20 %: per line 832,5 → 833 would make 2499 HT; per rate
    # 2997 / 1,2 = 2497,5 → 2498 HT, VAT 2997 − 2498 = 499
    "multi_line_incl_per_rate": Case(FR, CONSUMER_FR, True, "EUR",
                                     (line(999, "20", key="A"), line(999, "20", key="B"),
                                      line(999, "20", key="C")), 2498, 499, 2997, None),
    # the 9,99 € case: 999 / 1,2 = 832,5 → 833 HT; VAT 999 − 833 = 166; TTC stays 9,99
    "nine_ninety_nine": Case(FR, CONSUMER_FR, True, "EUR", (line(999, "20"),),
                             833, 166, 999, None),
    # 1,23 € TTC at 20 %: 123 / 1,2 = 102,5 → 103 HT; VAT 20
    "incl_half_cent_base": Case(FR, CONSUMER_FR, True, "EUR", (line(123, "20"),),
                                103, 20, 123, None),
    # 20 %: 9,99 → 833 + 166; 5,5 %: 499 / 1,055 = 472,99 → 473 + 26; 0 %: 300 + 0
    # HT 833 + 473 + 300 = 1606; VAT 166 + 26 = 192; TTC 999 + 499 + 300 = 1798
    "mixed_rates_incl": Case(FR, CONSUMER_FR, True, "EUR",
                             (line(999, "20", key="A"), line(499, "5.5", key="B"),
                              line(300, "0", key="C")), 1606, 192, 1798, None),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_iv3_worked_examples(case: Case) -> None:
    result = invoice_vat(case.seller, case.buyer, case.lines, currency=case.currency,
                         prices_include_vat=case.incl)
    assert (result.total_excl, result.total_vat, result.total) == (
        Money(case.ht, case.currency), Money(case.vat, case.currency),
        Money(case.ttc, case.currency))
    assert result.mention == case.mention


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_iv3_examples_meet_the_en16931_sums(case: Case) -> None:
    """BR-S-08 and the like: a rate's lines add up to its base; BR-CO-14, BR-CO-15: totals."""
    result = invoice_vat(case.seller, case.buyer, case.lines, currency=case.currency,
                         prices_include_vat=case.incl)
    for part in result.breakdown:
        nets = [ln.net.minor for ln in result.lines
                if (ln.category, ln.rate) == (part.category, part.rate)]
        assert sum(nets) == part.base.minor
        assert abs(part.vat.minor - _rounded(part.base.minor * part.rate / 100)) <= 1
    assert sum(part.base.minor for part in result.breakdown) == result.total_excl.minor
    assert sum(part.vat.minor for part in result.breakdown) == result.total_vat.minor
    assert result.total_excl.minor + result.total_vat.minor == result.total.minor


def test_iv3_incl_lines_share_the_rates_base_by_cumulative_rounding() -> None:
    case = CASES["multi_line_incl_per_rate"]
    result = invoice_vat(FR, CONSUMER_FR, case.lines, currency="EUR", prices_include_vat=True)
    # 999 / 1,2 = 832,5 → 833; 1998 / 1,2 = 1665 → 1665 − 833 = 832; 2997 / 1,2 = 2497,5 → 2498 − 1665
    assert [ln.net.minor for ln in result.lines] == [833, 832, 833]
    assert [ln.unit_price_excl.minor for ln in result.lines] == [833, 833, 833]


def test_iv3_breakdown_per_rate_and_category() -> None:
    case = CASES["mixed_rates_incl"]
    result = invoice_vat(FR, CONSUMER_FR, case.lines, currency="EUR", prices_include_vat=True)
    assert [(p.category, p.rate, p.base.minor, p.vat.minor) for p in result.breakdown] == [
        (Category.STANDARD, Decimal("20"), 833, 166),
        (Category.STANDARD, Decimal("5.5"), 473, 26),
        (Category.ZERO, Decimal("0"), 300, 0),
    ]
    assert [ln.category for ln in result.lines] == [Category.STANDARD, Category.STANDARD,
                                                    Category.ZERO]


@pytest.mark.parametrize(("buyer", "seller", "category", "expected"), [
    (BUSINESS_DE, FR, Category.REVERSE_CHARGE, Regime.REVERSE_CHARGE),
    (BUSINESS_US, FR, Category.EXPORT, Regime.OUTSIDE_EU),
    (CONSUMER_FR, FRANCHISE, Category.EXEMPT, Regime.FRANCHISE),
])
def test_iv3_no_vat_regimes_apply_rate_zero_in_their_category(
        buyer: Buyer, seller: Seller, category: Category, expected: Regime) -> None:
    result = invoice_vat(seller, buyer, (line(999, "20"), line(500, "5.5", key="S2")),
                         currency="EUR", prices_include_vat=True)
    assert result.regime is expected
    assert {(ln.category, ln.rate) for ln in result.lines} == {(category, Decimal(0))}
    assert [(p.base.minor, p.vat.minor) for p in result.breakdown] == [(1499, 0)]


@pytest.mark.parametrize(("seller", "buyer", "expected"), [
    (FR, Buyer("MC"), Regime.VAT),  # Monaco is in the French VAT territory
    (FR, Buyer("MC", business=True, vat_number_valid=True), Regime.VAT),
    (FR, BUSINESS_FR, Regime.VAT),
    (FR, Buyer("GR", business=True, vat_number_valid=True), Regime.REVERSE_CHARGE),
    (FR, Buyer("GB", business=True, vat_number_valid=True), Regime.OUTSIDE_EU),
    (FR, Buyer("DE", business=False, vat_number_valid=True), Regime.VAT),
    (FRANCHISE, BUSINESS_US, Regime.FRANCHISE),
])
def test_iv3_regime_is_decided_once_for_the_invoice(seller: Seller, buyer: Buyer,
                                                     expected: Regime) -> None:
    assert regime(seller, buyer) is expected


def test_iv3_eu_member_states_are_the_27() -> None:
    assert len(EU_MEMBER_STATES) == 27
    assert "GB" not in EU_MEMBER_STATES and "GR" in EU_MEMBER_STATES


def test_iv3_legal_mentions() -> None:
    assert MENTIONS["reverse_charge"] == "Autoliquidation"
    assert MENTIONS["franchise"] == "TVA non applicable, art. 293 B du CGI"


RATES = ("20", "10", "8.5", "5.5", "2.1", "13", "21", "27")


@pytest.mark.parametrize("rate", RATES)
def test_iv3_incl_keeps_the_amount_charged_and_br_co_17_within_one_minor_unit(rate: str) -> None:
    """Every total of 0,00 € to 30,00 €: TTC unchanged; VAT off base × rate by at most 1 cent,
    and only for totals that no whole base reaches (where a strict rule could never hold)."""
    r = Decimal(rate)
    reachable = {b + _rounded(b * r / 100) for b in range(3001)}
    for charged in range(3001):
        result = invoice_vat(FR, CONSUMER_FR, (line(charged, rate),), currency="EUR",
                             prices_include_vat=True)
        base, vat = result.total_excl.minor, result.total_vat.minor
        assert result.total.minor == charged
        strict = _rounded(base * r / 100)
        assert abs(vat - strict) <= 1
        assert (vat == strict) == (charged in reachable), charged


@pytest.mark.parametrize("rate", RATES)
def test_iv3_excl_vat_is_base_times_rate_rounded_half_up(rate: str) -> None:
    r = Decimal(rate)
    for base in range(3001):
        result = invoice_vat(FR, CONSUMER_FR, (line(base, rate),), currency="EUR",
                             prices_include_vat=False)
        assert result.total_vat.minor == _rounded(base * r / 100)


def test_iv3_is_pure() -> None:
    case = CASES["mixed_rates_incl"]
    first = invoice_vat(FR, CONSUMER_FR, case.lines, currency="EUR", prices_include_vat=True)
    again = invoice_vat(FR, CONSUMER_FR, case.lines, currency="EUR", prices_include_vat=True)
    assert first == again


@pytest.mark.parametrize(("lines", "code", "field"), [
    ((Line("S1", -1, 100, Decimal("20")),), "must_not_be_negative", "lines[0].quantity"),
    ((line(100, "20"), Line("S2", 1, -5, Decimal("20"))), "must_not_be_negative",
     "lines[1].unit_price"),
    ((line(100, "-1"),), "out_of_range", "lines[0].vat_rate"),
    ((line(100, "100.01"),), "out_of_range", "lines[0].vat_rate"),
    ((line(100, "NaN"),), "out_of_range", "lines[0].vat_rate"),
])
def test_iv3_bad_lines_are_refused(lines: tuple[Line, ...], code: str, field: str) -> None:
    with pytest.raises(InputError) as refused:
        invoice_vat(FR, CONSUMER_FR, lines, currency="EUR", prices_include_vat=True)
    assert (refused.value.code, refused.value.values["field"]) == (code, field)


@pytest.mark.parametrize("country", ["fr", "FRA", "F", "EL", "ZZ", "EU", ""])
def test_iv3_a_country_that_is_not_an_iso_code_is_refused(country: str) -> None:
    with pytest.raises(InputError) as refused:
        invoice_vat(FR, Buyer(country), (line(100, "20"),), currency="EUR",
                    prices_include_vat=True)
    assert refused.value.code == "unknown_country"
    assert "FR" in refused.value.words("fr") and "ISO 3166" in refused.value.words("en")


def test_iv3_amount_no_database_stores_is_refused() -> None:
    with pytest.raises(AmountTooLarge):
        invoice_vat(FR, CONSUMER_FR, (line(2**30, "20", quantity=2),), currency="EUR",
                    prices_include_vat=True)
    with pytest.raises(AmountTooLarge):
        invoice_vat(FR, CONSUMER_FR, (line(2**31 - 1, "20"),), currency="EUR",
                    prices_include_vat=False)


def _rounded(amount: Decimal) -> int:
    """The checks' reference: Decimal's ROUND_HALF_UP, independent of the module's integers."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
