"""What the window's first-run assistant and its About box read and do, so that `ui` never
opens a session or a socket itself.

"Empty" is decided here, once: no customer, no service, and no `seller_name` setting. A
database with only settings other than the seller's name (an SMTP host typed in, the processor
chosen) is still empty: nothing the assistant's first page asks for has been given yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select

from renewdesk import keystore
from renewdesk.services.context import Context
from renewdesk.store import location, settings
from renewdesk.store.models import Customer, Service

__all__ = ["FirstRunState", "TestMessage", "database_shown", "first_run_state",
           "send_test_message"]


@dataclass(frozen=True)
class FirstRunState:
    empty: bool
    values: Mapping[str, str]  # the saved settings, as Settings opens on them


@dataclass(frozen=True)
class TestMessage:
    """What the assistant's SMTP page typed, and the message's words in the window's language."""

    host: str
    port: int
    sender: str
    starttls: bool
    to: str
    subject: str
    body: str


def first_run_state(ctx: Context) -> FirstRunState:
    with ctx.factory() as session:
        customers = session.scalar(select(func.count()).select_from(Customer)) or 0
        services = session.scalar(select(func.count()).select_from(Service)) or 0
        values = dict(settings.all_user_settings(session))
    empty = customers == 0 and services == 0 and not (values.get("seller_name") or "").strip()
    return FirstRunState(empty, values)


def send_test_message(message: TestMessage, ctx: Context, env: Mapping[str, str]) -> None:
    """One message straight to the account manager, outside the outbox: it proves the server,
    the port and STARTTLS as typed, before they are saved, logging in as the saved SMTP user
    with its password from the keyring if one is set (Settings > E-mail). An error is raised as
    it comes (refused, unreachable, login refused), for the window to say."""
    from renewdesk.notify.smtp import SmtpConfig, SmtpSender
    with ctx.factory() as session:
        user = settings.get(session, "smtp_user") or None
    config = SmtpConfig(host=message.host, port=message.port,
                        sender=message.sender or "renewdesk@localhost",
                        starttls=message.starttls, user=user,
                        password=keystore.read("smtp", env) if user else None)
    SmtpSender(config).send(message.to, message.subject, message.body, "renewdesk-test")


def database_shown(url: str) -> str:
    """The database as Help > About shows it: a SQLite file's path, else the URL without its
    password."""
    from renewdesk.store import db

    path = db.sqlite_path(url)
    if path is not None:
        return str(path)
    return location.shown(url)
