"""Settings > Payments: the sandbox or Stripe, the Stripe key, "Test the connection".

The key typed is asked of Stripe off the GUI thread (`Desk.change`); what comes back is a frozen
`StripeAccount` (its name, test or live) or a refusal in the window's language. Nothing is kept
here: the Settings dialog's Save proves the key again if it was not just tested, asks before
going live, then saves (`services.payments_setting.save`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from renewdesk.services import payments_setting
from renewdesk.services.payments_setting import PaymentsState, StripeAccount
from renewdesk.ui.desk import Desk
from renewdesk.ui.mode_badge import RED, mode_text


class PaymentsTab(QWidget):
    def __init__(self, desk: Desk, env: Mapping[str, str], chosen: str,
                 busy: QWidget, parent: QWidget | None = None) -> None:
        """`chosen`: the saved `payment_processor`; `busy`: what is greyed while Stripe is
        asked (the dialog)."""
        super().__init__(parent)
        self.setObjectName("paymentsTab")
        self._desk, self._env, self._busy = desk, env, busy
        self.saved = chosen
        self.tested: tuple[str, StripeAccount] | None = None  # the key typed, as Stripe answered
        self.processor = QComboBox()
        self.processor.setObjectName("payment_processor")
        self.processor.addItem(self.tr("Sandbox: no real money"), "sandbox")
        self.processor.addItem("Stripe", "stripe")
        self.processor.setCurrentIndex(max(0, self.processor.findData(chosen)))
        self.processor.currentIndexChanged.connect(self._enable)
        self.override = QLabel()
        self.override.setObjectName("gatewayOverride")
        self.override.setWordWrap(True)
        self.override.setStyleSheet(f"color: {RED}")
        self.override.hide()
        self.key = QLineEdit()
        self.key.setObjectName("stripe_key")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("sk_test_… or sk_live_…"))
        self.key.textChanged.connect(self._key_typed)
        self.key_state = QLabel(self.tr("Reading…"))
        self.key_state.setObjectName("keyState")
        self.key_state.setWordWrap(True)
        self.test = QPushButton(self.tr("&Test the connection"))
        self.test.setObjectName("testConnection")
        self.test.clicked.connect(self.test_connection)
        self.remove = QPushButton(self.tr("&Remove the saved key"))
        self.remove.setObjectName("removeKey")
        self.remove.clicked.connect(self.remove_key)
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.connection.setWordWrap(True)
        note = QLabel(self.tr(
            "The sandbox works without an account: Stripe's test payment methods behave as "
            "documented and no money moves. With Stripe, the secret key (Stripe's Dashboard, "
            "Developers, API keys) goes to this computer's system keyring when you save, after "
            "Stripe has accepted it; a test key (sk_test_) takes no real money, a live key "
            "(sk_live_) does, and choosing one asks you first."))
        note.setWordWrap(True)
        # CP-2: which pay-now pages the failure e-mails carry.
        self.pay_pages = QComboBox()
        self.pay_pages.setObjectName("pay_pages")
        self.pay_pages.addItem(self.tr("renewdesk's pages (serve-links at a public address)"),
                               "ours")
        self.pay_pages.addItem(self.tr("Stripe's hosted page (no server needed)"), "processor")
        self.pay_return = QLineEdit()
        self.pay_return.setObjectName("pay_return_url")
        self.pay_return.setPlaceholderText("https://…")
        # CP-1 on renewdesk's page with Stripe: Stripe.js is made with the publishable key.
        self.publishable = QLineEdit()
        self.publishable.setObjectName("stripe_publishable_key")
        self.publishable.setPlaceholderText(self.tr("pk_live_… (for the bank's step on "
                                                    "renewdesk's page)"))
        pay_note = QLabel(self.tr(
            "Failure e-mails link to a page where the customer pays. renewdesk's pages need "
            "serve-links reachable by customers over HTTPS, and let a customer confirm a "
            "payment their bank holds. Stripe's page needs no server here: made with the "
            "e-mail, it works 24 hours, then sends the customer back to the address above; "
            "the next run records the payment. The sandbox has none: it keeps renewdesk's."))
        pay_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test)
        buttons.addWidget(self.remove)
        buttons.addStretch()
        form = QFormLayout(self)
        form.addRow(self.tr("Payment processor:"), self.processor)
        form.addRow("", self.override)
        form.addRow(self.tr("Stripe secret key:"), self.key)
        form.addRow(self.tr("Saved key:"), self.key_state)
        form.addRow("", buttons)
        form.addRow(self.tr("Connection:"), self.connection)
        form.addRow("", note)
        form.addRow(self.tr("Pay-now links:"), self.pay_pages)
        form.addRow(self.tr("Back to (after paying):"), self.pay_return)
        form.addRow(self.tr("Stripe publishable key:"), self.publishable)
        form.addRow("", pay_note)
        self._enable()
        env_ = env
        # Keyed by the tab: an answer that comes after the dialog was closed is dropped.
        desk.read(self, lambda ctx: payments_setting.current(ctx, env_), self.show_state)

    def choice(self) -> str:
        return str(self.processor.currentData())

    def typed_key(self) -> str | None:
        return self.key.text().strip() or None

    def changed(self) -> bool:
        return self.choice() != self.saved or self.typed_key() is not None

    def account(self) -> StripeAccount | None:
        """What Stripe said of the key now typed, if it was tested."""
        if self.tested is not None and self.tested[0] == (self.typed_key() or ""):
            return self.tested[1]
        return None

    def show_state(self, state: PaymentsState) -> None:
        self.key_state.setText({
            "keyring": self.tr("saved in this computer's system keyring"),
            "environment": self.tr("from the environment (RENEWDESK_STRIPE_SECRET_KEY)"),
            "plaintext": self.tr("saved in a plain-text file (renewdesk secret status says "
                                 "where)"),
        }.get(state.key_source or "", self.tr("none saved")))
        if state.overridden_by:
            self.override.setText(self.tr(
                "RENEWDESK_GATEWAY=%1 is set on this computer: it overrides this choice.")
                .replace("%1", state.overridden_by))
            self.override.show()

    @Slot()
    def _enable(self) -> None:
        stripe = self.choice() == "stripe"
        for widget in (self.key, self.test):
            widget.setEnabled(stripe)

    @Slot()
    def _key_typed(self) -> None:
        if self.account() is None:
            self.connection.clear()

    @Slot()
    def test_connection(self) -> None:
        self.verify(lambda _account: None)

    def verify(self, then: Callable[[StripeAccount], None]) -> None:
        """Ask Stripe about the key typed (else the saved one), off the GUI thread; show what
        it said, and give the account to `then` if it took the key."""
        key, env = self.typed_key(), self._env
        self.connection.setStyleSheet("")
        self.connection.setText(self.tr("Asking Stripe…"))

        def answered(account: StripeAccount) -> None:
            self.tested = (key or "", account)
            self.show_account(account)
            then(account)

        self._desk.change(self._busy, lambda _ctx: payments_setting.test_connection(env, key),
                          answered, self.show_refusal)

    def show_account(self, account: StripeAccount) -> None:
        mode = payments_setting.STRIPE_LIVE if account.live else payments_setting.STRIPE_TEST
        name = account.name or self.tr("(Stripe does not give its name to this key)")
        self.connection.setText(self.tr("Connected to %1: %2").replace("%1", name)
                                .replace("%2", mode_text(mode)))
        self.connection.setStyleSheet(f"color: {RED}; font-weight: bold" if account.live
                                      else "color: #1b6e20")

    def show_refusal(self, message: str) -> None:
        self.connection.setText(message)
        self.connection.setStyleSheet(f"color: {RED}")

    @Slot()
    def remove_key(self) -> None:
        """Out of the keyring at once; with Stripe chosen, runs are refused until a key is
        saved again (the processor is made again: it never falls back to the sandbox)."""
        app, env = self._desk.app, self._env

        def work(ctx: object) -> PaymentsState:
            payments_setting.remove_key(env)
            app.remake_processor()
            return payments_setting.current(app.context(delivery=False), env)

        def removed(state: PaymentsState) -> None:
            self.tested = None
            self.show_state(state)
            self.connection.setText(self.tr("The saved key was removed."))
            self.connection.setStyleSheet("")

        self._desk.change(self._busy, work, removed, self.show_refusal)
