"""The one place where things are wired: database, processor, clock, mail, webhooks, logging."""

from __future__ import annotations

import getpass
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from threading import RLock
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from renewdesk import keystore
from renewdesk.domain.dates import business_date, parse_date
from renewdesk.domain.errors import InputError
from renewdesk.domain.roles import Role
from renewdesk.payments.choice import ProcessorNotReady, mode_of
from renewdesk.payments.processor import Processor
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services.context import Clock, Context
from renewdesk.store import backup, db, location, roles, settings

if TYPE_CHECKING:  # mail and webhooks are loaded when a context delivers (not at the start)
    from renewdesk.notify.outbox import Sender
    from renewdesk.notify.webhooks import WebhookTarget

log = logging.getLogger("renewdesk")
ZONE_KEPT_S = 60.0  # a change of the business time zone is seen within a minute


def utc_now() -> datetime:
    return datetime.now(UTC)


def ledger_path(url: str, env: Mapping[str, str]) -> Path:
    """The sandbox's ledger sits beside the database's real file, so a symlink, a relative or
    absolute path and a URL all find the one ledger that took the database's charges, and a
    crashed run's attempts are settled (SC-2) by asking it. A hard link is a second real name
    and gets a ledger of its own (the run lock still keeps the two names' runs apart)."""
    if env.get("RENEWDESK_SANDBOX_LEDGER"):
        return Path(env["RENEWDESK_SANDBOX_LEDGER"])
    path = db.sqlite_file(url)
    if path is not None:
        return path.with_name(path.name + ".sandbox-ledger.sqlite")
    return user_data_path("renewdesk", appauthor=False) / "sandbox-ledger.sqlite"


@dataclass
class App:
    url: str
    engine: Engine
    factory: sessionmaker[Session]
    processor: Processor
    env: Mapping[str, str]
    today_override: date | None
    # The one lock the engine's writes take, shared by every context of this app (Context).
    write_lock: RLock = field(default_factory=RLock, repr=False)
    # What this user may do (domain/roles.py): admin on SQLite; in team mode the database
    # user's role (store/roles.py), read once when the app is opened.
    role: Role = Role.ADMIN
    # In team mode, the user the database knows this app by: the audit's who (EV-2).
    database_user: str | None = None
    # Sessions for the window's lists, which only read (read_sessions), made at first use.
    _reads: sessionmaker[Session] | None = field(default=None, repr=False)
    # The business time zone as last read, and when (business_time_zone).
    _zone: tuple[str, float] | None = field(default=None, repr=False)

    def read_sessions(self) -> sessionmaker[Session]:
        """Sessions for reads only (the window's lists): `db.read_factory`."""
        if self._reads is None:
            self._reads = db.read_factory(self.engine)
        return self._reads

    def today(self) -> date:
        return self.today_override if self.today_override is not None else self.real_today()

    def real_today(self) -> date:
        return business_date(utc_now(), self.business_time_zone())

    def business_time_zone(self) -> str:
        """MO-2's zone, read again once a minute at most: each read of the window makes a
        context, and on a team's server each reading of it was four round trips."""
        now = time.monotonic()
        if self._zone is None or now - self._zone[1] >= ZONE_KEPT_S:
            with self.factory() as session:
                self._zone = (settings.load_policy(session).business_time_zone, now)
        return self._zone[0]

    def context(self, who: str | None = None, *, delivery: bool = True) -> Context:
        """`delivery=False` for work that only queues e-mails and events (the window's reads
        and actions): no SMTP settings or webhook secret read from the keyring each time.
        The audit's who: `who` if given, else in team mode the database user (issue 23: not the
        machine's login, which anyone may name), else the machine's."""
        return Context(factory=self.factory, processor=self.processor,
                       clock=Clock(self.today(), utc_now),
                       who=who or self.database_user or self.env.get("RENEWDESK_USER") or _user(),
                       mailer=self.mailer() if delivery else None,
                       webhook=self.webhook() if delivery else None,
                       write_lock=self.write_lock, role=self.role)

    def run_context(self, who: str | None = None) -> Context:
        """A run's context, with the processor made again first: the key removed from the
        keyring or the processor changed since the last run is seen (a run with Stripe chosen
        and its key unreadable then stops, `payments.choice.require_ready`)."""
        self.remake_processor()
        return self.context(who)

    def settings_saved(self) -> None:
        """Settings this app keeps (the business time zone) are read again at their next use."""
        self._zone = None

    def remake_processor(self) -> Processor:
        """After Settings > Payments is saved (and before each window run): the contexts made
        from now on use the processor the settings, the environment and the keyring give."""
        with self.factory() as session:
            chosen = settings.get(session, "payment_processor")
        processor = make_processor(self.url, self.env, chosen)
        if is_live(processor) and self.today_override is not None:
            real = self.real_today()
            if self.today_override != real:
                processor = ProcessorNotReady(InputError(
                    "live_key_real_date", given=self.today_override, today=real))
        self.processor = processor
        return processor

    def mode(self) -> str:
        """What the window's badge shows (`payments.choice`): no database or keyring read."""
        return mode_of(self.processor)

    def mailer(self) -> Sender | None:
        from renewdesk.notify.smtp import SmtpConfig, SmtpSender

        with self.factory() as session:
            host = self.env.get("RENEWDESK_SMTP_HOST") or settings.get(session, "smtp_host")
            port = self.env.get("RENEWDESK_SMTP_PORT") or settings.get(session, "smtp_port", "25")
            sender = settings.get(session, "smtp_sender", "renewdesk@localhost")
            starttls = settings.get(session, "smtp_starttls", "false") == "true"
            user = settings.get(session, "smtp_user")
        if not host:
            return None
        return SmtpSender(SmtpConfig(host=host, port=int(port or 25),
                                     sender=sender or "renewdesk@localhost", starttls=starttls,
                                     user=user, password=keystore.read("smtp", self.env) if user else None))

    def webhook(self) -> WebhookTarget | None:
        from renewdesk.notify.webhooks import WebhookTarget

        with self.factory() as session:
            url = settings.get(session, "webhook_url")
        if not url:
            return None
        key = keystore.read("webhook", self.env)
        if not key:
            log.warning("webhook_url is set but no webhook secret is in the keyring; "
                        "events are kept and will be delivered once it is set")
            return None
        return WebhookTarget(url, key)

    def backup_folder(self) -> Path:
        if self.env.get("RENEWDESK_BACKUP_DIR"):
            return Path(self.env["RENEWDESK_BACKUP_DIR"])
        return backup.database_file(self.url).parent / "backups"

    def backup_before_run(self) -> Path | None:
        """The automatic backup before a run (SQLite only; a team's PostgreSQL has its own)."""
        if db.sqlite_path(self.url) is None:
            return None
        with self.factory() as session:
            keep = int(settings.get(session, "backup_keep") or settings.DEFAULTS["backup_keep"])
        path = backup.automatic(self.url, self.backup_folder(), keep)
        log.info("database backed up to %s before the run", path)
        return path

    def close(self) -> None:
        self.engine.dispose()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def open_app(db_arg: str | None = None, today: str | None = None,
             env: Mapping[str, str] | None = None) -> App:
    env = os.environ if env is None else env
    target = location.target(db_arg, env)
    today_text = today or env.get("RENEWDESK_TODAY")
    today_override = parse_date(today_text, field="--today") if today_text else None
    url = db.database_url(location.check_url(target))
    engine = location.password_on_demand(db.make_engine(url), env)
    try:
        role = db.migrate(engine)  # a team member whose schema is behind is refused here
    except InputError:
        engine.dispose()
        raise
    factory = db.session_factory(engine)
    with factory() as session:
        chosen = settings.get(session, "payment_processor")
        user = roles.database_user(session.connection())
    processor = make_processor(url, env, chosen)
    app = App(url, engine, factory, processor, env, today_override, role=role,
              database_user=user)
    if is_live(processor) and today_override is not None:
        real = app.real_today()
        if today_override != real:
            engine.dispose()
            raise InputError("live_key_real_date", given=today_override, today=real)
    return app


