"""Run in a fresh process by the window and start-up benchmarks: shows a window, prints JSON.

    python -m bench.probe bare                 a bare PySide6 window (the reference)
    python -m bench.probe window DB [--lists]  renewdesk's window on DB, on its Services view

The parent passes its clock (time.time() just before starting this process) in BENCH_T0;
"shown" is from then to the first paint of a window, "painted" to the first paint of the
Services table. With --lists, a search,
a filter and a sort are timed in the model (the rows on screen read), each beside the bare SQL
query for the same rows. Each run reports the peak memory of its own process. DB is a SQLite
file or a database URL.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
import traceback
from typing import Any

T0 = float(os.environ.get("BENCH_T0") or time.time())
COUNTER = os.environ.get("BENCH_SENT")  # through the latency proxy: what it sent to the server


def sent() -> int:
    """Requests sent to the server so far by the latency proxy (0 without it)."""
    if not COUNTER:
        return 0
    from bench.latency import sent as proxy_sent

    return proxy_sent(COUNTER) or 0


def _painted_on(widget: Any, then: Any) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        done = False

        def eventFilter(self, _obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, then)
            return False

    watch = Watch(widget)
    widget.installEventFilter(watch)
    widget._bench_watch = watch  # kept alive with the widget


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    qt = QApplication([sys.argv[0]])
    window = QMainWindow()
    table = QTableView()
    window.setCentralWidget(table)
    window.resize(1200, 760)

    def shown() -> None:
        print(json.dumps({"painted": time.time() - T0}))
        qt.quit()

    _painted_on(table.viewport(), shown)
    window.show()
    qt.exec()


class _LastPaint:
    """When `table`'s rows were last painted, and when `model` last told its views of a change
    or the table's scroll range changed (its delayed layout, after a reset)."""

    def __init__(self, model: Any, table: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.painted = self.changed = 0.0
        watch = self

        class Watch(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watch.painted = time.perf_counter()
                return False

        self.filter = Watch(table.viewport())
        table.viewport().installEventFilter(self.filter)
        for signal in (model.modelReset, model.dataChanged, model.rowsInserted,
                       model.rowsRemoved, model.layoutChanged,
                       table.verticalScrollBar().rangeChanged):
            signal.connect(self.change)

    def change(self, *_args: Any) -> None:
        self.changed = time.perf_counter()


def _timed_read(model: Any, work: Any, paints: _LastPaint | None = None) -> float:
    """A query change until the rows on screen (the first 40) have arrived and been painted:
    the count and the blocks are read on the list's worker, so the GUI thread's events run
    until they are in."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    start = time.perf_counter()
    work()
    while True:
        while model.loading:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        shown = range(min(40, model.rowCount()))
        if all(model.row(row) is not None for row in shown):
            break
    for row in shown:
        for column in range(model.columnCount()):
            model.index(row, column).data()
    # The view paints the rows it was told of: timed here, with the query that changed them,
    # rather than under the next query's clock. After a reset the view lays its rows out a
    # turn or two of the event loop later (and paints them again if the scroll range changed):
    # until it has painted after the last change and no change is pending (a second at most).
    QCoreApplication.processEvents()
    while paints is not None and time.perf_counter() - start < 1.0:
        while paints.painted < paints.changed and time.perf_counter() - start < 1.0:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
        changed = paints.changed
        for _turn in range(3):  # the delayed layout's timer, then the paint it asks for
            QCoreApplication.processEvents()
        if paints.changed == changed and paints.painted >= paints.changed:
            break
    return time.perf_counter() - start


def _bare_sql(path: str, where: str, order: str) -> float:
    """The same rows by plain SQL (sqlite3, or psycopg on PostgreSQL, where LIKE is ILIKE to
    match SQLite's case-insensitive LIKE)."""
    count = f"SELECT count(*) FROM service JOIN customer ON customer.id = service.customer_id " \
            f"WHERE {where}"
    rows = f"SELECT service.ref, customer.name, service.label FROM service JOIN customer ON " \
           f"customer.id = service.customer_id WHERE {where} ORDER BY {order} LIMIT 200"
    if "://" in path:
        import psycopg

        with psycopg.connect(path.replace("+psycopg", "")) as connection:
            start = time.perf_counter()
            connection.execute(count.replace(" LIKE ", " ILIKE ")).fetchone()
            connection.execute(rows.replace(" LIKE ", " ILIKE ")).fetchall()
            return time.perf_counter() - start
    import sqlite3

    db = sqlite3.connect(path)
    start = time.perf_counter()
    db.execute(count).fetchone()
    db.execute(rows).fetchall()
    took = time.perf_counter() - start
    db.close()
    return took


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM). Not getrusage's ru_maxrss: a child
    started by fork or vfork keeps its parent's peak in it across exec, so the bench's own
    size (348 MB after engine and import) was read as the window's."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Heartbeat:
    """A 10 ms timer on the GUI thread from the main window shown until the home page's charts
    are drawn: the longest gap between two ticks is the longest the GUI thread was blocked
    (give or take the timer's 10 ms), kept in out["blocked"]."""

    def __init__(self, out: dict[str, float]) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.out = out
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.last = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.out["blocked"] = 0.0
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.out["blocked"] = max(self.out["blocked"], now - self.last)
        self.last = now

    def stop(self) -> None:
        self.tick()
        self.timer.stop()


def window(path: str, lists: bool, home: bool = False) -> None:
    """renewdesk as a person starts it (`renewdesk --db PATH`, through its own entry point),
    watched from outside: the first paint of any window ("shown"), then the first paint of the
    main window's Services table ("painted")."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    from renewdesk.ui.startup import application

    qt = application()
    out: dict[str, float] = {}
    first = sent()

    def finish(win: Any) -> None:
        try:
            if lists:
                measure(win)
        except BaseException:  # raised in a slot, it would leave the window open for ever
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
        out["peak_mb"] = peak_mb()
        print(json.dumps(out))
        qt.closeAllWindows()
        qt.quit()

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                now = time.time() - T0
                out.setdefault("shown", now)
                win = obj.window()
                pages = getattr(win, "pages", None)
                if home and pages is not None and "hooked" not in out:
                    out["hooked"] = now
                    beat.start()
                    if win.home.data is not None:  # its needs were there at its first paint
                        out["home"] = now
                        out["home_sent"] = sent() - first
                        out["home_cpu"] = time.process_time()
                    win.home.needsShown.connect(lambda: (out.setdefault(
                        "home", time.time() - T0), out.setdefault("home_sent", sent() - first),
                        out.setdefault("home_cpu", time.process_time())))
                    win.home.chartsShown.connect(lambda: (out.setdefault(
                        "charts", time.time() - T0), out.setdefault("charts_sent", sent() - first),
                        beat.stop(), QTimer.singleShot(0, lambda: finish(win))))
                    return False
                if home:
                    return False
                if pages and "services" not in out:
                    # The window opens on its home page (HM-1): the Services view is asked for
                    # as soon as the main window is there, as the benchmark did by its setting.
                    out["services"] = now
                    win.tabs.setCurrentWidget(pages["services"])
                if pages and "painted" not in out and obj is pages["services"].table.viewport():
                    out["painted"] = now
                    out["painted_sent"] = sent() - first
                    QTimer.singleShot(0, lambda: finish(win))
            return False

    def measure(win: Any) -> None:
        from renewdesk.services.listing import Query

        model = win.pages["services"].model
        paints = _LastPaint(model, win.pages["services"].table)
        _timed_read(model, lambda: None, paints)  # the count asked when the list was first shown
        out["rows"] = model.rowCount()
        mark = sent()
        out["search"] = _timed_read(model, lambda: model.set_query(Query(text="site77777")),
                                    paints)
        out["search_sent"] = sent() - mark
        out["search_rows"] = model.rowCount()
        out["search_sql"] = _bare_sql(path, "service.ref LIKE '%site77777%' OR service.label "
                                      "LIKE '%site77777%' OR customer.name LIKE '%site77777%'",
                                      "service.ref")
        mark = sent()
        out["filter"] = _timed_read(model, lambda: model.set_query(Query(filter="suspended")),
                                    paints)
        out["filter_sent"] = sent() - mark
        out["filter_sql"] = _bare_sql(path, "service.status IN ('suspended', 'overdue')",
                                      "service.ref")
        mark = sent()
        out["sort"] = _timed_read(model, lambda: model.set_query(Query(sort="label",
                                                                       descending=True)),
                                  paints)
        out["sort_sent"] = sent() - mark
        out["sort_sql"] = _bare_sql(path, "TRUE", "service.label DESC, service.ref DESC")

    beat = Heartbeat(out)
    watch = Watch()
    qt.installEventFilter(watch)
    from renewdesk.cli import main as cli_main

    status = cli_main(["--db", path, *(["--today", os.environ["BENCH_TODAY"]]
                                       if os.environ.get("BENCH_TODAY") else [])])
    if status != 0 or ("charts" if home else "painted") not in out:
        raise SystemExit(f"the window did not open (exit {status})")


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        window(sys.argv[2], "--lists" in sys.argv, "--home" in sys.argv)
