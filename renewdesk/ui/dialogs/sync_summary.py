"""What "Sync now" did, in words: the processor's events read and applied, what they changed
(each recorded event as the Activity list names it), the disputes, and what went wrong."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services.run_due import RunReport
from renewdesk.ui import i18n
from renewdesk.ui.dialogs.checked_amount import PROBLEM_STYLE
from renewdesk.ui.widgets import fill_table
from renewdesk.ui.widgets import name as accessible


class SyncSummaryDialog(QDialog):
    def __init__(self, report: RunReport, recorded: tuple[tuple[str, str], ...],
                 disputes: tuple[str, ...], language: i18n.Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncSummary")
        self.setWindowTitle(self.tr("Sync now: done"))
        synced = report.synced
        read = synced.read if synced is not None else 0
        applied = synced.applied if synced is not None else 0
        lines = [self.tr("%n event(s) read from the payment provider", "", read)
                 + self.tr(", %n of them changed something here.", "", applied)]
        if report.refunds_settled:
            lines.append(self.tr("%n refund(s) left without an answer were settled.", "",
                                 report.refunds_settled))
        if report.settled:
            lines.append(self.tr("%n payment(s) concluded.", "", len(report.settled)))
        if report.cancelled:
            lines.append(self.tr("Stopped before the end: the next sync or run goes on from "
                                 "there."))
        if not recorded:
            lines.append(self.tr("Nothing changed."))
        summary = QLabel("\n".join(lines))
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if disputes:
            alert = QLabel("\n".join(f"⚠ {line}" for line in disputes))
            alert.setObjectName("disputes")
            alert.setStyleSheet(PROBLEM_STYLE + "; font-weight: bold")
            alert.setWordWrap(True)
            layout.addWidget(alert)
        if recorded:
            self.changes = QTableWidget()
            self.changes.setObjectName("changes")
            accessible(self.changes, self.tr("What the processor changed"))
            fill_table(self.changes, [self.tr("What changed"), self.tr("Subject")],
                       [(i18n.event_text(kind), subject) for kind, subject in recorded])
            layout.addWidget(self.changes, 1)
        problems = self._problems(report, language)
        if problems:
            said = QLabel(self.tr("Problems:") + "\n" + "\n".join(problems))
            said.setObjectName("problems")
            said.setStyleSheet(PROBLEM_STYLE)
            said.setWordWrap(True)
            said.setToolTip("\n".join(report.problems))  # the provider's own words
            layout.addWidget(said)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 300 if recorded else 0)

    def _problems(self, report: RunReport, language: i18n.Language) -> list[str]:
        synced, said = report.synced, []
        if synced is not None and synced.problem:
            said.append(self.tr("The payment provider could not be read to the end; the next "
                                "sync or run goes on from where this one stopped."))
        if synced is not None and synced.lost_before is not None:
            said.append(self.tr("The payment provider no longer keeps its events before %1: "
                                "payments still open are asked about one by one.").replace(
                "%1", language.day(synced.lost_before.date())))
        others = len(report.problems) - len(said)  # the refunds left unsettled, one each
        if others > 0:
            said.append(self.tr("%n refund(s) could not be settled now: the next run asks the "
                                "payment provider again.", "", others))
        return said
