"""Target 3: the window on 1,000,000 services. From process start to the Services view painted
in at most 1.5 s; a search or a filter answers in at most 100 ms, a sort in at most 300 ms
(each with the rows on screen read), beside the bare SQL query for the same rows; peak memory
of the window's own process at most 300 MB. On a SQLite file or a PostgreSQL database."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench import dataset
from bench.database import SQLITE, Database
from bench.report import Figure
from bench.startup import probe


def main(folder: Path, quick: bool, db: Database = SQLITE) -> list[Figure]:
    customers = 2_000 if quick else 100_000
    path = db.portfolio(folder, customers=customers, services_each=10, due=0)
    env = db.env(folder)
    probe(folder, "window", path, env=env)  # the first start warms the caches
    got = probe(folder, "window", path, "--lists", env=env)
    os.environ["BENCH_TODAY"] = dataset.IDLE.isoformat()  # its installments are the next days'
    try:
        home = probe(folder, "window", path, "--home", env=env)
    finally:
        del os.environ["BENCH_TODAY"]
    sql = _home_sql(path, env)
    ms = 1000

    def trips(got: dict[str, float], what: str, more: str = "") -> str:
        """Through the latency proxy: the requests it sent to the server meanwhile."""
        return f"; {got[what]:.0f} requests to the server{more}" if what in got and db.counter \
            else ""

    return [
        Figure("window", "start to home page painted", home["home"], "s", 1.5,
               higher_is_better=False,
               reference=f"its reads alone {sql[0]:.2f} s; the process's CPU until then "
                         f"{home['home_cpu']:.2f} s{trips(home, 'home_sent')}"),
        Figure("window", "home page to its charts", home["charts"] - home["home"], "s", 1.0,
               higher_is_better=False, reference=f"their reads alone {sql[1]:.2f} s"
                                                 f"{trips(home, 'charts_sent', ' from the start')}"),
        Figure("window", "GUI thread longest blocked, window to charts", home["blocked"] * ms,
               "ms", 100, higher_is_better=False,
               reference=f"start to main window {home['hooked']:.2f} s"),
        Figure("window", "services in the database", got["rows"], "rows"),
        Figure("window", "start to Services painted", got["painted"], "s", 1.5,
               higher_is_better=False, reference=trips(got, "painted_sent")[2:]),
        Figure("window", "search (3 columns, substring)", got["search"] * ms, "ms", 100,
               higher_is_better=False, reference=f"bare SQL {got['search_sql'] * ms:.0f} ms, "
                                                 f"{got['search_rows']} row(s) found"
                                                 f"{trips(got, 'search_sent')}"),
        Figure("window", "filter (suspended)", got["filter"] * ms, "ms", 100,
               higher_is_better=False, reference=f"bare SQL {got['filter_sql'] * ms:.0f} ms"
                                                 f"{trips(got, 'filter_sent')}"),
        Figure("window", "sort (label, descending)", got["sort"] * ms, "ms", 300,
               higher_is_better=False, reference=f"bare SQL {got['sort_sql'] * ms:.0f} ms"
                                                 f"{trips(got, 'sort_sent')}"),
        Figure("window", "peak memory (the window's process)", got["peak_mb"], "MB", 300,
               higher_is_better=False, reference="lists read; home page's run: "
                                                 f"{home['peak_mb']:.0f} MB"),
    ]


def _home_sql(path: str, env: dict[str, str]) -> tuple[float, float]:
    """The home page's two reads timed alone, in this process: the reference."""
    from renewdesk.app import open_app
    from renewdesk.services import home, home_charts

    app = open_app(path, dataset.IDLE.isoformat(), env=env)
    try:
        ctx = app.context(delivery=False)
        start = time.perf_counter()
        home.home(ctx, "en")
        middle = time.perf_counter()
        home_charts.charts(ctx)
        return middle - start, time.perf_counter() - middle
    finally:
        app.close()
