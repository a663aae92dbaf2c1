"""IN-1 to IN-7: installment orders, plan updates, smooth retries, the final attempt, SEPA and
collection."""

from __future__ import annotations

from typing import Any

from renewdesk.services.installments import find_orders
from tests.builders import card, customer, document, order, sepa
from tests.conftest import World


def the_order(world: World, ref: str = "O1") -> dict[str, Any]:
    return next(o for o in world.export()["installment_orders"] if o["ref"] == ref)


def confirm_token(world: World) -> str:
    notes = world.export()["notifications"]
    return next(link["token"] for n in notes for link in n["links"]
                if link["action"] == "confirm_plan_change" and n["kind"] ==
                "plan_change_requested" and link["used_on"] is None
                and link["subject"].endswith(f"/plan-{len(the_order(world)['plan_changes'])}"))


def test_in1_orders_found_by_reference_customer_name_or_invoice(world: World) -> None:
    world.load(document([customer("C1", card("A"), name="Jean Dupont"),
                         customer("C2", card("B"), name="Greta Keller")],
                        orders=[order("ORD-1", "C1", "A", "2026-11-10"),
                                order("ORD-2", "C2", "B", "2026-11-10")]))
    with world.session() as s:
        assert [o.ref for o in find_orders(s, "ord-2")] == ["ORD-2"]
        assert [o.ref for o in find_orders(s, "dupont")] == ["ORD-1"]
        assert [o.ref for o in find_orders(s, "FA-ORD-1")] == ["ORD-1"]
    code, out, _ = world.cli("find-orders", "keller")
    assert code == 0 and out.startswith("ORD-2\tGreta Keller")


def test_in1_schedule_count_interval_amount(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-30", count=3, amount="49.00")]))
    items = the_order(world)["installments"]
    assert [(i["number"], i["due_on"], i["amount"]) for i in items] == [
        (1, "2026-11-30", "49.00"), (2, "2026-12-30", "49.00"), (3, "2027-01-30", "49.00")]


def test_in2_amount_below_minimum_or_unchanged_is_refused(world: World) -> None:
    world.load(document([customer("C1", card("A"))], orders=[order("O1", "C1", "A", "2026-12-01")]))
    code, _out, err = world.cli("plan-update", "O1", "--amount", "1.99", today="2026-11-01")
    assert code == 2 and "below the minimum 2.00 EUR" in err
    code, _out, err = world.cli("plan-update", "O1", "--amount", "30.00", today="2026-11-01")
    assert code == 2 and "is the current amount" in err
    code, _out, err = world.cli("plan-update", "O1", "--amount", "40,00", today="2026-11-01")
    assert code == 2 and "not a decimal amount" in err
    assert the_order(world)["plan_changes"] == []


def test_in2_confirmed_in_time_applies_to_installments_due_after_confirmation(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=4)]))
    world.run("2026-11-01")
    assert world.cli("plan-update", "O1", "--amount", "40.00", today="2026-11-20")[0] == 0
    (mail,) = world.mails("plan_change_requested")
    assert "40,00" in mail.body and "30,00" in mail.body
    code, _out, err = world.cli("link", confirm_token(world), "--accept", today="2026-11-30")
    assert code == 0, err
    world.walk("2026-12-01", "2027-02-01")
    items = the_order(world)["installments"]
    assert [i["amount"] for i in items] == ["30.00", "40.00", "40.00", "40.00"]
    assert [i["attempts"][0]["amount"] for i in items] == ["30.00", "40.00", "40.00", "40.00"]
    (change,) = the_order(world)["plan_changes"]
    assert (change["status"], change["confirmed_on"]) == ("confirmed", "2026-11-30")


def test_in2_unconfirmed_change_expires_and_nothing_changes(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-12-15", count=2)]))
    assert world.cli("plan-update", "O1", "--amount", "25.00", today="2026-11-01")[0] == 0
    token = confirm_token(world)
    world.walk("2026-11-01", "2026-11-12")
    assert the_order(world)["plan_changes"][0]["status"] == "expired"
    code, _out, err = world.cli("link", token, "--accept", today="2026-11-12")
    assert code == 2 and "expired" in err
    assert [i["amount"] for i in the_order(world)["installments"]] == ["30.00", "30.00"]


def test_in2_a_newer_request_replaces_a_pending_one(world: World) -> None:
    world.load(document([customer("C1", card("A"))], orders=[order("O1", "C1", "A", "2026-12-15")]))
    assert world.cli("plan-update", "O1", "--amount", "25.00", today="2026-11-01")[0] == 0
    first = confirm_token(world)
    assert world.cli("plan-update", "O1", "--amount", "20.00", today="2026-11-02")[0] == 0
    assert [c["status"] for c in the_order(world)["plan_changes"]] == ["replaced", "pending"]
    code, _out, err = world.cli("link", first, "--accept", today="2026-11-03")
    assert code == 2 and "replaced" in err


def test_in3_due_installment_charged_on_first_run_on_or_after_due(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        orders=[order("O1", "C1", "A", "2026-11-05", count=1)]))
    world.run("2026-11-04")
    assert the_order(world)["installments"][0]["attempts"] == []
    world.run("2026-11-07")
    (item,) = the_order(world)["installments"]
    assert item["status"] == "paid" and item["attempts"][0]["on"] == "2026-11-07"
    assert the_order(world)["status"] == "completed"


