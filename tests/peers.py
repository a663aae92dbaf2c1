"""Real local peers on 127.0.0.1 for tests: an SMTP catcher (aiosmtpd), a webhook receiver, and
localstripe (a stateful fake Stripe server)."""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from stripe import StripeClient

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Catcher:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.received = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.received:
            self.messages.append(message_from_bytes(envelope.content))
            self.received.notify_all()
        return "250 OK"


class Smtp:
    def __init__(self) -> None:
        self.port = free_port()
        self.catcher = Catcher()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.catcher, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp() -> Iterator[Smtp]:
    server = Smtp()
    yield server
    server.stop()


class Receiver:
    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.fail_next = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                status = 500 if receiver.fail_next > 0 else 204
                receiver.fail_next -= 1
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.stop()


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
