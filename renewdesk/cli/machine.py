"""The machine's side of the command line: its secrets in the keyring, the database it works
on (`database`, `migrate-db` to a team's server) and its copies (`backup`, `restore`)."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from renewdesk import keystore
from renewdesk.app import App
from renewdesk.cli.entry import cli_language
from renewdesk.cli.words import tr
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon
from renewdesk.services.journal import audit
from renewdesk.store import backup, db, location, settings, transfer
from renewdesk.store.runlock import exclusive_run

log = logging.getLogger("renewdesk.cli")


def secret_command(args: argparse.Namespace, out: TextIO, inp: TextIO,
                   env: Mapping[str, str]) -> None:
    """`secret set NAME` reads the value from standard input, never from the command line
    (which shells keep in their history and other users can see in the process list)."""
    language = cli_language(env)
    if args.action == "status":
        for state in keystore.states(env):
            out.write(f"{state.name}{colon(language)}{_kept(state, language)}\n")
        return
    if args.name is None:
        raise InputError("secret_needs_name", action=args.action, names=", ".join(keystore.NAMES))
    if args.action == "delete":
        removed = keystore.delete(args.name, env)
        out.write((tr(language, "secret {name} deleted", name=args.name) if removed
                   else tr(language, "secret {name} was not set", name=args.name)) + "\n")
        log.info("secret %s deleted", args.name)
        return
    value = (getpass.getpass(f"{args.name}{colon(language)}") if inp.isatty()
             else inp.readline().rstrip("\r\n"))
    kept = keystore.store(args.name, value, env, allow_plaintext=args.allow_plaintext)
    out.write((tr(language, "secret {name} saved in the system keyring ({keyring})",
                  name=args.name, keyring=kept.place) if kept.kind == "keyring" else
               tr(language, "secret {name} saved in PLAIN TEXT in {path} (readable by anyone "
                  "who can read your files)", name=args.name, path=kept.place)) + "\n")
    log.info("secret %s saved: %s", args.name, kept.source)


def _kept(state: keystore.SecretState, language: str) -> str:
    """Where a secret is kept, in the reader's words; never its value."""
    if state.kind == "environment":
        return tr(language, "environment ({variable})", variable=state.place)
    if state.kind == "keyring":
        return tr(language, "system keyring ({keyring})", keyring=state.place)
    if state.kind == "plaintext":
        return tr(language, "PLAIN TEXT file {path}", path=state.place)
    return tr(language, "not set")


def _cmd_backup(app: App, args: argparse.Namespace, out: TextIO) -> None:
    target = Path(args.file) if args.file else backup.stamped(app.backup_folder(), "manual-")
    try:
        backup.backup(app.url, target)
    except OSError as error:
        raise InputError("cannot_write", path=str(target), reason=error.strerror) from None
    out.write(tr(cli_language(app.env), "database backed up to {path}", path=target) + "\n")


def _cmd_restore(app: App, args: argparse.Namespace, out: TextIO) -> None:
    source = Path(args.file)
    info = backup.inspect(source, app.engine)
    with app.factory() as session:
        current = settings.get(session, "last_run_on")
    language = cli_language(app.env)
    never = tr(language, "never")
    out.write(tr(language, "{file}: {customers} customer(s), {services} service(s), last run as "
                 "of {last} (this database: {current})", file=source, customers=info.customers,
                 services=info.services, last=info.last_run_on or never,
                 current=current or never) + "\n")
    if not args.yes:
        raise InputError("restore_needs_yes")
    with exclusive_run(app.engine.url, 30):
        restored, saved = backup.restore(app.url, app.engine, source, app.backup_folder())
    ctx = app.context()  # the engine reconnects to the restored file
    with ctx.factory() as session:
        audit(session, ctx.who, "restore", "database", ctx.clock.today, ctx.clock.now(),
              {"replaced_saved_to": str(saved)}, {"restored_from": str(source)})
        session.commit()
    out.write(tr(language, "restored {file}; the database as it was is saved in {saved}. "
                 "Charges the processor made after that backup are not in it: check before the "
                 "next run", file=restored.path, saved=saved) + "\n")


def _cmd_migrate_db(app: App, args: argparse.Namespace, out: TextIO) -> None:
    """Team mode: the whole portfolio copied into an empty database, verified (issue 7)."""
    target_url = db.database_url(location.check_url(args.to))
    if target_url == app.url:
        raise InputError("target_in_use")
    target = location.password_on_demand(db.make_engine(target_url), os.environ)
    try:  # an unreachable target: db.DatabaseUnavailable, from migrating it first
        with exclusive_run(app.engine.url, 30):  # no run changes the portfolio while it moves
            report = transfer.copy_database(
                app.engine, target, lambda table, rows: log.info("copied %s: %d", table, rows))
    finally:
        target.dispose()
    # Each column's total adds up amounts of every currency: compared, never shown as money.
    columns = sum(len(table.totals) for table in report.source)
    language = cli_language(app.env)
    out.write(tr(language, "copied {rows} rows in {tables} tables to {target}; verified: every "
                 "table's row count and the totals of its amounts ({columns} columns) are equal "
                 "on both sides", rows=report.rows, tables=len(report.source),
                 target=location.shown(target_url), columns=columns) + "\n")
    if args.use:
        location.save(os.environ, location.without_password(target_url))
        out.write(tr(language, "this machine now works on it (`renewdesk database` shows the "
                     "choice)") + "\n")
    else:
        out.write(tr(language, "to work on it: {command}",
                     command=f"renewdesk database {location.shown(target_url)}") + "\n")
    log.info("portfolio copied to %s (%d rows)", location.shown(target_url), report.rows)


def database_command(args: argparse.Namespace, out: TextIO, env: Mapping[str, str]) -> None:
    """Show or choose this machine's database (its choice, kept in the user's config folder)."""
    if args.default:
        location.save(env, None)
    elif args.url:
        location.save(env, args.url)
    chosen = location.configured(env)
    current = location.target(None, env)
    language = cli_language(env)
    source = ("RENEWDESK_DB" if env.get("RENEWDESK_DB") else tr(language, "chosen") if chosen
              else tr(language, "the default"))
    out.write(tr(language, "database: {url} ({source})",
                 url=location.shown(db.database_url(current)), source=source) + "\n")


MACHINE_COMMANDS: dict[str, Callable[[App, argparse.Namespace, TextIO], None]] = {
    "backup": _cmd_backup, "restore": _cmd_restore, "migrate-db": _cmd_migrate_db,
}
