"""IV-1, IV-3: the seller's and the buyers' identifiers, countries and VAT rates, checked in one
place; refusals name the problem in both languages and never repeat a card number (PM-2)."""

from __future__ import annotations

import pytest
from stdnum import luhn

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import words
from renewdesk.domain.sensitive import sensitive_kind

SIREN = "732829320"
VAT = "FR44732829320"  # that SIREN's French VAT number


def refused(check: object, *args: object) -> InputError:
    with pytest.raises(InputError) as caught:
        check(*args)  # type: ignore[operator]
    return caught.value


def test_iv1_a_siren_and_a_siret_are_kept_compact_and_their_check_digit_checked() -> None:
    assert tax_ids.check_siren("732 829 320", "siren") == SIREN
    assert tax_ids.check_siret("732 829 320 00074", "siret") == "73282932000074"
    error = refused(tax_ids.check_siren, "732829321", "customers[0].siren")
    assert error.code == "siren_invalid"
    assert words(error, "fr") == ("customers[0].siren : ce n'est pas un numéro SIREN (9 chiffres, le dernier "
                                  "est une clé de contrôle)")
    assert refused(tax_ids.check_siret, "73282932000075", "siret").code == "siret_invalid"
    assert refused(tax_ids.check_siren, "73282932", "siren").code == "siren_invalid"


def test_iv1_a_vat_number_needs_its_country_and_a_french_one_must_be_the_sirens() -> None:
    assert tax_ids.check_vat_number("fr 44 732 829 320", "vat", SIREN) == VAT
    assert tax_ids.check_vat_number("DE 136,695 976", "vat") == "DE136695976"
    assert tax_ids.check_vat_number("EL094259216", "vat") == "EL094259216"
    assert tax_ids.check_vat_number("CHE-116.281.710 MWST", "vat") == "CHE116281710MWST"
    for bad in ("44732829320", "FR45732829320", "DE136695977", "US123456789"):
        assert refused(tax_ids.check_vat_number, bad, "vat").code == "vat_number_invalid"
    other = refused(tax_ids.check_vat_number, "FR40303265045", "vat", SIREN)
    assert other.code == "vat_number_not_siren"
    assert "SIREN 732829320" in words(other, "en")


def test_iv1_a_country_is_an_iso_code_in_capitals() -> None:
    assert tax_ids.check_country("fr", "country") == "FR"
    assert len(tax_ids.COUNTRIES) == 249
    assert {"FR", "BE", "DE", "CH", "GB", "US", "RE"} <= tax_ids.COUNTRIES
    assert not {"EU", "XK", "ZZ", "UK"} & tax_ids.COUNTRIES
    assert tax_ids.country_names("fr")["DE"] == "Allemagne"
    error = refused(tax_ids.check_country, "UK", "country")
    assert error.code == "country_code_invalid" and "'UK'" in words(error, "en")


@pytest.mark.parametrize(("text", "basis_points"), [
    ("20", 2000), ("5.5", 550), ("2.10", 210), ("0", 0), ("100", 10000), ("8.50", 850),
    (" 10 ", 1000)])
def test_iv3_a_vat_rate_is_kept_in_basis_points(text: str, basis_points: int) -> None:
    assert tax_ids.parse_vat_rate(text, "vat_rate") == basis_points


@pytest.mark.parametrize("text", ["", "5,5", "20 %", "-1", "100.01", "101", "5.555", "x",
                                  "1e1", "٢٠"])
def test_iv3_a_vat_rate_out_of_0_to_100_or_with_three_decimals_is_refused(text: str) -> None:
    error = refused(tax_ids.parse_vat_rate, text, "vat_rate")
    assert error.code == "vat_rate_invalid"
    assert "taux de TVA" in words(error, "fr")


def test_iv3_a_rate_reads_back_as_the_file_writes_it() -> None:
    assert [tax_ids.rate_text(bp) for bp in (2000, 550, 210, 1234, 0, 10000)] == [
        "20", "5.5", "2.1", "12.34", "0", "100"]


def test_iv1_number_prefixes_notice_days_and_logos() -> None:
    assert tax_ids.check_prefix("FAC26", "invoice_prefix") == "FAC26"
    for bad in ("", "FACTURE", "F-", "É"):
        assert refused(tax_ids.check_prefix, bad, "p").code == "number_prefix_invalid"
    assert tax_ids.check_notice_days(45, "d") == 45
    assert refused(tax_ids.check_notice_days, 29, "d").code == "notice_days_invalid"
    assert refused(tax_ids.check_notice_days, 91, "d").code == "notice_days_invalid"
    assert tax_ids.logo_kind(b"\x89PNG\r\n\x1a\n" + b"0" * 100, "logo") == "png"
    assert tax_ids.logo_kind(b"\xff\xd8\xff\xe0" + b"0" * 100, "logo") == "jpeg"
    assert refused(tax_ids.logo_kind, b"GIF89a", "logo").code == "logo_not_image"
    large = refused(tax_ids.logo_kind, b"\x89PNG\r\n\x1a\n" + b"0" * 600_000, "logo")
    assert large.code == "logo_too_large" and "586 Ko" in words(large, "fr")


def test_pm2_a_card_number_typed_as_a_siret_is_refused_without_being_repeated() -> None:
    card = "4111 1111 1111 1111"
    for check in (tax_ids.check_siret, tax_ids.check_siren, tax_ids.check_vat_number):
        error = refused(check, card, "siret")
        for language in ("fr", "en"):
            assert "4111" not in words(error, language)
    assert "4111" not in words(refused(tax_ids.parse_vat_rate, card, "rate"), "en")


def test_pm2_a_labelled_siret_is_not_a_card_number_even_with_a_diners_prefix() -> None:
    """A SIRET starting 36 is 14 digits, Luhn-valid by design and in Diners' range: as the
    value of a field labelled SIRET it is a SIRET."""
    siren = next(f"36{n:06d}" + luhn.calc_check_digit(f"36{n:06d}") for n in range(100))
    siret = siren + "0001" + luhn.calc_check_digit(siren + "0001")
    assert sensitive_kind(siret) == "card_number"  # unlabelled, PM-2 cannot tell
    assert sensitive_kind(f"SIRET {siret}") is None
    assert tax_ids.check_siret(siret, "siret") == siret
