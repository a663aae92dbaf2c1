"""CP-2 without a public server: with `pay_pages = processor`, the failure e-mail carries the
processor's own pay-now page, made when the e-mail is sent; what the customer pays there is
written by the next run as the item's attempt, once; a page whose item was paid otherwise is
closed (CP-3). localstripe models no Checkout session, so the processor here is the sandbox with
a stand-in for Stripe's hosted page (the real one's calls are `StripeProcessor.payment_page*`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.payments.processor import (
    ChargeOutcome,
    ChargeRequest,
    PagePaid,
    PaymentPage,
    ProcessorUnavailable,
)
from renewdesk.store.models import HostedPage, PaymentMethod
from tests.builders import card, customer, document, order
from tests.conftest import World
from tests.services.test_customer_payments import charges, installment


@dataclass
class _Page:
    request: ChargeRequest
    state: str = "open"
    paid: PagePaid | None = None


class HostedSandbox:
    """The sandbox, with a page of the processor's own where the customer pays (as Stripe
    Checkout in payment mode): it charges the sandbox's ledger with the page's key."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.pages: dict[str, _Page] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def payment_page(self, request: ChargeRequest, return_url: str) -> PaymentPage:
        assert return_url == "https://shop.example/thanks"
        page_id = f"cs_test_{len(self.pages) + 1}"
        self.pages[page_id] = _Page(request)
        return PaymentPage(page_id, f"https://checkout.example/{page_id}")

    def pay_on_page(self, page_id: str, token: str, today: date) -> ChargeOutcome:
        """The customer, on the processor's page."""
        page = self.pages[page_id]
        if page.state != "open":
            raise ProcessorUnavailable("this page can no longer be paid")
        outcome: ChargeOutcome = self.real.charge(replace(page.request, token=token), today)
        if outcome.status == "succeeded":
            page.state, page.paid = "complete", PagePaid(outcome, token)
        return outcome

    def payment_page_outcome(self, page_id: str) -> PagePaid | None:
        return self.pages[page_id].paid

    def close_payment_page(self, page_id: str) -> None:
        if self.pages[page_id].state == "open":
            self.pages[page_id].state = "expired"


@pytest.fixture
def hosted(world: World) -> HostedSandbox:
    fake = HostedSandbox(world.app.processor)
    world.app.processor = fake  # type: ignore[assignment]
    assert world.cli("settings", "pay_pages=processor",
                     "pay_return_url=https://shop.example/thanks")[0] == 0
    return fake


def failed(world: World) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"),
                                  card("K2", token="pm_card_mastercard", last4="4444"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    with world.session() as session:  # K2 is not tried by the run on the due day
        session.scalars(select(PaymentMethod).where(PaymentMethod.ref == "K2")).one() \
            .blocked_code = "do_not_honor"
        session.commit()
    world.run("2026-11-05")


def test_cp2_the_email_carries_the_processors_page_and_its_payment_is_written_once(
        world: World, hosted: HostedSandbox) -> None:
    failed(world)
    (mail,) = world.mails("installment_failed")
    (page_id,) = hosted.pages
    assert f"https://checkout.example/{page_id}" in mail.body
    assert mail.body.count("127.0.0.1:8765/l/") == 1  # only the card update is serve-links'
    assert mail.html is not None and f"https://checkout.example/{page_id}" in mail.html  # HM-4
    assert mail.html.count("127.0.0.1:8765/l/") == 1
    assert hosted.pay_on_page(page_id, "pm_card_amex", date(2026, 11, 5)).status == "succeeded"
    world.run("2026-11-06")  # asks the processor first: paid there
    assert installment(world, "O1", 1)["status"] == "paid"
    assert [c["status"] for c in charges(world, "O1#1")] == ["declined", "succeeded"]
    world.run("2026-11-07")  # nothing is written twice
    (o1,) = world.export()["installment_orders"]
    assert [a["result"] for a in o1["installments"][0]["attempts"]] == ["declined", "succeeded"]
    methods = [m["token"] for m in world.export()["customers"][0]["payment_methods"]]
    assert "pm_card_amex" in methods  # the card entered there, kept for next time
    with world.session() as session:
        assert [p.state for p in session.scalars(select(HostedPage))] == ["paid"]


def test_cp3_a_page_whose_item_was_paid_otherwise_is_closed(
        world: World, hosted: HostedSandbox) -> None:
    failed(world)
    (page_id,) = hosted.pages
    with world.session() as session:  # the customer fixed their card: the run's retry pays
        k2 = session.scalars(select(PaymentMethod).where(PaymentMethod.ref == "K2")).one()
        k2.blocked_code = None
        from renewdesk.store.models import InstallmentOrder
        session.scalars(select(InstallmentOrder)).one().payment_method = k2
        session.commit()
    retry = installment(world, "O1", 1)["next_attempt_on"]
    world.run(retry)
    assert installment(world, "O1", 1)["status"] == "paid"
    assert hosted.pages[page_id].state == "expired"  # closed at the processor by that run
    with pytest.raises(ProcessorUnavailable):
        hosted.pay_on_page(page_id, "pm_card_visa", date.fromisoformat(retry))
    assert [c["status"] for c in charges(world, "O1#1")].count("succeeded") == 1


def test_cp2_without_a_hosted_page_the_email_keeps_renewdesks_own(world: World) -> None:
    """The sandbox has no page of its own: the run says so, and the e-mail keeps serve-links'
    pay-now page."""
    assert world.cli("settings", "pay_pages=processor",
                     "pay_return_url=https://shop.example/thanks")[0] == 0
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    report = world.run("2026-11-05")
    assert any("no payment page" in p for p in report.problems)
    (mail,) = world.mails("installment_failed")
    assert mail.body.count("127.0.0.1:8765/l/") == 2  # pay now, and update the card


def test_cp3_a_payment_made_on_a_page_as_it_closes_is_written_not_lost(
        world: World, hosted: HostedSandbox) -> None:
    """The item was paid otherwise while the customer paid on the page: closing the page finds
    that payment and writes it (a duplicate, for a refund), rather than forgetting it."""
    from renewdesk.services import hosted_pages
    from renewdesk.store.models import Installment

    failed(world)
    (page_id,) = hosted.pages
    hosted.pay_on_page(page_id, "pm_card_amex", date(2026, 11, 6))
    with world.session() as session:  # paid otherwise meanwhile (another path)
        session.scalars(select(Installment).where(Installment.number == 1)).one().status = "paid"
        session.commit()
    assert hosted_pages.close_paid_otherwise(world.ctx("2026-11-06")) == []
    events = [e["type"] for e in world.export()["events"]]
    assert "payment.duplicate" in events
    with world.session() as session:
        assert [p.state for p in session.scalars(select(HostedPage))] == ["paid"]
