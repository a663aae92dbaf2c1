"""The team's users and their roles, as PostgreSQL keeps them (issue 23, migration 0011).

A role is a group role the database enforces with its grants and policies: renewdesk_admin,
renewdesk_manager, renewdesk_viewer. A user is a login role, a member of one of them. Whoever
has the privileges of the schema's owner (a superuser, a member of renewdesk_admin, or, before
0011 set the roles up, the user who made the tables) is admin; on SQLite the one user is.

Admins add users: an admin is given CREATEROLE and the admin option on renewdesk_admin (and,
through it, on the two other groups: migration 0011), which PostgreSQL 16 and later ask of
whoever grants a membership. Names are checked and quoted; a password is sent as a quoted
literal, never logged by renewdesk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, RowMapping, text

from renewdesk.domain.errors import InputError
from renewdesk.domain.roles import Role

if TYPE_CHECKING:  # psycopg is imported by what changes users only: not at every start
    from psycopg import sql

ADMIN_GROUP = "renewdesk_admin"
MANAGER_GROUP = "renewdesk_manager"
VIEWER_GROUP = "renewdesk_viewer"
GROUPS: dict[Role, str] = {Role.ADMIN: ADMIN_GROUP, Role.MANAGER: MANAGER_GROUP,
                           Role.VIEWER: VIEWER_GROUP}
# Lower case only: libpq does not fold a URL's user name, and a name typed "Alice" in psql
# would be folded to another role.
NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
INSUFFICIENT_PRIVILEGE = "42501"

_WHO = """
    SELECT u.rolname AS name, u.rolsuper AS superuser,
           a.oid IS NULL AS no_groups,
           to_regclass('alembic_version') IS NULL AS empty,
           coalesce(pg_has_role(u.oid, (SELECT relowner FROM pg_class
                                        WHERE oid = to_regclass('alembic_version')), 'USAGE'),
                    false) AS owner,
           coalesce(pg_has_role(u.oid, a.oid, 'USAGE'), false) AS admin,
           coalesce(pg_has_role(u.oid, m.oid, 'USAGE'), false) AS manager,
           coalesce(pg_has_role(u.oid, v.oid, 'USAGE'), false) AS viewer
    FROM pg_roles u
    LEFT JOIN pg_roles a ON a.rolname = 'renewdesk_admin'
    LEFT JOIN pg_roles m ON m.rolname = 'renewdesk_manager'
    LEFT JOIN pg_roles v ON v.rolname = 'renewdesk_viewer'
"""


@dataclass(frozen=True)
class User:
    name: str
    role: Role


def refused_for_role(error: BaseException) -> bool:
    """The server refused a write for the user's role: a grant missing, or a row-level policy
    ("new row violates row-level security policy"), both SQLSTATE 42501; through SQLAlchemy
    (its `orig`) or psycopg itself."""
    return getattr(getattr(error, "orig", None) or error, "sqlstate", None) == \
        INSUFFICIENT_PRIVILEGE


def team_mode(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def database_user(connection: Connection) -> str | None:
    """The user the database knows this session by (the audit's who, EV-2); None on SQLite."""
    if not team_mode(connection):
        return None
    return str(connection.scalar(text("SELECT session_user")))


def role_of(connection: Connection) -> Role:
    """This session's role; a login with none of the three is refused, in words."""
    if not team_mode(connection):
        return Role.ADMIN
    row = connection.execute(text(_WHO + " WHERE u.rolname = session_user")).mappings().one()
    role = _role(row)
    if role is None:
        raise InputError("database_user_without_role", user=row["name"])
    return role


def _role(row: RowMapping) -> Role | None:
    if row["no_groups"] or row["empty"] or row["owner"]:
        return Role.ADMIN
    return _team_role(row)


def list_users(connection: Connection) -> list[User]:
    """The users who can log in and have a role (superusers are admins), by name."""
    _team_only(connection)
    rows = connection.execute(text(
        _WHO + " WHERE u.rolcanlogin AND u.rolname NOT LIKE 'pg\\_%' ORDER BY u.rolname")
    ).mappings()
    found = ((row["name"], _team_role(row)) for row in rows)
    return [User(name, role) for name, role in found if role is not None]


def _team_role(row: RowMapping) -> Role | None:
    """A role by the groups' membership (a superuser is admin)."""
    if row["superuser"] or row["admin"]:
        return Role.ADMIN
    return Role.MANAGER if row["manager"] else Role.VIEWER if row["viewer"] else None


def check_name(name: str) -> str:
    if not NAME.fullmatch(name) or name.startswith(("pg_", "renewdesk_")):
        raise InputError("user_name_invalid", user=name)
    return name


def add_user(connection: Connection, name: str, role: Role, password: str | None) -> None:
    """A new login with `role`; `password` None for a server that checks users another way
    (trust, peer, certificates). The caller commits."""
    from psycopg import sql

    _team_only(connection)
    check_name(name)
    if _exists(connection, name):
        raise InputError("user_exists", user=name)
    statement = sql.SQL("CREATE ROLE {} LOGIN {}").format(
        sql.Identifier(name), sql.SQL("CREATEROLE" if role is Role.ADMIN else "NOCREATEROLE"))
    if password is not None:
        statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(password))
    _run(connection, statement)
    _grant(connection, name, role)


