"""The command line (EXCHANGE.md) over the same use cases as the window.

Exit status: 0 success; 2 bad input, with one line on stderr naming the problem and nothing
changed; 1 anything else.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from renewdesk import __version__, keystore
from renewdesk.cli.help_words import argparse_in, speak
from renewdesk.cli.words import tr
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon, words
from renewdesk.domain.sensitive import Kind, sensitive_kind
from renewdesk.domain.setting_words import VALUE_WORDS, choice_words
from renewdesk.logs import setup_logging

# The database, the models and the commands (SQLAlchemy, the processors, the mailer) are
# imported when a command runs, or once the window is on screen: the window shows first.

if TYPE_CHECKING:
    from renewdesk.app import App

log = logging.getLogger("renewdesk.cli")
ROLE_CODES = ("admin", "manager", "viewer")  # domain.roles.Role's, typed as they are


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input like any other: one line, exit 2, through `main`."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{self.prog}: {message}")


def version_text() -> str:
    """The version, with the build's commit and date when running from the bundle."""
    stamp = Path(getattr(sys, "_MEIPASS", "")) / "renewdesk-build.json"
    if getattr(sys, "frozen", False) and stamp.is_file():
        build = json.loads(stamp.read_text(encoding="utf-8"))
        return f"renewdesk {__version__} (build {build['commit']}, {build['built']})"
    return f"renewdesk {__version__}"


def _typed_values(language: str) -> str:
    """`settings --help`: the codes a coded setting is typed with, each with its words; the
    listing itself reads in words (HM-3)."""
    lines = [line for name, codes in VALUE_WORDS.items()
             for line in [f"  {name}{colon(language).rstrip()}",
                          *(f"    {code:<14} {choice_words(name, code, language)}"
                            for code in codes)]]
    header, kinds = {
        "fr": ("Valeurs à taper :", "oui/non : true ou false ; jours : un nombre, les "
                                    "relances une liste (3,6) ; heure : HH:MM ; montants : 2.00"),
        "en": ("Values to type:", "yes/no: true or false; days: a number, retries a list "
                                  "(3,6); time: HH:MM; amounts: 2.00"),
    }[language if language == "fr" else "en"]
    return "\n".join([header, *lines, f"  {kinds}"])


def _parser(language: str = "en") -> argparse.ArgumentParser:
    """The parser, in English; its words in `language` (call it inside `argparse_in` for
    argparse's own words in that language too)."""
    p = _english_parser(language)
    commands = next(action for action in p._actions
                    if isinstance(action, argparse._SubParsersAction))
    for listed in commands._choices_actions:  # each command's help opens with what it does
        commands.choices[listed.dest].description = listed.help
    speak(p, language)
    return p


