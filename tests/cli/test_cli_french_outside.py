"""HM-3: what the command line prints whose words come from outside renewdesk/cli reads French
in a French shell and English otherwise: the demo's counts, what a customer link does and what
accepting it did (the audit keeps the English), where a secret is kept, another run in
progress, a database that cannot be opened. References, amounts and codes stay data."""

from __future__ import annotations

import io
import os
import re
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from renewdesk.cli import commands, entry
from renewdesk.domain.refusal_words import words
from renewdesk.store.db import DatabaseUnavailable
from renewdesk.store.models import AuditEntry
from renewdesk.store.runlock import RunInProgress, exclusive_run
from tests.cli.test_cli_french import speak
from tests.cli.test_link_options import load
from tests.conftest import World
from tests.keyrings import MemoryKeyring
from tests.web.conftest import token

RULE_ID = re.compile(r"\b(PM|AR|IN|US|SC|NT|EV|MO|CP|RF|SY|IV|HM)-\d+\b")
UNREACHABLE = "postgresql+psycopg://u@127.0.0.1:1/team"  # nothing listens on port 1
NBSP = "\u00a0"


def plain(text: str) -> str:
    """Babel's French amounts keep their number and symbol together with a no-break space."""
    return text.replace(NBSP, " ").replace("\u202f", " ")


