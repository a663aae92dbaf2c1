"""The first-run assistant's four pages (first_run.py holds them together).

Each page knows what it shows (`typed`), what of that differs from what is saved (`changes`)
and how to save it off the GUI thread (`save`, through `Desk.change`, with the same service
calls Settings makes). The seller and the processor are Settings' own tabs
(seller_settings.py, payments_settings.py) with the rows a first start does not need hidden.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from renewdesk.services import actions, first_run, payments_setting
from renewdesk.services.context import Context
from renewdesk.services.payments_setting import StripeAccount
from renewdesk.ui.dialogs.payments_settings import PaymentsTab
from renewdesk.ui.dialogs.seller_settings import SellerTab
from renewdesk.ui.mode_badge import RED
from renewdesk.ui.widgets import confirm

if TYPE_CHECKING:
    from renewdesk.ui.dialogs.first_run import FirstRunWizard

# The seller's fields a first start asks for; the rest stay in Settings > Seller.
SELLER_FIELDS = ("seller_name", "seller_address", "seller_country", "seller_siren",
                 "seller_vat_number", "seller_email")
PLACEHOLDER_EMAIL = "seller@renewdesk.invalid"
DEMO_CUSTOMERS = 50  # as `renewdesk demo`


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class AssistantPage(QWizardPage):
    """A page whose Next saves what was typed (then moves on), and whose Skip does not."""

    def __init__(self, assistant: FirstRunWizard) -> None:
        super().__init__()
        self.assistant = assistant
        self.passing = False  # set while Next moves on after the save, or after Skip

    def typed(self) -> dict[str, str]:
        return {}

    def changes(self) -> dict[str, str]:
        saved = self.assistant.values
        return {k: v for k, v in self.typed().items() if v != saved.get(k, "")}

    def ready(self) -> bool:
        """The page's own checks before saving; False shows why and stays."""
        return True

    def save(self, then: Callable[[], None]) -> None:
        changes = self.changes()
        self.assistant.desk.change(self.assistant,
                                   lambda ctx: actions.save_settings(ctx, changes),
                                   lambda _count: self.assistant.saved(changes, then),
                                   self.assistant.show_problem)

    def validatePage(self) -> bool:
        if self.passing:
            return True
        if not self.changes():
            return True
        if self.ready():
            self.save(self.assistant.move_on)
        return False


class SellerPage(AssistantPage):
    def __init__(self, assistant: FirstRunWizard) -> None:
        super().__init__(assistant)
        self.setObjectName("firstRunSeller")
        self.setTitle(self.tr("You, the seller"))
        self.setSubTitle(self.tr("Your name and address as invoices show them, and the "
                                 "address where renewdesk sends you its alerts. The rest is in "
                                 "Settings > Seller."))
        self.tab = SellerTab(assistant.values, assistant.desk.language.code)
        form = self.tab._form
        for row in range(form.rowCount() - 1, -1, -1):
            if not self._wanted(form, row):
                form.setRowVisible(row, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab)

    def _wanted(self, form: QFormLayout, row: int) -> bool:
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if item is None:
            return False
        inside = item.widget()
        inner = item.layout()
        if inside is None and inner is not None and inner.count():
            first = inner.itemAt(0)
            inside = first.widget() if first is not None else None
        if inside is not None and inside.findChild(QPushButton, "chooseLogo") is not None:
            return True
        return inside is not None and inside.objectName() in SELLER_FIELDS

    def typed(self) -> dict[str, str]:
        values = self.tab.values()
        out = {name: values[name] for name in (*SELLER_FIELDS, "seller_logo")}
        if out["seller_email"] == PLACEHOLDER_EMAIL:
            out["seller_email"] = self.assistant.values.get("seller_email", PLACEHOLDER_EMAIL)
        return out

    def ready(self) -> bool:
        if self.tab.validate():
            return True
        self.assistant.show_problem(self.tr("A value is not valid: its words are under it."))
        return False


