"""A read started before the window exists, so that its answer is there when the window first
paints (HM-1: the home page's needs within 1.5 s of the start on a million services).

At the start, the database is open half a second before the main window is built (its modules
are still being imported); the home page's first read runs meanwhile on a thread of its own.
Only its frozen result crosses to the GUI thread, which takes it only if it is already there:
it never waits for it (otherwise the page asks again, as it would have).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger("renewdesk.ui")


class Prefetch(Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._value: T | None = None
        self._done = threading.Event()
        self._taken = False
        threading.Thread(target=self._run, name="renewdesk-prefetch", daemon=True).start()

    def _run(self) -> None:
        try:
            self._value = self._work()
        except Exception:  # the page reads again in the usual way, and says it if it fails
            log.exception("a read before the window failed")
        finally:
            self._done.set()

    def take(self) -> T | None:
        """The answer if it has come (once: a later refresh reads anew), else None at once."""
        if self._taken or not self._done.is_set():
            return None
        self._taken = True
        return self._value

    def wait(self, seconds: float) -> None:
        """For the end of the window's life (and tests): the thread's read finished, so the
        database is not closed under it."""
        self._done.wait(seconds)
