"""The invoices and credit notes issued (IV-1, IV-2, IV-4), newest first: all of them in the
window's Invoices list, or one customer's on their page.

A list like the others (searched, filtered and sorted in SQL, read in blocks on its worker), with
the actions on the selected invoice (`InvoiceCommands`: buttons, a right click, the keys) and,
in the window, the accountant's export and the bar saying what invoices wait for while the
seller is incomplete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from renewdesk.services.listing_invoices import INVOICES, InvoiceRow, of_customer
from renewdesk.ui.desk import Desk
from renewdesk.ui.invoice_commands import InvoiceCommands
from renewdesk.ui.views.pages import _Page

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
ISSUED_ON = next(n for n, c in enumerate(INVOICES.columns) if c.key == "issued_on")


class InvoicesPage(_Page):
    def __init__(self, desk: Desk, customer_ref: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, INVOICES if customer_ref is None else of_customer(customer_ref),
                         translate("InvoicesPage", "Search by number, customer name or "
                                   "reference"), parent)
        self.setObjectName("invoicesPage")
        # Newest first: the issue date's index, walked backwards.
        self.table.horizontalHeader().setSortIndicator(ISSUED_ON, Qt.SortOrder.DescendingOrder)
        self.commands = InvoiceCommands(desk, self, self.invoice, self.isVisible)
        self.commands.done.connect(self.model.refresh)
        self.open = self._mirror(self.commands.open, translate("InvoicesPage", "Open"),
                                 "openInvoiceButton")
        self.save = self._mirror(self.commands.save, translate("InvoicesPage", "Save as…"),
                                 "saveInvoiceButton")
        self.resend = self._mirror(self.commands.resend,
                                   translate("InvoicesPage", "Send again…"), "resendButton")
        self.correct = self._mirror(self.commands.correct,
                                    translate("InvoicesPage", "Correct…"), "correctButton")
        self.export_action: QAction | None = None
        if customer_ref is None:
            self.export_action = QAction(translate("InvoicesPage", "E&xport for the "
                                                   "accountant…"), self)
            self.export_action.setObjectName("accountingExport")
            self.export_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
            tip = translate("InvoicesPage", "The CSV or the FEC of a date range, for the "
                            "accountant")
            self.export_action.setToolTip(f"{tip} (Ctrl+Shift+A)")
            self.export_action.setStatusTip(tip)
            self.export_action.triggered.connect(self.export_for_accountant)
            self.export = self.button(translate("InvoicesPage", "Export for the accountant…"),
                                      self.export_for_accountant, "accountingExportButton")
            self.export.setToolTip(self.export_action.toolTip())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.commands.actions())
        self.activated.connect(lambda _number: self.commands.open_invoice())
        self.update_buttons()

    def _mirror(self, action: QAction, text: str, name: str) -> QPushButton:
        """A button doing what the action does, usable when it is, with its tooltip."""
        button = self.button(text, action.trigger, name)
        action.changed.connect(lambda: self._follow(button, action))
        self._follow(button, action)
        return button

    @staticmethod
    def _follow(button: QPushButton, action: QAction) -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    def invoice(self) -> InvoiceRow | None:
        row = self.current_row()
        return row if isinstance(row, InvoiceRow) else None

    def add_notice(self, bar: QWidget) -> None:
        """A bar above the list (the seller's, while it is incomplete)."""
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(0, bar)  # type: ignore[attr-defined]

    @Slot()
    def update_buttons(self) -> None:
        if hasattr(self, "commands"):
            self.commands.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_buttons()  # the actions act on this list only while it is on screen

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.update_buttons()

    @Slot()
    def export_for_accountant(self) -> None:
        from renewdesk.ui.dialogs.accounting_export import AccountingExportDialog
        AccountingExportDialog(self.desk, self).exec()
