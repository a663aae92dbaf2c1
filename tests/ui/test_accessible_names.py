"""Issue 22, "Every control has an accessible name" (HM-3: words a person can read, for a
screen reader too): each dialog of ui/dialogs, opened on demo data, is walked and every control
a person can reach (input, button, check box, combo, table, list) must have a name in words as
Qt's accessibility reports it (its own text, its accessible name, or its label's).

ROOT_NAMES is the list of what is walked: every dialog, the main window (its home page, lists
and toolbar) and a customer's page."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from renewdesk.app import open_app
from renewdesk.scheduler.worker import RunRequest
from renewdesk.services import actions, demo, forms, invoice_actions, listing, proforma
from renewdesk.services.first_run import first_run_state
from renewdesk.services.listing_actions import refund_info
from renewdesk.services.overview import CustomerOverview
from renewdesk.services.run_due import RunReport, run_due
from renewdesk.services.window import customer_page, user_settings
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.about import AboutDialog
from renewdesk.ui.dialogs.accounting_export import AccountingExportDialog
from renewdesk.ui.dialogs.bulk_recurrence import BulkRecurrenceDialog
from renewdesk.ui.dialogs.cancel_renewal import CancelRenewalDialog
from renewdesk.ui.dialogs.collection import CollectionDialog
from renewdesk.ui.dialogs.correct_invoice import CorrectionDialog
from renewdesk.ui.dialogs.csv_import import CsvImportDialog
from renewdesk.ui.dialogs.first_run import FirstRunWizard
from renewdesk.ui.dialogs.import_file import ImportFileDialog
from renewdesk.ui.dialogs.payment_method import PaymentMethodDialog
from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
from renewdesk.ui.dialogs.proforma import ProFormaDialog
from renewdesk.ui.dialogs.record_form import RecordDialog
from renewdesk.ui.dialogs.refund import RefundDialog
from renewdesk.ui.dialogs.run_progress import RunProgressDialog
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.dialogs.since_last_run import SinceLastRunDialog
from renewdesk.ui.dialogs.sync_summary import SyncSummaryDialog
from renewdesk.ui.views.customer_page import CustomerPage
from tests.ui.conftest import lone_desk

TODAY = "2026-12-10"
CONTROLS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
            QPlainTextEdit, QTextEdit, QAbstractSlider)
# Another helper is giving these two their words; walked once they are done (see the report).
NOT_YET: set[str] = set()


class Demo:
    """One demo portfolio for the module, with a night's run: what the dialogs open on."""

    def __init__(self, folder: Path) -> None:
        env = {"RENEWDESK_LOG_DIR": str(folder), "RENEWDESK_CONFIG_DIR": str(folder / "config")}
        self.app = open_app(str(folder / "demo.db"), TODAY, env=env)
        demo.fill(self.app.context("demo"), 40)
        self.report: RunReport = run_due(self.app.context("demo"))
        self.folder = folder

    def ctx(self) -> Any:
        return self.app.context(delivery=False)

    def first(self, name: str, status: str | None = None) -> Any:
        which = listing.ALL[name]
        with self.app.factory() as session:
            from renewdesk.store import settings

            rows = which.page(session, listing.Query(), 0, 500, settings.load_policy(session),
                              date.fromisoformat(TODAY))
        return next(r for r in rows if status is None or status in r)

    def overview(self) -> CustomerOverview:
        return customer_page(self.ctx(), str(self.first("customers")[0]))


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    made = Demo(tmp_path_factory.mktemp("a11y"))
    yield made
    made.app.close()


def _files(folder: Path) -> tuple[Path, Path]:
    exchange = folder / "portfolio.json"
    exchange.write_text(json.dumps({"format": "renewdesk-exchange/1", "customers": []}))
    clients = folder / "clients.csv"
    clients.write_text("ref;name;email\nC-1;Ana Lima;ana@example.com\n", encoding="utf-8")
    return exchange, clients


def _columns(dialog: CsvImportDialog) -> CsvImportDialog:
    """The CSV dialog once its file's header is read (off the GUI thread) and its columns shown."""
    dialog.read_header()
    deadline = time.monotonic() + 10
    while not dialog.header and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    assert dialog.combos, "the columns were not shown"
    return dialog


