"""What the refund and the correction dialogs share: all that is left or an amount typed the
reader's way, a required reason, checked by the service off the GUI thread (its words under
the field it is about, nothing done), then a confirmation that names the amount, then the work
on a worker. Each dialog says what its check is, what its confirmation says and what it does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.services.context import Context
from renewdesk.ui.desk import Desk

PROBLEM_STYLE = "color: #b3261e"


def parse_amount(text: str, currency: str, language: str) -> Money:
    """An amount as the reader types it: "1 234,50" or "1234,50 €" in French, "1,234.50" in
    English; InputError (in words) if it is not one."""
    typed = "".join(text.split()).replace("\u202f", "").replace("\xa0", "")
    for sign in ("€", "$", "£", currency):
        typed = typed.replace(sign, "")
    typed = typed.replace(",", ".") if language == "fr" else typed.replace(",", "")
    return Money.parse(typed, currency)


def problem_label(name: str) -> QLabel:
    """Where a refusal's words go, under its field; hidden while there is none."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class Check(Protocol):
    """A service's answer before anything is done: the amount, or why not and where."""

    @property
    def amount(self) -> Money | None: ...
    @property
    def problem(self) -> str: ...
    @property
    def field(self) -> str: ...  # amount | reason | "" (the payment or invoice itself)


class CheckedAmount:
    """Mixed into a QDialog that has the widgets named below (made by its own layout)."""

    _desk: Desk
    all: QRadioButton
    amount: QLineEdit
    reason: QLineEdit
    amount_problem: QLabel
    reason_problem: QLabel
    problem: QLabel
    go: QPushButton
    _checking: bool

    def currency(self) -> str:
        raise NotImplementedError

    def check_job(self, amount: Money | None, reason: str,
                  language: str) -> tuple[tuple[str, str], Callable[[Context], Check]]:
        """The read's key and the service's check."""
        raise NotImplementedError

    def confirmation(self, amount: Money) -> QMessageBox:
        raise NotImplementedError

    def make(self, amount: Money, reason: str) -> None:
        """The work, once confirmed: the amount checked is what the reader confirmed."""
        raise NotImplementedError

    def _choice(self, part: bool) -> None:
        self.amount.setEnabled(part)
        if part:
            self.amount.setFocus()

    def _say(self, label: QLabel, text: str) -> None:
        label.setText(text[:1].upper() + text[1:])
        label.setVisible(bool(text))

    def asked(self) -> Money | None:
        """The amount typed (None: all that is left); InputError if it is not an amount."""
        if self.all.isChecked():
            return None
        return parse_amount(self.amount.text(), self.currency(), self._desk.language.code)

    def apply(self) -> None:
        """Checked first (off the GUI thread), then confirmed, then done."""
        if self._checking:
            return
        for label in (self.amount_problem, self.reason_problem, self.problem):
            self._say(label, "")
        try:
            amount = self.asked()
        except InputError as error:
            self._say(self.amount_problem, error.words(self._desk.language.code))
            return
        reason = self.reason.text()
        key, check = self.check_job(amount, reason, self._desk.language.code)
        self._checking = True
        self.go.setEnabled(False)
        self._desk.read(key, check, lambda answer: self._checked(answer, reason),
                        self._failed_check)

    def _failed_check(self, message: str) -> None:
        self._checking = False
        self.go.setEnabled(True)
        self._say(self.problem, message)

    def _checked(self, check: Any, reason: str) -> None:
        self._checking = False
        self.go.setEnabled(True)
        if check.amount is None:
            label = {"amount": self.amount_problem, "reason": self.reason_problem}.get(
                check.field, self.problem)
            self._say(label, check.problem)
            return
        if not self.confirmed(check.amount):
            return
        self.make(check.amount, reason)

    def confirmed(self, amount: Money) -> bool:
        box = self.confirmation(amount)
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole
