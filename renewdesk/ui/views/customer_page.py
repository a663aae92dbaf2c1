"""A customer's page: profile (PM-1), billing contacts, ordered payment methods, services,
orders, payments and history, with the actions on methods (PM-4, PM-5), services (AR-2, AR-7)
and payments (RF-1's refund, from the payments or from a payment's line in the history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from stdnum.fr import siren

from renewdesk.domain import tax_ids
from renewdesk.domain.roles import Power
from renewdesk.services import window as reads
from renewdesk.ui import i18n, permissions
from renewdesk.ui.desk import Desk
from renewdesk.ui.models.table import STATUS_COLOURS
from renewdesk.ui.views.invoices_page import InvoicesPage
from renewdesk.ui.views.payments_list import PaymentsList, refusal
from renewdesk.ui.widgets import fill_table, inform, show_error

if TYPE_CHECKING:
    from renewdesk.services import proforma
    from renewdesk.services.overview import CustomerOverview, PaymentLine
    from renewdesk.services.refunds import RefundResult


class CustomerPage(QWidget):
    changed = Signal()

    def __init__(self, desk: Desk, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerPage")
        self.desk = desk
        self.ref = ref
        self.data: CustomerOverview | None = None
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.profile = QFormLayout()
        self.email, self.address, self.language = QLabel(), QLabel(), QLabel()
        self.missing = QLabel()
        self.missing.setStyleSheet("color: #b3261e")
        self.emails_on = QCheckBox(self.tr("Send e-mails to this customer"))
        self.emails_on.setObjectName("customerEmails")
        self.emails_on.toggled.connect(self.set_emails)
        self.profile.addRow(self.tr("E-mail:"), self.email)
        self.profile.addRow(self.tr("Address:"), self.address)
        self.profile.addRow(self.tr("Language:"), self.language)
        # IV-1: what invoices say of the customer
        self.kind, self.country = QLabel(), QLabel()
        self.kind.setObjectName("customerKind")
        self.siren, self.vat_number = QLabel(), QLabel()
        self.siren.setObjectName("siren")
        self.vat_number.setObjectName("vatNumber")
        for label in (self.siren, self.vat_number):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.profile.addRow(self.tr("Customer:"), self.kind)
        self.profile.addRow(self.tr("Country:"), self.country)
        self.profile.addRow(self.tr("SIREN:"), self.siren)
        self.profile.addRow(self.tr("VAT number:"), self.vat_number)
        self.profile.addRow("", self.emails_on)
        self.profile.addRow("", self.missing)

        self.contacts = QTableWidget()
        self.methods = QTableWidget()
        self.methods.setObjectName("methods")
        self.methods.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.methods.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.services = QTableWidget()
        self.services.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.services.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.services.setObjectName("services")
        self.services.itemSelectionChanged.connect(self._update_buttons)
        self.services.doubleClicked.connect(
            lambda _i: self.form("service", self.selected_service()))
        self.contacts.setObjectName("contacts")
        self.contacts.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.contacts.doubleClicked.connect(self._edit_contact)
        self.orders = QTableWidget()
        self.orders.setObjectName("orders")
        self.orders.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.orders.doubleClicked.connect(lambda index: self._edit_row(
            "order", index.row(), lambda d, n: d.orders[n].ref))
        self.usage = QTableWidget()
        self.usage.setObjectName("usage")
        self.usage.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.usage.doubleClicked.connect(lambda index: self._edit_row(
            "usage", index.row(), lambda d, n: d.usage[n].ref))
        self.history = QTableWidget()
        self.history.setObjectName("history")
        self.history.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.history.itemSelectionChanged.connect(self._update_buttons)
        self.payments = PaymentsList(desk.language)
        self.payments.refundRequested.connect(self.refund)
        self.payments.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.payments.model.modelReset.connect(self._update_buttons)
        # RF-1 from the payments or from a payment's line in the history: the button, a right
        # click, or the key.
        self.refund_action = QAction(self.tr("Re&fund this payment…"), self)
        self.refund_action.setObjectName("refundAction")
        self.refund_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.refund_action.triggered.connect(lambda: self.refund(self.chosen_payment()))
        self.addAction(self.refund_action)
        for table in (self.payments.table, self.history):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            table.addAction(self.refund_action)
        # IV-2, IV-4: the customer's invoices and credit notes, with what can be done to them
        self.invoices = InvoicesPage(desk, ref)
        self.invoices.commands.done.connect(self.changed)

        method_buttons = QHBoxLayout()
        self.make_default = self._button(method_buttons, self.tr("Make &default"),
                                         self.default_method, "makeDefault")
        self.add = self._button(method_buttons, self.tr("&Add…"), self.add_method, "addMethod")
        self.replace = self._button(method_buttons, self.tr("Re&place…"), self.replace_method,
                                    "replaceMethod")
        self.remove = self._button(method_buttons, self.tr("&Remove"), self.remove_method,
                                   "removeCustomerMethod")
        self.card_page = self._button(method_buttons, self.tr("Send card &page"),
                                      self.send_card_page, "sendCardPage")
        method_buttons.addStretch(1)
        profile_buttons = QHBoxLayout()
        self.edit_profile = self._button(profile_buttons, self.tr("Ed&it customer…"),
                                         lambda: self.form("customer", self.ref), "editCustomer")
        self.new_contact = self._button(profile_buttons, self.tr("New billing &contact…"),
                                        lambda: self.form("contact", None), "newContact")
        self.new_order = self._button(profile_buttons, self.tr("New installment &order…"),
                                      lambda: self.form("order", None), "newOrder")
        profile_buttons.addStretch(1)
        service_buttons = QHBoxLayout()
        self.new_service = self._button(service_buttons, self.tr("New &service…"),
                                        lambda: self.form("service", None), "newService")
        self.edit_service = self._button(service_buttons, self.tr("&Edit service…"),
                                         lambda: self.form("service", self.selected_service()),
                                         "editService")
        self.new_usage = self._button(service_buttons, self.tr("New &usage record…"),
                                      self.usage_record, "newUsage")
        self._button(service_buttons, self.tr("&Bulk recurrence…"), self.bulk_recurrence,
                     "customerBulk")
        self._button(service_buttons, self.tr("Renew &all (pro-forma)…"), self.renew_all,
                     "renewAll")
        service_buttons.addStretch(1)

        methods_box = QGroupBox(self.tr("Payment methods (the first is the default)"))
        box = QVBoxLayout(methods_box)
        box.addWidget(self.methods)
        box.addLayout(method_buttons)
        tabs = QTabWidget()
        self.tabs = tabs
        services_tab = QWidget()
        box = QVBoxLayout(services_tab)
        box.addWidget(self.services)
        box.addLayout(service_buttons)
        tabs.addTab(services_tab, self.tr("Services"))
        tabs.addTab(self.orders, self.tr("Orders"))
        tabs.addTab(self.contacts, self.tr("Billing contacts"))
        tabs.addTab(self.usage, self.tr("Usage"))
        tabs.addTab(self.payments, self.tr("Payments"))
        tabs.addTab(self.invoices, self.tr("Invoices"))
        tabs.addTab(self.history, self.tr("History"))
        for index, table in enumerate((self.services, self.orders, self.contacts, self.usage,
                                       self.payments.table, self.invoices.table, self.history)):
            table.setAccessibleName(tabs.tabText(index))  # a screen reader names it as its tab
        tabs.currentChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addLayout(self.profile)
        layout.addLayout(profile_buttons)
        layout.addWidget(methods_box)
        layout.addWidget(tabs, 1)
        self.methods.itemSelectionChanged.connect(self._update_buttons)
        desk.operations.busyChanged.connect(self._update_buttons)
        self.resize(900, 720)
        self.setWindowTitle(self.ref)
        self.name.setText(self.tr("Loading %1…").replace("%1", ref))
        # issue 23: what the role cannot do stays in sight, disabled with its reason
        permissions.apply(self, desk.app.role, desk.language.code)
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.invoices.model.close()  # its reads: finished before the page goes
        super().closeEvent(event)

    def _button(self, row: QHBoxLayout, text: str, slot: object, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    @Slot()
    def reload(self) -> None:
        """Read the customer off the GUI thread; shown when it arrives (`loading` meanwhile)."""
        context, ref = self.desk.context, self.ref
        self.desk.reader.read(self, lambda: reads.customer_page(context(), ref), self.show_data,
                              lambda message: show_error(self, message))
        self.invoices.model.refresh()

    @property
    def loading(self) -> bool:
        return self.desk.reader.reading(self)

    def show_data(self, data: CustomerOverview) -> None:
        self.data = data
        lang = self.desk.language
        self.setWindowTitle(f"{data.name} — {data.ref}")
        self.name.setText(f"{data.name}  ({data.ref})")
        self.email.setText(data.email)
        self.address.setText(data.address)
        self.language.setText(i18n.word_text(data.language))
        self.kind.setText(self.tr("Business") if data.business else self.tr("Consumer"))
        names = tax_ids.country_names(lang.code)
        self.country.setText(f"{names.get(data.country, data.country)} ({data.country})")
        self.siren.setText(siren.format(data.siren) if data.siren else "—")
        self.vat_number.setText(data.vat_number or "—")
        for label in (self.siren, self.vat_number):
            self.profile.setRowVisible(label, data.business)
        self.emails_on.blockSignals(True)
        self.emails_on.setChecked(data.emails_enabled)
        self.emails_on.blockSignals(False)
        self.missing.setText(self.tr("Missing before a payment method can be added: %1")
                             .replace("%1", ", ".join(data.missing)) if data.missing else "")
        fill_table(self.methods, [self.tr("Default"), self.tr("Method"), self.tr("Expiry"),
                                  self.tr("Holder"), self.tr("State"), self.tr("Attention")],
                   [("★" if m.default else "", m.label, m.expiry, m.holder,
                     i18n.status_text(m.state),
                     self.tr("⚠ expires before the charge of %1").replace(
                         "%1", lang.day(m.expires_before)) if m.expires_before else "")
                    for m in data.methods], 4, dict(STATUS_COLOURS), [m.state for m in data.methods])
        fill_table(self.services, [self.tr("Service"), self.tr("Label"), self.tr("Status"),
                                   self.tr("Expires on"), self.tr("Auto-renew"), self.tr("Price")],
                   [(s.ref, s.label, i18n.status_text(s.status),
                     lang.day(s.expires_on) if s.expires_on else "", i18n.yes_no(s.auto_renew),
                     lang.money(s.price) if s.price else "") for s in data.services],
                   2, dict(STATUS_COLOURS), [s.status for s in data.services])
        fill_table(self.orders, [self.tr("Order"), self.tr("Product"), self.tr("Invoice"),
                                 self.tr("Installment"), self.tr("Status")],
                   [(o.ref, o.product, o.invoice, lang.money(o.amount), i18n.status_text(o.status))
                    for o in data.orders], 4, dict(STATUS_COLOURS), [o.status for o in data.orders])
        fill_table(self.contacts, [self.tr("Reference"), self.tr("Name"), self.tr("E-mail")],
                   list(data.contacts))
        fill_table(self.usage, [self.tr("Record"), self.tr("Service"), self.tr("Day"),
                                self.tr("Quantity"), self.tr("Invoiced")],
                   [(u.ref, u.service, lang.day(u.on), str(u.quantity), i18n.yes_no(u.invoiced))
                    for u in data.usage])
        how = {"automatic": self.tr("automatic attempt"), "manual": self.tr("by hand"),
               "customer": self.tr("by the customer, from their link"), "": ""}
        fill_table(self.history, [self.tr("Date"), self.tr("Event"), self.tr("Subject"),
                                  self.tr("Paid how"), self.tr("Payment")],
                   [(lang.day(h.on), i18n.event_text(h.type), h.subject, how.get(h.how, h.how),
                     h.payment) for h in data.history])
        self.payments.model.set_lines(data.payments)
        disputed = sum(1 for p in data.payments if p.state == "disputed")
        self.tabs.setTabText(self.tabs.indexOf(self.payments), self.tr(
            "Payments (⚠ %n disputed)", "", disputed) if disputed else self.tr("Payments"))
        self._update_buttons()

    def chosen_payment(self) -> PaymentLine | None:
        """The payment selected in the tab shown: the payments, or a payment's line in the
        history."""
        if self.data is None:
            return None
        if self.tabs.currentWidget() is self.history:
            rows = {index.row() for index in self.history.selectedIndexes()}
            if len(rows) != 1:
                return None
            return self.data.payment(self.data.history[rows.pop()].payment)
        return self.payments.selected()

    @Slot(object)
    def refund(self, payment: PaymentLine | str | None) -> None:
        from renewdesk.services.overview import PaymentLine
        from renewdesk.ui.dialogs.refund import ask_refund
        if isinstance(payment, str) and self.data is not None:
            payment = self.data.payment(payment)
        if not isinstance(payment, PaymentLine) or refusal(payment) is not None \
                or self.desk.operations.busy:
            return
        ask_refund(self.desk, self, payment.ref, self._refunded)

    def _refunded(self, result: RefundResult, customer: str) -> None:
        from renewdesk.ui.dialogs.refund import result_text
        text = result_text(result, customer, self.desk)
        inform(self, self.tr("Refund"), text)
        self.desk.message(text)
        self._done()

    def selected_service(self) -> str | None:
        rows = {index.row() for index in self.services.selectedIndexes()}
        if len(rows) != 1 or self.data is None:
            return None
        return self.data.services[rows.pop()].ref

    def form(self, kind: str, ref: str | None) -> None:
        """The New / Edit form of one of this customer's objects (or of the customer); a
        role that cannot change the portfolio is told why instead (a double click)."""
        from renewdesk.ui.dialogs.record_form import open_form
        why = permissions.refusal(self.desk.app.role, Power.WORK, self.desk.language.code)
        if why:
            show_error(self, why)
            return
        if kind != "customer" and kind != "usage" and ref is None:
            open_form(self.desk, self, kind, None, self.ref, lambda _r: self._done())
        elif ref is not None:
            open_form(self.desk, self, kind, ref, None, lambda _r: self._done())

    def _edit_row(self, kind: str, row: int, ref: object) -> None:
        """A double-click on an order or a usage record opens its form."""
        if self.data is not None and row >= 0:
            self.form(kind, ref(self.data, row))  # type: ignore[operator]

    @Slot()
    def _edit_contact(self) -> None:
        rows = {index.row() for index in self.contacts.selectedIndexes()}
        if len(rows) == 1 and self.data is not None:
            self.form("contact", self.data.contacts[rows.pop()][0])

    @Slot()
    def usage_record(self) -> None:
        from renewdesk.ui.dialogs.record_form import open_form
        service = self.selected_service()
        if service is not None:
            open_form(self.desk, self, "usage", None, service, lambda _r: self._done())

    def selected_method(self) -> str | None:
        rows = {index.row() for index in self.methods.selectedIndexes()}
        if len(rows) != 1 or self.data is None:
            return None
        return self.data.methods[rows.pop()].ref

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected_method()
        idle = not self.desk.operations.busy
        for button in (self.make_default, self.remove):
            button.setEnabled(chosen is not None and idle)
        self.emails_on.setEnabled(idle)
        self.replace.setEnabled(chosen is not None and idle)
        self.add.setEnabled(idle and self.data is not None and not self.data.missing)
        self.add.setToolTip(self.missing.text())
        self.card_page.setEnabled(idle)
        service = self.selected_service()
        self.edit_service.setEnabled(service is not None)
        usage = self.data is not None and service is not None and any(
            s.ref == service and s.billing == "usage" for s in self.data.services)
        self.new_usage.setEnabled(usage)
        self.new_usage.setToolTip("" if usage else self.tr("Select a service billed by usage"))
        why = refusal(self.chosen_payment())
        if why is None and not idle:
            why = self.tr("Another operation is under way")
        for control in (self.payments.refund, self.refund_action):
            control.setEnabled(why is None)
            control.setToolTip(why or self.tr("Refund all or part of this payment, with a "
                                              "reason"))

    def _done(self) -> None:
        self.reload()
        self.changed.emit()

    @Slot(bool)
    def set_emails(self, on: bool) -> None:
        from renewdesk.services import actions

        ref = self.ref
        self.desk.change(self, lambda ctx: actions.set_customer_emails(ctx, ref, on),
                         lambda _done: self._done(), self._refused)

    def _refused(self, message: str) -> None:
        show_error(self, message)
        self.reload()  # what the page shows goes back to what is saved

    @Slot()
    def default_method(self) -> None:
        from renewdesk.services import actions

        chosen = self.selected_method()
        if chosen is None:
            return
        self.desk.change(self, lambda ctx: actions.make_default_method(ctx, chosen),
                         lambda _done: self._done())

    @Slot()
    def remove_method(self) -> None:
        from renewdesk.ui.dialogs.remove_method import remove_payment_method
        chosen = self.selected_method()
        if chosen is not None:
            remove_payment_method(self, self.desk, chosen, self._done)

    def _method_dialog(self, replacing: str | None) -> None:
        from renewdesk.services import actions
        from renewdesk.ui.dialogs.payment_method import PaymentMethodDialog
        assert self.data is not None
        dialog = PaymentMethodDialog(self.ref, self.data.name, replacing, self)
        if not dialog.exec() or dialog.request is None:
            return
        request, app, ref = dialog.request, self.desk.app, self.ref
        if replacing is None:
            def work() -> object:
                return actions.add_method(app.context(), ref, request)
        else:
            def work() -> object:
                actions.replace_method(app.context(), replacing, request)
                return "replaced"
        self.desk.operations.start(work, lambda _r: self._done(),
                                   lambda message: show_error(self, message))

    @Slot()
    def add_method(self) -> None:
        self._method_dialog(None)

    @Slot()
    def replace_method(self) -> None:
        chosen = self.selected_method()
        if chosen is not None:
            self._method_dialog(chosen)

    @Slot()
    def send_card_page(self) -> None:
        from renewdesk.services import actions

        app, ref = self.desk.app, self.ref

        def work() -> None:
            actions.send_card_page(app.context(), ref)

        self.desk.operations.start(work, lambda _r: self.desk.message(
            self.tr("%1 was sent a link to save a new card").replace("%1", ref)),
            lambda message: show_error(self, message))

    @Slot()
    def bulk_recurrence(self) -> None:
        from renewdesk.ui.dialogs.bulk_recurrence import BulkRecurrenceDialog
        assert self.data is not None
        rows = sorted({i.row() for i in self.services.selectedIndexes()})
        refs = tuple(self.data.services[r].ref for r in rows)
        dialog = BulkRecurrenceDialog(self.desk, self.data, refs, self)
        if dialog.exec():
            self._done()

    @Slot()
    def renew_all(self) -> None:
        from renewdesk.services import proforma

        context, ref = self.desk.context, self.ref
        self.desk.reader.read("proforma", lambda: proforma.drafts(context(), None, ref),
                              self._renew_all, lambda message: show_error(self, message))

    def _renew_all(self, drafts: list[proforma.ProForma]) -> None:
        from renewdesk.ui.dialogs.proforma import ProFormaDialog
        ProFormaDialog(self.desk, drafts, None, self.ref, self).exec()