def set_role(connection: Connection, name: str, role: Role) -> None:
    """`name`'s role becomes `role` (its other groups revoked, each membership as its grantor
    granted it; one left is refused aloud: `role_not_removed`). Not one's own: an admin does
    not lock the team out by a slip. The caller commits. (On PostgreSQL 16 and later, changing
    CREATEROLE asks for the admin option on the user itself, which its creator and superusers
    hold: another admin is refused by the server, in the role's words.)"""
    from psycopg import sql

    _team_only(connection)
    check_name(name)
    row = connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = :name"),
                             {"name": name}).first()
    if row is None:
        raise InputError("user_unknown", user=name)
    if row[0]:
        raise InputError("user_superuser", user=name)
    if name == database_user(connection):
        raise InputError("own_role")
    for group, grantor in sorted(set(_memberships(connection, name)),
                                 key=lambda held: (held[0], held[1] or "")):
        _revoke(connection, name, group, grantor)
    attribute = "CREATEROLE" if role is Role.ADMIN else "NOCREATEROLE"
    _run(connection, sql.SQL("ALTER ROLE {} {}").format(sql.Identifier(name), sql.SQL(attribute)))
    _grant(connection, name, role)
    left = {group for group, _ in _memberships(connection, name)} - {GROUPS[role]}
    if left:
        raise InputError("role_not_removed", user=name, groups=", ".join(sorted(left)))


def _memberships(connection: Connection, name: str) -> list[tuple[str, str | None]]:
    """`name`'s memberships of the three groups, each with its grantor (None: a grantor since
    dropped, which PostgreSQL 15 and older allow)."""
    rows = connection.execute(text(
        "SELECT g.rolname, r.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member LEFT JOIN pg_roles r ON r.oid = m.grantor "
        "WHERE u.rolname = :name "
        "AND g.rolname IN ('renewdesk_admin', 'renewdesk_manager', 'renewdesk_viewer')"),
        {"name": name}).all()
    return [(str(group), None if grantor is None else str(grantor)) for group, grantor in rows]


def _revoke(connection: Connection, name: str, group: str, grantor: str | None) -> None:
    """One membership revoked as granted: PostgreSQL 16 and later keep a membership per
    grantor, and a REVOKE removes only the current user's (a warning, nothing removed, for
    another's). A revoke the server refuses (another admin's grant, on 16) is left for
    `set_role`'s check to tell."""
    from psycopg import sql

    statement = sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(name))
    if grantor is not None:
        statement = sql.SQL("{} GRANTED BY {}").format(statement, sql.Identifier(grantor))
    try:
        with connection.begin_nested():
            _run(connection, statement)
    except Exception as error:  # the server's refusal passed over, anything else raised
        if not refused_for_role(error):
            raise


def _grant(connection: Connection, name: str, role: Role) -> None:
    from psycopg import sql

    option = sql.SQL(" WITH ADMIN OPTION" if role is Role.ADMIN else "")
    _run(connection, sql.SQL("GRANT {} TO {}{}").format(
        sql.Identifier(GROUPS[role]), sql.Identifier(name), option))


def _exists(connection: Connection, name: str) -> bool:
    return bool(connection.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :name"),
                                  {"name": name}) == 1)


def _team_only(connection: Connection) -> None:
    if not team_mode(connection):
        raise InputError("team_mode_only")


def _run(connection: Connection, statement: sql.Composable) -> None:
    """A statement PostgreSQL takes no parameters in (roles, passwords), composed with its
    names and literals quoted by psycopg, run in the connection's transaction."""
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(statement)
