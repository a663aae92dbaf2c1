"""Every list model of the window passes Qt's model tester; the Services view opens on a
million services and reads its last row, loading blocks rather than the table."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from renewdesk.app import open_app
from renewdesk.services import listing
from renewdesk.store import db as store_db
from renewdesk.store import search_index
from renewdesk.ui.models.table import BLOCK, REF_ROLE, ListingModel
from tests.conftest import Portfolios, World, demo_first_night
from tests.ui.conftest import desk_app
from tests.ui.helpers import cell, settle

MILLION = 1_000_000
_COUNTING = ("WITH RECURSIVE counting (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counting "
             "WHERE n < ?) ")


@pytest.fixture
def portfolio(world: World, portfolios: Portfolios) -> World:
    """The world with a copy of `demo_first_night`'s portfolio, built once a session."""
    portfolios.restore(world, "demo first night", demo_first_night)
    return world


def test_every_list_model_passes_qtmodeltester_sorted_filtered_and_refreshed(
        portfolio: World, qtmodeltester: Any) -> None:
    app = desk_app(portfolio, "2026-12-10")
    try:
        for which in listing.ALL.values():
            model = ListingModel(which, app.factory, app.today)
            settle(model)  # the count is read off the GUI thread
            assert model.rowCount() > 0, f"{which.name} is empty: the check would prove little"
            qtmodeltester.check(model, force_py=True)
            settle(model)  # the blocks the check asked for arrive while it watches
            for column, spec in enumerate(which.columns):
                if spec.sort is not None:
                    model.sort(column, Qt.SortOrder.DescendingOrder)
            for name in which.filters:
                model.set_query(listing.Query(filter=name))
            model.set_query(listing.Query(text="e"))
            model.refresh()
            # The new query's rows replace the old in one reset when its count arrives: before
            # the tester connects a second time (two connections would each see that reset).
            settle(model)
            qtmodeltester.check(model, force_py=True)
            settle(model)
            model.close()  # the tester watches the next model with the same handlers
    finally:
        app.close()


def test_mo1_money_and_statuses_read_in_words_and_colour(portfolio: World) -> None:
    app = desk_app(portfolio, "2026-12-10")
    try:
        model = ListingModel(listing.SERVICES, app.factory, app.today)
        keys = [c.key for c in listing.SERVICES.columns]
        price = cell(model, 0, keys.index("price"))
        assert price.startswith("€") and "." in price  # English: €12.00
        status = model.index(0, keys.index("status"))
        assert cell(model, 0, keys.index("status")) in {"Active", "Suspended", "Overdue"}
        assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
        assert model.index(0, 0).data(REF_ROLE) == model.index(0, 0).data()
    finally:
        app.close()


