"""Which database this machine works on: `--db`, else `RENEWDESK_DB`, else the one chosen in
Settings (or `renewdesk database URL`), else the SQLite file in the user's data folder.

The choice is a machine's, so it lives in the user's config folder, not in the database. A
PostgreSQL URL is kept without its password: the password is a secret, kept in the keyring
(`renewdesk secret set database`) or given by RENEWDESK_DATABASE_PASSWORD, and added when the
database is opened. URLs are shown and logged with the password hidden.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_data_path
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from renewdesk import keystore
from renewdesk.domain.errors import InputError

BACKENDS = ("sqlite", "postgresql")
# What libpq says when the server wants a password and none was given.
PASSWORD_ASKED = "no password supplied"  # noqa: S105 (libpq's words, not a password)


def config_file(env: Mapping[str, str]) -> Path:
    folder = Path(env.get("RENEWDESK_CONFIG_DIR") or user_config_path("renewdesk",
                                                                       appauthor=False))
    return folder / "database.json"


def default_db_path() -> Path:
    return user_data_path("renewdesk", appauthor=False) / "renewdesk.db"


def configured(env: Mapping[str, str]) -> str | None:
    try:
        data = json.loads(config_file(env).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("database") if isinstance(data, dict) else None
    return value if isinstance(value, str) and value else None


def check_url(url: str) -> str:
    """A database URL a user typed: clear refusals for what cannot work."""
    url = url.strip()
    if "://" not in url:
        return url  # a SQLite file
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError("not_database_url", url=shown(url)) from None
    if parsed.get_backend_name() not in BACKENDS:
        raise InputError("database_not_supported", backend=parsed.get_backend_name())
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        raise InputError("use_psycopg")
    if parsed.get_backend_name() == "postgresql" and not parsed.database:
        raise InputError("url_names_no_database")
    return url


def check_choice(url: str) -> str:
    """A database to remember: as `check_url`, and never with a password in it."""
    url = check_url(url)
    if "://" in url and make_url(url).password is not None:
        raise InputError("url_holds_password")
    return url


def save(env: Mapping[str, str], url: str | None) -> None:
    """Remember this machine's database (None: back to the default SQLite file)."""
    path = config_file(env)
    if url is None:
        path.unlink(missing_ok=True)
        return
    url = check_choice(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"database": url}), encoding="utf-8")


def target(db_arg: str | None, env: Mapping[str, str]) -> str:
    return db_arg or env.get("RENEWDESK_DB") or configured(env) or str(default_db_path())


def password_on_demand(engine: Engine, env: Mapping[str, str]) -> Engine:
    """A PostgreSQL URL without a password gets the one from the keyring (or
    RENEWDESK_DATABASE_PASSWORD) when the server asks for one, and only then: reading the
    keyring loads every keyring backend (a quarter of a second of a window's start), which a
    server that checks users another way (trust, peer, a certificate, ~/.pgpass) never needs.
    Once read, the password is kept for the pool's next connections."""
    if engine.url.get_backend_name() != "postgresql" or engine.url.password is not None:
        return engine

    known: dict[str, str] = {}  # the password once read, for the pool's next connections

    @event.listens_for(engine, "do_connect")
    def connect(dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        if "password" in known:
            return dialect.connect(*cargs, **{**cparams, "password": known["password"]})
        try:
            return dialect.connect(*cargs, **cparams)
        except dialect.loaded_dbapi.OperationalError as error:
            if PASSWORD_ASKED not in str(error):
                raise
            password = keystore.read("database", env)
            if not password:
                raise
            connection = dialect.connect(*cargs, **{**cparams, "password": password})
            known["password"] = password  # only once it has worked
            return connection

    return engine


def without_password(url: str) -> str:
    return make_url(url).set(password=None).render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL to show or log: never its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a URL)"
