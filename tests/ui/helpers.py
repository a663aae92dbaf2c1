"""Driving lists the way a user does: find rows by reference, select them, click."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from renewdesk.ui.views.list_page import ListPage


def select_rows(page: ListPage, *refs: str) -> None:
    page.table.clearSelection()
    model = page.model
    model.activate()  # as if shown
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for ref in refs:
        row = next((r for r in range(model.rowCount()) if model.ref(r) == ref), None)
        assert row is not None, f"{ref} is not in the {model.listing.name} list"
        page.table.selectionModel().select(model.index(row, 0), flags)
        page.table.selectionModel().setCurrentIndex(model.index(row, 0),
                                                    QItemSelectionModel.SelectionFlag.NoUpdate)
