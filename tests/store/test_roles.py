"""Issue 23, roles: on a team's PostgreSQL the database itself refuses what a role may not do
(migration 0011), whatever client writes: psycopg, SQLAlchemy, or the app's own code with its
checks bypassed. The audit names the database user (EV-2)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import ProgrammingError

from renewdesk.app import open_app
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.roles import NotPermitted, Role
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services import actions, refunds
from renewdesk.services.run_due import sync_now
from renewdesk.store import db, roles, settings
from renewdesk.store.models import AuditEntry, Refund
from tests.builders import card, customer, document, order, service
from tests.conftest import World
from tests.pg_server import PgServer, add_user, as_user

PORTFOLIO = document([customer("C1", card("K1"))],
                     [service("S1", "C1", "2026-11-20", payment_method="K1")],
                     orders=[order("O1", "C1", "K1", "2026-11-05")])



def plain(url: str) -> str:
    """The URL as psycopg itself takes it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@dataclass
class Team:
    url: str  # the superuser's, who set the database up
    postgres: PgServer
    made: list[str]

    def user(self, name: str, role: Role) -> str:
        """A login with `role` (no password: the test server trusts 127.0.0.1); its URL."""
        self.made.append(name)
        return add_user(self.url, name, role)


@pytest.fixture
def team(postgres: PgServer) -> Iterator[Team]:
    made: list[str] = []
    with postgres.database() as url:
        yield Team(url, postgres, made)
    for name in made:  # roles are the server's, not the database's
        postgres.admin(f'DROP ROLE IF EXISTS "{name}"')


def world_as(tmp_path: Path, env: dict[str, str], url: str) -> World:
    return World(tmp_path, env, url)  # one sandbox ledger in tmp_path for every user


def refused(error: BaseException) -> bool:
    """PostgreSQL's refusal of a role's write, a grant's or a policy's (SQLSTATE 42501)."""
    orig = getattr(error, "orig", error)
    return isinstance(orig, psycopg.errors.InsufficientPrivilege)


