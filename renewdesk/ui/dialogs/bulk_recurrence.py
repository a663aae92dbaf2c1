"""AR-2 Bulk recurrence: auto-renew on or off for selected or all services of one customer.

The check is run again whenever a choice changes; errors block, and warnings must be
confirmed explicitly before OK is enabled. Applying is one all-or-nothing change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.errors import InputError
from renewdesk.services import actions
from renewdesk.services.context import Context
from renewdesk.services.overview import CustomerOverview
from renewdesk.services.recurrence import BulkRequest, CheckLine
from renewdesk.ui.widgets import LEVEL_COLOURS, fill_table, level_text, show_error


class BulkRecurrenceDialog(QDialog):
    def __init__(self, context: Callable[[], Context], customer: CustomerOverview,
                 selected: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkRecurrenceDialog")
        self.setWindowTitle(self.tr("Bulk recurrence — %1").replace("%1", customer.name))
        self._context = context
        self.customer = customer
        self.selected = selected
        self.lines: tuple[CheckLine, ...] = ()
        self.changed: list[str] = []

        self.on = QRadioButton(self.tr("Switch auto-renew &on"))
        self.off = QRadioButton(self.tr("Switch auto-renew o&ff"))
        self.on.setChecked(True)
        switch = QButtonGroup(self)
        switch.addButton(self.on)
        switch.addButton(self.off)
        self.scope_selected = QRadioButton(
            self.tr("The %n selected service(s)", "", len(selected)))
        self.scope_all = QRadioButton(self.tr("All of this customer's services"))
        scope = QButtonGroup(self)
        scope.addButton(self.scope_selected)
        scope.addButton(self.scope_all)
        (self.scope_selected if selected else self.scope_all).setChecked(True)
        self.scope_selected.setEnabled(bool(selected))

        self.method = QComboBox()
        self.method.addItem(self.tr("Default method"), None)
        for m in customer.methods:
            if m.state == "valid":
                self.method.addItem(f"{m.label} ({m.expiry})  {m.holder}", m.ref)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("No billing contact"), None)
        for ref, name, _email in customer.contacts:
            self.contact.addItem(name, ref)

        self.table = QTableWidget()
        self.table.setObjectName("checkTable")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.confirm_warnings = QCheckBox(self.tr("I have read the warnings and want to go ahead"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Apply"))

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.on)
        row.addWidget(self.off)
        form.addRow(self.tr("Change:"), row)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_selected)
        scope_row.addWidget(self.scope_all)
        form.addRow(self.tr("Services:"), scope_row)
        form.addRow(self.tr("Payment method:"), self.method)
        form.addRow(self.tr("Billing contact:"), self.contact)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Check, per service:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.confirm_warnings)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

        for signal in (self.on.toggled, self.scope_all.toggled):
            signal.connect(self.check)
        self.method.currentIndexChanged.connect(self.check)
        self.contact.currentIndexChanged.connect(self.check)
        self.confirm_warnings.toggled.connect(self._update_ok)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.check()

    def request(self) -> BulkRequest:
        refs = None if self.scope_all.isChecked() else self.selected
        return BulkRequest(self.customer.ref, refs, self.on.isChecked(),
                           self.method.currentData(), self.contact.currentData())

    @Slot()
    def check(self) -> None:
        try:
            self.lines = actions.check_bulk(self._context(), self.request())
        except InputError as error:
            self.lines = ()
            self.summary.setText(str(error))
        fill_table(self.table, [self.tr("Service"), self.tr("Check"), self.tr("Detail")],
                   [(line.service_ref, level_text(line.level), line.message)
                    for line in self.lines], 1, dict(LEVEL_COLOURS),
                   [line.level for line in self.lines])
        errors = sum(1 for line in self.lines if line.level == "error")
        warnings = sum(1 for line in self.lines if line.level == "warning")
        if self.lines:
            if errors:
                self.summary.setText(self.tr("%n error(s): fix them or leave those services "
                                             "out; nothing will change until then.", "", errors))
            elif warnings:
                self.summary.setText(self.tr("%n warning(s): confirm below to go ahead.", "",
                                             warnings))
            else:
                self.summary.setText(self.tr("Everything checks out."))
        self.confirm_warnings.setChecked(False)
        self.confirm_warnings.setVisible(warnings > 0 and errors == 0)
        self._update_ok()

    @Slot()
    def _update_ok(self) -> None:
        errors = any(line.level == "error" for line in self.lines)
        warnings = any(line.level == "warning" for line in self.lines)
        ok = bool(self.lines) and not errors and (not warnings or self.confirm_warnings.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @Slot()
    def apply(self) -> None:
        try:
            self.changed = actions.apply_bulk(self._context(), self.request(),
                                              self.confirm_warnings.isChecked())
        except InputError as error:
            show_error(self, str(error))
            self.check()
            return
        self.accept()