def _english_parser(language: str) -> argparse.ArgumentParser:
    p = _Parser(prog="renewdesk", description="Renewals, installment plans and "
                                "saved cards for account managers.")
    p.add_argument("--version", action="version", version=version_text())
    p.add_argument("--db", help="SQLite file or SQLAlchemy URL (default: user data folder; "
                                "RENEWDESK_DB)")
    p.add_argument("--today", help="business date YYYY-MM-DD (RENEWDESK_TODAY)")
    p.add_argument("--quit-after", type=float, metavar="SECONDS",
                   help="with no command: close the window on its own after this long")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("import", help="create or update everything in an exchange file")
    c.add_argument("file", help="the exchange file (JSON)")
    sub.add_parser("export", help="print the whole state as an exchange file (JSON)")
    c = sub.add_parser("import-csv", help="import a CSV file of customers or services, its "
                                          "columns mapped to fields")
    c.add_argument("file", help="the CSV file")
    c.add_argument("--kind", required=True, choices=("customers", "services"),
                   help="what each row is")
    c.add_argument("--map", required=True, metavar="MAPPING.json",
                   help="which column goes to which field")
    c.add_argument("--dry-run", action="store_true", help="say what would be imported; change "
                   "nothing")
    c = sub.add_parser("run-due", help="do everything due up to --today")
    c.add_argument("--dry-run", action="store_true", help="report what a run would do; change "
                   "nothing")
    c.add_argument("--confirm-live", action="store_true",
                   help="confirm the first run with a live Stripe key (it takes real money)")
    c.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="wait this long for a run in progress to finish (default: do not wait)")
    c = sub.add_parser("sync", help="read now what happened at the payment provider (payments "
                                    "settled, refunds and disputes made there, cards renewed) "
                                    "and conclude what it answered; charges nothing new")
    c.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="wait this long for a run in progress to finish (default: do not wait)")
    c = sub.add_parser("refund", help="give back all or part of a successful payment")
    c.add_argument("payment", metavar="PAYMENT_REF",
                   help="the payment as its history and the export show it, e.g. REN-0000012/1")
    c.add_argument("--amount", help="how much, in the payment's currency, e.g. 10.00 "
                                    "(default: all that is left to refund)")
    c.add_argument("--reason", default="", help="why (kept with the refund; required)")
    c.add_argument("--yes", action="store_true",
                   help="refund without asking (needed when not run from a terminal)")
    c = sub.add_parser("invoices", help="list the invoices and credit notes issued")
    c.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="issued on or after")
    c.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="issued on or before")
    c.add_argument("--issue-missing", action="store_true",
                   help="first issue the invoices of paid payments that have none (made before "
                        "invoices existed, or imported paid), dated today")
    c = sub.add_parser("invoice", help="write an invoice or a credit note as its PDF "
                                       "(Factur-X)")
    c.add_argument("number", metavar="NUMBER", help="e.g. F2027-000123 or A2027-000007")
    c.add_argument("--pdf", required=True, metavar="FILE", help="the PDF to write")
    c = sub.add_parser("accounting", help="the accountant's files for a date range: the CSV "
                                          "of invoices, credit notes, payments and refunds, or "
                                          "the FEC (fichier des écritures comptables)")
    c.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD",
                   help="the first day")
    c.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD",
                   help="the last day, the FEC's closing date")
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--csv", metavar="FILE", help="the CSV to write (UTF-8, ';')")
    which.add_argument("--fec", metavar="FILE_OR_FOLDER",
                       help="a folder: the file takes its legal name, SIRENFECYYYYMMDD.txt")
    c = sub.add_parser("bulk-recurrence", help="switch auto-renew on or off")
    c.add_argument("customer", help="the customer's reference")
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="all the customer's services")
    which.add_argument("--services", metavar="REF,REF", help="these services only")
    onoff = c.add_mutually_exclusive_group(required=True)
    onoff.add_argument("--on", action="store_true", help="renew automatically")
    onoff.add_argument("--off", action="store_true", help="stop renewing automatically")
    c.add_argument("--payment-method", metavar="REF",
                   help="the payment method their renewals are charged to")
    c.add_argument("--billing-contact", metavar="REF", help="the contact their billing goes to")
    c.add_argument("--yes", action="store_true", help="confirm the warnings of the check")
    c = sub.add_parser("plan-update", help="request a new installment amount")
    c.add_argument("order", help="the order's reference")
    c.add_argument("--amount", required=True, help="the new amount, e.g. 45.00")
    c = sub.add_parser("renew-plan", help="the manual fourth and final attempt")
    c.add_argument("order", help="the order's reference")
    c = sub.add_parser("collection", help="hand an order to the collection partner")
    c.add_argument("order", help="the order's reference")
    c.add_argument("--out", metavar="FILE", help="write the hand-off file there (default: stdout)")
    c = sub.add_parser("link", help="show what a customer link does; --accept acts on it")
    c.add_argument("token", help="the link's token: what follows /l/ in its address")
    c.add_argument("--accept", action="store_true", help="do what the link does")
    c.add_argument("--new-token", help="update_payment_method: the new method's processor token")
    c.add_argument("--new-ref", help="update_payment_method: a reference for the new method")
    c.add_argument("--brand", default="", help="update_payment_method: the card's brand")
    c.add_argument("--last4", default="", help="update_payment_method: its last four digits")
    c.add_argument("--exp", metavar="MM/YYYY", help="update_payment_method: when it expires")
    c.add_argument("--holder", default="", help="update_payment_method: the holder's name")
    c = sub.add_parser("demo", help="fill the database with realistic demo data")
    c.add_argument("--customers", type=int, default=50, help="how many (default: 50)")
    c = sub.add_parser("cancel-renewal", help="cancel a scheduled renewal")
    c.add_argument("renewal", help="the renewal's reference")
    c = sub.add_parser("renew", help="manual renewal of a service, charged now")
    c.add_argument("service", help="the service's reference")
    c = sub.add_parser("find-orders", help="find orders by reference, customer or invoice")
    c.add_argument("text", help="part of a reference, a customer's name or an invoice number")
    c = sub.add_parser("remove-payment-method", help="remove a saved method")
    c.add_argument("payment_method", help="the payment method's reference")
    c = sub.add_parser("customer-emails", help="turn a customer's e-mails on or off")
    c.add_argument("customer", help="the customer's reference")
    c.add_argument("state", choices=("on", "off"), help="on: send them; off: send none")
    c = sub.add_parser("settings", help="show settings, or set NAME=VALUE pairs",
                       epilog=_typed_values(language),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("pairs", nargs="*", metavar="NAME=VALUE",
                   help="the settings to change, all saved together or none")
    c = sub.add_parser("link-customer", help="link to an existing customer at the processor "
                                             "and import the cards saved there")
    c.add_argument("customer", help="the customer's reference")
    c.add_argument("processor_customer", metavar="PROCESSOR_ID", help="e.g. cus_… at Stripe")
    c = sub.add_parser("sync-methods", help="import saved cards and refresh their details "
                                            "from the processor (all linked customers)")
    c.add_argument("customer", nargs="?", help="this customer only")
    c = sub.add_parser("card-page", help="e-mail a customer the processor's page to save a card")
    c.add_argument("customer", help="the customer's reference")
    c = sub.add_parser("secret", help="webhook secret, SMTP password: into the keyring "
                                      "(the value is read from standard input)")
    c.add_argument("action", choices=("set", "delete", "status"),
                   help="save it, delete it, or say where each is kept")
    c.add_argument("name", nargs="?", choices=keystore.NAMES, help="which secret")
    c.add_argument("--allow-plaintext", action="store_true",
                   help="with no secure keyring, accept saving it in a plain-text file")
    c = sub.add_parser("backup", help="copy the database (SQLite's online backup)")
    c.add_argument("file", nargs="?", help="default: a dated file in the backups folder")
    c = sub.add_parser("restore", help="replace the database with a backup (checked first)")
    c.add_argument("file", help="the backup")
    c.add_argument("--yes", action="store_true", help="confirm: the whole content is replaced")
    c = sub.add_parser("serve-links", help="serve the pages behind the links in customer "
                                           "e-mails (put it behind your website)")
    c.add_argument("--host", default="127.0.0.1", help="the address to listen on "
                                                         "(default: 127.0.0.1)")
    c.add_argument("--port", type=int, default=8765, help="the port (default: 8765)")
    c = sub.add_parser("migrate-db", help="copy the whole portfolio into an empty database "
                                          "(team mode: PostgreSQL), verified")
    c.add_argument("--to", required=True, metavar="URL",
                   help="e.g. postgresql+psycopg://user@host:5432/renewdesk")
    c.add_argument("--use", action="store_true", help="then work on it on this machine")
    c = sub.add_parser("database", help="show or choose this machine's database")
    c.add_argument("url", nargs="?", metavar="URL_OR_FILE",
                   help="work on this database from now on")
    c.add_argument("--default", action="store_true",
                   help="back to the SQLite file in the user's data folder")
    sub.add_parser("status", help="the payment processor and its mode (real money or not), "
                                  "the database, the last run")
    c = sub.add_parser("team", help="a team's users and their roles on its PostgreSQL database "
                                    "(an admin's)")
    team = c.add_subparsers(dest="team_action", required=True, metavar="action")
    t = team.add_parser("add-user", help="add a user who logs in to the database")
    t.add_argument("name", help="the user's name: lower-case letters, digits and _")
    t.add_argument("--role", required=True, choices=ROLE_CODES, help="admin: everything; "
                   "manager: every workflow, no settings or refunds; viewer: reads and exports")
    given = t.add_mutually_exclusive_group()
    given.add_argument("--password-stdin", action="store_true",
                       help="read the password from standard input (default: ask for it)")
    given.add_argument("--no-password", action="store_true",
                       help="no password: the server checks users another way")
    team.add_parser("list", help="list the users and their roles")
    t = team.add_parser("set-role", help="change a user's role")
    t.add_argument("name", help="the user's name")
    t.add_argument("role", choices=ROLE_CODES, help="the new role")
    c = sub.add_parser("outbox", help="list the outbox")
    c.add_argument("--status", choices=("queued", "sent", "failed", "suppressed"),
                   help="only the e-mails in this state")
    return p


def _window(args: argparse.Namespace, err: TextIO) -> int:
    """No command: the desktop window, on screen before the database is opened."""
    from renewdesk.ui.startup import start

    log.info("renewdesk %s: window", __version__)

    def opening() -> App:
        from renewdesk.app import open_app

        return open_app(args.db, args.today)

    return start(opening, args.quit_after, err)


# Arguments that name a file (PM-2 lets a file's name through): the command writes the first
# kind, so they are never scanned; the second kind is scanned only when no such file exists.
_WRITTEN_PATHS = frozenset({("*", "db"), ("backup", "file"), ("collection", "out"),
                            ("migrate-db", "to"), ("database", "url"), ("invoice", "pdf"),
                            ("accounting", "csv"), ("accounting", "fec")})
_READ_PATHS = frozenset({("import", "file"), ("restore", "file"), ("import-csv", "file"),
                         ("import-csv", "map")})


def _sensitive_argument(args: argparse.Namespace,
                        parser: argparse.ArgumentParser) -> tuple[str | int, Kind] | None:
    """PM-2: the first argument that holds a card number or an IBAN, and which it holds; the
    argument named as the reader typed it or as `--help` shows it."""
    for name, value in vars(args).items():
        if value is None or isinstance(value, bool) or name == "command":
            continue
        if ("*", name) in _WRITTEN_PATHS or (args.command, name) in _WRITTEN_PATHS:
            continue
        if (args.command, name) in _READ_PATHS and os.path.exists(value):
            continue
        for item in value if isinstance(value, list) else [value]:
            kind = sensitive_kind(_labelled(args.command, str(item)))
            if kind is not None:
                return _shown_name(parser, args.command, name), kind
    return None


def _shown_name(parser: argparse.ArgumentParser, command: str | None, dest: str) -> str:
    """An option by its option (`--reason`), any other argument by its placeholder in the
    reader's language (`REF_PAIEMENT`, `client`)."""
    parsers = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            parsers.insert(0, action.choices[command])
    for action in (a for p in parsers for a in p._actions if a.dest == dest):
        if action.option_strings:
            return action.option_strings[-1]
        if isinstance(action.metavar, str):
            return action.metavar
    return dest.replace("_", " ")


def _labelled(command: str, item: str) -> str:
    """`settings seller_siret=…`: the setting's name read as the label it is ("seller siret="),
    so a SIRET is read as one (PM-2 lets a labelled SIRET through, never a card number)."""
    if command != "settings" or "=" not in item:
        return item
    name, _eq, value = item.partition("=")
    return f"{name.replace('_', ' ')}={value}"


def cli_language(env: Mapping[str, str]) -> str:
    """"fr" or "en": the system's language as the locale variables give it (the first one set
    of LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else English."""
    chosen = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    return "fr" if chosen[:2].lower() == "fr" else "en"


def _refusal(where: str | int, kind: Kind, language: str) -> str:
    """PM-2: an argument holding bank details, named by its name or its position."""
    error = (InputError("sensitive_argument_at", rule="PM-2", position=where, kind=kind)
             if isinstance(where, int) else
             InputError("sensitive_argument", rule="PM-2", argument=where, kind=kind))
    return f"renewdesk: {words(error, language)}\n"


def _refused(command: str, error: InputError, language: str, err: TextIO) -> int:
    """Bad input: the reader's words on stderr; the log keeps the code and the rule."""
    err.write(f"renewdesk: {words(error, language)}\n")
    log.info("%s refused (%s%s): %s", command, error.code or "input",
             f", {error.rule}" if error.rule else "", error)
    return 2


def main(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None,
         inp: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    inp = inp or sys.stdin
    language = cli_language(os.environ)
    try:
        with argparse_in(language):
            parser = _parser(language)
            args = parser.parse_args(list(argv))
    except InputError as error:
        # A usage error may quote an argument: PM-2 first, so a card number is never echoed.
        refused = next(((index + 1, kind) for index, value in enumerate(argv)
                        if not os.path.exists(value) and (kind := sensitive_kind(value))), None)
        if refused is not None:
            err.write(_refusal(*refused, language))
            return 2
        err.write(f"{words(error, language)}\n")
        return 2
    except SystemExit as exit_:  # --help, --version
        return 2 if exit_.code else 0
    named = _sensitive_argument(args, parser)
    if named is not None:
        # PM-2: refused before anything is logged or stored; never echoed.
        err.write(_refusal(*named, language))
        return 2
    setup_logging(os.environ)
    if args.command is None:
        return _window(args, err)
    log.info("renewdesk %s: %s", __version__, args.command)  # the command, never its arguments
    from renewdesk.app import open_app
    from renewdesk.cli.commands import COMMANDS, Failure
    from renewdesk.cli.machine import database_command, secret_command
    from renewdesk.cli.refund import ASKING
    from renewdesk.cli.team import TEAM_ASKING, guard, refused_by_server
    from renewdesk.store.db import DatabaseUnavailable
    from renewdesk.store.runlock import RunInProgress

    app: App | None = None
    try:
        if args.command == "secret":  # the machine's keyring, not the database
            secret_command(args, out, inp, os.environ)
            return 0
        if args.command == "database":  # the machine's choice, before any database is opened
            database_command(args, out, os.environ)
            return 0
        app = open_app(args.db, args.today)
        guard(app, args)  # issue 23: what the user's role cannot do, refused before anything
        asking = {**ASKING, **TEAM_ASKING}
        if args.command in asking:
            asking[args.command](app, args, out, inp)
        else:
            COMMANDS[args.command](app, args, out)
        return 0
    except InputError as error:
        return _refused(args.command, error, language, err)
    except (Failure, RunInProgress, DatabaseUnavailable) as error:
        err.write(f"renewdesk: {words(error, language)}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (`renewdesk export | head`): stop quietly, as Unix tools do.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        refusal = refused_by_server(app, error)
        if refusal is not None:  # what the team's server refused for the user's role
            log.info("the database refused %s for the role: %s", args.command, error)
            return _refused(args.command, refusal, language, err)
        log.exception("%s failed", args.command)
        err.write("renewdesk: " + tr(language, "{command} failed: {error}", command=args.command,
                                     error=f"{type(error).__name__}: {error}") + "\n")
        return 1
    finally:
        if app is not None:
            app.close()
