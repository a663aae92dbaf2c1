"""US-1 to US-3: usage-billed services, invoiced in arrears, each on its own, overdue when
attempts are exhausted."""

from __future__ import annotations

from tests.builders import card, customer, document, usage_service
from tests.conftest import World


def usage(service: str, on: str, quantity: int) -> dict[str, object]:
    return {"service": service, "on": on, "quantity": quantity}


def test_us1_month_invoiced_on_first_run_of_next_month_nothing_at_setup(world: World) -> None:
    world.load(document([customer("C1", card("A"))], [usage_service("U1", "C1", "0.50", "A")],
                        usage=[usage("U1", "2026-11-03", 10), usage("U1", "2026-11-30", 4),
                               usage("U1", "2026-12-01", 99)]))
    world.walk("2026-11-01", "2026-11-30")
    assert world.export()["usage_invoices"] == []
    world.run("2026-12-02")
    (invoice,) = world.export()["usage_invoices"]
    assert (invoice["period"], invoice["quantity"], invoice["amount"]) == ("2026-11", 14, "7.00")
    assert invoice["status"] == "paid"


def test_us1_missed_months_are_invoiced_in_order(world: World) -> None:
    world.load(document([customer("C1", card("A"))], [usage_service("U1", "C1", "1.00", "A")],
                        usage=[usage("U1", "2026-10-03", 1), usage("U1", "2026-11-03", 2)]))
    world.run("2026-12-05")
    assert [(i["period"], i["amount"]) for i in world.export()["usage_invoices"]] == [
        ("2026-10", "1.00"), ("2026-11", "2.00")]


def test_us2_each_service_billed_separately_failure_does_not_touch_another(world: World) -> None:
    world.load(document(
        [customer("C1", card("A", token="pm_card_visa_chargeDeclined"), card("B"))],
        [usage_service("U1", "C1", "1.00", "A"), usage_service("U2", "C1", "2.00", "B")],
        usage=[usage("U1", "2026-11-03", 3), usage("U2", "2026-11-03", 3)]))
    world.run("2026-11-01")
    world.cli("settings", "fallback_to_other_methods=off")
    world.run("2026-12-01")
    invoices = {i["service"]: i for i in world.export()["usage_invoices"]}
    assert invoices["U1"]["status"] == "failed" and invoices["U2"]["status"] == "paid"
    statuses = {s["ref"]: s["status"] for s in world.export()["services"]}
    assert statuses == {"U1": "active", "U2": "active"}


def test_us3_retried_like_installments_then_overdue_and_suspended(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                        [usage_service("U1", "C1", "1.00", "A")],
                        usage=[usage("U1", "2026-11-03", 5)]))
    world.walk("2026-12-01", "2026-12-20")
    (invoice,) = world.export()["usage_invoices"]
    assert [a["on"] for a in invoice["attempts"]] == ["2026-12-01", "2026-12-08", "2026-12-15"]
    assert world.export()["services"][0]["status"] == "overdue"
    assert len(world.mails("usage_failed")) == 3
