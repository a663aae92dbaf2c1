"""SC-3 "Since last run": before catching up more than one day, show what the run will do.

The report is a dry run's (SC-4): the same e-mails and charges, with amounts and cards, that the
real run makes. "Go ahead" starts the real run; "Not now" changes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services.run_due import RunReport
from renewdesk.ui import i18n
from renewdesk.ui.widgets import fill_table
from renewdesk.ui.widgets import name as accessible


class SinceLastRunDialog(QDialog):
    def __init__(self, report: RunReport, last_run: str, parent: QWidget | None = None,
                 language: i18n.Language | None = None) -> None:
        super().__init__(parent)
        language = language or i18n.installed()
        self.setObjectName("sinceLastRunDialog")
        self.setWindowTitle(self.tr("Since last run"))
        summary = QLabel(self.tr("The last run was as of %1: %n day(s) to catch up, in date "
                                 "order, up to %2.", "", report.caught_up_days)
                         .replace("%1", last_run).replace("%2", language.day(report.as_of)))
        summary.setWordWrap(True)
        tabs = QTabWidget()
        charges = QTableWidget()
        charges.setObjectName("charges")
        fill_table(charges, [self.tr("Subject"), self.tr("Customer"), self.tr("Amount"),
                             self.tr("Card"), self.tr("Expected")],
                   [(c.subject, c.customer, c.amount, c.payment_method, i18n.status_text(c.result))
                    for c in report.charges])
        notices = QTableWidget()
        fill_table(notices, [self.tr("Renewal"), self.tr("Customer"), self.tr("Amount"),
                             self.tr("Charge on")],
                   [(n.renewal_ref, n.customer_ref, n.amount, language.day(n.charge_on))
                    for n in report.notices])
        mails = QTableWidget()
        fill_table(mails, [self.tr("E-mail"), self.tr("To")],
                   [(m.kind, m.to) for m in report.emails])
        other = QLabel(self.tr("Suspensions: %1\nUsage invoices: %2\nPlan changes expiring: %3")
                       .replace("%1", ", ".join(report.suspended) or "—")
                       .replace("%2", ", ".join(report.usage_invoices) or "—")
                       .replace("%3", ", ".join(report.plan_changes_expired) or "—"))
        other.setWordWrap(True)
        for table, words in ((charges, self.tr("Charges")), (notices, self.tr("Notices")),
                             (mails, self.tr("E-mails"))):
            accessible(table, words)
        tabs.addTab(charges, self.tr("Charges (%1)").replace("%1", str(len(report.charges))))
        tabs.addTab(notices, self.tr("Notices (%1)").replace("%1", str(len(report.notices))))
        tabs.addTab(mails, self.tr("E-mails (%1)").replace("%1", str(len(report.emails))))
        tabs.addTab(other, self.tr("Other"))
        buttons = QDialogButtonBox()
        self.go = buttons.addButton(self.tr("&Go ahead"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
