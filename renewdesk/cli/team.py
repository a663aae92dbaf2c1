"""`renewdesk team`: a team's users and their roles (issue 23), an admin's.

`add-user NAME --role ROLE` makes a PostgreSQL login with that role; its password is read from
standard input (`--password-stdin`) or asked on the terminal, never taken from the command
line (shells keep it in their history, other users see it in the process list); `--no-password`
for a server that checks users another way (trust, peer, certificates). `list` shows each
user's role, `set-role NAME ROLE` changes it. On SQLite the one user is admin: no team.

`guard` is the command line's up-front check of the user's role for the other commands: a
write a role cannot make is refused in words before anything is asked or done, and what the
server refuses anyway (a client that skipped the check) reads in the same words
(`refused_by_server`).
"""

from __future__ import annotations

import argparse
import getpass
from typing import TextIO

from renewdesk.app import App
from renewdesk.cli.entry import cli_language
from renewdesk.cli.words import tr
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon, shown_value
from renewdesk.domain.roles import Power, Role, check
from renewdesk.store import roles

# The commands that only read (with what makes them write, if anything): a viewer's. Not `link`,
# even without --accept: reading a link needs the key links are signed with, which a viewer may
# not read (migration 0011). Nor a dry run (`run-due`, `import-csv`): it makes the writes in a
# transaction it rolls back (the server refuses a viewer the first), and a run's holds the run
# lock: WORK, as in the window (ui/permissions.py).
_READS = frozenset({"export", "find-orders", "outbox", "status", "invoice", "accounting",
                    "backup", "migrate-db"})


def guard(app: App, args: argparse.Namespace) -> None:
    """The user's role, checked before a command does anything (issue 23)."""
    command = args.command
    if command == "team":
        return  # its own checks (`cmd_team`)
    if command == "refund":
        check(app.role, Power.REFUND)
    elif (command == "settings" and args.pairs) or command == "demo":
        check(app.role, Power.SETTINGS)
    elif command == "run-due" and args.confirm_live:
        check(app.role, Power.SETTINGS)  # the first live run's confirmation is a setting
    if not _reads(args):
        check(app.role, Power.WORK)


def _reads(args: argparse.Namespace) -> bool:
    command = args.command
    return (command in _READS or (command == "settings" and not args.pairs)
            or (command == "invoices" and not args.issue_missing))


def refused_by_server(app: App | None, error: BaseException) -> InputError | None:
    """A write the team's database refused for the user's role (a grant or a policy: SQLSTATE
    42501), as the words of `database_refused_role`, or of `database_refused` when no app was
    opened yet (the role not known: none is assumed); None for any other error."""
    if not roles.refused_for_role(error):
        return None
    if app is None:
        return InputError("database_refused")
    return InputError("database_refused_role", role=f"role_{app.role}")


def cmd_team(app: App, args: argparse.Namespace, out: TextIO, inp: TextIO) -> None:
    language = cli_language(app.env)
    with app.engine.connect() as connection:
        if not roles.team_mode(connection):
            raise InputError("team_mode_only")
        check(app.role, Power.USERS)
        if args.team_action == "list":
            for user in roles.list_users(connection):
                out.write(f"{user.name}{colon(language)}{_role_words(user.role, language)}\n")
            return
        role = Role(args.role)
        shown = _role_words(role, language)
        if args.team_action == "add-user":
            roles.check_name(args.name)
            roles.add_user(connection, args.name, role, _password(args, inp, language))
            said = tr(language, "user {name} added: {role}", name=args.name, role=shown)
        else:
            roles.set_role(connection, args.name, role)
            said = tr(language, "user {name} is now {role}", name=args.name, role=shown)
        connection.commit()
    out.write(said + "\n")


def _role_words(role: Role, language: str) -> str:
    return str(shown_value("role", f"role_{role}", language))


def _password(args: argparse.Namespace, inp: TextIO, language: str) -> str | None:
    if args.no_password:
        return None
    if args.password_stdin:
        given = inp.readline().rstrip("\r\n")
    elif inp.isatty():
        given = getpass.getpass(tr(language, "password for {name}: ", name=args.name))
        if given and getpass.getpass(tr(language, "the same password again: ")) != given:
            raise InputError("passwords_differ")
    else:
        given = ""
    if not given:
        raise InputError("password_missing")
    return given


# `main` hands these standard input.
TEAM_ASKING = {"team": cmd_team}