class ProcessorPage(AssistantPage):
    def __init__(self, assistant: FirstRunWizard) -> None:
        super().__init__(assistant)
        self.setObjectName("firstRunProcessor")
        self.setTitle(self.tr("The payment processor"))
        self.setSubTitle(self.tr("The sandbox takes no real money: try renewdesk with it. "
                                 "With Stripe, your secret key goes to this computer's system "
                                 "keyring, never into the database."))
        chosen = assistant.values.get("payment_processor", "sandbox")
        self.tab = PaymentsTab(assistant.desk, assistant.env, chosen, assistant)
        form = self.tab.layout()
        assert isinstance(form, QFormLayout)
        position = form.getWidgetPosition(self.tab.pay_pages)
        first = int(position[0])  # type: ignore[index]
        for row in range(first, form.rowCount()):  # pay-now pages: Settings > Payments
            form.setRowVisible(row, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab)

    def typed(self) -> dict[str, str]:
        typed = {"payment_processor": self.tab.choice()}
        if self.tab.typed_key():
            typed["stripe_key"] = "typed"  # a change to save; the key itself never leaves the tab
        return typed

    def changes(self) -> dict[str, str]:
        return {"payment_processor": self.tab.choice()} if self.tab.changed() else {}

    def save(self, then: Callable[[], None]) -> None:
        tab = self.tab
        if tab.choice() == "stripe" and tab.account() is None:
            tab.verify(lambda account: self._go_live_or_save(account, then))
        else:
            self._go_live_or_save(tab.account(), then)

    def _go_live_or_save(self, account: StripeAccount | None, then: Callable[[], None]) -> None:
        desk = self.assistant.desk
        going_live = (account is not None and account.live
                      and desk.app.mode() != payments_setting.STRIPE_LIVE)
        if going_live and not confirm(self, self.tr("Stripe live mode"), self.tr(
                "This key is a LIVE key: from now on, runs take real money from your "
                "customers' cards and accounts. Switch to live mode?")):
            self.assistant.show_problem(self.tr("Live mode not confirmed: nothing was saved."))
            return
        choice, key, env, app = self.tab.choice(), self.tab.typed_key(), self.assistant.env, \
            desk.app

        def save(ctx: Context) -> str:
            mode = payments_setting.save(ctx, env, choice, key, account=account,
                                         live_confirmed=account is not None and account.live)
            app.remake_processor()
            return mode

        def saved(_mode: str) -> None:
            self.tab.saved = choice
            self.tab.key.clear()
            self.assistant.processorChanged.emit()
            self.assistant.saved({"payment_processor": choice}, then)

        desk.change(self.assistant, save, saved, self.assistant.show_problem)


