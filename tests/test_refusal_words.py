"""Every refusal reads in the reader's language (issue 17, "Done when" 3): each code has French
and English words, every placeholder is filled, no rule id shows, and the French is French."""

from __future__ import annotations

import ast
import re
import string
from datetime import date

import pytest

from renewdesk.cli.entry import cli_language
from renewdesk.domain.errors import EditConflict, InputError, RuleRefused
from renewdesk.domain.exchange_words import EXCHANGE_WORDS
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import GENERAL_WORDS, TERMS, WORDS, render, words
from tests.conftest import REPO

RULE_ID = re.compile(r"\b[A-Z]{2}-\d+\b")
CARD = "4111 1111 1111 1111"
# A value of each kind a placeholder takes: words from the database, a date, a list of fields.
SAMPLES: dict[str, object] = {"status": "cancelled", "kind": "card_number", "what": "customer",
                              "charge_on": date(2026, 12, 13), "missing": ("address", "name"),
                              "count": 2, "position": 3, "length": 10_001, "limit": 10_000,
                              "places": 2}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(WORDS["en"]))
def test_every_refusal_code_reads_in_french_and_english_without_a_rule_id(code: str) -> None:
    assert code in WORDS["fr"]
    names = placeholders(WORDS["en"][code])
    assert placeholders(WORDS["fr"][code]) == names
    values = {name: SAMPLES.get(name, f"X{index}") for index, name in enumerate(sorted(names))}
    english, french = render(code, values, "en"), render(code, values, "fr")
    for text in (english, french):
        assert "{" not in text and "}" not in text
        assert RULE_ID.search(text) is None
        assert all(str(v) in text for v in values.values() if isinstance(v, str)
                   and v.startswith("X"))
    assert french != english


def test_french_has_no_code_that_english_lacks() -> None:
    assert set(WORDS["fr"]) == set(WORDS["en"])


def test_no_code_has_words_in_both_tables() -> None:
    for language in ("en", "fr"):
        assert set(GENERAL_WORDS[language]).isdisjoint(EXCHANGE_WORDS[language])


def test_a_list_given_is_quoted_as_it_was_and_a_tuple_reads_as_words() -> None:
    assert render("date_not_text", {"field": "on", "given": [1, 2]}, "en") == (
        "on: expected a date as YYYY-MM-DD, got [1, 2]")
    assert render("profile_incomplete", {"customer": "C1", "missing": ("name", "address")},
                  "fr").startswith("il manque au client C1 : le nom, l'adresse,")


def _raised_codes(answers: bool = False) -> list[tuple[str, str]]:
    """(file, code) for each error raised with a code: a first argument written as an
    identifier, or one given with values. `answers`: instead, the processor's answers to a
    refund (`RefundRefused`), shown as a term inside the refusal `refund_refused`."""
    found = []
    for path in (REPO / "renewdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id.endswith(("Error", "Refused", "Conflict")) and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            first = node.args[0].value
            if (node.func.id == "RefundRefused") != answers:
                continue
            if node.keywords or (len(node.args) == 1 and re.fullmatch(r"[a-z][a-z0-9_]*", first)):
                found.append((str(path.relative_to(REPO)), first))
    return found


def test_every_code_raised_has_its_words() -> None:
    raised = _raised_codes()
    assert len(raised) > 10
    assert [(path, code) for path, code in raised if code not in WORDS["en"]] == []


def test_rf1_every_refund_answer_a_processor_gives_has_its_words() -> None:
    answers = _raised_codes(answers=True)
    assert answers
    for language in ("en", "fr"):
        assert [(path, code) for path, code in answers if code not in TERMS[language]] == []


def test_ar4_refusal_keeps_its_rule_and_reads_french_in_french() -> None:
    error = RuleRefused("renewal_not_scheduled", rule="AR-4", renewal="R-7", status="cancelled")
    assert (error.code, error.rule, error.values) == ("renewal_not_scheduled", "AR-4",
                                                      {"renewal": "R-7", "status": "cancelled"})
    assert str(error) == "renewal R-7 is cancelled, not scheduled"
    assert words(error, "fr") == "le renouvellement R-7 n'est pas programmé (statut : annulé)"
    assert words(error, "de") == str(error)  # a language we do not speak reads English


def test_ar4_a_date_reads_iso_in_english_and_day_first_in_french() -> None:
    error = RuleRefused("renewal_due", rule="AR-4", renewal="R-7", charge_on=date(2026, 12, 13))
    assert "since 2026-12-13;" in str(error)
    assert "depuis le 13/12/2026 ;" in words(error, "fr")


def test_in2_an_amount_reads_in_the_readers_way() -> None:
    error = RuleRefused("amount_below_minimum", rule="IN-2", amount=Money(150, "EUR"),
                        minimum=Money(200, "EUR"))
    assert str(error) == "new amount 1.50 EUR is below the minimum 2.00 EUR"
    assert words(error, "fr") == (
        "le nouveau montant 1,50\xa0€ est inférieur au minimum 2,00\xa0€")


def test_pm5_older_form_shows_its_sentence_as_it_is_and_keeps_the_rule() -> None:
    error = RuleRefused("PM-5", "payment method A can be replaced by a new one")
    assert error.rule == "PM-5" and error.code == ""
    assert str(error) == words(error, "fr") == "payment method A can be replaced by a new one"
    plain = InputError("an English sentence")
    assert (str(plain), plain.code, plain.rule) == ("an English sentence", "", "")


def test_pm2_card_numbers_in_values_are_withheld_in_both_languages() -> None:
    error = InputError("unknown", what="customer", ref=f"x {CARD} y")
    for language in ("en", "fr"):
        shown = words(error, language)
        assert "4111" not in shown and "…" in shown
    assert "4111" not in str(error.values) + repr(error.args)
    sentence = InputError(f"holder {CARD} is wrong")
    assert "4111" not in str(sentence) and "4111" not in words(sentence, "fr")


def test_ar2_prefix_of_an_error_found_in_a_document_comes_before_the_words() -> None:
    error = RuleRefused("auto_renew_needs_method", rule="AR-1", customer="C4")
    inner = error.prefixed("auto_renew").prefixed("services[0]")
    assert str(inner) == ("services[0]: auto_renew: customer C4 has no valid payment method; "
                          "auto-renew cannot be switched on")
    # French puts a space before the colon, where it is written as English does too.
    assert words(inner, "fr").startswith("services[0] : auto_renew : le client C4 n'a aucun")
    assert inner.rule == "AR-1" and isinstance(inner, RuleRefused)


def test_edit_conflict_names_who_changed_it_in_either_language() -> None:
    error = EditConflict("edit_conflict_by", subject="ORD-1", who="ana", at="10:05",
                         action="plan_update")
    assert str(error).startswith("ORD-1 was changed by ana at 10:05 UTC (plan update) since")
    assert "modifié par ana à 10:05 UTC (mise à jour de l'échéancier)" in words(error, "fr")


def test_words_of_an_error_that_is_not_ours_is_its_own_text() -> None:
    assert words(RuntimeError("the processor did not answer"), "fr") == (
        "the processor did not answer")


@pytest.mark.parametrize(("env", "language"), [
    ({}, "en"), ({"LANG": "fr_FR.UTF-8"}, "fr"), ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
    ({"LC_MESSAGES": "fr_CA", "LANG": "en_US"}, "fr"), ({"LC_ALL": "", "LANG": "fr_BE"}, "fr")])
def test_the_command_line_speaks_the_system_language(env: dict[str, str],
                                                     language: str) -> None:
    assert cli_language(env) == language
