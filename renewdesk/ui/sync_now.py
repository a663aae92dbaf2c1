"""SY-1's "Sync now" from the window: what a run does first, alone, on a worker thread.

It runs as the window's one operation (nothing else is started meanwhile), under the run lock
without waiting: with a run under way (this window's or another's), whose first step is the same
sync, it says so and does nothing twice. Progress and Cancel are the run's own dialog; at the
end a summary says in words what was read and what it changed, and disputes are alerted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from renewdesk.domain.refusal_words import words
from renewdesk.services.listing_actions import (
    DisputeAlert,
    disputes_since,
    last_event,
    recorded_since,
    sync_alone,
)
from renewdesk.services.window import RunInProgress
from renewdesk.ui.alerts import alert_text
from renewdesk.ui.dialogs.run_progress import RunProgressDialog
from renewdesk.ui.widgets import inform, show_error

if TYPE_CHECKING:
    from renewdesk.services.charging import RoundResult
    from renewdesk.services.run_due import RunReport
    from renewdesk.ui.dialogs.sync_summary import SyncSummaryDialog
    from renewdesk.ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


@dataclass(frozen=True)
class SyncOutcome:
    report: RunReport | None  # None: not done (a run held the lock, or it failed)
    recorded: tuple[tuple[str, str], ...] = ()  # the events it recorded: type, subject
    disputes: tuple[DisputeAlert, ...] = ()
    busy: str = ""  # who holds the run lock, when a run was under way
    error: str = ""


class SyncNow(QObject):
    progressed = Signal(str, int)  # emitted on the worker: delivered on the GUI thread
    finished = Signal(object)  # SyncOutcome, for whoever watches (tests, the window)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.progress: RunProgressDialog | None = None
        self.summary: SyncSummaryDialog | None = None
        self.running = False
        # Connected once: disconnecting while the worker emits can deadlock (Qt's connection
        # lock against the GIL); the slot forwards to the progress dialog while there is one.
        self.progressed.connect(self._show_progress)

    @Slot(str, int)
    def _show_progress(self, stage: str, done: int) -> None:
        if self.progress is not None:
            self.progress.show_progress(stage, done)

    @Slot()
    def start(self) -> None:
        window = self.window
        title = translate("SyncNow", "Sync now")
        if window.scheduler.running is not None or self.running:
            inform(window, title, translate(
                "SyncNow", "A run is under way: it reads the payment provider's events first "
                "itself. Nothing else was done."))
            return
        cancel = threading.Event()
        if not window.operations.start(self._work(cancel), self._done, self._failed):
            show_error(window, translate(
                "SyncNow", "Another operation is under way; try again when it has finished."))
            return
        self.running = True
        window.runs_enabled(False)
        self.progress = RunProgressDialog(None, window, title=title)
        self.progress.cancelRequested.connect(cancel.set)
        self.progress.show()

    def _work(self, cancel: threading.Event) -> Callable[[], SyncOutcome]:
        app, rounds, lock = self.window.app, [0], threading.Lock()
        language = self.window.language.code

        def progress(stage: str, result: RoundResult | None) -> None:
            with lock:
                if result is not None:
                    rounds[0] += 1
                done = rounds[0]
            self.progressed.emit(stage, done)

        def work() -> SyncOutcome:
            ctx = app.run_context()  # the processor made again, as for a run
            mark = last_event(ctx)
            try:
                report = sync_alone(app.engine.url, ctx, progress, cancel)
            except RunInProgress as busy:
                return SyncOutcome(None, busy=words(busy, language))
            _mark, disputes = disputes_since(ctx, mark)
            return SyncOutcome(report, recorded_since(ctx, mark), disputes)

        return work

    def _close_progress(self) -> None:
        self.running = False
        self.window.runs_enabled(True)
        if self.progress is not None:
            self.progress.done(0)
            self.progress.deleteLater()
            self.progress = None

    def _done(self, outcome: SyncOutcome) -> None:
        from renewdesk.ui.dialogs.sync_summary import SyncSummaryDialog
        self._close_progress()
        window = self.window
        title = translate("SyncNow", "Sync now")
        if outcome.report is None:
            inform(window, title, translate(
                "SyncNow", "A run is under way on this database, and it reads the payment "
                "provider's events first itself: nothing was done. (%1)").replace(
                "%1", outcome.busy))
        else:
            report = outcome.report
            synced = report.synced
            read = synced.read if synced is not None else 0
            window.show_message(translate("SyncNow", "Synced: %n event(s) read", "", read))
            dialog = SyncSummaryDialog(report, outcome.recorded, tuple(
                alert_text(a, window.desk) for a in outcome.disputes), window.language, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.summary = dialog
            dialog.open()
            window.refresh_all()
            window.alerts.check(box=False)  # the summary says it; the status bar keeps it
        self.finished.emit(outcome)

    def _failed(self, message: str) -> None:
        self._close_progress()
        show_error(self.window, message)
        self.finished.emit(SyncOutcome(None, error=message))
