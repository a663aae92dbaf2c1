"""The Services list's search on both databases (issue 23: issue 6's 100 ms on PostgreSQL too).
On PostgreSQL it goes through pg_trgm's indexes (migration 0010: the service's reference and
label, the customer's name); on SQLite through its full-text index. Either way a service is
found by a substring of any of its three columns, in any case, every word in some column; LIKE's
wildcards typed in the box are plain characters; a renamed customer is found by the new name at
once; and the answers are the plain search's, on both databases alike."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, inspect, update
from sqlalchemy.orm import Session

from renewdesk.domain.policy import Policy
from renewdesk.services import listing
from renewdesk.services.listing import SERVICES, Query
from renewdesk.store import search_index
from renewdesk.store.models import Customer, Service
from tests.builders import card, customer, document, service
from tests.conftest import World

TODAY = date(2026, 11, 1)

# (search, the references it finds); the same on both databases.
EXPECTED = (
    ("s12", ["S12"]),  # a reference
    ("S12.FR", ["S12"]),  # a label, another case
    ("ROUSSEAU", ["S11", "S2", "S5", "S8"]),  # the customer's name
    ("zoé s5", ["S5"]),  # one word in the name, one in the reference
    ("s1 s1", ["S1", "S10", "S11", "S12"]),
    ("martin s1 .fr lilas", []),  # four words, one found nowhere
    ("martin s1 .fr s10", ["S10"]),  # four words (more than the indexes' three)
    ("100%", ["S11"]),  # LIKE's % typed: a plain character
    ("s_1", ["S12"]),  # LIKE's _ typed: a plain character, not "any one"
    ("a\\b", ["S10"]),  # LIKE's escape character typed
    ("s1", ["S1", "S10", "S11", "S12"]),  # a short word alone: read from the rows
    ("ARTIN s1", ["S1", "S10"]),  # a short word beside a long one
    ("zzz", []),
)


def found(session: Session, query: Query, matching: bool = True) -> list[str]:
    count = SERVICES.count(session, query)
    rows = SERVICES.page(session, query, 0, 500, Policy(), TODAY,
                         matching=count if matching else None)
    assert len(rows) == count
    return [row.ref for row in rows]


def plain(session: Session, query: Query, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(search_index, "present", lambda _bind: False)
        patch.setattr(search_index, "trigram", lambda _bind: False)
        return found(session, query)


@pytest.fixture
def shop(world: World) -> World:
    world.load(document(
        [customer("C1", card("A"), name="Jean Dupont"),
         customer("C2", card("B"), name="Léa Martin"),
         customer("C3", card("C"), name="Zoé Rousseau")],
        [service(f"S{n}", f"C{n % 3 + 1}", "2027-06-01") for n in range(1, 13)]))
    with world.session() as session:
        for ref, label in (("S10", "a\\b.fr"), ("S11", "remise 100%"), ("S12", "s_1 s12.fr")):
            session.execute(update(Service).where(Service.ref == ref).values(label=label))
        session.commit()
    return world


def test_sc1_search_finds_by_every_column_and_takes_wildcards_literally_on_both_databases(
        shop: World, monkeypatch: pytest.MonkeyPatch) -> None:
    with shop.session() as session:
        for text, refs in EXPECTED:
            query = Query(text=text)
            assert found(session, query) == refs, text
            # Many matching rows are read by checking each row's words: the same rows.
            assert found(session, query, matching=False) == refs, text
            assert plain(session, query, monkeypatch) == refs, text


def test_sc1_search_finds_a_renamed_customer_by_the_new_name_at_once(shop: World) -> None:
    with shop.session() as session:
        session.execute(update(Customer).where(Customer.ref == "C2").values(name="Léa Fontaine"))
        session.commit()
        assert found(session, Query(text="martin")) == []
        assert found(session, Query(text="FONTAINE s1")) == ["S1", "S10"]


def test_sc1_search_with_a_filter_counts_the_rows_both_match(shop: World) -> None:
    with shop.session() as session:
        session.execute(update(Service).where(Service.ref.in_(("S2", "S8")))
                        .values(status="suspended"))
        session.commit()
        query = Query(text="rousseau", filter="suspended", sort="label", descending=True)
        assert found(session, query) == ["S8", "S2"]
        assert found(session, query, matching=False) == ["S8", "S2"]


def test_sc1_postgresql_has_the_trigram_indexes_sqlite_its_full_text_index(
        shop: World) -> None:
    with shop.session() as session:
        bind = session.connection()
        names = {i["name"] for t in ("service", "customer")
                 for i in inspect(bind).get_indexes(t)}
        on_postgresql = bind.dialect.name == "postgresql"
        assert search_index.trigram(session) == on_postgresql
        assert search_index.present(session) == (not on_postgresql)
        assert set(search_index.TRIGRAM_INDEXES) <= names if on_postgresql \
            else not set(search_index.TRIGRAM_INDEXES) & names


def test_sc1_postgresql_search_is_planned_on_both_trigram_indexes(shop: World) -> None:
    """The services' index is on an expression: the search must write it word for word
    (SERVICE_WORDS), or the planner reads every row without a word."""
    with shop.session() as session:
        connection = session.connection()
        if connection.dialect.name != "postgresql":
            return
        seen: list[tuple[str, object]] = []

        def statement(_conn: object, _cursor: object, sql: str, params: object,
                      *_rest: object) -> None:
            seen.append((sql, params))

        event.listen(connection, "before_cursor_execute", statement)
        try:
            assert SERVICES.count(session, Query(text="Rousseau s5.fr")) == 1
        finally:
            event.remove(connection, "before_cursor_execute", statement)
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        sql, params = seen[-1]
        plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql, params))
        assert all(name in plan for name in search_index.TRIGRAM_INDEXES), plan


# Statistics in which a few trigrams are in every value: the words holding them are looked up
# by their other part (`search_index.narrowed`) and checked whole on the rows.
UBIQUITOUS = {"service": {"rem": 1.0, "s12": 1.0, "mai": 0.9},
              "customer": {"rou": 1.0, "mar": 1.0, "ous": 0.7, "dup": 1.0}}


def test_sc1_a_word_looked_up_by_its_uncommon_part_is_still_checked_whole(
        shop: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23: on PostgreSQL the index is asked for the part of a word whose trigrams few
    values hold (the statistics say which); the answers are the same, the word being checked
    whole on the rows the part finds."""
    monkeypatch.setattr(search_index, "shares", lambda _bind: UBIQUITOUS)
    assert search_index.narrowed("ROUSSEAU", UBIQUITOUS["customer"]) == "USSEAU"
    assert search_index.narrowed("remise", UBIQUITOUS["service"]) == "emise"
    with shop.session() as session:
        for text, refs in (*EXPECTED, ("REMISE", ["S11"]), ("remise 100", ["S11"]),
                           ("emise", ["S11"]), ("Rousseau s5.fr", ["S5"]),
                           ("MARTIN", ["S1", "S10", "S4", "S7"]), ("sseaux", [])):
            query = Query(text=text)
            assert found(session, query) == refs, text
            assert found(session, query, matching=False) == refs, text
            assert plain(session, query, monkeypatch) == refs, text


