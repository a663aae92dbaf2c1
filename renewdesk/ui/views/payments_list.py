"""The customer page's payments (RF-1, RF-2): each successful payment with what was refunded of
it and whether it is disputed, and the refund that starts from it.

The rows come with the customer's page (`services.overview`, read off the GUI thread); a
disputed payment is marked by a sign, words and colour, never by colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from renewdesk.ui import i18n
from renewdesk.ui.models.table import ROW_ROLE, STATUS_COLOURS

if TYPE_CHECKING:
    from renewdesk.services.overview import PaymentLine

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

Index = QModelIndex | QPersistentModelIndex

DISPUTED_BACKGROUND = QColor("#fde7e4")
STATE_COLOURS = {"paid": STATUS_COLOURS["paid"], "partly_refunded": STATUS_COLOURS["pending"],
                 "refunded": STATUS_COLOURS["cancelled"], "disputed": STATUS_COLOURS["failed"],
                 "dispute_won": STATUS_COLOURS["paid"], "dispute_lost": STATUS_COLOURS["failed"]}


def state_text(line: PaymentLine, language: i18n.Language) -> str:
    """A payment's state as the account manager reads it."""
    from renewdesk.services.mail import dispute_words
    if line.state == "disputed":
        reason = dispute_words(line.dispute_reason, language.code)
        if line.respond_by is None:
            return translate("Payments", "⚠ Disputed: %1").replace("%1", reason)
        return (translate("Payments", "⚠ Disputed: %1, answer by %2").replace("%1", reason)
                .replace("%2", language.day(line.respond_by)))
    texts = {"paid": translate("Payments", "Paid"),
             "partly_refunded": translate("Payments", "Partly refunded"),
             "refunded": translate("Payments", "Refunded"),
             "dispute_won": translate("Payments", "Dispute won"),
             "dispute_lost": translate("Payments", "Dispute lost")}
    return texts.get(line.state, line.state)


def refunded_text(line: PaymentLine, language: i18n.Language) -> str:
    if not line.refunded.minor:
        return "—"
    if not line.awaiting.minor:
        return language.money(line.refunded)
    return (translate("Payments", "%1 (%2 not yet confirmed)")
            .replace("%1", language.money(line.refunded))
            .replace("%2", language.money(line.awaiting)))


class PaymentsModel(QAbstractTableModel):
    """The customer's payments, newest first; `ROW_ROLE` gives the `PaymentLine`."""

    DATE, REF, WHAT, AMOUNT, METHOD, REFUNDED, STATE = range(7)

    def __init__(self, language: i18n.Language, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.lines: tuple[PaymentLine, ...] = ()

    def set_lines(self, lines: tuple[PaymentLine, ...]) -> None:
        """The same payments again (a refund, a sync): only the rows that changed are
        repainted and the selection stays; other payments: the list is replaced."""
        if [line.ref for line in lines] != [line.ref for line in self.lines]:
            self.beginResetModel()
            self.lines = lines
            self.endResetModel()
            return
        old, self.lines = self.lines, lines
        for row, (before, after) in enumerate(zip(old, lines, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.STATE))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < 7):
            return None
        return (self.tr("Date"), self.tr("Payment"), self.tr("What was paid"), self.tr("Amount"),
                self.tr("Method"), self.tr("Refunded"), self.tr("State"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == ROW_ROLE:
            return line
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(STATE_COLOURS.get(line.state, STATUS_COLOURS["paid"]))
        if role == Qt.ItemDataRole.BackgroundRole and line.state == "disputed":
            return QBrush(DISPUTED_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.AMOUNT, self.REFUNDED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return line.what  # cut short when the window is narrow
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATE \
                and line.state == "disputed":
            return self.tr("The customer disputed this payment with their bank. Answer the "
                           "payment provider before the date shown, or the money goes back "
                           "to the customer.")
        return None

    def _text(self, line: PaymentLine, column: int) -> str:
        language = self.language
        if column == self.DATE:
            return language.day(line.on)
        if column == self.REF:
            return line.ref
        if column == self.WHAT:
            return line.what
        if column == self.AMOUNT:
            return language.money(line.amount)
        if column == self.METHOD:
            return i18n.word_text(line.method)
        if column == self.REFUNDED:
            return refunded_text(line, language)
        return state_text(line, language)


class PaymentsList(QWidget):
    """The list with its Refund button; the page does the refund (`refundRequested`)."""

    refundRequested = Signal(str)  # the payment's reference

    def __init__(self, language: i18n.Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsTab")
        self.model = PaymentsModel(language, self)
        self.table = QTableView()
        self.table.setObjectName("payments")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # What was paid takes what is left; the state (a dispute's deadline) is never cut.
        header.setSectionResizeMode(PaymentsModel.WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self._ask())
        self.refund = QPushButton(self.tr("Re&fund…"))
        self.refund.setObjectName("refund")
        self.refund.clicked.connect(self._ask)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refund)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def selected(self) -> PaymentLine | None:
        from renewdesk.services.overview import PaymentLine
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        line = self.model.index(rows.pop(), 0).data(ROW_ROLE)
        return line if isinstance(line, PaymentLine) else None

    def select(self, ref: str) -> None:
        row = next((n for n, line in enumerate(self.model.lines) if line.ref == ref), None)
        if row is not None:
            self.table.selectRow(row)

    def _ask(self) -> None:
        line = self.selected()
        if line is not None and self.refund.isEnabled():
            self.refundRequested.emit(line.ref)


def refusal(line: PaymentLine | None) -> str | None:
    """Why the selected payment cannot be refunded from here; None if it can."""
    if line is None:
        return translate("Payments", "Select a payment")
    if not line.at_processor:
        return translate("Payments", "This payment was not taken through the payment provider")
    if line.state == "disputed":
        return translate("Payments", "The customer disputed this payment: answer the dispute "
                         "at the payment provider rather than refund it")
    if line.state == "dispute_lost":
        return translate("Payments", "The customer's bank gave this payment back to them (the "
                         "dispute was lost)")
    if not line.refundable.minor:
        return translate("Payments", "This payment is refunded in full")
    return None
