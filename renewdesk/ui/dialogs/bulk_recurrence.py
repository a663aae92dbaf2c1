"""AR-2 Bulk recurrence: auto-renew on or off for selected or all services of one customer.

The check is run again whenever a choice changes, off the GUI thread (OK waits for its
answer); errors block, and warnings must be confirmed explicitly before OK is enabled.
Applying is one all-or-nothing change, made off the GUI thread too.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services import actions
from renewdesk.services.overview import CustomerOverview
from renewdesk.services.recurrence import BulkRequest, CheckLine
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import LEVEL_COLOURS, SendingDialog, fill_table, level_text, show_error
from renewdesk.ui.widgets import name as accessible


class BulkRecurrenceDialog(SendingDialog):
    def __init__(self, desk: Desk, customer: CustomerOverview,
                 selected: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkRecurrenceDialog")
        self.setWindowTitle(self.tr("Bulk recurrence — %1").replace("%1", customer.name))
        self._desk = desk
        self.checking = False  # a check is on its way: OK waits for it
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
        accessible(self.table, self.tr("What the change does to each service"))
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
        """Asked of the reader; a newer check supersedes one still on its way."""
        request = self.request()
        self.checking = True
        self._update_ok()
        self._desk.read(self, lambda ctx: actions.check_bulk(ctx, request), self._checked,
                        self._check_refused)

    def _check_refused(self, message: str) -> None:
        self._checked(())
        self.summary.setText(message)

    def _checked(self, lines: tuple[CheckLine, ...]) -> None:
        self.checking = False
        self.lines = lines
        language = self._desk.language.code
        fill_table(self.table, [self.tr("Service"), self.tr("Check"), self.tr("Detail")],
                   [(line.service_ref, level_text(line.level), line.detail(language))
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
        ok = (bool(self.lines) and not self.checking and not errors
              and (not warnings or self.confirm_warnings.isChecked()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @Slot()
    def apply(self) -> None:
        request, confirmed = self.request(), self.confirm_warnings.isChecked()
        self._desk.change(self, lambda ctx: actions.apply_bulk(ctx, request, confirmed),
                          self._applied, self._refused)

    def _applied(self, changed: list[str]) -> None:
        self.changed = changed
        self.accept()

    def _refused(self, message: str) -> None:
        show_error(self, message)
        self.check()
