"""Issue 19: `renewdesk status` says which processor takes the money (real money or not, and
where that choice comes from), the database and the last run; `RENEWDESK_GATEWAY` overrides the
choice made in Settings on an unattended machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import World
from tests.keyrings import MemoryKeyring


@pytest.fixture
def plain(tmp_path: Path, env: dict[str, str]) -> Iterator[World]:
    world = World(tmp_path, env)
    yield world
    world.close()


def test_issue19_status_prints_the_mode_the_database_and_the_last_run(plain: World) -> None:
    code, out, err = plain.cli("status")
    assert code == 0, err
    assert out.splitlines() == ["processor: Sandbox: no real money (the default)",
                                f"database: sqlite:///{plain.db}", "last run: never"]
    assert plain.cli("run-due", today="2026-11-05")[0] == 0
    assert plain.cli("status")[1].splitlines()[-1] == "last run: 2026-11-05"


def test_issue19_stripe_chosen_without_its_key_is_said_and_run_due_charges_nothing(
        plain: World, system_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RENEWDESK_STRIPE_SECRET_KEY", raising=False)
    assert plain.cli("settings", "payment_processor=stripe")[0] == 0
    out = plain.cli("status")[1]
    assert out.startswith("processor: Stripe: key missing, nothing is charged (chosen in "
                          "Settings)\n  runs are refused: Stripe is the chosen processor")
    code, _out, err = plain.cli("run-due", today="2026-11-05")
    assert code == 2 and "its secret key cannot be read" in err
    assert "last run: never" in plain.cli("status")[1]


def test_issue19_the_environment_overrides_the_setting(
        plain: World, monkeypatch: pytest.MonkeyPatch) -> None:
    assert plain.cli("settings", "payment_processor=stripe")[0] == 0
    monkeypatch.setenv("RENEWDESK_GATEWAY", "sandbox")
    assert plain.cli("status")[1].startswith(
        "processor: Sandbox: no real money (from RENEWDESK_GATEWAY)\n")
    monkeypatch.setenv("RENEWDESK_GATEWAY", "stripe")
    monkeypatch.setenv("RENEWDESK_STRIPE_SECRET_KEY", "sk_test_unattended")
    assert plain.cli("settings", "payment_processor=sandbox")[0] == 0
    assert plain.cli("status")[1].startswith("processor: Stripe test mode (from "
                                             "RENEWDESK_GATEWAY)\n")


def test_issue19_the_setting_takes_only_a_processor(plain: World) -> None:
    code, _out, err = plain.cli("settings", "payment_processor=paypal")
    assert code == 2 and "'paypal' is not a processor (sandbox or stripe)" in err
    assert "payment_processor: Sandbox: no real money" in plain.cli("settings")[1]
