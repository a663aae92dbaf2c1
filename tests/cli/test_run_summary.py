"""SY-2 in the printed summary: the calls turned away for the rate, apart from declines."""

from __future__ import annotations

import io
from datetime import date

from renewdesk.cli.report import print_report
from renewdesk.services.run_due import RunReport


def test_sy2_the_summary_counts_429s_apart_from_declines() -> None:
    out = io.StringIO()
    print_report(RunReport(date(2027, 1, 10), False, 0, rate_limited=3), out)
    assert ("3 call(s) turned away for the processor's rate limit (HTTP 429), each asked again "
            "later with the same key; not declines") in out.getvalue()


def test_sy2_a_run_without_429s_says_nothing_of_them() -> None:
    out = io.StringIO()
    print_report(RunReport(date(2027, 1, 10), False, 0), out)
    assert "429" not in out.getvalue()


def test_hm3_the_summary_reads_in_french_with_its_problems_in_french() -> None:
    from renewdesk.domain.run_words import Problem

    out = io.StringIO()
    print_report(RunReport(date(2027, 1, 10), False, 2, rate_limited=1,
                           problems=(Problem("mail_unsent", count=2),)), out, "fr")
    said = out.getvalue()
    assert said.startswith("Passage au 2027-01-10 (rattrapage de 2 jour(s) manqué(s))")
    assert "0 préavis, 0 tentative(s) de prélèvement" in said
    assert "problème : 2 e-mail(s) n'ont pas pu être envoyés" in said
    assert "limite de débit" in said and "declines" not in said
