"""on PostgreSQL, the services' substring search from trigram indexes (pg_trgm): one GIN index
over a service's reference and label (kept apart by the unit separator, as SQLite's full-text
index keeps them), one over the customers' names. A search word matches a service by its own
index, or by its customer's, so a customer renamed is found by the new name at once, with
nothing to keep up to date (store/search_index.py, `trigram_ids`). On SQLite, nothing: its
full-text index (0003) serves the search.

On a million services, searching "site77777" took about 0.95 s to count and as long again to
read its rows (every row's three columns read); about 25 ms each from these. Building them
takes about 16 s on a million services; each service inserted then costs about a third more.

`CREATE EXTENSION pg_trgm` is allowed to whoever may create in the database (its owner) since
PostgreSQL 13 (a trusted extension). A server without the extension (a distribution's contrib
package not installed), or a user who may not create it, gets no indexes and searches by
reading the rows, as before; the log says so.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
import logging

from alembic import op
from sqlalchemy import text

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

log = logging.getLogger("renewdesk.migrations")

# The same expression as store/search_index.py's SERVICE_WORDS (the planner uses the index only
# for the very expression it indexes).
SERVICE_WORDS = "(ref || chr(31) || label)"
# The extension is there, or installed on the server and the user may create it: a superuser,
# or one with CREATE on the database (its owner, usually; pg_trgm is a trusted extension). An
# old team database owned by another user stays upgradable, without the indexes.
MAY_USE_TRGM = text("""SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_trgm')
    OR (EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_trgm')
        AND ((SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
             OR has_database_privilege(current_database(), 'CREATE')))""")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not bind.scalar(MAY_USE_TRGM):
        log.warning("PostgreSQL's pg_trgm extension is not installed on this server, or the "
                    "database user may not create it: the services' search reads every row "
                    "(migration 0010 made no index)")
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX ix_service_words_trgm ON service USING gin ({SERVICE_WORDS} "
               "gin_trgm_ops)")
    op.execute("CREATE INDEX ix_customer_name_trgm ON customer USING gin (name gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_customer_name_trgm")
    op.execute("DROP INDEX IF EXISTS ix_service_words_trgm")