def is_live(processor: Processor) -> bool:
    return bool(getattr(processor, "live", False))


def processor_source(env: Mapping[str, str], chosen: str | None) -> tuple[str, str]:
    """The processor's name and where the choice comes from: `RENEWDESK_GATEWAY` (unattended
    machines) over the `payment_processor` setting (Settings > Payments), else the sandbox."""
    if env.get("RENEWDESK_GATEWAY"):
        return env["RENEWDESK_GATEWAY"], "environment"
    if chosen:
        return chosen, "settings"
    return "sandbox", "default"


def make_processor(url: str, env: Mapping[str, str], chosen: str | None = None) -> Processor:
    """The sandbox or Stripe, as `processor_source` says. Stripe whose key cannot be read is a
    `ProcessorNotReady`, never the sandbox: the window still opens, a run is refused."""
    gateway, source = processor_source(env, chosen)
    if gateway == "sandbox":
        latency = int(env.get("RENEWDESK_SANDBOX_LATENCY_MS") or 0)
        return SandboxProcessor(ledger_path(url, env), latency_ms=latency)
    if gateway == "stripe":
        missing = "no_stripe_key" if source == "environment" else "stripe_key_unreadable"
        try:
            key = keystore.read("stripe", env)
        except Exception as error:  # a locked or broken keyring: the key cannot be read
            log.warning("the Stripe key could not be read from the keyring: %s",
                        type(error).__name__)
            key = None
        if not key:
            return ProcessorNotReady(InputError(missing))
        if not key.startswith(("sk_test_", "sk_live_", "rk_test_", "rk_live_")):
            return ProcessorNotReady(InputError("stripe_key_shape"))
        # Imported here: Stripe's SDK and its HTTP stack would weigh on every start otherwise
        # (docs/benchmarks.md, the lazy imports).
        from renewdesk.payments.stripe_gateway import StripeProcessor

        return StripeProcessor(key, api_base=env.get("RENEWDESK_STRIPE_API_BASE") or None,
                               timeout=float(env.get("RENEWDESK_STRIPE_TIMEOUT") or 30))
    raise InputError("unknown_gateway", gateway=gateway)
