"""HM-3: what a run could not do is said in the reader's language, from a code and its values."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from renewdesk.domain.errors import InputError
from renewdesk.domain.run_words import WORDS, Problem, in_words


@pytest.mark.parametrize("code", sorted(WORDS["en"]))
def test_hm3_every_problem_has_both_languages_with_the_same_blanks(code: str) -> None:
    def blanks(text: str) -> set[str]:
        return {name for _t, name, _f, _c in string.Formatter().parse(text) if name}

    assert set(WORDS["fr"]) == set(WORDS["en"])
    assert blanks(WORDS["fr"][code]) == blanks(WORDS["en"][code])
    assert not re.search(r"\b(PM|AR|IN|US|SC|NT|EV|MO|CP|RF|SY|IV|HM)-\d+\b",
                         WORDS["en"][code] + WORDS["fr"][code])


def test_hm3_a_problem_is_its_english_sentence_and_says_itself_in_french() -> None:
    problem = Problem("mail_unsent", count=3)
    assert problem == "3 e-mail(s) could not be sent; they stay queued"  # logs, records
    assert in_words(problem, "fr").startswith("3 e-mail(s) n'ont pas pu être envoyés")
    assert in_words("a sentence from before", "fr") == "a sentence from before"


def test_hm3_dates_and_coded_errors_in_a_problem_follow_the_language() -> None:
    lost = Problem("events_lost", before=date(2026, 11, 2))
    assert "2 novembre 2026" in lost.words("fr") and "November 2, 2026" in str(lost)
    error = InputError("run_before_last", last=date(2026, 12, 5), today=date(2026, 12, 2))
    said = Problem("usage_not_invoiced", error=error)
    assert said.words("fr").startswith(error.words("fr"))


def test_hm3_an_unknown_problem_code_is_a_bug_not_a_blank_message() -> None:
    with pytest.raises(KeyError):
        Problem("no_such_problem")


def test_hm3_a_decline_reads_in_words_with_its_code_beside() -> None:
    from renewdesk.domain.declines import decline_words

    assert decline_words("insufficient_funds", "fr") == "provision insuffisante (insufficient_funds)"
    assert decline_words("debit_failed", "en") == "direct debit refused by the bank (debit_failed)"
    assert decline_words("some_new_code", "fr") == "some_new_code"  # as the processor said it
    assert decline_words(None, "en") is None
