"""HM-1 in the window: the home page first, "Needs you" with its count and actions, a bar's click
opening its list on its days; HM-3: the status bar's next and last run agree."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.scheduler.daily import next_run_shown
from renewdesk.services import actions, run_record
from renewdesk.store.models import Attempt, Installment, InstallmentOrder, Notification
from renewdesk.ui.dialogs.collection import CollectionDialog
from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
from renewdesk.ui.i18n import Language
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.views.home_charts import day_labels, value_axis
from tests.builders import card, customer, document, order, sepa
from tests.conftest import Portfolios, World
from tests.peers import Smtp
from tests.ui.conftest import desk_app, when_shown

TODAY = "2027-01-20"


def build_demo(world: World) -> None:
    assert world.cli("demo", "--customers", "60", today="2026-12-10")[0] == 0
    for day in ("2026-12-20", "2027-01-05", TODAY):
        world.run(day)


def demo(world: World, portfolios: Portfolios) -> None:
    """The demo portfolio after three nights, built once (`Portfolios`); this world's copy."""
    portfolios.restore(world, "home demo", build_demo)


def home_window(qtbot: Any, world: World, open_window: Any) -> MainWindow:
    window: MainWindow = open_window(desk_app(world, TODAY))
    qtbot.waitUntil(lambda: window.home.data is not None and window.home.charts is not None,
                    timeout=20_000)
    return window


def kinds(window: MainWindow) -> list[str]:
    return [line.need.kind for line in window.needs_lines()] if hasattr(
        window, "needs_lines") else [line.need.kind for line in window.home.needs.lines]


