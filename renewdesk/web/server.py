"""`renewdesk serve-links`: the pages behind the links in customer e-mails.

Flask (routing, Jinja2 templates, which renewdesk already uses for e-mails) served by waitress
(a pure-Python production WSGI server, on every OS, no compiler): small, well kept, and
synchronous like the use cases it calls. GET only shows (mail scanners open links); every change
is a POST carrying a CSRF token, through the same use cases as the window (NT-3, PM-5, PM-6).
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, g, redirect, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.app import App
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.notify import formatting as fmt
from renewdesk.notify.outbox import signing_key
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.payments.sandbox import TEST_METHODS, SandboxProcessor
from renewdesk.services import links, payment_methods
from renewdesk.services.links import LinkPage, LinkRefused
from renewdesk.store import settings
from renewdesk.store.models import Customer, CustomerLink
from renewdesk.web import guard, texts

log = logging.getLogger("renewdesk.web")


def create_app(app: App) -> Flask:
    web = Flask(__name__)
    bad_tokens = guard.BadTokens()

    def address() -> str:
        return request.remote_addr or "unknown"

    def language_of_request() -> str:
        return request.accept_languages.best_match(["fr", "en"]) or "en"

    def page(template: str, language: str, status: int = 200, **values: Any) -> Response:
        cookie = _cookie()
        words = texts.words(language)
        body = render_template(template, t=words, lang=language, money=lambda m: _money(m, language),
                               day=lambda d: fmt.day(d, language) if d else "",
                               status=lambda s: texts.status(language, s), **values)
        response = Response(body, status=status, mimetype="text/html")
        response.set_cookie(guard.COOKIE, cookie, httponly=True, samesite="Strict",
                            secure=request.is_secure)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = "default-src 'self'; style-src 'unsafe-inline'"
        return response

    def message(language: str, text: str, status: int = 200) -> Response:
        return page("message.html", language, status, text=text)

    def invalid() -> Response:
        bad_tokens.record(address())
        return message(language_of_request(), texts.words(language_of_request())["invalid"], 404)

    def read(token: str) -> tuple[LinkPage, str] | Response:
        if bad_tokens.blocked(address()):
            language = language_of_request()
            return message(language, texts.words(language)["too_many"], 429)
        with app.factory() as session:
            try:
                view = links.page(session, token, app.today())
            except LinkRefused:
                return invalid()
            csrf = guard.form_token(signing_key(session), _cookie(), token)
            session.commit()  # the signing key, if this is the first link ever read
        return view, csrf

    def unusable(view: LinkPage) -> Response | None:
        words = texts.words(view.language)
        if view.state == "used":
            return message(view.language, words["used"].format(date=fmt.day(view.used_on, view.language)
                                                               if view.used_on else ""), 410)
        if view.state == "expired":
            key = "confirm_expired" if view.action == "confirm_plan_change" else "expired"
            return message(view.language, words[key].format(date=fmt.day(view.expires_on,
                                                                         view.language)), 410)
        return None

    def csrf_ok(token: str) -> bool:
        with app.factory() as session:
            return guard.form_ok(signing_key(session), request.cookies.get(guard.COOKIE), token,
                                 request.form.get("csrf"))

    def usable(token: str) -> tuple[LinkPage, str] | Response:
        """The link's page if it can act now; else the page that says why (nothing changed).
        A POST must carry this page's CSRF token."""
        found = read(token)
        if isinstance(found, Response):
            return found
        view, _csrf = found
        if request.method == "POST" and not csrf_ok(token):
            return message(view.language, texts.words(view.language)["csrf"], 400)
        return unusable(view) or found

    @web.get("/l/<token>")
    def show(token: str) -> Response:
        found = usable(token)
        if isinstance(found, Response):
            return found
        view, csrf = found
        if view.action == "cancel_renewal":
            return page("cancel.html", view.language, view=view, csrf=csrf, token=token)
        if view.action == "confirm_plan_change":
            return page("confirm.html", view.language, view=view, csrf=csrf, token=token)
        with app.factory() as session:
            elsewhere = settings.get(session, "payment_methods_url")
        return page("methods.html", view.language, view=view, csrf=csrf, token=token,
                    elsewhere=elsewhere)

    @web.post("/l/<token>")
    def act(token: str) -> Response:
        found = usable(token)
        if isinstance(found, Response):
            return found
        view, _csrf = found
        words = texts.words(view.language)
        if view.action == "update_payment_method":
            return _remove(view, token, request.form.get("method", ""))
        if view.action == "cancel_renewal" and view.renewal_status != "scheduled":
            key = "cancel_already" if view.renewal_status == "cancelled" else "cancel_late"
            return message(view.language, words[key].format(
                status=texts.status(view.language, view.renewal_status)), 409)
        if view.action == "confirm_plan_change" and view.change_status != "pending":
            return message(view.language, words["confirm_state"].format(
                status=texts.status(view.language, view.change_status)), 409)
        ctx = app.context()
        try:
            with ctx.factory() as session:
                links.accept(session, ctx.processor, token, ctx.clock.today, ctx.clock.now())
                session.commit()
        except InputError as error:
            return message(view.language, words["refused"].format(reason=error), 409)
        done = "cancel_done" if view.action == "cancel_renewal" else "confirm_done"
        return message(view.language, words[done])

    def _remove(view: LinkPage, token: str, method_ref: str) -> Response:
        words = texts.words(view.language)
        ctx = app.context()
        try:
            with ctx.factory() as session:
                links.remove_method(session, token, method_ref, settings.load_policy(session),
                                    ctx.clock.today, ctx.clock.now())
                session.commit()
        except LinkRefused:
            return invalid()
        except InputError as error:
            reason = words["remove_refused"] if getattr(error, "rule", "") == "PM-5" else str(error)
            return message(view.language, words["refused"].format(reason=reason), 409)
        return message(view.language, words["removed"])

    @web.post("/l/<token>/card")
    def start_card(token: str) -> Response:
        """Add or replace: off to the processor's own page (a POST: it creates a session
        there). The sandbox's stand-in page is served here and offers its test methods."""
        found = usable(token)
        if isinstance(found, Response):
            return found
        view, _csrf = found
        if view.action != "update_payment_method":
            return invalid()
        replacing = request.form.get("replace") or ""
        if isinstance(app.processor, SandboxProcessor):
            return redirect(f"/l/{token}/sandbox-card?replace={replacing}", 303)  # type: ignore[return-value]
        base = request.host_url.rstrip("/")
        with app.factory() as session:
            customer = _customer_of(session, token)
            payer = payment_methods.payer(customer)
        try:
            url = app.processor.setup_page(
                payer, f"{base}/l/{token}/card-saved?replace={replacing}&session_id="
                       "{CHECKOUT_SESSION_ID}")
        except ProcessorUnavailable as error:
            return message(view.language, texts.words(view.language)["refused"].format(
                reason=error), 503)
        return redirect(url, 303)  # type: ignore[return-value]

    @web.get("/l/<token>/sandbox-card")
    def sandbox_card(token: str) -> Response:
        found = usable(token)
        if isinstance(found, Response):
            return found
        view, csrf = found
        if not isinstance(app.processor, SandboxProcessor):
            return invalid()
        return page("sandbox_card.html", view.language, view=view, csrf=csrf, token=token,
                    methods=TEST_METHODS, replace=request.args.get("replace", ""))

    @web.get("/l/<token>/card-saved")
    def card_saved(token: str) -> Response:
        """Back from the processor's page (a GET): show what will be saved, ask to confirm."""
        found = usable(token)
        if isinstance(found, Response):
            return found
        view, csrf = found
        method_token = app.processor.setup_result(request.args.get("session_id", ""))
        if method_token is None:  # not back from the processor's page: nothing to save
            return message(view.language, texts.words(view.language)["nothing_to_save"], 404)
        details = app.processor.describe(method_token)
        return page("save_card.html", view.language, view=view, csrf=csrf, token=token,
                    method_token=method_token, details=details,
                    replace=request.args.get("replace", ""))

    @web.post("/l/<token>/card-saved")
    def save_card(token: str) -> Response:
        found = usable(token)
        if isinstance(found, Response):
            return found
        view, _csrf = found
        words = texts.words(view.language)
        ctx = app.context()
        try:
            with ctx.factory() as session:
                links.save_method(session, ctx.processor, token, ctx.clock.today, ctx.clock.now(),
                                  request.form.get("method_token", ""),
                                  request.form.get("replace") or None)
                session.commit()
        except LinkRefused:
            return invalid()
        except InputError as error:
            return message(view.language, words["refused"].format(reason=error), 409)
        return message(view.language, words["saved"])

    @web.errorhandler(404)
    def not_found(_error: Exception) -> Response:
        return invalid()

    @web.errorhandler(405)
    def not_allowed(_error: Exception) -> Response:
        language = language_of_request()
        return message(language, texts.words(language)["nothing_to_save"], 405)

    return web


def _customer_of(session: Session, token: str) -> Customer:
    link = session.scalar(select(CustomerLink).where(CustomerLink.token == token))
    assert link is not None
    customer = session.get(Customer, link.customer_id)
    assert customer is not None
    return customer


def _cookie() -> str:
    """This request's CSRF cookie: the browser's, or a new one sent back with the page."""
    if "csrf_cookie" not in g:
        g.csrf_cookie = request.cookies.get(guard.COOKIE) or guard.new_cookie()
    return str(g.csrf_cookie)


def _money(amount: Money | None, language: str) -> str:
    return fmt.money(amount, language) if amount is not None else ""


def serve(app: App, host: str, port: int) -> None:
    from waitress import serve as waitress_serve

    log.info("serve-links on %s:%d", host, port)
    waitress_serve(create_app(app), host=host, port=port, threads=8, ident="renewdesk")
