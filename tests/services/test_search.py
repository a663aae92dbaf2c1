"""The lists' search (issue 6's 100 ms on a million services): on SQLite the Services list is
searched through a trigram index kept by migration 0003's triggers. Whatever the index's state
(caught up or with changes noted), it finds exactly what the plain search finds; on PostgreSQL
the plain search answers. A filter matching few rows and a sort read the same rows in the same
order as before."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from renewdesk.domain.policy import Policy
from renewdesk.services import listing
from renewdesk.services.listing import SERVICES, Query
from renewdesk.store import search_index
from renewdesk.store.models import Customer, Service
from tests.builders import card, customer, document, service
from tests.conftest import World

TODAY = date(2026, 11, 1)
QUERIES = ("lilas", "s1", "S12", "s12.fr", "Dupont s2", "MARTIN", "artin s3", "zzz", "s1 s1",
           "éa", "100%", "s_1", "Dupont")


def found(session: Session, query: Query) -> list[str]:
    count = SERVICES.count(session, query)
    rows = SERVICES.page(session, query, 0, 500, Policy(), TODAY, matching=count)
    assert len(rows) == count
    return [row[0] for row in rows]


def plain(session: Session, query: Query, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(search_index, "present", lambda _bind: False)
        return found(session, query)


@pytest.fixture
def shop(world: World) -> World:
    world.load(document(
        [customer("C1", card("A"), name="Jean Dupont"),
         customer("C2", card("B"), name="Léa Martin"),
         customer("C3", card("C"), name="Zoé Rousseau")],
        [service(f"S{n}", f"C{n % 3 + 1}", "2027-06-01") for n in range(1, 40)]))
    return world


def test_search_by_index_finds_what_the_plain_search_finds(
        shop: World, monkeypatch: pytest.MonkeyPatch) -> None:
    with shop.session() as session:
        indexed = search_index.present(session)
        assert indexed == (session.get_bind().dialect.name == "sqlite")
        for text in QUERIES:
            query = Query(text=text)
            assert found(session, query) == plain(session, query, monkeypatch), text
        # C2 (Léa Martin) holds S1, S4, S7, … S37: every word must match, in any column.
        assert found(session, Query(text="martin s3")) == ["S31", "S34", "S37"]


def test_search_follows_renames_and_deletions_before_and_after_the_index_catches_up(
        shop: World, monkeypatch: pytest.MonkeyPatch) -> None:
    with shop.session() as session:
        session.execute(update(Customer).where(Customer.ref == "C2").values(name="Léa Fontaine"))
        session.execute(update(Service).where(Service.ref == "S4").values(label="boutique.fr"))
        session.execute(delete(Service).where(Service.ref == "S7"))
        session.commit()
        for noted in (13, 0):  # with the changes noted (C2's 13 services), then caught up
            assert found(session, Query(text="martin")) == []
            fontaine = found(session, Query(text="fontaine"))
            assert fontaine == plain(session, Query(text="fontaine"), monkeypatch)
            assert "S1" in fontaine and "S4" in fontaine and "S7" not in fontaine
            assert found(session, Query(text="boutique")) == ["S4"]
            assert found(session, Query(text="s4.fr")) == []
            assert found(session, Query(text="s7.fr")) == []
            caught = search_index.catch_up(session.connection())
            session.commit()
            assert caught == (noted if search_index.present(session) else 0)


def test_an_import_and_a_run_leave_the_index_caught_up(shop: World) -> None:
    """On SQLite nothing is left noted and every service is indexed; PostgreSQL has no index,
    and catching up there does nothing."""
    shop.run("2026-11-01")
    with shop.session() as session:
        connection = session.connection()
        if connection.dialect.name != "sqlite":
            assert not search_index.present(session)
            assert search_index.catch_up(connection) == 0
            return
        assert connection.exec_driver_sql("SELECT count(*) FROM service_search_stale").scalar() == 0
        indexed = connection.exec_driver_sql("SELECT count(*) FROM service_search").scalar()
        assert indexed == session.scalar(select(Service.id).order_by(Service.id.desc()).limit(1))


def test_a_few_matching_rows_come_in_the_same_order_whichever_way_they_are_read(
        shop: World) -> None:
    with shop.session() as session:
        for query in (Query(filter="active", sort="label", descending=True),
                      Query(text="dupont", sort="customer"), Query(text="s2", sort="expires_on")):
            count = SERVICES.count(session, query)
            few = SERVICES.page(session, query, 0, 500, Policy(), TODAY, matching=count)
            walked = SERVICES.page(session, query, 0, 500, Policy(), TODAY, matching=None)
            assert few == walked and len(few) == count > 0
        assert SERVICES.page(session, Query(filter="suspended"), 0, 50, Policy(), TODAY,
                             matching=0) == []
    assert listing.FEW >= 500


def test_a_control_character_typed_in_the_search_box_is_a_space_on_both_databases(
        shop: World) -> None:
    """Issue 16: a NUL pasted into the box reached PostgreSQL, which refuses it in a query; the
    same search gives the same rows on both databases."""
    with shop.session() as session:
        assert found(session, Query(text="martin\x00s3")) == ["S31", "S34", "S37"]
        assert found(session, Query(text="\x00")) == found(session, Query(text=""))
