"""NT-3: customer links are signed, expiring and single-use; opening one changes nothing."""

from __future__ import annotations

import pytest

from tests.builders import card, customer, document, service
from tests.conftest import World


def scheduled(world: World) -> str:
    world.load(document([customer("C1", card("A")), customer("C2", card("B"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A"),
                         service("S2", "C2", "2026-12-20", payment_method="B")]))
    world.run("2026-12-05")
    notes = world.export()["notifications"]
    return str(notes[0]["links"][0]["token"])


def test_nt3_opening_a_link_changes_nothing(world: World) -> None:
    token = scheduled(world)
    before = world.export()
    for _ in range(3):  # a mail scanner opening it several times
        code, out, _err = world.cli("link", token, today="2026-12-06")
        assert code == 0 and "cancel renewal" in out
    assert world.export() == before


def test_nt3_forged_or_altered_tokens_are_refused(world: World) -> None:
    token = scheduled(world)
    before = world.export()
    link_id, _, signature = token.partition(".")
    other_id = link_id[:-1] + ("0" if link_id[-1] != "0" else "1")
    other_signature = "A" * len(signature) if signature != "A" * len(signature) else "B" * 24
    for forged in (f"{link_id}.{other_signature}", f"{other_id}.{signature}", "garbage",
                   token + "x"):
        code, _out, err = world.cli("link", forged, "--accept", today="2026-12-06")
        assert code == 2 and "not valid" in err
    assert world.export() == before


def test_nt3_a_link_works_once(world: World) -> None:
    token = scheduled(world)
    assert world.cli("link", token, "--accept", today="2026-12-06")[0] == 0
    code, _out, err = world.cli("link", token, "--accept", today="2026-12-07")
    assert code == 2 and "already used on 2026-12-06" in err


def test_nt3_a_link_expires(world: World) -> None:
    token = scheduled(world)
    code, _out, err = world.cli("link", token, "--accept", today="2026-12-13")
    assert code == 2 and "expired on 2026-12-12" in err
    assert world.export()["renewals"][0]["status"] == "scheduled"


def test_nt3_update_payment_method_link_replaces_the_card(world: World) -> None:
    world.load(document([customer("C1", card("A", token="pm_card_chargeCustomerFail"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")]))
    world.walk("2026-12-05", "2026-12-13")
    failed = next(n for n in world.export()["notifications"] if n["kind"] == "renewal_failed")
    token = failed["links"][0]["token"]
    code, _out, err = world.cli("link", token, "--accept", "--new-token", "pm_card_visa",
                               "--new-ref", "A2", "--last4", "4242", "--exp", "01/2030",
                               "--brand", "visa", today="2026-12-14")
    assert code == 0, err
    world.walk("2026-12-15", "2026-12-16")
    cart = world.export()["renewals"][0]
    assert cart["status"] == "paid" and cart["attempts"][-1]["payment_method"] == "A2"


def test_nt3_tokens_can_always_be_given_on_the_command_line() -> None:
    from datetime import date

    from renewdesk.notify.links import new_signing_key, sign

    key = new_signing_key()
    assert not any(sign(key, "cancel_renewal", date(2027, 1, 1)).startswith("-")
                   for _ in range(500))


def test_pm2_the_apps_own_random_values_never_read_as_card_numbers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An export holds link tokens, idempotency keys and charge ids; one that read as a card
    number made PM-2 refuse the app's own file on import (seen in CI). Drawn again instead."""
    import secrets
    from datetime import date

    from renewdesk.domain.sensitive import contains_card_number, luhn_valid
    from renewdesk.notify import links

    run = next(f"{n:016d}" for n in range(4 * 10**15, 10**16) if luhn_valid(f"{n:016d}"))
    card_like = run + "ab" * 8  # 32 hex digits, a Luhn-valid Visa-like run of 16 digits
    assert contains_card_number(card_like)
    draws = iter([card_like, "ab" * 16])
    monkeypatch.setattr(secrets, "token_hex", lambda _n: next(draws))
    token = links.sign("00" * 32, "cancel_renewal", date(2027, 1, 1))
    assert token.startswith("ab" * 16 + ".") and not contains_card_number(token)
