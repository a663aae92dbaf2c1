"""Customer pages: `renewdesk serve-links` started for real on 127.0.0.1, driven by headless
Chromium (Debian's, through Playwright), or read with plain GETs as a mail scanner would."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.store.models import Customer, CustomerLink
from tests.builders import card, customer, document, order, service
from tests.conftest import REPO, World

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def serve(world: World, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Start serve-links on the world's database as of a date; returns its base URL."""
    started: list[subprocess.Popen[bytes]] = []

    def start(today: str) -> str:
        for old in started:
            old.terminate()
            old.wait(10)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(REPO), "RENEWDESK_LOG_DIR": str(tmp_path / "logs")}
        process = subprocess.Popen(
            [sys.executable, "-m", "renewdesk", "--db", str(world.db), "--today", today,
             "serve-links", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(process)
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                assert time.monotonic() < deadline, "serve-links did not start"
                time.sleep(0.05)

    yield start
    for process in started:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "chromium is missing: scripts/browser-deps installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB")
    yield context.new_page()
    context.close()


def load(world: World) -> None:
    """C1 (French) has a renewal notice and an order whose plan can change; C2 (English) has a
    card that fails, so it gets a link to update its payment method."""
    world.load(document(
        [customer("C1", card("K1")),
         customer("C2", card("K2", token="pm_card_visa_chargeDeclined", last4="0002"),
                  name="Ann Smith", language="en")],
        [service("S1", "C1", "2026-12-01", payment_method="K1")],
        [order("O1", "C1", "K1", "2026-12-05"), order("O2", "C2", "K2", "2026-11-05")]))
    world.run("2026-11-05")  # O2's installment fails: installment_failed, with an update link
    world.run("2026-11-16")  # S1's renewal notice, with a cancel link


def token(world: World, action: str, customer_ref: str) -> str:
    with world.session() as session:
        found = session.scalars(select(CustomerLink.token).join(
            Customer, Customer.id == CustomerLink.customer_id).where(
            CustomerLink.action == action, Customer.ref == customer_ref)
            .order_by(CustomerLink.id.desc())).first()
    assert found, f"no {action} link for {customer_ref}"
    return found
