"""How every customer page goes out: in the reader's words, with its CSRF cookie and the headers
that keep it out of caches, frames and other sites' referrers."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, current_app, g, render_template, request

from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import words as refusal_words
from renewdesk.notify import formatting as fmt
from renewdesk.notify.face import SellerFace, seller_face
from renewdesk.web import guard, texts

_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'",
}


# CP-1 on Stripe: the page that completes a payment loads Stripe.js, which shows the bank's step
# in Stripe's own frames.
STRIPE_JS = ("default-src 'self'; style-src 'unsafe-inline'; script-src 'self' https://js.stripe.com; "
             "frame-src https://js.stripe.com https://hooks.stripe.com; "
             "connect-src https://api.stripe.com")


def page(template: str, language: str, status: int = 200, csp: str | None = None,
         **values: Any) -> Response:
    words = texts.words(language)
    body = render_template(template, t=words, lang=language, seller=face(),
                           money=lambda m: _money(m, language),
                           day=lambda d: day(d, language),
                           status=lambda s: texts.status(language, s), **values)
    response = Response(body, status=status, mimetype="text/html")
    response.set_cookie(guard.COOKIE, cookie(), httponly=True, samesite="Strict",
                        secure=request.is_secure)
    response.headers.update(_HEADERS)
    if csp is not None:
        response.headers["Content-Security-Policy"] = csp
    return response


def face() -> SellerFace:
    """HM-4: the seller's name and logo at the top of every page (the logo from `/seller-logo`,
    the pages' own origin, which their CSP allows)."""
    if "seller_face" not in g:
        with current_app.extensions["renewdesk"].app.factory() as session:
            g.seller_face = seller_face(session)
    found: SellerFace = g.seller_face
    return found


def message(language: str, text: str, status: int = 200) -> Response:
    return page("message.html", language, status, text=text)


def said(language: str, key: str, http_status: int = 200, /, **values: str) -> Response:
    """The message page with one of the texts, its blanks filled."""
    return message(language, texts.words(language)[key].format(**values), http_status)


def refusal(error: Exception, language: str) -> str:
    """The one place where a refusal becomes the page's words. PM-5's refusal of a removal has
    its own sentence for the customer (the account manager's names the policy setting); any
    other is shown in the customer's language, as its code says it."""
    words = texts.words(language)
    reason = (words["remove_refused"] if getattr(error, "rule", "") == "PM-5"
              else refusal_words(error, language))
    return words["refused"].format(reason=reason)


def request_language() -> str:
    """The browser's language, for a page that knows no customer yet."""
    return request.accept_languages.best_match(["fr", "en"]) or "en"


def cookie() -> str:
    """This request's CSRF cookie: the browser's, or a new one sent back with the page."""
    if "csrf_cookie" not in g:
        g.csrf_cookie = request.cookies.get(guard.COOKIE) or guard.new_cookie()
    return str(g.csrf_cookie)


def day(value: date | None, language: str) -> str:
    return fmt.day(value, language) if value else ""


def money_text(amount: Money, language: str) -> str:
    return fmt.money(amount, language)


def _money(amount: Money | None, language: str) -> str:
    return fmt.money(amount, language) if amount is not None else ""
