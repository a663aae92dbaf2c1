"""roles the database itself enforces (issue 23): on PostgreSQL, the group roles
renewdesk_admin, renewdesk_manager (an account manager) and renewdesk_viewer, their grants and
policies. On SQLite, nothing: its one user is admin.

- Roles are the cluster's, not the database's: created only when absent (another renewdesk
  database on the same server may have made them), never dropped by the downgrade.
- The one who migrates is made admin (with the admin option, to add users), and every table,
  sequence and function (a trigger's: `invoice_is_issued`; not an extension's) is owned by
  renewdesk_admin, so any admin runs the later migrations
  (migrations/env.py sets the role first, so that what they create belongs to the group too).
- viewer: reads everything, except the key customer links are signed with (a viewer able to
  read it could make new links, one that changes a customer's payment method). The links
  already issued stay readable: `customer_link.token` and the outbox's e-mails that carry them;
  a viewer may use those as the customer would.
- manager: reads and writes everything, except
  - `setting`: only the internal state its workflows and runs write (the last run's date and
    record, the customer links' key made on first use, the pro-forma numbers, the processor
    events' cursors); the portfolio's settings, the processor and its live mode's
    confirmation are the admin's. Row-level security, and only `value` may be updated, so a
    row is never renamed into an allowed one;
  - `refund`: inserted only as recorded from the processor (who = 'processor', its key
    `processor:…`, already settled: services/refunds.from_processor), and updated only to a
    processor's answer (never back to `unknown`, which the next run would send): a refund a
    manager *makes* is committed `unknown` before the processor is called, so the server
    refuses it. An imported history's refunds (exchange/history.py) are the admin's too: a
    refund imported as `unknown` would be sent by the next run's settling, and a settled one
    is money in the books (a credit note's ground) that only an admin records;
  - `audit_entry`: appended to, never changed or deleted (EV-2);
  - `alembic_version`: read only.
- Later migrations' tables get the same grants (ALTER DEFAULT PRIVILEGES).
- Nobody but renewdesk_admin creates in the schema: PUBLIC's CREATE, which PostgreSQL 14 and
  older grant on `public`, is revoked.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""
import logging

from alembic import op
from sqlalchemy import text

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

log = logging.getLogger("renewdesk.migrations")

ADMIN, MANAGER, VIEWER = "renewdesk_admin", "renewdesk_manager", "renewdesk_viewer"
GROUPS = (ADMIN, MANAGER, VIEWER)
# The settings rows an account manager's workflows and runs write (store/settings.py INTERNAL
# less live_confirmed_on and install_id), and each processor's events cursor.
MANAGER_STATE = ("(name IN ('last_run_on', 'last_run_record', 'link_signing_key', "
                 "'proforma_last_number') OR name LIKE 'events\\_cursor.%')")
FROM_PROCESSOR = ("(who = 'processor' AND idempotency_key LIKE 'processor:%' "
                  "AND status <> 'unknown')")
REFUND_ANSWER_COLUMNS = "status, refusal, processor_ref, settled_at"


def _schema() -> str:
    bind = op.get_bind()
    name = bind.scalar(text("SELECT current_schema()"))
    return str(bind.dialect.identifier_preparer.quote(name))


def _can_set_up() -> bool:
    """Roles are made by a superuser or a user with CREATEROLE; another user's database is set
    up without them (everyone who can log in is then admin, as before)."""
    bind = op.get_bind()
    present = bind.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname IN "
                               "('renewdesk_admin', 'renewdesk_manager', 'renewdesk_viewer')"))
    able = bind.scalar(text("SELECT rolsuper OR rolcreaterole FROM pg_roles "
                            "WHERE rolname = current_user"))
    return bool(able) or (present == len(GROUPS) and bool(bind.scalar(text(
        "SELECT pg_has_role(current_user, 'renewdesk_admin', 'MEMBER')"))))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("SET LOCAL ROLE NONE")  # as the one who logged in: making roles is theirs
    if not _can_set_up():
        log.warning("roles not set up: the database user can neither create roles nor is "
                    "a member of renewdesk_admin")
        return
    schema = _schema()
    for group in GROUPS:
        op.execute(f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN
                CREATE ROLE {group} NOLOGIN;
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- made meanwhile
        END $$""")
    op.execute(f"GRANT {ADMIN} TO CURRENT_USER WITH ADMIN OPTION")
    # Every admin may grant the other two groups (PostgreSQL 16 asks for the admin option).
    op.execute(f"GRANT {MANAGER}, {VIEWER} TO {ADMIN} WITH ADMIN OPTION")
    _own(schema)
    _grant(schema)
    _policies()
    op.execute(f"SET LOCAL ROLE {ADMIN}")  # what the next migrations make is the group's


