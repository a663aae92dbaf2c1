"""The main window: the lists, the toolbar, the status bar, and the runs. Layout and wiring only;
each list's behaviour is in views/pages.py, each dialog in dialogs/."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from renewdesk.app import App
from renewdesk.domain.roles import Power, can
from renewdesk.domain.run_words import in_words
from renewdesk.scheduler.daily import DailyTimer, next_run_shown, parse_time
from renewdesk.scheduler.worker import RunOutcome, RunRequest, Scheduler
from renewdesk.services import listing
from renewdesk.services import window as reads
from renewdesk.services.home import Home
from renewdesk.ui import actions, i18n, menus, permissions, warm_up
from renewdesk.ui.alerts import DisputeAlerts
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.run_progress import RunProgressDialog
from renewdesk.ui.mode_badge import ModeBadge, mode_text
from renewdesk.ui.operations import Operations, Reader
from renewdesk.ui.prefetch import Prefetch
from renewdesk.ui.seller_notice import SellerNotice
from renewdesk.ui.sync_now import SyncNow
from renewdesk.ui.views.home_page import HomePage
from renewdesk.ui.views.invoices_page import InvoicesPage
from renewdesk.ui.views.list_page import ListPage
from renewdesk.ui.views.pages import (
    CollectionsPage,
    CustomersPage,
    MethodsPage,
    OrdersPage,
    PaymentsPage,
    RenewalsPage,
    ServicesPage,
    SimplePage,
)
from renewdesk.ui.watcher import ChangeWatcher
from renewdesk.ui.widgets import show_error

if TYPE_CHECKING:
    from renewdesk.ui.views.customer_page import CustomerPage

WARM_UP_DELAY_MS = 2_000  # from the home page's charts drawn to loading the other pages' modules
WARM_UP_AFTER_MS = 6_000  # the latest they start loading (warm_up)

class MainWindow(QMainWindow):
    languageChanged = Signal(str)
    runFinished = Signal(object)  # RunOutcome, for whoever watches (tests, the status bar)

    def __init__(self, app: App, language: i18n.Language | None = None,
                 parent: QWidget | None = None, home: Prefetch[Home] | None = None) -> None:
        super().__init__(parent)
        self.language = language or i18n.installed()
        self.setObjectName("mainWindow")
        self.app = app
        self.operations = Operations(self, self.language.code, app.role)
        self.reader = Reader(self, self.language.code, app.role)
        self.desk = Desk(app, self.operations, self.refresh_all, self.open_customer,
                         self.show_message, self.reader, self.language)
        self.customer_pages: dict[str, CustomerPage] = {}

        self.tabs = QTabWidget()
        self.tabs.setObjectName("views")
        self.pages: dict[str, ListPage] = {}
        # HM-1: the home page, first, where the window opens.
        self.home = HomePage(self.desk, self.open_list, self.run_now, first=home)
        self.tabs.addTab(self.home, self.tr("&Home"))
        self.home.countChanged.connect(self._show_home_count)
        self.home.opened.connect(self.open_days)
        # What the other pages' buttons open, loaded off the GUI thread a little after the
        # home page is drawn (out of the way of its first reads and of the first search), or
        # a few seconds on if its charts cannot be read.
        self.home.chartsShown.connect(lambda: QTimer.singleShot(WARM_UP_DELAY_MS,
                                                                warm_up.start))
        QTimer.singleShot(WARM_UP_AFTER_MS, warm_up.start)
        self._add(self.tr("&Customers"), "customers", CustomersPage(self.desk))
        self._add(self.tr("&Services"), "services", ServicesPage(self.desk))
        self._add(self.tr("Payment &methods"), "payment_methods", MethodsPage(self.desk))
        self._add(self.tr("Installment &orders"), "orders", OrdersPage(self.desk))
        self._add(self.tr("Re&newals"), "renewals", RenewalsPage(self.desk))
        self._add(self.tr("Co&llections"), "collections", CollectionsPage(self.desk))
        self._add(self.tr("&Invoices"), "invoices", InvoicesPage(self.desk))
        self._add(self.tr("O&utbox"), "outbox", SimplePage(
            self.desk, listing.OUTBOX, self.tr("Search by recipient, subject or kind")))
        activity = QTabWidget()
        activity.setObjectName("activity")
        self.activity = activity
        payments = PaymentsPage(self.desk)
        payments.table.setAccessibleName(self.tr("Payments"))
        self.pages["payments"] = payments
        activity.addTab(payments, self.tr("Payments"))
        for title, key, which, hint in (
                (self.tr("Events"), "events", listing.EVENTS, self.tr("Search by type or subject")),
                (self.tr("Audit log"), "audit", listing.AUDIT,
                 self.tr("Search by who, action or subject"))):
            page = SimplePage(self.desk, which, hint)
            page.table.setAccessibleName(title)
            self.pages[key] = page
            activity.addTab(page, title)
        self.tabs.addTab(activity, self.tr("&Activity"))
        self.setCentralWidget(self.tabs)

        self.actions_ = actions.build(self)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.toggleViewAction().setObjectName("toolbarShown")
        for action in self.actions_.all():
            toolbar.addAction(action)
            self.addAction(action)
        self.addToolBar(toolbar)
        self.actions_.run_now.triggered.connect(self.run_now)
        self.actions_.dry_run.triggered.connect(self.dry_run)
        self.sync = SyncNow(self)
        self.actions_.sync_now.triggered.connect(self.sync.start)
        self.actions_.settings.triggered.connect(lambda: self.open_settings())
        self.actions_.find.triggered.connect(self.focus_search)
        self.actions_.refresh.triggered.connect(self.refresh_all)
        self.actions_.quit.triggered.connect(self.close)
        self.editing = menus.build(self)  # the menu bar, with Ctrl+1… for the tabs

        self.last_run = QLabel()
        self.next_run = QLabel()
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.next_run.setObjectName("nextRun")
        self.who = QLabel()  # issue 23: who works here, with which role
        self.who.setObjectName("who")
        self.mode = ModeBadge()
        self.alerts = DisputeAlerts(self.desk, self, QLabel())  # RF-2
        for label in (self.alerts.label, self.last_run, self.next_run, self.problems, self.who,
                      self.mode):
            self.statusBar().addPermanentWidget(label)
        self.show_mode()
        # IV-1: while the seller is incomplete, above the invoices and in the status bar
        self.seller_notice = SellerNotice(self.desk, self.open_seller_settings, self)
        invoices = self.pages["invoices"]
        assert isinstance(invoices, InvoicesPage)
        invoices.add_notice(self.seller_notice.bar())
        self.statusBar().addWidget(self.seller_notice.label, 1)
        self.seller_notice.check()

        # Each run makes its processor again: a key removed or a processor changed is seen.
        self.scheduler = Scheduler(app.run_context, app.engine.url, app.backup_before_run, self,
                                   self.language.code)
        self.scheduler.started.connect(self._run_started)
        self.scheduler.finished.connect(self._run_finished)
        # Connected once, forwarded while a progress dialog is shown: disconnecting while the
        # run's thread emits can deadlock (Qt's connection lock against the GIL).
        self.scheduler.progressed.connect(self._run_progressed)
        self.progress: RunProgressDialog | None = None
        self.watcher = ChangeWatcher(app.factory, parent=self)
        self.watcher.changed.connect(self.changed_elsewhere)
        self.daily = DailyTimer(self)
        self.daily.due.connect(self.daily_run)
        self._read_run_state()
        self._restore_layout()
        self.alerts.start()
        # Issue 23: what the role cannot do is disabled with its reason, once, for good.
        permissions.apply(self, app.role, self.language.code)

    def _add(self, title: str, key: str, page: ListPage) -> None:
        self.pages[key] = page
        page.table.setAccessibleName(title.replace("&", ""))
        self.tabs.addTab(page, title)

    # Layout remembered between sessions ----------------------------------------------------

    def _restore_layout(self) -> None:
        store = QSettings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentWidget(self.home)  # HM-1: the window opens on its home page
        for key, page in self.pages.items():
            header = store.value(f"columns/{key}")
            if header is not None:
                page.table.horizontalHeader().restoreState(header)
                page.keep_column_widths()

    def _save_layout(self) -> None:
        store = QSettings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        for key, page in self.pages.items():
            if page.columns_settled:
                store.setValue(f"columns/{key}", page.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        self.watcher.shutdown()
        self.scheduler.shutdown()
        self.operations.wait()
        self.reader.shutdown()
        for list_page in self.pages.values():
            list_page.model.close()  # each list's reads: finished before the database goes
        for page in list(self.customer_pages.values()):
            page.close()
        super().closeEvent(event)

    # Shared behaviour ------------------------------------------------------------------------

    @Slot()
    def refresh_all(self) -> None:
        self.home.refresh()
        for page in self.pages.values():
            page.model.refresh()
            page.update_buttons()
        self.editing.update()
        for customer in self.customer_pages.values():
            customer.reload()
        self._read_run_state()
        self.seller_notice.check()

    @Slot()
    def changed_elsewhere(self) -> None:
        """The portfolio changed (another account manager, a command-line run): show it.
        Not while our own run or operation is under way: its end refreshes anyway, and the
        GUI thread stays free for the progress (SC-1's responsiveness)."""
        if not self.operations.busy and self.scheduler.running is None:
            self.refresh_all()
            self.alerts.check()  # a dispute another computer's run recorded

    @Slot(int)
    def _show_home_count(self, count: int) -> None:
        index = self.tabs.indexOf(self.home)
        title = self.tr("&Home (%1)").replace("%1", str(count)) if count else self.tr("&Home")
        self.tabs.setTabText(index, title)
        self.tabs.setTabToolTip(index, self.tr("%n thing(s) need you", "", count))

    def open_list(self, key: str) -> None:
        """A list's tab, shown (the home page's "open the place that resolves it")."""
        page = self.pages[key]
        if self.tabs.indexOf(page) >= 0:
            self.tabs.setCurrentWidget(page)
        else:  # a list of the Activity tab
            self.tabs.setCurrentWidget(self.activity)
            self.activity.setCurrentWidget(page)
        page.table.setFocus()

    @Slot(str, str, object, object)
    def open_days(self, key: str, filter_key: str, since: object, until: object) -> None:
        """HM-1: a chart's bar opens its list on its days (and filter)."""
        assert isinstance(since, date) and isinstance(until, date)
        day = self.language.day
        words = day(since) if since == until else self.tr("%1 to %2").replace(
            "%1", day(since)).replace("%2", day(until))
        self.pages[key].set_days((since, until), words, filter_key)
        self.open_list(key)

    def open_customer(self, ref: str) -> None:
        page = self.customer_pages.get(ref)
        if page is None:
            from renewdesk.ui.views.customer_page import CustomerPage  # loaded by warm_up

            page = CustomerPage(self.desk, ref)
            page.changed.connect(self.refresh_all)
            page.destroyed.connect(lambda *_a, r=ref: self.customer_pages.pop(r, None))
            page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.customer_pages[ref] = page
        page.show()
        page.raise_()

    @Slot()
    def show_mode(self) -> None:
        """The processor's mode in the status bar and the title (the processor in memory: no
        database or keyring read)."""
        if not shiboken6.isValid(self.mode):  # a new language rebuilt the window meanwhile
            return
        self.mode.show_mode(self.app.mode())
        self.setWindowTitle(self.tr("renewdesk — %1").replace("%1", self.app.url.split("/")[-1])
                            + " — " + mode_text(self.mode.mode))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    @Slot()
    def focus_search(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, QTabWidget):
            page = page.currentWidget()
        if isinstance(page, ListPage):
            page.search.setFocus()
            page.search.selectAll()

    @Slot()
    def open_settings(self, seller: bool = False) -> None:
        """The saved settings are read off the GUI thread, then the dialog opens on them (on
        its Seller tab if `seller`)."""
        self.reader.read("settings", lambda: reads.user_settings(self.desk.context()),
                         lambda current: self._settings_read(current, seller), self.show_error)

    @Slot()
    def open_seller_settings(self) -> None:
        self.open_settings(seller=True)

    def _settings_read(self, current: reads.SettingsValues, seller: bool = False) -> None:
        from renewdesk.ui.dialogs.settings import SettingsDialog
        dialog = SettingsDialog(self.desk, self.app.env, current, self)
        if seller:
            dialog.tabs.setCurrentWidget(dialog.seller)
        dialog.languageChanged.connect(self.languageChanged)
        accepted = dialog.exec()
        self.show_mode()  # a key removed counts even if the dialog was cancelled
        if accepted:
            self.refresh_all()
            self.show_message(self.tr("Settings saved; the new database is used from the next "
                                      "start") if dialog.database_changed
                              else self.tr("Settings saved"))

    # Runs ------------------------------------------------------------------------------------

    def _read_run_state(self) -> None:
        """The status bar's last and next run, and the daily timer, from a background read,
        with who works here (the audit's who: in team mode the database user)."""
        def read() -> tuple[reads.RunState, str]:
            ctx = self.desk.context()
            return reads.run_state(ctx), ctx.who

        self.reader.read("run state", read, self._show_run_state)

    def _show_run_state(self, answer: tuple[reads.RunState, str]) -> None:
        state, who = answer
        self._show_who(who)
        self.last_run.setText(self.tr("Last run: %1").replace(
            "%1", self.language.day(state.last_run) if state.last_run else self.tr("never")))
        if not can(self.app.role, Power.WORK):  # a viewer cannot write: no daily run here
            self.next_run.setText(self.tr("No daily run from this window"))
            self.next_run.setToolTip(permissions.refusal(self.app.role, Power.WORK,
                                                         self.language.code))
            return
        when = next_run_shown(
            self.daily.reschedule(parse_time(state.nightly_time), state.business_time_zone),
            state.last_run, self.app.today_override)
        self.next_run.setText(self.tr("Next run: %1").replace(
            "%1", f"{self.language.day(when.date())} {when:%H:%M}"))

    def _show_who(self, who: str) -> None:
        text, tip = permissions.who_text(who, self.app.role, self.language.code)
        self.who.setText(text)
        self.who.setToolTip(tip)

    def show_error(self, text: str) -> None:
        show_error(self, text)

    @Slot()
    def run_now(self) -> None:
        """SC-3: a catch-up of more than one day is shown (a dry run) before it is done; the
        run's worker finds how many days it is, off the GUI thread."""
        self.scheduler.start(RunRequest(dry_run=False, preview_catch_up=True))

    @Slot()
    def dry_run(self) -> None:
        self.scheduler.start(RunRequest(dry_run=True))

    def runs_enabled(self, enabled: bool) -> None:
        """Run now, Dry run and Sync now: one of them at a time."""
        for action in (self.actions_.run_now, self.actions_.dry_run, self.actions_.sync_now):
            action.setEnabled(enabled)

    @Slot()
    def daily_run(self) -> None:
        if self.scheduler.running is not None or not can(self.app.role, Power.WORK):
            return
        if self.sync.running:  # the sync ends soon: the daily run follows it
            QTimer.singleShot(60_000, self.daily_run)
            return
        # Someone has to say yes to a catch-up (SC-3): the worker shows it first.
        self.scheduler.start(RunRequest(dry_run=False, daily=True, preview_catch_up=True))

    @Slot(object)
    def _run_started(self, request: RunRequest) -> None:
        self.runs_enabled(False)
        self.progress = RunProgressDialog(request, self)
        self.progress.cancelRequested.connect(self.scheduler.cancel)
        self.progress.show()

    @Slot(str, int)
    def _run_progressed(self, stage: str, rounds: int) -> None:
        if self.progress is not None:
            self.progress.show_progress(stage, rounds)

    @Slot(object)
    def _run_finished(self, outcome: RunOutcome) -> None:
        self.show_mode()
        self.runs_enabled(True)
        if self.progress is not None:
            self.progress.done(0)
            self.progress.deleteLater()
            self.progress = None
        if outcome.error is not None:
            self.problems.setText(self.tr("Problem: %1").replace("%1", outcome.error))
            if not outcome.request.daily:
                show_error(self, outcome.error)
        elif outcome.report is not None and outcome.request.dry_run:
            if outcome.preview and outcome.request.daily:
                self.show_message(self.tr(
                    "The daily run needs your go-ahead: %n day(s) to catch up", "",
                    outcome.report.caught_up_days))
            self._show_preview(outcome, go_ahead=outcome.preview)
        elif outcome.report is not None:
            report = outcome.report
            said = [in_words(problem, self.language.code) for problem in report.problems]
            self.problems.setText("; ".join(said))
            self.problems.setToolTip("\n".join(said))
            self.show_message(self.tr("Run as of %1 cancelled; the rest is done by the next run")
                              .replace("%1", report.as_of.isoformat()) if report.cancelled else
                              self.tr("Run as of %1: %2 charge(s), %3 e-mail(s)")
                              .replace("%1", report.as_of.isoformat())
                              .replace("%2", str(len(report.charges)))
                              .replace("%3", str(len(report.emails)))
                              + self._rate_limited(report.rate_limited))
            self.refresh_all()
        if not outcome.request.dry_run:  # RF-2: its first step may have recorded disputes
            self.alerts.check()
        self.runFinished.emit(outcome)

    def _rate_limited(self, count: int) -> str:
        """SY-2: calls the processor turned away for its rate, apart from declines."""
        if not count:
            return ""
        return self.tr("; %1 call(s) turned away for the processor's rate limit, asked again "
                       "(not declines)").replace("%1", str(count))

    def _show_preview(self, outcome: RunOutcome, go_ahead: bool) -> None:
        from renewdesk.ui.dialogs.since_last_run import SinceLastRunDialog
        assert outcome.report is not None
        last = outcome.last_run
        dialog = SinceLastRunDialog(outcome.report,
                                    self.language.day(last) if last else self.tr("never"), self,
                                    language=self.language)
        if not go_ahead:
            dialog.setWindowTitle(self.tr("Dry run"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.scheduler.start(RunRequest(dry_run=False)))
        dialog.open()
