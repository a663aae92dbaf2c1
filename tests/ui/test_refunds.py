"""Issue 20, done-when 3, in the window: a refund from the customer page with its confirmation
(RF-1), a dispute shown and alerted (RF-2), "Sync now" with its progress and summary (SY-1)."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox
from sqlalchemy import func, select

from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services import overview
from renewdesk.services.window import user_settings
from renewdesk.store import settings
from renewdesk.store.models import Attempt, Refund
from renewdesk.store.runlock import exclusive_run
from renewdesk.ui.dialogs.checked_amount import parse_amount
from renewdesk.ui.dialogs.refund import RefundDialog
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.models.table import ROW_ROLE
from renewdesk.ui.sync_now import SyncOutcome
from renewdesk.ui.views.customer_page import CustomerPage
from renewdesk.ui.views.payments_list import PaymentsModel
from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.ui.conftest import desk_app, lone_desk, when_shown
from tests.ui.test_settings import save

PAYMENT = "REN-0000001/1"  # S1's renewal, 12,00 €, paid by the run of 12-01


@pytest.fixture
def paid(world: World) -> World:
    """Ana Martin's domain renewed by real runs on the sandbox: notice, then the charge."""
    world.load(document([customer("C1", card("K1"), name="Ana Martin")],
                        [service("S1", "C1", "2026-12-08", payment_method="K1")]))
    world.run("2026-11-23")
    world.run("2026-12-01")
    return world


def sandbox(world: World) -> SandboxProcessor:
    assert isinstance(world.app.processor, SandboxProcessor)
    return world.app.processor


def charge_id(world: World) -> str:
    with world.session() as session:
        ref = session.scalar(select(Attempt.processor_ref).where(Attempt.result == "succeeded"))
    assert ref is not None
    return ref


def refunded(world: World) -> list[tuple[int, str]]:
    with world.session() as session:
        return [(r.amount_minor, r.status) for r in session.scalars(
            select(Refund).order_by(Refund.id))]


def customer_page(window: MainWindow, qtbot: Any) -> CustomerPage:
    window.open_customer("C1")
    page = window.customer_pages["C1"]
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)  # read off the GUI thread
    page.tabs.setCurrentWidget(page.payments)
    return page


def state(page: CustomerPage) -> str:
    return str(page.payments.model.index(0, PaymentsModel.STATE).data())


def refund_in_dialog(qtbot: Any, start: Any, amount: str | None, reason: str,
                     answer: str | None) -> tuple[list[str], list[RefundDialog]]:
    """`start()` opens the dialog; it is filled and sent; the confirmation, if it comes, is
    answered ("confirm" or "cancel"). Returns the confirmation's words and the dialog."""
    confirmations: list[str] = []

    def confirm(box: QMessageBox) -> None:
        confirmations.append(box.text())
        role = (QMessageBox.ButtonRole.AcceptRole if answer == "confirm"
                else QMessageBox.ButtonRole.RejectRole)
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    def fill(dialog: RefundDialog) -> None:
        if amount is not None:
            dialog.part.setChecked(True)
            dialog.amount.setText(amount)
        dialog.reason.setText(reason)
        asked = when_shown(QMessageBox, confirm, timeout_ms=10_000) if answer else None
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        if asked is None:  # refused by the check: its words under the field
            qtbot.waitUntil(lambda: dialog.amount_problem.isVisible()
                            or dialog.reason_problem.isVisible(), timeout=10_000)
            return
        qtbot.waitUntil(lambda: bool(asked) or asked.error is not None, timeout=10_000)
        asked.check()
        if answer == "confirm":  # sent off the GUI thread; the dialog closes on the answer
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    shown = when_shown(RefundDialog, fill, timeout_ms=10_000)
    start()
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    return confirmations, list(shown)


