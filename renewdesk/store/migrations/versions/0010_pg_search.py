"""on PostgreSQL, the services' substring search from trigram indexes (pg_trgm): one GIN index
over a service's reference and label (kept apart by the unit separator, as SQLite's full-text
index keeps them), one over the customers' names. A search word matches a service by its own
index, or by its customer's (customer_id IN the customers it matches), so a customer renamed
is found by the new name at once, with nothing to keep up to date. On SQLite, nothing: its
full-text index (0003) serves the search.

`CREATE EXTENSION pg_trgm` is allowed to a database owner since PostgreSQL 13 (a trusted
extension).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# The same expression as store/search_index.py's SERVICE_WORDS (the planner uses the index only
# for the very expression it indexes).
SERVICE_WORDS = "(ref || chr(31) || label)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX ix_service_words_trgm ON service USING gin ({SERVICE_WORDS} "
               "gin_trgm_ops)")
    op.execute("CREATE INDEX ix_customer_name_trgm ON customer USING gin (name gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_customer_name_trgm")
    op.execute("DROP INDEX ix_service_words_trgm")
