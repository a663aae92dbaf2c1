"""Issue 17, done-when 3: a refusal reaches the window in the window's language. The words are
chosen where the error is caught (off the GUI thread, for an operation or a read), from the
language the window was built in; a refusal raised on the GUI thread reads the locale its
translator set."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from renewdesk.domain.errors import RuleRefused
from renewdesk.domain.refusal_words import render
from renewdesk.ui.operations import Operations, Reader
from renewdesk.ui.widgets import refusal_text


def _refuse() -> None:
    raise RuleRefused("replace_only", rule="PM-5", method="A")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pm5_an_operations_refusal_comes_back_in_the_windows_language(
        qtbot: Any, language: str) -> None:
    operations = Operations(None, language)
    said: list[str] = []
    assert operations.start(_refuse, lambda _: None, said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == [render("replace_only", {"method": "A"}, language)]
    assert "PM-5" not in said[0]


def test_pm5_a_reads_refusal_comes_back_in_the_windows_language(qtbot: Any) -> None:
    reader = Reader(None, "fr")
    said: list[str] = []
    reader.read("asker", _refuse, lambda _: None, said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("le moyen de paiement A peut être remplacé")


@pytest.fixture
def french_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    yield
    QLocale.setDefault(before)


def test_in2_a_refusal_raised_on_the_gui_thread_reads_the_translators_locale(
        french_locale: None) -> None:
    error = RuleRefused("no_installment_left", rule="IN-2", order="ORD-7")
    assert refusal_text(error) == "la commande ORD-7 n'a plus d'échéance à modifier"
    assert str(error) == "order ORD-7 has no installment left to change"