def test_issue23_a_viewers_update_through_psycopg_is_refused_by_the_server(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    admin = world_as(tmp_path, env, team.url)
    admin.load(PORTFOLIO)
    admin.close()
    viewer = team.user("vera", Role.VIEWER)
    with psycopg.connect(plain(viewer)) as connection:
        assert connection.execute("SELECT label FROM service").fetchall() == [("s1.fr",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE service SET label = 'changed'")
    with psycopg.connect(plain(team.url)) as connection:
        assert connection.execute("SELECT label FROM service").fetchall() == [("s1.fr",)]


def test_issue23_a_viewer_cannot_read_the_key_customer_links_are_signed_with(
        team: Team) -> None:
    """NT-3's links stay unforgeable by someone who may only look."""
    with psycopg.connect(plain(team.url)) as connection:
        connection.execute("INSERT INTO setting (name, value) VALUES ('link_signing_key', 'k'),"
                           " ('grace_days', '7')")
    viewer = team.user("vera", Role.VIEWER)
    with psycopg.connect(plain(viewer)) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM setting")}
    assert names == {"grace_days"}


def test_issue23_an_account_managers_settings_write_is_refused_by_the_server(
        team: Team) -> None:
    with psycopg.connect(plain(team.url)) as connection:
        connection.execute("INSERT INTO setting (name, value) VALUES ('smtp_host', 'mail')")
    manager = team.user("max", Role.MANAGER)
    engine = db.make_engine(manager)
    try:
        for write in (lambda s: settings.put(s, "payment_processor", "stripe"),  # a new row
                      lambda s: settings.put(s, "smtp_host", "evil"),  # an existing one
                      lambda s: settings.put(s, "live_confirmed_on", "2026-11-01")):
            with db.session_factory(engine)() as session:
                write(session)
                with pytest.raises(ProgrammingError) as caught:
                    session.commit()
                assert refused(caught.value)
        with psycopg.connect(plain(manager)) as connection, pytest.raises(  # nor renamed
                psycopg.errors.InsufficientPrivilege):
            connection.execute("UPDATE setting SET name = 'last_run_on' WHERE name = 'smtp_host'")
    finally:
        engine.dispose()
    with psycopg.connect(plain(team.url)) as connection:
        assert connection.execute("SELECT name, value FROM setting").fetchall() == [
            ("smtp_host", "mail")]


def test_issue23_ev2_the_audit_is_appended_to_by_a_manager_never_changed(team: Team) -> None:
    with psycopg.connect(plain(team.url)) as connection:
        connection.execute("INSERT INTO audit_entry (at, \"on\", who, action, subject) "
                           "VALUES (now(), current_date, 'admin', 'settings', 'settings')")
    manager = team.user("max", Role.MANAGER)
    with psycopg.connect(plain(manager), autocommit=True) as connection:
        connection.execute("INSERT INTO audit_entry (at, \"on\", who, action, subject) "
                           "VALUES (now(), current_date, 'max', 'edit service', 'S1')")
        for statement in ("UPDATE audit_entry SET who = 'someone'", "DELETE FROM audit_entry",
                          "UPDATE alembic_version SET version_num = '0001'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)


def test_issue23_rf1_a_manager_runs_the_night_and_its_processor_refunds_but_cannot_refund(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    """A manager's run charges, writes its state and records a refund made in the processor's
    dashboard (SY-1); a refund the manager makes is refused before anything is done, and, the
    app's check bypassed, refused by the server (RF-1)."""
    admin = world_as(tmp_path, env, team.url)
    admin.load(PORTFOLIO)
    admin.close()
    manager = world_as(tmp_path, env, team.user("max", Role.MANAGER))
    try:
        assert manager.app.role is Role.MANAGER
        report = manager.run("2026-11-05")
        assert not report.problems
        with manager.session() as session:
            assert settings.get(session, "last_run_on") == "2026-11-05"
            payment = refunds.ref_of(session, refunds.find_payment(session, "O1#1/1"))
            charge = refunds.find_payment(session, payment).processor_ref
        processor = manager.app.processor
        assert isinstance(processor, SandboxProcessor) and charge is not None
        processor.refund_elsewhere(charge, 700)
        sync_now(manager.ctx("2026-11-06"))
        with manager.session() as session:
            (recorded,) = session.scalars(select(Refund)).all()
            assert (recorded.amount_minor, recorded.status, recorded.who) == (
                700, "succeeded", "processor")
        ctx = manager.app.context()
        assert ctx.role is Role.MANAGER
        with pytest.raises(NotPermitted):
            refunds.refund(ctx, manager.app.engine.url, payment, Money(100, "EUR"), "asked")
        with pytest.raises(ProgrammingError) as caught:  # the check bypassed: the server
            refunds.refund(replace(ctx, role=Role.ADMIN), manager.app.engine.url, payment,
                           Money(100, "EUR"), "asked")
        assert refused(caught.value)
        with manager.session() as session:
            assert len(session.scalars(select(Refund)).all()) == 1
    finally:
        manager.close()


def test_issue23_a_managers_refund_insert_through_sqlalchemy_is_refused(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    admin = world_as(tmp_path, env, team.url)
    admin.load(PORTFOLIO)
    admin.run("2026-11-05")
    with admin.session() as session:
        attempt_id = refunds.find_payment(session, "O1#1/1").id
    admin.close()
    engine = create_engine(team.user("max", Role.MANAGER))
    try:
        for who, key, status in (("max", "rf_1", "unknown"),
                                 ("processor", "processor:re_1", "unknown"),
                                 ("processor", "rf_2", "succeeded")):
            with pytest.raises(ProgrammingError) as caught, engine.begin() as connection:
                connection.execute(text(
                    "INSERT INTO refund (attempt_id, number, idempotency_key, amount_minor, "
                    "currency, reason, status, \"on\", who, created_at) VALUES (:attempt, 1, "
                    ":key, 100, 'EUR', 'x', :status, current_date, :who, now())"),
                    {"attempt": attempt_id, "key": key, "status": status, "who": who})
            assert refused(caught.value)
    finally:
        engine.dispose()


def test_issue23_ev2_the_audit_names_the_database_user(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    admin = world_as(tmp_path, env, team.url)
    admin.load(PORTFOLIO)
    admin.close()
    app = open_app(team.user("alice", Role.MANAGER), env=env)  # RENEWDESK_USER is "tester"
    try:
        assert app.database_user == "alice"
        actions.set_customer_emails(app.context(), "C1", False)
        assert app.context(who="named").who == "named"
        with app.factory() as session:
            entry = session.scalars(select(AuditEntry).where(
                AuditEntry.action == "customer_emails")).one()
        assert entry.who == "alice"
    finally:
        app.close()


def test_issue23_settings_and_the_processor_are_refused_to_a_manager_before_anything(
        team: Team, tmp_path: Path, env: dict[str, str]) -> None:
    from renewdesk.services import payments_setting

    app = open_app(team.user("max", Role.MANAGER), env=env)
    try:
        ctx = app.context()
        with pytest.raises(NotPermitted) as caught:
            actions.save_settings(ctx, {"smtp_host": "mail"})
        assert caught.value.code == "role_cannot"
        assert "gestionnaire de comptes" in caught.value.words("fr")
        with pytest.raises(NotPermitted):
            payments_setting.save(ctx, env, "sandbox", None)
    finally:
        app.close()


def test_issue23_team_users_are_added_listed_and_change_role(team: Team) -> None:
    team.user("vera", Role.VIEWER)
    engine = create_engine(team.url)
    try:
        with engine.begin() as connection:
            roles.add_user(connection, "ada", Role.ADMIN, "s3cret 'quoted'")
            team.made.append("ada")
            roles.set_role(connection, "vera", Role.MANAGER)
        with engine.connect() as connection:
            listed = {user.name: user.role for user in roles.list_users(connection)}
            assert (listed["ada"], listed["vera"], listed["renewdesk"]) == (
                Role.ADMIN, Role.MANAGER, Role.ADMIN)
            for name, code in (("Vera", "user_name_invalid"), ("renewdesk_admin",
                               "user_name_invalid"), ("vera", "user_exists")):
                with pytest.raises(InputError) as caught:
                    roles.add_user(connection, name, Role.VIEWER, None)
                assert caught.value.code == code
            with pytest.raises(InputError) as caught:
                roles.set_role(connection, "renewdesk", Role.VIEWER)
            assert caught.value.code == "user_superuser"
    finally:
        engine.dispose()
    ada = create_engine(as_user(team.url, "ada"))  # an admin adds users in turn
    try:
        with ada.begin() as connection:
            assert roles.role_of(connection) is Role.ADMIN
            roles.add_user(connection, "bob", Role.VIEWER, None)
            team.made.append("bob")
            roles.set_role(connection, "vera", Role.VIEWER)
            with pytest.raises(InputError) as caught:
                roles.set_role(connection, "ada", Role.VIEWER)
            assert caught.value.code == "own_role"
        with ada.connect() as connection:
            listed = {user.name: user.role for user in roles.list_users(connection)}
        assert (listed["bob"], listed["vera"]) == (Role.VIEWER, Role.VIEWER)
    finally:
        ada.dispose()


def test_issue23_an_admin_demoted_to_viewer_is_exactly_a_viewer_whoever_granted_admin(
        team: Team) -> None:
    """Each membership is revoked as its grantor granted it (PostgreSQL 16 and later keep one
    per grantor, and revoke only the current user's): here bea made ada admin, the superuser
    demotes her."""
    bea = create_engine(team.user("bea", Role.ADMIN))
    try:
        with bea.begin() as connection:
            roles.add_user(connection, "ada", Role.ADMIN, None)
            team.made.append("ada")
    finally:
        bea.dispose()
    engine = create_engine(team.url)
    try:
        with engine.begin() as connection:
            roles.set_role(connection, "ada", Role.VIEWER)
        with engine.connect() as connection:
            listed = {user.name: user.role for user in roles.list_users(connection)}
            held = connection.scalars(text(
                "SELECT roleid::regrole::text FROM pg_auth_members "
                "WHERE member = 'ada'::regrole")).all()
            creates = connection.scalar(text(
                "SELECT rolcreaterole FROM pg_roles WHERE rolname = 'ada'"))
    finally:
        engine.dispose()
    assert (listed["ada"], held, creates) == (Role.VIEWER, ["renewdesk_viewer"], False)


def test_issue23_a_membership_the_server_keeps_is_told_not_passed_over(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """A revoke the server refuses or ignores (PostgreSQL 16: another grantor's) leaves the old
    group: set_role says so in words instead of reporting the new role alone."""
    team.user("vera", Role.MANAGER)
    monkeypatch.setattr(roles, "_revoke", lambda *args: None)  # the server kept them all
    engine = create_engine(team.url)
    try:
        with pytest.raises(InputError) as caught, engine.begin() as connection:
            roles.set_role(connection, "vera", Role.VIEWER)
    finally:
        engine.dispose()
    assert caught.value.code == "role_not_removed"
    assert "renewdesk_manager" in caught.value.words("en")
    assert "renewdesk_manager" in caught.value.words("fr")


def test_issue23_a_login_without_a_role_is_refused_at_open(
        team: Team, env: dict[str, str]) -> None:
    team.postgres.admin("CREATE ROLE nobody LOGIN")
    team.made.append("nobody")
    with pytest.raises(InputError) as caught:
        open_app(as_user(team.url, "nobody"), env=env)
    assert caught.value.code == "database_user_without_role"
    assert "nobody" in caught.value.words("en")


def test_issue23_a_manager_is_told_the_schema_is_behind_and_an_admin_migrates_it(
        team: Team, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    manager = team.user("max", Role.MANAGER)
    with team.postgres.database(template=None) as url:
        engine = db.make_engine(url)
        db.migrate(engine, "0010")  # a database of the release before the roles
        engine.dispose()
        with pytest.raises(InputError) as caught:
            open_app(as_user(url, "max"), env=env)
        assert caught.value.code == "schema_behind"
        app = open_app(url, env=env)  # the admin: migrated
        assert (app.role, db.current_revision(app.engine)) == (Role.ADMIN, db.HEAD)
        app.close()
        app = open_app(as_user(url, "max"), env=env)
        assert app.role is Role.MANAGER
        app.close()
    later = f"{int(db.HEAD) + 1:04d}"
    monkeypatch.setattr(db, "HEAD", later)  # one revision behind, as a later release sees it
    with pytest.raises(InputError) as caught:
        open_app(manager, env=env)
    assert caught.value.code == "schema_behind"
    assert caught.value.values == {"current": f"{int(later) - 1:04d}", "head": later}
    assert later in caught.value.words("fr")


def test_issue23_a_second_admin_may_replace_the_schemas_trigger_function(team: Team) -> None:
    """0011 gives the schema's own functions to renewdesk_admin, as its tables: a later
    migration run by another admin than the first may replace them (IV-1's issued invoices
    are kept by `invoice_is_issued`)."""
    with psycopg.connect(plain(team.url)) as connection:
        (definition,) = connection.execute(
            "SELECT pg_get_functiondef('invoice_is_issued()'::regprocedure)").fetchone() or ("",)
    assert definition.startswith("CREATE OR REPLACE FUNCTION")
    with psycopg.connect(plain(team.user("bea", Role.ADMIN))) as connection:
        connection.execute(definition)
        assert connection.execute(
            "SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'invoice_is_issued'"
        ).fetchone() == ("renewdesk_admin",)


def _migrate_as(url: str, revision: str = "head", down: str | None = None) -> None:
    from alembic import command

    engine = db.make_engine(url)
    try:
        if down is not None:
            command.downgrade(db.alembic_config(engine), down)
        db.migrate(engine, revision)
    finally:
        engine.dispose()


def test_issue23_a_second_database_of_the_server_is_migrated_by_its_owner_then_any_admin(
        team: Team) -> None:
    """On a server whose groups exist (another renewdesk database set them up), a new database
    owned by a non-superuser admin is migrated from empty as that user, not as the group, until
    0011 has set this database up: 0010's extension is the database owner's to create. (Its
    `public` schema open to PUBLIC, as PostgreSQL 14 and older make it, where the mistake
    showed.) A second admin then runs migrations, as the group (migrations/env.py)."""
    team.user("ada", Role.ADMIN)
    team.user("bea", Role.ADMIN)
    with team.postgres.database(template=None) as url:
        name = url.rsplit("/", 1)[1]
        team.postgres.admin(f'ALTER DATABASE "{name}" OWNER TO ada')
        with psycopg.connect(plain(url), autocommit=True) as connection:
            connection.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
        _migrate_as(as_user(url, "ada"))
        with psycopg.connect(plain(url)) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
                db.HEAD,)
            assert {row[0] for row in connection.execute(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")} == {
                "renewdesk_admin"}
            assert connection.execute(
                "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").fetchone() == (1,)
        _migrate_as(as_user(url, "bea"), down="0009")  # down and up again, by another admin
        with psycopg.connect(plain(url)) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
                db.HEAD,)
            assert connection.execute("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                      "'ix_service_words_trgm'").fetchone() == (1,)


def test_issue23_sqlite_has_one_user_an_admin(tmp_path: Path, env: dict[str, str]) -> None:
    app = open_app(str(tmp_path / "one.db"), env=env)
    try:
        assert (app.role, app.database_user, app.context().who) == (Role.ADMIN, None, "tester")
        with app.engine.connect() as connection:
            assert roles.role_of(connection) is Role.ADMIN
            with pytest.raises(InputError) as caught:
                roles.list_users(connection)
        assert caught.value.code == "team_mode_only"
    finally:
        app.close()


def test_issue23_ev2_a_manager_appends_to_the_audit_only_in_their_own_name(team: Team) -> None:
    """The audit cannot be made to say someone else did something (migration 0012): a manager's
    entry names the database user they logged in as, or the server refuses it; everyone reads
    every entry; an admin's copy of a database keeps its entries' names."""
    with psycopg.connect(plain(team.url)) as connection:  # an admin (here the superuser)
        connection.execute("INSERT INTO audit_entry (at, \"on\", who, action, subject) "
                           "VALUES (now(), current_date, 'copied-from-sqlite', 'import', 'x')")
    manager = team.user("max", Role.MANAGER)
    viewer = team.user("vera", Role.VIEWER)
    with psycopg.connect(plain(manager), autocommit=True) as connection:
        connection.execute("INSERT INTO audit_entry (at, \"on\", who, action, subject) "
                           "VALUES (now(), current_date, 'max', 'edit service', 'S1')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("INSERT INTO audit_entry (at, \"on\", who, action, subject) "
                               "VALUES (now(), current_date, 'alice', 'edit service', 'S1')")
        assert connection.execute("SELECT count(*) FROM audit_entry").fetchone() == (2,)
    with psycopg.connect(plain(viewer), autocommit=True) as connection:
        assert connection.execute("SELECT who FROM audit_entry ORDER BY id").fetchall() == [
            ("copied-from-sqlite",), ("max",)]
