"""AR-4 Cancel a scheduled renewal: nothing is charged; auto-renew stays on for later periods.
The cancellation is made off the GUI thread; the dialog closes once it is done, or shows why
not and stays open."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from renewdesk.services import actions
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import SendingDialog


class CancelRenewalDialog(SendingDialog):
    def __init__(self, desk: Desk, renewal_ref: str, summary: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelRenewalDialog")
        self._desk = desk
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
        ref = self.renewal_ref
        self._desk.change(self, lambda ctx: actions.cancel_renewal(ctx, ref),
                          lambda _done: self.accept())
