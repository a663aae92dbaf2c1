"""What the pages and dialogs of the window share, passed in rather than reached globally."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from renewdesk.app import App
from renewdesk.services.context import Context
from renewdesk.ui.i18n import Language
from renewdesk.ui.operations import Operations, Reader


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
