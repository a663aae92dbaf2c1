"""Issue 22, "First run": on an empty database the window opens the assistant (the seller, the
processor, SMTP with a test message, then a file, demo data or nothing); each page's Next saves
what it should, Skip saves nothing, Finish later asks before losing what was typed, Help opens
it again and Help > About names the database and the processor's mode."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import func, select

from renewdesk.app import App
from renewdesk.services.window import user_settings
from renewdesk.store.models import Customer
from renewdesk.ui.dialogs.about import AboutDialog
from renewdesk.ui.dialogs.first_run import FirstRunWizard
from renewdesk.ui.launch import Launcher
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.mode_badge import mode_text
from tests.builders import customer, document, service
from tests.conftest import World
from tests.keyrings import MemoryKeyring
from tests.peers import KEY, Smtp
from tests.ui.conftest import desk_app, when_shown
from tests.ui.test_payments_settings import stripe_ready  # noqa: F401 - a shared fixture

TODAY = "2026-11-20"
SELLER = {"seller_name": "Atelier Lumière SARL", "seller_siren": "732 829 320",
          "seller_vat_number": "FR44732829320", "seller_email": "claire@atelier-lumiere.fr"}


@pytest.fixture
def launch(qtbot: Any) -> Iterator[Any]:
    """The window as a person's start opens it (Launcher, then the first-run offer)."""
    opened: list[MainWindow] = []

    def make(app: App) -> MainWindow:
        launcher = Launcher(app)
        window = launcher.open()
        qtbot.addWidget(window)
        launcher.offer_first_run()
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
        window.app.close()


def assistant(qtbot: Any, window: MainWindow) -> FirstRunWizard:
    qtbot.waitUntil(lambda: isinstance(window.findChild(FirstRunWizard), FirstRunWizard)
                    and window.findChild(FirstRunWizard).isVisible(), timeout=10_000)
    wizard = window.findChild(FirstRunWizard)
    assert isinstance(wizard, FirstRunWizard)
    return wizard


def saved(world: World) -> dict[str, str]:
    return dict(user_settings(world.ctx(TODAY)).values)


def type_seller(wizard: FirstRunWizard) -> None:
    tab = wizard.seller.tab
    for name, value in SELLER.items():
        tab.widgets[name].setText(value)  # type: ignore[attr-defined]
    tab.widgets["seller_address"].setPlainText("8 rue Mercière\n69002 Lyon")  # type: ignore[attr-defined]


def on_page(qtbot: Any, wizard: FirstRunWizard, page: Any) -> None:
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=15_000)


def test_first_run_assistant_opens_on_an_empty_database(world: World, launch: Any,
                                                         qtbot: Any) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    assert wizard.currentPage() is wizard.seller


def test_first_run_assistant_stays_away_when_the_database_has_data(
        world: World, launch: Any, qtbot: Any) -> None:
    world.load(document([customer("C1")], services=[service("S1", "C1", "2027-03-01",
                                                              auto_renew=False)]))
    window = launch(desk_app(world, TODAY))
    qtbot.waitUntil(lambda: not window.reader.reading("first run"), timeout=10_000)
    assert window.findChild(FirstRunWizard) is None


def test_first_run_seller_page_next_saves_the_seller_skip_saves_nothing(
        world: World, launch: Any, qtbot: Any) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    type_seller(wizard)
    wizard.next()
    on_page(qtbot, wizard, wizard.processor)
    values = saved(world)
    assert values["seller_name"] == "Atelier Lumière SARL"
    assert values["seller_siren"] == "732829320"  # kept as the checks keep it
    assert values["seller_email"] == "claire@atelier-lumiere.fr"
    assert values["seller_address"] == "8 rue Mercière\n69002 Lyon"
    wizard.skip()  # the processor, untouched
    on_page(qtbot, wizard, wizard.mail)
    wizard.mail.host.setText("smtp.example.com")
    wizard.skip()
    on_page(qtbot, wizard, wizard.data)
    assert saved(world).get("smtp_host", "") == ""
    assert saved(world)["payment_processor"] == "sandbox"


def test_first_run_an_invalid_seller_stays_on_its_page_and_saves_nothing(
        world: World, launch: Any, qtbot: Any) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    wizard.seller.tab.widgets["seller_siren"].setText("732 829 321")  # type: ignore[attr-defined]
    wizard.next()
    assert wizard.currentPage() is wizard.seller
    assert wizard.problem.text()
    assert saved(world).get("seller_siren", "") == ""


def test_first_run_mail_page_sends_a_test_message_and_next_saves_smtp(
        world: World, launch: Any, qtbot: Any, smtp: Smtp) -> None:
    smtp.start()
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    type_seller(wizard)
    wizard.next()
    on_page(qtbot, wizard, wizard.processor)
    wizard.skip()
    mail = wizard.mail
    mail.host.setText("127.0.0.1")
    mail.port.setValue(smtp.port)
    mail.from_address.setText("billing@atelier-lumiere.fr")
    mail.test.click()
    qtbot.waitUntil(lambda: mail.result.text().startswith("Sent to"), timeout=15_000)
    assert len(smtp.catcher.messages) == 1
    message = smtp.catcher.messages[0]
    assert message["To"] == "claire@atelier-lumiere.fr"
    assert message["From"] == "billing@atelier-lumiere.fr"
    wizard.next()
    on_page(qtbot, wizard, wizard.data)
    values = saved(world)
    assert (values["smtp_host"], values["smtp_port"], values["smtp_sender"],
            values.get("smtp_starttls", "false")) == ("127.0.0.1", str(smtp.port),
                                         "billing@atelier-lumiere.fr", "false")


