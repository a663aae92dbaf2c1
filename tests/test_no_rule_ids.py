"""HM-3: nothing a person reads shows a rule id (issue 22, "Done when" 3).

Every place words come from is read here: both Qt translation files (sources and translations),
the window's tr()/translate() literals in the Python sources (a new string is caught before the
.ts is made again), the e-mail templates, the customer pages' templates and words, the command
line's `--help` of every command in French and English, and every refusal's words rendered in
both languages. Rule ids belong to logs, docs, docstrings and tests.
"""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from renewdesk.cli import entry
from renewdesk.domain.exchange_words import EXCHANGE_WORDS
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import TERMS, WORDS, render
from renewdesk.domain.setting_words import VALUE_WORDS
from renewdesk.web import texts
from tests.conftest import REPO

RULE_ID = re.compile(r"\b(PM|AR|IN|US|SC|NT|EV|MO|CP|RF|SY|IV|HM)-\d+\b")
TRANSLATIONS = sorted((REPO / "resources" / "translations").glob("*.ts"))
TEMPLATES = sorted(path for folder in ("notify", "web") for path in
                   (REPO / "renewdesk" / folder / "templates").rglob("*") if path.is_file())
# A template's own comments never reach the reader: they may name the rule they follow.
TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
LANGUAGES = {"fr": "fr_FR.UTF-8", "en": "en_GB.UTF-8"}
# A value of each kind a refusal's placeholder takes; any other is a plain word.
SAMPLES: dict[str, object] = {"status": "cancelled", "kind": "card_number", "what": "customer",
                              "charge_on": date(2026, 12, 13), "on": date(2026, 12, 1),
                              "deadline": date(2026, 12, 20), "missing": ("address", "name"),
                              "amount": Money(150, "EUR"), "minimum": Money(200, "EUR"),
                              "asked": Money(1200, "EUR"), "left": Money(800, "EUR"),
                              "count": 2, "position": 3, "length": 10_001, "limit": 10_000,
                              "places": 2}


def with_ids(texts_: Iterator[tuple[str, str]]) -> list[tuple[str, str]]:
    """(where, text) of each text that shows a rule id."""
    return [(where, text) for where, text in texts_ if RULE_ID.search(text)]


def ts_strings(path: Path) -> Iterator[tuple[str, str]]:
    """Every source and translation (plural forms too) of a Qt .ts file."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            for element in message.iter():
                if element.tag in ("source", "translation", "numerusform") and element.text:
                    yield f"{path.name} {name}", element.text


def tr_literals(source: str, where: str) -> Iterator[tuple[str, str]]:
    """The string arguments of every call named tr, translate or QCoreApplication.translate:
    what the window will show once translated."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in ("tr", "translate"):
            continue
        for argument in node.args:
            for part in ast.walk(argument):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield f"{where}:{node.lineno}", part.value


def python_tr_strings() -> Iterator[tuple[str, str]]:
    for path in sorted((REPO / "renewdesk").rglob("*.py")):
        yield from tr_literals(path.read_text(encoding="utf-8"),
                               str(path.relative_to(REPO)))


