"""the audit names its writer (EV-2, issue 23): on PostgreSQL an account manager appends audit
entries only in their own name (`who` = the database user they logged in as), so the audit
cannot be made to say that someone else did something. Admins write as before (a database
copied by `migrate-db` keeps its entries' names); viewers write nothing. On SQLite, nothing.

Only where 0011 set the roles up.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
from alembic import op
from sqlalchemy import text

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

ADMIN, MANAGER, VIEWER = "renewdesk_admin", "renewdesk_manager", "renewdesk_viewer"


def _set_up() -> bool:
    bind = op.get_bind()
    return bind.dialect.name == "postgresql" and bool(bind.scalar(text(
        "SELECT count(*) FROM pg_policy WHERE polname = 'setting_admin'")))


def upgrade() -> None:
    if not _set_up():
        return
    op.execute("ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY audit_entry_admin ON audit_entry TO {ADMIN} "
               "USING (true) WITH CHECK (true)")
    op.execute(f"CREATE POLICY audit_entry_reads ON audit_entry FOR SELECT TO {MANAGER}, {VIEWER} "
               "USING (true)")
    op.execute(f"CREATE POLICY audit_entry_own ON audit_entry FOR INSERT TO {MANAGER} "
               "WITH CHECK (who = session_user)")


def downgrade() -> None:
    if not _set_up():
        return
    for policy in ("admin", "reads", "own"):
        op.execute(f"DROP POLICY IF EXISTS audit_entry_{policy} ON audit_entry")
    op.execute("ALTER TABLE audit_entry DISABLE ROW LEVEL SECURITY")
