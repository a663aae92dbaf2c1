"""AR-2: bulk recurrence with its check: errors block, warnings need explicit confirmation,
and the change is all or nothing."""

from __future__ import annotations

from tests.builders import card, contact, customer, document, service
from tests.conftest import World


def auto(world: World) -> dict[str, bool]:
    return {s["ref"]: s["auto_renew"] for s in world.export()["services"]}


def setup(world: World) -> None:
    world.load(document(
        [customer("C1", card("A", exp=(12, 2026), holder="Jean Dupont"),
                  card("B", token="pm_card_mastercard", exp=(3, 2029), holder="ACME SARL"),
                  contacts=(contact("K1", "Dupont Conseil"),))],
        [service("S1", "C1", "2027-01-20", auto_renew=False),
         service("S2", "C1", "2027-09-01", auto_renew=False)]))


def test_ar2_all_services_on_with_chosen_card_and_contact(world: World) -> None:
    setup(world)
    code, _out, err = world.cli("bulk-recurrence", "C1", "--all", "--on", "--payment-method", "B",
                               today="2026-11-01")
    assert code == 0, err
    assert auto(world) == {"S1": True, "S2": True}
    assert {s["payment_method"] for s in world.export()["services"]} == {"B"}


def test_ar2_warning_card_expires_before_charge_date_needs_yes(world: World) -> None:
    setup(world)
    code, out, err = world.cli("bulk-recurrence", "C1", "--services", "S1,S2", "--on",
                               "--payment-method", "A", today="2026-11-01")
    assert code == 2
    assert "warning  S1" in out and "expires before the charge date 2027-01-13" in out
    assert "--yes" in err
    assert auto(world) == {"S1": False, "S2": False}  # nothing changed
    code, out, err = world.cli("bulk-recurrence", "C1", "--services", "S1,S2", "--on",
                               "--payment-method", "A", "--yes", today="2026-11-01")
    assert code == 0, err
    assert auto(world) == {"S1": True, "S2": True}


def test_ar2_warning_holder_does_not_match_the_billing_contact(world: World) -> None:
    setup(world)
    code, out, _err = world.cli("bulk-recurrence", "C1", "--services", "S2", "--on",
                                "--payment-method", "B", "--billing-contact", "K1",
                                today="2026-11-01")
    assert code == 2
    assert "card holder 'ACME SARL' does not match billing contact 'Dupont Conseil'" in out


def test_ar2_errors_block_even_with_yes_and_change_nothing(world: World) -> None:
    world.load(document(
        [customer("C1", card("A", exp=(10, 2026)))],
        [service("S1", "C1", "2027-01-20", auto_renew=False)]))
    code, out, _err = world.cli("bulk-recurrence", "C1", "--all", "--on", "--yes",
                               today="2026-11-01")
    assert code == 2
    assert "error    S1: no valid payment method" in out
    assert auto(world) == {"S1": False}


def test_ar2_unknown_service_or_customer_is_bad_input(world: World) -> None:
    setup(world)
    code, _out, err = world.cli("bulk-recurrence", "C1", "--services", "S1,S9", "--on")
    assert code == 2 and "S9" in err
    code, _out, err = world.cli("bulk-recurrence", "C404", "--all", "--off")
    assert code == 2 and "unknown customer 'C404'" in err


def test_ar2_switching_off_takes_the_service_out_of_its_scheduled_cart(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.run("2026-12-05")
    assert world.cli("bulk-recurrence", "C1", "--all", "--off", today="2026-12-06")[0] == 0
    world.walk("2026-12-07", "2026-12-14")
    cart = world.export()["renewals"][0]
    assert cart["status"] == "cancelled" and cart["attempts"] == []
