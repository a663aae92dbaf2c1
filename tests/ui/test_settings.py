"""Settings through the window: validated all together, nothing saved on a bad value; the
interface language switches between French and English."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QSpinBox

from renewdesk.domain.money import Money
from renewdesk.services.window import user_settings
from renewdesk.store import settings
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.launch import Launcher
from tests.conftest import World
from tests.ui.conftest import desk_app, lone_desk, when_shown


def stored(world: World) -> str:
    """The settings as they are kept, a `name=value` line each (the command line's listing
    reads in words, HM-3)."""
    with world.session() as session:
        return "".join(f"{name}={value}\n"
                       for name, value in settings.all_user_settings(session).items())


def save(qtbot: Any, dialog: SettingsDialog) -> None:
    """Save, and wait until what is saved off the GUI thread has been answered."""
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    # A new language builds the window again: the dialog, its child, may be gone by then.
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or dialog.isEnabled(), timeout=10_000)


def test_settings_bad_value_is_named_and_nothing_is_saved(world: World, qtbot: Any) -> None:
    app = desk_app(world, "2026-11-01")
    dialog = SettingsDialog(lone_desk(app), world.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "seller_email").setText("alerts@example.fr")
    dialog.findChild(QLineEdit, "notice_days").setText("abc")
    save(qtbot, dialog)
    assert "notice_days" in dialog.problem.text()
    assert dialog.isVisible() or dialog.result() == 0
    assert "seller_email=seller@renewdesk.invalid" in stored(world)  # none saved
    dialog.findChild(QLineEdit, "notice_days").setText("20")
    save(qtbot, dialog)
    out = stored(world)
    assert "notice_days=20" in out and "seller_email=alerts@example.fr" in out
    app.close()


def test_interface_switches_to_french_and_back(world: World, qtbot: Any) -> None:
    launcher = Launcher(desk_app(world, "2026-11-01"))
    window = launcher.open()  # closed and deleted by the relaunch
    assert window.tabs.tabText(0).startswith("&Home")  # HM-1: the home page first
    assert window.tabs.tabText(1) == "&Customers"

    def french(dialog: SettingsDialog) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        save(qtbot, dialog)

    shown = when_shown(SettingsDialog, french)
    window.actions_.settings.trigger()
    # The saved settings are read off the GUI thread before the dialog opens.
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=10_000)
    shown.check()
    qtbot.waitUntil(lambda: launcher.window is not window)
    french_window = launcher.window
    assert french_window is not None
    qtbot.addWidget(french_window)
    assert french_window.language.code == "fr"
    assert french_window.tabs.tabText(0).startswith("&Accueil")
    assert french_window.tabs.tabText(1) == "&Clients"
    assert french_window.pages["orders"].renew_plan.text() == "Relancer l'&échéancier"
    assert french_window.language.money(Money(123456, "EUR")) == "1\u202f234,56\xa0€"
    launcher.app.close()


def test_team_database_chosen_in_settings_never_with_its_password(
        world: World, qtbot: Any) -> None:
    """Issue 7: the database is chosen in Settings; a URL with a password is refused (the
    password has its own field, for the keyring) and nothing else is saved with it."""
    app = desk_app(world, "2026-11-01")
    dialog = SettingsDialog(lone_desk(app), world.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "seller_email").setText("alerts@example.fr")
    url = dialog.findChild(QLineEdit, "database_url")
    url.setText("postgresql+psycopg://alice:hunter2@db.example.test/renewdesk")
    save(qtbot, dialog)
    assert "password" in dialog.problem.text() and "hunter2" not in dialog.problem.text()
    assert "seller_email=seller@renewdesk.invalid" in stored(world)  # none saved
    assert "(the default)" in world.cli("database")[1]
    url.setText("postgresql+psycopg://alice@db.example.test/renewdesk")
    save(qtbot, dialog)
    assert dialog.database_changed
    assert "postgresql+psycopg://alice@db.example.test/renewdesk (chosen)" in \
        world.cli("database")[1]
    app.close()


def test_sy2_pacing_settings_say_by_mode_in_words_and_take_an_override(world: World,
                                                                       qtbot: Any) -> None:
    app = desk_app(world, "2026-11-01")
    dialog = SettingsDialog(lone_desk(app), world.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    rate = dialog.findChild(QSpinBox, "processor_rate_limit")
    calls = dialog.findChild(QSpinBox, "processor_concurrency")
    assert rate.value() == 0 and rate.text() == "By mode (25/s test, 100/s live)"
    assert calls.value() == 0 and calls.text().startswith("Automatic")
    rate.setValue(40)
    save(qtbot, dialog)
    out = stored(world)
    assert "processor_rate_limit=40" in out and "processor_concurrency=0" in out
    app.close()
