"""A localstripe server started by the tests themselves on 127.0.0.1, and Worlds that use the
Stripe processor against it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from stripe import StripeClient

from tests.conftest import REPO, World
from tests.peers import free_port

KEY = "sk_test_renewdesk_localstripe"


class LocalStripe:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.localstripe_server", str(self.port)], cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:  # wait until it accepts connections
            assert self.process.poll() is None, "localstripe exited"
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            assert time.monotonic() < deadline, "localstripe did not start"
            time.sleep(0.05)

    def pause(self) -> None:
        """Like a network outage: requests hang, nothing is lost."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def flush(self) -> None:
        request = urllib.request.Request(f"{self.url}/_config/data", method="DELETE")
        with urllib.request.urlopen(request, timeout=10):
            pass

    def stop(self) -> None:
        if self.process is not None:
            self.resume()
            self.process.terminate()
            self.process.wait(10)

    def client(self) -> StripeClient:
        return StripeClient(KEY, base_addresses={"api": self.url})

    def sepa_method(self, iban: str, name: str = "Greta Keller") -> str:
        """What Stripe.js would do in the customer's browser; renewdesk only sees the pm_ id."""
        method = self.client().v1.payment_methods.create(params={
            "type": "sepa_debit", "sepa_debit": {"iban": iban},
            "billing_details": {"name": name, "email": "greta@example.de"}})
        return str(method.id)

    def settle_debits(self) -> None:
        """localstripe settles SEPA debits after half a second of real time; wait for that,
        as a night would pass between two runs."""
        deadline = time.monotonic() + 10
        while any(i.status == "processing" for i in self.intents()):
            assert time.monotonic() < deadline, "SEPA debits never settled"
            time.sleep(0.05)

    def intents(self) -> list[Any]:
        return list(self.client().v1.payment_intents.list(params={"limit": 100})
                    .auto_paging_iter())


@pytest.fixture(scope="session")
def localstripe() -> Iterator[LocalStripe]:
    server = LocalStripe()
    server.start()
    yield server
    server.stop()


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
