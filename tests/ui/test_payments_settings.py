"""Issue 19, "The processor is a setting": Stripe chosen in Settings > Payments against
localstripe (started by the tests on 127.0.0.1), the connection tested off the GUI thread, a
run that charges through Stripe, the mode always shown; a key removed stops the runs and nothing
is charged anywhere (never the sandbox instead); a refused key saves nothing; live mode is
asked first and audited."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import func, select

from renewdesk.app import App, open_app
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import words
from renewdesk.scheduler.worker import RunOutcome
from renewdesk.services.window import user_settings
from renewdesk.store import settings
from renewdesk.store.models import Attempt, AuditEntry
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.main_window import MainWindow
from tests.builders import card, customer, document, order
from tests.conftest import World
from tests.keyrings import MemoryKeyring
from tests.peers import KEY, LocalStripe
from tests.ui.conftest import desk_app, lone_desk, when_shown


def stored(world: World) -> str:
    """The settings as they are kept, a `name=value` line each (the command line's listing
    reads in words, HM-3)."""
    with world.session() as session:
        return "".join(f"{name}={value}\n"
                       for name, value in settings.all_user_settings(session).items())

pytestmark = pytest.mark.slow
LIVE_KEY = "sk_live_renewdesk_localstripe"  # localstripe takes any sk_ key


@pytest.fixture
def stripe_ready(tmp_path: Path, env: dict[str, str], localstripe: LocalStripe,
                 system_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """A world on the sandbox (the default) whose Stripe, once chosen, is localstripe; its key
    only ever in the (memory) system keyring, never in the environment."""
    localstripe.flush()
    monkeypatch.delenv("RENEWDESK_STRIPE_SECRET_KEY", raising=False)
    stripe_env = {"RENEWDESK_STRIPE_API_BASE": localstripe.url, "RENEWDESK_STRIPE_TIMEOUT": "5"}
    for name, value in stripe_env.items():
        monkeypatch.setenv(name, value)  # for the command line, which reads os.environ
    world = World(tmp_path, {**env, **stripe_env})
    yield world
    world.close()


def sandbox_charges(world: World) -> int:
    ledger = world.folder / "renewdesk.db.sandbox-ledger.sqlite"
    if not ledger.exists():
        return 0
    with sqlite3.connect(ledger) as conn:
        return int(conn.execute("SELECT count(*) FROM charge").fetchone()[0])


def attempts(world: World) -> int:
    with world.session() as session:
        return session.scalar(select(func.count()).select_from(Attempt)) or 0


def widget(dialog: SettingsDialog, kind: type[Any], name: str) -> Any:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def choose_stripe(qtbot: Any, dialog: SettingsDialog, key: str) -> None:
    combo = widget(dialog, QComboBox, "payment_processor")
    combo.setCurrentIndex(combo.findData("stripe"))
    widget(dialog, QLineEdit, "stripe_key").setText(key)


def ask_stripe(qtbot: Any, dialog: SettingsDialog) -> str:
    """Click "Test the connection"; Stripe's answer, as the tab shows it."""
    label = dialog.payments.connection
    qtbot.mouseClick(widget(dialog, QPushButton, "testConnection"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.isEnabled() and label.text() != "Asking Stripe…",
                    timeout=15_000)
    return label.text()


def click_save(qtbot: Any, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def open_settings(qtbot: Any, window: MainWindow, act: Any) -> None:
    shown = when_shown(SettingsDialog, act, timeout_ms=20_000)
    window.actions_.settings.trigger()
    qtbot.waitUntil(lambda: bool(shown) or shown.error is not None, timeout=20_000)
    shown.check()


def run_now(qtbot: Any, window: MainWindow) -> RunOutcome:
    with qtbot.waitSignal(window.runFinished, timeout=30_000) as finished:
        window.actions_.run_now.trigger()
    outcome: RunOutcome = finished.args[0]
    return outcome


def test_issue19_stripe_chosen_in_settings_charges_at_stripe_and_without_its_key_nothing_anywhere(
        stripe_ready: World, localstripe: LocalStripe, system_keyring: MemoryKeyring,
        qtbot: Any, open_window: Any) -> None:
    world = stripe_ready
    window: MainWindow = open_window(desk_app(world, "2026-11-05"))
    assert window.mode.text() == "Sandbox: no real money"

    def stripe_test_mode(dialog: SettingsDialog) -> None:
        choose_stripe(qtbot, dialog, KEY)
        answer = ask_stripe(qtbot, dialog)
        assert answer.startswith("Connected to ") and answer.endswith("Stripe test mode"), answer
        click_save(qtbot, dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)

    open_settings(qtbot, window, stripe_test_mode)
    assert system_keyring.items[("renewdesk", "stripe")] == KEY
    assert window.mode.text() == "Stripe test mode"  # at once: no restart
    assert window.windowTitle().endswith("Stripe test mode")
    assert "payment_processor=stripe" in stored(world)
    assert KEY.encode() not in world.db.read_bytes()

    # The customers' cards are saved at Stripe, as the import attaches them there.
    path = world.folder / "portfolio.json"
    path.write_text(json.dumps(document(
        [customer("C1", card("A")), customer("C2", card("B"), name="Marie Curie")],
        orders=[order("O1", "C1", "A", "2026-11-05"), order("O2", "C2", "B", "2026-11-06")])))
    code, _out, err = world.cli("import", str(path), today="2026-11-04")
    assert code == 0, err
    assert world.cli("run-due", today="2026-11-04")[0] == 0

    outcome = run_now(qtbot, window)
    assert outcome.error is None and outcome.report is not None
    assert [c.result for c in outcome.report.charges] == ["succeeded"]
    intents = localstripe.intents()
    assert [(i.amount, i.currency, i.status) for i in intents] == [(3000, "eur", "succeeded")]
    assert sandbox_charges(world) == 0

    def remove_the_key(dialog: SettingsDialog) -> None:
        qtbot.mouseClick(widget(dialog, QPushButton, "removeKey"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.payments.key_state.text() == "none saved",
                        timeout=15_000)
        dialog.reject()

    open_settings(qtbot, window, remove_the_key)
    assert ("renewdesk", "stripe") not in system_keyring.items
    assert window.mode.text() == "Stripe: key missing, nothing is charged"
    refusal = words(InputError("stripe_key_unreadable"), "en")
    outcome = run_now(qtbot, window)  # the same window, without a restart
    assert outcome.error == refusal
    assert window.problems.text() == f"Problem: {refusal}"

    # The next day O2 is due: still refused, and charged neither at Stripe nor by the sandbox.
    next_day: MainWindow = open_window(desk_app(world, "2026-11-06"))
    assert next_day.mode.text() == "Stripe: key missing, nothing is charged"
    outcome = run_now(qtbot, next_day)
    assert outcome.error == refusal and outcome.report is None
    assert len(localstripe.intents()) == 1
    assert sandbox_charges(world) == 0
    assert attempts(world) == 1
    code, _out, err = world.cli("run-due", today="2026-11-06")
    assert code == 2 and refusal in err
    assert len(localstripe.intents()) == 1 and sandbox_charges(world) == 0


def test_issue19_a_key_stripe_refuses_is_named_and_nothing_is_saved(
        stripe_ready: World, system_keyring: MemoryKeyring, qtbot: Any) -> None:
    """localstripe takes only sk_ keys: an rk_ key is refused as Stripe refuses a revoked one
    (401)."""
    app = desk_app(stripe_ready, "2026-11-01")
    dialog = SettingsDialog(lone_desk(app), stripe_ready.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    choose_stripe(qtbot, dialog, "rk_test_revoked")
    refused = words(InputError("stripe_key_refused"), "en")
    assert ask_stripe(qtbot, dialog) == refused
    widget(dialog, QLineEdit, "seller_email").setText("alerts@example.fr")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.payments.connection.text() == refused,
                    timeout=15_000)
    assert dialog.result() == 0  # not accepted
    assert system_keyring.items == {}
    kept = stored(stripe_ready)
    assert "payment_processor=sandbox" in kept
    assert "seller_email=alerts@example.fr" not in kept  # nothing else either
    assert app.mode() == "sandbox"
    app.close()


def live_app(world: World) -> App:
    """Live keys take money as of the real date only: no --today."""
    return open_app(world.target, None, env=world.env)


def test_issue19_switching_to_live_is_asked_first_and_audited(
        stripe_ready: World, system_keyring: MemoryKeyring, qtbot: Any, open_window: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window: MainWindow = open_window(live_app(stripe_ready))
    answers: list[str] = []

    def answer(yes: bool) -> Any:
        def ask(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            answers.append(text)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        return ask

    def say_no_then_yes(dialog: SettingsDialog) -> None:
        choose_stripe(qtbot, dialog, LIVE_KEY)
        assert ask_stripe(qtbot, dialog).endswith("Stripe LIVE")
        monkeypatch.setattr(QMessageBox, "question", answer(False))
        click_save(qtbot, dialog)
        qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=15_000)
        assert dialog.problem.text() == "Live mode not confirmed: nothing was saved."
        assert system_keyring.items == {}
        monkeypatch.setattr(QMessageBox, "question", answer(True))
        click_save(qtbot, dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)

    open_settings(qtbot, window, say_no_then_yes)
    assert len(answers) == 2 and "real money" in answers[0]
    assert system_keyring.items[("renewdesk", "stripe")] == LIVE_KEY
    assert window.mode.text() == "Stripe LIVE"
    assert "#b3261e" in window.mode.styleSheet()  # red
    assert window.windowTitle().endswith("Stripe LIVE")
    with stripe_ready.session() as session:
        entries = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "switch_to_live")).all()
        assert [(e.who, e.before, e.after) for e in entries] == [
            ("tester", {"mode": "sandbox"}, {"mode": "stripe_live", "account": None})]
    for path in stripe_ready.folder.rglob("*"):
        if path.is_file():
            assert LIVE_KEY.encode() not in path.read_bytes(), path


def test_cp2_the_pay_now_pages_are_chosen_in_payments(world: World, qtbot: Any) -> None:
    """Settings > Payments says which pay-now pages the e-mails carry; Stripe's hosted one, with
    the address the customer comes back to, is saved as the choice (in words, not codes)."""
    app = desk_app(world, "2026-11-01")
    dialog = SettingsDialog(lone_desk(app), world.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    pages = dialog.payments.pay_pages
    assert pages.currentData() == "ours" and "serve-links" in pages.currentText()
    pages.setCurrentIndex(pages.findData("processor"))
    dialog.payments.pay_return.setText("https://shop.example/merci")
    dialog.payments.publishable.setText("pk_test_renewdesk")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=15_000)
    saved = stored(world)
    assert "pay_pages=processor" in saved and "pay_return_url=https://shop.example/merci" in saved
    assert "stripe_publishable_key=pk_test_renewdesk" in saved
    app.close()
