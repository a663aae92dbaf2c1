"""Settings: the policy numbers of RULES.md, e-mail, the nightly run, the seller as invoices
name it (seller_settings.py), the interface language, the payment processor with its Stripe key
(payments_settings.py) and this machine's database (team mode: a shared PostgreSQL).

All values are checked together and saved at once, or none is (the message names the one that
is wrong). The Stripe key goes to the system keyring, never into the settings table; with no
secure keyring it is refused and the dialog says so. Saving (the database, the keyring) is done
off the GUI thread; the dialog closes once it is done.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSettings, Qt, QTime, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from renewdesk import keystore
from renewdesk.domain.errors import InputError
from renewdesk.domain.policy import REMOVAL_POLICIES
from renewdesk.domain.refusal_words import words
from renewdesk.domain.roles import Power
from renewdesk.domain.setting_words import AMOUNTS, choice_words, currency_words
from renewdesk.services import actions, payments_setting, window
from renewdesk.services.context import Context
from renewdesk.services.currencies import SettingCurrencies, read_setting_currencies
from renewdesk.services.payments_setting import StripeAccount
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.payments_settings import PaymentsTab
from renewdesk.ui.dialogs.seller_settings import SellerTab
from renewdesk.ui.permissions import refusal
from renewdesk.ui.widgets import SendingDialog, confirm

RULE_FIELDS = ("notice_days", "charge_days", "min_notice_days", "renewal_retry_days",
               "reactivation_fee", "installment_retry_days", "min_installment",
               "plan_confirm_days", "card_expiring_day", "payment_method_removal",
               "fallback_to_other_methods", "link_valid_days", "dispute_suspends")
MAIL_FIELDS = ("seller_language", "smtp_host", "smtp_port", "smtp_sender",
               "smtp_user", "smtp_starttls", "webhook_url", "links_base_url")
RUN_FIELDS = ("nightly_time", "business_time_zone", "processor_concurrency",
              "processor_rate_limit")
BOOLEAN = {"fallback_to_other_methods", "smtp_starttls", "dispute_suspends"}
# HM-3: a coded setting's combo box shows its words (`domain.setting_words`) and keeps its code.
CHOICES = {"payment_method_removal": REMOVAL_POLICIES, "seller_language": ("fr", "en")}


class _Words(QLabel):
    """A check box's words that wrap (a long sentence would widen the whole dialog); a click on
    them ticks the box, as on a check box's own text."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__(box.accessibleName())
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.box.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()


def _wrapped(widget: QWidget, unit: QLabel | None = None) -> QWidget:
    """A check box with its words beside it, or a field with its unit (an amount's currency)."""
    if unit is not None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        layout.addWidget(unit)
        return row
    if not isinstance(widget, QCheckBox) or not widget.accessibleName():
        return widget
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(_Words(widget), 1)
    return row


