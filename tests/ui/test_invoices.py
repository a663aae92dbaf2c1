"""Issue 21 in the window: the invoices and credit notes listed (IV-1, IV-2), each opened, saved
or sent again as its PDF (IV-4) and corrected with a credit note (IV-2), the accountant's files
exported (IV-5), and the seller's gaps said while invoices wait for them (IV-1); words through
the translator (HM-3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QMessageBox, QPushButton
from sqlalchemy import select

from renewdesk.services import invoice_actions
from renewdesk.store.models import AuditEntry, Customer, Invoice, Notification
from renewdesk.ui import i18n
from renewdesk.ui.dialogs.accounting_export import AccountingExportDialog
from renewdesk.ui.dialogs.correct_invoice import CorrectionDialog
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.views.invoices_page import InvoicesPage
from tests.builders import card, customer, document, service
from tests.conftest import Portfolios, World
from tests.ui.conftest import desk_app, when_shown
from tests.ui.helpers import rows_read, settle

SELLER = ("seller_name=Hébergement Dupont SARL", "seller_address=3 rue de la Paix\n75002 Paris",
          "seller_siren=732829320", "seller_vat_number=FR44732829320")
TODAY = "2026-12-02"
COLUMNS = {c: n for n, c in enumerate(("number", "kind", "issued_on", "customer", "total", "vat",
                                       "corrects", "payment"))}


def portfolio(world: World) -> None:
    """Ana Martin (French) and Bruno Petit (English), a domain each renewed by real runs."""
    world.load(document([customer("C1", card("K1"), name="Ana Martin", email="ana@example.fr"),
                         customer("C2", card("K2"), name="Bruno Petit", language="en")],
                        [service("S1", "C1", "2026-12-08", payment_method="K1"),
                         service("S2", "C2", "2026-12-08", payment_method="K2", price="30.00")]))
    world.run("2026-11-23")
    world.run("2026-12-01")


def seller_and_portfolio(world: World) -> None:
    assert world.cli("settings", *SELLER)[0] == 0
    portfolio(world)


@pytest.fixture
def invoiced(world: World, portfolios: Portfolios) -> World:
    """The world with a copy of `seller_and_portfolio`'s, built once a session."""
    portfolios.restore(world, "invoices window", seller_and_portfolio)
    return world


def invoices_page(window: MainWindow, qtbot: Any) -> InvoicesPage:
    page = window.pages["invoices"]
    assert isinstance(page, InvoicesPage)
    window.tabs.setCurrentWidget(page)
    qtbot.waitExposed(page.table)
    settle(page.model)
    rows_read(page.model)
    return page


def shown(page: InvoicesPage) -> list[dict[str, str]]:
    rows_read(page.model)
    return [{key: str(page.model.index(row, column).data() or "")
             for key, column in COLUMNS.items()} for row in range(page.model.rowCount())]


