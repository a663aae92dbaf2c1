"""Schema changes go through Alembic: from an empty database to head, matching the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

from renewdesk.store import db
from renewdesk.store.models import Base
from renewdesk.store.search_index import include_name

# The services' full-text index is made by a migration and not mapped (store/search_index.py).
COMPARE = {"include_name": include_name}


def test_migrations_from_empty_database_match_the_models(tmp_path: Path) -> None:
    engine = db.make_engine(db.database_url(str(tmp_path / "fresh.db")))
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts=COMPARE), Base.metadata)
    assert diff == []
    assert "attempt" in inspect(engine).get_table_names()
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path: Path) -> None:
    engine = db.make_engine(db.database_url(str(tmp_path / "wal.db")))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_migrate_is_a_no_op_at_head(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    engine = db.make_engine(db.database_url(str(path)))
    db.migrate(engine)
    engine.dispose()
    before = path.read_bytes()
    engine = db.make_engine(db.database_url(str(path)))
    db.migrate(engine)
    engine.dispose()
    assert path.read_bytes() == before


def old_customer(connection: Connection, name: str) -> None:
    """Customer 1 (C1) as every release's schema holds it, written with plain SQL."""
    connection.execute(text(
        "INSERT INTO customer (id, ref, name, email, address, language, emails_enabled) "
        "VALUES (1, 'C1', :name, 'ana@example.test', '', 'fr', 1)"), {"name": name})


def test_upgrade_from_0001_the_first_release_keeps_orders_and_versions_them(
        tmp_path: Path) -> None:
    """0.2.0's schema (0001) with an order in it: 0002 adds the plan's version, 1 for all."""
    engine = db.make_engine(db.database_url(str(tmp_path / "old.db")))
    db.migrate(engine, "0001")
    with engine.begin() as connection:
        old_customer(connection, "Ana")
        connection.execute(text(
            "INSERT INTO installment_order (id, ref, customer_id, product, invoice_number, "
            "installment_amount_minor, currency, installments_count, interval, first_due_on, "
            "method, status, in_collection) VALUES (1, 'O1', 1, 'Course', 'INV-1', 3000, 'EUR', "
            "3, 'monthly', '2026-12-01', 'card', 'active', 0)"))
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision(engine) == db.HEAD
    with engine.connect() as connection:
        row = connection.execute(text(
            "SELECT ref, installment_amount_minor, version FROM installment_order")).one()
        diff = compare_metadata(MigrationContext.configure(connection, opts=COMPARE), Base.metadata)
    assert tuple(row) == ("O1", 3000, 1)
    assert diff == []
    engine.dispose()


def test_upgrade_from_0002_indexes_the_services_for_search(tmp_path: Path) -> None:
    """0.3.0's schema (0002) with services in it: 0003 builds their search index, which then
    follows changes made with plain SQL (its triggers)."""
    from datetime import date

    from sqlalchemy.orm import Session

    from renewdesk.domain.policy import Policy
    from renewdesk.services.listing import SERVICES, Query

    engine = db.make_engine(db.database_url(str(tmp_path / "old.db")))
    db.migrate(engine, "0002")
    with engine.begin() as connection:
        old_customer(connection, "Ana Lopez")
        for n in (1, 2):
            connection.execute(text(
                "INSERT INTO service (id, ref, customer_id, kind, label, billing, currency, "
                "auto_renew, status) VALUES (:n, :ref, 1, 'domain', :label, 'period', 'EUR', 0, "
                "'active')"), {"n": n, "ref": f"S{n}", "label": f"boutique{n}.fr"})
    db.migrate(engine)
    with Session(engine) as session:
        def search(words: str) -> list[str]:
            return [r[0] for r in SERVICES.page(session, Query(text=words), 0, 10, Policy(),
                                                date(2026, 11, 22))]

        assert search("lopez") == ["S1", "S2"] and search("boutique2") == ["S2"]
        session.execute(text("UPDATE customer SET name = 'Ana Garcia' WHERE id = 1"))
        assert search("lopez") == [] and search("garcia boutique1") == ["S1"]
        assert session.connection().exec_driver_sql(
            "SELECT count(*) FROM service_search").scalar() == 2
    engine.dispose()


