"""IN-6 Hand to collection: the order's failed installments go to the collection partner.

Shows what is handed over and where the file goes; the file is written before the change is
committed, so nothing changes if it cannot be written. All attempts end, IN-5 included. The
hand-over is made off the GUI thread; the dialog closes once it is done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services import actions
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import SendingDialog, show_error


class CollectionDialog(SendingDialog):
    def __init__(self, desk: Desk, order_ref: str, customer: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionDialog")
        self._desk = desk
        self.order_ref = order_ref
        self.handoff: actions.Handoff | None = None
        self.setWindowTitle(self.tr("Hand to collection — %1").replace("%1", order_ref))
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.path = QLineEdit(str(Path(folder or Path.home()) / f"collection-{order_ref}.json"))
        self.path.setObjectName("path")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Hand over"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Order %1 of %2 goes to the collection partner with its failed "
                              "installments. This ends every attempt for the order, including "
                              "the final one (Renew payment plan). It cannot be undone.")
                      .replace("%1", order_ref).replace("%2", customer))
        text.setWordWrap(True)
        layout.addWidget(text)
        label = QLabel(self.tr("File for the collection partner:"))
        label.setBuddy(self.path)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 200)

    @Slot()
    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Collection file"),
                                                self.path.text(), "JSON (*.json)")
        if chosen:
            self.path.setText(chosen)

    @Slot()
    def apply(self) -> None:
        text = self.path.text().strip()
        if not text:
            show_error(self, self.tr("Choose where to write the collection file."))
            return
        ref, path = self.order_ref, Path(text)
        self._desk.change(self, lambda ctx: actions.hand_to_collection(ctx, ref, path),
                          self._handed)

    def _handed(self, handoff: actions.Handoff) -> None:
        self.handoff = handoff
        self.accept()
