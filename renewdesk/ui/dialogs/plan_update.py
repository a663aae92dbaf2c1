"""IN-2 Plan update: a new amount for the remaining installments, checked as it is typed.

Shows the order's current amount, the minimum and the state of earlier requests (pending with
its deadline, confirmed, expired, replaced). OK sends the request; the customer confirms it.
If someone else changed the plan since the dialog opened (team mode), the request is refused,
the dialog shows the plan as it is now, and what was typed stays for a second look.

The plan is read before the dialog opens; an amount is checked as it is typed against the terms
read with it (no database on the GUI thread), and checked again when the request is made, off
the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services import actions
from renewdesk.services.installments import PlanChangeResult
from renewdesk.ui import i18n
from renewdesk.ui.desk import Desk
from renewdesk.ui.models.table import STATUS_COLOURS
from renewdesk.ui.widgets import SendingDialog, fill_table, show_error
from renewdesk.ui.widgets import name as accessible


class PlanUpdateDialog(SendingDialog):
    def __init__(self, desk: Desk, state: actions.PlanState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planUpdateDialog")
        self._desk = desk
        self.order_ref = order_ref = state.order_ref
        self.result_: PlanChangeResult | None = None
        self.setWindowTitle(self.tr("Update plan — %1").replace("%1", order_ref))

        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("e.g. %1").replace("%1", self._typed_form(
            state.minimum)))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.state_label = QLabel()
        self.state_label.setObjectName("pendingState")
        self.current = QLabel(desk.language.money(state.terms.current))
        self.history = QTableWidget()
        self.history.setObjectName("history")
        accessible(self.history, self.tr("The plan's installments"))
        self.show_state(state)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Send request"))

        form = QFormLayout()
        form.addRow(self.tr("Current amount:"), self.current)
        form.addRow(self.tr("Minimum:"), QLabel(desk.language.money(state.terms.minimum)))
        form.addRow(self.tr("Pending change:"), self.state_label)
        form.addRow(self.tr("New amount (%1):").replace("%1", state.currency), self.amount)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The count and the interval of installments do not "
                                        "change. The customer is e-mailed a link to confirm; "
                                        "the new amount applies from the next installment "
                                        "after the confirmation.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel(self.tr("Earlier requests:")))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 420)

        self.amount.textChanged.connect(self.validate)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.validate()

    def _typed_form(self, text: str) -> str:
        """An amount ("2.00") as the reader writes it: "2,00" in French."""
        return text.replace(".", ",") if self._desk.language.code == "fr" else text

    def _amount(self) -> str:
        """What was typed, as an amount is read ("12.50"): in French the decimal comma and the
        spaces between thousands are taken as written ("1 234,50")."""
        text = self.amount.text().strip()
        if self._desk.language.code == "fr":
            text = "".join(text.split()).replace(",", ".")
        return text

    def show_state(self, state: actions.PlanState) -> None:
        self.version, self.terms = state.version, state.terms
        self.current.setText(self._desk.language.money(state.terms.current))
        self.state_label.setText(
            self.tr("%1, to be confirmed by %2").replace("%1", state.pending[0])
            .replace("%2", state.pending[1]) if state.pending else self.tr("none"))
        fill_table(self.history, [self.tr("Amount"), self.tr("State"), self.tr("Date")],
                   [(amount, i18n.status_text(status), day) for amount, status, day in state.history],
                   1, dict(STATUS_COLOURS), [status for _a, status, _d in state.history])

    @Slot()
    def validate(self) -> bool:
        text = self._amount()
        problem = actions.plan_amount_problem(self.terms, text, self._desk.language.code) \
            if text else None
        self.problem.setText(problem or "")
        ok = bool(text) and problem is None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    @Slot()
    def apply(self) -> None:
        if not self.validate():
            return
        ref, amount, version = self.order_ref, self._amount(), self.version
        self._desk.change(self, lambda ctx: actions.update_plan(ctx, ref, amount, version),
                          self._sent, self._refused)

    def _sent(self, result: PlanChangeResult) -> None:
        self.result_ = result
        self.accept()

    def _refused(self, message: str) -> None:
        """Shown; the plan is read again, as someone else may have changed it meanwhile."""
        show_error(self, message)
        # Not sent again until the plan is read again: it would carry the old version.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        ref = self.order_ref
        self._desk.read(self, lambda ctx: actions.plan_state(ctx, ref), self._read_again)

    def _read_again(self, state: actions.PlanState) -> None:
        self.show_state(state)
        self.validate()
