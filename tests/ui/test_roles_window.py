"""Issue 23: the window by role. Each role's window enables exactly its actions; an action the
role cannot take is disabled, never hidden, with the reason in its tooltip and status tip, and
stays so whatever the lists' own enabling does; Settings open read-only for an account manager
and a viewer (the interface's language still theirs); a viewer's window runs no daily run; a
change the team's server refuses is said in words, not as a traceback."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QMessageBox, QPushButton
from sqlalchemy import func, make_url, select, update
from sqlalchemy.exc import ProgrammingError

from renewdesk.app import App, open_app
from renewdesk.domain.money import Money
from renewdesk.domain.roles import Power, Role, can, reason
from renewdesk.services.context import Context
from renewdesk.services.home import Need
from renewdesk.store.models import AuditEntry, Service
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.operations import Operations
from renewdesk.ui.permissions import NEEDS, refused
from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.pg_server import PgServer
from tests.ui.conftest import desk_app, when_shown
from tests.ui.helpers import select_rows, settle

TODAY = "2026-11-20"

# The window's actions with the Services list shown and S1 selected, enabled for each role.
EVERYONE = {"settings", "find", "refresh", "quit", "keys", "aboutAction", "showTab",
            "toolbarShown", "exportAll", "exportSelection", "accountingExport"}
WORKFLOWS = {"runNow", "dryRun", "syncNow", "new", "edit", "delete", "cancelService",
             "importFile", "importCsv"}
ENABLED_ACTIONS = {
    Role.ADMIN: EVERYONE | WORKFLOWS | {"firstRunAction"},
    Role.MANAGER: EVERYONE | WORKFLOWS,
    Role.VIEWER: EVERYONE,
}
# The Services list's buttons, with S1 selected.
ENABLED_SERVICE_BUTTONS = {Role.ADMIN: {"bulk", "renew", "manualRenewal"},
                           Role.MANAGER: {"bulk", "renew", "manualRenewal"},
                           Role.VIEWER: set()}


def portfolio() -> dict[str, Any]:
    return document([customer("C1", card("K1"))],
                    services=[service("S1", "C1", "2027-03-01", payment_method="K1"),
                              service("S2", "C1", "2027-06-01", payment_method="K1")])


def sentence(role: Role, power: Power) -> str:
    text = reason(role, power, "en")
    return text[:1].upper() + text[1:]


def actions_of(window: MainWindow) -> list[QAction]:
    """Every action a person can reach: the toolbar's, the menus' and the lists' (not a menu's
    own title, nor Qt's inner ones such as a search box's clear button)."""
    return [a for a in window.findChildren(QAction)
            if a.text() and a.menu() is None and not a.objectName().startswith("_q_")]


def buttons_of(window: Any) -> list[QAbstractButton]:
    return [b for b in window.findChildren(QAbstractButton)
            if isinstance(b, (QPushButton, QCheckBox)) or b.objectName() == "clearDays"]


def on_services(window: MainWindow) -> MainWindow:
    """The Services list shown, S1 selected."""
    services = window.pages["services"]
    window.tabs.setCurrentWidget(services)
    settle(services.model)
    services.model.row(0)
    settle(services.model)
    select_rows(services, "S1")
    return window


@pytest.fixture
def role_window(world: World, open_window: Any) -> Iterator[Any]:
    """On SQLite: the window of an app whose role is set as team mode reads it."""
    world.load(portfolio())

    def make(role: Role) -> MainWindow:
        app: App = desk_app(world, TODAY)
        app.role = role
        return on_services(open_window(app))

    yield make


_users = itertools.count(1)


@pytest.fixture
def team(postgres: PgServer, tmp_path: Path,
         env: dict[str, str]) -> Iterator[Callable[[Role], App]]:
    """A team's PostgreSQL with the portfolio (loaded by its owner), and an app opened as a new
    database user of the role asked, a member of its group role (migration 0011)."""
    made: list[str] = []
    with postgres.database() as url:
        world = World(tmp_path, env, url)
        world.load(portfolio())

        def as_user(role: Role) -> App:
            name = f"w{os.getpid()}_{role}_{next(_users)}"
            postgres.admin(f'CREATE ROLE "{name}" LOGIN IN ROLE renewdesk_{role}')
            made.append(name)
            mine = make_url(url).set(username=name).render_as_string(hide_password=False)
            return open_app(mine, TODAY, env=world.env)

        yield as_user
        world.close()
    for name in made:
        postgres.admin(f'DROP ROLE "{name}"')


def check_refusals(controls: list[Any], role: Role) -> None:
    """Each control has a power; one the role lacks is disabled with the reason."""
    for control in controls:
        name = control.objectName()
        assert name in NEEDS, f"{name or control.text()!r} has no power in ui/permissions.py"
        power = NEEDS[name]
        if can(role, power):
            assert refused(control) == "", name
        else:
            why = sentence(role, power)
            assert not control.isEnabled(), name
            assert refused(control) == why and control.toolTip() == why, name
            assert control.statusTip() == why, name


@pytest.mark.parametrize("role", list(Role))
def test_issue23_each_roles_window_enables_exactly_its_actions(
        role_window: Any, role: Role) -> None:
    window = role_window(role)
    actions = actions_of(window)
    check_refusals(actions, role)
    check_refusals(buttons_of(window), role)
    assert {a.objectName() for a in actions if a.isEnabled()} == ENABLED_ACTIONS[role]
    services = window.pages["services"]
    shown = {b.objectName() for b in services.findChildren(QPushButton) if b.isEnabled()}
    assert shown == ENABLED_SERVICE_BUTTONS[role]
    # Nothing hidden: every action is in a menu or the toolbar whatever the role.
    assert all(a.isVisible() for a in actions)


def test_issue23_a_role_refusal_holds_when_the_selection_and_the_runs_change(
        role_window: Any, qtbot: Any) -> None:
    window = role_window(Role.VIEWER)
    a = window.actions_
    services = window.pages["services"]
    select_rows(services, "S2")
    window.editing.update()
    window.runs_enabled(True)  # what the end of a run or a sync does
    services.update_buttons()
    for action in (a.edit, a.delete, a.cancel_service, a.new, a.run_now, a.dry_run, a.sync_now):
        assert not action.isEnabled()
        assert action.toolTip() == sentence(Role.VIEWER, Power.WORK)
    assert not services.manual.isEnabled() and not services.bulk.isEnabled()
    assert a.export_selection.isEnabled()  # a viewer exports
    # A double click on a service does not open a form the viewer cannot save: it says why.
    services.activated.emit("S1")
    assert window.statusBar().currentMessage() == sentence(Role.VIEWER, Power.WORK)


def test_issue23_the_customer_page_by_role(role_window: Any, qtbot: Any) -> None:
    for role in (Role.MANAGER, Role.VIEWER):
        window = role_window(role)
        window.open_customer("C1")
        page = window.customer_pages["C1"]
        qtbot.waitUntil(lambda p=page: p.data is not None, timeout=10_000)
        page.methods.selectRow(0)
        page._update_buttons()  # what a selection does
        controls = buttons_of(page) + [c for c in page.findChildren(QAction) if c.text()]
        check_refusals(controls, role)
        refund = sentence(role, Power.REFUND)
        assert not page.refund_action.isEnabled() and page.refund_action.toolTip() == refund
        assert page.payments.refund.toolTip() == refund
        assert page.make_default.isEnabled() is (role == Role.MANAGER)
        assert page.emails_on.isEnabled() is (role == Role.MANAGER)
        page.close()


def test_issue23_a_needs_button_the_role_cannot_use_is_disabled_with_the_reason(
        role_window: Any) -> None:
    window = role_window(Role.VIEWER)
    needs = window.home.needs
    needs.show_needs((Need("emails", "", detail="refused"),
                      Need("card_expiring", "C1", customer_ref="C1", customer="Ana")))
    pressed = {b.objectName(): b for line in needs.lines for b in line.buttons}
    for name in ("retryEmails", "sendCardPage"):
        assert not pressed[name].isEnabled()
        assert pressed[name].toolTip() == sentence(Role.VIEWER, Power.WORK)
    for name in ("openOutbox", "openCustomer"):
        assert pressed[name].isEnabled()


@pytest.mark.parametrize("role", [Role.MANAGER, Role.VIEWER])
def test_issue23_settings_open_read_only_but_the_interface_language_is_this_computers(
        role_window: Any, world: World, qtbot: Any, role: Role) -> None:
    window = role_window(role)
    with world.session() as session:
        audited = session.scalar(select(func.count()).select_from(AuditEntry))

    def read_only(dialog: SettingsDialog) -> None:
        why = sentence(role, Power.SETTINGS)
        assert dialog.why.isVisible() and dialog.why.text() == why
        for name in ("notice_days", "smtp_host", "nightly_time", "seller_email"):
            assert not dialog.fields[name].isEnabled(), name
        assert not dialog.payments.processor.isEnabled()
        assert not dialog.payments.findChild(QPushButton, "testConnection").isEnabled()
        assert dialog.findChild(QComboBox, "ui_language").isEnabled()
        assert dialog.database_url.isEnabled()  # this computer's own choice
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.apply()  # saves what is this computer's, writes nothing to the database

    shown = when_shown(SettingsDialog, read_only)
    window.open_settings()
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)
    shown.check()
    assert str(QSettings().value("ui/language")) == "en"
    with world.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audited


def test_issue23_an_admin_changes_the_settings(role_window: Any, qtbot: Any) -> None:
    window = role_window(Role.ADMIN)

    def editable(dialog: SettingsDialog) -> None:
        assert not dialog.why.isVisible()
        assert dialog.fields["notice_days"].isEnabled()
        assert dialog.payments.processor.isEnabled()

    shown = when_shown(SettingsDialog, editable)
    window.open_settings()
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()


def test_issue23_a_viewers_window_runs_no_daily_run_and_says_so(
        role_window: Any, qtbot: Any) -> None:
    viewer = role_window(Role.VIEWER)
    qtbot.waitUntil(lambda: bool(viewer.next_run.text()), timeout=10_000)
    assert viewer.next_run.text() == "No daily run from this window"
    assert viewer.next_run.toolTip() == sentence(Role.VIEWER, Power.WORK)
    assert viewer.daily.next_at is None  # the timer was never armed
    viewer.daily_run()  # even if asked, nothing starts
    assert viewer.scheduler.running is None
    manager = role_window(Role.MANAGER)
    qtbot.waitUntil(lambda: bool(manager.next_run.text()), timeout=10_000)
    assert manager.next_run.text().startswith("Next run: ")
    assert manager.daily.next_at is not None


@pytest.mark.parametrize("role", list(Role))
def test_issue23_the_window_says_who_works_with_which_role(
        role_window: Any, qtbot: Any, role: Role) -> None:
    window = role_window(role)
    qtbot.waitUntil(lambda: bool(window.who.text()), timeout=10_000)
    words = {Role.ADMIN: "admin", Role.MANAGER: "account manager", Role.VIEWER: "viewer"}[role]
    assert window.who.text().endswith(f"({words})")
    assert words in window.who.toolTip()


class _Refused(Exception):
    """What psycopg raises for a write a role's GRANTs do not allow."""

    sqlstate = "42501"


