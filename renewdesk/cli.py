"""The command line (EXCHANGE.md) over the same use cases as the window.

Exit status: 0 success; 2 bad input, with one line on stderr naming the problem and nothing
changed; 1 anything else.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk import __version__
from renewdesk.app import App, open_app, setup_logging
from renewdesk.domain.cards import contains_card_number
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.services import demo, installments, links, payment_methods, recurrence, renewals
from renewdesk.services.exchange.export import export_state
from renewdesk.services.exchange.importer import import_document
from renewdesk.services.journal import audit
from renewdesk.services.manual import final_attempt, manual_renewal
from renewdesk.services.run_due import RunReport, run_due
from renewdesk.store import settings
from renewdesk.store.models import Customer, InstallmentOrder, Notification, Renewal
from renewdesk.store.runlock import RunInProgress, exclusive_run

log = logging.getLogger("renewdesk.cli")


class Failure(Exception):
    """Anything but bad input: exit 1."""


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input like any other: one line, exit 2, through `main`."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="renewdesk", description="Renewals, installment plans and "
                                "saved cards for account managers.")
    p.add_argument("--version", action="version", version=f"renewdesk {__version__}")
    p.add_argument("--db", help="SQLite file or SQLAlchemy URL (default: user data folder; "
                                "RENEWDESK_DB)")
    p.add_argument("--today", help="business date YYYY-MM-DD (RENEWDESK_TODAY)")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("import", help="create or update everything in an exchange file")
    c.add_argument("file")
    sub.add_parser("export", help="print the whole state as an exchange file (JSON)")
    c = sub.add_parser("run-due", help="do everything due up to --today")
    c.add_argument("--dry-run", action="store_true", help="report what a run would do; change "
                   "nothing")
    c.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="wait this long for a run in progress to finish (default: do not wait)")
    c = sub.add_parser("bulk-recurrence", help="switch auto-renew on or off (AR-2)")
    c.add_argument("customer")
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true")
    which.add_argument("--services", metavar="REF,REF")
    onoff = c.add_mutually_exclusive_group(required=True)
    onoff.add_argument("--on", action="store_true")
    onoff.add_argument("--off", action="store_true")
    c.add_argument("--payment-method", metavar="REF")
    c.add_argument("--billing-contact", metavar="REF")
    c.add_argument("--yes", action="store_true", help="confirm the warnings of the check")
    c = sub.add_parser("plan-update", help="request a new installment amount (IN-2)")
    c.add_argument("order")
    c.add_argument("--amount", required=True)
    c = sub.add_parser("renew-plan", help="the manual fourth and final attempt (IN-5)")
    c.add_argument("order")
    c = sub.add_parser("collection", help="hand an order to the collection partner (IN-6)")
    c.add_argument("order")
    c.add_argument("--out", metavar="FILE", help="write the hand-off file there (default: stdout)")
    c = sub.add_parser("link", help="show what a customer link does; --accept acts on it")
    c.add_argument("token")
    c.add_argument("--accept", action="store_true")
    c.add_argument("--new-token", help="update_payment_method: the new method's processor token")
    c.add_argument("--new-ref", help="update_payment_method: a reference for the new method")
    c.add_argument("--brand", default="")
    c.add_argument("--last4", default="")
    c.add_argument("--exp", metavar="MM/YYYY")
    c.add_argument("--holder", default="")
    c = sub.add_parser("demo", help="fill the database with realistic demo data")
    c.add_argument("--customers", type=int, default=50)
    c = sub.add_parser("cancel-renewal", help="cancel a scheduled renewal (AR-4)")
    c.add_argument("renewal")
    c = sub.add_parser("renew", help="manual renewal of a service, charged now (AR-6)")
    c.add_argument("service")
    c = sub.add_parser("find-orders", help="find orders by reference, customer or invoice (IN-1)")
    c.add_argument("text")
    c = sub.add_parser("remove-payment-method", help="remove a saved method (PM-5)")
    c.add_argument("payment_method")
    c = sub.add_parser("customer-emails", help="turn a customer's e-mails on or off (NT-4)")
    c.add_argument("customer")
    c.add_argument("state", choices=("on", "off"))
    c = sub.add_parser("settings", help="show settings, or set NAME=VALUE pairs")
    c.add_argument("pairs", nargs="*", metavar="NAME=VALUE")
    c = sub.add_parser("outbox", help="list the outbox")
    c.add_argument("--status", choices=("queued", "sent", "failed", "suppressed"))
    return p


def _one(session: Session, model: Any, ref: str, what: str) -> Any:
    found = session.scalar(select(model).where(model.ref == ref))
    if found is None:
        raise InputError(f"unknown {what} {ref!r}")
    return found


def _print_report(report: RunReport, out: TextIO) -> None:
    head = "Dry run" if report.dry_run else "Run"
    out.write(f"{head} as of {report.as_of.isoformat()}")
    if report.caught_up_days:
        out.write(f" (catching up {report.caught_up_days} missed day(s))")
    out.write("\n")
    for r in report.settled:
        out.write(f"  settled  {r.subject_ref}: {r.outcome}\n")
    for n in report.notices:
        out.write(f"  notice   {n.renewal_ref} {n.customer_ref} {n.amount} charge on "
                  f"{n.charge_on.isoformat()}\n")
    for c in report.charges:
        code = f" ({c.decline_code})" if c.decline_code else ""
        out.write(f"  charge   {c.subject} {c.customer} {c.amount} {c.payment_method}: "
                  f"{c.result}{code}\n")
    for ref in report.plan_changes_expired:
        out.write(f"  expired  plan change of {ref}\n")
    for ref in report.suspended:
        out.write(f"  suspend  {ref}\n")
    for ref in report.usage_invoices:
        out.write(f"  invoice  {ref}\n")
    for mail in report.emails:
        out.write(f"  e-mail   {mail.kind} to {mail.to} [{mail.status}]\n")
    out.write(f"{len(report.notices)} notice(s), {len(report.charges)} charge attempt(s), "
              f"{len(report.suspended)} suspension(s), {len(report.usage_invoices)} usage "
              f"invoice(s), {len(report.emails)} e-mail(s), {report.events} event(s)")
    if not report.dry_run:
        out.write(f"; {report.mail_sent} e-mail(s) sent, {report.mail_waiting} waiting")
    out.write("\n")
    for problem in report.problems:
        out.write(f"  problem: {problem}\n")


def _cmd_import(app: App, args: argparse.Namespace, out: TextIO) -> None:
    path = Path(args.file)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{args.file}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{args.file}: not valid JSON (line {error.lineno}: {error.msg})") from None
    ctx = app.context()
    with ctx.factory() as session:
        result = import_document(session, ctx.processor, document, ctx.clock.today,
                                 ctx.clock.now(), ctx.who)
        session.commit()
    out.write(f"imported {path.name}: {result.summary()}\n")


def _cmd_export(app: App, args: argparse.Namespace, out: TextIO) -> None:
    with app.factory() as session:
        json.dump(export_state(session), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _cmd_run_due(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    if args.dry_run:
        _print_report(run_due(ctx, dry_run=True), out)
        return
    try:
        with exclusive_run(app.url, args.wait):
            report = run_due(ctx)
    except RunInProgress as error:
        raise Failure(str(error)) from None
    _print_report(report, out)
    log.info("run as of %s: %d charge attempts, %d e-mails", report.as_of, len(report.charges),
             len(report.emails))


def _cmd_bulk(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    refs = None if args.all else tuple(r.strip() for r in args.services.split(",") if r.strip())
    request = recurrence.BulkRequest(args.customer, refs, bool(args.on), args.payment_method,
                                     args.billing_contact)
    with ctx.factory() as session:
        policy = settings.load_policy(session)
        plan = recurrence.plan_bulk(session, request, policy, ctx.clock.today)
        for line in plan.lines:
            out.write(f"  {line.level:<8} {line.service_ref}: {line.message}\n")
        changed = recurrence.apply_bulk(session, plan, request.on, args.yes, ctx.clock.today,
                                        ctx.clock.now(), ctx.who)
        session.commit()
    out.write(f"auto-renew {'on' if request.on else 'off'} for {len(changed)} service(s)\n")


def _cmd_plan_update(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        order = _one(session, InstallmentOrder, args.order, "order")
        amount = Money.parse(args.amount, order.currency, field="--amount")
        before = {"installment_amount": order.installment_amount.text()}
        result = installments.request_plan_change(session, order, amount,
                                                  settings.load_policy(session),
                                                  ctx.clock.today, ctx.clock.now())
        audit(session, ctx.who, "plan_update", order.ref, ctx.clock.today, ctx.clock.now(),
              before, {"requested_amount": amount.text(), "status": "pending"})
        session.commit()
    out.write(f"plan change of {result.order_ref} to {result.amount} is pending until "
              f"{result.deadline_on.isoformat()}; the customer was asked to confirm\n")


def _cmd_renew_plan(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with exclusive_run(app.url, 30):
        result = final_attempt(ctx, args.order)
    out.write(f"final attempt for {result.subject_ref}: {result.outcome}\n")


def _cmd_collection(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        order = _one(session, InstallmentOrder, args.order, "order")
        listed = installments.hand_to_collection(session, order, ctx.clock.today,
                                                 ctx.clock.now())
        handoff = {
            "order": order.ref, "customer": order.customer.ref, "name": order.customer.name,
            "email": order.customer.email, "address": order.customer.address,
            "invoice_number": order.invoice_number, "product": order.product,
            "currency": order.currency, "handed_on": ctx.clock.today.isoformat(),
            "installments": [{"number": i.number, "due_on": i.due_on.isoformat(),
                              "amount": i.amount.text()} for i in listed],
            "total": Money(sum(i.amount_minor for i in listed), order.currency).text(),
        }
        audit(session, ctx.who, "collection", order.ref, ctx.clock.today, ctx.clock.now(),
              {"in_collection": False}, {"in_collection": True})
        text = json.dumps(handoff, ensure_ascii=False, indent=2) + "\n"
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        session.commit()
    if args.out:
        out.write(f"order {order.ref} handed to collection; file written to {args.out}\n")
    else:
        out.write(text)


def _method_input(args: argparse.Namespace) -> payment_methods.MethodInput | None:
    if not args.new_token:
        return None
    month = year = None
    if args.exp:
        try:
            m, y = args.exp.split("/")
            month, year = int(m), int(y)
        except ValueError:
            raise InputError(f"--exp: {args.exp!r} is not MM/YYYY") from None
    return payment_methods.MethodInput(
        ref=args.new_ref or f"PM-{args.new_token[-12:]}", type="sepa_debit"
        if args.new_token.startswith("pm_sepa") else "card", token=args.new_token,
        brand=args.brand, last4=args.last4, exp_month=month, exp_year=year, holder=args.holder)


def _cmd_link(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        view = links.show(session, args.token, ctx.clock.today)
        out.write(f"{view.action} for {view.customer_ref} (valid until "
                  f"{view.expires_on.isoformat()}): {view.description}\n")
        if not args.accept:
            if view.usable:
                out.write("nothing was done; add --accept to do it\n")
            return
        done = links.accept(session, ctx.processor, args.token, ctx.clock.today,
                            ctx.clock.now(), _method_input(args))
        session.commit()
    out.write(f"done: {done}\n")


def _cmd_demo(app: App, args: argparse.Namespace, out: TextIO) -> None:
    if not 1 <= args.customers <= 1_000_000:
        raise InputError("--customers must be between 1 and 1000000")
    ctx = app.context()
    result = demo.fill(ctx, args.customers)
    out.write(f"demo data: {result}\n")


def _cmd_cancel(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        renewal = _one(session, Renewal, args.renewal, "renewal")
        renewals.cancel(session, renewal, ctx.clock.today, ctx.clock.now(), ctx.who)
        audit(session, ctx.who, "cancel_renewal", renewal.ref, ctx.clock.today, ctx.clock.now(),
              {"status": "scheduled"}, {"status": "cancelled"})
        session.commit()
    out.write(f"renewal {args.renewal} cancelled; nothing will be charged\n")


def _cmd_renew(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with exclusive_run(app.url, 30):
        result = manual_renewal(ctx, args.service)
    out.write(f"manual renewal {result.subject_ref}: {result.outcome}\n")


def _cmd_find(app: App, args: argparse.Namespace, out: TextIO) -> None:
    with app.factory() as session:
        for order in installments.find_orders(session, args.text):
            out.write(f"{order.ref}\t{order.customer.name}\t{order.invoice_number}\t"
                      f"{order.product}\t{order.status}\n")


def _cmd_remove_method(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    from renewdesk.store.models import PaymentMethod

    with ctx.factory() as session:
        method = _one(session, PaymentMethod, args.payment_method, "payment method")
        payment_methods.remove_method(session, method, settings.load_policy(session),
                                      ctx.clock.today, ctx.clock.now())
        audit(session, ctx.who, "remove_payment_method", method.ref, ctx.clock.today,
              ctx.clock.now(), {"removed": False}, {"removed": True})
        session.commit()
    out.write(f"payment method {args.payment_method} removed\n")


def _cmd_emails(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        customer = _one(session, Customer, args.customer, "customer")
        before = customer.emails_enabled
        customer.emails_enabled = args.state == "on"
        audit(session, ctx.who, "customer_emails", customer.ref, ctx.clock.today,
              ctx.clock.now(), {"emails_enabled": before},
              {"emails_enabled": customer.emails_enabled})
        session.commit()
    out.write(f"e-mails for {args.customer}: {args.state}\n")


def _cmd_settings(app: App, args: argparse.Namespace, out: TextIO) -> None:
    ctx = app.context()
    with ctx.factory() as session:
        if not args.pairs:
            for name, value in settings.all_user_settings(session).items():
                out.write(f"{name}={value}\n")
            return
        values: dict[str, str] = {}
        for pair in args.pairs:
            name, eq, value = pair.partition("=")
            if not eq:
                raise InputError(f"{pair!r}: expected NAME=VALUE")
            if name in settings.INTERNAL or name not in settings.POLICY_NAMES | \
                    settings.OTHER_NAMES:
                raise InputError(f"unknown setting {name!r}")
            if "secret" in name or "password" in name:
                raise InputError(f"{name}: secrets go in the system keyring, not in settings")
            values[name] = value
        policy_values = {k: v for k, v in values.items() if k in settings.POLICY_NAMES}
        settings.load_policy(session).with_values(policy_values)  # validates
        before = settings.all_user_settings(session)
        for name, value in values.items():
            settings.put(session, name, value)
        audit(session, ctx.who, "settings", "settings", ctx.clock.today, ctx.clock.now(),
              {k: before.get(k) for k in values}, values)
        session.commit()
    out.write(f"{len(values)} setting(s) saved\n")


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


COMMANDS: dict[str, Callable[[App, argparse.Namespace, TextIO], None]] = {
    "import": _cmd_import, "export": _cmd_export, "run-due": _cmd_run_due,
    "bulk-recurrence": _cmd_bulk, "plan-update": _cmd_plan_update,
    "renew-plan": _cmd_renew_plan, "collection": _cmd_collection, "link": _cmd_link,
    "demo": _cmd_demo, "cancel-renewal": _cmd_cancel, "renew": _cmd_renew,
    "find-orders": _cmd_find, "remove-payment-method": _cmd_remove_method,
    "customer-emails": _cmd_emails, "settings": _cmd_settings, "outbox": _cmd_outbox,
}


def main(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    for index, value in enumerate(argv):
        if contains_card_number(value):
            # PM-2: refused before anything is parsed, logged or stored; never echoed.
            err.write(f"renewdesk: argument {index + 1} looks like a card number; card numbers "
                      "are never accepted (PM-2)\n")
            return 2
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except InputError as error:
        err.write(f"{error}\n")
        return 2
    except SystemExit as exit_:  # --help, --version
        return 2 if exit_.code else 0
    if args.command is None:
        parser.print_help(out)
        out.write("\nThe desktop window is not part of this version yet; use a command above.\n")
        return 0
    setup_logging(__import__("os").environ)
    app: App | None = None
    try:
        app = open_app(args.db, args.today)
        COMMANDS[args.command](app, args, out)
        return 0
    except InputError as error:
        err.write(f"renewdesk: {error}\n")
        log.info("%s refused: %s", args.command, error)
        return 2
    except (Failure, RunInProgress) as error:
        err.write(f"renewdesk: {error}\n")
        return 1
    except Exception as error:
        log.exception("%s failed", args.command)
        err.write(f"renewdesk: {args.command} failed: {type(error).__name__}: {error}\n")
        return 1
    finally:
        if app is not None:
            app.close()


