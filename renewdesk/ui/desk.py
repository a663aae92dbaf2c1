"""What the pages and dialogs of the window share, passed in rather than reached globally, and
the two ways they reach the database: `read` and `change`, both off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from renewdesk.app import App
from renewdesk.services.context import Context
from renewdesk.ui.i18n import Language
from renewdesk.ui.operations import Operations, Reader
from renewdesk.ui.widgets import show_error

T = TypeVar("T")


@dataclass
class Desk:
    app: App
    operations: Operations
    changed: Callable[[], None]  # data changed: every list re-reads what it shows
    open_customer: Callable[[str], None]
    message: Callable[[str], None]  # a line in the status bar
    reader: Reader  # the window's reads, off the GUI thread
    language: Language  # how money and dates are shown

    def context(self) -> Context:
        """For the window's reads and actions, which queue e-mails but never send them."""
        return self.app.context(delivery=False)

    def today(self) -> date:
        return self.app.today()

    def read(self, key: Hashable, work: Callable[[Context], T], done: Callable[[T], None],
             failed: Callable[[str], None] | None = None) -> None:
        """`work` on the reader's thread with a context of its own; `done` on the GUI thread
        with its result. A newer read by the same `key` supersedes an older one."""
        app = self.app
        self.reader.read(key, lambda: work(app.context(delivery=False)), done, failed)

    def change(self, parent: QWidget, work: Callable[[Context], T], done: Callable[[T], None],
               failed: Callable[[str], None] | None = None) -> None:
        """A change made off the GUI thread with a context of its own. `parent` (the dialog or
        page that asked) is disabled meanwhile, so nothing is sent twice; `done` runs on the GUI
        thread with the result (if `parent` was closed meanwhile, the lists are refreshed
        instead); a refusal, in the window's language, goes to `failed` or is shown over
        `parent`, and so does "another operation is under way" when it could not start."""
        app = self.app
        parent.setEnabled(False)

        def finished(result: T) -> None:
            if not shiboken6.isValid(parent):
                self.changed()  # what it did is shown, though whoever asked is gone
                return
            parent.setEnabled(True)
            done(result)

        def refused(message: str) -> None:
            if not shiboken6.isValid(parent):
                return
            parent.setEnabled(True)
            if failed is not None:
                failed(message)
            else:
                show_error(parent, message)

        if not self.operations.start(lambda: work(app.context(delivery=False)), finished,
                                     refused):
            refused(QCoreApplication.translate(
                "Desk", "Another operation is under way; try again when it has finished."))