def _roots(p: Demo, desk: Desk) -> dict[str, Callable[[], QWidget]]:
    """Each dialog as it opens (built as its caller builds it)."""
    ctx, view = p.ctx, p.overview()
    services = tuple(s.ref for s in view.services[:2])
    exchange, clients = _files(p.folder)
    invoice = str(p.first("invoices").number)
    payment = str(p.first("invoices").payment)
    language = desk.language
    return {
        "about": lambda: AboutDialog(p.app),
        "first-run": lambda: FirstRunWizard(desk, first_run_state(ctx())),
        "accounting-export": lambda: AccountingExportDialog(desk),
        "bulk-recurrence": lambda: BulkRecurrenceDialog(desk, view, services),
        "cancel-renewal": lambda: CancelRenewalDialog(desk, "R1", "S1"),
        "collection": lambda: CollectionDialog(desk, str(p.first("collections")[0]), ""),
        "correct-invoice": lambda: CorrectionDialog(
            desk, invoice_actions.correction_info(ctx(), invoice)),
        "csv-import": lambda: CsvImportDialog(desk, clients),
        "csv-import-columns": lambda: _columns(CsvImportDialog(desk, clients)),
        "import-file": lambda: ImportFileDialog(desk, exchange),
        "payment-method": lambda: PaymentMethodDialog(view.ref, view.name, None),
        "plan-update": lambda: PlanUpdateDialog(desk, actions.plan_state(
            ctx(), str(p.first("orders", "active")[0]))),
        "pro-forma": lambda: ProFormaDialog(desk, proforma.drafts(ctx(), services), services,
                                            None),
        "form-customer": lambda: RecordDialog(desk, forms.read_record(ctx(), "customer",
                                                                      view.ref)),
        "form-service": lambda: RecordDialog(desk, forms.read_record(ctx(), "service",
                                                                     services[0])),
        "form-order": lambda: RecordDialog(desk, forms.new_record(ctx(), "order", view.ref)),
        "form-contact": lambda: RecordDialog(desk, forms.new_record(ctx(), "contact", view.ref)),
        "refund": lambda: RefundDialog(desk, refund_info(ctx(), payment)),
        "run-progress": lambda: RunProgressDialog(RunRequest(dry_run=False)),
        "since-last-run": lambda: SinceLastRunDialog(p.report, language.day(p.app.today()),
                                                     language=language),
        "sync-summary": lambda: SyncSummaryDialog(
            p.report, (("payment_succeeded", "R-1/1"),), ("R-1/1",), language),
        "settings": lambda: SettingsDialog(desk, p.app.env, user_settings(ctx())),
        "main-window": lambda: _window(p),
        "customer-page": lambda: CustomerPage(desk, view.ref),
    }


def _window(p: Demo) -> QWidget:
    """The main window with every list and the home page (their controls, shown or not)."""
    from renewdesk.ui import i18n
    from renewdesk.ui.main_window import MainWindow

    return MainWindow(p.app, i18n.installed())


ROOT_NAMES = ("about", "first-run", "accounting-export", "bulk-recurrence", "cancel-renewal",
              "collection", "correct-invoice", "csv-import", "csv-import-columns", "import-file",
              "payment-method", "plan-update", "pro-forma", "form-customer", "form-service",
              "form-order",
              "form-contact", "refund", "run-progress", "since-last-run", "sync-summary",
              "settings", "main-window", "customer-page")


def is_control(widget: QWidget, root: QWidget) -> bool:
    """What a person reaches: not a scroll bar or a list's header, nor a part of another
    control (a combo box's or spin box's own line edit, a table's corner button)."""
    if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView | QScrollBar):
        return False
    if widget.objectName().startswith("qt_"):  # Qt's own parts: a toolbar's overflow arrow
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, CONTROLS):
            return False
        parent = parent.parentWidget()
    return True


def accessible_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def unnamed(root: QWidget) -> list[str]:
    out = []
    for widget in root.findChildren(QWidget):
        if is_control(widget, root) and not accessible_name(widget):
            out.append(f"{type(widget).__name__}:{widget.objectName() or '?'}")
    return sorted(out)


@pytest.mark.parametrize("name", ROOT_NAMES)
def test_hm3_every_control_of_each_dialog_has_an_accessible_name(
        name: str, portfolio: Demo, qtbot: Any) -> None:
    if name in NOT_YET:
        pytest.skip("its words are another change's (see issue 22's report)")
    desk = lone_desk(portfolio.app)
    root = _roots(portfolio, desk)[name]()
    qtbot.addWidget(root)
    root.show()
    try:
        assert unnamed(root) == [], name
    finally:
        desk.operations.wait()
        desk.reader.wait()
        root.close()


def untabbable(root: QWidget) -> list[str]:
    """Controls a person could not reach with Tab (shown and usable ones only). A toolbar's
    buttons are not: each is an action of the menu bar (Alt, then its letter) with its
    shortcut, as in every desktop application."""
    return sorted(f"{type(w).__name__}:{w.objectName() or '?'}"
                  for w in root.findChildren(QWidget)
                  if is_control(w, root) and w.isVisibleTo(root) and w.isEnabled()
                  and not isinstance(w.parentWidget(), QToolBar | QMenuBar)
                  and not w.focusPolicy() & Qt.FocusPolicy.TabFocus)


@pytest.mark.parametrize("name", ROOT_NAMES)
def test_each_dialog_works_from_the_keyboard_tab_reaches_every_control_and_esc_leaves(
        name: str, portfolio: Demo, qtbot: Any) -> None:
    desk = lone_desk(portfolio.app)
    root = _roots(portfolio, desk)[name]()
    qtbot.addWidget(root)
    root.show()
    try:
        desk.operations.wait()
        qtbot.waitUntil(lambda: root.isEnabled())  # a check it started off the GUI thread
        assert untabbable(root) == [], name
        if isinstance(root, RunProgressDialog):  # Esc stops the run; it closes when it ends
            with qtbot.waitSignal(root.cancelRequested, timeout=2000):
                qtbot.keyClick(root, Qt.Key.Key_Escape)
        elif isinstance(root, QDialog):
            qtbot.keyClick(root, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda: not root.isVisible(), timeout=2000)
    finally:
        desk.operations.wait()
        desk.reader.wait()
        root.close()


def test_hm3_the_walk_finds_an_unnamed_control() -> None:
    """The walk itself: a bare line edit with no label is reported, a labelled one is not."""
    from PySide6.QtWidgets import QFormLayout

    root = QWidget()
    form = QFormLayout(root)
    bare, labelled = QLineEdit(), QLineEdit()
    bare.setObjectName("bare")
    form.addRow(bare)
    form.addRow("Name:", labelled)
    assert unnamed(root) == ["QLineEdit:bare"]
