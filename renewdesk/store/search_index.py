"""The services' full-text index (migration 0003, SQLite only, not mapped by the models).

`service_search` is an FTS5 table with the trigram tokenizer: one row per service, its reference,
label and customer's name. Triggers do not write it (an FTS5 insert inside a trigger costs an
index segment per row); they note the service in `service_search_stale`, and `catch_up` brings
the index up to date in one statement. A search is right either way: it takes the index's
answer for services not noted, and reads the noted ones themselves. Bulk writers (import, the
nightly run, the database copy) catch up when they finish.

Words of three characters or more are looked up by trigram; a search with only shorter words,
or with LIKE's own wildcards in it, searches the plain way.

On PostgreSQL (migration 0010) there is no such table: pg_trgm's GIN indexes, one over a
service's reference and label, one over the customers' names, serve ILIKE itself. Each word
gives the ids of the services it matches by their own index, and of the services of the
customers it matches by theirs (`trigram_ids`); the database keeps both indexes up to date in the
same transaction as the rows, so a renamed customer is found by the new name at once.
"""

from __future__ import annotations

import itertools
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


# PostgreSQL's trigram indexes (migration 0010): expression and operator-class indexes that the
# models do not declare.
TRIGRAM_INDEXES = ("ix_service_words_trgm", "ix_customer_name_trgm")
# The expression the services' trigram index is built on, word for word (the planner uses the
# index only for the very expression it indexes).
SERVICE_WORDS = "(ref || chr(31) || label)"
_SERVICE_WORDS_S = "(s.ref || chr(31) || s.label)"  # the same, of the service aliased `s`
# The longest words a search looks up by index (2**n branches); more are checked on the rows.
MAX_DRIVERS = 3


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """For Alembic's comparison of database and models: the indexes are not mapped."""
    return not ((type_ == "table" and is_own_table(name))
                or (type_ == "index" and name in TRIGRAM_INDEXES))


def present(bind: Session | Connection) -> bool:
    connection = bind.connection() if isinstance(bind, Session) else bind
    engine = connection.engine
    if engine not in _present:
        _present[engine] = connection.dialect.name == "sqlite" and connection.scalar(text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": TABLE}) == 1
    return _present[engine]


def trigram(bind: Session | Connection) -> bool:
    """PostgreSQL: the search goes through pg_trgm's indexes (`trigram_ids`)."""
    return bind.get_bind().dialect.name == "postgresql" if isinstance(bind, Session) \
        else bind.dialect.name == "postgresql"


def like_pattern(word: str) -> str:
    """`%word%` with LIKE's own wildcards (and its escape) taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _drives(word: str) -> bool:
    """pg_trgm finds a word by its trigrams only when three of its characters in a row are
    letters or digits; a shorter word would read the whole index, and is checked on the rows
    the others find instead."""
    run = 0
    for char in word:
        run = run + 1 if char.isalnum() else 0
        if run == 3:
            return True
    return False


def trigram_ids(words: list[str]) -> Any | None:
    """PostgreSQL: the ids of the services whose reference, label or customer's name hold every
    word (any case), each once, or None when no word has trigrams (the plain search then reads
    the rows).

    A word is found in the service's columns by their trigram index, or in the customer's name
    by theirs. One branch per way the (up to MAX_DRIVERS longest) words may be shared between
    the two, so that in each the planner starts from the index whose words are rarest; the
    branches are disjoint (a word is taken from the customer's name only where the service's
    columns lack it), so the ids are counted without being deduplicated; the other words are
    checked on the rows each branch finds."""
    words = list(dict.fromkeys(words))  # a word typed twice is one condition
    drivers = sorted((w for w in words if _drives(w)), key=len, reverse=True)[:MAX_DRIVERS]
    if not drivers:
        return None
    checked = list(words)
    for word in drivers:
        checked.remove(word)
    params = {f"d{n}": like_pattern(w) for n, w in enumerate(drivers)}
    params |= {f"c{n}": like_pattern(w) for n, w in enumerate(checked)}
    # Only placeholders are composed here; the words themselves are bound parameters.
    rest = [f"({_SERVICE_WORDS_S} ILIKE :c{n} OR c.name ILIKE :c{n})" for n in range(len(checked))]
    branches = []
    for where in itertools.product(("service", "customer"), repeat=len(drivers)):
        found = [(f"NOT {_SERVICE_WORDS_S} ILIKE :d{n} AND c.name ILIKE :d{n}"
                  if side == "customer" else f"{_SERVICE_WORDS_S} ILIKE :d{n}")
                 for n, side in enumerate(where)]
        where_ = " AND ".join(found + rest)
        # The customer is joined only where a word is looked for in its name: every service
        # has one (a foreign key, not null), and the join cost a common word's count most of
        # its time (a hash of every customer for "site1").
        joined = "JOIN customer c ON c.id = s.customer_id " if "customer" in where or rest \
            else ""
        branches.append(f"SELECT s.id FROM service s {joined}WHERE {where_}")  # noqa: S608
    return text(" UNION ALL ".join(branches)).bindparams(**params).columns(column("id"))


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
    params |= {f"s{n}": w for n, w in enumerate(words) if len(w) < 3}
    # Only placeholders are composed here; the words themselves are bound parameters. A word
    # of fewer than three characters has no trigram: it is checked on the rows the others find
    # (the same test as LIKE's: ASCII letters in any case); given to FTS5 as a LIKE beside two
    # others, SQLite 3.40's trigram tokenizer crashes the process ("martin s1 .fr").
    indexed = " AND ".join(f"words LIKE :w{n}" if len(w) >= 3
                           else f"instr(lower(words), lower(:s{n})) > 0"
                           for n, w in enumerate(words))
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