def test_issue23_a_change_the_server_refuses_is_said_in_words(qtbot: Any) -> None:
    operations = Operations(language="en", role=Role.VIEWER)
    said: list[str] = []

    def work() -> None:
        raise ProgrammingError("UPDATE service SET label = 'x'", {}, _Refused("permission denied"))

    operations.start(work, lambda _r: None, said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == ["the database refused this change for your role (viewer): ask an admin"]
    assert "ProgrammingError" not in said[0]


def names(root: Any) -> set[str]:
    return {control.objectName() for control in
            [*root.findChildren(QAction), *root.findChildren(QAbstractButton)]}


def test_issue23_every_power_is_some_controls_and_every_named_control_exists(
        role_window: Any, qtbot: Any) -> None:
    """ui/permissions.NEEDS against the window built: every power but managing users (the
    command line's) is needed by some control, and every name it lists is a control's, on the
    window, a customer's page or a line of "Needs you" (one of each kind): a control renamed
    cannot leave a stale entry, its new name ungated."""
    assert set(NEEDS.values()) == set(Power) - {Power.USERS}
    window = role_window(Role.ADMIN)
    found = names(window)
    window.home.needs.show_needs(tuple(
        Need(kind, ref, customer_ref="C1", customer="Ana", amount=Money(1200, "EUR"),
             on=date(2026, 11, 20), detail="refused")
        for kind, ref in (("run_failed", ""), ("final_failure", "O1"), ("collection", "O1"),
                          ("card_expiring", "C1"), ("plan_change", "O1"), ("emails", ""))))
    found |= names(window.home.needs)  # now: the home page's next read replaces its lines
    window.open_customer("C1")
    page = window.customer_pages["C1"]
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    found |= names(page)
    assert set(NEEDS) - found == set()
    page.close()


# On the team's PostgreSQL, each role a database user's: the app reads it from the database.

@pytest.mark.parametrize("role", list(Role))
def test_issue23_each_database_users_window_enables_exactly_its_roles_actions(
        team: Callable[[Role], App], open_window: Any, role: Role) -> None:
    app = team(role)
    assert app.role == role  # read from the user's group role when the app was opened
    window = on_services(open_window(app))
    actions = actions_of(window)
    check_refusals(actions, role)
    check_refusals(buttons_of(window), role)
    assert {a.objectName() for a in actions if a.isEnabled()} == ENABLED_ACTIONS[role]
    shown = {b.objectName() for b in window.pages["services"].findChildren(QPushButton)
             if b.isEnabled()}
    assert shown == ENABLED_SERVICE_BUTTONS[role]


def test_issue23_a_viewers_change_forced_through_is_refused_by_the_server_in_words(
        team: Callable[[Role], App], open_window: Any, qtbot: Any) -> None:
    """Past the disabled actions (as a bug or a stale window would), the server refuses the
    viewer's write; the window says so in database_refused_role's words, not a traceback."""
    window = open_window(team(Role.VIEWER))
    qtbot.waitUntil(lambda: bool(window.who.text()), timeout=10_000)
    assert window.who.text().startswith("w") and window.who.text().endswith("(viewer)")

    def relabel(ctx: Context) -> None:
        with ctx.factory() as session:
            session.execute(update(Service).where(Service.ref == "S1").values(label="x"))
            session.commit()

    window.desk.change(window, relabel, lambda _r: None)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None,
                    timeout=10_000)
    box = window.findChild(QMessageBox, "errorBox")
    assert box.text() == ("the database refused this change for your role (viewer): "
                          "ask an admin")
    assert window.isEnabled()  # the window is usable again


def test_issue23_an_account_managers_settings_save_only_this_computers_choices(
        team: Callable[[Role], App], open_window: Any, qtbot: Any) -> None:
    """Read only on the team's server too: Save keeps the interface's language and writes
    nothing the server would refuse for the role."""
    window = open_window(team(Role.MANAGER))
    QSettings().setValue("ui/language", "system")

    def save_language(dialog: SettingsDialog) -> None:
        assert dialog.why.text() == sentence(Role.MANAGER, Power.SETTINGS)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.apply()

    shown = when_shown(SettingsDialog, save_language)
    window.open_settings()
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    qtbot.waitUntil(lambda: not shown[0].isVisible(), timeout=10_000)
    assert shown[0].problem.text() == ""
    assert shown[0].result() == SettingsDialog.DialogCode.Accepted
    assert str(QSettings().value("ui/language")) == "en"
