"""Alembic environment: the engine comes from renewdesk.store.db (no alembic.ini needed)."""

from alembic import context

from renewdesk.store.models import Base
from renewdesk.store.search_index import include_name

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
