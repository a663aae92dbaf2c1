"""Team mode: the window sees the changes others make, without a restart.

A ChangeWatcher lives on a thread of its own (a team's database is across the network, and the
GUI thread never waits on the network for this): every few seconds it reads the portfolio's
change mark (services/changes.py) and, when the mark moved, emits `changed`, which the window
receives on the GUI thread and answers by refreshing its lists in place. Only a tuple of ints
crosses threads. On a single machine the same watcher shows what a command-line run did.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from renewdesk.services import window as reads
from renewdesk.services.listing import Factory

INTERVAL_MS = 3000


class _Poller(QObject):
    moved = Signal(object)  # the new mark

    def __init__(self, factory: Factory, interval_ms: int) -> None:
        super().__init__()
        self._factory = factory
        self._interval = interval_ms
        self._timer: QTimer | None = None
        self._last: tuple[int, ...] | None = None

    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(self._interval)
        self.poll()

    @Slot(int)
    def set_interval(self, interval_ms: int) -> None:
        self._interval = interval_ms
        if self._timer is not None:
            self._timer.start(interval_ms)

    @Slot()
    def stop(self) -> None:
        """Run on the watcher's own thread (blocking call from `shutdown`): its timer is
        stopped and deleted there, and the poller handed back to the GUI thread, so nothing
        of it is later destroyed from a thread it does not live on."""
        if self._timer is not None:
            self._timer.stop()
            timer, self._timer = self._timer, None
            timer.setParent(None)
            shiboken6.delete(timer)
        application = QCoreApplication.instance()
        if application is not None:
            self.moveToThread(application.thread())

    @Slot()
    def poll(self) -> None:
        now = reads.change_mark(self._factory)
        if now is None:  # a server briefly away: try again next time
            return
        if self._last is not None and now != self._last:
            self.moved.emit(now)
        self._last = now


class ChangeWatcher(QObject):
    changed = Signal()
    _interval = Signal(int)

    def __init__(self, factory: Factory, interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("changeWatcher")
        self._poller = _Poller(factory, interval_ms)
        self._poller.moveToThread(self._thread)
        self._thread.started.connect(self._poller.start)
        self._poller.moved.connect(self._moved)
        self._interval.connect(self._poller.set_interval)
        self._thread.start()

    def set_interval(self, interval_ms: int) -> None:
        self._interval.emit(interval_ms)

    @Slot(object)
    def _moved(self, _mark: object) -> None:
        self.changed.emit()

    def shutdown(self) -> None:
        if not self._thread.isRunning():
            return
        QMetaObject.invokeMethod(self._poller, "stop", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait(5000)