def _own(schema: str) -> None:
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {ADMIN}")
    op.execute(f"GRANT USAGE ON SCHEMA {schema} TO {MANAGER}, {VIEWER}")
    # PostgreSQL 14 and older let PUBLIC create in `public`: a viewer could plant there an
    # operator or a function that an admin's session would then run with the admin's rights.
    op.execute(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
    # A table's own sequences (serial, identity) follow it; any other sequence is changed alone.
    op.execute("""DO $$ DECLARE item record; BEGIN
        FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                  AND d.objid = c.oid AND d.deptype = 'e') LOOP
            EXECUTE format('ALTER TABLE %s OWNER TO renewdesk_admin', item.name);
        END LOOP;
        FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'
                  AND c.relowner <> 'renewdesk_admin'::regrole LOOP
            EXECUTE format('ALTER SEQUENCE %s OWNER TO renewdesk_admin', item.name);
        END LOOP;
        FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                WHERE p.pronamespace = current_schema()::regnamespace
                  AND p.proowner <> 'renewdesk_admin'::regrole
                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                  AND d.objid = p.oid AND d.deptype = 'e') LOOP
            EXECUTE format('ALTER ROUTINE %s OWNER TO renewdesk_admin', item.name);
        END LOOP;
    END $$""")


def _grant(schema: str) -> None:
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {VIEWER}, {MANAGER}")
    op.execute(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {MANAGER}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {MANAGER}")
    op.execute(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {MANAGER}")
    op.execute(f"REVOKE UPDATE, DELETE ON audit_entry FROM {MANAGER}")
    # A table's UPDATE revoked takes its columns' with it: the columns are granted after.
    op.execute(f"REVOKE UPDATE, DELETE ON setting FROM {MANAGER}")
    op.execute(f"GRANT UPDATE (value) ON setting TO {MANAGER}")
    op.execute(f"REVOKE UPDATE, DELETE ON refund FROM {MANAGER}")
    op.execute(f"GRANT UPDATE ({REFUND_ANSWER_COLUMNS}) ON refund TO {MANAGER}")
    defaults = f"ALTER DEFAULT PRIVILEGES FOR ROLE {ADMIN} IN SCHEMA {schema}"
    op.execute(f"{defaults} GRANT SELECT ON TABLES TO {VIEWER}, {MANAGER}")
    op.execute(f"{defaults} GRANT INSERT, UPDATE, DELETE ON TABLES TO {MANAGER}")
    op.execute(f"{defaults} GRANT USAGE, SELECT ON SEQUENCES TO {MANAGER}")


def _policies() -> None:
    for table in ("setting", "refund"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_admin ON {table} TO {ADMIN} "
                   "USING (true) WITH CHECK (true)")
    op.execute(f"CREATE POLICY setting_manager_reads ON setting FOR SELECT TO {MANAGER} "
               "USING (true)")
    op.execute(f"CREATE POLICY setting_viewer_reads ON setting FOR SELECT TO {VIEWER} "
               "USING (name <> 'link_signing_key')")
    op.execute(f"CREATE POLICY setting_manager_state ON setting FOR INSERT TO {MANAGER} "
               f"WITH CHECK {MANAGER_STATE}")
    # USING (true): a manager's update of another row is refused aloud, not skipped silently.
    op.execute(f"CREATE POLICY setting_manager_state_update ON setting FOR UPDATE "
               f"TO {MANAGER} USING (true) WITH CHECK {MANAGER_STATE}")
    op.execute(f"CREATE POLICY refund_reads ON refund FOR SELECT TO {MANAGER}, {VIEWER} "
               "USING (true)")
    op.execute(f"CREATE POLICY refund_from_processor ON refund FOR INSERT TO {MANAGER} "
               f"WITH CHECK {FROM_PROCESSOR}")
    op.execute(f"CREATE POLICY refund_answer ON refund FOR UPDATE TO {MANAGER} "
               "USING (true) WITH CHECK (status <> 'unknown')")


def downgrade() -> None:
    """The grants and policies go; the roles stay (other databases of the server may use them)
    and so does the tables' owner."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not bind.scalar(text("SELECT count(*) FROM pg_policy WHERE polname = 'setting_admin'")):
        return  # never set up (`_can_set_up`)
    schema = _schema()
    for table, policies in (("setting", ("admin", "manager_reads", "viewer_reads",
                                         "manager_state", "manager_state_update")),
                            ("refund", ("admin", "reads", "from_processor", "answer"))):
        for policy in policies:
            op.execute(f"DROP POLICY IF EXISTS {table}_{policy} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    defaults = f"ALTER DEFAULT PRIVILEGES FOR ROLE {ADMIN} IN SCHEMA {schema}"
    op.execute(f"{defaults} REVOKE ALL ON TABLES FROM {VIEWER}, {MANAGER}")
    op.execute(f"{defaults} REVOKE ALL ON SEQUENCES FROM {MANAGER}")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {VIEWER}, {MANAGER}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {MANAGER}")
