"""Reads for a list, run on a worker thread of their own, their results handed back on the GUI
thread.

A read of the database may be a network round trip (team mode): the GUI thread only asks and
is told. Each read is a plain function that opens its own session (ORM objects never cross the
thread); its result (named rows, a count, a refusal text) comes back through a queued signal to
a slot of this object, which lives on the GUI thread, and the callback runs there. One worker
per list keeps a list's reads in the order they were asked.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger("renewdesk.ui")


class _Failed:
    """A read that raised: logged on the worker, dropped on the GUI thread."""


class Loader(QObject):
    # Emitted from the worker thread; the queued connection delivers it on the GUI thread.
    _finished = Signal(int, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[], None] | None]] = {}
        self._tickets = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """How many reads have been asked and not yet answered."""
        return len(self._waiting)

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[], None] | None = None) -> None:
        """`work()` on the worker; then `done(result)`, or `failed()` if it raised, on the GUI
        thread."""
        if self._closed:  # the window is closing: nothing more is read
            return
        self._tickets += 1
        ticket = self._tickets
        self._waiting[ticket] = (done, failed)
        self._pool.submit(self._work, ticket, work)

    def _work(self, ticket: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception:  # the log keeps the trace; the list asks again when next painted
            log.exception("a list's background read failed")
            result = _Failed()
        with contextlib.suppress(RuntimeError):  # the list was closed meanwhile: nobody to tell
            self._finished.emit(ticket, result)

    @Slot(int, object)
    def _deliver(self, ticket: int, result: object) -> None:
        callbacks = self._waiting.pop(ticket, None)
        if callbacks is None:
            return
        done, failed = callbacks
        if not isinstance(result, _Failed):
            done(result)
        elif failed is not None:
            failed()

    def close(self) -> None:
        """Reads not yet started are dropped; one under way finishes, waited for (the window
        lets its database go next), and is not delivered."""
        self._closed = True
        self._waiting.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