def help_texts(language: str, monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> Iterator[tuple[str, str]]:
    """`renewdesk --help` and `renewdesk COMMAND --help` for every command, as `main` prints
    them in a shell speaking `language`."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", LANGUAGES[language])
    assert entry.cli_language({"LANG": LANGUAGES[language]}) == language
    for command in [None, *commands()]:
        argv = ["--help"] if command is None else [command, "--help"]
        assert entry.main(argv) == 0
        shown = capsys.readouterr().out
        assert "usage:" in shown.lower() or "utilisation" in shown.lower()
        yield f"{language} {' '.join(argv)}", shown


def commands() -> list[str]:
    parser = entry._parser()
    found = [action for action in parser._actions if action.dest == "command"]
    assert found and found[0].choices
    return sorted(found[0].choices)


def placeholders(text: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})


def refusal_texts() -> Iterator[tuple[str, str]]:
    """Every refusal code in French and English with sample values, and the words they quote."""
    for code in sorted(WORDS["en"]):
        values = {name: SAMPLES.get(name, f"X{index}")
                  for index, name in enumerate(placeholders(WORDS["en"][code]))}
        for language in LANGUAGES:
            yield f"{language} {code}", render(code, values, language)
    for language in LANGUAGES:
        for code, text in EXCHANGE_WORDS[language].items():
            yield f"{language} exchange {code}", text
        for term, text in TERMS[language].items():
            yield f"{language} term {term}", text


def page_words() -> Iterator[tuple[str, str]]:
    for language in LANGUAGES:
        for key, text in texts.words(language).items():
            yield f"{language} page {key}", text
        for status in texts.STATUSES:
            yield f"{language} status {status}", texts.status(language, status)


def setting_words() -> Iterator[tuple[str, str]]:
    for name, choices in VALUE_WORDS.items():
        for code, by_language in choices.items():
            for language, text in by_language.items():
                yield f"{language} setting {name}={code}", text


# It can fail: each reader finds an id planted where it reads.

def test_hm3_the_pattern_finds_a_planted_rule_id_and_not_a_reference() -> None:
    assert RULE_ID.search("Send e-mails to this customer (NT-4)")
    assert RULE_ID.search("PM-5: replace only")
    for reference in ("REN-0000012/1", "SIN-4", "F2027-000123", "A2027-000007", "PMX-1", "HM-x"):
        assert RULE_ID.search(reference) is None


def test_hm3_the_readers_find_an_id_planted_in_a_ts_file_and_a_tr_call(tmp_path: Path) -> None:
    planted = tmp_path / "planted.ts"
    planted.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>X</name>'
        "<message><source>Fine</source><translation>Bien (IN-5)</translation></message>"
        '<message numerus="yes"><source>%n day(s)</source><translation>'
        "<numerusform>%n jour</numerusform><numerusform>%n jours (AR-3)</numerusform>"
        "</translation></message></context></TS>", encoding="utf-8")
    assert [text for _, text in with_ids(ts_strings(planted))] == ["Bien (IN-5)",
                                                                   "%n jours (AR-3)"]
    source = ('self.tr("Retries (IN-4)")\nQCoreApplication.translate("Ctx", "Ok")\n'
              'translate("Word", "card " "(PM-3)")\nprint("not shown (PM-1)")\n')
    assert [text for _, text in with_ids(tr_literals(source, "planted.py"))] == [
        "Retries (IN-4)", "card (PM-3)"]


# Every place a person reads words.

@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda path: path.name)
def test_hm3_no_translation_source_or_translation_shows_a_rule_id(path: Path) -> None:
    read = list(ts_strings(path))
    assert len(read) > 100
    assert with_ids(iter(read)) == []


def test_hm3_no_window_string_in_the_code_shows_a_rule_id() -> None:
    read = list(python_tr_strings())
    assert len(read) > 300
    assert with_ids(iter(read)) == []


def test_hm3_no_email_or_page_template_shows_a_rule_id() -> None:
    assert {path.suffix for path in TEMPLATES} >= {".txt", ".html"}
    assert with_ids((path.name, shown_template(path)) for path in TEMPLATES) == []


def shown_template(path: Path) -> str:
    return TEMPLATE_COMMENT.sub("", path.read_text(encoding="utf-8"))


def test_hm3_a_template_comment_may_name_a_rule_but_its_text_may_not(tmp_path: Path) -> None:
    planted = tmp_path / "planted.en.txt"
    planted.write_text("{#- HM-4: the seller's face -#}\nHello {{ name }}\n", encoding="utf-8")
    assert with_ids(iter([("planted", shown_template(planted))])) == []
    planted.write_text("{# fine #}Your plan (IN-2) changed\n", encoding="utf-8")
    assert with_ids(iter([("planted", shown_template(planted))])) != []


def test_hm3_no_customer_page_word_shows_a_rule_id() -> None:
    read = list(page_words())
    assert len(read) > 50
    assert with_ids(iter(read)) == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_hm3_no_command_line_help_shows_a_rule_id(
        language: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    read = list(help_texts(language, monkeypatch, capsys))
    assert len(read) > 30  # the top level and every command
    assert with_ids(iter(read)) == []


def test_hm3_no_refusal_in_either_language_shows_a_rule_id() -> None:
    read = list(refusal_texts())
    assert len(read) > 2 * len(WORDS["en"])
    assert with_ids(iter(read)) == []


def test_hm3_no_setting_value_in_words_shows_a_rule_id() -> None:
    read = list(setting_words())
    assert read
    assert with_ids(iter(read)) == []
