"""A database that answers every statement late, and remembers on which thread each one ran.

`slow_statements(engine)` puts an SQLAlchemy `before_cursor_execute` listener on the engine
before any thread uses it (adding or removing one while a worker runs a statement breaks that
worker's walk over the listeners); inside `slow.delaying()` it notes the running thread and the
statement, then sleeps, as a team's server far away would answer. A window test then proves the
GUI thread kept responding (`GapClock`) and ran none of the statements (`SlowDb.on_thread`).
Importable by any window test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer
from sqlalchemy import event
from sqlalchemy.engine import Engine

DELAY_S = 0.050  # every statement: a round trip to a distant server
TICK_MS = 20  # the GUI thread's clock
MAX_LATE_S = 0.040  # a tick later than this and the window has visibly stalled


@dataclass
class SlowDb:
    delay_s: float = DELAY_S
    on: bool = False
    statements: list[tuple[int, str]] = field(default_factory=list)  # (thread id, SQL)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def delaying(self) -> Iterator[SlowDb]:
        self.on = True
        try:
            yield self
        finally:
            self.on = False

    def on_thread(self, ident: int) -> list[str]:
        with self.lock:
            return [sql for thread, sql in self.statements if thread == ident]

    def count(self) -> int:
        with self.lock:
            return len(self.statements)


def slow_statements(engine: Engine, delay_s: float = DELAY_S) -> SlowDb:
    """Call before the window (or anything else) uses `engine`; it stays for the engine's life."""
    slow = SlowDb(delay_s)

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not slow.on:
            return
        with slow.lock:
            slow.statements.append((threading.get_ident(), statement))
        time.sleep(slow.delay_s)

    event.listen(engine, "before_cursor_execute", before)
    return slow


class GapClock:
    """A `TICK_MS` timer on the GUI thread; `worst` is the longest time between two ticks, and
    `late` how much later than its `TICK_MS` the latest tick came."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now
        self.ticks += 1

    @property
    def late(self) -> float:
        return max(0.0, self.worst - TICK_MS / 1000)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
