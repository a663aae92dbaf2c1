"""What an import would do, shown before anything is written: the counts by kind and every
refusal with its position, in the window's language. Shared by the exchange file's and the CSV
file's dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget, QVBoxLayout, QWidget

from renewdesk.services.exchange.preview import Preview
from renewdesk.ui.widgets import fill_table
from renewdesk.ui.widgets import name as accessible


class PreviewPanel(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.summary = QLabel(self.tr("Not previewed yet."))
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.counts = QTableWidget()
        self.counts.setObjectName("previewCounts")
        accessible(self.counts, self.tr("What would be created and updated"))
        self.refusals = QListWidget()
        self.refusals.setObjectName("previewRefusals")
        self.refusals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts, 2)
        refusals = QLabel(self.tr("Refusals:"))
        refusals.setBuddy(self.refusals)
        layout.addWidget(refusals)
        layout.addWidget(self.refusals, 2)

    def kind_text(self, kind: str) -> str:
        return {"customers": self.tr("Customers"), "services": self.tr("Services"),
                "payment_methods": self.tr("Payment methods"),
                "installment_orders": self.tr("Installment orders"),
                "usage": self.tr("Usage records"), "renewals": self.tr("Renewals"),
                "usage_invoices": self.tr("Usage invoices"),
                "notifications": self.tr("Notifications"), "events": self.tr("Events")
                }.get(kind, kind)

    def show_preview(self, preview: Preview) -> None:
        kinds = sorted({k for k, _ in preview.created} | {k for k, _ in preview.updated})
        made, changed = dict(preview.created), dict(preview.updated)
        fill_table(self.counts, [self.tr("Kind"), self.tr("Created"), self.tr("Updated")],
                   [(self.kind_text(k), str(made.get(k, 0)), str(changed.get(k, 0)))
                    for k in kinds], 0, {}, [])
        self.counts.resizeRowsToContents()
        self.refusals.clear()
        self.refusals.addItems([refusal.words(self.language) for refusal in preview.refusals])
        if preview.ok:
            self.summary.setText(self.tr("Nothing is refused: %1 created, %2 updated. Nothing "
                                         "has been written yet.")
                                 .replace("%1", str(sum(made.values())))
                                 .replace("%2", str(sum(changed.values()))))
            self.summary.setStyleSheet("")
        else:
            more = self.tr(" (the first %1 are listed)").replace(
                "%1", str(len(preview.refusals))) if preview.truncated else ""
            self.summary.setText(self.tr("%1 refusal(s): nothing can be imported until they "
                                         "are corrected.").replace(
                "%1", str(len(preview.refusals))) + more)
            self.summary.setStyleSheet("color: #b3261e")

    def show_problem(self, message: str) -> None:
        self.counts.clear()
        self.counts.setRowCount(0)
        self.refusals.clear()
        self.refusals.addItem(message)
        self.summary.setText(self.tr("The file cannot be read."))
        self.summary.setStyleSheet("color: #b3261e")
