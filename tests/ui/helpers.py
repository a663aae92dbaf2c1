"""Driving lists the way a user does: find rows by reference, select them, click.

A list reads its rows on a worker thread; these helpers wait, on the condition and never for a
fixed time, until what they look at has arrived.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QItemSelectionModel, QTimer

from renewdesk.ui.models.table import ListingModel
from renewdesk.ui.views.list_page import ListPage


def settle(model: ListingModel, timeout_s: float = 10.0) -> None:
    """Until every read the list asked of its worker has been answered on the GUI thread."""
    deadline = time.monotonic() + timeout_s
    wake = QTimer()  # the wait below returns at least this often
    wake.start(20)
    try:
        while model.loading:
            assert time.monotonic() < deadline, f"the {model.listing.name} list is still reading"
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def cell(model: ListingModel, row: int, column: int, role: Any = None) -> Any:
    """A cell as the view shows it once its block has been read."""
    settle(model)  # the count first: a row past it is no row yet
    if model.row(row) is None or model.loading:
        settle(model)
    index = model.index(row, column)
    return index.data() if role is None else index.data(role)


def rows_read(model: ListingModel) -> None:
    """Every row of the list asked for and read (the lists of tests are small)."""
    for row in range(model.rowCount()):
        model.row(row)
    settle(model)


def select_rows(page: ListPage, *refs: str) -> None:
    page.table.clearSelection()
    model = page.model
    model.activate()  # as if shown
    settle(model)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for ref in refs:
        rows_read(model)
        row = next((r for r in range(model.rowCount()) if model.ref(r) == ref), None)
        assert row is not None, f"{ref} is not in the {model.listing.name} list"
        page.table.selectionModel().select(model.index(row, 0), flags)
        page.table.selectionModel().setCurrentIndex(model.index(row, 0),
                                                    QItemSelectionModel.SelectionFlag.NoUpdate)
    settle(model)  # what the buttons ask of the worker for this selection