def test_in4_soft_failure_retried_7_and_14_days_later_then_stops(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=1)]))
    world.walk("2026-11-01", "2026-11-30")
    (item,) = the_order(world)["installments"]
    assert [a["on"] for a in item["attempts"]] == ["2026-11-01", "2026-11-08", "2026-11-15"]
    assert item["status"] == "failed" and item["next_attempt_on"] is None
    failed = world.mails("installment_failed")
    assert len(failed) == 3 and all(n.links[0].action == "update_payment_method" for n in failed)
    (alert,) = world.mails("seller_alert")  # IN-4/IN-7: after the third, the seller is told
    assert alert.created_on.isoformat() == "2026-11-15"


def test_in4_hard_decline_stops_automatic_attempts_at_once(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclinedStolenCard"))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=1)]))
    world.walk("2026-11-01", "2026-11-20")
    (item,) = the_order(world)["installments"]
    assert len(item["attempts"]) == 1 and item["stopped_code"] == "stolen_card"
    assert len(world.mails("seller_alert")) == 1


def test_in5_final_attempt_once_after_exhaustion_only(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                        orders=[order("O1", "C1", "A", "2026-11-01", count=1)]))
    world.walk("2026-11-01", "2026-11-09")
    code, _out, err = world.cli("renew-plan", "O1", today="2026-11-09")
    assert code == 2 and "still has an automatic attempt on 2026-11-15" in err
    world.walk("2026-11-10", "2026-11-16")
    code, out, err = world.cli("renew-plan", "O1", today="2026-11-20")
    assert code == 0, err
    assert "failed" in out
    item = the_order(world)["installments"][0]
    assert [a["manual"] for a in item["attempts"]] == [False, False, False, True]
    code, _out, err = world.cli("renew-plan", "O1", today="2026-11-21")
    assert code == 2 and "already used" in err


def test_in5_final_attempt_can_succeed(world: World) -> None:
    doc = document([customer("C1", card("A", token="pm_card_visa_chargeDeclined"))],
                   orders=[order("O1", "C1", "A", "2026-11-01", count=1)])
    world.load(doc)
    world.walk("2026-11-01", "2026-11-16")
    doc["customers"][0]["payment_methods"][0]["token"] = "pm_card_visa"
    world.load(doc, today="2026-11-17")
    assert world.cli("renew-plan", "O1", today="2026-11-17")[0] == 0
    assert the_order(world)["installments"][0]["status"] == "paid"


def test_in6_sepa_failure_never_retried_goes_to_collections_then_hand_off(world: World) -> None:
    world.load(document([customer("C1", sepa("M", token="pm_sepa_debit_fail"))],
                        orders=[order("O1", "C1", "M", "2026-11-02", count=3, interval="weekly",
                                      method="sepa")]))
    world.walk("2026-11-02", "2026-11-10")
    items = the_order(world)["installments"]
    assert [i["status"] for i in items] == ["failed", "failed", "scheduled"]
    assert all(len(i["attempts"]) == 1 for i in items[:2])
    assert [i["in_collections_list"] for i in items] == [True, True, False]
    out_file = world.folder / "handoff.json"
    code, out, err = world.cli("collection", "O1", "--out", str(out_file), today="2026-11-11")
    assert code == 0, err
    assert "handed to collection" in out
    assert '"total": "60.00"' in out_file.read_text()  # 2 x 30.00
    world.walk("2026-11-11", "2026-11-30")
    assert the_order(world)["installments"][2]["attempts"] == []  # all attempts ended
    assert the_order(world)["in_collection"] is True
    code, _out, err = world.cli("renew-plan", "O1", today="2026-11-30")
    assert code == 2 and "handed to collection" in err  # IN-5 ends too


def test_in6_sepa_success_settles_on_the_next_run(world: World) -> None:
    world.load(document([customer("C1", sepa("M"))],
                        orders=[order("O1", "C1", "M", "2026-11-02", count=1, method="sepa")]))
    world.run("2026-11-02")
    assert the_order(world)["installments"][0]["status"] == "processing"
    world.run("2026-11-03")
    assert the_order(world)["installments"][0]["status"] == "paid"


def test_in6_card_order_with_nothing_in_collections_cannot_be_handed_off(world: World) -> None:
    world.load(document([customer("C1", card("A"))], orders=[order("O1", "C1", "A", "2026-12-01")]))
    code, _out, err = world.cli("collection", "O1", today="2026-11-01")
    assert code == 2 and "no installment in the Collections list" in err


def test_in7_seller_email_names_the_order_and_decline(world: World) -> None:
    world.load(document([customer("C1", sepa("M", token="pm_sepa_debit_fail"))],
                        orders=[order("O1", "C1", "M", "2026-11-02", count=1, method="sepa")]))
    world.walk("2026-11-02", "2026-11-03")
    (alert,) = world.mails("seller_alert")
    assert alert.to == "seller@renewdesk.invalid"
    assert "O1#1" in alert.body and "debit_failed" in alert.body
