"""AR-4 Cancel a scheduled renewal: nothing is charged; auto-renew stays on for later periods."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from renewdesk.domain.errors import InputError
from renewdesk.services import actions
from renewdesk.services.context import Context
from renewdesk.ui.widgets import show_error


class CancelRenewalDialog(QDialog):
    def __init__(self, context: Callable[[], Context], renewal_ref: str, summary: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelRenewalDialog")
        self._context = context
        self.renewal_ref = renewal_ref
        self.setWindowTitle(self.tr("Cancel renewal — %1").replace("%1", renewal_ref))
        text = QLabel(self.tr("Cancel renewal %1 (%2)?\n\nNothing will be charged for this "
                              "period and the customer is told by e-mail. Auto-renew stays on "
                              "for the next periods.").replace("%1", renewal_ref)
                      .replace("%2", summary))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes
                                   | QDialogButtonBox.StandardButton.No)
        buttons.button(QDialogButtonBox.StandardButton.Yes).setText(self.tr("Cancel the &renewal"))
        buttons.button(QDialogButtonBox.StandardButton.No).setText(self.tr("&Keep it"))
        buttons.button(QDialogButtonBox.StandardButton.No).setDefault(True)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    @Slot()
    def apply(self) -> None:
        try:
            actions.cancel_renewal(self._context(), self.renewal_ref)
        except InputError as error:
            show_error(self, str(error))
            return
        self.accept()