@pytest.fixture(scope="session")
def million(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of 1,000,000 services (10,000 customers), written with plain SQL once: rows
    counted out by SQLite itself (a recursive WITH), with a page cache the indexes fit in."""
    path = tmp_path_factory.mktemp("million") / "million.db"
    open_app(str(path), env={"RENEWDESK_LOG_DIR": str(path.parent)}).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA cache_size = -400000")  # 400 MB, this connection only
        db.execute(_COUNTING + "INSERT INTO customer (id, ref, name, email, address, language, "
                   "emails_enabled) SELECT n, printf('C%05d', n), 'Client ' || n, "
                   "'c' || n || '@example.fr', '1 rue X, Lyon', 'fr', 1 FROM counting",
                   (10_000,))
        db.execute(_COUNTING + "INSERT INTO service (id, ref, customer_id, kind, label, billing, "
                   "currency, price_minor, period_months, expires_on, auto_renew, status) "
                   "SELECT n, printf('S%07d', n), n % 10000 + 1, 'domain', 'site' || n || '.fr', "
                   "'period', 'EUR', 1200, 12, printf('2027-%02d-%02d', n % 12 + 1, n % 28 + 1), "
                   "0, 'active' FROM counting", (MILLION,))
    engine = store_db.make_engine(store_db.database_url(str(path)))
    with engine.begin() as connection:  # as the importer does after writing services
        assert search_index.catch_up(connection) == MILLION
    engine.dispose()
    return path


def test_services_view_opens_on_a_million_services_and_reads_the_last_row(
        million: Path, open_window: Any, qtbot: Any) -> None:
    app = open_app(str(million), "2026-11-22", env={"RENEWDESK_LOG_DIR": str(million.parent)})
    window = open_window(app)
    page = window.pages["services"]
    window.tabs.setCurrentWidget(page)
    model = page.model
    settle(model)  # the count is read off the GUI thread too
    assert model.rowCount() == MILLION
    page.table.scrollToBottom()
    qtbot.waitExposed(page.table)
    assert cell(model, MILLION - 1, 0) == f"S{MILLION:07d}"
    assert cell(model, MILLION - 1, 2) == f"site{MILLION}.fr"
    assert len(model._blocks) * BLOCK < 20 * BLOCK  # blocks, never the table
    page.search.setText("S0999999")
    page.apply_query()
    settle(model)
    assert model.rowCount() == 1 and cell(model, 0, 0) == "S0999999"


def test_a_slow_count_shows_the_new_querys_rows_as_loading(
        portfolio: World, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    """The old rows stay on screen while a new filter is counted, but not for long: past
    STALE_MS they go, and the rows show as loading until the count arrives."""
    release = threading.Event()
    real = listing.count_and_block

    def held(factory: Any, which: Any, query: listing.Query, *args: Any) -> Any:
        if query.filter:
            assert release.wait(10), "the test never let the count go"
        return real(factory, which, query, *args)

    monkeypatch.setattr(listing, "count_and_block", held)
    app = desk_app(portfolio, "2026-12-10")
    model = ListingModel(listing.SERVICES, app.factory, app.today)
    try:
        settle(model)
        old = model.rowCount()
        assert cell(model, 0, 0).startswith("DEMO-")
        model.set_query(listing.Query(filter="suspended"))
        assert model.row(0) is not None  # at once: the old row
        qtbot.waitUntil(lambda: model.row(0) is None, timeout=5000)  # then: loading
        assert model.rowCount() == old and model.index(0, 0).data() == "loading…"
        release.set()
        settle(model)
        assert 0 < model.rowCount() < old
        cell(model, 0, 0)  # the first block read
        assert model.row(0) is not None and model.row(0).status in ("suspended", "overdue")
    finally:
        release.set()
        model.close()
        app.close()


def test_no_block_is_read_before_the_new_querys_count(
        portfolio: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block asked while a new filter's count is on its way would be planned for the previous
    query's number of rows (on a large list, a slow plan holding the worker the count waits on):
    rows are asked only once the count of their query has arrived, and a new query's first
    block is read with its count, after it (issue 23: one read, no turn of the window between)."""
    read: list[tuple[listing.Query, int | None]] = []
    real = listing.read_block

    def recording(factory: Any, which: Any, query: listing.Query, *args: Any,
                  matching: int | None = None) -> Any:
        read.append((query, matching))
        return real(factory, which, query, *args, matching=matching)

    monkeypatch.setattr(listing, "read_block", recording)
    app = desk_app(portfolio, "2026-12-10")
    try:
        model = ListingModel(listing.SERVICES, app.factory, app.today)
        assert model.row(0) is None  # the count is not in yet: nothing asked
        settle(model)
        assert cell(model, 0, 0)  # the first block came with the count
        assert read == []
        everything = model.rowCount()
        model.refresh()  # data changed: the rows shown are read again, after the new count
        first = model.row(0)  # the row read before stays on screen meanwhile
        assert first is not None and first.ref == model.index(0, 0).data()
        assert read == []  # and nothing is asked before the count
        settle(model)
        assert cell(model, 0, 0) == first.ref
        assert read == [(listing.Query(), everything)]
        model.set_query(listing.Query(filter="suspended"))
        first = model.row(0)  # the old query's row stays on screen until the count arrives
        assert first is not None and first.ref == model.index(0, 0).data()
        assert len(read) == 1  # and nothing is asked for it
        settle(model)
        suspended = model.rowCount()
        assert suspended < everything
        if suspended:
            assert model.row(0) is not None  # its first block came with its count
        assert all(matching == everything and query == listing.Query()
                   for query, matching in read), read
    finally:
        app.close()


def test_a_new_search_is_shown_in_one_reset_with_its_first_rows(
        portfolio: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23 (the search within 100 ms on a team's server): a new search's count and first
    block are one read of the worker, and the model is reset once, with the rows already
    there: no row is shown as loading between the count and the rows, and no second read is
    asked for them."""
    reads: list[str] = []
    for name in ("count_rows", "read_block", "count_and_block"):
        real = getattr(listing, name)

        def recording(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            reads.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(listing, name, recording)
    app = desk_app(portfolio, "2026-12-10")
    model = ListingModel(listing.SERVICES, app.factory, app.today)
    told: list[int] = []
    model.dataChanged.connect(lambda first, _last: told.append(first.row()))
    try:
        settle(model)
        assert told == [0]  # the first rows are told of (a page fits its columns to them)
        ref = cell(model, 0, 0)
        at_reset: list[Any] = []
        model.modelReset.connect(lambda: at_reset.append(
            (model.rowCount(), model.index(0, 0).data())))
        reads.clear()
        model.set_query(listing.Query(text=ref))
        settle(model)
        assert reads == ["count_and_block"]
        assert len(at_reset) == 1 and at_reset[0][1] == ref  # one reset, the row there at once
        assert told == [0]  # and no second telling: the reset repaints them, once
        assert model.row(0) is not None and model.row(0).ref == ref
        assert not model.loading  # nothing more asked for what is shown
        model.set_query(listing.Query(text="no such service anywhere"))
        settle(model)
        assert model.rowCount() == 0 and reads == ["count_and_block"] * 2
    finally:
        model.close()
        app.close()