def test_iv1_upgrade_from_0005_makes_old_customers_consumers_in_france_at_the_default_rate(
        tmp_path: Path) -> None:
    """0005's schema with a customer, a service and an order: 0006 gives them the tax fields'
    defaults (a consumer in France, no VAT number or SIREN, the default VAT rate)."""
    engine = db.make_engine(db.database_url(str(tmp_path / "old.db")))
    db.migrate(engine, "0005")
    with engine.begin() as connection:
        old_customer(connection, "Ana")
        connection.execute(text(
            "INSERT INTO service (id, ref, customer_id, kind, label, billing, currency, "
            "price_minor, period_months, auto_renew, status) VALUES (1, 'S1', 1, 'domain', "
            "'ana.fr', 'period', 'EUR', 1200, 12, 0, 'active')"))
        connection.execute(text(
            "INSERT INTO installment_order (id, ref, customer_id, product, invoice_number, "
            "installment_amount_minor, currency, installments_count, interval, first_due_on, "
            "method, status, in_collection, version) VALUES (1, 'O1', 1, 'Course', 'INV-1', "
            "3000, 'EUR', 3, 'monthly', '2026-12-01', 'card', 'active', 0, 1)"))
    db.migrate(engine)
    assert db.current_revision(engine) == db.HEAD
    with engine.connect() as connection:
        customer = connection.execute(text(
            "SELECT business, country, vat_number, siren FROM customer")).one()
        rates = connection.execute(text(
            "SELECT (SELECT vat_rate_bp FROM service), (SELECT vat_rate_bp FROM "
            "installment_order)")).one()
        diff = compare_metadata(MigrationContext.configure(connection, opts=COMPARE), Base.metadata)
    assert tuple(customer) == (0, "FR", None, None)
    assert tuple(rates) == (None, None)
    assert diff == []
    engine.dispose()


def test_migrations_on_postgresql_from_empty_match_the_models(postgres: Any) -> None:
    with postgres.database(template=None) as url:
        engine = db.make_engine(url)
        db.migrate(engine)
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection, opts=COMPARE), Base.metadata)
        engine.dispose()
    assert diff == []


def test_the_head_known_without_alembic_is_alembics_head(tmp_path: Path) -> None:
    """db.HEAD (from the files' names, so start-up needs no Alembic) is Alembic's own head."""
    engine = db.make_engine(db.database_url(str(tmp_path / "h.db")))
    assert db.head_revision(engine) == db.HEAD
    engine.dispose()


