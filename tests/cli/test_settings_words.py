"""HM-3: `renewdesk settings` lists the values in words, in the shell's language (yes or no, days
with their unit, amounts with their currency, the nightly run as a time, "Replace only, never
remove" for `replace_only`), and still takes the codes when a value is set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import World


@pytest.fixture
def plain(tmp_path: Path, env: dict[str, str]) -> Iterator[World]:
    world = World(tmp_path, env)
    yield world
    world.close()


def speak(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", {"fr": "fr_FR.UTF-8", "en": "en_GB.UTF-8"}[language])


def listed(world: World) -> dict[str, str]:
    code, out, err = world.cli("settings")
    assert code == 0, err
    pairs = [line.split(":", 1) for line in out.splitlines() if not line.startswith("#")]
    return {name.strip(): value.strip() for name, value in pairs}


def test_hm3_settings_list_reads_in_english_words(
        plain: World, monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "en")
    code, _out, err = plain.cli("settings", "smtp_starttls=true", "nightly_time=03:30",
                                "fallback_to_other_methods=false", "renewal_retry_days=2,5,9")
    assert code == 0, err
    shown = listed(plain)
    assert shown["payment_method_removal"] == "Replace only, never remove"
    assert (shown["smtp_starttls"], shown["fallback_to_other_methods"]) == ("yes", "no")
    assert shown["dispute_suspends"] == "no"
    assert (shown["notice_days"], shown["renewal_retry_days"]) == ("15 days", "2, 5 and 9 days")
    assert shown["nightly_time"] == "every day at 03:30"
    assert shown["card_expiring_day"] == "on the 25th of each month"
    assert shown["payment_processor"] == "Sandbox: no real money"
    assert shown["seller_language"] == "French" and shown["default_vat_rate"] == "20%"
    # No order yet: the amount is in the currency each order has.
    assert shown["min_installment"] == "2.00 in each order's currency"
    assert not {"True", "False", "true", "false", "replace_only", "sandbox"} & set(shown.values())


def test_hm3_settings_list_reads_in_french_words(
        plain: World, monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    assert plain.cli("settings", "payment_method_removal=unless_needed", "backup_keep=1")[0] == 0
    code, out, err = plain.cli("settings")
    assert code == 0, err
    assert "payment_method_removal : Retirer, sauf s'il est le dernier moyen valide" in out
    assert "prices_include_vat : oui\n" in out and "vat_franchise : non\n" in out
    assert "installment_retry_days : 7 et 14 jours\n" in out
    assert "plan_confirm_days : 10 jours\n" in out
    assert "nightly_time : chaque jour à 02:00\n" in out
    assert "card_expiring_day : le 25 de chaque mois\n" in out
    assert "seller_language : Français\n" in out and "default_vat_rate : 20\u202f%\n" in out
    assert "processor_rate_limit : selon le mode (25/s en test, 100/s en réel)\n" in out
    assert "backup_keep : la dernière sauvegarde seulement\n" in out
    assert "min_installment : 2,00 dans la devise de chaque commande\n" in out
    assert "True" not in out and "unless_needed" not in out


def test_hm3_an_amount_setting_shows_the_portfolio_currency(
        plain: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installments and services in euros only: the minimum and the fee read as euros."""
    assert plain.cli("demo", "--customers", "3", today="2026-11-01")[0] == 0
    assert plain.cli("settings", "reactivation_fee=15")[0] == 0
    speak(monkeypatch, "en")
    shown = listed(plain)
    assert (shown["min_installment"], shown["reactivation_fee"]) == ("2.00 EUR", "15.00 EUR")
    speak(monkeypatch, "fr")
    shown = listed(plain)
    assert (shown["min_installment"], shown["reactivation_fee"]) == ("2,00\xa0€", "15,00\xa0€")


def test_hm3_settings_help_names_the_codes_beside_their_words(
        plain: World, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for language, words in (("en", "Replace only, never remove"),
                            ("fr", "Remplacer seulement, ne jamais retirer")):
        speak(monkeypatch, language)
        assert plain.cli("settings", "--help")[0] == 0
        shown = capsys.readouterr().out
        assert f"replace_only   {words}" in shown and "unless_needed" in shown
    speak(monkeypatch, "en")
    assert plain.cli("settings", "payment_method_removal=allow")[0] == 0  # typed as a code
    assert listed(plain)["payment_method_removal"] == "Always allow removing"