def test_rf1_a_refund_is_confirmed_with_its_amount_and_customer_then_made_off_the_gui_thread(
        paid: World, open_window: Any, qtbot: Any) -> None:
    app = desk_app(paid, "2026-12-02")
    asked_on: list[int] = []
    real = app.processor.refund

    def refund(request: Any) -> Any:
        asked_on.append(threading.get_ident())
        return real(request)

    app.processor.refund = refund  # type: ignore[method-assign]
    window = open_window(app)
    page = customer_page(window, qtbot)
    assert page.payments.model.rowCount() == 1 and state(page) == "Paid"
    page.payments.table.selectRow(0)
    assert page.payments.refund.isEnabled()

    # Cancelled at the confirmation: nothing is refunded.
    said, _ = refund_in_dialog(qtbot, page.payments.refund.click, "5.00", "goodwill", "cancel")
    assert said == ["Refund €5.00 to Ana Martin? This cannot be undone."]
    assert refunded(paid) == [] and asked_on == []

    # Confirmed: refunded at the processor, from a worker thread; the list says so.
    said, _ = refund_in_dialog(qtbot, page.payments.refund.click, "5.00", "goodwill", "confirm")
    assert said == ["Refund €5.00 to Ana Martin? This cannot be undone."]
    assert refunded(paid) == [(500, "succeeded")]
    assert asked_on and threading.get_ident() not in asked_on
    qtbot.waitUntil(lambda: state(page) == "Partly refunded", timeout=10_000)
    assert page.payments.model.index(0, PaymentsModel.REFUNDED).data() == "€5.00"
    box = page.findChild(QMessageBox, "infoBox")
    assert box is not None and "€5.00 refunded to Ana Martin" in box.text()
    box.close()


def test_rf1_more_than_is_left_is_refused_under_the_field_and_nothing_is_sent(
        paid: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(paid, "2026-12-02"))
    page = customer_page(window, qtbot)
    page.payments.table.selectRow(0)
    said, dialogs = refund_in_dialog(qtbot, page.payments.refund.click, "12.01", "too much",
                                     None)
    assert said == []  # no confirmation: the check refused it first
    problem = dialogs[0].amount_problem.text()
    assert "12.01" in problem and "12.00" in problem and "RF-1" not in problem
    said, dialogs = refund_in_dialog(qtbot, page.payments.refund.click, None, "  ", None)
    assert dialogs[0].reason_problem.text() == "Give a reason for the refund"  # its words, as a sentence
    assert refunded(paid) == []


def test_rf1_the_rest_is_refunded_from_the_history_by_its_key_and_the_list_says_refunded(
        paid: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(paid, "2026-12-02"))
    page = customer_page(window, qtbot)
    page.tabs.setCurrentWidget(page.history)
    row = next(r for r, h in enumerate(page.data.history) if h.type == "renewal.paid")
    page.history.selectRow(row)
    assert page.refund_action in page.history.actions()  # a right click offers it
    assert page.refund_action.shortcut().toString() == "Ctrl+Shift+F"
    said, _ = refund_in_dialog(qtbot, page.refund_action.trigger, None, "cancelled", "confirm")
    assert said == ["Refund €12.00 to Ana Martin? This cannot be undone."]  # all that was left
    assert refunded(paid) == [(1200, "succeeded")]
    qtbot.waitUntil(lambda: state(page) == "Refunded", timeout=10_000)
    page.tabs.setCurrentWidget(page.payments)
    page.payments.table.selectRow(0)
    assert not page.payments.refund.isEnabled()
    assert page.payments.refund.toolTip() == "This payment is refunded in full"
    events = [page.history.item(r, 1).text() for r in range(page.history.rowCount())]
    assert "Payment refunded" in events


def test_rf1_amounts_are_read_as_the_reader_writes_them() -> None:
    from renewdesk.domain.money import Money

    assert parse_amount("1 234,50 €", "EUR", "fr") == Money(123450, "EUR")
    assert parse_amount("1,234.50", "EUR", "en") == Money(123450, "EUR")
    assert parse_amount("12", "JPY", "en") == Money(12, "JPY")


def sync(window: MainWindow, qtbot: Any) -> SyncOutcome:
    with qtbot.waitSignal(window.sync.finished, timeout=20_000) as done:
        window.actions_.sync_now.trigger()
    outcome: SyncOutcome = done.args[0]
    return outcome


def test_rf2_sy1_a_dispute_synced_from_the_window_is_shown_with_its_deadline_and_alerted(
        paid: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(paid, "2026-12-02"))
    page = customer_page(window, qtbot)
    sandbox(paid).open_dispute(charge_id(paid), "fraudulent", respond_by=date(2026, 12, 28))
    outcome = sync(window, qtbot)
    assert outcome.report is not None and outcome.report.synced is not None
    assert outcome.report.synced.applied == 1
    alert = "A customer disputed a payment: Ana Martin, €12.00, answer by 28 Dec 2026"
    summary = window.sync.summary
    assert summary is not None and summary.isVisible()
    assert alert in summary.findChild(QLabel, "disputes").text()
    status = window.findChild(QLabel, "disputeAlert")  # read off the GUI thread, then shown
    qtbot.waitUntil(lambda: status.isVisible() and alert in status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: state(page).startswith("⚠ Disputed"), timeout=10_000)
    assert state(page) == ("⚠ Disputed: fraud (the cardholder says they did not pay), answer "
                           "by 28 Dec 2026")
    assert page.payments.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 disputed" in page.tabs.tabText(page.tabs.indexOf(page.payments))
    events = [page.history.item(r, 1).text() for r in range(page.history.rowCount())]
    assert "Payment disputed by the customer" in events
    page.payments.table.selectRow(0)  # the dispute is answered at the provider, not refunded
    assert not page.payments.refund.isEnabled()
    assert "answer the dispute" in page.payments.refund.toolTip()
    summary.close()


