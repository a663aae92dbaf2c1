"""Issue 23 on the command line: `renewdesk team add-user/list/set-role` (an admin's), and a
role's refusals said in words before anything is done, or, when the server refuses, in the
same words (EV-2, RF-1: a refund is an admin's)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from renewdesk.cli import main as cli_main
from renewdesk.cli import team as team_cli
from renewdesk.domain.roles import Role
from renewdesk.store import roles
from tests.builders import card, customer, document, order
from tests.conftest import World
from tests.pg_server import PgServer, add_user, as_user


class Team:
    def __init__(self, url: str, postgres: PgServer) -> None:
        self.url, self.postgres, self.made = url, postgres, list[str]()

    def user(self, name: str, role: Role) -> str:
        self.made.append(name)
        return add_user(self.url, name, role)

    def cli(self, url: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli_main(["--db", url, *args], out=out, err=err, inp=io.StringIO(stdin))
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def team(postgres: PgServer, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
         ) -> Iterator[Team]:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    with postgres.database() as url:
        made = Team(url, postgres)
        yield made
    for name in [*made.made, "ann", "ben"]:
        postgres.admin(f'DROP ROLE IF EXISTS "{name}"')


def test_issue23_team_add_user_list_and_set_role_round_trip(team: Team) -> None:
    code, out, err = team.cli(team.url, "team", "add-user", "ann", "--role", "viewer",
                              "--no-password")
    assert (code, out, err) == (0, "user ann added: viewer\n", "")
    code, out, _ = team.cli(team.url, "team", "add-user", "ben", "--role", "admin",
                            "--password-stdin", stdin="correct horse 'battery'\n")
    assert (code, out) == (0, "user ben added: admin\n")
    engine = create_engine(team.url)
    with engine.connect() as connection:  # the superuser reads what the server keeps
        kept = dict(connection.execute(text(
            "SELECT rolname, rolpassword IS NOT NULL FROM pg_authid "
            "WHERE rolname IN ('ann', 'ben')")).all())
    engine.dispose()
    assert kept == {"ann": False, "ben": True}
    code, out, _ = team.cli(team.url, "team", "set-role", "ann", "manager")
    assert (code, out) == (0, "user ann is now account manager\n")
    code, out, _ = team.cli(as_user(team.url, "ben"), "team", "list")  # ben, an admin, lists
    assert code == 0
    assert {"ann: account manager", "ben: admin", "renewdesk: admin"} <= set(out.splitlines())


def test_issue23_team_commands_are_refused_to_a_manager_in_words(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    manager = team.user("max", Role.MANAGER)
    code, out, err = team.cli(manager, "team", "list")
    assert (code, out) == (2, "")
    assert err == "renewdesk: your role (account manager) cannot manage users: ask an admin\n"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    code, _, err = team.cli(manager, "team", "add-user", "zed", "--role", "admin",
                            "--no-password")
    assert code == 2 and "gestionnaire de comptes" in err and "PM-" not in err
    assert "zed" not in {user.name for user in _users(team)}


def _users(team: Team) -> list[roles.User]:
    engine = create_engine(team.url)
    try:
        with engine.connect() as connection:
            return roles.list_users(connection)
    finally:
        engine.dispose()


def test_issue23_a_password_is_never_taken_from_the_command_line(team: Team) -> None:
    code, _, err = team.cli(team.url, "team", "add-user", "ann", "--role", "viewer",
                            "--password", "hunter2")
    assert code == 2 and "unrecognized arguments" in err  # no such option: nothing made
    code, _, err = team.cli(team.url, "team", "add-user", "ann", "--role", "viewer")
    assert code == 2 and "--no-password" in err  # no terminal to ask on, nothing on stdin
    assert "ann" not in {user.name for user in _users(team)}


def test_issue23_on_sqlite_there_is_no_team(tmp_path: Path, env: dict[str, str]) -> None:
    world = World(tmp_path, env)
    try:
        code, _, err = world.cli("team", "list")
    finally:
        world.close()
    assert code == 2 and "PostgreSQL" in err and "SQLite" in err


def test_issue23_rf1_settings_and_refunds_are_refused_up_front_to_a_manager(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    admin = World(tmp_path, env, team.url)
    admin.load(document([customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    admin.run("2026-11-05")
    admin.close()
    manager = team.user("max", Role.MANAGER)
    code, _, err = team.cli(manager, "settings", "smtp_host=mail.example.fr")
    assert code == 2 and "cannot change the settings or the payment processor" in err
    code, out, err = team.cli(manager, "refund", "O1#1/1", "--reason", "asked", "--yes")
    assert (code, out) == (2, "") and "cannot refund a payment" in err
    code, out, _ = team.cli(manager, "settings")  # reading them is any role's
    assert code == 0 and "backup_keep" in out
    code, out, err = team.cli(manager, "customer-emails", "C1", "off")  # a workflow
    assert (code, err) == (0, "")


def test_issue23_a_viewer_is_refused_a_change_up_front_or_by_the_server_in_the_same_words(
        team: Team, tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
        ) -> None:
    admin = World(tmp_path, env, team.url)
    admin.load(document([customer("C1", card("K1"))]))
    admin.close()
    viewer = team.user("vera", Role.VIEWER)
    code, _, err = team.cli(viewer, "customer-emails", "C1", "off")
    assert code == 2 and "your role (viewer) cannot change the portfolio" in err
    monkeypatch.setattr(team_cli, "guard", lambda app, args: None)  # a client that skips it
    code, _, err = team.cli(viewer, "customer-emails", "C1", "off")
    assert (code, err) == (2, "renewdesk: the database refused this change for your role "
                              "(viewer): ask an admin\n")
    code, out, _ = team.cli(viewer, "export")
    assert code == 0 and '"emails_enabled": true' in out


def test_issue23_a_refusal_before_the_app_is_opened_names_no_role(team: Team) -> None:
    """The server's refusal met before any app was opened: the role is not known, and the
    words assume none (not "viewer")."""
    import psycopg

    viewer = team.user("vera", Role.VIEWER)
    with psycopg.connect(viewer.replace("postgresql+psycopg://", "postgresql://", 1)) as db, \
            pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
        db.execute("UPDATE service SET label = 'x'")
    refusal = team_cli.refused_by_server(None, caught.value)
    assert refusal is not None and refusal.code == "database_refused"
    for language in ("en", "fr"):
        said = refusal.words(language)
        assert "viewer" not in said and "lecteur" not in said and "admin" in said


def test_issue23_a_dry_run_is_work_refused_to_a_viewer_up_front_allowed_to_a_manager(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    """A dry run makes its writes in a transaction it rolls back, and a run's holds the run
    lock (SC-5): WORK, as the window's dry run. A viewer is told so before anything, not
    refused by the server halfway."""
    admin = World(tmp_path, env, team.url)
    admin.load(document([customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    admin.close()
    rows = tmp_path / "c.csv"
    rows.write_text("ref,name\nC9,Zoé\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text('{"ref": "ref", "name": "name"}', encoding="utf-8")
    viewer = team.user("vera", Role.VIEWER)
    for args in (("run-due", "--dry-run"),
                 ("import-csv", str(rows), "--kind", "customers", "--map", str(mapping),
                  "--dry-run")):
        code, out, err = team.cli(viewer, *args)
        assert (code, out) == (2, "")
        assert err == "renewdesk: your role (viewer) cannot change the portfolio: ask an admin\n"
    manager = team.user("max", Role.MANAGER)
    code, out, err = team.cli(manager, "run-due", "--dry-run")
    assert (code, err) == (0, "")
