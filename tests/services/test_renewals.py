"""AR-1 to AR-6 and AR-8: auto-renewal carts from notice to payment, failure and suspension."""

from __future__ import annotations

from typing import Any

from tests.builders import card, contact, customer, document, service
from tests.conftest import World


def renewals(world: World) -> list[dict[str, Any]]:
    return world.export()["renewals"]


def one_service(world: World, ref: str) -> dict[str, Any]:
    return next(s for s in world.export()["services"] if s["ref"] == ref)


def test_ar1_new_services_do_not_auto_renew(world: World) -> None:
    doc = document([customer("C1", card("A"))], [service("S1", "C1", "2027-06-01")])
    del doc["services"][0]["auto_renew"]
    world.load(doc)
    assert one_service(world, "S1")["auto_renew"] is False


def test_ar1_auto_renew_needs_a_valid_payment_method(world: World) -> None:
    world.load(document([customer("C1", card("A", exp=(10, 2026)))],
                        [service("S1", "C1", "2027-06-01", auto_renew=False)]))
    code, _out, err = world.cli("bulk-recurrence", "C1", "--all", "--on", today="2026-11-01")
    assert code == 2 and "no valid payment method" in err


def test_ar3_one_cart_per_customer_contact_and_method(world: World) -> None:
    world.load(document(
        [customer("C1", card("A"), card("B", token="pm_card_mastercard"),
                  contacts=(contact("K1"),))],
        [service("S1", "C1", "2026-12-20", payment_method="A"),
         service("S2", "C1", "2026-12-25", payment_method="A", price="84.00"),
         service("S3", "C1", "2026-12-22", payment_method="B"),
         service("S4", "C1", "2026-12-21", payment_method="A", contact_ref="K1")]))
    world.run("2026-12-10")
    carts = {tuple(r["services"]): r for r in renewals(world)}
    assert set(carts) == {("S1", "S2"), ("S3",), ("S4",)}
    both = carts[("S1", "S2")]
    assert both["amount"] == "96.00"
    assert both["charge_on"] == "2026-12-13"  # earliest expiry (20th) - 7
    assert carts[("S4",)]["billing_contact"] == "K1"


