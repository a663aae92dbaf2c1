"""Issue 19, "The processor is a setting": what "Test the connection" tells apart (a key Stripe
takes, with its account's name and mode; a wrong or revoked key; a restricted one; Stripe out of
reach), and which processor runs: `RENEWDESK_GATEWAY` over the setting over the sandbox, and
Stripe without its key never the sandbox."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from renewdesk.app import make_processor
from renewdesk.domain.errors import InputError
from renewdesk.payments.choice import ProcessorNotReady, mode_of, require_ready
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.payments.stripe_check import StripeAccount, check_key
from renewdesk.payments.stripe_gateway import StripeProcessor
from tests.peers import KEY, LocalStripe, free_port


class FakeStripe:
    """Stripe's own answers where localstripe has none: an account with its name (GET
    /v1/account), a restricted key refused (403, permission_error)."""

    def __init__(self, status: int, bodies: dict[str, Any]) -> None:
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                body = json.dumps(fake.bodies.get(path, {"error": {
                    "type": "invalid_request_error", "message": "Unrecognized request URL"}}))
                self.send_response(fake.status if path in fake.bodies else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args: Any) -> None:
                pass

        self.status, self.bodies = status, bodies
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_stripe() -> Iterator[list[FakeStripe]]:
    made: list[FakeStripe] = []
    yield made
    for fake in made:
        fake.stop()


BALANCE = {"object": "balance", "livemode": False, "available": [], "pending": []}
INTENTS = {"object": "list", "data": [], "has_more": False, "url": "/v1/payment_intents"}


def test_issue19_a_test_key_is_taken_by_stripe_in_test_mode(localstripe: LocalStripe) -> None:
    """localstripe has no GET /v1/account: the key is proved by the balance and the payments,
    the account's name is then unknown."""
    assert check_key(KEY, localstripe.url, 5) == StripeAccount(None, live=False)


def test_issue19_a_live_key_is_told_as_live(localstripe: LocalStripe) -> None:
    assert check_key("sk_live_renewdesk", localstripe.url, 5).live


def test_issue19_a_wrong_or_revoked_key_is_refused(localstripe: LocalStripe) -> None:
    with pytest.raises(InputError) as refused:
        check_key("rk_test_revoked", localstripe.url, 5)  # localstripe answers 401
    assert refused.value.code == "stripe_key_refused"


def test_issue19_a_key_of_the_wrong_shape_is_refused_before_any_call() -> None:
    with pytest.raises(InputError) as refused:
        check_key("pk_test_publishable", "http://127.0.0.1:9", 1)
    assert refused.value.code == "stripe_key_shape"


def test_issue19_the_account_is_named_as_stripe_names_it(fake_stripe: list[FakeStripe]) -> None:
    fake = FakeStripe(200, {"/v1/balance": {**BALANCE, "livemode": True},
                            "/v1/payment_intents": INTENTS,
                            "/v1/account": {"object": "account", "id": "acct_1",
                                            "settings": {"dashboard": {
                                                "display_name": "Hébergement Dupont"}}}})
    fake_stripe.append(fake)
    assert check_key("sk_test_x", fake.url, 5) == StripeAccount("Hébergement Dupont", True)


def test_issue19_a_restricted_key_without_the_permissions_is_refused(
        fake_stripe: list[FakeStripe]) -> None:
    denied = {"error": {"type": "invalid_request_error", "message": "The provided key "
                        "'rk_test_***abc' does not have the required permissions"}}
    fake = FakeStripe(403, {"/v1/balance": denied, "/v1/payment_intents": denied})
    fake_stripe.append(fake)
    with pytest.raises(InputError) as refused:
        check_key("rk_test_abc", fake.url, 5)
    assert refused.value.code == "stripe_key_restricted"


def test_issue19_stripe_out_of_reach_is_said_so() -> None:
    with pytest.raises(InputError) as refused:
        check_key(KEY, f"http://127.0.0.1:{free_port()}", 2)
    assert refused.value.code == "stripe_unreachable"
    assert KEY not in str(refused.value.values)


def processor(tmp_path: Path, env: dict[str, str], chosen: str | None) -> object:
    return make_processor(f"sqlite:///{tmp_path / 'renewdesk.db'}", env, chosen)


def test_issue19_the_environment_overrides_the_setting_which_overrides_the_default(
        tmp_path: Path) -> None:
    key = {"RENEWDESK_STRIPE_SECRET_KEY": KEY}
    assert isinstance(processor(tmp_path, key, None), SandboxProcessor)
    assert isinstance(processor(tmp_path, key, "stripe"), StripeProcessor)
    assert isinstance(processor(tmp_path, {**key, "RENEWDESK_GATEWAY": "sandbox"}, "stripe"),
                      SandboxProcessor)
    assert isinstance(processor(tmp_path, {**key, "RENEWDESK_GATEWAY": "stripe"}, "sandbox"),
                      StripeProcessor)


def test_issue19_stripe_chosen_without_its_key_refuses_every_call_never_the_sandbox(
        tmp_path: Path, env: dict[str, str], system_keyring: object,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RENEWDESK_STRIPE_SECRET_KEY", raising=False)
    chosen = processor(tmp_path, env, "stripe")
    assert isinstance(chosen, ProcessorNotReady)
    assert mode_of(chosen) == "stripe_not_ready"
    with pytest.raises(InputError) as refused:
        require_ready(chosen)
    assert refused.value.code == "stripe_key_unreadable"
    with pytest.raises(InputError):
        chosen.charge(None, None)  # type: ignore[arg-type]
    assert not (tmp_path / "renewdesk.db.sandbox-ledger.sqlite").exists()
    by_environment = processor(tmp_path, {**env, "RENEWDESK_GATEWAY": "stripe"}, None)
    assert isinstance(by_environment, ProcessorNotReady)
    assert by_environment.refusal.code == "no_stripe_key"  # says how, for unattended machines
