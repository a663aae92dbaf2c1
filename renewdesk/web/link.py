"""NT-3 in front of every view: a view is written for a link that can act now.

A customer link is signed, expires and is used once. `usable_link` checks all of it before the
view runs, with the CSRF token of a POST, and every other request gets the page that says why;
nothing is changed on the way (mail scanners open links).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, request
from werkzeug.wrappers import Response

from renewdesk.app import App
from renewdesk.services import pages
from renewdesk.services.links import LinkPage, LinkRefused
from renewdesk.web import guard
from renewdesk.web.render import cookie, day, request_language, said


@dataclass(frozen=True)
class Wiring:
    """What the views share, kept on the Flask application: the application's database,
    processor and clock, and the brake on guessed links."""

    app: App
    bad_tokens: guard.BadTokens


def wiring() -> Wiring:
    found: Wiring = current_app.extensions["renewdesk"]
    return found


@dataclass(frozen=True)
class Link:
    """A link that can act now, as its view receives it."""

    token: str
    view: LinkPage
    csrf: str  # the form token of this link's page

    @property
    def language(self) -> str:
        return self.view.language


def usable_link(view: Callable[[Link], Response]) -> Callable[[str], Response]:
    """The view, for a link that is signed and known (else 404, and an address that keeps
    guessing is slowed down), whose POST carries its page's CSRF token (else 400), and that is
    neither used nor expired (else 410)."""

    @functools.wraps(view)
    def checked(token: str) -> Response:
        shared = wiring()
        if shared.bad_tokens.blocked(_address()):
            return said(request_language(), "too_many", 429)
        try:
            opened = pages.open_link(shared.app.context(delivery=False), token)
        except LinkRefused:
            return invalid()
        if request.method == "POST" and not guard.form_ok(
                opened.signing_key, request.cookies.get(guard.COOKIE), token,
                request.form.get("csrf")):
            return said(opened.page.language, "csrf", 400)
        csrf = guard.form_token(opened.signing_key, cookie(), token)
        return _unusable(opened.page) or view(Link(token, opened.page, csrf))

    return checked


def invalid() -> Response:
    """A forged, unknown or misused link: counted against the address that sent it."""
    wiring().bad_tokens.record(_address())
    return said(request_language(), "invalid", 404)


def _unusable(view: LinkPage) -> Response | None:
    language = view.language
    if view.state == "used":
        return said(language, "used", 410, date=day(view.used_on, language))
    if view.state == "expired":
        key = "confirm_expired" if view.action == "confirm_plan_change" else "expired"
        return said(language, key, 410, date=day(view.expires_on, language))
    return None


def _address() -> str:
    return request.remote_addr or "unknown"
