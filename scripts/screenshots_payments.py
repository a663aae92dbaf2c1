"""Screenshots of Settings > Payments and of the main window's mode badge (issue 19), and of
refunds, disputes and "Sync now" (issue 20), on demo data, in French and English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_payments.py [--out DIR]

Writes docs/screenshots/<language>-settings-payments.png (Stripe chosen, the connection tested),
<language>-settings-payments-live.png (a live key's answer), <language>-main-window-stripe.png
(the window in Stripe test mode), <language>-mode-badges.png (the status bar in each mode),
<language>-customer-payments.png (a customer's payments, one partly refunded, one disputed),
<language>-refund.png and <language>-refund-confirm.png (the refund dialog and its
confirmation) and <language>-sync-summary.png (what "Sync now" read, with the dispute alerted).
No network: Stripe's answers are shown as the tab shows them, the processors made offline.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from renewdesk.app import App, open_app
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.payments.choice import ProcessorNotReady
from renewdesk.payments.processor import Processor
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.payments.stripe_gateway import StripeProcessor
from renewdesk.services import demo, overview, refunds
from renewdesk.services.listing_actions import refund_info
from renewdesk.services.payments_setting import PaymentsState, StripeAccount
from renewdesk.services.run_due import run_due
from renewdesk.services.window import user_settings
from renewdesk.store import settings
from renewdesk.ui import i18n
from renewdesk.ui.alerts import alert_text
from renewdesk.ui.dialogs.refund import RefundDialog
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.dialogs.sync_summary import SyncSummaryDialog
from renewdesk.ui.launch import application
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.sync_now import SyncOutcome

TODAY = "2026-12-10"


def settle(seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    settle(0.3)
    widget.grab().save(str(path))
    print(path)


def payments_dialog(window: MainWindow, app: App, account: StripeAccount) -> SettingsDialog:
    dialog = SettingsDialog(window.desk, app.env, user_settings(app.context()), window)
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentWidget(dialog.payments)
    tab = dialog.payments
    tab.processor.setCurrentIndex(tab.processor.findData("stripe"))
    tab.key.setText("sk_test_not_a_real_key_0000000000")
    dialog.show()
    settle()  # the saved state, read off the GUI thread, has arrived
    tab.show_state(PaymentsState("stripe", None, "keyring"))
    tab.show_account(account)
    return dialog


def badges(window: MainWindow, app: App, processors: list[Processor], path: Path) -> None:
    """The status bar in each mode, one under the other."""
    shots = []
    for processor in processors:
        app.processor = processor
        window.show_mode()
        settle(0.2)
        shots.append(window.statusBar().grab().toImage())
    width = max(s.width() for s in shots)
    image = QImage(width, sum(s.height() for s in shots), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    y = 0
    for shot in shots:
        painter.drawImage(width - shot.width(), y, shot)
        y += shot.height()
    painter.end()
    image.save(str(path))
    print(path)


def refunded_and_disputed(app: App) -> tuple[str, str, str]:
    """A demo customer with two payments: a third of one refunded, the other disputed at the
    processor (told by its feed, read by "Sync now"). Their customer and payments."""
    with app.factory() as session:
        policy = settings.load_policy(session)
        customer = "DEMO-C000040"  # the demo's one customer with two payments on this day
        payments = overview.customer_overview(session, customer, policy, app.today()).payments
    partly, disputed = payments[0].ref, payments[1].ref
    third = Money(payments[0].amount.minor // 3, payments[0].amount.currency)
    refunds.refund(app.context("demo"), app.engine.url, partly, third,
                   "Geste commercial : panne du 3 décembre")
    with app.factory() as session:
        charge = refunds.find_payment(session, disputed).processor_ref
    assert isinstance(app.processor, SandboxProcessor) and charge is not None
    app.processor.open_dispute(charge, "product_not_received", respond_by=date(2026, 12, 28))
    return customer, partly, disputed


def synced(window: MainWindow) -> SyncOutcome:
    """"Sync now" from the window, as a click does; its outcome once it has come."""
    outcomes: list[SyncOutcome] = []
    window.sync.finished.connect(outcomes.append)
    window.actions_.sync_now.trigger()
    deadline = time.monotonic() + 30
    while not outcomes:
        assert time.monotonic() < deadline, "Sync now did not finish"
        settle(0.1)
    return outcomes[0]


def refund_shots(window: MainWindow, app: App, language: str, customer: str, partly: str,
                 outcome: SyncOutcome, out: Path) -> None:
    summary = window.sync.summary
    if summary is None or language != "en":  # the same sync, said in this language
        summary = SyncSummaryDialog(outcome.report, outcome.recorded, tuple(  # type: ignore[arg-type]
            alert_text(a, window.desk) for a in outcome.disputes), window.language, window)
    shoot(summary, out / f"{language}-sync-summary.png")
    summary.close()
    window.open_customer(customer)
    page = window.customer_pages[customer]
    page.resize(1200, 720)
    page.tabs.setCurrentWidget(page.payments)
    page.show()
    deadline = time.monotonic() + 10
    while page.data is None or page.loading:
        assert time.monotonic() < deadline, "the customer page was not read"
        settle(0.1)
    page.payments.select(partly)
    shoot(page, out / f"{language}-customer-payments.png")
    dialog = RefundDialog(window.desk, refund_info(app.context(), partly), page)
    dialog.part.setChecked(True)
    dialog.amount.setText("5,00" if language == "fr" else "5.00")
    dialog.reason.setText("Geste commercial : second incident" if language == "fr"
                          else "Goodwill: second outage")
    shoot(dialog, out / f"{language}-refund.png")
    box = dialog.confirmation(Money(500, "EUR"))
    shoot(box, out / f"{language}-refund-confirm.png")
    box.close()
    dialog.close()
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" /
                                             "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    qt = application()
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        env = {"RENEWDESK_LOG_DIR": folder, "RENEWDESK_CONFIG_DIR": folder}
        app = open_app(str(Path(folder) / "demo.db"), TODAY, env=env)
        demo.fill(app.context("demo"), 40)
        run_due(app.context("demo"))
        sandbox = app.processor
        test = StripeProcessor("sk_test_not_a_real_key_0000000000")
        live = StripeProcessor("sk_live_not_a_real_key_0000000000")
        missing = ProcessorNotReady(InputError("stripe_key_unreadable"))
        customer, partly, _disputed = refunded_and_disputed(app)
        outcome: SyncOutcome | None = None
        for language in ("en", "fr"):
            app.processor = sandbox
            window = MainWindow(app, i18n.install(language))
            window.resize(1280, 720)
            window.show()
            if outcome is None:
                outcome = synced(window)
            refund_shots(window, app, language, customer, partly, outcome, out)
            window.statusBar().clearMessage()  # the shots below are of the processor's mode
            window.alerts.forget()
            app.processor = sandbox
            badges(window, app, [sandbox, test, live, missing],
                   out / f"{language}-mode-badges.png")
            app.processor = test
            window.show_mode()
            shoot(window, out / f"{language}-main-window-stripe.png")
            for name, account in (("settings-payments", StripeAccount("Hébergement Dupont",
                                                                      False)),
                                  ("settings-payments-live", StripeAccount("Hébergement Dupont",
                                                                           True))):
                dialog = payments_dialog(window, app, account)
                shoot(dialog, out / f"{language}-{name}.png")
                dialog.close()
            window.close()
        app.close()
    qt.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