def test_sc1_a_word_is_narrowed_only_past_its_ubiquitous_trigrams_and_to_few_values() -> None:
    """Issue 23: the trigrams in most values are left out; of the runs of the others, the one
    the statistics expect in the fewest values is kept, and only if it is expected in few
    (a common word is looked up whole: checking each of its many rows twice costs more)."""
    shares = {"sit": 1.0, "ite": 1.0, "te7": 0.16, "e77": 0.02, "777": 0.03, "te1": 0.28,
              "dom": 0.35, "oma": 0.35, "mai": 0.7, "ain": 0.35}
    narrowed = search_index.narrowed
    assert narrowed("site77777", shares) == "te77777"
    assert narrowed("SITE77777", shares) == "TE77777"  # as typed: ILIKE folds it
    assert narrowed("site1", shares) is None  # te1 alone: in too many values
    assert narrowed("domain", shares) is None
    assert narrowed("hosting", shares) is None  # nothing ubiquitous: the word itself
    assert narrowed("site", shares) is None  # nothing but ubiquitous trigrams
    assert narrowed("site-zzzz", shares) == "zzzz"  # ASCII letters and digits only
    assert narrowed("zoé site12", shares) == "te12"
    assert narrowed("site77777", {}) is None  # no statistics: the word itself


def test_sc1_trigram_shares_are_read_from_the_common_values_and_the_histogram() -> None:
    shares = search_index._column_shares(
        0.1, ["Jean Dupont", "Léa Martin"], [0.3, 0.2], ["Zoé Martin", "Ana Dupont-Roy"])
    # the common values' shares, then the rest (1 - 0.1 - 0.5) shared by the histogram's values
    assert shares["dup"] == pytest.approx(0.3 + 0.2)
    assert shares["mar"] == pytest.approx(0.2 + 0.2)
    assert shares["roy"] == pytest.approx(0.2)
    assert "léa" not in shares and "zoé" not in shares  # ASCII runs only
    assert search_index._column_shares(0.0, None, None, None) == {}


def test_sc1_the_first_search_finds_the_statistics_read_ahead(shop: World) -> None:
    """Issue 23: the list's worker reads what a first search needs after the list's first rows
    (`warm_search`): the search itself then sends only its own statements."""
    engine, reads = shop.app.engine, shop.app.read_sessions()
    search_index._shares.clear()
    seen: list[str] = []

    def statement(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        seen.append(sql)

    event.listen(engine, "before_cursor_execute", statement)
    try:
        listing.warm_search(reads, SERVICES)
        ahead, seen[:] = list(seen), []
        count, rows = listing.count_and_block(reads, SERVICES, Query(text="rousseau"), 200,
                                              lambda: TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", statement)
    assert count == 4 and [row.ref for row in rows] == ["S11", "S2", "S5", "S8"]
    on_postgresql = engine.dialect.name == "postgresql"
    assert [sql for sql in ahead if "pg_stats" in sql] != [] if on_postgresql else ahead == []
    assert seen and not any("pg_stats" in sql for sql in seen), seen
