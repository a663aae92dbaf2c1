"""Alembic environment: the engine comes from renewdesk.store.db (no alembic.ini needed).

On PostgreSQL with the team's roles set up in this database (migration 0011), an admin
migrates as the group renewdesk_admin (`SET LOCAL ROLE`, for this transaction only): what a
migration makes then belongs to the group, so the next admin can change it, and gets the
group's default grants.
"""

from alembic import context
from sqlalchemy import Connection, text

from renewdesk.store.models import Base
from renewdesk.store.search_index import include_name

# This database is set up (0011 gave Alembic's table, as every table, to renewdesk_admin) and
# the user may act as the group. Not merely "the groups exist and may create in the schema":
# on another database of the same server (a second renewdesk, a migrate-db target), before
# 0011 has run there, migrating as the group would make its tables the group's too early and
# refuse what only the database's owner may do (0010's CREATE EXTENSION).
AS_ADMIN = text("""SELECT coalesce((SELECT c.relowner = r.oid
                                           AND pg_has_role(current_user, r.oid, 'MEMBER')
                                    FROM pg_class c JOIN pg_roles r
                                      ON r.rolname = 'renewdesk_admin'
                                    WHERE c.oid = to_regclass('alembic_version')), false)""")


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
