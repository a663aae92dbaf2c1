"""A localstripe server started by the tests themselves on 127.0.0.1, and Worlds that use the
Stripe processor against it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import World
from tests.peers import KEY, LocalStripe


@pytest.fixture
def stripe_world(tmp_path: Path, env: dict[str, str], localstripe: LocalStripe,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    localstripe.flush()
    stripe_env = {"RENEWDESK_GATEWAY": "stripe", "RENEWDESK_STRIPE_SECRET_KEY": KEY,
                  "RENEWDESK_STRIPE_API_BASE": localstripe.url, "RENEWDESK_STRIPE_TIMEOUT": "2"}
    for name, value in stripe_env.items():
        monkeypatch.setenv(name, value)
    world = World(tmp_path, {**env, **stripe_env})
    yield world
    world.close()
