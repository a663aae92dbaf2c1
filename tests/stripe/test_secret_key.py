"""The Stripe secret key, set and used, is absent from the database file, the logs and the
exported state (secrets only in the keyring)."""

from __future__ import annotations

import json

import pytest

from tests.builders import card, customer, document, order
from tests.cli.test_secret import secret_cli
from tests.conftest import World
from tests.keyrings import MemoryKeyring
from tests.stripe.conftest import KEY, LocalStripe

pytestmark = pytest.mark.slow


def test_stripe_key_from_the_keyring_is_never_stored_logged_or_exported(
        stripe_world: World, localstripe: LocalStripe, system_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RENEWDESK_STRIPE_SECRET_KEY")
    code, out, err = secret_cli("set", "stripe", value=KEY)
    assert code == 0 and "system keyring" in out, err
    assert world_uses_the_key(stripe_world)
    code, exported, _ = stripe_world.cli("export")
    assert code == 0 and KEY not in exported
    files = [p for p in stripe_world.folder.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files)
    for path in files:
        assert KEY.encode() not in path.read_bytes(), path


def world_uses_the_key(world: World) -> bool:
    path = world.folder / "portfolio.json"
    path.write_text(json.dumps(document([customer("C1", card("A"))],
                                        orders=[order("O1", "C1", "A", "2026-11-05")])))
    code, _out, err = world.cli("import", str(path), today="2026-11-01")
    assert code == 0, err
    code, out, err = world.cli("run-due", today="2026-11-05")
    assert code == 0, err
    return "succeeded" in out
