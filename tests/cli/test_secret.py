"""Secrets in the system keyring, never in the database, logs or exports; plain text only with
consent, said out loud (EV-1's webhook secret, the SMTP password)."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from renewdesk import keystore
from renewdesk.cli import main
from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.keyrings import MemoryKeyring
from tests.peers import Receiver

SECRET = "whsec_Zx81-never-stored-in-the-db"


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("RENEWDESK_CONFIG_DIR", str(folder))
    monkeypatch.delenv("RENEWDESK_WEBHOOK_SECRET", raising=False)
    return folder


def secret_cli(*args: str, value: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["secret", *args], out=out, err=err, inp=io.StringIO(value + "\n"))
    return code, out.getvalue(), err.getvalue()


def test_ev1_webhook_secret_goes_to_the_keyring_and_nowhere_else(
        world: World, config: Path, system_keyring: MemoryKeyring, receiver: Receiver) -> None:
    code, out, err = secret_cli("set", "webhook", value=SECRET)
    assert code == 0, err
    assert "system keyring" in out and SECRET not in out
    assert system_keyring.items == {("renewdesk", "webhook"): SECRET}
    assert world.cli("settings", f"webhook_url={receiver.url}")[0] == 0
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    code, _out, err = world.cli("run-due", today="2026-12-05")
    assert code == 0, err
    assert receiver.requests  # delivered, signed with the keyring's secret
    code, exported, _ = world.cli("export")
    everything = b"".join(p.read_bytes() for p in world.folder.rglob("*") if p.is_file())
    assert SECRET.encode() not in everything and SECRET not in exported
    assert "webhook: system keyring" in secret_cli("status")[1]


def test_ev1_no_secure_keyring_refuses_plain_text_without_consent(config: Path,
                                                                 headless: None) -> None:
    assert keystore.secure_backend() is None  # the chain would fall through to plain text
    code, out, err = secret_cli("set", "webhook", value=SECRET)
    assert code == 2 and "PLAIN TEXT" in err and "--allow-plaintext" in err
    assert SECRET not in err + out
    assert not config.exists()


def test_ev1_plain_text_with_consent_is_said_and_private(config: Path, headless: None) -> None:
    code, out, err = secret_cli("set", "webhook", "--allow-plaintext", value=SECRET)
    assert code == 0, err
    assert "PLAIN TEXT" in out and SECRET not in out
    path = keystore.plaintext_file({"RENEWDESK_CONFIG_DIR": str(config)})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keystore.read("webhook", {"RENEWDESK_CONFIG_DIR": str(config)}) == SECRET
    assert "PLAIN TEXT file" in secret_cli("status")[1]
    assert secret_cli("delete", "webhook")[1] == "secret webhook deleted\n"
    assert keystore.read("webhook", {"RENEWDESK_CONFIG_DIR": str(config)}) is None


def test_ev1_environment_wins_and_stores_nothing(config: Path, headless: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENEWDESK_WEBHOOK_SECRET", SECRET)
    assert keystore.read("webhook", {"RENEWDESK_WEBHOOK_SECRET": SECRET}) == SECRET
    assert "environment" in secret_cli("status")[1]
    assert not config.exists()


def test_ev1_secret_names_and_values_are_checked(config: Path) -> None:
    code, _out, err = secret_cli("set", "paypal", value="x")
    assert code == 2 and "invalid choice" in err
    code, _out, err = secret_cli("set", "webhook", "--allow-plaintext", value="")
    assert code == 2 and "one line" in err
    code, _out, err = secret_cli("set")
    assert code == 2 and "needs a name" in err
