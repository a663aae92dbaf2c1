"""Screenshots of every main view and dialog, on demo data, in French and English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out DIR] [--quick]

Writes docs/screenshots/<language>-<name>.png. `--quick` takes one view in one language (the
test suite runs it to prove the script still works). The invoices (the list, a correction, the
accountant's export, the bar while the seller is incomplete) are shot on a portfolio of their
own: a month of real runs, so that the list holds many customers' invoices and a credit note.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy import select

from renewdesk.app import App, open_app
from renewdesk.domain.money import Money
from renewdesk.scheduler.worker import RunRequest
from renewdesk.services import actions, demo, forms, invoice_actions, listing, overview, proforma
from renewdesk.services.context import Clock
from renewdesk.services.listing_invoices import INVOICES
from renewdesk.services.run_due import run_due
from renewdesk.services.window import user_settings
from renewdesk.store import settings
from renewdesk.store.models import Service
from renewdesk.ui import i18n
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.accounting_export import AccountingExportDialog
from renewdesk.ui.dialogs.bulk_recurrence import BulkRecurrenceDialog
from renewdesk.ui.dialogs.cancel_renewal import CancelRenewalDialog
from renewdesk.ui.dialogs.collection import CollectionDialog
from renewdesk.ui.dialogs.correct_invoice import CorrectionDialog
from renewdesk.ui.dialogs.payment_method import PaymentMethodDialog
from renewdesk.ui.dialogs.plan_update import PlanUpdateDialog
from renewdesk.ui.dialogs.proforma import ProFormaDialog
from renewdesk.ui.dialogs.record_form import RecordDialog
from renewdesk.ui.dialogs.run_progress import RunProgressDialog
from renewdesk.ui.dialogs.settings import SettingsDialog
from renewdesk.ui.dialogs.since_last_run import SinceLastRunDialog
from renewdesk.ui.launch import application
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.views.customer_page import CustomerPage

TODAY = "2026-12-10"
VIEWS = ("customers", "services", "payment_methods", "orders", "renewals", "collections",
         "invoices", "outbox", "activity")
INVOICE_SHOTS = ("invoices", "correct-invoice", "accounting-export",
                 "invoices-seller-incomplete")


def demo_app(folder: Path) -> App:
    env = {"RENEWDESK_LOG_DIR": str(folder)}
    app = open_app(str(folder / "demo.db"), TODAY, env=env)
    demo.fill(app.context("demo"), 60)
    run_due(app.context("demo"))
    return app


def first(app: App, listing_name: str, status: str | None = None) -> str:
    which = listing.ALL[listing_name]
    with app.factory() as session:
        policy = settings.load_policy(session)
        rows = which.page(session, listing.Query(), 0, 500, policy, app.today())
    return next(str(r[0]) for r in rows if status is None or status in r)


def shoot(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> None:
    if size:
        widget.resize(*size)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def _rows_shown(window: MainWindow, key: str) -> None:
    """Until the list's rows on screen have come from its worker (and its columns fitted)."""
    page = window.pages[key]
    page.show()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (page.model.loading or (
            page.model.rowCount() and not page.model.has_rows)):
        page.table.viewport().update()  # the view asks for what it shows when it paints
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _checked(dialog: BulkRecurrenceDialog) -> BulkRecurrenceDialog:
    """Once its check, read off the GUI thread, has arrived."""
    while dialog.checking:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return dialog


