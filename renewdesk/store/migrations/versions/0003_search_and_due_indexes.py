"""indexes for a large portfolio: due items found by (status, next attempt), services sorted by
label and customers by name, and on SQLite a trigram full-text index of the services' reference,
label and customer name (substring search without reading a million rows)

The full-text index (`service_search`, FTS5 with the trigram tokenizer, SQLite 3.34+) is kept up
to date through `service_search_stale`, filled by triggers on `service` and `customer`. SQLite's
batch mode rebuilds a table it alters, dropping its triggers: a later migration that
batch-alters `service` or `customer` must create them again (SERVICE_SEARCH_TRIGGERS below).
PostgreSQL searches with ILIKE, no index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# What one service is found by: its reference, label and customer's name, kept apart by the unit
# separator (a search word never holds it: words are split on whitespace, and it is whitespace).
_WORDS = "service.ref || char(31) || service.label || char(31) || customer.name"

# The triggers only note which services' words changed (cheap); the index catches up in one
# statement later (store/search_index.py). An FTS5 insert in a trigger would cost a statement
# savepoint, and so an index segment, per row: 42 µs a service instead of 1.
SERVICE_SEARCH_TRIGGERS = (
    "CREATE TRIGGER service_search_insert AFTER INSERT ON service BEGIN "
    "INSERT OR IGNORE INTO service_search_stale (service_id) VALUES (new.id); END",
    "CREATE TRIGGER service_search_delete AFTER DELETE ON service BEGIN "
    "INSERT OR IGNORE INTO service_search_stale (service_id) VALUES (old.id); END",
    "CREATE TRIGGER service_search_update AFTER UPDATE OF ref, label, customer_id ON service "
    "BEGIN INSERT OR IGNORE INTO service_search_stale (service_id) VALUES (new.id); END",
    "CREATE TRIGGER service_search_customer AFTER UPDATE OF name ON customer BEGIN "
    "INSERT OR IGNORE INTO service_search_stale (service_id) "
    "SELECT id FROM service WHERE customer_id = new.id; END",
)


def upgrade() -> None:
    for table in ("renewal", "installment", "usage_invoice"):
        op.create_index(f"ix_{table}_due", table, ["status", "next_attempt_on"])
    op.create_index("ix_service_label", "service", ["label", "ref"])
    op.create_index("ix_customer_name", "customer", ["name"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE service_search USING fts5(words, tokenize='trigram', "
                   "detail='none')")
        op.execute("CREATE TABLE service_search_stale (service_id INTEGER PRIMARY KEY)")
        op.execute("INSERT INTO service_search (rowid, words) SELECT service.id, " + _WORDS
                   + " FROM service JOIN customer ON customer.id = service.customer_id")
        for trigger in SERVICE_SEARCH_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update", "customer"):
            op.execute(f"DROP TRIGGER service_search_{name}")
        op.execute("DROP TABLE service_search_stale")
        op.execute("DROP TABLE service_search")
    op.drop_index("ix_customer_name", "customer")
    op.drop_index("ix_service_label", "service")
    for table in ("renewal", "installment", "usage_invoice"):
        op.drop_index(f"ix_{table}_due", table)
