"""Progress of a run with Cancel: the run stops between rounds and leaves nothing half-done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from renewdesk.scheduler.worker import RunRequest

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def stage_text(stage: str) -> str:
    texts = {
        "sync": translate("RunProgressDialog", "Reading the payment provider's events"),
        "settle": translate("RunProgressDialog", "Settling unfinished attempts"),
        "expire": translate("RunProgressDialog", "Expiring plan changes and links"),
        "notices": translate("RunProgressDialog", "Renewal notices"),
        "charges": translate("RunProgressDialog", "Charges"),
        "charge": translate("RunProgressDialog", "Charges"),
        "retries": translate("RunProgressDialog", "Retries"),
        "suspensions": translate("RunProgressDialog", "Suspensions"),
        "usage": translate("RunProgressDialog", "Usage invoices"),
        "emails": translate("RunProgressDialog", "Sending e-mails"),
    }
    return texts.get(stage, stage)


class RunProgressDialog(QDialog):
    cancelRequested = Signal()

    def __init__(self, request: RunRequest | None, parent: QWidget | None = None,
                 title: str | None = None) -> None:
        """`request`: the run shown; None with a `title` for "Sync now", which is a run's first
        step alone."""
        super().__init__(parent)
        self.setObjectName("runProgressDialog")
        self.setWindowTitle(title or (self.tr("Dry run") if request is not None
                                      and request.dry_run else self.tr("Run")))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.stage = QLabel(self.tr("Starting…"))
        self.stage.setObjectName("stage")
        self.rounds = QLabel()
        self.rounds.setObjectName("rounds")
        bar = QProgressBar()
        bar.setRange(0, 0)  # the number of charges is known only as the run goes
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addWidget(bar)
        layout.addWidget(self.rounds)
        layout.addWidget(self.buttons)
        self.resize(420, 150)

    @Slot(str, int)
    def show_progress(self, stage: str, rounds: int) -> None:
        self.stage.setText(stage_text(stage))
        self.rounds.setText(self.tr("%n charge(s) done", "", rounds))

    @Slot()
    def _cancel(self) -> None:
        self.stage.setText(self.tr("Stopping after the charges under way…"))
        self.buttons.setEnabled(False)
        self.cancelRequested.emit()

    def reject(self) -> None:  # Escape and the close button cancel too
        if self.buttons.isEnabled():
            self._cancel()
