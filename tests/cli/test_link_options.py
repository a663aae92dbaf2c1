"""NT-3 on the command line: a link does only what it says, so a payment method's options are
refused by a link that does not update one; a mistyped processor customer id is bad input."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from renewdesk.store.models import AuditEntry, Event
from tests.builders import card, customer, document, order, service
from tests.conftest import World
from tests.peers import LocalStripe
from tests.stripe import conftest as stripe_fixtures
from tests.web.conftest import token

CARD_OPTIONS = {
    "a new token": ("--new-token", "pm_card_mastercard"),
    "every card option": ("--new-token", "pm_card_mastercard", "--new-ref", "K9", "--brand",
                          "mastercard", "--last4", "4444", "--exp", "12/2034", "--holder",
                          "Jean Dupont"),
    "a brand without a token": ("--brand", "visa"),
    "an expiry without a token": ("--exp", "12/2034"),
}
stripe_world = stripe_fixtures.stripe_world  # the Stripe world, on localstripe
RULE_ID = re.compile(r"\b[A-Z]{2}-\d+\b")


def load(world: World) -> None:
    """C1 has a renewal notice (a cancel link) and a pending plan change (a confirm link); C2's
    card fails, so C2 has a link to update its payment method."""
    world.load(document(
        [customer("C1", card("K1")),
         customer("C2", card("K2", token="pm_card_visa_chargeDeclined", last4="0002"))],
        [service("S1", "C1", "2026-12-01", payment_method="K1")],
        [order("O1", "C1", "K1", "2026-12-05"), order("O2", "C2", "K2", "2026-11-05")]))
    world.run("2026-11-05")
    world.run("2026-11-16")
    assert world.cli("plan-update", "O1", "--amount", "40.00", today="2026-11-16")[0] == 0


def trail(world: World) -> tuple[int, int]:
    with world.session() as session:
        return (session.scalar(select(func.count()).select_from(Event)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def refused(world: World, *args: str) -> str:
    """The command is refused as bad input with one line, and nothing at all was written."""
    before, events_and_audit = world.fingerprint(), trail(world)
    code, _out, err = world.cli(*args, today="2026-11-17")
    assert code == 2, err
    assert err.count("\n") == 1 and not RULE_ID.search(err), err
    assert trail(world) == events_and_audit
    assert world.fingerprint() == before
    return err


@pytest.mark.parametrize("options", sorted(CARD_OPTIONS))
def test_nt3_cancel_link_refuses_card_options(world: World, options: str) -> None:
    load(world)
    err = refused(world, "link", token(world, "cancel_renewal", "C1"), "--accept",
                  *CARD_OPTIONS[options])
    assert "this link does not do that" in err and "cancels" in err
    (renewal,) = world.export()["renewals"]
    assert renewal["status"] == "scheduled"


@pytest.mark.parametrize("options", sorted(CARD_OPTIONS))
def test_nt3_plan_confirm_link_refuses_card_options(world: World, options: str) -> None:
    load(world)
    err = refused(world, "link", token(world, "confirm_plan_change", "C1"), "--accept",
                  *CARD_OPTIONS[options])
    assert "this link does not do that" in err and "confirms" in err
    (o1,) = [o for o in world.export()["installment_orders"] if o["ref"] == "O1"]
    assert [c["status"] for c in o1["plan_changes"]] == ["pending"]


@pytest.mark.parametrize("options", [(), ("--brand", "visa", "--last4", "4444")])
def test_nt3_update_method_link_refuses_without_a_new_token(world: World,
                                                            options: tuple[str, ...]) -> None:
    load(world)
    err = refused(world, "link", token(world, "update_payment_method", "C2"), "--accept",
                  *options)
    assert "processor token" in err


def test_nt3_update_method_link_still_takes_card_options(world: World) -> None:
    load(world)
    code, out, err = world.cli("link", token(world, "update_payment_method", "C2"), "--accept",
                               *CARD_OPTIONS["every card option"], today="2026-11-17")
    assert code == 0, err
    assert "payment method K9 saved for C2" in out
    (o2,) = [o for o in world.export()["installment_orders"] if o["ref"] == "O2"]
    assert o2["payment_method"] == "K9"


def test_pm6_link_customer_refuses_an_id_the_sandbox_does_not_know(world: World) -> None:
    world.load(document([customer("C1", card("K1"))]))
    err = refused(world, "link-customer", "C1", "cus_doesnotexist")
    assert "no customer cus_doesnotexist at the processor" in err
    assert world.export()["customers"][0]["processor_customer"] is None


def test_pm6_sync_methods_refuses_an_id_the_sandbox_does_not_know(world: World) -> None:
    doc = document([customer("C1", card("K1"))])
    doc["customers"][0]["processor_customer"] = "cus_doesnotexist"
    world.load(doc)
    err = refused(world, "sync-methods", "C1")
    assert "no customer cus_doesnotexist at the processor" in err


@pytest.mark.slow
def test_pm6_link_customer_refuses_an_id_stripe_does_not_know(stripe_world: World) -> None:
    stripe_world.load(document([customer("C1")]))
    err = refused(stripe_world, "link-customer", "C1", "cus_doesnotexist")
    assert "no customer cus_doesnotexist at the processor" in err
    assert "InvalidRequestError" not in err
    assert stripe_world.export()["customers"][0]["processor_customer"] is None


@pytest.mark.slow
def test_pm6_sync_of_all_customers_goes_on_past_an_id_stripe_does_not_know(
        stripe_world: World, localstripe: LocalStripe) -> None:
    client = localstripe.client()
    cus = client.v1.customers.create(params={"email": "c2@example.fr"})
    client.v1.payment_methods.attach("pm_card_visa", params={"customer": cus.id})
    doc = document([customer("C1"), customer("C2")])
    doc["customers"][0]["processor_customer"] = "cus_doesnotexist"
    doc["customers"][1]["processor_customer"] = str(cus.id)
    stripe_world.load(doc)
    code, out, err = stripe_world.cli("sync-methods", today="2026-11-17")
    assert code == 1  # C2's card was imported: not "nothing changed"
    assert err.count("\n") == 1 and "C1: no customer cus_doesnotexist at the processor" in err
    assert "C2: 1 method(s) imported" in out
