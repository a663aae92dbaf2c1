"""`renewdesk serve-links`: the pages behind the links in customer e-mails.

Flask (routing, Jinja2 templates, which renewdesk already uses for e-mails) served by waitress
(a pure-Python production WSGI server, on every OS, no compiler): small, well kept, and
synchronous like the use cases it calls. GET only shows (mail scanners open links); every change
is a POST carrying a CSRF token, through the same use cases as the window (NT-3, PM-5, PM-6).
Each view is written for a link that can act now (`usable_link`) and calls `services.pages`.

The `invoices` link (IV-4) only shows: its page lists the customer's invoices and credit notes,
and each downloads as its PDF, made from the issued document. Opening the list or downloading
changes nothing, so NT-3's confirming click (for what changes something) has no place here and
the link is not used up by them: it is checked (signed, known, unexpired) on every request, the
list and each download, and serves only its own customer's invoices (another number: 404).
"""

from __future__ import annotations

import io
import logging

from flask import Blueprint, Flask, redirect, request, send_file
from werkzeug.wrappers import Response

from renewdesk.app import App
from renewdesk.domain.errors import InputError
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.services import customer_payments, invoice_files, pages
from renewdesk.services.links import LinkRefused
from renewdesk.web import guard
from renewdesk.web.link import Link, Wiring, invalid, usable_link, wiring
from renewdesk.web.render import (
    STRIPE_JS,
    face,
    message,
    money_text,
    page,
    refusal,
    request_language,
    said,
)
from renewdesk.web.texts import status

log = logging.getLogger("renewdesk.web")

blueprint = Blueprint("links", __name__)

# A file to keep: never cached on the way, never sniffed as anything else, nothing to run.
FILE_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'"}


def create_app(app: App) -> Flask:
    web = Flask(__name__)
    web.extensions["renewdesk"] = Wiring(app, guard.BadTokens())
    web.register_blueprint(blueprint)
    return web


def serve(app: App, host: str, port: int) -> None:
    from waitress import serve as waitress_serve

    log.info("serve-links on %s:%d", host, port)
    waitress_serve(create_app(app), host=host, port=port, threads=8, ident="renewdesk")


@blueprint.get("/l/<token>")
@usable_link
def show(link: Link) -> Response:
    """What the link will do, with the button that does it."""
    view = link.view
    if view.action == "cancel_renewal":
        return page("cancel.html", link.language, view=view, csrf=link.csrf, token=link.token)
    if view.action == "confirm_plan_change":
        return page("confirm.html", link.language, view=view, csrf=link.csrf, token=link.token)
    if view.action == customer_payments.ACTION:
        return _pay_page(link)
    if view.action == invoice_files.ACTION:
        return _invoices_page(link)
    elsewhere = pages.managed_elsewhere(wiring().app.context(delivery=False))
    return page("methods.html", link.language, view=view, csrf=link.csrf, token=link.token,
                elsewhere=elsewhere)


@blueprint.post("/l/<token>")
@usable_link
def act(link: Link) -> Response:
    """The confirming click: cancel the renewal, confirm the plan change, or remove a method."""
    view = link.view
    if view.action == "update_payment_method":
        return _remove(link, request.form.get("method", ""))
    if view.action == "cancel_renewal" and view.renewal_status != "scheduled":
        key = "cancel_already" if view.renewal_status == "cancelled" else "cancel_late"
        return said(link.language, key, 409, status=status(link.language, view.renewal_status))
    if view.action == "confirm_plan_change" and view.change_status != "pending":
        return said(link.language, "confirm_state", 409,
                    status=status(link.language, view.change_status))
    try:
        pages.act(wiring().app.context(), link.token)
    except InputError as error:
        return message(link.language, refusal(error, link.language), 409)
    return said(link.language, "cancel_done" if view.action == "cancel_renewal"
                else "confirm_done")


def _remove(link: Link, method_ref: str) -> Response:
    try:
        pages.remove_method(wiring().app.context(), link.token, method_ref)
    except LinkRefused:
        return invalid()
    except InputError as error:
        return message(link.language, refusal(error, link.language), 409)
    return said(link.language, "removed")


def _pay_page(link: Link) -> Response:
    """CP-1, CP-2: what is owed, and the ways to pay it now."""
    ctx = wiring().app.context(delivery=False)
    try:
        owed = customer_payments.owed(ctx, link.token)
        step = customer_payments.bank_step(ctx, link.token) if owed.authenticate else None
    except LinkRefused:
        return invalid()
    except (InputError, ProcessorUnavailable) as error:  # e.g. Stripe chosen, key unreadable
        return message(link.language, refusal(error, link.language), 503)
    return page("pay.html", link.language, csp=STRIPE_JS if step else None, owed=owed,
                csrf=link.csrf, token=link.token, secret=step.client_secret if step else "",
                publishable=step.publishable_key if step else "",
                method=step.payment_method if step else "")


def _invoices_page(link: Link) -> Response:
    """IV-4: the customer's invoices and credit notes, each a link to its PDF."""
    try:
        rows = invoice_files.listed(wiring().app.context(delivery=False), link.token)
    except LinkRefused:
        return invalid()
    return page("invoices.html", link.language, rows=rows, token=link.token,
                expires_on=link.view.expires_on)


