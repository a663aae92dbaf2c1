"""The customer pages in-process (Flask's test client), for what a browser on the sandbox never
sees: a processor with a hosted page of its own, and the one function that words a refusal."""

from __future__ import annotations

import ast
import dataclasses
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient

from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.payments.processor import MethodDetails, Payer, ProcessorUnavailable
from renewdesk.services.links import LinkRefused
from renewdesk.web import render, texts
from renewdesk.web.server import create_app
from tests.conftest import REPO, World
from tests.test_house import imports_of
from tests.web.conftest import load, token

WEB = REPO / "renewdesk" / "web"


class HostedPageProcessor:
    """The sandbox, except that it hosts its own page, as Stripe does (Checkout)."""

    def __init__(self, real: Any, unavailable: bool = False) -> None:
        self.real = real
        self.unavailable = unavailable
        self.asked: list[tuple[Payer, str]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def stand_in_methods(self) -> dict[str, MethodDetails]:
        return {}

    def setup_page(self, payer: Payer, return_url: str) -> str:
        self.asked.append((payer, return_url))
        if self.unavailable:
            raise ProcessorUnavailable("APIConnectionError: no route to the processor")
        return "https://checkout.example/c/pay/cs_test_1"


def client_for(world: World, processor: Any = None) -> FlaskClient:
    app = dataclasses.replace(world.app, today_override=date(2026, 11, 6),
                              processor=processor or world.app.processor)
    return create_app(app).test_client()


def csrf_of(client: FlaskClient, link: str) -> str:
    body = client.get(f"/l/{link}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    return body.split('name="csrf" value="')[1].split('"')[0]


def test_pm2_a_processor_with_its_own_page_gets_the_customer_there(world: World) -> None:
    load(world)
    link = token(world, "update_payment_method", "C2")
    processor = HostedPageProcessor(world.app.processor)
    client = client_for(world, processor)
    before = world.export()
    response = client.post(f"/l/{link}/card", data={"csrf": csrf_of(client, link),
                                                    "replace": "K2"})
    assert response.status_code == 303
    assert response.headers["Location"] == "https://checkout.example/c/pay/cs_test_1"
    ((payer, back),) = processor.asked
    assert payer.ref == "C2" and payer.name == "Ann Smith"
    assert back == (f"http://localhost/l/{link}/card-saved?replace=K2"
                    "&session_id={CHECKOUT_SESSION_ID}")
    assert client.get(f"/l/{link}/sandbox-card").status_code == 404  # no stand-in page then
    assert world.export() == before


def test_pm2_the_sandbox_sends_the_customer_to_its_stand_in_page(world: World) -> None:
    load(world)
    link = token(world, "update_payment_method", "C2")
    client = client_for(world)
    response = client.post(f"/l/{link}/card", data={"csrf": csrf_of(client, link),
                                                    "replace": "K2"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/l/{link}/sandbox-card?replace=K2"
    body = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "mastercard •••• 4444" in body and "pm_card_mastercard" in body


def test_pm2_an_unavailable_processor_page_says_so_and_changes_nothing(world: World) -> None:
    load(world)
    link = token(world, "update_payment_method", "C2")
    client = client_for(world, HostedPageProcessor(world.app.processor, unavailable=True))
    before = world.export()
    response = client.post(f"/l/{link}/card", data={"csrf": csrf_of(client, link)})
    assert response.status_code == 503
    assert "This was not done: APIConnectionError" in response.get_data(as_text=True)
    assert world.export() == before


@pytest.mark.parametrize("language", ["en", "fr"])
def test_pm5_a_refused_removal_reads_the_customers_sentence(language: str) -> None:
    error = RuleRefused("PM-5", "payment method K2 can be replaced by a new one, not just "
                                "removed (payment_method_removal = replace_only)")
    words = texts.words(language)
    assert render.refusal(error, language) == words["refused"].format(
        reason=words["remove_refused"])
    assert "payment_method_removal" not in render.refusal(error, language)


def test_nt3_any_other_refusal_is_shown_as_the_error_says_it() -> None:
    error = InputError("this link was already used on 2026-11-17")
    assert render.refusal(error, "en") == f"This was not done: {error}"
    assert render.refusal(error, "fr") == f"Ce n'a pas été fait : {error}"


def test_nt3_pages_reach_the_database_only_through_services() -> None:
    for path in WEB.glob("*.py"):
        found = {name for name in imports_of(path)
                 if name.split(".")[0] == "sqlalchemy" or name.startswith("renewdesk.store")}
        assert found == set(), path.name
        assert "SandboxProcessor" not in path.read_text(encoding="utf-8"), path.name


def test_nt3_page_code_has_short_functions_and_files() -> None:
    for path in WEB.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 50, f"{path.name}: {node.name} has {length} lines"


def test_nt3_a_coded_refusal_reads_in_the_customers_language() -> None:
    error = LinkRefused("link_used", on=date(2026, 11, 17))
    assert render.refusal(error, "en") == ("This was not done: this link was already used on "
                                           "2026-11-17")
    assert render.refusal(error, "fr") == ("Ce n'a pas été fait : ce lien a déjà été utilisé "
                                           "le 17/11/2026")
