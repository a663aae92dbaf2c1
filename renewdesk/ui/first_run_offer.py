"""When the first-run assistant opens by itself: at the window's start, on an empty database
not finished before (dialogs/first_run.py is the assistant). Apart from it so that the start,
which asks on every database, loads the assistant's pages only when it will show them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from renewdesk.domain.roles import Power, can
from renewdesk.services import first_run
from renewdesk.services.first_run import FirstRunState
from renewdesk.ui.desk import Desk

if TYPE_CHECKING:
    from renewdesk.ui.dialogs.first_run import FirstRunWizard

_FINISHED = "first_run/finished/{}"


def _key(url: str) -> str:
    return _FINISHED.format(hashlib.sha256(url.encode()).hexdigest()[:16])


def mark_finished(url: str) -> None:
    QSettings().setValue(_key(url), True)


def finished_before(url: str) -> bool:
    return str(QSettings().value(_key(url), False)).lower() == "true"


def offer(desk: Desk, parent: QWidget, *, automatic: bool,
          opened: Callable[[FirstRunWizard], None] | None = None) -> None:
    """The assistant over `parent`, once the database has been read off the GUI thread;
    `automatic`: only on an empty database not finished before (the window's start), and only
    for a role that may change the settings it asks for (issue 23)."""
    url = desk.app.url
    if automatic and not can(desk.app.role, Power.SETTINGS):
        return

    def show(state: FirstRunState) -> None:
        if automatic and (not state.empty or finished_before(url)):
            return
        from renewdesk.ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(desk, state, parent)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if opened is not None:
            opened(wizard)
        wizard.open()

    desk.read("first run", first_run.first_run_state, show)
