"""IV-2: correct an invoice (a price that was wrong, a gesture) with a credit note naming it:
all that is left of it or an amount, with a reason.

The invoice is read off the GUI thread before the dialog opens. What is typed is checked by
`invoices.correct` itself, run and rolled back off the GUI thread (its words go under the field
they are about, and nothing is made); then a confirmation names the amount and the customer;
then the credit note is made off the GUI thread, and its number is said. Money is given back by
a refund, not here: the dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.money import Money, currency_exponent
from renewdesk.services import invoice_actions
from renewdesk.services.context import Context
from renewdesk.services.invoice_actions import Corrected, CorrectionCheck, CorrectionInfo
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.checked_amount import CheckedAmount, problem_label
from renewdesk.ui.widgets import SendingDialog, show_error
from renewdesk.ui.widgets import name as accessible

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
REASON_MAX = 200


class CorrectionDialog(CheckedAmount, SendingDialog):
    def __init__(self, desk: Desk, info: CorrectionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(self.tr("Correct invoice %1").replace("%1", info.number))
        self._desk, self.info = desk, info
        self.result_: Corrected | None = None
        self._checking = False
        money = desk.language.money
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), QLabel(f"{info.customer_name} ({info.customer_ref})"))
        form.addRow(self.tr("Invoice:"), QLabel(self.tr("%1, issued on %2").replace(
            "%1", info.number).replace("%2", desk.language.day(info.issued_on))))
        form.addRow(self.tr("Total:"), QLabel(money(info.total)))
        form.addRow(self.tr("Already credited:"), QLabel(money(info.credited)))
        left = QLabel(money(info.left))
        left.setStyleSheet("font-weight: bold")
        form.addRow(self.tr("Can be credited:"), left)

        self.all = QRadioButton(self.tr("&All of what is left (%1)").replace(
            "%1", money(info.left)))
        self.all.setObjectName("correctAll")
        self.part = QRadioButton(self.tr("&This amount, VAT included:"))
        self.part.setObjectName("correctPart")
        choice = QButtonGroup(self)
        choice.addButton(self.all)
        choice.addButton(self.part)
        self.all.setChecked(True)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        accessible(self.amount, self.tr("Amount"))
        places = currency_exponent(info.total.currency)
        french = desk.language.code == "fr"
        self.amount.setPlaceholderText(
            "12" + ((("," if french else ".") + "0" * places) if places else ""))
        self.amount.setEnabled(False)
        self.amount.textEdited.connect(lambda _t: self.part.setChecked(True))
        self.part.toggled.connect(self._choice)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.part)
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(QLabel(info.total.currency))
        self.amount_problem = problem_label("amountProblem")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(self.tr("Why, in a few words (printed on the credit "
                                               "note, kept in the audit log)"))
        self.reason_problem = problem_label("reasonProblem")
        self.problem = problem_label("problem")
        note = QLabel(self.tr("A credit note is issued in its own numbering, naming this "
                              "invoice, and e-mailed to the customer. It gives no money back: "
                              "to pay the customer back, refund the payment from their page."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = self.buttons.addButton(self.tr("&Make the credit note…"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("correctGo")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("How much to credit:")))
        layout.addWidget(self.all)
        layout.addLayout(amount_row)
        layout.addWidget(self.amount_problem)
        reason = QLabel(self.tr("Reason (required):"))
        reason.setBuddy(self.reason)
        layout.addWidget(reason)
        layout.addWidget(self.reason)
        layout.addWidget(self.reason_problem)
        layout.addWidget(self.problem)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        # As tall as the wrapped words need at this width (Qt's minimum is for a narrower one).
        self.resize(540, layout.totalHeightForWidth(540))









    def confirmation(self, amount: Money) -> QMessageBox:
        """"Make a credit note of 5,00 € for Ana Martin, correcting invoice F…? It cannot be
        undone.", Cancel by default."""
        shown = self._desk.language.money(amount)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Correction"), self.tr(
            "Make a credit note of %1 for %2, correcting invoice %3? An issued credit note "
            "cannot be undone.").replace("%1", shown).replace("%2", self.info.customer_name)
            .replace("%3", self.info.number), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("correctionConfirmation")
        yes = box.addButton(self.tr("Credit %1").replace("%1", shown),
                            QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("correctionConfirmed")
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        return box

    def currency(self) -> str:
        return self.info.total.currency

    def check_job(self, amount: Money | None, reason: str,
                  language: str) -> tuple[tuple[str, str], Callable[[Context], CorrectionCheck]]:
        number = self.info.number
        return ("correction check", number), lambda ctx: invoice_actions.correction_check(
            ctx, number, amount, reason, language)

    def make(self, amount: Money, reason: str) -> None:
        # All that is left is made as the amount checked: what the reader confirmed.
        number = self.info.number
        self._desk.change(self, lambda ctx: invoice_actions.correct(ctx, number, amount, reason),
                          self._made, lambda message: self._say(self.problem, message))

    def _made(self, result: Corrected) -> None:
        self.result_ = result
        self.accept()


def ask_correction(desk: Desk, parent: QWidget, number: str,
                   done: Callable[[Corrected, str, str], None]) -> None:
    """The invoice read off the GUI thread, then the dialog; `done(result, invoice number,
    customer name)` once a credit note was made."""
    def opened(info: CorrectionInfo) -> None:
        dialog = CorrectionDialog(desk, info, parent)
        if dialog.exec() and dialog.result_ is not None:
            done(dialog.result_, info.number, info.customer_name)

    desk.read(("correction", number), lambda ctx: invoice_actions.correction_info(ctx, number),
              opened, lambda message: show_error(parent, message))