def dialogs(app: App, window: MainWindow) -> dict[str, Callable[[], QWidget]]:
    ctx, desk = app.context, window.desk
    with app.factory() as session:
        customer = first(app, "customers")
        view = overview.customer_overview(session, customer, settings.load_policy(session),
                                          app.today())
    services = tuple(s.ref for s in view.services[:2])
    order = first(app, "orders", "active")
    failing = first(app, "collections")
    renewal = first(app, "renewals", "scheduled")
    report = run_due(app.context(), dry_run=True)  # what "Since last run" shows
    usage = _usage_service(app, customer)
    return {
        "customer-page": lambda: CustomerPage(window.desk, customer),
        "bulk-recurrence": lambda: _checked(BulkRecurrenceDialog(desk, view, services, window)),
        "plan-update": lambda: PlanUpdateDialog(desk, actions.plan_state(ctx(), order), window),
        "collection": lambda: CollectionDialog(desk, failing, "", window),
        "cancel-renewal": lambda: CancelRenewalDialog(desk, renewal, renewal, window),
        "pro-forma": lambda: ProFormaDialog(desk, proforma.drafts(ctx(), services), services,
                                            None, window),
        "payment-method": lambda: PaymentMethodDialog(customer, view.name, None, window),
        "settings": lambda: SettingsDialog(desk, app.env, user_settings(ctx()), window),
        "settings-seller": lambda: _seller(SettingsDialog(desk, app.env, user_settings(ctx()),
                                                          window), Path(tempfile.mkdtemp())),
        "settings-seller-incomplete": lambda: _seller(
            SettingsDialog(desk, app.env, user_settings(ctx()), window), None),
        "since-last-run": lambda: SinceLastRunDialog(report, window.language.day(app.today()),
                                                     window),
        "run-progress": lambda: _progress(RunProgressDialog(RunRequest(dry_run=False), window)),
        "form-customer": lambda: _form(desk, forms.read_record(ctx(), "customer", customer)),
        "form-customer-refused": lambda: _form(
            desk, forms.read_record(ctx(), "customer", customer), email="claire-at-example.fr"),
        "form-contact": lambda: _form(desk, forms.new_record(ctx(), "contact", customer)),
        "form-service": lambda: _form(desk, forms.read_record(ctx(), "service", services[0])),
        "form-new-service": lambda: _form(desk, forms.new_record(ctx(), "service", customer)),
        "form-order": lambda: _form(desk, forms.read_record(ctx(), "order", order)),
        "form-new-order": lambda: _form(desk, forms.new_record(ctx(), "order", customer)),
        "form-usage": lambda: _form(desk, forms.new_record(ctx(), "usage", usage)),
    }


def _form(desk: Desk, record: forms.Record, **typed: str) -> RecordDialog:
    """A form as it opens, or with something typed in it (its check shown under the field)."""
    dialog = RecordDialog(desk, record)
    for key, text in typed.items():
        widget = dialog.widgets[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(text)
    dialog.validate()
    return dialog


# A realistic French seller, typed into Settings > Seller (not saved).
SELLER = {"seller_name": "Atelier Lumière SARL", "seller_address": "8 rue Mercière\n69002 Lyon",
          "seller_siren": "732 829 320", "seller_siret": "732 829 320 00074",
          "seller_vat_number": "FR44732829320", "seller_email": "factures@atelier-lumiere.fr",
          "seller_phone": "04 78 42 17 90",
          "seller_footer": "SARL au capital de 10 000 € · RCS Lyon 732 829 320\n"
                           "Règlement par carte ou prélèvement SEPA à l'échéance"}
SIZES = {"settings-seller": (660, 880)}


def _seller(dialog: SettingsDialog, folder: Path | None) -> SettingsDialog:
    """The Seller tab: filled in with a logo (`folder`: where the logo is drawn), or with a
    slip in the SIREN and the rest to do."""
    tab = dialog.seller
    dialog.tabs.setCurrentWidget(tab)
    if folder is None:
        typed = {"seller_name": "Atelier Lumière SARL", "seller_siren": "732 829 321"}
    else:
        typed = SELLER
        logo = QImage(360, 120, QImage.Format.Format_ARGB32)
        logo.fill(QColor("#ffffff"))
        painter = QPainter(logo)
        painter.setBrush(QColor("#e8a317"))
        painter.setPen(QColor("#e8a317"))
        painter.drawEllipse(14, 20, 80, 80)
        painter.setPen(QColor("#1f3b5a"))
        painter.setFont(QFont("Sans", 30, QFont.Weight.Bold))
        painter.drawText(110, 75, "Lumière")
        painter.end()
        logo.save(str(folder / "logo.png"))
        tab.set_logo_file(folder / "logo.png")
    for name, value in typed.items():
        widget = tab.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)
    tab.validate()
    return dialog


def _usage_service(app: App, customer: str) -> str:
    """A service billed by usage (the demo has none: one is entered as a form would)."""
    with app.factory() as session:
        found = session.scalars(select(Service.ref).where(Service.billing == "usage")
                                .order_by(Service.ref)).first()
    if found is not None:
        return found
    saved = forms.save(app.context("demo"), "service", customer, {
        "kind": "sms", "label": "SMS pack", "billing": "usage", "currency": "EUR",
        "unit_price": "0.05"}, None)
    return str(saved.ref)


# Invoices (IV-1, IV-2, IV-5) --------------------------------------------------------------


