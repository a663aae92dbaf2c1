"""A localstripe server started by the tests themselves on 127.0.0.1, and Worlds that use the
Stripe processor against it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Portfolios, World, nothing
from tests.peers import KEY, LocalStripe
from tests.stripe_feed import StripeFeed, StripeProxy


def migrated(folder: Path, portfolios: Portfolios) -> None:
    """A copy of the new database migrated once for the session where a World will open it
    (Stripe keeps no file beside it, so the sandbox's ledger is not copied)."""
    shutil.copyfile(portfolios.snapshot("empty", nothing) / "renewdesk.db",
                    folder / "renewdesk.db")


@pytest.fixture
def stripe_world(tmp_path: Path, env: dict[str, str], localstripe: LocalStripe,
                 monkeypatch: pytest.MonkeyPatch, portfolios: Portfolios) -> Iterator[World]:
    localstripe.flush()
    stripe_env = {"RENEWDESK_GATEWAY": "stripe", "RENEWDESK_STRIPE_SECRET_KEY": KEY,
                  "RENEWDESK_STRIPE_API_BASE": localstripe.url, "RENEWDESK_STRIPE_TIMEOUT": "2"}
    for name, value in stripe_env.items():
        monkeypatch.setenv(name, value)
    migrated(tmp_path, portfolios)
    world = World(tmp_path, {**env, **stripe_env})
    yield world
    world.close()


@pytest.fixture
def feed() -> Iterator[StripeFeed]:
    """The small Stripe-compatible server of tests/stripe_feed.py, for what localstripe does not
    model (disputes, refunds made in the Dashboard, the networks' card updates)."""
    server = StripeFeed()
    yield server
    server.stop()


def stripe_env(api_base: str) -> dict[str, str]:
    return {"RENEWDESK_GATEWAY": "stripe", "RENEWDESK_STRIPE_SECRET_KEY": KEY,
            "RENEWDESK_STRIPE_API_BASE": api_base, "RENEWDESK_STRIPE_TIMEOUT": "5"}


@pytest.fixture
def feed_world(tmp_path: Path, env: dict[str, str], feed: StripeFeed,
               monkeypatch: pytest.MonkeyPatch, portfolios: Portfolios) -> Iterator[World]:
    for name, value in stripe_env(feed.url).items():
        monkeypatch.setenv(name, value)
    migrated(tmp_path, portfolios)
    world = World(tmp_path, {**env, **stripe_env(feed.url)})
    yield world
    world.close()


@pytest.fixture
def proxy(localstripe: LocalStripe) -> Iterator[StripeProxy]:
    """Between renewdesk and localstripe: can hold Stripe's answer back on its way."""
    server = StripeProxy(localstripe.url)
    yield server
    server.stop()
