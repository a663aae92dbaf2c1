"""Running a use case off the GUI thread and getting its result back on it.

Anything that may call the processor (adding a card, a final attempt, a manual renewal) runs
here: the work is a plain function of the App; its result or error comes back through a
queued signal to a GUI-thread object, so callbacks run on the GUI thread. One operation at a
time; the window's actions are disabled meanwhile so nothing is started twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from renewdesk.domain.errors import InputError
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.store.runlock import RunInProgress

log = logging.getLogger("renewdesk.ui")


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except (InputError, RunInProgress, ProcessorUnavailable) as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # the window shows it; the log keeps the trace
            log.exception("background operation failed")
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.signals.succeeded.emit(result)


class Operations(QObject):
    """Runs one operation at a time on a pool thread; `busyChanged` tells the window."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals: _Signals | None = None
        self._done: Callable[[Any], None] | None = None
        self._error: Callable[[str], None] | None = None

    @property
    def busy(self) -> bool:
        return self._signals is not None

    def start(self, work: Callable[[], Any], done: Callable[[Any], None],
              error: Callable[[str], None]) -> bool:
        if self._signals is not None:
            return False
        signals = _Signals(self)
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        self._signals, self._done, self._error = signals, done, error
        self.busyChanged.emit(True)
        self._pool.start(_Job(work, signals))
        return True

    def _finish(self) -> tuple[Callable[[Any], None] | None, Callable[[str], None] | None]:
        done, error = self._done, self._error
        if self._signals is not None:
            self._signals.deleteLater()
        self._signals = self._done = self._error = None
        self.busyChanged.emit(False)
        return done, error

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        done, _ = self._finish()
        if done is not None:
            done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        _, error = self._finish()
        if error is not None:
            error(message)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
