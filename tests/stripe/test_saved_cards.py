"""Cards without renewdesk ever touching a card number: link an existing Stripe customer and
import its saved cards, refresh details the networks change (PM-6), and e-mail the customer
Stripe's hosted page to save a new card."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.store.models import Event, PaymentMethod
from tests.builders import customer, document
from tests.conftest import World
from tests.stripe.conftest import LocalStripe

pytestmark = pytest.mark.slow


def stripe_customer_with_card(localstripe: LocalStripe) -> str:
    """A customer who saved a card on Stripe before renewdesk existed."""
    client = localstripe.client()
    cus = client.v1.customers.create(params={"email": "jean@example.fr"})
    method = client.v1.payment_methods.retrieve("pm_card_visa")
    client.v1.payment_methods.attach(method.id, params={"customer": cus.id})
    return str(cus.id)


def test_pm6_link_existing_stripe_customer_imports_saved_cards(stripe_world: World,
                                                               localstripe: LocalStripe) -> None:
    cus = stripe_customer_with_card(localstripe)
    stripe_world.load(document([customer("C1")]))
    code, out, err = stripe_world.cli("link-customer", "C1", cus, today="2026-11-01")
    assert code == 0, err
    assert "1 method(s) imported (C1-VISA-4242)" in out
    (saved,) = stripe_world.export()["customers"][0]["payment_methods"]
    assert (saved["brand"], saved["last4"], saved["exp_year"], saved["accepted"]) == (
        "visa", "4242", 2030, True)
    assert stripe_world.export()["customers"][0]["processor_customer"] == cus
    code, out, _ = stripe_world.cli("sync-methods", "C1", today="2026-11-02")
    assert "0 method(s) imported, 0 refreshed" in out  # nothing twice


def test_pm6_refresh_records_what_the_card_network_changed(stripe_world: World,
                                                          localstripe: LocalStripe) -> None:
    cus = stripe_customer_with_card(localstripe)
    stripe_world.load(document([customer("C1")]))
    assert stripe_world.cli("link-customer", "C1", cus, today="2026-11-01")[0] == 0
    with stripe_world.session() as s:  # what we knew before the network updated the card
        method = s.scalars(select(PaymentMethod)).one()
        method.exp_year, method.last4 = 2027, "1111"
        s.commit()
    code, out, err = stripe_world.cli("sync-methods", today="2026-11-02")
    assert code == 0 and "1 refreshed (C1-VISA-4242)" in out, err
    with stripe_world.session() as s:
        event = s.scalars(select(Event).where(Event.type == "customer.payment_method.changed")
                          .order_by(Event.id.desc())).first()
        assert event is not None and event.data["change"] == "updated"
        assert event.data["fields"] == {"exp_year": [2027, 2030], "last4": ["1111", "4242"]}


class CheckoutStub:
    """Stripe's Checkout endpoint, which localstripe lacks: records what renewdesk sends."""

    def __init__(self) -> None:
        self.forms: list[dict[str, list[str]]] = []
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                stub.forms.append(urllib.parse.parse_qs(body))
                answer = json.dumps({"id": "cs_test_1", "object": "checkout.session",
                                     "mode": "setup", "url": "https://checkout.stripe.com/c/"
                                     "pay/cs_test_1"}).encode()
                self.send_response(200 if self.path == "/v1/checkout/sessions" else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def checkout() -> Iterator[CheckoutStub]:
    stub = CheckoutStub()
    yield stub
    stub.server.shutdown()
    stub.server.server_close()


def test_pm2_card_page_is_stripes_checkout_in_setup_mode_sent_by_mail(
        stripe_world: World, checkout: CheckoutStub, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = document([customer("C1", language="en")])
    doc["customers"][0]["processor_customer"] = "cus_linked"
    stripe_world.load(doc)
    monkeypatch.setenv("RENEWDESK_STRIPE_API_BASE", checkout.url)
    code, out, err = stripe_world.cli("card-page", "C1", today="2026-11-01")
    assert code == 0, err
    assert "was sent a link" in out
    (form,) = checkout.forms
    assert form["mode"] == ["setup"] and form["customer"] == ["cus_linked"]
    assert form["payment_method_types[0]"] == ["card"]
    (mail,) = stripe_world.mails("add_payment_method")
    assert "https://checkout.stripe.com/c/pay/cs_test_1" in mail.body
    assert mail.subject == "Save a new payment method"


def test_pm1_no_card_page_for_an_incomplete_profile(stripe_world: World) -> None:
    stripe_world.load(document([customer("C1", address="")]))
    code, _out, err = stripe_world.cli("card-page", "C1", today="2026-11-01")
    assert code == 2 and "needs address" in err