def _privileges(connection: Connection) -> dict[str, Any]:
    """What 0011 (and 0012, the audit's policy) set up, read from PostgreSQL's catalogue."""
    def can(role: str, table: str, privilege: str) -> bool:
        return bool(connection.scalar(text("SELECT has_table_privilege(:r, :t, :p)"),
                                      {"r": role, "t": table, "p": privilege}))

    owners = set(connection.scalars(text(
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = current_schema()")))
    secured = set(connection.scalars(text(
        "SELECT relname FROM pg_class WHERE relrowsecurity AND "
        "relnamespace = current_schema()::regnamespace")))
    return {"owners": owners, "secured": secured,
            "viewer": (can("renewdesk_viewer", "service", "SELECT"),
                       can("renewdesk_viewer", "service", "UPDATE")),
            "manager": (can("renewdesk_manager", "service", "UPDATE"),
                        can("renewdesk_manager", "audit_entry", "INSERT"),
                        can("renewdesk_manager", "audit_entry", "UPDATE"),
                        can("renewdesk_manager", "alembic_version", "UPDATE"))}


SET_UP = {"owners": {"renewdesk_admin"}, "secured": {"setting", "refund", "audit_entry"},
          "viewer": (True, False), "manager": (True, True, False, False)}


def test_issue23_0011_on_postgresql_from_empty_sets_the_roles_up(postgres: Any) -> None:
    with postgres.database(template=None) as url:
        engine = db.make_engine(url)
        db.migrate(engine)
        with engine.connect() as connection:
            assert _privileges(connection) == SET_UP
        engine.dispose()


def test_issue23_0011_from_0010s_schema_keeps_the_data_and_later_tables_get_the_grants(
        postgres: Any, tmp_path: Path) -> None:
    with postgres.database(template=None) as url:
        engine = db.make_engine(url)
        db.migrate(engine, "0010")
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO customer (id, ref, name, email, address, language, emails_enabled,"
                " business, country) VALUES (1, 'C1', 'Ana', 'a@example.test', '', 'fr', true,"
                " false, 'FR')"))
            assert _privileges(connection)["owners"] == {"renewdesk"}
        db.migrate(engine)
        with engine.begin() as connection:
            assert connection.scalar(text("SELECT name FROM customer")) == "Ana"
            assert _privileges(connection) == SET_UP
            # a later migration's table, made as env.py makes it: the group's, granted
            connection.execute(text("SET LOCAL ROLE renewdesk_admin"))
            connection.execute(text("CREATE TABLE later_table (id integer PRIMARY KEY)"))
            assert connection.scalar(text(
                "SELECT has_table_privilege('renewdesk_viewer', 'later_table', 'SELECT') AND "
                "has_table_privilege('renewdesk_manager', 'later_table', 'DELETE')"))
        from alembic import command

        command.downgrade(db.alembic_config(engine), "0010")
        with engine.connect() as connection:
            assert _privileges(connection)["secured"] == set()
            assert _privileges(connection)["viewer"] == (False, False)
        db.migrate(engine)  # and up again, the roles already there
        with engine.connect() as connection:
            assert _privileges(connection) == SET_UP
        engine.dispose()


def test_issue23_ev2_0012_from_0011s_schema_keeps_the_audit_and_secures_its_who(
        postgres: Any) -> None:
    with postgres.database(template=None) as url:
        engine = db.make_engine(url)
        db.migrate(engine, "0011")
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO audit_entry (at, \"on\", who, action, subject) "
                                    "VALUES (now(), current_date, 'ana', 'import', 'x')"))
            assert "audit_entry" not in _privileges(connection)["secured"]
        db.migrate(engine)
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT who FROM audit_entry")) == "ana"
            assert _privileges(connection) == SET_UP
        from alembic import command

        command.downgrade(db.alembic_config(engine), "0011")
        with engine.connect() as connection:
            assert _privileges(connection)["secured"] == {"setting", "refund"}
        engine.dispose()


def test_issue23_0011_leaves_no_team_role_creating_in_the_schema_as_postgresql_14_allowed(
        postgres: Any) -> None:
    """On PostgreSQL 14 and older PUBLIC may create in `public` (mimicked here on a fresh
    database): a viewer could plant an operator an admin's session runs. 0011 revokes it."""
    with postgres.database(template=None) as url:
        engine = db.make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("GRANT CREATE ON SCHEMA public TO PUBLIC"))
            assert connection.scalar(text(
                "SELECT has_schema_privilege('public', current_schema(), 'CREATE')"))
        db.migrate(engine)
        with engine.connect() as connection:
            for group in ("renewdesk_viewer", "renewdesk_manager"):
                assert not connection.scalar(text(
                    "SELECT has_schema_privilege(:g, current_schema(), 'CREATE')"), {"g": group})
        engine.dispose()


def test_issue23_0010_without_the_right_to_create_pg_trgm_upgrades_without_its_indexes(
        postgres: Any, caplog: Any) -> None:
    """An old team database made by a superuser for a user who owns its schema, not the
    database: that user may not create the extension, and still migrates to head (the
    search then reads every row, as the log says)."""
    postgres.admin("CREATE ROLE olga LOGIN")
    try:
        with postgres.database(template=None) as url:
            engine = db.make_engine(url)
            with engine.begin() as connection:
                connection.execute(text("ALTER SCHEMA public OWNER TO olga"))
                connection.execute(text("DROP EXTENSION IF EXISTS pg_trgm"))
            engine.dispose()
            engine = db.make_engine(url.replace("//renewdesk@", "//olga@", 1))
            with caplog.at_level("WARNING", logger="renewdesk.migrations"):
                db.migrate(engine)
            assert db.current_revision(engine) == db.HEAD
            assert "reads every row" in caplog.text
            with engine.connect() as connection:
                assert not connection.scalar(text(
                    "SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%trgm'"))
            engine.dispose()
    finally:
        postgres.admin("DROP ROLE olga")


def test_issue23_0011_does_nothing_on_sqlite(tmp_path: Path) -> None:
    engine = db.make_engine(db.database_url(str(tmp_path / "r.db")))
    db.migrate(engine, "0010")
    tables = set(inspect(engine).get_table_names())
    db.migrate(engine)
    assert db.current_revision(engine) == db.HEAD
    assert set(inspect(engine).get_table_names()) == tables
    engine.dispose()
