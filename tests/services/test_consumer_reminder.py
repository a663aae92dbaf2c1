"""IV-6 (Code de la consommation L215-1): a consumer's renewal reminder, and its refusal link."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from renewdesk.store.models import Event
from tests.builders import card, customer, document, service
from tests.conftest import World


def renewals(world: World) -> list[dict[str, Any]]:
    return world.export()["renewals"]


def one_service(world: World, ref: str) -> dict[str, Any]:
    return next(s for s in world.export()["services"] if s["ref"] == ref)


def reminder_events(world: World) -> list[Event]:
    with world.session() as session:
        return list(session.scalars(select(Event).where(
            Event.type == "renewal.reminder_sent").order_by(Event.id)))


def load(world: World, *, business: bool = False, language: str = "fr",
         services: tuple[tuple[str, str], ...] = (("S1", "2027-03-01"),)) -> None:
    world.load(document([customer("C1", card("A"), language=language, business=business)],
                        [service(ref, "C1", expires, payment_method="A")
                         for ref, expires in services]))


def reminder_token(world: World, number: int = 0) -> str:
    return world.mails("renewal_reminder")[number].links[0].token


def test_iv6_consumer_gets_the_reminder_45_days_before_expiry_once(world: World) -> None:
    load(world)
    world.run("2027-01-14")
    assert world.mails("renewal_reminder") == []
    world.walk("2027-01-15", "2027-01-17")
    (mail,) = world.mails("renewal_reminder")
    assert str(mail.created_on) == "2027-01-15"
    (event,) = reminder_events(world)
    assert event.subject == "S1" and event.data["expires_on"] == "2027-03-01"
    assert event.data["refuse_until"] == "2027-02-21"  # the day before AR-3's charge date
    assert event.data["late"] is False


def test_iv6_business_gets_no_reminder(world: World) -> None:
    load(world, business=True)
    world.run("2027-01-15")
    world.run("2027-02-14")
    assert world.mails("renewal_reminder") == []
    assert len(world.mails("renewal_scheduled")) == 1


def test_iv6_french_words_service_expiry_amount_deadline_and_link(world: World) -> None:
    load(world)
    world.run("2027-01-15")
    (mail,) = world.mails("renewal_reminder")
    assert "renouvellent automatiquement" in mail.subject
    for words in ("s1.fr", "12,00", "expire le 1 mars 2027", "renouvelé jusqu'au 1 mars 2028",
                  "refuser jusqu'au 21 février 2027 inclus", "http://127.0.0.1:8765/l/"):
        assert words in mail.body
    assert "IV-6" not in mail.body and "L215" not in mail.body


def test_iv6_english_words(world: World) -> None:
    load(world, language="en")
    world.run("2027-01-15")
    (mail,) = world.mails("renewal_reminder")
    assert "renew automatically" in mail.subject
    for words in ("s1.fr", "€12.00", "expires March 1, 2027", "renewed until March 1, 2028",
                  "refuse until February 21, 2027 included", "http://127.0.0.1:8765/l/"):
        assert words in mail.body


def test_iv6_catch_up_sends_a_late_reminder_once_with_the_carts_deadline(world: World) -> None:
    load(world)
    world.run("2027-02-20")  # the machine was off since before the reminder's day
    (mail,) = world.mails("renewal_reminder")
    (cart,) = renewals(world)
    assert cart["charge_on"] == "2027-02-22"
    (event,) = reminder_events(world)
    assert event.data["late"] is True and event.data["refuse_until"] == "2027-02-21"
    assert "21 février 2027" in mail.body
    world.run("2027-02-21")
    assert len(world.mails("renewal_reminder")) == 1


def test_iv6_link_refuses_the_period_before_its_cart_is_made(world: World) -> None:
    load(world)
    world.run("2027-01-15")
    token = reminder_token(world)
    code, out, _ = world.cli("link", token, today="2027-01-20")
    assert code == 0 and "nothing was done" in out
    assert world.cli("link", token, "--accept", today="2027-01-20")[0] == 0
    assert len(world.mails("renewal_cancelled")) == 1
    for day in ("2027-02-14", "2027-02-22", "2027-03-02"):
        world.run(day)
    assert renewals(world) == []  # never in a cart, never charged
    assert one_service(world, "S1")["auto_renew"] is True  # AR-4: it stays on


def test_iv6_link_cancels_the_cart_made_since(world: World) -> None:
    load(world)
    world.run("2027-01-15")
    world.run("2027-02-14")
    assert world.cli("link", reminder_token(world), "--accept", today="2027-02-15")[0] == 0
    world.run("2027-02-22")
    (cart,) = renewals(world)
    assert cart["status"] == "cancelled" and cart["attempts"] == []
    assert one_service(world, "S1")["auto_renew"] is True
    assert len(world.mails("renewal_cancelled")) == 1


def test_iv6_link_refused_after_its_deadline(world: World) -> None:
    load(world)
    world.run("2027-01-15")
    world.run("2027-02-14")
    code, _out, _err = world.cli("link", reminder_token(world), "--accept", today="2027-02-22")
    assert code != 0
    assert renewals(world)[0]["status"] == "scheduled"


def test_iv6_refusing_one_service_takes_it_out_of_a_shared_cart(world: World) -> None:
    load(world, services=(("S1", "2027-03-01"), ("S2", "2027-03-03")))
    world.run("2027-01-15")
    world.run("2027-01-17")
    assert len(world.mails("renewal_reminder")) == 2
    world.run("2027-02-16")  # a catch-up: both in one cart
    (cart,) = renewals(world)
    assert cart["charge_on"] == "2027-02-24"  # not before S2's reminder let it be refused
    assert world.cli("link", reminder_token(world, 0), "--accept", today="2027-02-17")[0] == 0
    (cart,) = renewals(world)
    assert cart["status"] == "scheduled" and cart["services"] == ["S2"]
    assert cart["amount"] == "12.00"
    world.run("2027-02-24")
    assert renewals(world)[0]["status"] == "paid"
    assert one_service(world, "S1")["expires_on"] == "2027-03-01"


def test_iv6_consumer_notice_days_setting_is_followed(world: World) -> None:
    load(world)
    assert world.cli("settings", "consumer_notice_days=60")[0] == 0
    world.run("2026-12-30")
    assert world.mails("renewal_reminder") == []
    world.run("2026-12-31")  # 1 March 2027 - 60 days
    assert len(world.mails("renewal_reminder")) == 1


def test_iv6_link_page_shows_what_it_refuses_and_changes_nothing(world: World) -> None:
    from renewdesk.services import links

    load(world)
    world.run("2027-01-15")
    with world.session() as session:
        page = links.page(session, reminder_token(world), world.ctx("2027-01-20").clock.today)
    assert page.action == "cancel_renewal" and page.renewal_status == "scheduled"
    assert page.services == ("s1.fr",) and str(page.charge_on) == "2027-02-22"
    assert page.amount is not None and page.amount.minor == 1200
    assert world.mails("renewal_cancelled") == []
