"""HM-3: the command line speaks French in a French shell (LANG, LC_MESSAGES or LC_ALL fr_*)
and English otherwise: `--help` of the top level and of every command, argparse's own headings
and usage errors, and the lines the commands print. Command names, options and codes stay."""

from __future__ import annotations

import ast
import io
import string
from pathlib import Path

import pytest

from renewdesk.cli import entry
from renewdesk.cli.help_words import ARGPARSE_FR, HELP_FR, METAVARS_FR, shown_texts
from renewdesk.cli.invoices import KIND_WORDS
from renewdesk.cli.status import _FROM
from renewdesk.cli.words import FRENCH, tr
from renewdesk.payments.choice import MODE_WORDS
from tests.builders import card, customer, document, order, service
from tests.conftest import EXAMPLE, REPO, World

CLI = REPO / "renewdesk" / "cli"


def speak(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", {"fr": "fr_FR.UTF-8", "en": "en_GB.UTF-8"}[language])


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = entry.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def shown_help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """argparse prints help on sys.stdout, not on `main`'s out."""
    assert entry.main([*argv, "--help"]) == 0
    return capsys.readouterr().out


def commands() -> list[str]:
    found = [action for action in entry._parser()._actions if action.dest == "command"]
    assert found and found[0].choices
    return sorted(found[0].choices)


def flat(text: str) -> str:
    """Help as words, whatever the terminal's width wrapped."""
    return " ".join(text.split())


# --help

def test_hm3_top_level_help_reads_french_in_a_french_shell(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    speak(monkeypatch, "fr")
    shown = flat(shown_help(capsys))
    assert shown.startswith("utilisation : renewdesk [-h] [--version] [--db BASE] [--today DATE]")
    for phrase in ("Renouvellements, paiements échelonnés et cartes enregistrées",
                   "arguments positionnels :", "options : -h, --help afficher cette aide et "
                   "quitter", "--version afficher la version du programme et quitter",
                   "run-due faire tout ce qui est dû jusqu'à --today",
                   "refund rendre tout ou partie d'un paiement réussi",
                   "outbox lister la boîte d'envoi"):
        assert phrase in shown
    assert "usage:" not in shown and "show this help" not in shown


def test_hm3_top_level_help_reads_english_otherwise(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    speak(monkeypatch, "en")
    shown = flat(shown_help(capsys))
    assert shown.startswith("usage: renewdesk [-h] [--version] [--db DB] [--today TODAY]")
    assert "positional arguments:" in shown and "options: -h, --help show this help" in shown
    assert "run-due do everything due up to --today" in shown


def test_hm3_a_command_help_reads_french_with_its_options_and_codes_as_typed(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    speak(monkeypatch, "fr")
    shown = flat(shown_help(capsys, "refund"))
    assert shown.startswith("utilisation : renewdesk refund [-h] [--amount MONTANT] "
                            "[--reason MOTIF] [--yes] REF_PAIEMENT")
    assert "rendre tout ou partie d'un paiement réussi" in shown
    assert "--reason MOTIF pourquoi (gardé avec le remboursement ; requis)" in shown
    shown = flat(shown_help(capsys, "import-csv"))
    assert "--kind {customers,services}" in shown and "fichier" in shown
    assert "--dry-run dire ce qui serait importé ; ne rien changer" in shown
    shown = flat(shown_help(capsys, "settings"))
    assert "Valeurs à taper :" in shown and "replace_only" in shown


def test_hm3_every_command_help_in_french_differs_from_its_english_and_keeps_none_of_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing forgotten: no English help sentence of a command shows in its French help."""
    english_parser = entry._parser("en")
    for command in [None, *commands()]:
        argv = [] if command is None else [command]
        speak(monkeypatch, "en")
        english = flat(shown_help(capsys, *argv))
        speak(monkeypatch, "fr")
        french = flat(shown_help(capsys, *argv))
        assert french != english, command
        assert french.startswith("utilisation :"), command
        helps = shown_texts(english_parser if command is None else
                            _command_parser(english_parser, command))[0]
        kept = [text for text in helps if len(text.split()) > 2 and flat(text) in french]
        assert kept == [], command


def _command_parser(parser: object, command: str) -> object:
    action = next(a for a in parser._actions if a.dest == "command")  # type: ignore[attr-defined]
    return action.choices[command]


def test_hm3_every_help_and_placeholder_of_the_parser_has_its_french() -> None:
    helps, names = shown_texts(entry._parser("en"))
    own = set(ARGPARSE_FR)  # -h's help: argparse's own words
    assert sorted(helps - own - set(HELP_FR)) == []
    assert sorted(names - set(METAVARS_FR)) == []
    assert sorted(set(HELP_FR) - helps) == [], "French for a help the parser no longer has"


# argparse's own errors

def test_hm3_usage_errors_read_french_in_a_french_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    assert run("import-csv", "x.csv") == (
        2, "", "renewdesk import-csv: les arguments suivants sont requis : --kind, --map\n")
    code, _out, err = run("nope")
    assert code == 2
    assert err.startswith("renewdesk: argument commande : choix invalide : 'nope' (au choix : "
                          "'import', 'export'")
    assert run("customer-emails", "C1", "maybe")[2] == (
        "renewdesk customer-emails: argument {on,off} : choix invalide : 'maybe' (au choix : "
        "'on', 'off')\n")
    assert run("serve-links", "--port", "x")[2] == (
        "renewdesk serve-links: argument --port : valeur invalide : 'x' (un nombre est "
        "attendu)\n")
    assert run("status", "--nope")[2] == "renewdesk: arguments non reconnus : --nope\n"
    assert run("refund")[2] == (
        "renewdesk refund: les arguments suivants sont requis : REF_PAIEMENT\n")


def test_hm3_pm2_an_argument_holding_a_card_is_named_as_typed_or_as_help_shows_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    card_number = "4242424242424242"
    speak(monkeypatch, "fr")
    assert run("refund", "P1", "--reason", card_number)[2].startswith(
        "renewdesk: l'argument --reason ressemble à un numéro de carte")
    assert run("refund", card_number, "--reason", "x")[2].startswith(
        "renewdesk: l'argument REF_PAIEMENT ressemble")
    speak(monkeypatch, "en")
    assert run("bulk-recurrence", card_number, "--all", "--on")[2].startswith(
        "renewdesk: the customer argument looks like a card number")


def test_hm3_usage_errors_stay_english_otherwise_even_after_a_french_parse(
        monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    assert run("import-csv", "x.csv")[0] == 2
    speak(monkeypatch, "en")
    assert run("import-csv", "x.csv") == (
        2, "", "renewdesk import-csv: the following arguments are required: --kind, --map\n")
    assert run("customer-emails", "C1", "maybe")[2] == (
        "renewdesk customer-emails: argument state: invalid choice: 'maybe' (choose from "
        "'on', 'off')\n")


# What the commands print

def tr_texts() -> list[tuple[str, str]]:
    """(where, English) of every `tr(language, "…")` of the command line."""
    found = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr"
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
                found.append((f"{path.name}:{node.lineno}", node.args[1].value))
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_hm3_every_printed_line_has_its_french_with_the_same_values() -> None:
    looked_up = {*MODE_WORDS.values(), *KIND_WORDS.values(), *_FROM.values()}
    written = tr_texts()
    assert len(written) > 50
    assert [(where, text) for where, text in written if text not in FRENCH] == []
    assert sorted(looked_up - set(FRENCH)) == []
    assert sorted(set(FRENCH) - {text for _, text in written} - looked_up) == []
    for english, french in FRENCH.items():
        assert placeholders(english) == placeholders(french), english
        assert french != english or not english.isalpha(), english


def test_hm3_tr_reads_english_for_any_other_language() -> None:
    assert tr("en", "database: {url}", url="x.db") == "database: x.db"
    assert tr("de", "never") == "never"
    assert tr("fr", "database: {url}", url="x.db") == "base de données : x.db"


def test_hm3_import_prints_its_summary_in_french(world: World,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    code, out, err = world.cli("import", str(EXAMPLE), today="2026-11-01")
    assert code == 0, err
    assert out.startswith(f"{EXAMPLE.name} importé : ")
    assert "customers : 3 créé(s), 0 mis à jour" in out and "created" not in out


def test_hm3_run_due_and_status_print_french_through_the_real_command_line(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")],
                        [order("O1", "C1", "A", "2026-12-05")]))
    speak(monkeypatch, "fr")
    code, out, err = world.cli("status", today="2026-12-05")
    assert code == 0, err
    assert "prestataire : Bac à sable : pas d'argent réel (par défaut)\n" in out
    assert "dernier passage : jamais\n" in out
    code, out, err = world.cli("run-due", today="2026-12-05")
    assert code == 0, err
    assert out.startswith("Passage au 2026-12-05")
    assert "prélèv. O1#1 C1 30.00 EUR" in flat(out) and "réussi" in out
    assert "tentative(s) de prélèvement" in out and "charge attempt" not in out
    code, out, err = world.cli("status", today="2026-12-05")
    assert "dernier passage : 2026-12-05\n" in out


def test_hm3_the_same_commands_print_english_otherwise(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "en")
    code, out, _err = world.cli("import", str(EXAMPLE), today="2026-11-01")
    assert code == 0 and out.startswith(f"imported {EXAMPLE.name}: ")
    assert "customers: 3 created, 0 updated" in out
    code, out, _err = world.cli("status", today="2026-11-01")
    assert "processor: Sandbox: no real money (the default)\n" in out


def test_hm3_a_refund_asks_in_french_and_takes_oui(world: World, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    world.load(document([customer("C1", card("A"))], [],
                        [order("O1", "C1", "A", "2026-12-05")]))
    assert world.cli("run-due", today="2026-12-05")[0] == 0
    speak(monkeypatch, "fr")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = io.StringIO(), io.StringIO()
    code = entry.main(["--db", world.target, "--today", "2026-12-06", "refund", "O1#1/1",
                       "--amount", "5.00", "--reason", "geste"], out=out, err=err,
                      inp=Terminal("o\n"))
    assert code == 0, err.getvalue()
    said = out.getvalue()
    assert "  rembourser 5.00 EUR maintenant ; il resterait 25.00 EUR à rembourser\n" in said
    assert "Rembourser 5.00 EUR à Jean Dupont ? [o/N] " in said
    assert "5.00 EUR du paiement O1#1/1 remboursé(s) à Jean Dupont (C1)" in said