def test_first_run_test_message_to_a_server_away_says_it_was_not_sent(
        world: World, launch: Any, qtbot: Any, smtp: Smtp) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    type_seller(wizard)
    wizard.skip()
    wizard.skip()
    wizard.mail.host.setText("127.0.0.1")
    wizard.mail.port.setValue(smtp.port)  # never started: nothing listens
    wizard.mail.test.click()
    qtbot.waitUntil(lambda: wizard.mail.result.text().startswith("Not sent"), timeout=15_000)


def test_first_run_demo_data_creates_customers(world: World, launch: Any, qtbot: Any) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    for _ in range(3):
        wizard.skip()
    on_page(qtbot, wizard, wizard.data)
    wizard.data.demo.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.findChild(FirstRunWizard) is None
                    or not window.findChild(FirstRunWizard).isVisible(), timeout=60_000)
    with world.session() as session:
        assert (session.scalar(select(func.count()).select_from(Customer)) or 0) > 10


def test_first_run_finish_later_asks_before_losing_what_was_typed(
        world: World, launch: Any, qtbot: Any) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    wizard.seller.tab.widgets["seller_name"].setText("Atelier")  # type: ignore[attr-defined]
    asked = when_shown(QMessageBox, lambda box: box.button(
        QMessageBox.StandardButton.No).click())
    wizard.reject()
    asked.check()
    assert wizard.isVisible()  # kept, with what was typed
    assert wizard.seller.tab.widgets["seller_name"].text() == "Atelier"  # type: ignore[attr-defined]


def test_first_run_assistant_opens_again_from_the_help_menu(
        world: World, open_window: Any, qtbot: Any) -> None:
    world.load(document([customer("C1")]))
    window = open_window(desk_app(world, TODAY))
    assert window.findChild(FirstRunWizard) is None  # MainWindow alone never offers it
    help_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.text().replace("&", "") == "Help")
    entries = [a.text().replace("&", "") for a in help_menu.actions() if a.text()]
    assert entries == ["Keyboard shortcuts", "First-run assistant…", "About renewdesk"]
    window.editing.first_run_action.trigger()
    wizard = assistant(qtbot, window)
    assert wizard.seller.tab.widgets["seller_name"].text() == ""  # type: ignore[attr-defined]


def test_about_shows_the_version_database_and_processor_mode(
        world: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(world, TODAY))
    window.editing.about_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.findChild(AboutDialog), AboutDialog)
                    and window.findChild(AboutDialog).isVisible())
    about = window.findChild(AboutDialog)
    assert isinstance(about, AboutDialog)
    text = about.text()
    assert str(world.db) in text
    assert mode_text("sandbox") in text
    assert "0." in text and "Python" in text and "Qt" in text
    about.copy.click()
    assert QGuiApplication.clipboard().text() == text


@pytest.mark.slow
def test_first_run_processor_page_saves_stripe_with_its_key_in_the_keyring_only(
        stripe_ready: World, launch: Any, qtbot: Any,  # noqa: F811
        system_keyring: MemoryKeyring) -> None:
    world = stripe_ready
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    wizard.skip()
    tab = wizard.processor.tab
    tab.processor.setCurrentIndex(tab.processor.findData("stripe"))
    tab.key.setText(KEY)
    wizard.next()
    on_page(qtbot, wizard, wizard.mail)
    assert saved(world)["payment_processor"] == "stripe"
    assert KEY in system_keyring.items.values()
    assert KEY not in "".join(saved(world).values())
    assert window.app.mode() == "stripe_test"
    assert window.mode.text() == mode_text("stripe_test")


def test_first_run_finish_later_with_nothing_typed_closes_without_asking(
        world: World, launch: Any, qtbot: Any) -> None:
    window = launch(desk_app(world, TODAY))
    wizard = assistant(qtbot, window)
    assert not wizard.unsaved()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # the keyboard's way out
    qtbot.waitUntil(lambda: window.findChild(FirstRunWizard) is None
                    or not window.findChild(FirstRunWizard).isVisible())


def test_first_run_test_message_logs_in_as_the_saved_smtp_user(
        world: World, system_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that asks for a login (most on port 587): the test message logs in as the
    SMTP user saved in Settings, with its password from the keyring, as the outbox does."""
    from renewdesk import keystore
    from renewdesk.services import actions, first_run

    app = desk_app(world, TODAY)
    try:
        actions.save_settings(app.context(), {"smtp_user": "claire"})
        keystore.store("smtp", "s3cret-pass", app.env, allow_plaintext=False)
        used: list[Any] = []

        class Catch:
            def __init__(self, config: Any) -> None:
                used.append(config)

            def send(self, *_args: Any) -> None:
                pass

        monkeypatch.setattr("renewdesk.notify.smtp.SmtpSender", Catch)  # what it sends with
        first_run.send_test_message(first_run.TestMessage(
            "smtp.example.test", 587, "factures@example.test", True, "claire@example.test",
            "test", "body"), app.context(delivery=False), app.env)
        assert (used[0].user, used[0].password, used[0].starttls) == ("claire", "s3cret-pass",
                                                                       True)
    finally:
        app.close()
