"""Team mode: a team's PostgreSQL password is a secret kept in the keyring (or given by
RENEWDESK_DATABASE_PASSWORD), never in the URL this machine keeps; it is read only when the
server asks for one, so a server that checks users another way never loads the keyring
(issue 23: a quarter of a second of the window's start)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from renewdesk import keystore
from renewdesk.app import open_app
from renewdesk.domain.roles import Role
from renewdesk.store.db import DatabaseUnavailable
from tests.keyrings import MemoryKeyring
from tests.pg_server import PgServer, add_user

USER = "pw_reader"
PASSWORD = "correct horse battery"  # the test server's throwaway user


@pytest.fixture
def password_server(postgres: PgServer) -> Iterator[str]:
    """A migrated database and a manager who must give a password (scram-sha-256) to log in;
    everyone else is trusted as before. Yields the manager's URL, without the password."""
    hba = postgres.folder / "data" / "pg_hba.conf"
    before = hba.read_text()
    with postgres.database() as url:
        user_url = add_user(url, USER, Role.MANAGER)
        postgres.admin(f"ALTER ROLE {USER} PASSWORD '{PASSWORD}'")
        hba.write_text(f"host all {USER} 127.0.0.1/32 scram-sha-256\n" + before)
        postgres.admin("SELECT pg_reload_conf()")
        try:
            yield user_url
        finally:
            hba.write_text(before)
            postgres.admin("SELECT pg_reload_conf()")
            postgres.admin(f"DROP OWNED BY {USER}")
            postgres.admin(f"DROP ROLE IF EXISTS {USER}")


def _env(tmp_path: Path) -> dict[str, str]:
    return {"RENEWDESK_LOG_DIR": str(tmp_path), "RENEWDESK_CONFIG_DIR": str(tmp_path / "config"),
            "RENEWDESK_SANDBOX_LEDGER": str(tmp_path / "ledger.sqlite")}


def test_password_from_the_keyring_when_the_server_asks(
        password_server: str, system_keyring: MemoryKeyring, tmp_path: Path) -> None:
    """The keyring's password opens the database, and is read once for the pool's
    connections (later connections reuse it)."""
    env = _env(tmp_path)
    keystore.store("database", PASSWORD, env, allow_plaintext=False)
    app = open_app(password_server, env=env)
    try:
        assert app.database_user == USER
        assert app.role is Role.MANAGER
        reads = system_keyring.reads
        assert reads >= 1
        connections = [app.engine.connect() for _ in range(3)]  # new pooled connections
        for connection in connections:
            connection.close()
        assert system_keyring.reads == reads
    finally:
        app.close()


def test_password_from_the_environment(password_server: str, system_keyring: MemoryKeyring,
                                       tmp_path: Path) -> None:
    """RENEWDESK_DATABASE_PASSWORD (unattended machines) is used as the keyring's would be,
    and the keyring is not read."""
    env = {**_env(tmp_path), "RENEWDESK_DATABASE_PASSWORD": PASSWORD}
    app = open_app(password_server, env=env)
    try:
        assert app.database_user == USER
    finally:
        app.close()
    assert system_keyring.reads == 0


def test_a_server_that_does_not_ask_never_loads_the_keyring(
        postgres: PgServer, system_keyring: MemoryKeyring, tmp_path: Path) -> None:
    """A server that checks users another way (here it trusts 127.0.0.1): the keyring is not
    read at all, even when it holds a password."""
    env = _env(tmp_path)
    keystore.store("database", PASSWORD, env, allow_plaintext=False)
    with postgres.database() as url:
        app = open_app(url, env=env)
        app.close()
    assert system_keyring.reads == 0


def test_no_password_anywhere_is_said(password_server: str, system_keyring: MemoryKeyring,
                                      tmp_path: Path) -> None:
    """No password in the keyring nor the environment: the database cannot be opened, and the
    reason is the server's (no password), not a crash."""
    with pytest.raises(DatabaseUnavailable) as raised:
        open_app(password_server, env=_env(tmp_path))
    assert "password" in str(raised.value)
    assert system_keyring.reads == 1


def test_a_wrong_password_is_refused(password_server: str, system_keyring: MemoryKeyring,
                                     tmp_path: Path) -> None:
    env = _env(tmp_path)
    keystore.store("database", "not the password", env, allow_plaintext=False)
    with pytest.raises(DatabaseUnavailable) as raised:
        open_app(password_server, env=env)
    assert "password authentication failed" in str(raised.value)
