"""What the desktop window reads and the errors it tells apart, so that `ui` talks to services
only: it never opens a session, imports the store or SQLAlchemy, or holds an ORM object.

Each read is a plain function of the context, run by the window off its GUI thread (on a team's
server every statement is a network round trip); what comes back is a frozen dataclass, which
may cross threads where an ORM object may not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from renewdesk.services import changes
from renewdesk.services.context import Context
from renewdesk.services.run_days import last_run_on, missed_days
from renewdesk.store import location, settings
from renewdesk.store.db import DatabaseUnavailable
from renewdesk.store.runlock import RunInProgress

if TYPE_CHECKING:
    from renewdesk.services.overview import CustomerOverview

__all__ = [
    "DatabaseUnavailable",
    "Missed",
    "RunInProgress",
    "RunState",
    "SettingsValues",
    "StoreError",
    "change_mark",
    "check_database",
    "choose_database",
    "customer_page",
    "database_choice",
    "default_database",
    "missed",
    "run_state",
    "user_settings",
]

log = logging.getLogger("renewdesk.ui")
StoreError = SQLAlchemyError  # the database refused or was away: worth trying again later


@dataclass(frozen=True)
class RunState:
    """The status bar's two facts: when the last run was, and when the daily one is due."""

    last_run: date | None
    nightly_time: str  # HH:MM
    business_time_zone: str


@dataclass(frozen=True)
class Missed:
    """SC-3: how many days a run as of today catches up, and the last run they follow."""

    days: int
    last_run: date | None


@dataclass(frozen=True)
class SettingsValues:
    values: Mapping[str, str]


def run_state(ctx: Context) -> RunState:
    with ctx.factory() as session:
        at = settings.get(session, "nightly_time") or settings.DEFAULTS["nightly_time"]
        zone = settings.load_policy(session).business_time_zone
        return RunState(last_run_on(session), at, zone)


def missed(ctx: Context) -> Missed:
    with ctx.factory() as session:
        return Missed(missed_days(session, ctx.clock.today), last_run_on(session))


def customer_page(ctx: Context, ref: str) -> CustomerOverview:
    from renewdesk.services.overview import customer_overview  # a customer's page, not the start

    with ctx.factory() as session:
        return customer_overview(session, ref, settings.load_policy(session), ctx.clock.today)


def user_settings(ctx: Context) -> SettingsValues:
    with ctx.factory() as session:
        return SettingsValues(dict(settings.all_user_settings(session)))


def change_mark(factory: Callable[[], Session]) -> tuple[int, ...] | None:
    """None when the mark could not be read (a server briefly away): the watcher asks again
    next time rather than taking the silence for a change."""
    try:
        with factory() as session:
            return changes.mark(session)
    except SQLAlchemyError as error:
        log.warning("could not read the change mark: %s", error.__class__.__name__)
        return None


def database_choice(env: Mapping[str, str]) -> str:
    """The database this machine is set to open ("" for the default SQLite file)."""
    return location.configured(env) or ""


def default_database() -> Path:
    return location.default_db_path()


def check_database(url: str) -> str:
    return location.check_choice(url)


def choose_database(env: Mapping[str, str], url: str | None) -> None:
    location.save(env, url)