def _wait(done: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def invoiced_app(folder: Path, seller_complete: bool = True) -> App:
    """The demo as of a month ago, then a run each day until TODAY: renewals, installments and
    usage paid and invoiced as they come, and a correction. Incomplete: a seller with only its
    name, one run, the payments waiting."""
    first = date.fromisoformat(TODAY) - timedelta(days=30 if seller_complete else 0)
    env = {"RENEWDESK_LOG_DIR": str(folder)}
    name = "invoiced.db" if seller_complete else "waiting.db"
    app = open_app(str(folder / name), TODAY, env=env)
    if not seller_complete:  # a name typed in, the rest to do: the demo leaves it so
        actions.save_settings(app.context("demo"), {"seller_name": "Atelier Lumière SARL"})
    base = app.context("demo")
    demo.fill(replace(base, clock=Clock(first, base.clock.now)), 60)
    day = first
    while day <= date.fromisoformat(TODAY):
        run_due(replace(base, clock=Clock(day, base.clock.now)))
        day += timedelta(days=1)
    if seller_complete:
        number = _an_invoice(app)
        invoice_actions.correct(app.context("demo"), number, Money(1000, "EUR"),
                                "Remise commerciale : nom de domaine offert")
    return app


def _an_invoice(app: App, skip: int = 3) -> str:
    """A French customer's invoice of 20 € or more, as the list shows them."""
    with app.factory() as session:
        rows = INVOICES.page(session, listing.Query(sort="issued_on", descending=True), 0, 200,
                             settings.load_policy(session), app.today())
    found = [r for r in rows if r.kind == "invoice" and r.language == "fr"
             and r.total.minor >= 2000]
    return str(found[min(skip, len(found) - 1)].number)


def invoice_shots(folder: Path, out: Path, only: list[str] | None) -> None:
    wanted = set(only or INVOICE_SHOTS)
    apps = {"complete": invoiced_app(folder)} if wanted - {"invoices-seller-incomplete"} else {}
    if "invoices-seller-incomplete" in wanted:
        apps["waiting"] = invoiced_app(folder, seller_complete=False)
    for language in ("en", "fr"):
        for kind, app in apps.items():
            window = MainWindow(app, i18n.install(language))
            page = window.pages["invoices"]
            window.tabs.setCurrentWidget(page)
            window.resize(1280, 720)
            window.show()
            _rows_shown(window, "invoices")
            _wait(lambda w=window: w.seller_notice.state is not None)
            if kind == "waiting":
                shoot(window, out / f"{language}-invoices-seller-incomplete.png", (1280, 720))
                window.close()
                continue
            if "invoices" in wanted:
                page.table.selectRow(2)  # the actions usable, as when one is chosen
                shoot(window, out / f"{language}-invoices.png", (1280, 720))
            ctx = app.context()
            if "correct-invoice" in wanted:
                dialog = CorrectionDialog(window.desk, invoice_actions.correction_info(
                    ctx, _an_invoice(app, 5)), window)
                dialog.part.setChecked(True)
                dialog.amount.setText("5,00" if language == "fr" else "5.00")
                dialog.reason.setText("Prix erroné : tarif 2026 appliqué" if language == "fr"
                                      else "Wrong price: the 2026 rate applies")
                shoot(dialog, out / f"{language}-correct-invoice.png")
                dialog.close()
            if "accounting-export" in wanted:
                export = AccountingExportDialog(window.desk, window)
                export.fec.setChecked(True)
                export.target.setText("/home/claire/Documents/Comptabilité")
                shoot(export, out / f"{language}-accounting-export.png")
                export.close()
            window.close()
    for app in apps.values():
        app.close()


def _progress(dialog: RunProgressDialog) -> RunProgressDialog:
    dialog.show_progress("charges", 42)
    return dialog


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" /
                                             "screenshots"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", metavar="NAME",
                        help="only these views or dialogs (e.g. settings-seller)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    qt = application()
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = demo_app(Path(folder))
        for language in ("en",) if args.quick else ("en", "fr"):
            window = MainWindow(app, i18n.install(language))
            for index, name in enumerate(VIEWS[:1] if args.quick else VIEWS):
                if (args.only and name not in args.only) or name == "invoices":
                    continue  # the invoices: on a portfolio of their own (`invoice_shots`)
                window.tabs.setCurrentIndex(index + 1)  # the home page is the first tab
                window.resize(1280, 720)
                _rows_shown(window, "events" if name == "activity" else name)
                shoot(window, out / f"{language}-{name}.png", (1280, 720))
            if not args.quick:
                for name, make in dialogs(app, window).items():
                    if args.only and name not in args.only:
                        continue
                    widget = make()
                    shoot(widget, out / f"{language}-{name}.png", SIZES.get(name))
                    widget.close()
            window.close()
        app.close()
        if not args.quick and (not args.only or set(args.only) & set(INVOICE_SHOTS)):
            invoice_shots(Path(folder), out, args.only)
    qt.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
