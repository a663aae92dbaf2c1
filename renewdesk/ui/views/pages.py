"""The lists of the main window with the buttons that act on their selection.

Each page is a ListPage over one listing; its buttons open the dialog of the use case or start
a background operation, and enable themselves from the selection (with a tooltip saying why
when they cannot be used).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from renewdesk.services import listing
from renewdesk.services.listing import RenewalRow
from renewdesk.services.listing_actions import bulk_customer, exclusively
from renewdesk.ui.desk import Desk
from renewdesk.ui.models.table import ListingModel
from renewdesk.ui.views.list_page import ListPage
from renewdesk.ui.widgets import confirm, inform, show_error

if TYPE_CHECKING:
    from renewdesk.services import actions
    from renewdesk.services.charging import RoundResult
    from renewdesk.services.overview import CustomerOverview
    from renewdesk.services.proforma import ProForma

# Methods that subclasses inherit name their context: tr() would use the subclass's name.
translate = QCoreApplication.translate


def _final_attempt_refusal(desk: Desk, ref: str, language: str) -> str | None:
    """On the worker: the use cases' module is loaded there if it is not yet (warm_up.py),
    never on the GUI thread as a row is selected."""
    from renewdesk.services import actions

    return actions.final_attempt_refusal(desk.context(), ref, language)


def _model(desk: Desk, which: listing.Listing) -> ListingModel:
    return ListingModel(which, desk.app.read_sessions(), desk.today, lazy=True,
                        language=desk.language)



def outcome_words(outcome: str) -> str:
    """How a charge the account manager asked for ended, in words (a manual renewal, the final
    attempt of an installment)."""
    return {"paid": translate("_Page", "paid"), "failed": translate("_Page", "failed"),
            "pending": translate("_Page", "pending (debit under way)"),
            "unknown": translate("_Page", "unknown: the next run asks the processor"),
            "skipped": translate("_Page", "nothing was due")}.get(outcome, outcome)

class _Page(ListPage):
    form_kind: str | None = None  # what New and Edit make on this list, if anything

    def __init__(self, desk: Desk, which: listing.Listing, hint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(_model(desk, which), hint, parent)
        self.desk = desk
        self.selectionChanged.connect(self.update_buttons)
        desk.operations.busyChanged.connect(self.update_buttons)

    def button(self, text: str, slot: object, name: str, shortcut: str | None = None) -> QPushButton:
        button = self.add_button(QPushButton(text))
        button.setObjectName(name)
        button.clicked.connect(slot)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        return button

    def _round_done(self, result: RoundResult) -> None:
        self.desk.changed()
        text = translate("_Page", "%1: %2").replace("%1", result.subject_ref).replace(
            "%2", outcome_words(result.outcome))
        self.desk.message(text)
        inform(self, translate("_Page", "Charge"), text)


class CustomersPage(_Page):
    form_kind = "customer"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, listing.CUSTOMERS, self.tr("Search by reference, name or e-mail"),
                         parent)
        self.open = self.button(self.tr("&Open customer"), self.open_customer, "openCustomer")
        self.activated.connect(desk.open_customer)
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        self.open.setEnabled(self.current_ref() is not None)

    @Slot()
    def open_customer(self) -> None:
        ref = self.current_ref()
        if ref:
            self.desk.open_customer(ref)


class ServicesPage(_Page):
    form_kind = "service"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, listing.SERVICES,
                         self.tr("Search by service, label or customer name"), parent)
        self.bulk = self.button(self.tr("&Bulk recurrence…"), self.bulk_recurrence, "bulk",
                                "Ctrl+B")
        self.renew = self.button(self.tr("Pro-forma (&Renew)…"), self.proforma, "renew")
        self.manual = self.button(self.tr("Pay &now (manual renewal)"), self.manual_renewal,
                                  "manualRenewal")
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        refs = self.selected_refs()
        idle = not self.desk.operations.busy
        self.bulk.setEnabled(bool(refs))
        self.renew.setEnabled(bool(refs))
        self.manual.setEnabled(len(refs) == 1 and idle)

    @Slot()
    def bulk_recurrence(self) -> None:
        """The selection's one customer is read off the GUI thread, then the dialog opens."""
        refs, context = tuple(self.selected_refs()), self.desk.context
        self.desk.reader.read("bulk", lambda: bulk_customer(context(), refs),
                              lambda customer: self._bulk_recurrence(customer, refs),
                              lambda message: show_error(self, message))

    def _bulk_recurrence(self, customer: CustomerOverview, refs: tuple[str, ...]) -> None:
        from renewdesk.ui.dialogs.bulk_recurrence import BulkRecurrenceDialog
        dialog = BulkRecurrenceDialog(self.desk, customer, refs, self)
        if dialog.exec():
            self.desk.changed()
            self.desk.message(self.tr("Auto-renew changed for %n service(s)", "",
                                      len(dialog.changed)))

    @Slot()
    def proforma(self) -> None:
        from renewdesk.services import proforma
        refs, context = tuple(self.selected_refs()), self.desk.context
        self.desk.reader.read("proforma", lambda: proforma.drafts(context(), refs, None),
                              lambda drafts: self._proforma(drafts, refs),
                              lambda message: show_error(self, message))

    def _proforma(self, drafts: list[ProForma], refs: tuple[str, ...]) -> None:
        from renewdesk.ui.dialogs.proforma import ProFormaDialog
        dialog = ProFormaDialog(self.desk, drafts, refs, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.desk.message(self.tr("Pro-formas saved to %1").replace("%1", str(dialog.saved)))

    @Slot()
    def manual_renewal(self) -> None:
        ref = self.current_ref()
        if ref is None or not confirm(self, self.tr("Pay now"), self.tr(
                "Charge %1 now for one period (plus the reactivation fee if it is "
                "suspended)?").replace("%1", ref)):
            return
        app = self.desk.app

        def work() -> RoundResult:
            from renewdesk.services.manual import manual_renewal
            return exclusively(app.engine.url, lambda: manual_renewal(app.context(), ref))

        self.desk.operations.start(work, self._round_done, lambda m: show_error(self, m))


class MethodsPage(_Page):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, listing.METHODS,
                         self.tr("Search by reference, customer, holder or last 4"), parent)
        self.remove = self.button(self.tr("&Remove…"), self.remove_method, "removeMethod")
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        self.remove.setEnabled(self.current_ref() is not None)

    @Slot()
    def remove_method(self) -> None:
        from renewdesk.ui.dialogs.remove_method import remove_payment_method
        ref = self.current_ref()
        if ref is not None:
            remove_payment_method(self, self.desk, ref, self.desk.changed)