@blueprint.get("/l/<token>/invoices/<number>.pdf")
def invoice_download(token: str, number: str) -> Response:
    """One invoice's PDF, to keep (an attachment); only the link's customer's."""

    @usable_link
    def download(link: Link) -> Response:
        if link.view.action != invoice_files.ACTION:
            return invalid()
        try:
            made = invoice_files.download(wiring().app.context(delivery=False), link.token,
                                          number, link.language)
        except LinkRefused:
            return invalid()
        except LookupError:  # not one of theirs: said as for any number they do not have
            wiring().bad_tokens.record(request.remote_addr or "unknown")
            return said(link.language, "invoice_unknown", 404)
        response = send_file(io.BytesIO(made.data), mimetype="application/pdf",
                             as_attachment=True, download_name=made.name)
        response.headers.update(FILE_HEADERS)
        return response

    return download(token)


@blueprint.post("/l/<token>/pay")
@usable_link
def pay(link: Link) -> Response:
    """The customer's payment (CP-2), or the one their bank has now confirmed (CP-1); one
    payment whatever else pays the item at the same time (CP-3)."""
    if link.view.action != customer_payments.ACTION:
        return invalid()
    shared, language = wiring(), link.language
    try:
        paid = customer_payments.pay(shared.app.context(), shared.app.engine.url, link.token,
                                     request.form.get("how", ""), request.form.get("method", ""))
    except LinkRefused:
        return invalid()
    except InputError as error:
        return message(language, refusal(error, language), 409)
    except ProcessorUnavailable as error:
        return message(language, refusal(error, language), 503)
    amount = money_text(paid.amount, language)
    key = {"paid": "pay_done", "declined": "pay_declined", "pending": "pay_pending"}.get(
        paid.outcome, "pay_unknown")
    return said(language, key, 200 if paid.outcome == "paid" else 402, amount=amount,
                method=paid.method)


@blueprint.post("/l/<token>/card")
@usable_link
def start_card(link: Link) -> Response:
    """Add or replace: off to the processor's own page (a POST: it creates a session there), or
    to the page that stands in for it when the processor has none (the sandbox)."""
    if link.view.action != "update_payment_method":
        return invalid()
    replacing = request.form.get("replace") or ""
    shared = wiring()
    if shared.app.processor.stand_in_methods():
        return redirect(f"/l/{link.token}/sandbox-card?replace={replacing}", 303)
    back = (f"{request.host_url.rstrip('/')}/l/{link.token}/card-saved?replace={replacing}"
            "&session_id={CHECKOUT_SESSION_ID}")
    try:
        url = pages.setup_page(shared.app.context(delivery=False), link.token, back)
    except LinkRefused:
        return invalid()
    except ProcessorUnavailable as error:
        return message(link.language, refusal(error, link.language), 503)
    return redirect(url, 303)


@blueprint.get("/l/<token>/sandbox-card")
@usable_link
def sandbox_card(link: Link) -> Response:
    """The stand-in for a hosted page: the processor's test methods, one click to save one."""
    methods = wiring().app.processor.stand_in_methods()
    if not methods:
        return invalid()
    return page("sandbox_card.html", link.language, view=link.view, csrf=link.csrf,
                token=link.token, methods=methods, replace=request.args.get("replace", ""))


@blueprint.get("/l/<token>/card-saved")
@usable_link
def card_saved(link: Link) -> Response:
    """Back from the processor's page (a GET): show what will be saved, ask to confirm."""
    processor = wiring().app.processor
    method_token = processor.setup_result(request.args.get("session_id", ""))
    if method_token is None:  # not back from the processor's page: nothing to save
        return said(link.language, "nothing_to_save", 404)
    return page("save_card.html", link.language, view=link.view, csrf=link.csrf,
                token=link.token, method_token=method_token,
                details=processor.describe(method_token),
                replace=request.args.get("replace", ""))


@blueprint.post("/l/<token>/card-saved")
@usable_link
def save_card(link: Link) -> Response:
    try:
        pages.save_method(wiring().app.context(), link.token, request.form.get("method_token", ""),
                          request.form.get("replace") or None)
    except LinkRefused:
        return invalid()
    except InputError as error:
        return message(link.language, refusal(error, link.language), 409)
    return said(link.language, "saved")


@blueprint.get("/seller-logo")
def seller_logo() -> Response:
    """HM-4: the seller's logo the pages show; not secret (every e-mail carries it)."""
    seller = face()
    if seller.logo is None:
        return Response(status=404, headers=FILE_HEADERS)
    headers = {**FILE_HEADERS, "Cache-Control": "public, max-age=3600"}
    return Response(seller.logo, mimetype=f"image/{seller.logo_type}", headers=headers)


@blueprint.app_errorhandler(404)
def not_found(_error: Exception) -> Response:
    return invalid()


@blueprint.app_errorhandler(405)
def not_allowed(_error: Exception) -> Response:
    return said(request_language(), "nothing_to_save", 405)