def test_ar3_notice_mail_lists_services_amount_date_card_and_cancel_link(world: World) -> None:
    world.load(document([customer("C1", card("A", last4="4242"), language="en")],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.run("2026-12-05")
    (mail,) = world.mails("renewal_scheduled")
    assert "s1.fr" in mail.body and "€12.00" in mail.body
    assert "December 13, 2026" in mail.body and "visa •••• 4242" in mail.body
    assert "http://127.0.0.1:8765/l/" in mail.body
    assert renewals(world)[0]["attempts"] == []  # nothing is charged at the notice


def test_ar3_a_service_goes_in_one_cart_per_period(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.walk("2026-12-05", "2026-12-12")
    assert len(renewals(world)) == 1


def test_ar4_customer_cancels_by_link_nothing_charged_auto_renew_stays_on(world: World) -> None:
    world.load(document([customer("C1", card("A"), business=True)],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.run("2026-12-05")
    (notice,) = world.export()["notifications"]
    token = notice["links"][0]["token"]
    code, out, _ = world.cli("link", token, today="2026-12-06")
    assert code == 0 and "nothing was done" in out
    assert renewals(world)[0]["status"] == "scheduled"
    code, out, _ = world.cli("link", token, "--accept", today="2026-12-06")
    assert code == 0 and "cancelled" in out
    world.walk("2026-12-07", "2026-12-20")
    cart = renewals(world)[0]
    assert cart["status"] == "cancelled" and cart["attempts"] == []
    assert one_service(world, "S1")["auto_renew"] is True
    assert len(world.mails("renewal_cancelled")) == 1


def test_ar4_account_manager_cancels_before_but_not_on_the_charge_date(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.run("2026-12-05")
    ref = renewals(world)[0]["ref"]
    code, _out, err = world.cli("cancel-renewal", ref, today="2026-12-13")
    assert code == 2 and "can no longer be cancelled" in err
    assert world.cli("cancel-renewal", ref, today="2026-12-12")[0] == 0


def test_ar5_success_extends_each_service_by_one_period_and_mails(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A", months=1)]))
    world.walk("2026-12-05", "2026-12-13")
    assert renewals(world)[0]["status"] == "paid"
    assert one_service(world, "S1")["expires_on"] == "2027-01-20"
    assert len(world.mails("renewal_paid")) == 1


def test_ar5_soft_declines_retried_3_and_6_days_after_never_after_expiry(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_visa_chargeDeclinedInsufficientFunds"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.walk("2026-12-05", "2026-12-24")
    cart = renewals(world)[0]
    assert [a["on"] for a in cart["attempts"]] == ["2026-12-13", "2026-12-16", "2026-12-19"]
    assert cart["status"] == "expired"
    assert len(world.mails("renewal_failed")) == 3
    assert len(world.mails("seller_alert")) == 3  # the account manager is notified
    assert "Pour mettre à jour votre moyen de paiement" in world.mails("renewal_failed")[0].body


def test_ar5_hard_decline_not_retried_until_the_payment_method_changes(world: World) -> None:
    doc = document([customer("C1", card("A", token="pm_card_visa_chargeDeclinedLostCard"))],
                   [service("S1", "C1", "2026-12-20", payment_method="A")])
    world.load(doc)
    world.walk("2026-12-05", "2026-12-15")
    cart = renewals(world)[0]
    assert len(cart["attempts"]) == 1 and cart["attempts"][0]["hard_decline"] is True
    assert cart["next_attempt_on"] is None
    doc["customers"][0]["payment_methods"][0]["token"] = "pm_card_visa"  # the method changes
    world.load(doc, today="2026-12-15")
    world.run("2026-12-16")
    cart = renewals(world)[0]
    assert [a["result"] for a in cart["attempts"]] == ["declined", "succeeded"]
    assert cart["status"] == "paid"


def test_ar6_expired_unpaid_service_is_suspended_and_its_cart_expires(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_chargeCustomerFail"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.walk("2026-12-05", "2026-12-21")
    assert one_service(world, "S1")["status"] == "suspended"
    assert renewals(world)[0]["status"] == "expired"


def test_ar6_manual_renewal_reactivates_with_reactivation_fee(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", auto_renew=False)]))
    world.run("2026-12-21")
    assert one_service(world, "S1")["status"] == "suspended"
    assert world.cli("settings", "reactivation_fee=5.00")[0] == 0
    code, out, err = world.cli("renew", "S1", today="2027-01-10")
    assert code == 0, err
    assert "paid" in out
    service_now = one_service(world, "S1")
    assert service_now["status"] == "active" and service_now["expires_on"] == "2028-01-10"
    manual = next(r for r in renewals(world) if r["status"] == "paid")
    assert manual["amount"] == "17.00"  # one period + reactivation fee


def test_ar8_cancelled_service_takes_its_scheduled_cart_with_it(world: World) -> None:
    doc = document([customer("C1", card("A"))],
                   [service("S1", "C1", "2026-12-20", payment_method="A"),
                    service("S2", "C1", "2026-12-22", payment_method="A", price="84.00")])
    world.load(doc)
    world.run("2026-12-10")
    assert renewals(world)[0]["amount"] == "96.00"
    doc["services"][1]["status"] = "cancelled"
    world.load(doc, today="2026-12-11")
    world.walk("2026-12-12", "2026-12-13")
    cart = renewals(world)[0]
    assert cart["services"] == ["S1"]
    assert cart["attempts"][0]["amount"] == "12.00"
    assert cart["status"] == "paid"
    assert one_service(world, "S2")["expires_on"] == "2026-12-22"


def test_ar8_cart_of_a_single_cancelled_service_is_cancelled(world: World) -> None:
    doc = document([customer("C1", card("A"))],
                   [service("S1", "C1", "2026-12-20", payment_method="A")])
    world.load(doc)
    world.run("2026-12-10")
    doc["services"][0]["status"] = "cancelled"
    world.load(doc, today="2026-12-11")
    world.walk("2026-12-12", "2026-12-21")
    cart = renewals(world)[0]
    assert cart["status"] == "cancelled" and cart["attempts"] == []
