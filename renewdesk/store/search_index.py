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

GIN reads the whole posting list of every trigram a pattern has, and a trigram most values hold
("sit" and "ite" of every "site…" label: a million entries each) costs most of a search while
narrowing it least: "site77777" took 15 ms where "te77777" takes 1. So the index is asked for the
part of a word whose trigrams are not in most values, by the planner's own statistics of the
indexed columns (`shares`, read from pg_stats now and then), and the whole word is checked on the
rows it gives (`narrowed`).
"""

from __future__ import annotations

import itertools
import math
import re
import time
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
_SERVICE_ROWS_S = "(s.ref || chr(31) || s.label || '')"  # the same words, that no index has
# The longest words a search looks up by index (2**n branches); more are checked on the rows.
MAX_DRIVERS = 3
# A trigram in more than this share of the values is not looked up (`narrowed`).
UBIQUITOUS = 0.5
# A trigram the statistics never saw: as rare as this.
_UNSEEN = 0.001
# A word is narrowed only when its part is expected in at most this share of the values: each
# row the index gives is then checked twice (the part, the word), which costs more than the
# ubiquitous trigrams' lists for a common word ("domain": 450 ms whole, 630 ms narrowed).
NARROWED_AT_MOST = 0.01
# How long the statistics' shares are kept before they are read again.
SHARES_KEPT_S = 600.0
_shares: weakref.WeakKeyDictionary[Engine, tuple[float, dict[str, dict[str, float]]]] = \
    weakref.WeakKeyDictionary()
# The planner's statistics of the services' indexed words (the index's expression) and of the
# customers' names: the most common values with their shares, and a histogram of the others.
_STATISTICS = text(
    "SELECT tablename, null_frac, most_common_vals::text::text[] AS vals, "
    "most_common_freqs AS freqs, histogram_bounds::text::text[] AS bounds FROM pg_stats "
    "WHERE schemaname = current_schema() AND ((tablename = 'ix_service_words_trgm' AND "
    "attname = 'expr') OR (tablename = 'customer' AND attname = 'name'))")


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


def _trigrams(value: str) -> set[str]:
    """The trigrams of a value's runs of ASCII letters and digits, in lower case (as pg_trgm
    has them inside a word)."""
    found: set[str] = set()
    for run in re.findall(r"[A-Za-z0-9]{3,}", value):
        run = run.lower()
        found.update(run[i:i + 3] for i in range(len(run) - 2))
    return found


def _column_shares(null_frac: float, values: list[str] | None, freqs: list[float] | None,
                   bounds: list[str] | None) -> dict[str, float]:
    """The share of a column's values holding each trigram, estimated from its statistics."""
    shares: dict[str, float] = {}
    values, freqs, bounds = values or [], freqs or [], bounds or []
    for value, freq in zip(values, freqs, strict=False):
        for gram in _trigrams(value):
            shares[gram] = shares.get(gram, 0.0) + freq
    if bounds:
        each = max(0.0, 1.0 - (null_frac or 0.0) - sum(freqs)) / len(bounds)
        for value in bounds:
            for gram in _trigrams(value):
                shares[gram] = shares.get(gram, 0.0) + each
    return shares


def shares(bind: Session | Connection) -> dict[str, dict[str, float]]:
    """PostgreSQL: for the services' words ("service") and the customers' names ("customer"),
    the share of values holding each trigram, from the planner's statistics (read again after
    SHARES_KEPT_S); none known (never analysed, or not readable) leaves the words whole."""
    connection = bind.connection() if isinstance(bind, Session) else bind
    engine = connection.engine
    kept = _shares.get(engine)
    if kept is not None and time.monotonic() - kept[0] < SHARES_KEPT_S:
        return kept[1]
    read = {"ix_service_words_trgm": "service", "customer": "customer"}
    found = {read[r.tablename]: _column_shares(r.null_frac, r.vals, r.freqs, r.bounds)
             for r in connection.execute(_STATISTICS)}
    _shares[engine] = (time.monotonic(), found)
    return found


