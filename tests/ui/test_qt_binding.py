"""The Qt binding the window is built on keeps Python's reference counts right where the
window leans on it hardest: a signal emitted from a worker, thousands of times a night.

PySide6 6.12.0 dropped a reference to the value `emit()` returns (True) on every call: the
count fell by one per emit until Python freed True itself and the process died ("bool_dealloc:
deallocating True or False"), or crashed at random in the window tests. 6.11.3 is pinned for
that reason (docs/decisions.md); this test keeps a later upgrade honest."""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class _Echo(QObject):
    said = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.heard = 0
        self.said.connect(self.hear, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def hear(self, _ticket: int, _value: object) -> None:
        self.heard += 1


def test_sc1_emitting_from_a_worker_leaves_reference_counts_alone(qtbot: Any) -> None:
    echo = _Echo()
    emits = 2_000
    before = sys.getrefcount(True), sys.getrefcount(None)
    worker = threading.Thread(target=lambda: [echo.said.emit(n, None) for n in range(emits)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: echo.heard == emits, timeout=10_000)
    after = sys.getrefcount(True), sys.getrefcount(None)
    # Unrelated code may take or drop a few references meanwhile; a lost one per emit is 2,000.
    assert after[0] > before[0] - 100, f"True lost {before[0] - after[0]} references"
    assert after[1] > before[1] - 100, f"None lost {before[1] - after[1]} references"