class OrdersPage(_Page):
    form_kind = "order"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        # IN-1: orders are found by reference, customer name or invoice number.
        super().__init__(desk, listing.ORDERS,
                         self.tr("Find an order by reference, customer name or invoice number"),
                         parent)
        self.plan = self.button(self.tr("&Update plan…"), self.update_plan, "updatePlan", "Ctrl+U")
        self.renew_plan = self.button(self.tr("Renew &payment plan"), self.final_attempt,
                                      "renewPlan")
        self.collection = self.button(self.tr("Hand to &collection…"), self.hand_over,
                                      "collection")
        # IN-5's answer for the selected order, read on the list's worker: (ref, why not).
        self._refusal: tuple[str, str | None] | None = None
        self._asking: str | None = None
        self._asked_under = 0  # moves on when the data changes: older answers are dropped
        self.model.countChanged.connect(self._forget_refusal)
        self.update_buttons()

    @Slot()
    def _forget_refusal(self) -> None:
        self._refusal, self._asking = None, None
        self._asked_under += 1
        self.update_buttons()

    def _final_attempt_refusal(self, ref: str) -> str | None:
        """Why "Renew payment plan" is not usable; while unknown, it is asked of the worker."""
        if self._refusal is not None and self._refusal[0] == ref:
            return self._refusal[1]
        if self._asking != ref:
            self._asking = ref
            under, desk, language = self._asked_under, self.desk, self.desk.language.code
            self.model.loader.run(lambda: _final_attempt_refusal(desk, ref, language),
                                  lambda why: self._refusal_known(under, ref, why))
        return self.tr("Checking whether the order can have a final attempt…")

    def _refusal_known(self, under: int, ref: str, why: str | None) -> None:
        if under != self._asked_under:
            return
        self._refusal, self._asking = (ref, why), None
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        ref = self.current_ref()
        self.plan.setEnabled(ref is not None)
        self.collection.setEnabled(ref is not None)
        why = self.tr("Select one order") if ref is None else self._final_attempt_refusal(ref)
        if self.desk.operations.busy and why is None:
            why = self.tr("Another operation is under way")
        self.renew_plan.setEnabled(why is None)
        self.renew_plan.setToolTip(why or self.tr(
            "One fourth and final attempt for the installment whose automatic attempts are "
            "exhausted"))

    @Slot()
    def update_plan(self) -> None:
        from renewdesk.services import actions
        ref = self.current_ref()
        if ref is None:
            return
        self.desk.read("plan state", lambda ctx: actions.plan_state(ctx, ref),
                       self._open_plan_update, lambda message: show_error(self, message))

    def _open_plan_update(self, state: actions.PlanState) -> None:
        """The plan as it is now, read off the GUI thread: the dialog opens on it."""
        from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
        dialog = PlanUpdateDialog(self.desk, state, self)
        if dialog.exec() and dialog.result_ is not None:
            self.desk.changed()
            self.desk.message(self.tr("Plan change sent to the customer, pending until %1")
                              .replace("%1", dialog.result_.deadline_on.isoformat()))

    @Slot()
    def final_attempt(self) -> None:
        ref = self.current_ref()
        if ref is None or not confirm(self, self.tr("Renew payment plan"), self.tr(
                "Start the final attempt for %1 now? It can be used once per installment.")
                .replace("%1", ref)):
            return
        app = self.desk.app

        def work() -> RoundResult:
            from renewdesk.services.manual import final_attempt
            return exclusively(app.engine.url, lambda: final_attempt(app.context(), ref))

        self.desk.operations.start(work, self._round_done, lambda m: show_error(self, m))

    @Slot()
    def hand_over(self) -> None:
        from renewdesk.ui.dialogs.collection import CollectionDialog
        ref = self.current_ref()
        if ref is None:
            return
        row = self.current_row()
        dialog = CollectionDialog(self.desk, ref, row.customer if row else "", self)
        if dialog.exec() and dialog.handoff is not None:
            self.desk.changed()
            self.desk.message(translate("OrdersPage", "Order %1 handed to collection (%2)")
                              .replace("%1", ref).replace("%2", dialog.handoff.total))


