"""NT-3 on the customer pages without a browser: GET never changes anything (mail scanners
open links), and forged, expired, reused and other-customer tokens get a clear page and change
nothing; a stale form (no CSRF token) changes nothing; guessing is slowed down."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from typing import Any

import pytest

from tests.conftest import World
from tests.web.conftest import load, token

pytestmark = pytest.mark.slow


def fetch(url: str, data: dict[str, str] | None = None, method: str | None = None,
          opener: urllib.request.OpenerDirector | None = None,
          language: str = "en") -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Accept-Language": language})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def every_link(world: World) -> list[str]:
    return [token(world, "cancel_renewal", "C1"), token(world, "update_payment_method", "C2"),
            token(world, "confirm_plan_change", "C1")]


def test_nt3_get_only_as_a_mail_scanner_changes_nothing(world: World, serve: Any) -> None:
    load(world)
    assert world.cli("plan-update", "O1", "--amount", "25.00", today="2026-11-20")[0] == 0
    before = world.export()
    base = serve("2026-11-21")
    for link in every_link(world):
        for path in ("", "/sandbox-card", "/card-saved?session_id=cs_x", "/card"):
            for method in ("GET", "HEAD"):
                status, _body = fetch(f"{base}/l/{link}{path}", method=method)
                assert status in (200, 404, 405, 410), (path, method, status)
    assert world.export() == before


def test_nt3_forged_expired_reused_and_other_customer_tokens_change_nothing(
        world: World, serve: Any) -> None:
    load(world)
    cancel, update = token(world, "cancel_renewal", "C1"), token(world, "update_payment_method", "C2")
    base = serve("2026-11-17")
    before = world.export()
    forged = cancel[:-4] + ("AAAA" if not cancel.endswith("AAAA") else "BBBB")
    status, body = fetch(f"{base}/l/{forged}")
    assert status == 404 and "This link is not valid" in body and "Nothing was changed" in body
    status, body = fetch(f"{base}/l/{forged}", {"csrf": "x"})
    assert status == 404
    # Another customer's payment method through C2's link: refused without a word about it.
    jar = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    status, body = fetch(f"{base}/l/{update}", opener=jar)
    csrf = body.split('name="csrf" value="')[1].split('"')[0]
    status, body = fetch(f"{base}/l/{update}", {"csrf": csrf, "method": "K1"}, opener=jar)
    assert status == 404 and "K1" not in body and "C1" not in body
    # A form without its CSRF token (or from another page) does nothing.
    status, body = fetch(f"{base}/l/{cancel}", {"csrf": "not-the-token"})
    assert status == 400 and "été changé" in body  # C1 reads French
    assert world.export() == before

    # Reused: after a real cancel, the link says it was used and does nothing more.
    status, body = fetch(f"{base}/l/{cancel}", opener=jar)
    csrf = body.split('name="csrf" value="')[1].split('"')[0]
    assert fetch(f"{base}/l/{cancel}", {"csrf": csrf}, opener=jar)[0] == 200
    done = world.export()
    status, body = fetch(f"{base}/l/{cancel}", {"csrf": csrf}, opener=jar, language="fr")
    assert status == 410 and "déjà été utilisé" in body
    assert world.export() == done

    # Expired: an update link is valid link_valid_days (30).
    later = serve("2027-01-31")
    status, body = fetch(f"{later}/l/{update}")
    assert status == 410 and "This link expired on " in body and "2026" in body
    assert world.export() == done


def test_nt3_repeated_bad_tokens_from_one_address_are_slowed_down(world: World,
                                                                  serve: Any) -> None:
    load(world)
    base = serve("2026-11-17")
    codes = [fetch(f"{base}/l/{n:032x}.forged")[0] for n in range(7)]
    assert codes[:5] == [404] * 5 and codes[5:] == [429, 429]
    status, body = fetch(f"{base}/l/{token(world, 'cancel_renewal', 'C1')}")
    assert status == 429 and "Too many attempts" in body  # even a good one, for a while
