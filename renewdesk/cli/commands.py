"""The commands of the command line, each over the use cases: nothing here holds a rule."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.app import App, is_live
from renewdesk.cli.entry import cli_language
from renewdesk.cli.import_csv import cmd_import_csv, counts
from renewdesk.cli.invoices import INVOICE_COMMANDS
from renewdesk.cli.machine import MACHINE_COMMANDS
from renewdesk.cli.report import print_report, print_sync
from renewdesk.cli.settings_command import cmd_settings
from renewdesk.cli.status import cmd_status
from renewdesk.cli.words import level, outcome, tr
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon, shown_value, words
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.services import (
    actions,
    demo,
    installments,
    links,
    payment_methods,
    processor_sync,
    recurrence,
)
from renewdesk.services.exchange.export import export_state
from renewdesk.services.exchange.importer import import_document
from renewdesk.services.exchange.reader import load_file
from renewdesk.services.journal import audit
from renewdesk.services.manual import final_attempt, manual_renewal
from renewdesk.services.run_due import run_due, sync_now
from renewdesk.store import settings
from renewdesk.store.models import Customer, Notification
from renewdesk.store.runlock import RunInProgress, exclusive_run

log = logging.getLogger("renewdesk.cli")


class Failure(Exception):
    """Anything but bad input: exit 1."""


def _one(session: Session, model: Any, ref: str, what: str) -> Any:
    found = session.scalar(select(model).where(model.ref == ref))
    if found is None:
        raise InputError("unknown", what=what, ref=ref)
    return found


def _cmd_import(app: App, args: argparse.Namespace, out: TextIO) -> None:
    path = Path(args.file)
    document = load_file(path, args.file)
    ctx = app.context()
    with ctx.factory() as session:
        result = import_document(session, ctx.processor, document, ctx.clock.today,
                                 ctx.clock.now(), ctx.who)
        session.commit()
    out.write(tr(cli_language(app.env), "imported {name}: {counts}", name=path.name,
                 counts=counts(result.created, result.updated, cli_language(app.env))) + "\n")


def _cmd_export(app: App, args: argparse.Namespace, out: TextIO) -> None:
    with app.factory() as session:
        json.dump(export_state(session), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _confirm_first_live_run(app: App, args: argparse.Namespace) -> None:
    """The first run with a live key asks for confirmation; later ones do not."""
    if not is_live(app.processor) or args.dry_run:
        return
    with app.factory() as session:
        if settings.get(session, "live_confirmed_on"):
            return
        if not args.confirm_live:
            raise InputError("first_live_run")
        ctx = app.context()
        settings.put(session, "live_confirmed_on", ctx.clock.today.isoformat())
        audit(session, ctx.who, "confirm_live", "settings", ctx.clock.today, ctx.clock.now(),
              None, {"live_confirmed_on": ctx.clock.today.isoformat()})
        session.commit()


def _cmd_run_due(app: App, args: argparse.Namespace, out: TextIO) -> None:
    _confirm_first_live_run(app, args)
    ctx = app.context()
    try:
        # A dry run takes the lock too: it would otherwise read a run's half-done work.
        with exclusive_run(app.engine.url, args.wait):
            if not args.dry_run:
                app.backup_before_run()
            report = run_due(ctx, dry_run=args.dry_run)
    except RunInProgress as error:
        raise Failure(words(error, cli_language(app.env))) from None
    print_report(report, out, cli_language(app.env))
    if not args.dry_run:
        log.info("run as of %s: %d charge attempts, %d e-mails", report.as_of,
                 len(report.charges), len(report.emails))


def _cmd_sync(app: App, args: argparse.Namespace, out: TextIO) -> None:
    """What a run does first, alone (the window's "Sync now"): nothing new is charged."""
    ctx = app.context()
    try:
        with exclusive_run(app.engine.url, args.wait):
            report = sync_now(ctx)
    except RunInProgress as error:
        raise Failure(words(error, cli_language(app.env))) from None
    print_sync(report, out, cli_language(app.env))


def _cmd_bulk(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    refs = None if args.all else tuple(r.strip() for r in args.services.split(",") if r.strip())
    request = recurrence.BulkRequest(args.customer, refs, bool(args.on), args.payment_method,
                                     args.billing_contact)
    language = cli_language(app.env)  # the check's lines in the words of its refusals
    for line in actions.check_bulk(ctx, request):
        out.write(f"  {level(line.level, language):<8} {line.service_ref}{colon(language)}"
                  f"{line.detail(language)}\n")
    changed = actions.apply_bulk(ctx, request, args.yes)
    out.write((tr(language, "auto-renew on for {count} service(s)", count=len(changed))
               if request.on else
               tr(language, "auto-renew off for {count} service(s)", count=len(changed))) + "\n")


def _cmd_plan_update(app: App, args: argparse.Namespace, out: TextIO) -> None:
    result = actions.update_plan(app.context(), args.order, args.amount)
    out.write(tr(cli_language(app.env), "plan change of {order} to {amount} is pending until "
                 "{day}; the customer was asked to confirm", order=result.order_ref,
                 amount=result.amount, day=result.deadline_on.isoformat()) + "\n")


def _cmd_renew_plan(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with exclusive_run(app.engine.url, 30):
        result = final_attempt(ctx, args.order)
    language = cli_language(app.env)
    out.write(tr(language, "final attempt for {ref}: {outcome}", ref=result.subject_ref,
                 outcome=outcome(result.outcome, language)) + "\n")


def _cmd_collection(app: App, args: argparse.Namespace, out: TextIO) -> None:
    handoff = actions.hand_to_collection(app.context(), args.order,
                                         Path(args.out) if args.out else None)
    if args.out:
        out.write(tr(cli_language(app.env), "order {order} handed to collection; file written "
                     "to {path}", order=handoff.order_ref, path=args.out) + "\n")
    else:
        out.write(handoff.text)


def _method_input(args: argparse.Namespace) -> payment_methods.MethodInput | None:
    """The new method the options describe; any of them, even without --new-token, is one, so
    that the link's use case refuses it when it cannot use it."""
    if not any((args.new_token, args.new_ref, args.brand, args.last4, args.exp, args.holder)):
        return None
    token = args.new_token or ""
    month = year = None
    if args.exp:
        try:
            m, y = args.exp.split("/")
            month, year = int(m), int(y)
        except ValueError:
            raise InputError("exp_not_month_year", given=args.exp) from None
    return payment_methods.MethodInput(
        ref=args.new_ref or f"PM-{token[-12:]}", type="sepa_debit"
        if token.startswith("pm_sepa") else "card", token=token,
        brand=args.brand, last4=args.last4, exp_month=month, exp_year=year, holder=args.holder)


def _cmd_link(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    language = cli_language(app.env)
    with ctx.factory() as session:
        view = links.show(session, args.token, ctx.clock.today)
        out.write(tr(language, "{action} for {customer} (valid until {day}): {description}",
                     action=view.action, customer=view.customer_ref,
                     day=shown_value("day", view.expires_on, language),
                     description=view.description.words(language)) + "\n")
        if not args.accept:
            if view.usable:
                out.write(tr(language, "nothing was done; add --accept to do it") + "\n")
            return
        done = links.accept(session, ctx.processor, args.token, ctx.clock.today,
                            ctx.clock.now(), _method_input(args))
        session.commit()
    out.write(tr(language, "done: {done}", done=done.words(language)) + "\n")


def _cmd_demo(app: App, args: argparse.Namespace, out: TextIO) -> None:
    if not 1 <= args.customers <= 1_000_000:
        raise InputError("demo_customers_range")
    ctx = app.context()
    result = demo.fill(ctx, args.customers)
    language = cli_language(app.env)
    out.write(tr(language, "demo data: {summary}",
                 summary=counts(result.created, result.updated, language)) + "\n")


def _cmd_cancel(app: App, args: argparse.Namespace, out: TextIO) -> None:
    actions.cancel_renewal(app.context(), args.renewal)
    out.write(tr(cli_language(app.env), "renewal {ref} cancelled; nothing will be charged",
                 ref=args.renewal) + "\n")


def _cmd_renew(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with exclusive_run(app.engine.url, 30):
        result = manual_renewal(ctx, args.service)
    language = cli_language(app.env)
    out.write(tr(language, "manual renewal {ref}: {outcome}", ref=result.subject_ref,
                 outcome=outcome(result.outcome, language)) + "\n")


def _cmd_find(app: App, args: argparse.Namespace, out: TextIO) -> None:
    with app.factory() as session:
        for order in installments.find_orders(session, args.text):
            out.write(f"{order.ref}\t{order.customer.name}\t{order.invoice_number}\t"
                      f"{order.product}\t{order.status}\n")


def _cmd_remove_method(app: App, args: argparse.Namespace, out: TextIO) -> None:
    actions.remove_method(app.context(), args.payment_method)
    out.write(tr(cli_language(app.env), "payment method {ref} removed",
                 ref=args.payment_method) + "\n")


def _cmd_emails(app: App, args: argparse.Namespace, out: TextIO) -> None:
    actions.set_customer_emails(app.context(), args.customer, args.state == "on")
    language = cli_language(app.env)
    out.write((tr(language, "e-mails for {customer}: on", customer=args.customer)
               if args.state == "on" else
               tr(language, "e-mails for {customer}: off", customer=args.customer)) + "\n")


def _cmd_outbox(app: App, args: argparse.Namespace, out: TextIO) -> None:
    with app.factory() as session:
        query = select(Notification).order_by(Notification.id)
        if args.status:
            query = query.where(Notification.status == args.status)
        for n in session.scalars(query):
            when = n.sent_at.isoformat(timespec="seconds") if n.sent_at else "-"
            error = f"\t{n.last_error}" if n.last_error else ""
            out.write(f"{n.ref}\t{n.created_on.isoformat()}\t{n.status}\t{when}\t{n.kind}\t"
                      f"{n.to}\t{n.subject}{error}\n")


def _print_sync(result: processor_sync.SyncResult, out: TextIO, language: str) -> None:
    out.write(tr(language, "{customer}: {added} method(s) imported{added_refs}, {updated} "
                 "refreshed{updated_refs}", customer=result.customer_ref,
                 added=len(result.added), added_refs=_listed(result.added),
                 updated=len(result.updated), updated_refs=_listed(result.updated)) + "\n")


def _listed(refs: Sequence[str]) -> str:
    return f" ({', '.join(refs)})" if refs else ""


def _cmd_link_customer(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        customer = _one(session, Customer, args.customer, "customer")
        result = processor_sync.link_customer(session, ctx.processor, customer,
                                              args.processor_customer, ctx.clock.today,
                                              ctx.clock.now())
        audit(session, ctx.who, "link_customer", customer.ref, ctx.clock.today, ctx.clock.now(),
              None, {"processor_customer": args.processor_customer})
        session.commit()
    _print_sync(result, out, cli_language(app.env))


def _cmd_sync_methods(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        if args.customer:
            customers = [_one(session, Customer, args.customer, "customer")]
        else:
            customers = list(session.scalars(select(Customer).where(
                Customer.processor_customer_id.is_not(None)).order_by(Customer.ref)))
    language = cli_language(app.env)
    refused: list[str] = []
    for customer_ref in [c.ref for c in customers]:
        with ctx.factory() as session:  # one customer, one unit of work
            customer = _one(session, Customer, customer_ref, "customer")
            try:
                result = processor_sync.sync_customer(session, ctx.processor, customer,
                                                      ctx.clock.today, ctx.clock.now())
            except InputError as error:
                if args.customer:
                    raise
                refused.append(f"{customer_ref}{colon(language)}{words(error, language)}")
                continue
            session.commit()
        _print_sync(result, out, language)
    if refused:  # some customers were synced: not "nothing changed", so not bad input
        raise Failure(tr(language, "{count} customer(s) not synced: {which}", count=len(refused),
                         which="; ".join(refused)))


def _cmd_card_page(app: App, args: argparse.Namespace, out: TextIO) -> None:
    try:
        actions.send_card_page(app.context(), args.customer)
    except ProcessorUnavailable as error:
        raise Failure(words(error, cli_language(app.env))) from None
    out.write(tr(cli_language(app.env), "{customer} was sent a link to save a new card",
                 customer=args.customer) + "\n")


def _cmd_serve_links(app: App, args: argparse.Namespace, out: TextIO) -> None:
    """Runs until stopped (Ctrl+C); the links in e-mails point at `links_base_url`."""
    if not 0 < args.port < 65536:
        raise InputError("port_not_port", port=args.port)
    from renewdesk.web.server import serve

    out.write(tr(cli_language(app.env), "serving customer links on {url} (Ctrl+C stops)",
                 url=f"http://{args.host}:{args.port}/l/") + "\n")
    out.flush()
    serve(app, args.host, args.port)


COMMANDS: dict[str, Callable[[App, argparse.Namespace, TextIO], None]] = {
    "import": _cmd_import, "export": _cmd_export, "run-due": _cmd_run_due, "sync": _cmd_sync,
    "bulk-recurrence": _cmd_bulk, "plan-update": _cmd_plan_update,
    "renew-plan": _cmd_renew_plan, "collection": _cmd_collection, "link": _cmd_link,
    "demo": _cmd_demo, "cancel-renewal": _cmd_cancel, "renew": _cmd_renew,
    "find-orders": _cmd_find, "remove-payment-method": _cmd_remove_method,
    "customer-emails": _cmd_emails, "link-customer": _cmd_link_customer,
    "sync-methods": _cmd_sync_methods, "card-page": _cmd_card_page, "settings": cmd_settings,
    "outbox": _cmd_outbox, "serve-links": _cmd_serve_links, "import-csv": cmd_import_csv,
    "status": cmd_status, **INVOICE_COMMANDS, **MACHINE_COMMANDS,
}