class SettingsDialog(SendingDialog):
    languageChanged = Signal(str)

    def __init__(self, desk: Desk, env: Mapping[str, str],
                 current: window.SettingsValues, parent: QWidget | None = None) -> None:
        """`current`: the saved settings, read off the GUI thread by whoever opens the dialog
        (`services.window.user_settings`)."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._desk = desk
        self._env = env
        self.database_changed = False
        self.current = dict(current.values)
        self.fields: dict[str, QWidget] = {}
        # HM-3: an amount setting's currency, beside it once the portfolio's is read.
        self.units = {name: QLabel() for name in AMOUNTS}
        tabs = QTabWidget()
        labels = self._labels()
        for title, names in ((self.tr("Rules"), RULE_FIELDS), (self.tr("E-mail"), MAIL_FIELDS),
                             (self.tr("Scheduler"), RUN_FIELDS)):
            page = QWidget()
            form = QFormLayout(page)
            for name in names:
                widget = self._widget(name, self.current.get(name, ""))
                widget.setObjectName(name)
                self.fields[name] = widget
                form.addRow(labels.get(name, name), _wrapped(widget, self.units.get(name)))
                if name in self.units:  # in a row with its currency, away from its label
                    widget.setAccessibleName(labels[name].rstrip(": "))
            tabs.addTab(page, title)
        for name, unit in self.units.items():
            unit.setObjectName(f"{name}_currency")
            unit.setText(currency_words(name, (), desk.language.code))
        desk.read(self, read_setting_currencies, self._show_currencies)
        # IV-1: the seller's identity for invoices; its e-mail is `seller_email` (alerts too).
        self.seller = SellerTab(self.current, desk.language.code)
        self.fields["seller_email"] = self.seller.widgets["seller_email"]
        tabs.addTab(self.seller, self.tr("Seller"))
        self.tabs = tabs

        interface = QWidget()
        form = QFormLayout(interface)
        self.language = QComboBox()
        self.language.setObjectName("ui_language")
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        chosen = str(QSettings().value("ui/language", "system"))
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        form.addRow(self.tr("Interface language:"), self.language)
        tabs.addTab(interface, self.tr("Interface"))

        self.payments = PaymentsTab(desk, env, self.current.get("payment_processor", "sandbox"),
                                    self)
        tabs.addTab(self.payments, self.tr("Payments"))
        for name, widget in (("pay_pages", self.payments.pay_pages),
                             ("pay_return_url", self.payments.pay_return),
                             ("stripe_publishable_key", self.payments.publishable)):
            value = self.current.get(name, "")
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value or "ours")))
            else:
                widget.setText(value)
            self.fields[name] = widget

        tabs.addTab(self._database_tab(), self.tr("Database"))
        # Issue 23: a role that cannot change the settings reads them; what is this computer's
        # own (the interface's language, its database) stays its to change.
        self.read_only = refusal(desk.app.role, Power.SETTINGS, desk.language.code)
        self.why = QLabel(self.read_only)
        self.why.setObjectName("readOnly")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("font-weight: bold")
        self.why.setVisible(bool(self.read_only))
        for shown in (tabs.widget(index) for index in range(tabs.count())):
            if self.read_only and shown not in (None, interface) \
                    and shown.objectName() != "databaseTab":
                shown.setEnabled(False)
                shown.setToolTip(self.read_only)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addWidget(tabs)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 660)

    def _database_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("databaseTab")
        form = QFormLayout(page)
        self.database_url = QLineEdit(window.database_choice(self._env))
        self.database_url.setObjectName("database_url")
        self.database_url.setPlaceholderText(str(window.default_database()))
        self.database_password = QLineEdit()
        self.database_password.setObjectName("database_password")
        self.database_password.setEchoMode(QLineEdit.EchoMode.Password)
        note = QLabel(self.tr(
            "Empty: the SQLite file on this computer. For a team, the shared PostgreSQL "
            "database, e.g. postgresql+psycopg://alice@server:5432/renewdesk (its password "
            "goes to the system keyring). Takes effect when renewdesk next starts. To copy "
            "this portfolio into a new team database: renewdesk migrate-db --to URL."))
        note.setWordWrap(True)
        form.addRow(self.tr("Database:"), self.database_url)
        form.addRow(self.tr("Password:"), self.database_password)
        form.addRow("", note)
        return page

    @staticmethod
    def _save_database_choice(env: Mapping[str, str], url: str) -> bool:
        """After the checks and the password: True if the choice changed."""
        if url == window.database_choice(env):
            return False
        window.choose_database(env, url or None)
        return True

    def _labels(self) -> dict[str, str]:
        return {
            "notice_days": self.tr("Renewal notice, days before expiry:"),
            "charge_days": self.tr("Charge, days before expiry:"),
            "min_notice_days": self.tr("Minimum days between notice and charge:"),
            "renewal_retry_days": self.tr("Renewal retries, days after the charge:"),
            "reactivation_fee": self.tr("Reactivation fee:"),
            "installment_retry_days": self.tr("Installment retries, days after due:"),
            "min_installment": self.tr("Minimum installment:"),
            "plan_confirm_days": self.tr("Days to confirm a plan change:"),
            "card_expiring_day": self.tr("Day of the month for expiring-card e-mails:"),
            "payment_method_removal": self.tr("Removing a payment method:"),
            "fallback_to_other_methods": self.tr("Try the customer's other methods"),
            "link_valid_days": self.tr("Customer links valid for, days:"),
            "dispute_suspends": self.tr("Disputed payments:"),
            "seller_email": self.tr("Your e-mail for alerts:"),
            "seller_language": self.tr("Language of your alerts:"),
            "smtp_host": self.tr("SMTP server:"), "smtp_port": self.tr("SMTP port:"),
            "smtp_sender": self.tr("Sender address:"), "smtp_user": self.tr("SMTP user:"),
            "smtp_starttls": self.tr("Use STARTTLS"),
            "webhook_url": self.tr("Webhook URL:"),
            "links_base_url": self.tr("Public address of customer links:"),
            "nightly_time": self.tr("Daily run at:"),
            "business_time_zone": self.tr("Business time zone:"),
            "processor_concurrency": self.tr("Parallel processor calls:"),
            "processor_rate_limit": self.tr("Processor requests per second:"),
        }

    def _widget(self, name: str, value: str) -> QWidget:
        if name in BOOLEAN:
            box = QCheckBox()
            if name == "dispute_suspends":  # its words beside it, wrapped (`_wrapped`)
                box.setAccessibleName(self.tr("Suspend the services a disputed payment paid "
                                              "for, until the dispute is settled"))
            box.setChecked(value == "True" or value == "true")
            return box
        if name in CHOICES:
            combo = QComboBox()
            for code in CHOICES[name]:
                combo.addItem(choice_words(name, code, self._desk.language.code), code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if name in AMOUNTS:  # typed and shown the reader's way: "2,00" in French
            return QLineEdit(self._decimal_shown(value))
        if name in ("processor_concurrency", "processor_rate_limit"):
            return self._by_processor(name, value)
        if name == "nightly_time":
            edit = QTimeEdit(QTime.fromString(value or "02:00", "HH:mm"))
            edit.setDisplayFormat("HH:mm")
            return edit
        return QLineEdit(value)

    def _decimal_shown(self, value: str) -> str:
        return value.replace(".", ",") if self._desk.language.code == "fr" else value

    def _decimal_typed(self, text: str) -> str:
        """As it is kept ("1234.50"), from "1 234,50" in French; anything else ambiguous
        ("2,50" in English) is kept as typed, and refused by the check."""
        kept = "".join(text.split()).replace("\u202f", "")
        return kept.replace(",", ".") if self._desk.language.code == "fr" else kept

    @Slot(object)
    def _show_currencies(self, currencies: SettingCurrencies) -> None:
        for name, unit in self.units.items():
            unit.setText(currency_words(name, currencies.of(name), self._desk.language.code))

    def _by_processor(self, name: str, value: str) -> QSpinBox:
        """SY-2: 0, shown in words, leaves it to the processor: its documented limit for its
        mode, and as many calls at once as that limit needs at the latency measured."""
        box = QSpinBox()
        box.setRange(0, 10_000 if name == "processor_rate_limit" else 256)
        box.setSpecialValueText(
            self.tr("By mode (25/s test, 100/s live)") if name == "processor_rate_limit"
            else self.tr("Automatic (as the rate limit needs)"))
        box.setValue(int(value) if value.isdigit() else 0)
        return box

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QCheckBox):
                checked = widget.isChecked()
                out[name] = ("true" if checked else "false") if name == "smtp_starttls" \
                    else str(checked)
            elif isinstance(widget, QComboBox):  # its value, where it shows words
                data = widget.currentData()
                out[name] = data if isinstance(data, str) else widget.currentText()
            elif isinstance(widget, QSpinBox):
                out[name] = str(widget.value())
            elif isinstance(widget, QTimeEdit):
                out[name] = widget.time().toString("HH:mm")
            elif isinstance(widget, QLineEdit) and name in AMOUNTS:
                out[name] = self._decimal_typed(widget.text())
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text().strip()
        out.update(self.seller.values())
        return {k: v for k, v in out.items() if v != self.current.get(k, "")}

    @Slot()
    def apply(self) -> None:
        """Checked first: the database's URL here, a Stripe key with Stripe (off the GUI
        thread); live mode asked; then everything saved at once, or nothing."""
        if not self.seller.validate():  # its words are under its fields
            self.tabs.setCurrentWidget(self.seller)
            self.problem.setText(self.tr("Seller: a value is not valid; nothing was saved."))
            return
        url = self.database_url.text().strip()
        try:
            if url:
                window.check_database(url)
        except InputError as error:
            self.problem.setText(words(error, self._desk.language.code))
            return
        payments = self.payments
        if not (payments.changed() and payments.choice() == "stripe"):
            self._save(None)
        elif payments.account() is not None:
            self._go_live_or_save(payments.account())
        else:
            payments.verify(self._go_live_or_save)

    def _go_live_or_save(self, account: StripeAccount | None) -> None:
        going_live = (account is not None and account.live
                      and self._desk.app.mode() != payments_setting.STRIPE_LIVE)
        if going_live and not confirm(self, self.tr("Stripe live mode"), self.tr(
                "This key is a LIVE key: from now on, runs take real money from your "
                "customers' cards and accounts. Switch to live mode?")):
            self.problem.setText(self.tr("Live mode not confirmed: nothing was saved."))
            return
        self._save(account)

    def _save(self, account: StripeAccount | None) -> None:
        url, password = self.database_url.text().strip(), self.database_password.text()
        values, env, app = self.values(), self._env, self._desk.app
        shared = not self.read_only  # read only: nothing is written to the database
        payments = (self.payments.choice(), self.payments.typed_key()) \
            if shared and self.payments.changed() else None

        def save(ctx: Context) -> bool:
            if payments is not None:  # Stripe first: a key it refuses saves nothing
                payments_setting.save(ctx, env, *payments, account=account,
                                      live_confirmed=account is not None and account.live)
            if password:  # refused with no secure keyring: nothing saved
                keystore.store("database", password, env, allow_plaintext=False)
            if shared:
                actions.save_settings(ctx, values)
                app.settings_saved()
            if payments is not None:
                app.remake_processor()
            return SettingsDialog._save_database_choice(env, url)

        self._desk.change(self, save, self._saved, self.problem.setText)

    def _saved(self, database_changed: bool) -> None:
        self.database_password.clear()
        self.database_changed = database_changed
        language = str(self.language.currentData())
        store = QSettings()
        if str(store.value("ui/language", "system")) != language:
            store.setValue("ui/language", language)
            self.languageChanged.emit(language)
        self.accept()