def test_hm1_window_opens_on_home_with_the_count_on_its_tab(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    window = home_window(qtbot, world, open_window)
    assert window.tabs.currentWidget() is window.home
    assert window.tabs.indexOf(window.home) == 0
    count = len(window.home.needs.lines)
    assert count > 0
    assert f"({count})" in window.tabs.tabText(0)
    for line in window.home.needs.lines:
        assert line.accessibleName()
        assert all(b.accessibleName() for b in line.buttons)
    assert {"authenticate", "card_expiring"} <= set(kinds(window))


def test_hm1_card_page_for_an_expiring_card(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    """The button asks first, then sends (or says in words why it cannot: the demo's customers
    are not known to the sandbox); once a card page went to the customer the line goes."""
    demo(world, portfolios)
    window = home_window(qtbot, world, open_window)
    line = next(x for x in window.home.needs.lines if x.need.kind == "card_expiring")
    customer, before = line.need.customer_ref, len(window.home.needs.lines)
    asked = when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    told = when_shown(QMessageBox, lambda box: box.accept(), timeout_ms=10_000)
    next(b for b in line.buttons if b.objectName() == "sendCardPage").click()
    asked.check()
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)
    told.check()
    with world.session() as session:  # as a card page sent gives
        from renewdesk.store.models import Customer
        who = session.query(Customer).filter_by(ref=customer).one()
        session.add(Notification(ref="N-test", kind="add_payment_method", customer_id=who.id,
                                 to=who.email, language="en", subject="s", body="b",
                                 created_on=date(2027, 1, 20), status="queued"))
        session.commit()
    window.refresh_all()
    qtbot.waitUntil(lambda: len(window.home.needs.lines) == before - 1, timeout=20_000)
    assert f"({before - 1})" in window.tabs.tabText(0)


def test_hm1_emails_that_cannot_be_sent_appear(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    with world.session() as session:
        note = session.query(Notification).filter_by(status="queued").first()
        assert note is not None
        note.last_error = "OSError: connection refused"
        session.commit()
    window = home_window(qtbot, world, open_window)
    line = next(x for x in window.home.needs.lines if x.need.kind == "emails")
    assert "connection refused" in line.label.text()
    assert {b.objectName() for b in line.buttons} == {"retryEmails", "openOutbox"}


def test_hm1_a_bar_opens_its_list_on_its_days(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    window = home_window(qtbot, world, open_window)
    charts = window.home.charts
    assert charts is not None
    index, day = next((i, x) for i, x in enumerate(charts.upcoming) if x.counts[0])
    window.home.upcoming.open(index, "renewals")
    page = window.pages["renewals"]
    assert window.tabs.currentWidget() is page
    assert page.days == (day.day, day.day) and page.days_label.isVisible()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == day.counts[0],
                    timeout=10_000)
    index = next(i for i, b in enumerate(charts.collected) if b.payments)
    window.home.collected.open(index)
    payments = window.pages["payments"]
    qtbot.waitUntil(lambda: payments.model.rowCount() == charts.collected[index].payments,
                    timeout=10_000)
    assert payments.model.query.filter == "paid"
    payments.days_clear.click()
    assert payments.days is None and payments.model.query.since is None


def test_hm3_next_run_never_before_the_last_on_a_simulated_date() -> None:
    """The machine's clock says 1 Dec 02:00 is next; the last run (simulated) was 5 Dec."""
    timer = datetime(2026, 12, 1, 2, 0)
    shown = next_run_shown(timer, date(2026, 12, 5), simulated_today=date(2026, 12, 5))
    assert shown == datetime(2026, 12, 6, 2, 0)
    assert next_run_shown(timer, date(2026, 11, 30), simulated_today=date(2026, 12, 10)) \
        == datetime(2026, 12, 10, 2, 0)
    assert next_run_shown(timer, date(2026, 12, 5)) == datetime(2026, 12, 6, 2, 0)
    assert next_run_shown(timer, date(2026, 11, 30)) == timer


def test_hm3_status_bar_on_a_simulated_date(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    window = home_window(qtbot, world, open_window)
    qtbot.waitUntil(lambda: "2027" in window.next_run.text(), timeout=10_000)
    assert "21 Jan 2027" in window.next_run.text()
    assert "20 Jan 2027" in window.last_run.text()


# Done-when 1: each kind of "Needs you" line appears, and its action clears it ---------------


def troubled(world: World, portfolios: Portfolios) -> None:
    """`build_troubled`'s portfolio, built once (`Portfolios`); this world's copy."""
    portfolios.restore(world, "home troubled", build_troubled)


def build_troubled(world: World) -> None:
    """The demo portfolio, plus what it lacks to show every kind of line: a card order whose
    automatic attempts are over (IN-5), a customer who must authenticate (CP-1), a paid
    installment to dispute (RF-2), a plan change two days before its deadline (IN-2) and a
    failed SEPA debit (IN-6)."""
    assert world.cli("demo", "--customers", "60", today="2026-12-10")[0] == 0
    world.load(document(
        [customer("C901", card("K901", token="pm_card_visa_chargeDeclined"), name="Hugo Faure"),
         customer("C902", card("K902", token="pm_card_authenticationRequired"),
                  name="Nina Roux"),
         customer("C903", card("K903"), name="Paul Petit"),
         customer("C904", card("K904"), name="Eva Blanc"),
         customer("C905", sepa("M905", token="pm_sepa_debit_fail"), name="Greta Keller")],
        orders=[order("O901", "C901", "K901", "2026-12-20"),
                order("O902", "C902", "K902", "2027-01-05"),
                order("O903", "C903", "K903", "2026-12-20"),
                order("O904", "C904", "K904", "2027-01-05"),
                order("O905", "C905", "M905", "2027-01-05", method="sepa")]),
        today="2026-12-10")
    for day in ("2026-12-20", "2027-01-05"):
        world.run(day)
    actions.update_plan(world.ctx("2027-01-12"), "O904", "20.00")  # deadline 22 Jan
    world.run(TODAY)


def line_of(window: MainWindow, kind: str, ref: str) -> Any:
    return next((x for x in window.home.needs.lines
                 if x.need.kind == kind and x.need.ref == ref), None)


def press(line: Any, name: str) -> None:
    next(b for b in line.buttons if b.objectName() == name).click()


def gone(qtbot: Any, window: MainWindow, kind: str, ref: str) -> None:
    """Until the home page, read again after the action, no longer has the line."""
    qtbot.waitUntil(lambda: not window.operations.busy and line_of(window, kind, ref) is None,
                    timeout=30_000)


def yes(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def test_hm1_in5_final_failure_line_cleared_by_its_final_attempt(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    troubled(world, portfolios)
    window = home_window(qtbot, world, open_window)
    line = line_of(window, "final_failure", "O901")
    assert line is not None and "Hugo Faure" in line.label.text()
    asked = when_shown(QMessageBox, yes)
    told = when_shown(QMessageBox, lambda box: box.accept(), timeout_ms=10_000)
    press(line, "finalAttempt")
    asked.check()
    gone(qtbot, window, "final_failure", "O901")
    told.check()
    with world.session() as session:  # the fourth attempt went to the processor, once
        assert len(session.scalars(select(Attempt).where(Attempt.manual.is_(True))).all()) == 1
    # Declined again: the order waits for collection now (IN-6), its other way out.
    qtbot.waitUntil(lambda: line_of(window, "collection", "O901") is not None, timeout=10_000)


def test_hm1_in6_collection_line_cleared_by_handing_over(
        qtbot: Any, world: World, open_window: Any, tmp_path: Path, portfolios: Portfolios) -> None:
    troubled(world, portfolios)
    window = home_window(qtbot, world, open_window)
    line = line_of(window, "collection", "O905")
    assert line is not None and "Greta Keller" in line.label.text()

    def drive(dialog: CollectionDialog) -> None:
        dialog.path.setText(str(tmp_path / "o905.json"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    shown = when_shown(CollectionDialog, drive)
    press(line, "collection")
    shown.check()
    gone(qtbot, window, "collection", "O905")
    assert (tmp_path / "o905.json").exists()


def test_hm1_cp1_customer_must_authenticate_then_pays_and_the_line_goes(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    """The line opens the customer; the customer's payment (their pay-now page, the bank's
    step) is what resolves it: the same payment recorded paid clears the line."""
    troubled(world, portfolios)
    window = home_window(qtbot, world, open_window)
    line = line_of(window, "authenticate", "C902")
    assert line is not None and "Nina Roux" in line.label.text()
    press(line, "openCustomer")
    qtbot.waitUntil(lambda: "C902" in window.customer_pages
                    and window.customer_pages["C902"].data is not None, timeout=10_000)
    with world.session() as session:  # as the customer's payment page records it
        item = session.scalars(select(Installment).join(Installment.order).where(
            InstallmentOrder.ref == "O902", Installment.status == "failed")).one()
        item.status, item.stopped_code, item.in_collections_list = "paid", None, False
        session.commit()
    window.refresh_all()
    gone(qtbot, window, "authenticate", "C902")


def test_hm1_rf2_dispute_line_appears_after_sync_and_goes_when_closed(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    troubled(world, portfolios)
    processor = world.app.processor
    assert isinstance(processor, SandboxProcessor)
    with world.session() as session:
        charge = session.scalar(select(Attempt.processor_ref).join(
            Installment, Installment.id == Attempt.installment_id).join(Installment.order)
            .where(InstallmentOrder.ref == "O903", Attempt.result == "succeeded"))
    assert charge is not None
    dispute = processor.open_dispute(charge, "fraudulent", respond_by=date(2027, 2, 1))
    window = home_window(qtbot, world, open_window)
    assert line_of(window, "dispute", "C903") is None
    with qtbot.waitSignal(window.sync.finished, timeout=20_000):
        window.actions_.sync_now.trigger()
    qtbot.waitUntil(lambda: line_of(window, "dispute", "C903") is not None, timeout=20_000)
    assert "Paul Petit disputed" in line_of(window, "dispute", "C903").label.text()
    processor.close_dispute(dispute, won=True)
    if window.sync.summary is not None:
        window.sync.summary.close()
    with qtbot.waitSignal(window.sync.finished, timeout=20_000):
        window.actions_.sync_now.trigger()
    gone(qtbot, window, "dispute", "C903")
    if window.sync.summary is not None:
        window.sync.summary.close()


def test_hm1_in2_plan_change_near_its_deadline_cleared_by_asking_again(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    troubled(world, portfolios)
    window = home_window(qtbot, world, open_window)
    line = line_of(window, "plan_change", "O904")
    assert line is not None and "Eva Blanc" in line.label.text()

    def drive(dialog: PlanUpdateDialog) -> None:
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "25.00")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    shown = when_shown(PlanUpdateDialog, drive, timeout_ms=10_000)
    press(line, "askAgain")  # the plan is read off the GUI thread, then the dialog opens
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    gone(qtbot, window, "plan_change", "O904")  # asked again: a new deadline, ten days on


def test_hm1_nt1_retry_emails_sends_them_and_the_line_goes(
        qtbot: Any, world: World, open_window: Any, smtp: Smtp, portfolios: Portfolios) -> None:
    troubled(world, portfolios)
    with world.session() as session:
        for note in session.scalars(select(Notification).where(
                Notification.status == "queued")):
            note.last_error = "OSError: connection refused"
        session.commit()
    smtp.start()
    window: MainWindow = open_window(desk_app(world, TODAY, RENEWDESK_SMTP_HOST="127.0.0.1",
                                              RENEWDESK_SMTP_PORT=str(smtp.port)))
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=20_000)
    line = line_of(window, "emails", "")
    assert line is not None
    press(line, "retryEmails")
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=20_000)
    gone(qtbot, window, "emails", "")
    assert smtp.catcher.messages


def test_hm1_sc_last_run_failed_line_cleared_by_run_now(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    with world.session() as session:
        run_record.save(session, run_record.RunRecord(
            date(2027, 1, 20), datetime(2027, 1, 20, 2, 0), True, {"text": "OSError: disk full"}))
        session.commit()
    window = home_window(qtbot, world, open_window)
    line = line_of(window, "run_failed", "")
    assert line is not None and "disk full" in line.label.text()
    # it stopped before its figures: none reads as a zero ("nothing collected")
    assert {label.text() for label in window.home.figures.values()} == {"—"}
    assert not window.home.night_note.isVisible()
    with qtbot.waitSignal(window.runFinished, timeout=30_000):
        press(line, "runNow")
    gone(qtbot, window, "run_failed", "")


def test_hm1_ctrl_1_reaches_home(qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    window = home_window(qtbot, world, open_window)
    window.tabs.setCurrentWidget(window.pages["services"])
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.home


# HM-1: the page's frame at once, the charts readable, QtCharts only when they are drawn -------


def test_hm1_page_frame_says_reading_before_any_read_answers_and_lines_wrap_whole(
        qtbot: Any, world: World, open_window: Any, portfolios: Portfolios) -> None:
    demo(world, portfolios)
    window: MainWindow = open_window(desk_app(world, TODAY))  # shown; no answer handled yet
    home = window.home
    assert home.needs.empty.isVisible() and home.needs.empty.text() == "Reading…"
    for box in (home.upcoming, home.failures, home.collected):
        assert box.view is None and box.placeholder.text() == "Reading…"
    window.resize(1200, 760)
    qtbot.waitUntil(lambda: home.charts is not None and bool(home.needs.lines), timeout=20_000)
    qtbot.waitUntil(lambda: all(line.label.height() >= line.label.heightForWidth(
        line.label.width()) for line in home.needs.lines), timeout=5_000)
    assert all(line.label.wordWrap() for line in home.needs.lines)
    for box in (home.upcoming, home.failures, home.collected):
        assert box.view is not None and box.view.accessibleName()
        assert not box.placeholder.isVisible()


def test_hm1_qtcharts_not_imported_when_the_window_starts() -> None:
    """The window's start does not load QtCharts; the charts' module does, when drawn."""
    code = ("import sys, renewdesk.ui.main_window; "
            "assert 'PySide6.QtCharts' not in sys.modules, 'QtCharts at start'; "
            "import renewdesk.ui.views.home_chart_view; "
            "assert 'PySide6.QtCharts' in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert done.returncode == 0, done.stderr


def test_hm1_count_axis_has_whole_numbers_and_money_is_grouped_per_locale() -> None:
    assert value_axis(1, Language("en"), "payments").ticks == ((0, "0"), (1, "1"))
    ticks = value_axis(7, Language("en"), "payments").ticks
    assert [v for v, _ in ticks] == [0, 2, 4, 6, 8]
    assert all(float(v).is_integer() for v, _ in value_axis(3.4, Language("en"), "").ticks)
    assert value_axis(1480, Language("en"), "EUR").ticks[-1] == (1500, "1,500")
    french = value_axis(1480, Language("fr"), "EUR").ticks[-1][1]
    assert french.replace("\u202f", " ").replace("\xa0", " ") == "1 500"


def test_hm1_day_labels_name_each_month_once_and_never_repeat() -> None:
    days = [date(2026, 12, 10) + timedelta(days=i) for i in range(60)]
    labels = day_labels(days, Language("en"))
    assert labels[0] == "10 Dec" and labels[7] == "17" and labels[28] == "7 Jan"
    feb = [date(2027, 2, 1) + timedelta(days=i) for i in range(60)]  # 8 Feb and 8 Mar
    assert len(set(day_labels(feb, Language("fr")).values())) == len(range(0, 60, 7))


def test_hm1_the_needs_read_before_the_window_are_shown_at_its_first_paint(
        qtbot: Any, world: World, portfolios: Portfolios) -> None:
    """At the start the needs are read while the window's modules load (ui/prefetch.py): the
    page shows them when it is first shown, with no read of its own; taken once, so a refresh
    reads anew; an answer not yet there is not waited for."""
    from renewdesk.services import home
    from renewdesk.ui.prefetch import Prefetch

    demo(world, portfolios)
    app = desk_app(world, TODAY)
    first = Prefetch(lambda: home.home(app.context(delivery=False), "en"))
    first.wait(20)
    window = MainWindow(app, home=first)
    qtbot.addWidget(window)
    asked: list[object] = []
    real = window.desk.read
    window.desk.read = lambda key, *a, **k: (asked.append(key), real(key, *a, **k))  # type: ignore[method-assign]
    window.show()
    try:
        assert window.home.data is not None and window.home.needs.lines  # before any event
        assert "home needs" not in asked
        qtbot.waitUntil(lambda: "home charts" in asked)  # asked once the page is on screen
        assert first.take() is None  # once
        held = threading.Event()
        slow = Prefetch(lambda: held.wait(20))
        assert slow.take() is None  # not there yet: never waited for
        held.set()
        slow.wait(20)
    finally:
        window.close()
        app.close()


def test_hm1_the_charts_are_read_for_the_page_on_screen_only(
        qtbot: Any, world: World, portfolios: Portfolios) -> None:
    """Someone who goes straight to a list at the start has its rows read first: the charts
    are read when the home page is shown again (and then drawn)."""
    demo(world, portfolios)
    app = desk_app(world, TODAY)
    window = MainWindow(app)
    qtbot.addWidget(window)
    asked: list[object] = []
    real = window.desk.read
    window.desk.read = lambda key, *a, **k: (asked.append(key), real(key, *a, **k))  # type: ignore[method-assign]
    window.show()
    try:
        window.tabs.setCurrentWidget(window.pages["services"])  # before the event loop runs
        services = window.pages["services"].model
        qtbot.waitUntil(lambda: window.home.data is not None and services.rowCount() > 0
                        and not services.loading, timeout=20_000)
        assert "home charts" not in asked and window.home.charts is None
        window.tabs.setCurrentWidget(window.home)
        qtbot.waitUntil(lambda: window.home.charts is not None, timeout=20_000)
    finally:
        window.close()
        app.close()
