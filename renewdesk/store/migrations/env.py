"""Alembic environment: the engine comes from renewdesk.store.db (no alembic.ini needed).

On PostgreSQL with the team's roles set up (migration 0011), an admin migrates as the group
renewdesk_admin (`SET LOCAL ROLE`, for this transaction only): what a migration makes then
belongs to the group, so the next admin can change it, and gets the group's default grants.
"""

from alembic import context
from sqlalchemy import Connection, text

from renewdesk.store.models import Base
from renewdesk.store.search_index import include_name

# The group exists, the user may act as it, and it may create in the schema (0011 granted it).
AS_ADMIN = text("""SELECT coalesce(pg_has_role(current_user, r.oid, 'MEMBER')
                                   AND has_schema_privilege(r.oid, current_schema(), 'CREATE'),
                                   false)
                   FROM (SELECT 1) AS one LEFT JOIN pg_roles r ON r.rolname = 'renewdesk_admin'""")


def as_team_admin(connection: Connection) -> None:
    if connection.dialect.name == "postgresql" and connection.scalar(AS_ADMIN):
        connection.execute(text("SET LOCAL ROLE renewdesk_admin"))


engine = context.config.attributes["engine"]
with engine.begin() as connection:
    as_team_admin(connection)
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