def narrowed(word: str, column: dict[str, float]) -> str | None:
    """The part of `word` the index is asked for in its place, or None for the word itself: its
    trigrams held by more than UBIQUITOUS of the column's values are left out, and of the runs
    of the others the one that narrows most (the product of its trigrams' shares) is kept, if
    it narrows to NARROWED_AT_MOST. Any part of a word is in every value the word is in; the
    word is checked on the rows found."""
    best, narrowest, dropped = None, 1.0, False
    for match in re.finditer(r"[A-Za-z0-9]{3,}", word):
        typed, run = match.group(), match.group().lower()  # statistics are lower case
        grams = [run[i:i + 3] for i in range(len(run) - 2)]
        start = 0
        while start < len(grams):
            if column.get(grams[start], 0.0) > UBIQUITOUS:
                dropped = True
                start += 1
                continue
            end = start
            while end < len(grams) and column.get(grams[end], 0.0) <= UBIQUITOUS:
                end += 1
            share = math.prod(max(column.get(g, 0.0), _UNSEEN) for g in set(grams[start:end]))
            if share < narrowest:
                # as typed: ILIKE folds its case by the database's own rules, as the word's
                best, narrowest = typed[start:end + 2], share
            start = end
    return best if dropped and narrowest <= NARROWED_AT_MOST else None


def trigram_ids(words: list[str],
                statistics: dict[str, dict[str, float]] | None = None) -> Any | None:
    """PostgreSQL: the ids of the services whose reference, label or customer's name hold every
    word (any case), each once, or None when no word has trigrams (the plain search then reads
    the rows).

    A word is found in the service's columns by their trigram index, or in the customer's name
    by theirs. One branch per way the (up to MAX_DRIVERS longest) words may be shared between
    the two, so that in each the planner starts from the index whose words are rarest; the
    branches are disjoint (a word is taken from the customer's name only where the service's
    columns lack it), so the ids are counted without being deduplicated; the other words are
    checked on the rows each branch finds. `statistics` (`shares`): each index is asked for the
    part of a word whose trigrams few of its values hold (`narrowed`), the word itself then
    checked on the rows (an expression no index has: `|| ''`)."""
    words = list(dict.fromkeys(words))  # a word typed twice is one condition
    drivers = sorted((w for w in words if _drives(w)), key=len, reverse=True)[:MAX_DRIVERS]
    if not drivers:
        return None
    checked = list(words)
    for word in drivers:
        checked.remove(word)
    params = {f"d{n}": like_pattern(w) for n, w in enumerate(drivers)}
    params |= {f"c{n}": like_pattern(w) for n, w in enumerate(checked)}
    # Only placeholders are composed here: the index's part of a word, and the word itself on
    # the rows, for each side it may be found on.
    sides: dict[str, list[str]] = {}
    for side, key, indexed, unindexed in (("service", "s", _SERVICE_WORDS_S, _SERVICE_ROWS_S),
                                          ("customer", "k", "c.name", "(c.name || '')")):
        sides[side] = []
        for n, word in enumerate(drivers):
            part = narrowed(word, (statistics or {}).get(side, {}))
            if part is None:
                sides[side].append(f"{indexed} ILIKE :d{n}")
            else:
                params[f"{key}{n}"] = like_pattern(part)
                sides[side].append(f"{indexed} ILIKE :{key}{n} AND {unindexed} ILIKE :d{n}")
    # Only placeholders are composed here; the words themselves are bound parameters.
    rest = [f"({_SERVICE_WORDS_S} ILIKE :c{n} OR c.name ILIKE :c{n})" for n in range(len(checked))]
    branches = []
    for where in itertools.product(("service", "customer"), repeat=len(drivers)):
        found = [(f"NOT {_SERVICE_WORDS_S} ILIKE :d{n} AND {sides['customer'][n]}"
                  if side == "customer" else sides["service"][n])
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
