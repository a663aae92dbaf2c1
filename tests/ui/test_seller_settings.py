"""Settings > Seller (IV-1, IV-3, IV-6): each field checked as typed with the words of the
command line and the import; a bad value saves nothing at all; a complete seller is saved and
read back by `load_seller`; the line at the top says what invoices still wait for."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from renewdesk.services.seller import load_seller, missing
from renewdesk.services.window import user_settings
from renewdesk.ui.dialogs.settings import SettingsDialog
from tests.conftest import World
from tests.ui.conftest import desk_app, lone_desk
from tests.ui.test_settings import save

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def opened(world: World, qtbot: Any) -> tuple[Any, SettingsDialog]:
    app = desk_app(world, "2026-11-01")
    dialog = SettingsDialog(lone_desk(app), world.env, user_settings(app.context()))
    qtbot.addWidget(dialog)
    return app, dialog


def typed(dialog: SettingsDialog, **values: Any) -> None:
    for name, value in values.items():
        widget = dialog.seller.widgets[name]
        if isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)


def test_iv1_a_bad_siren_shows_its_words_and_nothing_at_all_is_saved(world: World,
                                                                    qtbot: Any) -> None:
    app, dialog = opened(world, qtbot)
    before = world.fingerprint()
    dialog.findChild(QLineEdit, "notice_days").setText("20")  # another tab's change waits too
    typed(dialog, seller_name="Atelier Lumière SARL", seller_siren="732 829 321")
    problem = dialog.seller.problems["seller_siren"]
    assert not problem.isHidden()
    assert problem.text() == "Not a SIREN number (9 digits, the last one a check digit)"
    save(qtbot, dialog)
    assert dialog.tabs.currentWidget() is dialog.seller
    assert "nothing was saved" in dialog.problem.text()
    assert world.fingerprint() == before
    typed(dialog, seller_siren="732829320", seller_vat_number="FR40303265045")
    assert "SIREN 732829320" in dialog.seller.problems["seller_vat_number"].text()
    assert dialog.seller.problems["seller_siren"].isHidden()
    typed(dialog, default_vat_rate="5,555")
    assert not dialog.seller.problems["default_vat_rate"].isHidden()
    app.close()


def test_iv1_the_missing_line_says_what_invoices_wait_for(world: World, qtbot: Any) -> None:
    app, dialog = opened(world, qtbot)
    line = dialog.seller.missing
    assert line.text().startswith("Invoices wait for: legal name, address, SIREN, VAT number.")
    typed(dialog, seller_name="Atelier Lumière SARL", seller_siren="732829320")
    assert line.text().startswith("Invoices wait for: address, VAT number.")
    typed(dialog, vat_franchise=True)  # no VAT charged: no VAT number needed
    assert line.text().startswith("Invoices wait for: address.")
    typed(dialog, seller_address="8 rue Mercière\n69002 Lyon")
    assert line.isHidden()
    app.close()


def test_iv1_a_complete_french_seller_is_saved_with_its_logo_and_read_back(
        world: World, qtbot: Any, tmp_path: Path) -> None:
    app, dialog = opened(world, qtbot)
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    too_large = tmp_path / "large.png"
    too_large.write_bytes(PNG + b"0" * 600_000)
    assert not dialog.seller.set_logo_file(too_large)
    assert "at most 500 KB" in dialog.seller.problems["seller_logo"].text()
    assert dialog.seller.set_logo_file(logo)
    assert dialog.seller.problems["seller_logo"].isHidden()
    typed(dialog, seller_name="Atelier Lumière SARL",
          seller_address="8 rue Mercière\n69002 Lyon", seller_country="FR",
          seller_siren="732 829 320", seller_siret="732 829 320 00074",
          seller_vat_number="fr 44 732829320", seller_email="factures@lumiere.fr",
          seller_phone="04 78 00 00 00",
          seller_footer="SARL au capital de 10 000 € · RCS Lyon 732 829 320",
          default_vat_rate="5,5", invoice_prefix="FAC", consumer_notice_days=60)
    assert dialog.seller.missing.isHidden()
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10_000)
    with world.session() as session:
        seller = load_seller(session)
    assert missing(seller) == ()
    party = seller.seller
    assert (party.name, party.address, party.country) == (
        "Atelier Lumière SARL", "8 rue Mercière\n69002 Lyon", "FR")
    assert (party.siren, party.siret, party.vat_number, party.email) == (
        "732829320", "73282932000074", "FR44732829320", "factures@lumiere.fr")
    assert seller.terms.logo == PNG and seller.terms.phone == "04 78 00 00 00"
    assert seller.terms.late_penalty == "trois fois le taux d'intérêt légal"
    assert (seller.invoice_prefix, seller.credit_note_prefix) == ("FAC", "A")
    assert (seller.default_vat_rate_bp, seller.consumer_notice_days) == (550, 60)
    assert seller.prices_include_vat and not seller.franchise
    out = world.cli("settings")[1]
    assert "seller_logo: (PNG, 1 KB)" in out and base64.b64encode(PNG).decode() not in out
    app.close()
    app, dialog = opened(world, qtbot)  # shown again as saved, the logo removable
    assert dialog.seller.widgets["seller_siren"].text() == "732829320"  # type: ignore[attr-defined]
    assert dialog.seller.widgets["default_vat_rate"].text() == "5.5"  # type: ignore[attr-defined]
    assert dialog.seller.remove_logo.isEnabled()
    dialog.seller.remove_logo.click()
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10_000)
    with world.session() as session:
        assert load_seller(session).terms.logo is None
    app.close()
