"""The services' full-text index (migration 0003, SQLite only, not mapped by the models).

`service_search` is an FTS5 table with the trigram tokenizer: one row per service, its reference,
label and customer's name. Triggers do not write it (an FTS5 insert inside a trigger costs an
index segment per row); they note the service in `service_search_stale`, and `catch_up` brings
the index up to date in one statement. A search is right either way: it takes the index's
answer for services not noted, and reads the noted ones themselves. Bulk writers (import, the
nightly run, the database copy) catch up when they finish.

Words of three characters or more are looked up by trigram; a search with only shorter words,
or with LIKE's own wildcards in it, and PostgreSQL (no such table) search the plain way.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import Connection, Engine, column, text
from sqlalchemy.orm import Session

TABLE = "service_search"
_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()

# A service's words, from the service and customer tables (the index's rows hold the same).
_WORDS = "service.ref || char(31) || service.label || char(31) || customer.name"


def is_own_table(name: str | None) -> bool:
    """The index's tables and FTS5's shadow tables (service_search_data, …)."""
    return bool(name) and (name == TABLE or str(name).startswith(TABLE + "_"))


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """For Alembic's comparison of database and models: the index is not a mapped table."""
    return not (type_ == "table" and is_own_table(name))


def present(bind: Session | Connection) -> bool:
    connection = bind.connection() if isinstance(bind, Session) else bind
    engine = connection.engine
    if engine not in _present:
        _present[engine] = connection.dialect.name == "sqlite" and connection.scalar(text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": TABLE}) == 1
    return _present[engine]


def usable_for(words: list[str]) -> bool:
    """The index serves a search when one word has three characters (trigrams) and none holds
    LIKE's own wildcards (those are left to the plain search)."""
    return any(len(w) >= 3 for w in words) and not any(c in w for w in words for c in "%_\\")


def service_ids(words: list[str]) -> Any:
    """The ids of services whose reference, label or customer's name hold every word (any
    case): the index's answer (FTS5 reads the rarest word's trigrams) for services whose words
    did not change since it caught up, and the changed ones read directly (CROSS JOIN keeps
    SQLite starting from the few changed ones)."""
    params = {f"w{n}": f"%{w}%" for n, w in enumerate(words)}
    # Only placeholders are composed here; the words themselves are bound parameters.
    indexed = " AND ".join(f"words LIKE :w{n}" for n in range(len(words)))
    changed = " AND ".join(f"({_WORDS}) LIKE :w{n}" for n in range(len(words)))
    return text(
        "SELECT rowid AS id FROM service_search WHERE " + indexed  # noqa: S608
        + " AND +rowid NOT IN (SELECT service_id FROM service_search_stale) "
        "UNION ALL SELECT service.id FROM service_search_stale "
        "CROSS JOIN service ON service.id = service_search_stale.service_id "
        "CROSS JOIN customer ON customer.id = service.customer_id WHERE " + changed
    ).bindparams(**params).columns(column("id"))


def catch_up(connection: Connection) -> int:
    """Re-index the services noted since the last catch-up; how many. A no-op elsewhere."""
    if not present(connection):
        return 0
    noted = connection.scalar(text("SELECT count(*) FROM service_search_stale")) or 0
    if noted:
        connection.execute(text("DELETE FROM service_search WHERE rowid IN "
                                "(SELECT service_id FROM service_search_stale)"))
        connection.execute(text(
            "INSERT INTO service_search (rowid, words) SELECT service.id, " + _WORDS  # noqa: S608
            + " FROM service_search_stale "
            "JOIN service ON service.id = service_search_stale.service_id "
            "JOIN customer ON customer.id = service.customer_id"))
        connection.execute(text("DELETE FROM service_search_stale"))
    return noted
