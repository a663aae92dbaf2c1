"""RF-2 in the window: a payment disputed is told to the account manager without their looking
for it, whoever recorded it (a run or a sync of this window, a nightly run, another computer).

The disputes recorded since the last one told are read off the GUI thread after each run, sync
or change seen elsewhere; where the events stood is kept in QSettings for this database, so a
dispute recorded while the window was closed is told when it opens. They stay in the status bar
(a link to the customer) until the window closes, and a message says so after a run.
"""

from __future__ import annotations

import hashlib
from html import escape

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from renewdesk.services.listing_actions import DisputeAlert, disputes_since, last_event
from renewdesk.ui.desk import Desk
from renewdesk.ui.mode_badge import RED

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def alert_text(alert: DisputeAlert, desk: Desk) -> str:
    """"A customer disputed a payment: Ana Martin, 12,00 €, answer by 28 déc. 2026"."""
    language = desk.language
    if alert.respond_by is None:
        text = translate("Alerts", "A customer disputed a payment: %1, %2").replace(
            "%1", alert.customer_name).replace("%2", language.money(alert.amount))
    else:
        text = translate("Alerts", "A customer disputed a payment: %1, %2, answer by %3") \
            .replace("%1", alert.customer_name).replace("%2", language.money(alert.amount)) \
            .replace("%3", language.day(alert.respond_by))
    if alert.suspended:
        text += translate("Alerts", " (suspended until it is settled: %1)").replace(
            "%1", ", ".join(alert.suspended))
    return text


class DisputeAlerts(QObject):
    def __init__(self, desk: Desk, window: QWidget, label: QLabel) -> None:
        super().__init__(window)
        self.desk, self.window, self.label = desk, window, label
        label.setObjectName("disputeAlert")
        label.setStyleSheet(f"color: {RED}; font-weight: bold")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(desk.open_customer)
        label.hide()
        self.told: list[DisputeAlert] = []
        digest = hashlib.sha256(str(desk.app.url).encode()).hexdigest()[:16]
        self._key = f"alerts/disputes-{digest}"
        stored = QSettings().value(self._key)
        self._mark: int | None = int(stored) if stored is not None else None

    def start(self) -> None:
        """At the window's opening: disputes recorded since it last looked are told; the first
        time on a database, only those that come from now on."""
        if self._mark is None:
            self.desk.read("dispute mark", last_event, self._marked)
        else:
            self.check(box=True)

    def _marked(self, mark: int) -> None:
        self._mark = mark
        QSettings().setValue(self._key, mark)

    def check(self, box: bool = True) -> None:
        mark = self._mark
        if mark is None:
            return
        self.desk.read("disputes", lambda ctx: disputes_since(ctx, mark),
                       lambda found: self._found(found, box))

    def _found(self, found: tuple[int, tuple[DisputeAlert, ...]], box: bool) -> None:
        mark, alerts = found
        self._marked(mark)
        if not alerts:
            return
        self.told.extend(alerts)
        self._show_label()
        if box:
            self._box(alerts)

    def _show_label(self) -> None:
        last = self.told[-1]
        text = escape(alert_text(last, self.desk))
        if len(self.told) > 1:
            count = len(self.told)
            text = translate("Alerts", "%n payments disputed; the last: %1", "", count) \
                .replace("%1", text)
        self.label.setText(f'⚠ <a href="{escape(last.customer_ref)}" style="color: {RED}">'
                           f"{text}</a>")
        self.label.setToolTip("\n".join(alert_text(a, self.desk) for a in self.told))
        self.label.show()

    def _box(self, alerts: tuple[DisputeAlert, ...]) -> None:
        lines = "\n".join(alert_text(a, self.desk) for a in alerts)
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Alerts", "Payment disputed"),
                          lines + "\n\n" + translate(
                              "Alerts", "Answer the payment provider with your evidence "
                              "before the date given, or the money goes back to the customer. "
                              "The customer's payments show the dispute."),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("disputeAlertBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if len({a.customer_ref for a in alerts}) == 1:
            ref = alerts[0].customer_ref
            show = box.addButton(translate("Alerts", "Open the customer"),
                                 QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: self.desk.open_customer(ref))
        box.open()

    @Slot()
    def forget(self) -> None:
        self.told.clear()
        self.label.hide()