def secret_cli(*args: str, value: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = entry.main(["secret", *args], out=out, err=err, inp=io.StringIO(value + "\n"))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("RENEWDESK_CONFIG_DIR", str(folder))
    for name in ("RENEWDESK_WEBHOOK_SECRET", "RENEWDESK_STRIPE_SECRET_KEY",
                 "RENEWDESK_SMTP_SECRET", "RENEWDESK_DATABASE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return folder


# renewdesk demo

def test_hm3_demo_says_its_counts_in_french(world: World,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    code, out, err = world.cli("demo", "--customers", "3", today="2026-11-01")
    assert code == 0, err
    assert out.startswith("données de démonstration : customers : 3 créé(s), 0 mis à jour")
    assert "created" not in out and "updated" not in out


def test_hm3_demo_says_its_counts_in_english(world: World,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "en")
    code, out, err = world.cli("demo", "--customers", "3", today="2026-11-01")
    assert code == 0, err
    assert out.startswith("demo data: customers: 3 created, 0 updated")


# renewdesk link TOKEN [--accept]

def _done_in_audit(world: World) -> list[str]:
    with world.session() as session:
        return [entry.after["done"] for entry in session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("link.%")).order_by(AuditEntry.id))
                if entry.after]


def test_hm3_nt3_a_cancel_link_is_described_and_done_in_french_and_audited_in_english(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    load(world)
    link = token(world, "cancel_renewal", "C1")
    speak(monkeypatch, "fr")
    code, out, err = world.cli("link", link, today="2026-11-17")
    assert code == 0, err
    assert plain(out) == (
        "cancel_renewal pour C1 (valable jusqu'au 23/11/2026) : annuler le renouvellement "
        "REN-0000001 : s1.fr ; 12,00 € le 24/11/2026 sur visa •••• 4242 (programmé)\n"
        "rien n'a été fait ; ajoutez --accept pour le faire\n")
    code, out, err = world.cli("link", link, "--accept", today="2026-11-17")
    assert code == 0, err
    assert out.endswith("fait : renouvellement REN-0000001 annulé\n")
    assert _done_in_audit(world) == ["renewal REN-0000001 cancelled"]
    code, out, _err = world.cli("link", link, today="2026-11-18")
    assert out.endswith(" : ce lien a déjà été utilisé le 17/11/2026\n")
    assert not RULE_ID.search(out)


def test_hm3_nt3_a_cancel_link_is_described_and_done_in_english(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    load(world)
    link = token(world, "cancel_renewal", "C1")
    speak(monkeypatch, "en")
    code, out, err = world.cli("link", link, today="2026-11-17")
    assert code == 0, err
    assert out == ("cancel_renewal for C1 (valid until 2026-11-23): cancel renewal REN-0000001: "
                   "s1.fr; 12.00 EUR on 2026-11-24 to visa •••• 4242 (scheduled)\n"
                   "nothing was done; add --accept to do it\n")
    code, out, err = world.cli("link", link, "--accept", today="2026-11-17")
    assert code == 0 and out.endswith("done: renewal REN-0000001 cancelled\n"), err
    code, out, _err = world.cli("link", link, today="2026-11-18")
    assert out.endswith(": this link was already used on 2026-11-17\n")


def test_hm3_in2_a_plan_change_link_is_described_and_confirmed_in_french(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    load(world)
    link = token(world, "confirm_plan_change", "C1")
    speak(monkeypatch, "fr")
    code, out, err = world.cli("link", link, "--accept", today="2026-11-17")
    assert code == 0, err
    assert plain(out) == (
        "confirm_plan_change pour C1 (valable jusqu'au 26/11/2026) : confirmer le nouveau "
        "montant d'échéance de la commande O1 : 30,00 € -> 40,00 € pour les échéances dues "
        "après confirmation (en attente, date limite 26/11/2026)\n"
        "fait : changement d'échéancier de O1 confirmé pour les échéances 1, 2, 3\n")
    assert _done_in_audit(world) == ["plan change of O1 confirmed for installments 1, 2, 3"]


def test_hm3_in2_a_plan_change_link_is_described_and_confirmed_in_english(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    load(world)
    link = token(world, "confirm_plan_change", "C1")
    speak(monkeypatch, "en")
    code, out, err = world.cli("link", link, "--accept", today="2026-11-17")
    assert code == 0, err
    assert out == (
        "confirm_plan_change for C1 (valid until 2026-11-26): confirm the new installment amount "
        "of order O1: 30.00 EUR -> 40.00 EUR for the installments due after confirmation "
        "(pending, deadline 2026-11-26)\n"
        "done: plan change of O1 confirmed for installments 1, 2, 3\n")


@pytest.mark.parametrize(("language", "described", "done"), [
    ("fr", "mettre à jour le moyen de paiement du client C2",
     "fait : moyen de paiement K9 enregistré pour C2"),
    ("en", "update the payment method of customer C2", "done: payment method K9 saved for C2"),
])
def test_hm3_pm4_an_update_method_link_is_described_and_done_in_the_readers_language(
        world: World, monkeypatch: pytest.MonkeyPatch, language: str, described: str,
        done: str) -> None:
    load(world)
    link = token(world, "update_payment_method", "C2")
    speak(monkeypatch, language)
    code, out, err = world.cli("link", link, "--accept", "--new-token", "pm_card_mastercard",
                               "--new-ref", "K9", "--brand", "mastercard", "--last4", "4444",
                               "--exp", "12/2034", today="2026-11-17")
    assert code == 0, err
    first, second = out.splitlines()
    assert first.endswith(described) and second == done
    assert _done_in_audit(world) == ["payment method K9 saved for C2"]


# renewdesk secret

def test_hm3_ev1_where_a_secret_is_kept_reads_french(
        config: Path, system_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    code, out, err = secret_cli("set", "webhook", value="whsec_x")
    assert code == 0, err
    assert out.startswith("secret webhook enregistré dans le trousseau du système (")
    monkeypatch.setenv("RENEWDESK_SMTP_SECRET", "s")
    code, out, _err = secret_cli("status")
    assert code == 0
    assert "webhook : trousseau du système (" in out
    assert "smtp : environnement (RENEWDESK_SMTP_SECRET)\n" in out
    assert "stripe : non enregistré\n" in out
    assert "system keyring" not in out and "environment" not in out and "not set" not in out


def test_hm3_ev1_a_secret_in_plain_text_is_said_in_french(
        config: Path, headless: None, monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "fr")
    code, out, err = secret_cli("set", "webhook", "--allow-plaintext", value="whsec_x")
    assert code == 0, err
    assert out.startswith("secret webhook enregistré EN CLAIR dans ")
    assert out.endswith("(lisible par quiconque peut lire vos fichiers)\n")
    assert "webhook : fichier EN CLAIR " in secret_cli("status")[1]


def test_hm3_ev1_where_a_secret_is_kept_reads_english(
        config: Path, headless: None, monkeypatch: pytest.MonkeyPatch) -> None:
    speak(monkeypatch, "en")
    code, out, err = secret_cli("set", "webhook", "--allow-plaintext", value="whsec_x")
    assert code == 0, err
    assert out.startswith("secret webhook saved in PLAIN TEXT in ")
    assert out.endswith("(readable by anyone who can read your files)\n")
    code, out, _err = secret_cli("status")
    assert "webhook: PLAIN TEXT file " in out and "stripe: not set\n" in out


# Another run in progress (SC-5), a database that cannot be opened

def _waiting_at_most_a_second(url: str | URL, wait_seconds: float = 0) -> AbstractContextManager[None]:
    return exclusive_run(url, min(wait_seconds, 1.0))


@pytest.mark.parametrize("command", [("run-due",), ("sync",), ("renew", "S1")])
def test_hm3_sc5_another_run_in_progress_is_said_in_french(
        world: World, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]) -> None:
    load(world)
    speak(monkeypatch, "fr")
    # `renew` waits 30 s for the run to end before it says so: here a second, same words
    monkeypatch.setattr(commands, "exclusive_run", _waiting_at_most_a_second)
    with exclusive_run(world.app.engine.url):
        code, _out, err = world.cli(*command, today="2026-11-17")
    assert code == 1
    assert err.startswith(f"renewdesk: un autre passage est en cours (processus {os.getpid()} "
                          "sur ")
    assert err.endswith(" ; il n'a pas été lancé une seconde fois\n")


def test_hm3_sc5_another_run_in_progress_is_said_in_english(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    load(world)
    speak(monkeypatch, "en")
    with exclusive_run(world.app.engine.url):
        code, _out, err = world.cli("run-due", today="2026-11-17")
    assert code == 1
    assert err.startswith(f"renewdesk: another run is in progress (pid {os.getpid()} on ")
    assert err.endswith("; it was not started twice\n")


def test_hm3_sc5_the_window_says_a_run_in_progress_in_its_language_and_logs_english() -> None:
    """The window's worker says `words(error, language)`; a holder it cannot read is still
    said in words."""
    busy = RunInProgress("pid 12 on desk since 2026-12-05T02:00:00+00:00")
    assert str(busy) == ("another run is in progress (pid 12 on desk since "
                         "2026-12-05T02:00:00+00:00); it was not started twice")
    assert words(busy, "fr") == ("un autre passage est en cours (processus 12 sur desk depuis "
                                 "2026-12-05T02:00:00+00:00) ; il n'a pas été lancé une "
                                 "seconde fois")
    unknown = RunInProgress("another process")
    assert words(unknown, "fr").startswith("un autre passage est en cours (dans un autre ")
    assert str(unknown).startswith("another run is in progress (another process)")


@pytest.mark.parametrize(("language", "said"), [
    ("fr", f"renewdesk: impossible d'ouvrir la base de données {UNREACHABLE} : "),
    ("en", f"renewdesk: cannot open the database {UNREACHABLE}: "),
])
def test_hm3_a_database_that_cannot_be_opened_is_said_in_the_readers_language(
        config: Path, monkeypatch: pytest.MonkeyPatch, language: str, said: str) -> None:
    speak(monkeypatch, language)
    out, err = io.StringIO(), io.StringIO()
    assert entry.main(["--db", UNREACHABLE, "status"], out=out, err=err) == 1
    assert err.getvalue().startswith(said) and out.getvalue() == ""


def test_hm3_a_database_that_cannot_be_opened_keeps_its_english_for_the_log() -> None:
    error = DatabaseUnavailable("sqlite:///x.db", "unable to open database file")
    assert str(error) == "cannot open the database sqlite:///x.db: unable to open database file"
    assert words(error, "fr") == ("impossible d'ouvrir la base de données sqlite:///x.db : "
                                  "unable to open database file")
