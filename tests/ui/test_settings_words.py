"""HM-3 in Settings: a coded setting's combo box shows words in the window's language and saves
its code; an amount setting shows its currency and is typed the reader's way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit

from renewdesk.app import App
from renewdesk.services.window import user_settings
from renewdesk.store import settings
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.i18n import Language
from renewdesk.ui.operations import Operations, Reader
from tests.conftest import World
from tests.ui.conftest import desk_app


def opened(world: World, qtbot: Any, language: str) -> tuple[App, SettingsDialog]:
    app = desk_app(world, "2026-11-01")
    desk = Desk(app, Operations(), lambda: None, lambda _ref: None, lambda _text: None,
                Reader(), Language(language))
    dialog = SettingsDialog(desk, world.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "seller_email").setText("alerts@example.fr")
    return app, dialog


def saved(qtbot: Any, world: World, dialog: SettingsDialog) -> dict[str, str]:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10_000)
    with world.session() as session:
        return settings.all_user_settings(session)


def items(combo: QComboBox) -> list[tuple[str, str]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_hm3_removal_and_language_combos_show_words_and_save_codes(
        world: World, qtbot: Any) -> None:
    app, dialog = opened(world, qtbot, "en")
    removal = dialog.findChild(QComboBox, "payment_method_removal")
    assert removal.currentText() == "Replace only, never remove"
    assert items(removal) == [
        ("Replace only, never remove", "replace_only"),
        ("Remove, unless it is the last valid method something relies on", "unless_needed"),
        ("Always allow removing", "allow")]
    language = dialog.findChild(QComboBox, "seller_language")
    assert items(language) == [("French", "fr"), ("English", "en")]
    removal.setCurrentIndex(removal.findText("Always allow removing"))
    language.setCurrentIndex(language.findText("English"))
    kept = saved(qtbot, world, dialog)
    assert (kept["payment_method_removal"], kept["seller_language"]) == ("allow", "en")
    app.close()


def test_hm3_french_settings_read_in_french_and_an_amount_in_the_portfolio_currency(
        world: World, qtbot: Any) -> None:
    assert world.cli("demo", "--customers", "3", today="2026-11-01")[0] == 0
    app, dialog = opened(world, qtbot, "fr")
    removal = dialog.findChild(QComboBox, "payment_method_removal")
    assert removal.currentText() == "Remplacer seulement, ne jamais retirer"
    assert dialog.findChild(QComboBox, "seller_language").currentText() == "Français"
    minimum = dialog.findChild(QLineEdit, "min_installment")
    assert minimum.text() == "2,00"
    unit = dialog.findChild(QLabel, "min_installment_currency")
    qtbot.waitUntil(lambda: unit.text() == "EUR", timeout=10_000)  # read off the GUI thread
    assert dialog.findChild(QLabel, "reactivation_fee_currency").text() == "EUR"
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save("/tmp/shots/hm3-settings-rules-fr.png")
    minimum.setText("3,50")
    removal.setCurrentIndex(removal.findData("unless_needed"))
    kept = saved(qtbot, world, dialog)
    assert (kept["min_installment"], kept["payment_method_removal"]) == ("3.50",
                                                                          "unless_needed")
    assert kept["reactivation_fee"] == "0"  # untouched: not rewritten the French way
    app.close()


def test_hm3_an_amount_without_a_single_currency_says_whose_it_is(
        world: World, qtbot: Any) -> None:
    app, dialog = opened(world, qtbot, "en")
    unit = dialog.findChild(QLabel, "min_installment_currency")
    assert unit.text() == "in each order's currency"
    assert dialog.findChild(QLabel, "reactivation_fee_currency").text() == (
        "in each service's currency")
    dialog.grab().save("/tmp/shots/hm3-settings-rules-en.png")
    app.close()
