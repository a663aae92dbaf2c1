"""The home page's "Needs you" (HM-1): one line per thing only the account manager can resolve,
each with the button that resolves it in place (confirmed where something is charged or sent,
by the dialogs the lists use) or opens the place that does.

The lines are rebuilt from each read (`services.home`); the buttons are ordinary push buttons,
so Tab reaches each and Enter or Space presses it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services.home import Need, retry_emails
from renewdesk.services.listing_actions import exclusively
from renewdesk.ui import permissions
from renewdesk.ui.desk import Desk
from renewdesk.ui.views.pages import outcome_words
from renewdesk.ui.widgets import confirm, inform, show_error

if TYPE_CHECKING:
    from renewdesk.notify.outbox import FlushResult
    from renewdesk.services import actions
    from renewdesk.services.charging import RoundResult

translate = QCoreApplication.translate


def need_text(need: Need, desk: Desk) -> str:
    """The line as the account manager reads it."""
    lang = desk.language
    money = lang.money(need.amount) if need.amount is not None else ""
    day = lang.day(need.on) if need.on is not None else ""
    texts = {
        "run_failed": translate("HomeNeeds", "The last run (as of %1) stopped: %2"),
        "final_failure": translate("HomeNeeds", "%1: the installment of %2 due %3 failed and "
                                   "its automatic attempts are over (%4)"),
        "collection": translate("HomeNeeds", "%1: the installment of %2 due %3 failed; it "
                                "waits to be handed to collection (%4)"),
        "authenticate": translate("HomeNeeds", "%1 must confirm %2 with their bank "
                                  "(since %3)"),
        "dispute": translate("HomeNeeds", "%1 disputed %2: answer by %3") if need.detail != "opened"
        else translate("HomeNeeds", "%1 disputed %2 (opened on %3): answer it at the payment "
                       "provider"),
        "card_expiring": translate("HomeNeeds", "%1: the card %4 expires on %3, before its "
                                   "next charge"),
        "plan_change": translate("HomeNeeds", "%1: the plan change to %2 is still unconfirmed "
                                 "and expires on %3 (%4)"),
        "emails": translate("HomeNeeds", "%n e-mail(s) cannot be sent: %1", "", need.count),
    }
    text = texts.get(need.kind, need.kind)
    if need.kind == "run_failed":
        return text.replace("%1", day).replace("%2", need.detail)
    if need.kind == "emails":
        return text.replace("%1", need.detail)
    return (text.replace("%1", need.customer).replace("%2", money).replace("%3", day)
            .replace("%4", need.detail or need.ref))


class NeedLine(QFrame):
    """One line: its words and its buttons."""

    def __init__(self, need: Need, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.need = need
        self.setObjectName(f"need_{need.kind}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(text)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # the whole sentence, on two lines where it needs them
        self.label.setSizePolicy(policy)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(160)
        self.buttons: list[QPushButton] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 3, 4, 3)
        self.row.addWidget(self.label, 1)
        self.setAccessibleName(text)

    def button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(True)  # Enter presses it, as Space does
        button.setAccessibleName(f"{text.replace('&', '').rstrip('…')}: {self.label.text()}")
        button.clicked.connect(slot)
        self.row.addWidget(button)
        self.buttons.append(button)
        return button


class NeedsList(QWidget):
    """The lines, rebuilt by `show_needs`; `resolved` when an action changed something."""

    resolved = Signal()

    def __init__(self, desk: Desk, open_list: Callable[[str], None],
                 run_now: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.open_list, self.run_now = desk, open_list, run_now
        self.lines: list[NeedLine] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.empty = QLabel(self.tr("Reading…"))  # until the first read answers
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.empty)
        self.layout_.addStretch(1)

    def show_needs(self, needs: tuple[Need, ...]) -> None:
        for line in self.lines:
            line.setParent(None)
            line.deleteLater()
        self.lines = []
        self.empty.setText(self.tr("Nothing needs you: every payment, e-mail and run is in "
                                   "order."))
        for need in needs:
            line = NeedLine(need, need_text(need, self.desk))
            self._buttons(line)
            # issue 23: a button the role cannot use stays, disabled with its reason
            permissions.apply(line, self.desk.app.role, self.desk.language.code)
            self.layout_.insertWidget(self.layout_.count() - 1, line)
            self.lines.append(line)
        self.empty.setVisible(not needs)

    def _buttons(self, line: NeedLine) -> None:
        need = line.need
        kind = need.kind
        if kind == "run_failed":
            line.button(self.tr("Run now"), "runNow", self.run_now)
        elif kind == "final_failure":
            line.button(self.tr("Final attempt…"), "finalAttempt",
                        lambda: self.final_attempt(need))
        elif kind == "collection":
            line.button(self.tr("Hand to collection…"), "collection",
                        lambda: self.hand_over(need))
            line.button(self.tr("Collections"), "openCollections",
                        lambda: self.open_list("collections"))
        elif kind == "card_expiring":
            line.button(self.tr("Send card page…"), "sendCardPage",
                        lambda: self.send_card_page(need))
        elif kind == "plan_change":
            line.button(self.tr("Ask again…"), "askAgain", lambda: self.ask_again(need))
        elif kind == "emails":
            line.button(self.tr("Retry e-mails"), "retryEmails", self.retry_emails)
            line.button(self.tr("Outbox"), "openOutbox", lambda: self.open_list("outbox"))
        if need.customer_ref:
            line.button(self.tr("Open customer"), "openCustomer",
                        lambda: self.desk.open_customer(need.customer_ref))

    # Actions: the lists' own, on the line's subject -----------------------------------------

    def _changed(self) -> None:
        self.desk.changed()
        self.resolved.emit()

    def final_attempt(self, need: Need) -> None:
        if not confirm(self, self.tr("Renew payment plan"), self.tr(
                "Start the final attempt for %1 now? It can be used once per installment.")
                .replace("%1", need.ref)):
            return
        app, ref = self.desk.app, need.ref

        def work() -> RoundResult:
            from renewdesk.services.manual import final_attempt
            return exclusively(app.engine.url, lambda: final_attempt(app.context(), ref))

        def done(result: RoundResult) -> None:
            self._changed()
            inform(self, self.tr("Charge"), self.tr("%1: %2").replace("%1", result.subject_ref)
                   .replace("%2", outcome_words(result.outcome)))

        self.desk.operations.start(work, done, lambda m: show_error(self, m))

    def hand_over(self, need: Need) -> None:
        from renewdesk.ui.dialogs.collection import CollectionDialog
        dialog = CollectionDialog(self.desk, need.ref, need.customer, self)
        if dialog.exec() and dialog.handoff is not None:
            self._changed()
            self.desk.message(translate("OrdersPage", "Order %1 handed to collection (%2)")
                              .replace("%1", need.ref).replace("%2", dialog.handoff.total))

    def send_card_page(self, need: Need) -> None:
        if not confirm(self, self.tr("Send card page"), self.tr(
                "E-mail %1 a link to save a new card?").replace("%1", need.customer)):
            return
        app, ref = self.desk.app, need.customer_ref

        def work() -> None:
            from renewdesk.services import actions
            actions.send_card_page(app.context(), ref)

        def done(_result: None) -> None:
            self._changed()
            self.desk.message(self.tr("%1 was sent a link to save a new card")
                              .replace("%1", need.customer))

        self.desk.operations.start(work, done, lambda m: show_error(self, m))

    def ask_again(self, need: Need) -> None:
        from renewdesk.services import actions
        self.desk.read("plan state", lambda ctx: actions.plan_state(ctx, need.ref),
                       self._plan_update, lambda message: show_error(self, message))

    def _plan_update(self, state: actions.PlanState) -> None:
        from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
        dialog = PlanUpdateDialog(self.desk, state, self)
        if dialog.exec() and dialog.result_ is not None:
            self._changed()

    def retry_emails(self) -> None:
        app = self.desk.app

        def done(result: FlushResult) -> None:
            self._changed()
            if result.waiting:
                show_error(self, self.tr("No mail server is set: %n e-mail(s) wait. Set it in "
                                         "Settings.", "", result.waiting))
            else:
                self.desk.message(self.tr("E-mails sent: %1; still failing: %2")
                                  .replace("%1", str(result.sent))
                                  .replace("%2", str(result.failed)))

        self.desk.operations.start(lambda: retry_emails(app.context()), done,
                                   lambda m: show_error(self, m))
