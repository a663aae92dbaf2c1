"""A list's columns fit what it shows: the rows arrive from a worker after the list is built
(SC-1), so the columns are fitted once they have, and never again over widths the user set."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.ui.conftest import desk_app
from tests.ui.helpers import rows_read, settle

LONG = "Hébergement mutualisé premium du domaine exemple-de-libellé-long.fr"


def _load(world: World) -> None:
    world.load(document([customer("C1", card("A"))],
                        [{**service("S1", "C1", "2027-03-01"), "label": LONG}]))


def _services_shown(window: Any) -> tuple[Any, int]:
    """The Services list on screen with its rows read, and its label column."""
    page = window.pages["services"]
    window.tabs.setCurrentWidget(page)
    settle(page.model)  # the count first, then the rows it tells of
    rows_read(page.model)
    return page, [c.key for c in page.model.listing.columns].index("label")


def test_sc1_columns_are_fitted_to_the_rows_once_they_arrive(
        world: World, qtbot: Any, open_window: Any) -> None:
    _load(world)
    page, column = _services_shown(open_window(desk_app(world, "2026-11-01")))
    text_width = page.table.fontMetrics().horizontalAdvance(LONG)
    qtbot.waitUntil(lambda: page.table.columnWidth(column) >= text_width, timeout=10_000)


def test_sc1_widths_the_user_set_are_kept(world: World, qtbot: Any, open_window: Any) -> None:
    _load(world)
    first = open_window(desk_app(world, "2026-11-01"))
    page, column = _services_shown(first)
    page.table.setColumnWidth(column, 77)  # as the user drags it
    first.close()  # the layout is saved
    assert QSettings().value("columns/services") is not None
    page, column = _services_shown(open_window(desk_app(world, "2026-11-01")))
    # Fitting would have come with the rows (in the slot that takes them in): they are here.
    assert page.table.columnWidth(column) == 77


def test_sc1_a_list_first_read_empty_fits_its_columns_to_the_rows_that_come_later(
        world: World, qtbot: Any, open_window: Any) -> None:
    """The first run's path: Services opened on an empty database, then an import."""
    window = open_window(desk_app(world, "2026-11-01"))
    page, column = _services_shown(window)
    assert page.model.rowCount() == 0 and not page.model.has_rows
    _load(world)
    window.refresh_all()
    settle(page.model)
    rows_read(page.model)
    text_width = page.table.fontMetrics().horizontalAdvance(LONG)
    qtbot.waitUntil(lambda: page.table.columnWidth(column) >= text_width, timeout=10_000)
