"""RF-1: refund all or part of a payment, with a reason, from the customer page.

The payment is read off the GUI thread before the dialog opens. What is typed is checked by
`refunds.check` (the one validation; its words go under the field it is about, and nothing is
sent), then a confirmation names the amount and the customer, then the refund is made off the
GUI thread (under the run lock, which the refund takes itself). The dialog cannot be closed
while the processor is being asked.
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
from renewdesk.domain.refusal_words import render
from renewdesk.services import refunds
from renewdesk.services.context import Context
from renewdesk.services.listing_actions import RefundCheck, refund_check, refund_info
from renewdesk.services.refunds import PaymentInfo, RefundResult
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.checked_amount import (
    CheckedAmount,
    problem_label,
)
from renewdesk.ui.widgets import SendingDialog, show_error
from renewdesk.ui.widgets import name as accessible

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
def result_text(result: RefundResult, customer: str, desk: Desk) -> str:
    """What became of a refund, in words."""
    amount, language = desk.language.money(result.amount), desk.language.code
    if result.status == "succeeded":
        return translate("RefundDialog", "%1 refunded to %2 (refund %3).").replace(
            "%1", amount).replace("%2", customer).replace("%3", result.refund)
    if result.status == "pending":
        return translate("RefundDialog", "The refund of %1 to %2 was accepted by the payment "
                         "provider; it completes in a few days (refund %3).").replace(
            "%1", amount).replace("%2", customer).replace("%3", result.refund)
    if result.status == "refused":
        why = render("refund_refused", {"answer": result.refusal or "?"}, language)
        return translate("RefundDialog", "The refund of %1 to %2 was not made: %3.").replace(
            "%1", amount).replace("%2", customer).replace("%3", why)
    return translate("RefundDialog", "The payment provider has not answered about the refund "
                     "of %1 to %2 yet: the next run asks it. Do not refund it again "
                     "(refund %3).").replace("%1", amount).replace("%2", customer).replace(
        "%3", result.refund)


class RefundDialog(CheckedAmount, SendingDialog):
    def __init__(self, desk: Desk, info: PaymentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund %1").replace("%1", info.ref))
        self._desk, self.info = desk, info
        self.result_: RefundResult | None = None
        self._checking = False
        money = desk.language.money
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), QLabel(f"{info.customer_name} ({info.customer_ref})"))
        form.addRow(self.tr("Payment:"), QLabel(self.tr("%1, on %2 with %3").replace(
            "%1", info.ref).replace("%2", desk.language.day(info.on)).replace(
            "%3", info.method)))
        what = QLabel(info.description)
        what.setWordWrap(True)
        form.addRow(self.tr("For:"), what)
        form.addRow(self.tr("Paid:"), QLabel(money(info.paid)))
        form.addRow(self.tr("Already refunded:"), QLabel(money(info.refunded)))
        refundable = QLabel(money(info.refundable))
        refundable.setStyleSheet("font-weight: bold")
        form.addRow(self.tr("Can be refunded:"), refundable)

        self.all = QRadioButton(self.tr("&All of what is left (%1)").replace(
            "%1", money(info.refundable)))
        self.all.setObjectName("refundAll")
        self.part = QRadioButton(self.tr("&This amount:"))
        self.part.setObjectName("refundPart")
        choice = QButtonGroup(self)
        choice.addButton(self.all)
        choice.addButton(self.part)
        self.all.setChecked(True)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        accessible(self.amount, self.tr("Amount"))
        places = currency_exponent(info.paid.currency)
        french = desk.language.code == "fr"
        example = "12" + ((("," if french else ".") + "0" * places) if places else "")
        self.amount.setPlaceholderText(example)
        self.amount.setEnabled(False)
        self.amount.textEdited.connect(lambda _t: self.part.setChecked(True))
        self.part.toggled.connect(self._choice)
        currency = QLabel(info.paid.currency)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.part)
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(currency)
        self.amount_problem = problem_label("amountProblem")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(refunds.REASON_MAX)
        self.reason.setPlaceholderText(self.tr("Why, in a few words (kept in the audit log)"))
        self.reason_problem = problem_label("reasonProblem")
        self.problem = problem_label("problem")
        note = QLabel(self.tr("The customer is told by e-mail once the refund is made. A refund "
                              "does not change when their services expire."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = self.buttons.addButton(self.tr("&Refund…"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("refundGo")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("How much:")))
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
        self.resize(520, 0)









    def confirmation(self, amount: Money) -> QMessageBox:
        """"Refund 12,00 € to Ana Martin? This cannot be undone.", Cancel by default."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Refund"), self.tr(
            "Refund %1 to %2? This cannot be undone.").replace(
            "%1", self._desk.language.money(amount)).replace("%2", self.info.customer_name),
            QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("refundConfirmation")
        yes = box.addButton(self.tr("Refund %1").replace("%1", self._desk.language.money(amount)),
                            QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("refundConfirmed")
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        return box

    def currency(self) -> str:
        return self.info.paid.currency

    def check_job(self, amount: Money | None, reason: str,
                  language: str) -> tuple[tuple[str, str], Callable[[Context], RefundCheck]]:
        ref = self.info.ref
        return ("refund check", ref), lambda ctx: refund_check(ctx, ref, amount, reason,
                                                               language)

    def make(self, amount: Money, reason: str) -> None:
        ref, app = self.info.ref, self._desk.app
        # All that is left is sent as the amount checked: what the reader confirmed. The
        # refund takes the run lock itself (a run under way is waited for, then refused).
        self._desk.change(self, lambda _ctx: refunds.refund(
            app.context(), app.engine.url, ref, amount, reason),
            self._sent, lambda message: self._say(self.problem, message))

    def _sent(self, result: RefundResult) -> None:
        self.result_ = result
        self.accept()


def ask_refund(desk: Desk, parent: QWidget, payment: str,
               done: Callable[[RefundResult, str], None]) -> None:
    """The payment read off the GUI thread, then the dialog; `done(result, customer name)`
    once a refund was sent."""
    def opened(info: PaymentInfo) -> None:
        dialog = RefundDialog(desk, info, parent)
        if dialog.exec() and dialog.result_ is not None:
            done(dialog.result_, info.customer_name)

    desk.read(("refund", payment), lambda ctx: refund_info(ctx, payment), opened,
              lambda message: show_error(parent, message))
