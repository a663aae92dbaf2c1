"""The run of the open window, on its own QThread.

The worker gets a way to build its Context (so its sessions, mailer and processor calls are its
own, made on its thread) and receives frozen `RunRequest`s; it sends back the stage and count of
finished rounds as it goes and a frozen `RunOutcome` at the end. Cancel sets an event the engine
checks between rounds, so a run stops cleanly: nothing is left half-done that the next run does
not conclude (SC-2), and the run date is not marked as done.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlalchemy.engine import URL

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import words
from renewdesk.domain.roles import Role
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.services.context import Context
from renewdesk.services.window import missed
from renewdesk.store.roles import refused_for_role
from renewdesk.store.runlock import RunInProgress, exclusive_run

if TYPE_CHECKING:
    from renewdesk.services.charging import RoundResult
    from renewdesk.services.run_due import RunReport

log = logging.getLogger("renewdesk.scheduler")


@dataclass(frozen=True)
class RunRequest:
    dry_run: bool
    daily: bool = False  # started by the daily timer rather than by a click
    # SC-3: if more than one day is to be caught up, show it first (a dry run) rather than do it
    preview_catch_up: bool = False


@dataclass(frozen=True)
class RunOutcome:
    request: RunRequest  # as carried out: a catch-up shown first is a dry run
    report: RunReport | None
    error: str | None = None
    preview: bool = False  # the dry run of a catch-up, to be shown before it is done (SC-3)
    last_run: date | None = None  # the last run the catch-up follows, for the preview

    @property
    def cancelled(self) -> bool:
        return self.report is not None and self.report.cancelled


class RunWorker(QObject):
    """Lives on the scheduler thread; `run` is queued to it by the Scheduler. A refusal comes
    back in words of the window's `language`."""

    progressed = Signal(str, int)
    finished = Signal(object)

    def __init__(self, context: Callable[[], Context], lock_url: str | URL,
                 before_run: Callable[[], object] | None = None, language: str = "en") -> None:
        super().__init__()
        self._language = language
        self._context = context
        self._lock_url = lock_url
        self._before_run = before_run
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: called from the GUI thread while `run` works."""
        self._cancel.set()

    @Slot(object)
    def run(self, request: RunRequest) -> None:
        self._cancel.clear()
        rounds = 0
        lock = threading.Lock()

        def progress(stage: str, result: RoundResult | None) -> None:
            nonlocal rounds
            with lock:
                if result is not None:
                    rounds += 1
                self.progressed.emit(stage, rounds)

        preview, last = False, None
        role = Role.ADMIN
        try:
            from renewdesk.services.run_due import run_due  # loaded by the first run, not the start

            ctx = self._context()
            role = ctx.role
            if request.preview_catch_up:
                behind = missed(ctx)
                preview, last = behind.days > 1, behind.last_run
                if preview:
                    request = replace(request, dry_run=True)
            with exclusive_run(self._lock_url, 0):
                if not request.dry_run and self._before_run is not None:
                    self._before_run()  # the automatic backup
                report = run_due(ctx, dry_run=request.dry_run, progress=progress,
                                 cancel=self._cancel)
        except (InputError, RunInProgress, ProcessorUnavailable) as error:
            self.finished.emit(RunOutcome(request, None, words(error, self._language)))
            return
        except Exception as error:  # shown in the window; the trace goes to the log
            if refused_for_role(error):  # issue 23: a write the team's server refused
                log.warning("the database refused the run a write for the role %s: %s", role,
                            error)
                refused = InputError("database_refused_role", role=f"role_{role}")
                self.finished.emit(RunOutcome(request, None, words(refused, self._language)))
                return
            log.exception("run failed")
            self.finished.emit(RunOutcome(request, None, f"{type(error).__name__}: {error}"))
            return
        if not request.dry_run:
            log.info("window run as of %s: %d charge attempts, %d e-mails%s", report.as_of,
                     len(report.charges), len(report.emails),
                     " (cancelled)" if report.cancelled else "")
        self.finished.emit(RunOutcome(request, report, preview=preview, last_run=last))


class Scheduler(QObject):
    """GUI-thread side: owns the thread and its worker, one run at a time."""

    started = Signal(object)
    progressed = Signal(str, int)
    finished = Signal(object)
    _queued = Signal(object)

    def __init__(self, context: Callable[[], Context], lock_url: str | URL,
                 before_run: Callable[[], object] | None = None,
                 parent: QObject | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("renewdesk-scheduler")
        self._worker = RunWorker(context, lock_url, before_run, language)
        self._worker.moveToThread(self._thread)
        self._queued.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._running: RunRequest | None = None
        self._thread.start()

    @property
    def running(self) -> RunRequest | None:
        return self._running

    def start(self, request: RunRequest) -> bool:
        if self._running is not None:
            return False
        self._running = request
        self.started.emit(request)
        self._queued.emit(request)
        return True

    def cancel(self) -> None:
        if self._running is not None:
            self._worker.cancel()

    @Slot(str, int)
    def _on_progress(self, stage: str, rounds: int) -> None:
        self.progressed.emit(stage, rounds)

    @Slot(object)
    def _on_finished(self, outcome: RunOutcome) -> None:
        self._running = None
        self.finished.emit(outcome)

    def shutdown(self, msecs: int = 60_000) -> None:
        """Cancel what runs, let it stop between rounds, and end the thread."""
        self.cancel()
        self._thread.quit()
        self._thread.wait(msecs)
