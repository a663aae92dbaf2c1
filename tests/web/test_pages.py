"""NT-3, AR-4, IN-2, PM-5, PM-6 on the customer pages, in a real headless browser."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import World
from tests.web.conftest import load, token

pytestmark = pytest.mark.slow


def services(world: World) -> dict[str, Any]:
    return {s["ref"]: s for s in world.export()["services"]}


def renewal_status(world: World) -> str:
    (renewal,) = world.export()["renewals"]
    return str(renewal["status"])


def methods(world: World, customer_ref: str) -> list[dict[str, Any]]:
    (found,) = [c for c in world.export()["customers"] if c["ref"] == customer_ref]
    return [m for m in found["payment_methods"] if not m.get("removed_on")]


def test_ar4_cancel_page_shows_the_renewal_and_one_click_cancels(world: World, serve: Any,
                                                                 page: Any) -> None:
    load(world)
    base = serve("2026-11-17")
    url = f"{base}/l/{token(world, 'cancel_renewal', 'C1')}"
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "fr"  # the customer's language
    text = page.inner_text("main")
    assert "s1.fr" in text and "12,00" in text and "24 novembre 2026" in text and "4242" in text
    assert renewal_status(world) == "scheduled"  # opening changed nothing
    page.get_by_role("button", name="Annuler ce renouvellement").click()
    assert "Votre renouvellement est annulé" in page.inner_text("main")
    assert renewal_status(world) == "cancelled"
    assert [m.kind for m in world.mails("renewal_cancelled")] == ["renewal_cancelled"]
    response = page.goto(url)  # a second visit says it is done
    assert response.status == 410 and "déjà été utilisé" in page.inner_text("main")


def test_in2_confirm_in_time_applies_the_new_amount(world: World, serve: Any, page: Any) -> None:
    load(world)
    assert world.cli("plan-update", "O1", "--amount", "25.00", today="2026-11-20")[0] == 0
    base = serve("2026-11-25")
    page.goto(f"{base}/l/{token(world, 'confirm_plan_change', 'C1')}")
    text = page.inner_text("main")
    assert "30,00" in text and "25,00" in text and "5 décembre 2026" in text
    page.get_by_role("button", name="Confirmer le nouveau montant").click()
    assert "Merci" in page.inner_text("main")
    (o1,) = [o for o in world.export()["installment_orders"] if o["ref"] == "O1"]
    assert o1["installment_amount"] == "25.00"


def test_in2_confirm_too_late_says_expired_and_changes_nothing(world: World, serve: Any,
                                                               page: Any) -> None:
    load(world)
    assert world.cli("plan-update", "O1", "--amount", "25.00", today="2026-11-20")[0] == 0
    before = world.export()
    base = serve("2026-12-01")  # the deadline was 11-30
    response = page.goto(f"{base}/l/{token(world, 'confirm_plan_change', 'C1')}")
    assert response.status == 410
    assert "a expiré le 30 novembre 2026" in page.inner_text("main")
    assert page.get_by_role("button").count() == 0
    assert world.export() == before


def test_pm5_pm6_replace_a_card_through_the_processor_page(world: World, serve: Any,
                                                           page: Any) -> None:
    load(world)
    base = serve("2026-11-06")
    page.goto(f"{base}/l/{token(world, 'update_payment_method', 'C2')}")
    assert "visa •••• 0002" in page.inner_text("main")
    page.get_by_role("button", name="Replace visa 0002").click()
    page.get_by_label("mastercard •••• 4444", exact=False).check()
    page.get_by_role("button", name="Save this payment method").click()
    assert "Your payment method is saved" in page.inner_text("main")
    saved = methods(world, "C2")
    assert [(m["brand"], m["last4"]) for m in saved] == [("mastercard", "4444")]
    events = [e for e in world.export()["events"] if e["type"] == "customer.payment_method.changed"
              and e["subject"] == "C2"]
    assert events[-1]["data"]["change"] == "replaced"  # PM-6


def test_pm5_removal_refused_by_the_policy_says_why(world: World, serve: Any, page: Any) -> None:
    load(world)
    before = methods(world, "C2")
    base = serve("2026-11-06")
    page.goto(f"{base}/l/{token(world, 'update_payment_method', 'C2')}")
    page.get_by_role("button", name="Remove visa 0002").click()
    text = page.inner_text("main")
    assert "can be replaced by a new one, but not just removed" in text
    assert methods(world, "C2") == before