class CollectionsPage(OrdersPage):
    """IN-6: failed SEPA installments; the hand-off acts on the row's order."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        _Page.__init__(self, desk, listing.COLLECTIONS,
                       self.tr("Search by order, customer or invoice number"), parent)
        self.collection = self.button(self.tr("Hand to &collection…"), self.hand_over,
                                      "collection")
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        self.collection.setEnabled(self.current_ref() is not None)

    def current_ref(self) -> str | None:
        refs = set(self.selected_refs())
        return refs.pop() if len(refs) == 1 else None


class RenewalsPage(_Page):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, listing.RENEWALS, self.tr("Search by renewal or customer"), parent)
        self.cancel = self.button(self.tr("Cancel &renewal…"), self.cancel_renewal,
                                  "cancelRenewal")
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        row = self.current_row()
        self.cancel.setEnabled(isinstance(row, RenewalRow) and row.status == "scheduled")

    @Slot()
    def cancel_renewal(self) -> None:
        from renewdesk.ui.dialogs.cancel_renewal import CancelRenewalDialog
        ref, row = self.current_ref(), self.current_row()
        if ref is None or not isinstance(row, RenewalRow):
            return
        summary = f"{row.customer}, {self.desk.language.money(row.amount)}, {row.card}"
        dialog = CancelRenewalDialog(self.desk, ref, summary, self)
        if dialog.exec():
            self.desk.changed()
            self.desk.message(self.tr("Renewal %1 cancelled").replace("%1", ref))


class SimplePage(_Page):
    """Outbox, events, audit log: read-only lists."""


class PaymentsPage(SimplePage):
    """HM-1: every attempt to take money, what a chart's bar opens on its days; a double click
    opens the customer."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, listing.PAYMENTS, self.tr("Search by customer, renewal, order or "
                                                         "usage invoice"), parent)
        self.activated.connect(desk.open_customer)
