"""IV-5: the accountant's files for a date range, from the window: the CSV of invoices, credit
notes, payments and refunds, or the FEC.

The file is made off the GUI thread by the same functions as `renewdesk accounting`, and written
there; a refusal (dates the wrong way round, no SIREN for the FEC's name, another currency in a
FEC) is said in words and nothing is written. The FEC goes into a folder under the name the law
gives it (SIREN + FEC + closing date); the CSV to the file chosen.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services import invoice_actions
from renewdesk.services.context import Context
from renewdesk.services.invoice_actions import CSV, FEC
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.checked_amount import PROBLEM_STYLE
from renewdesk.ui.invoice_commands import write
from renewdesk.ui.widgets import label_fields
from renewdesk.ui.widgets import name as accessible

DONE_STYLE = "color: #1e7d32"


def last_month(today: date) -> tuple[date, date]:
    """The month before `today`'s: what an accountant usually asks for."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


class AccountingExportDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountingExportDialog")
        self.setWindowTitle(self.tr("Export for the accountant"))
        self._desk = desk
        self._working = False
        self._chosen = False  # the reader chose where: kept when the format or dates change
        self.saved: Path | None = None
        first, last = last_month(desk.today())
        self.first, self.last = self._date_edit("from", first), self._date_edit("to", last)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.last)
        dates.addStretch(1)

        self.csv = QRadioButton(self.tr("&CSV: invoices, credit notes, payments and refunds, "
                                        "one row each"))
        self.csv.setObjectName("formatCsv")
        self.fec = QRadioButton(self.tr("&FEC (fichier des écritures comptables): the sales "
                                        "and bank journals' entries"))
        self.fec.setObjectName("formatFec")
        group = QButtonGroup(self)
        group.addButton(self.csv)
        group.addButton(self.fec)
        self.csv.setChecked(True)
        self.csv.toggled.connect(self._suggest)
        self.target = QLineEdit()
        self.target.setObjectName("target")
        self.target.textEdited.connect(self._typed)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setObjectName("chooseTarget")
        choose.clicked.connect(self.choose)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(choose)
        self.where_hint = QLabel()
        self.where_hint.setWordWrap(True)
        self.where_hint.setStyleSheet("color: #6b6b6b")

        form = QFormLayout()
        form.addRow(self.tr("Dates:"), dates)
        form.addRow(self.tr("File:"), self.csv)
        form.addRow("", self.fec)
        form.addRow(self.tr("Save to:"), where)
        form.addRow("", self.where_hint)
        label_fields(form)
        accessible(self.first, self.tr("First day"))
        accessible(self.last, self.tr("Last day"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setStyleSheet(DONE_STYLE)
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go = self.buttons.addButton(self.tr("&Export"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("exportGo")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.first.dateChanged.connect(self._suggest)
        self.last.dateChanged.connect(self._suggest)
        self._suggest()
        # As tall as the wrapped words need at this width (Qt's minimum is for a narrower one).
        self.resize(600, layout.totalHeightForWidth(600))

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        return edit

    def kind(self) -> str:
        return FEC if self.fec.isChecked() else CSV

    def dates(self) -> tuple[date, date]:
        first, last = self.first.date(), self.last.date()
        return (date(first.year(), first.month(), first.day()),
                date(last.year(), last.month(), last.day()))

    @staticmethod
    def _documents() -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    @Slot()
    def _suggest(self) -> None:
        """Where the file goes unless the reader chose: the documents folder."""
        fec = self.kind() == FEC
        self.where_hint.setText(
            self.tr("A folder: the FEC takes the name the law gives it (SIREN, FEC, closing "
                    "date).") if fec else self.tr("The CSV is UTF-8 with ';' between "
                                                  "columns, as spreadsheets open it."))
        if self._chosen:
            return
        first, last = self.dates()
        folder = self._documents()
        self.target.setText(str(folder if fec else folder / invoice_actions.csv_name(first,
                                                                                      last)))

    @Slot(str)
    def _typed(self, _text: str) -> None:
        self._chosen = True

    @Slot()
    def choose(self) -> None:
        current = self.target.text().strip() or str(self._documents())
        if self.kind() == FEC:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the FEC"), current)
        else:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the CSV"), current, self.tr("CSV files (*.csv)"))
        if chosen:
            self.target.setText(chosen)
            self._chosen = True

    @Slot()
    def export(self) -> None:
        if self._working:
            return
        text = self.target.text().strip()
        if not text:
            self._show(self.problem, self.tr("Choose where to save the file."))
            return
        kind, (first, last), language = self.kind(), self.dates(), self._desk.language.code
        target = Path(text).expanduser()

        def work(ctx: Context) -> tuple[Path, int]:
            made = invoice_actions.accounting_file(ctx, kind, first, last, language)
            path = target / made.name if target.is_dir() else target
            return write(path, made.data), made.count

        self._working = True
        self.go.setEnabled(False)
        self.problem.hide()
        self._show(self.outcome, self.tr("Making the file…"))
        self._desk.read(("accounting export", id(self)), work, self._done, self._refused)

    def _done(self, answer: tuple[Path, int]) -> None:
        path, count = answer
        self._working = False
        self.go.setEnabled(True)
        self.saved = path
        counted = (self.tr("%n entry(ies)", "", count) if self.kind() == FEC
                   else self.tr("%n row(s)", "", count))
        self._show(self.outcome, self.tr("Saved: %1 (%2)").replace("%1", str(path))
                   .replace("%2", counted))
        self._desk.message(self.tr("Saved: %1").replace("%1", str(path)))

    def _refused(self, message: str) -> None:
        self._working = False
        self.go.setEnabled(True)
        self.outcome.hide()
        self._show(self.problem, message[:1].upper() + message[1:])

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
