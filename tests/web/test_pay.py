"""CP-1, CP-2, CP-3 in a real headless browser: the customer pays what failed from the link in
the failure e-mail, on `renewdesk serve-links` started for real on 127.0.0.1."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.builders import card, customer, document, order, service
from tests.conftest import Portfolios, World
from tests.web.conftest import token

pytestmark = pytest.mark.slow


def ledger(world: World, subject: str) -> list[dict[str, Any]]:
    """The sandbox's charges for one item (by the `subject` its metadata names)."""
    return [c for c in world.app.processor.ledger()  # type: ignore[attr-defined]
            if f'"subject": "{subject}"' in str(c["metadata"])]


def test_cp1_the_e_mails_link_completes_the_payment_the_bank_held(
        world: World, serve: Any, page: Any) -> None:
    """The renewal's charge awaits the customer's bank; the page completes that same payment:
    the renewal paid, the service's expiry moved, one charge in the sandbox's ledger."""
    world.load(document([customer("C1", card("K1", token="pm_card_authenticationRequired"))],
                        [service("S1", "C1", "2026-12-01", payment_method="K1")]))
    world.walk("2026-11-17", "2026-11-24")
    (mail,) = world.mails("renewal_failed")
    link = token(world, "pay_now", "C1")
    assert link in mail.body and "Votre banque vous demande de confirmer" in mail.body
    (cart,) = world.export()["renewals"]
    (held,) = ledger(world, cart["ref"])
    assert held["decline_code"] == "authentication_required"
    base = serve("2026-11-25")
    page.goto(f"{base}/l/{link}")
    text = page.inner_text("main")
    assert "12,00" in text and "s1.fr" in text
    page.get_by_role("button", name="Confirmer le paiement auprès de ma banque").click()
    assert "Merci" in page.inner_text("main")
    (cart,) = world.export()["renewals"]
    (s1,) = world.export()["services"]
    assert cart["status"] == "paid" and s1["expires_on"] == "2027-12-01"
    (completed,) = ledger(world, cart["ref"])  # the same payment, through: one charge
    assert completed["id"] == held["id"] and completed["status"] == "succeeded"
    response = page.goto(f"{base}/l/{link}")
    assert response.status == 410  # the link has paid: used


def test_cp2_a_failed_installment_is_paid_with_a_new_card_and_not_charged_again(
        world: World, serve: Any, page: Any) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined",
                                              last4="0002"), language="en")],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")
    link = token(world, "pay_now", "C1")
    base = serve("2026-11-06")
    page.goto(f"{base}/l/{link}")
    assert "30.00" in page.inner_text("main") or "€30.00" in page.inner_text("main")
    page.get_by_label("mastercard •••• 4444 pm_card_mastercard").check()
    page.locator("form", has=page.locator("input[value=new]")).get_by_role("button").click()
    assert "Thank you" in page.inner_text("main")
    (o1,) = world.export()["installment_orders"]
    assert o1["installments"][0]["status"] == "paid"
    world.walk("2026-11-06", "2026-11-20")  # the retries' days: nothing more is charged
    assert [c["status"] for c in ledger(world, "O1#1")] == ["declined", "succeeded"]


def test_cp2_a_suspended_service_is_reactivated_from_its_link(
        world: World, serve: Any, page: Any) -> None:
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"))],
                        [service("S1", "C1", "2026-12-01", payment_method="K1")]))
    world.walk("2026-11-17", "2026-12-02")
    (s1,) = world.export()["services"]
    assert s1["status"] == "suspended"
    link = token(world, "pay_now", "C1")
    base = serve("2026-12-03")
    page.goto(f"{base}/l/{link}")
    page.locator("form", has=page.locator("input[value=new]")).get_by_role("button").click()
    assert "Merci" in page.inner_text("main")
    (s1,) = world.export()["services"]
    assert s1["status"] == "active" and s1["expires_on"] == "2027-12-03"
    world.walk("2026-12-03", "2026-12-10")
    (s1,) = world.export()["services"]
    assert s1["status"] == "active"


