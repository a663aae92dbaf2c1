"""Add a payment method, or replace one (PM-5 always allows a replacement).

Only what PM-2 allows is asked for: the processor's token (the sandbox offers its test tokens;
with Stripe, the token comes from Stripe's own page, see "Send card page"), brand, last 4
digits, expiry and holder. A field that looks like a card number is refused without echoing it.
The request is returned; the window attaches it at the processor off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.errors import InputError
from renewdesk.services.payment_methods import MethodInput
from renewdesk.ui.widgets import refusal_text

SANDBOX_TOKENS = ("pm_card_visa", "pm_card_mastercard", "pm_card_amex",
                  "pm_card_visa_chargeDeclined", "pm_card_visa_chargeDeclinedInsufficientFunds",
                  "pm_card_authenticationRequired", "pm_sepa_debit", "pm_sepa_debit_fail")


class PaymentMethodDialog(QDialog):
    def __init__(self, customer_ref: str, holder: str, replacing: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentMethodDialog")
        self.replacing = replacing
        self.request: MethodInput | None = None
        self.setWindowTitle(self.tr("Replace %1").replace("%1", replacing) if replacing
                            else self.tr("Add a payment method"))
        self.ref = QLineEdit(f"{customer_ref}-PM-NEW")
        self.token = QComboBox()
        self.token.setEditable(True)
        self.token.addItems(SANDBOX_TOKENS)
        self.token.setObjectName("token")
        self.brand = QLineEdit("visa")
        self.last4 = QLineEdit()
        self.last4.setMaxLength(4)
        self.last4.setInputMask("9999;_")
        self.expiry = QDateEdit(QDate.currentDate().addYears(3))
        self.expiry.setDisplayFormat("MM/yyyy")
        self.holder = QLineEdit(holder)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reference:"), self.ref)
        form.addRow(self.tr("Processor token:"), self.token)
        form.addRow(self.tr("Brand:"), self.brand)
        form.addRow(self.tr("Last 4 digits:"), self.last4)
        form.addRow(self.tr("Expiry:"), self.expiry)
        form.addRow(self.tr("Holder:"), self.holder)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Never type a card number here: renewdesk keeps only the "
                              "processor's token and the last 4 digits."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    @Slot()
    def apply(self) -> None:
        token = self.token.currentText().strip()
        sepa = token.startswith("pm_sepa")
        data = MethodInput(ref=self.ref.text().strip(), type="sepa_debit" if sepa else "card",
                           token=token, brand=self.brand.text().strip(),
                           last4=self.last4.text().strip(),
                           exp_month=None if sepa else self.expiry.date().month(),
                           exp_year=None if sepa else self.expiry.date().year(),
                           holder=self.holder.text().strip())
        try:
            data.validate()
        except InputError as error:
            self.problem.setText(refusal_text(error))
            return
        self.request = data
        self.accept()