class MailPage(AssistantPage):
    def __init__(self, assistant: FirstRunWizard) -> None:
        super().__init__(assistant)
        self.setObjectName("firstRunMail")
        self.setTitle(self.tr("Sending e-mail"))
        self.setSubTitle(self.tr("The server renewdesk sends its e-mails through: to your "
                                 "customers (notices, receipts) and to you (alerts)."))
        values = assistant.values
        self.host = QLineEdit(values.get("smtp_host", ""))
        self.host.setObjectName("smtp_host")
        self.host.setPlaceholderText(self.tr("e.g. smtp.example.com"))
        self.port = QSpinBox()
        self.port.setObjectName("smtp_port")
        self.port.setRange(1, 65535)
        port = values.get("smtp_port", "25")
        self.port.setValue(int(port) if port.isdigit() else 25)
        self.from_address = QLineEdit(values.get("smtp_sender", ""))
        self.from_address.setObjectName("smtp_sender")
        self.from_address.setPlaceholderText(self.tr("e.g. billing@example.com"))
        self.starttls = QCheckBox(self.tr("Use STARTTLS (encrypted connection)"))
        self.starttls.setObjectName("smtp_starttls")
        self.starttls.setChecked(values.get("smtp_starttls") == "true")
        self.test = QPushButton(self.tr("Send a &test message"))
        self.test.setObjectName("sendTestMessage")
        self.test.clicked.connect(self.send_test)
        self.result = _note("")
        self.result.setObjectName("testResult")
        self.recipient = _note("")
        form = QFormLayout(self)
        form.addRow(self.tr("SMTP server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Sender address:"), self.from_address)
        form.addRow("", self.starttls)
        row = QHBoxLayout()
        row.addWidget(self.test)
        row.addStretch()
        form.addRow("", row)
        form.addRow("", self.recipient)
        form.addRow("", self.result)

    def initializePage(self) -> None:
        to = self.to()
        self.recipient.setText(
            self.tr("The test message goes to %1.").replace("%1", to) if to else
            self.tr("Give your e-mail on the first page to receive a test message."))

    def to(self) -> str:
        """The account manager's address: the one typed on the first page, else the saved one."""
        address = self.assistant.seller.typed().get("seller_email", "")
        return "" if address in ("", PLACEHOLDER_EMAIL) else address

    def typed(self) -> dict[str, str]:
        return {"smtp_host": self.host.text().strip(), "smtp_port": str(self.port.value()),
                "smtp_sender": self.from_address.text().strip(),
                "smtp_starttls": "true" if self.starttls.isChecked() else "false"}

    def changes(self) -> dict[str, str]:
        saved = self.assistant.values
        defaults = {"smtp_port": "25", "smtp_starttls": "false"}
        return {k: v for k, v in self.typed().items()
                if v != saved.get(k, defaults.get(k, ""))}

    @Slot()
    def send_test(self) -> None:
        """One message to the account manager, off the GUI thread; what happened, in words."""
        to, typed = self.to(), self.typed()
        if not typed["smtp_host"] or not to:
            self._said(False, self.tr("Type the server's name, and your e-mail on the first "
                                      "page, first."))
            return
        message = first_run.TestMessage(
            typed["smtp_host"], int(typed["smtp_port"]), typed["smtp_sender"],
            typed["smtp_starttls"] == "true", to, self.tr("renewdesk: test message"),
            self.tr("This message was sent by renewdesk's first-run assistant to check the "
                    "e-mail settings. They work: nothing else to do."))

        env = self.assistant.desk.app.env

        def send(ctx: Context) -> str:
            try:
                first_run.send_test_message(message, ctx, env)
            except (OSError, smtplib.SMTPException) as error:
                return str(error) or type(error).__name__
            return ""

        self.result.setText(self.tr("Sending…"))
        self.result.setStyleSheet("")
        self.assistant.desk.change(self.assistant, send, self._answered,
                                   lambda text: self._said(False, text))

    def _answered(self, problem: str) -> None:
        if problem:
            self._said(False, self.tr("Not sent: %1").replace("%1", problem))
        else:
            self._said(True, self.tr("Sent to %1: check that it arrived.").replace(
                "%1", self.to()))

    def _said(self, ok: bool, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #1b6e20" if ok else f"color: {RED}")


class DataPage(AssistantPage):
    """The last page: what the portfolio starts with. Nothing is saved by leaving it; Finish
    does what was chosen."""

    def __init__(self, assistant: FirstRunWizard) -> None:
        super().__init__(assistant)
        self.setObjectName("firstRunData")
        self.setTitle(self.tr("Your customers"))
        self.setSubTitle(self.tr("Bring your portfolio in from a file, try renewdesk on demo "
                                 "data, or start with nothing and add customers yourself."))
        self.import_file = QRadioButton(self.tr("&Import a file (renewdesk's exchange JSON, "
                                                "or a CSV of customers or services)"))
        self.import_file.setObjectName("importChoice")
        self.demo = QRadioButton(self.tr("Create &demo data (%1 made-up customers, to try "
                                         "renewdesk)").replace("%1", str(DEMO_CUSTOMERS)))
        self.demo.setObjectName("demoChoice")
        self.empty = QRadioButton(self.tr("Start &empty"))
        self.empty.setObjectName("emptyChoice")
        self.empty.setChecked(True)
        self.group = QButtonGroup(self)
        for button in (self.import_file, self.demo, self.empty):
            self.group.addButton(button)
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.setPlaceholderText(self.tr("A .json or .csv file"))
        self.path.textChanged.connect(lambda _t: self.import_file.setChecked(True))
        choose = QPushButton(self.tr("&Choose…"))
        choose.setObjectName("chooseImport")
        choose.setAccessibleName(self.tr("Choose the file to import"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.import_file)
        layout.addLayout(row)
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addStretch()

    def typed(self) -> dict[str, str]:
        return {"import_path": self.path.text().strip()}

    def changes(self) -> dict[str, str]:
        return {}

    def chosen_path(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if self.import_file.isChecked() and text else None

    @Slot()
    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a file"), "",
            self.tr("Exchange or CSV files (*.json *.csv *.txt);;All files (*)"))
        if name:
            self.path.setText(name)

    def validatePage(self) -> bool:
        if self.passing or self.empty.isChecked():
            return True
        if self.import_file.isChecked() and self.chosen_path() is None:
            self.assistant.show_problem(self.tr("Choose the file to import first."))
            return False
        if self.demo.isChecked():
            self.assistant.desk.change(self.assistant,
                                       lambda ctx: _demo(ctx), self._demo_made,
                                       self.assistant.show_problem)
            return False
        return True  # the import's preview opens once the assistant has closed

    def _demo_made(self, summary: str) -> None:
        self.assistant.desk.changed()
        self.assistant.desk.message(summary)
        self.passing = True
        self.assistant.accept()


def _demo(ctx: Context) -> str:
    from renewdesk.services import demo

    return demo.fill(ctx, DEMO_CUSTOMERS).summary()
