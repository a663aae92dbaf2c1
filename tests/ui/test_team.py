"""Team mode through the window (issue 7), on SQLite and on PostgreSQL: a window sees another
account manager's changes without a restart, and a plan edited meanwhile by someone else is
refused with who changed it, the dialog then showing the plan as it is now."""

from __future__ import annotations

import os
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTabWidget
from sqlalchemy import text

from renewdesk.app import App, open_app
from renewdesk.domain.errors import EditConflict
from renewdesk.domain.roles import Role
from renewdesk.services import actions
from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
from tests.builders import card, customer, document, order
from tests.conftest import World
from tests.pg_server import add_user
from tests.ui.conftest import desk_app, finished, lone_desk
from tests.ui.helpers import settle


def portfolio() -> dict[str, Any]:
    return document([customer("C1", card("K1")), customer("C2", card("K2"), name="Ana Lima")],
                    orders=[order("O1", "C1", "K1", "2026-12-01"),
                            order("O2", "C2", "K2", "2026-12-01")])


def test_in2_a_plan_changed_meanwhile_by_someone_else_is_refused_not_overwritten(
        world: World) -> None:
    world.load(portfolio())
    alice, bob = world.ctx("2026-11-20", who="alice"), world.ctx("2026-11-20", who="bob")
    seen_by_alice = actions.plan_state(alice, "O1").version
    seen_by_bob = actions.plan_state(bob, "O1").version
    actions.update_plan(bob, "O1", "25.00", seen_by_bob)
    with pytest.raises(EditConflict, match=r"O1 was changed by bob .* nothing was saved"):
        actions.update_plan(alice, "O1", "35.00", seen_by_alice)
    state = actions.plan_state(alice, "O1")
    assert state.pending is not None and state.pending[0] == "25.00"  # bob's, untouched
    assert [m.kind for m in world.mails("plan_change_requested")] == ["plan_change_requested"]
    actions.update_plan(alice, "O1", "35.00", state.version)  # from what she now sees: fine
    assert actions.plan_state(alice, "O1").pending[0] == "35.00"  # type: ignore[index]


def test_in2_the_plan_dialog_refuses_a_stale_edit_and_keeps_what_was_typed(
        world: World, qtbot: Any) -> None:
    world.load(portfolio())
    app = desk_app(world, "2026-11-20", RENEWDESK_USER="alice")
    desk = lone_desk(app)
    dialog = PlanUpdateDialog(desk, actions.plan_state(desk.context(), "O1"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amount, "35.00")
    actions.update_plan(world.ctx("2026-11-20", who="bob"), "O1", "25.00")  # bob, elsewhere
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    finished(qtbot, desk)  # the request is made off the GUI thread
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and "changed by bob" in box.text()
    assert dialog.result_ is None and dialog.amount.text() == "35.00"
    # The plan as it is now, read again off the GUI thread.
    qtbot.waitUntil(lambda: "25.00" in dialog.state_label.text(), timeout=10_000)
    app.close()


def test_a_window_shows_another_managers_changes_without_a_restart(
        world: World, qtbot: Any, open_window: Any) -> None:
    world.load(portfolio())
    window = open_window(desk_app(world, "2026-11-20"))
    window.watcher.set_interval(50)
    page = window.pages["customers"]
    window.tabs.setCurrentWidget(page)  # the window opens on its home page (HM-1)
    settle(page.model)  # the count is read off the GUI thread
    assert page.model.rowCount() == 2
    other = desk_app(world, "2026-11-20")  # another machine on the same database
    extra = document([customer("C3", card("K3"), name="Zoé Martin")])
    world.load(extra)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    audit = window.pages["audit"]
    activity = window.findChild(QTabWidget, "activity")
    window.tabs.setCurrentWidget(activity)
    activity.setCurrentWidget(audit)  # the audit log on screen, before bob's change
    actions.update_plan(other.context(delivery=False), "O2", "25.00")
    qtbot.waitUntil(lambda: any(
        "plan_update" in str(audit.model.index(r, c).data())
        for r in range(audit.model.rowCount()) for c in range(audit.model.columnCount())),
        timeout=5000)
    other.close()


def _apps_of_users(world: World, names: tuple[str, ...]) -> dict[str, App]:
    """An app per person, as the window opens it: on SQLite told apart by RENEWDESK_USER (the
    computer's login); in team mode each is a database user of its own, an account manager,
    the audit's who (EV-2, issue 23)."""
    if not world.target.startswith("postgresql"):
        return {who: desk_app(world, "2026-11-20", RENEWDESK_USER=who) for who in names}
    return {who: open_app(add_user(world.target, who, Role.MANAGER), "2026-11-20",
                          env=world.env) for who in names}


def _drop_users(world: World, names: tuple[str, ...]) -> None:
    if world.target.startswith("postgresql"):
        with world.app.engine.begin() as connection:
            for who in names:
                connection.execute(text(f'DROP ROLE IF EXISTS "{who}"'))


def test_two_windows_edit_one_customer_the_second_save_is_refused_with_who(
        world: World, qtbot: Any) -> None:
    """EV-2, issue 18: Alice and Bob each open C1's form; Bob saves first. Alice's save is
    refused with who changed it, nothing of hers is written, and her form then shows C1 as it
    is now, with what she had typed listed beside it. In team mode Bob is named by his
    database user (issue 23)."""
    from renewdesk.services import forms
    from renewdesk.ui.dialogs.record_form import RecordDialog

    world.load(portfolio())
    alice, bob = f"alice{os.getpid()}", f"bob{os.getpid()}"
    dialogs = {}
    desks = {}
    for who, app in _apps_of_users(world, (alice, bob)).items():
        desks[who] = lone_desk(app)
        dialogs[who] = RecordDialog(desks[who], forms.read_record(desks[who].context(), "customer",
                                                                  "C1"))
        qtbot.addWidget(dialogs[who])
    try:
        dialogs[bob].widgets["address"].setPlainText("12 quai Saint-Antoine, Lyon")
        dialogs[bob].save_button.click()
        finished(qtbot, desks[bob])
        assert dialogs[bob].result() == 1  # saved
        dialogs[alice].widgets["email"].setText("alice-typed@example.fr")
        dialogs[alice].save_button.click()
        finished(qtbot, desks[alice])
        said = dialogs[alice].problem_text()
        assert f"changed by {bob}" in said and "nothing was saved" in said
        qtbot.waitUntil(lambda: "12 quai Saint-Antoine" in
                        dialogs[alice].widgets["address"].toPlainText(), timeout=10_000)
        assert "alice-typed@example.fr" in dialogs[alice].typed.text()
        now = forms.read_record(desks[alice].context(), "customer", "C1")
        assert now.value("address") == "12 quai Saint-Antoine, Lyon"
        assert now.value("email") != "alice-typed@example.fr"
    finally:
        for desk in desks.values():
            desk.reader.shutdown()
            desk.app.close()
        _drop_users(world, (alice, bob))