def select_invoice(page: InvoicesPage, number: str) -> None:
    rows_read(page.model)
    row = next(r for r in range(page.model.rowCount()) if page.model.ref(r) == number)
    page.table.selectionModel().select(
        page.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    settle(page.model)


def number_of(world: World, customer_name: str, kind: str = "invoice") -> str:
    with world.session() as session:
        found = session.scalar(select(Invoice.number).join(
            Customer, Customer.id == Invoice.customer_id).where(
            Customer.name == customer_name, Invoice.kind == kind))
    assert found is not None
    return found


def invoice_mails(world: World) -> list[Notification]:
    """The e-mails that carry an invoice, in the order queued."""
    return [m for m in world.mails() if m.invoice_number]


def test_iv1_the_invoices_view_lists_invoices_searched_filtered_and_sorted(
        invoiced: World, open_window: Any, qtbot: Any, qtmodeltester: Any) -> None:
    window = open_window(desk_app(invoiced, TODAY))
    page = invoices_page(window, qtbot)
    qtmodeltester.check(page.model)
    rows = sorted(shown(page), key=lambda r: r["customer"])
    ana, bruno = number_of(invoiced, "Ana Martin"), number_of(invoiced, "Bruno Petit")
    assert rows == [
        {"number": ana, "kind": "invoice", "issued_on": "1 Dec 2026", "customer": "Ana Martin",
         "total": "€12.00", "vat": "€2.00", "corrects": "", "payment": rows[0]["payment"]},
        {"number": bruno, "kind": "invoice", "issued_on": "1 Dec 2026",
         "customer": "Bruno Petit", "total": "€30.00", "vat": "€5.00", "corrects": "",
         "payment": rows[1]["payment"]}]
    assert all(r["payment"].startswith("REN-") and r["payment"].endswith("/1") for r in rows)
    assert [page.model.headerData(n, Qt.Orientation.Horizontal) for n in range(8)] == [
        "No.", "Kind", "Issued on", "Customer", "Total incl. VAT", "VAT", "Corrects", "Payment"]

    page.search.setText("bruno")
    page.apply_query()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert shown(page)[0]["number"] == bruno
    page.search.setText(ana)  # by number
    page.apply_query()
    qtbot.waitUntil(lambda: shown(page)[0]["number"] == ana and page.model.rowCount() == 1,
                    timeout=10_000)
    page.search.clear()
    page.filter.setCurrentIndex(page.filter.findData("credit_notes"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    page.filter.setCurrentIndex(page.filter.findData("invoices"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    page.table.sortByColumn(COLUMNS["total"], Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: [r["total"] for r in shown(page)] == ["€30.00", "€12.00"],
                    timeout=10_000)
    qtmodeltester.check(page.model)


def test_iv4_open_and_save_write_the_invoices_pdf_named_in_its_language(
        invoiced: World, open_window: Any, qtbot: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    window = open_window(desk_app(invoiced, TODAY))
    page = invoices_page(window, qtbot)
    ana, bruno = number_of(invoiced, "Ana Martin"), number_of(invoiced, "Bruno Petit")
    select_invoice(page, ana)
    qtbot.waitUntil(page.open.isEnabled)
    with qtbot.waitSignal(page.commands.opened, timeout=20_000):
        window.findChild(type(page.commands.open), "openInvoice").trigger()
    (path,) = opened
    assert Path(path).name == f"Facture-{ana}.pdf"
    assert Path(path).read_bytes()[:5] == b"%PDF-"

    offered: list[str] = []
    target = tmp_path / "saved.pdf"

    def save_name(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        offered.append(Path(args[2]).name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    select_invoice(page, bruno)
    qtbot.waitUntil(page.save.isEnabled)
    with qtbot.waitSignal(page.commands.saved, timeout=20_000):
        page.save.click()
    assert offered == [f"Invoice-{bruno}.pdf"]
    # The invoice's own Factur-X PDF: the same document gives the same bytes.
    assert target.read_bytes() == invoice_actions.invoice_pdf(invoiced.ctx(TODAY), bruno).data


def answer(box_name: str, accept: bool, said: list[str]) -> Any:
    def act(box: QMessageBox) -> None:
        if box.objectName() != box_name:
            return
        said.append(box.text())
        role = QMessageBox.ButtonRole.AcceptRole if accept else QMessageBox.ButtonRole.RejectRole
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
    return act


def test_iv4_send_again_queues_one_e_mail_with_the_invoice_after_confirmation(
        invoiced: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(invoiced, TODAY))
    page = invoices_page(window, qtbot)
    ana = number_of(invoiced, "Ana Martin")
    before = len(invoice_mails(invoiced))
    select_invoice(page, ana)
    qtbot.waitUntil(page.resend.isEnabled)

    said: list[str] = []
    asked = when_shown(QMessageBox, answer("resendConfirmation", False, said))
    page.resend.click()
    asked.check()
    assert said == [f"Send invoice {ana} to ana@example.fr again?"]
    assert len(invoice_mails(invoiced)) == before  # cancelled: nothing queued

    asked = when_shown(QMessageBox, answer("resendConfirmation", True, said))
    with qtbot.waitSignal(page.commands.done, timeout=10_000):
        page.resend.click()
    asked.check()
    mails = invoice_mails(invoiced)
    assert len(mails) == before + 1
    assert (mails[-1].kind, mails[-1].invoice_number, mails[-1].to) == (
        "invoice_issued", ana, "ana@example.fr")
    with invoiced.session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "resend_invoice")).one()
    assert entry.subject == ana and entry.after == {"to": "ana@example.fr"}
    assert "ana@example.fr" in window.statusBar().currentMessage()


def correct_in_dialog(qtbot: Any, page: InvoicesPage, amount: str | None, reason: str,
                      confirm: bool | None) -> tuple[list[str], CorrectionDialog]:
    said: list[str] = []
    dialogs: list[CorrectionDialog] = []

    def fill(dialog: CorrectionDialog) -> None:
        dialogs.append(dialog)
        if amount is not None:
            dialog.part.setChecked(True)
            dialog.amount.setText(amount)
        dialog.reason.setText(reason)
        asked = (when_shown(QMessageBox, answer("correctionConfirmation", confirm, said),
                            timeout_ms=10_000) if confirm is not None else None)
        dialog.go.click()
        if asked is None:  # refused by the check: its words under the field
            qtbot.waitUntil(lambda: dialog.amount_problem.isVisible()
                            or dialog.reason_problem.isVisible(), timeout=10_000)
            return
        qtbot.waitUntil(lambda: bool(said) or asked.error is not None, timeout=10_000)
        asked.check()
        if confirm:
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    opened = when_shown(CorrectionDialog, fill, timeout_ms=10_000)
    page.correct.click()
    qtbot.waitUntil(lambda: bool(opened) or opened.error is not None, timeout=10_000)
    opened.check()
    return said, dialogs[0]


def credit_notes(world: World) -> list[tuple[str, int]]:
    with world.session() as session:
        return [(n.number, n.total_minor) for n in session.scalars(
            select(Invoice).where(Invoice.kind == "credit_note").order_by(Invoice.id))]


def test_iv2_a_correction_is_confirmed_then_made_as_a_credit_note_never_over_what_is_left(
        invoiced: World, open_window: Any, qtbot: Any) -> None:
    window = open_window(desk_app(invoiced, TODAY))
    page = invoices_page(window, qtbot)
    ana = number_of(invoiced, "Ana Martin")
    select_invoice(page, ana)
    qtbot.waitUntil(page.correct.isEnabled)

    # Over what is left: the words under the amount, nothing made, nothing asked.
    said, dialog = correct_in_dialog(qtbot, page, "50.00", "price was wrong", None)
    assert said == []
    assert dialog.amount_problem.text() == (
        f"50.00 EUR is more than can be credited of invoice {ana} (12.00 EUR): no credit "
        "note was made")
    assert credit_notes(invoiced) == []

    # Without a reason: under the reason.
    _said, dialog = correct_in_dialog(qtbot, page, "5.00", "  ", None)
    assert dialog.reason_problem.text() == "Give a reason for the correction"

    # Cancelled at the confirmation: nothing made.
    said, _dialog = correct_in_dialog(qtbot, page, "5.00", "price was wrong", False)
    assert said == [f"Make a credit note of €5.00 for Ana Martin, correcting invoice {ana}? "
                    "An issued credit note cannot be undone."]
    assert credit_notes(invoiced) == []

    # Confirmed: made off the GUI thread, its number said, the list shows it.
    said, _dialog = correct_in_dialog(qtbot, page, "5.00", "price was wrong", True)
    assert credit_notes(invoiced) == [("A2026-000001", 500)]
    qtbot.waitUntil(lambda: "A2026-000001" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert window.statusBar().currentMessage() == (
        f"Credit note A2026-000001 made: €5.00 for Ana Martin, correcting invoice {ana}.")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    note = next(r for r in shown(page) if r["number"] == "A2026-000001")
    assert (note["kind"], note["corrects"], note["total"]) == ("credit note", ana, "€5.00")

    # A credit note is not corrected.
    select_invoice(page, "A2026-000001")
    assert not page.correct.isEnabled() and not page.commands.correct.isEnabled()
    assert page.open.isEnabled()


def test_iv5_the_accountant_export_writes_a_fec_and_a_csv_and_refuses_in_words(
        invoiced: World, open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = open_window(desk_app(invoiced, TODAY))
    invoices_page(window, qtbot)
    outcomes: list[tuple[str, str]] = []

    def export(dialog: AccountingExportDialog, fec: bool, target: Path,
               first: QDate = QDate(2026, 12, 1)) -> None:  # noqa: B008
        dialog.first.setDate(first)
        dialog.last.setDate(QDate(2026, 12, 31))
        (dialog.fec if fec else dialog.csv).setChecked(True)
        dialog.target.setText(str(target))
        dialog.go.click()
        qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Saved")
                        or dialog.problem.isVisible(), timeout=20_000)
        outcomes.append((dialog.outcome.text() if dialog.outcome.isVisible() else "",
                         dialog.problem.text() if dialog.problem.isVisible() else ""))

    def run(fec: bool, target: Path, **kwargs: Any) -> None:
        exported = when_shown(AccountingExportDialog,
                              lambda dialog: export(dialog, fec, target, **kwargs),
                              timeout_ms=20_000)
        window.findChild(type(window.actions_.quit), "accountingExport").trigger()
        exported.check()

    run(True, tmp_path)
    fec = tmp_path / "732829320FEC20261231.txt"
    assert outcomes[-1] == (f"Saved: {fec} (4 entries)", "")
    lines = fec.read_bytes().decode("iso-8859-15").splitlines()
    assert lines[0].startswith("JournalCode\tJournalLib") and len(lines) > 4

    csv = tmp_path / "december.csv"
    run(False, csv)
    assert outcomes[-1] == (f"Saved: {csv} (4 rows)", "")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")

    late = tmp_path / "reversed.csv"
    run(False, late, first=QDate(2027, 1, 15))
    assert outcomes[-1] == ("", "The first date (2027-01-15) is after the last (2026-12-31)")
    assert not late.exists()


def test_iv1_the_window_says_what_invoices_wait_for_until_the_seller_is_complete(
        world: World, open_window: Any, qtbot: Any) -> None:
    portfolio(world)  # paid while no seller is set: both wait
    window = open_window(desk_app(world, TODAY))
    page = invoices_page(window, qtbot)
    notice = window.seller_notice
    qtbot.waitUntil(lambda: notice.state is not None, timeout=10_000)
    bar = page.findChild(QFrame, "sellerBar")
    assert bar is not None and bar.isVisible()
    text = bar.findChild(QLabel, "sellerBarText").text()
    assert text.startswith("Invoices wait for the seller's legal name, address, SIREN and VAT "
                           "number: 2 payments waiting.")
    assert "at once" in text and "IV-" not in text
    assert notice.label.isVisible()
    assert notice.label.text().startswith("⚠ Invoices wait for the seller: 2 payments waiting "
                                          "— <a ")
    assert notice.label.text().endswith(">Open Settings &gt; Seller</a>")
    assert notice.label.toolTip() == text  # what is missing, in the status bar's tooltip
    assert page.model.rowCount() == 0

    # The button opens Settings on its Seller tab.
    tabs: list[bool] = []
    opened = when_shown(SettingsDialog, lambda d: tabs.append(
        d.tabs.currentWidget() is d.seller) or d.reject(), timeout_ms=10_000)
    bar.findChild(QPushButton, "openSeller").click()
    qtbot.waitUntil(lambda: bool(opened) or opened.error is not None, timeout=10_000)
    opened.check()
    assert tabs == [True]

    # Saved complete (here by the command line): the invoices issued, the bar gone.
    assert world.cli("settings", *SELLER, today=TODAY)[0] == 0
    window.refresh_all()
    qtbot.waitUntil(lambda: notice.state is not None and not notice.state.missing,
                    timeout=10_000)
    assert not bar.isVisible() and not notice.label.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)


def test_iv4_a_customers_page_lists_their_invoices_with_the_same_actions(
        invoiced: World, open_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    window = open_window(desk_app(invoiced, TODAY))
    window.open_customer("C1")
    customer = window.customer_pages["C1"]
    qtbot.waitUntil(lambda: customer.data is not None, timeout=10_000)
    customer.tabs.setCurrentWidget(customer.invoices)
    qtbot.waitExposed(customer.invoices.table)
    tab = customer.invoices
    settle(tab.model)
    ana = number_of(invoiced, "Ana Martin")
    assert [r["number"] for r in shown(tab)] == [ana]
    assert tab.export_action is None
    assert {a.objectName() for a in tab.table.actions()} == {
        "openInvoice", "saveInvoice", "resendInvoice", "correctInvoice"}
    select_invoice(tab, ana)
    qtbot.waitUntil(tab.open.isEnabled)
    assert tab.resend.isEnabled() and tab.correct.isEnabled()
    with qtbot.waitSignal(tab.commands.opened, timeout=20_000):
        tab.open.click()
    assert [Path(p).name for p in opened] == [f"Facture-{ana}.pdf"]


def test_hm3_the_invoices_view_speaks_french(invoiced: World, open_window: Any,
                                             qtbot: Any) -> None:
    language = i18n.install("fr")
    window = MainWindow(desk_app(invoiced, TODAY), language)
    qtbot.addWidget(window)
    window.show()
    try:
        page = invoices_page(window, qtbot)
        assert window.tabs.tabText(window.tabs.indexOf(page)).replace("&", "") == "Factures"
        titles = [page.model.headerData(n, Qt.Orientation.Horizontal) for n in range(8)]
        assert titles == ["N°", "Type", "Émise le", "Client", "Total TTC", "TVA", "Corrige",
                          "Paiement"]
        row = shown(page)[0]
        assert row["kind"] == "facture" and row["total"].endswith("€")
        assert page.open.text() == "Ouvrir" and page.correct.text() == "Corriger…"
    finally:
        window.close()
        window.app.close()

