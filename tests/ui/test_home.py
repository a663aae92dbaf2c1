"""HM-1 in the window: the home page first, "Needs you" with its count and actions, a bar's click
opening its list on its days; HM-3: the status bar's next and last run agree."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import QMessageBox

from renewdesk.scheduler.daily import next_run_shown
from renewdesk.store.models import Notification
from renewdesk.ui.main_window import MainWindow
from tests.conftest import World
from tests.ui.conftest import desk_app, when_shown

TODAY = "2027-01-20"


def demo(world: World) -> None:
    assert world.cli("demo", "--customers", "60", today="2026-12-10")[0] == 0
    for day in ("2026-12-20", "2027-01-05", TODAY):
        world.run(day)


def home_window(qtbot: Any, world: World, open_window: Any) -> MainWindow:
    window: MainWindow = open_window(desk_app(world, TODAY))
    qtbot.waitUntil(lambda: window.home.data is not None and window.home.charts is not None,
                    timeout=20_000)
    return window


def kinds(window: MainWindow) -> list[str]:
    return [line.need.kind for line in window.needs_lines()] if hasattr(
        window, "needs_lines") else [line.need.kind for line in window.home.needs.lines]


def test_hm1_window_opens_on_home_with_the_count_on_its_tab(qtbot: Any, world: World,
                                                           open_window: Any) -> None:
    demo(world)
    window = home_window(qtbot, world, open_window)
    assert window.tabs.currentWidget() is window.home
    assert window.tabs.indexOf(window.home) == 0
    count = len(window.home.needs.lines)
    assert count > 0
    assert f"({count})" in window.tabs.tabText(0)
    for line in window.home.needs.lines:
        assert line.accessibleName()
        assert all(b.accessibleName() for b in line.buttons)
    assert {"collection", "card_expiring"} <= set(kinds(window))


def test_hm1_card_page_for_an_expiring_card(qtbot: Any, world: World,
                                            open_window: Any) -> None:
    """The button asks first, then sends (or says in words why it cannot: the demo's customers
    are not known to the sandbox); once a card page went to the customer the line goes."""
    demo(world)
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


def test_hm1_emails_that_cannot_be_sent_appear(qtbot: Any, world: World,
                                              open_window: Any) -> None:
    demo(world)
    with world.session() as session:
        note = session.query(Notification).filter_by(status="queued").first()
        assert note is not None
        note.last_error = "OSError: connection refused"
        session.commit()
    window = home_window(qtbot, world, open_window)
    line = next(x for x in window.home.needs.lines if x.need.kind == "emails")
    assert "connection refused" in line.label.text()
    assert {b.objectName() for b in line.buttons} == {"retryEmails", "openOutbox"}


def test_hm1_a_bar_opens_its_list_on_its_days(qtbot: Any, world: World,
                                             open_window: Any) -> None:
    demo(world)
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


def test_hm3_status_bar_on_a_simulated_date(qtbot: Any, world: World, open_window: Any) -> None:
    demo(world)
    window = home_window(qtbot, world, open_window)
    qtbot.waitUntil(lambda: "2027" in window.next_run.text(), timeout=10_000)
    assert "21 Jan 2027" in window.next_run.text()
    assert "20 Jan 2027" in window.last_run.text()