def _failed_then_fixed(world: World) -> None:
    """An installment that failed, whose order now has a card that works: the run's retry and
    the customer's payment can each pay it."""
    world.load(document([customer("C1", card("K1", token="pm_card_visa_chargeDeclined"),
                                  card("K2", last4="4444", token="pm_card_mastercard"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    with world.session() as session:
        from renewdesk.store.models import PaymentMethod
        k2 = session.query(PaymentMethod).filter_by(ref="K2").one()
        k2.blocked_code = "do_not_honor"  # not the run's fallback on the due day
        session.commit()
    world.run("2026-11-05")
    with world.session() as session:
        from renewdesk.store.models import InstallmentOrder, PaymentMethod
        o1 = session.query(InstallmentOrder).filter_by(ref="O1").one()
        k2 = session.query(PaymentMethod).filter_by(ref="K2").one()
        k2.blocked_code = None
        o1.payment_method = k2
        session.commit()


def test_cp3_two_browsers_and_a_run_pay_one_item_once_every_time(
        tmp_path: Path, env: dict[str, str], browser: Any, portfolios: Portfolios) -> None:
    """Twenty times: the pay-now form sent from two browser contexts at once while a run
    (holding the run lock, as `renewdesk run-due` does) retries the same installment; one
    successful charge, every time. The pages are served by serve-links' own application and
    server (waitress) in this process, and the run is on a thread of its own, so that twenty
    repetitions do not start sixty interpreters. Each repetition starts from its own copy of
    one failed-then-fixed portfolio, built once."""
    from waitress.server import create_server

    from renewdesk.app import open_app
    from renewdesk.services.run_due import run_due
    from renewdesk.store.runlock import exclusive_run
    from renewdesk.web.server import create_app

    contexts = [browser.new_context(locale="fr-FR") for _ in range(2)]
    pages = [context.new_page() for context in contexts]  # two customers' browsers
    for repetition in range(20):
        folder = tmp_path / f"r{repetition}"
        folder.mkdir()
        portfolios.place(folder, "failed-then-fixed", _failed_then_fixed)
        world = World(folder, env)
        try:
            link = token(world, "pay_now", "C1")
            (o1,) = world.export()["installment_orders"]
            retry = o1["installments"][0]["next_attempt_on"]  # the run retries it that day
            served = open_app(str(world.db), retry, env=env)
            server = create_server(create_app(served), host="127.0.0.1", port=0, threads=4)
            serving = threading.Thread(target=server.run, daemon=True)
            serving.start()
            base = f"http://127.0.0.1:{server.effective_port}"
            for opened in pages:
                opened.goto(f"{base}/l/{link}")
            failures: list[BaseException] = []

            def nightly(app: Any = served, failures: list[BaseException] = failures) -> None:
                try:
                    with exclusive_run(app.engine.url, 30):
                        run_due(app.context("nightly"))
                except BaseException as error:  # reported below, on the test's thread
                    failures.append(error)

            run = threading.Thread(target=nightly)
            run.start()
            for opened in pages:  # both sent without waiting for either's answer
                opened.evaluate("document.querySelector('input[value=K2]').checked = true; "
                                "document.querySelector('input[value=saved]').form"
                                ".requestSubmit()")
            for opened in pages:
                opened.wait_for_url(f"{base}/l/{link}/pay")
                opened.wait_for_load_state()
            run.join(60)
            assert not run.is_alive() and not failures, failures
            said = [opened.inner_text("main") for opened in pages]
            succeeded = [c for c in ledger(world, "O1#1") if c["status"] == "succeeded"]
            assert len(succeeded) == 1, (repetition, said, ledger(world, "O1#1"))
            (o1,) = world.export()["installment_orders"]
            assert o1["installments"][0]["status"] == "paid"
            assert all(("Merci" in s) or ("déjà" in s) or ("en cours" in s) for s in said), said
            server.close()  # its loop ends with it (a daemon thread: not waited for, as the
            served.close()  # browser may keep its connection open)
        finally:
            world.close()
    for context in contexts:
        context.close()
