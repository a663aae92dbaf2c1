"""The collector paused around large units of work (issue 6): off inside, back on after, and
the cycles made inside freed when it ends. New rows written in the background (issue 23)."""

from __future__ import annotations

import gc
import sqlite3
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, select

from renewdesk.store import db
from renewdesk.store.batches import Background, collected_after
from renewdesk.store.models import Customer, PaymentMethod


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with collected_after():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_cycles_made_inside_are_freed_when_it_ends() -> None:
    with collected_after():
        node = Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None  # nothing collects while paused
    assert gone() is None


def test_nested_uses_leave_it_off_until_the_outermost_ends() -> None:
    with collected_after():
        with collected_after():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collected_after():
        pass
    assert not gc.isenabled()


def test_it_is_back_on_after_an_error_inside() -> None:
    with pytest.raises(ValueError), collected_after():
        raise ValueError("the unit of work failed")
    assert gc.isenabled()


# Rows written in the background (issue 23): on PostgreSQL a part's ids come from the sequence
# and its COPY is left in flight; what the server refuses is raised when it is settled.
def _customers(*refs: str) -> list[dict[str, Any]]:
    return [{"ref": ref, "name": f"Client {ref}", "email": f"{ref.lower()}@example.fr",
             "address": "12 rue des Lilas, 69003 Lyon", "language": "fr"} for ref in refs]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'batches.db'}"
        made = db.make_engine(url)
        db.migrate(made)
        yield made
        made.dispose()
        return
    with request.getfixturevalue("postgres").database() as url:
        made = db.make_engine(url)
        yield made
        made.dispose()


def test_ids_are_known_at_once_and_rows_that_name_them_are_written(engine: Engine) -> None:
    """The ids handed back are the rows' own, in order, before the server has the rows; a
    part naming rows still in flight (methods of new customers: their foreign key) goes in."""
    with engine.connect() as connection:
        background = Background(connection)
        ids = background.add(Customer.__table__, _customers("B1", "B2", "B3"))
        methods = [{"ref": f"{ref}-PM", "customer_id": row_id, "position": 0, "type": "card",
                    "token": "pm_card_visa", "brand": "visa", "last4": "4242", "exp_month": 12,
                    "exp_year": 2030, "holder": "Jean Dupont", "accepted": True}
                   for ref, row_id in ids.items()]
        owned = background.add(PaymentMethod.__table__, methods)
        background.settle()
        stored = dict(connection.execute(select(Customer.ref, Customer.id)).all())
        assert stored == ids and sorted(ids.values()) == [ids["B1"], ids["B2"], ids["B3"]]
        assert dict(connection.execute(select(PaymentMethod.ref, PaymentMethod.customer_id))
                    .all()) == {f"{ref}-PM": ids[ref] for ref in ids}
        assert set(owned) == {"B1-PM", "B2-PM", "B3-PM"}


def test_a_part_the_database_refuses_is_raised_when_settled(engine: Engine) -> None:
    """All or nothing: a part the database refuses (a reference taken) is raised when it is
    written (SQLite) or at the latest when it is settled, and not when the caller is failing
    already (it rolls back)."""
    refused = (sqlite3.IntegrityError, psycopg.IntegrityError)  # the driver's own
    with engine.connect() as connection:
        with connection.begin():
            first = Background(connection)
            first.add(Customer.__table__, _customers("B1"))
            first.settle()
        for failing in (False, True):
            with connection.begin() as transaction:
                background = Background(connection)
                try:
                    background.add(Customer.__table__, _customers("B2", "B1"))
                except refused:
                    assert engine.dialect.name == "sqlite"
                else:
                    if failing:
                        background.settle(failing)
                    else:
                        with pytest.raises(refused):
                            background.settle()
                transaction.rollback()
        assert connection.scalars(select(Customer.ref)).all() == ["B1"]