def test_rf2_a_dispute_a_run_records_is_alerted_after_the_run(
        paid: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(paid, "2026-12-02"))
    qtbot.waitUntil(lambda: window.alerts._mark is not None, timeout=10_000)
    sandbox(paid).open_dispute(charge_id(paid), "duplicate", respond_by=date(2026, 12, 20))
    with qtbot.waitSignal(window.runFinished, timeout=20_000):
        window.actions_.run_now.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "disputeAlertBox") is not None,
                    timeout=10_000)
    box = window.findChild(QMessageBox, "disputeAlertBox")
    assert "Ana Martin, €12.00, answer by 20 Dec 2026" in box.text()
    box.close()


def test_sy1_sync_now_shows_its_progress_then_a_summary_in_words(
        paid: World, open_window: Any, qtbot: Any) -> None:
    sandbox(paid).refund_elsewhere(charge_id(paid), 300)  # made in the provider's dashboard
    window = open_window(desk_app(paid, "2026-12-02", RENEWDESK_SANDBOX_LATENCY_MS="300"))
    assert window.actions_.sync_now.shortcut().toString() == "Ctrl+F5"
    with qtbot.waitSignal(window.sync.finished, timeout=20_000) as done:
        window.actions_.sync_now.trigger()
        progress = window.sync.progress
        assert progress is not None and progress.isVisible()
        assert progress.windowTitle() == "Sync now"
        assert not window.actions_.run_now.isEnabled()  # one at a time
        qtbot.waitUntil(lambda: progress.stage.text()
                        == "Reading the payment provider's events", timeout=10_000)
        window.sync.start()  # again while it works: told, nothing started twice
        told = window.findChild(QMessageBox, "infoBox")
        assert told is not None and "under way" in told.text()
        told.close()
    outcome: SyncOutcome = done.args[0]
    assert outcome.report is not None and window.actions_.run_now.isEnabled()
    summary = window.sync.summary
    assert summary is not None
    text = summary.findChild(QLabel, "summary").text()
    assert "1 event read from the payment provider, 1 of them changed something here." in text
    changes = summary.changes
    assert [changes.item(r, 0).text() for r in range(changes.rowCount())] == ["Payment refunded"]
    assert refunded(paid) == [(300, "succeeded")]
    summary.close()


def test_sy1_sync_now_with_a_run_under_way_says_so_and_does_nothing(
        paid: World, open_window: Any, qtbot: Any) -> None:
    sandbox(paid).refund_elsewhere(charge_id(paid), 300)
    window = open_window(desk_app(paid, "2026-12-02"))
    with exclusive_run(paid.app.engine.url, 0):  # another computer's run
        outcome = sync(window, qtbot)
    assert outcome.report is None and outcome.busy
    told = window.findChild(QMessageBox, "infoBox")
    assert told is not None and "nothing was done" in told.text()
    assert refunded(paid) == []  # the run will read it


def test_rf1_the_payments_model_passes_the_model_tester(paid: World, qtmodeltester: Any) -> None:
    from renewdesk.ui import i18n

    with paid.session() as session:
        data = overview.customer_overview(session, "C1", settings.load_policy(session),
                                          date(2026, 12, 2))
    model = PaymentsModel(i18n.Language("en"))
    model.set_lines(data.payments)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ROW_ROLE).ref == PAYMENT
    assert model.rowCount() == 1 and model.index(0, PaymentsModel.REF).data() == PAYMENT


def test_rf2_dispute_suspends_is_a_rule_saved_from_settings(paid: World, qtbot: Any) -> None:
    app = desk_app(paid, "2026-12-02")
    dialog = SettingsDialog(lone_desk(app), paid.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    box = dialog.findChild(QCheckBox, "dispute_suspends")
    words = next(label for label in dialog.findChildren(QLabel) if label.buddy() is box)
    assert words.text() == ("Suspend the services a disputed payment paid for, until the "
                            "dispute is settled") and not box.isChecked()
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)  # as on a check box's own words
    assert box.isChecked()
    save(qtbot, dialog)
    with paid.session() as session:
        assert settings.load_policy(session).dispute_suspends
        assert session.scalar(select(func.count()).select_from(Refund)) == 0
    app.close()
