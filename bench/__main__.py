"""python -m bench [night] [engine] [window] [import] [startup] [--quick] [--live] [--db postgresql]

Each benchmark prints its figures, each beside its reference measured in the same run and its
target from issue 6. --quick runs small versions (seconds), as the test suite does to prove the
benchmarks still work; their figures mean nothing. --live runs the night against the real
Stripe processor in live mode, talking to a stand-in for Stripe's API on this machine
(bench/fake_stripe.py), instead of the sandbox in test mode. Large databases are built once
into bench/.cache.

--db postgresql (issue 23) runs each benchmark three times in a row: on SQLite, on a throwaway
PostgreSQL server on this machine loaded with the same portfolio, and on that server again
through a proxy that adds --latency-ms (2 by default, 0 for none) to every round trip; then
prints each figure of the three side by side, each with its target. `startup` (an empty
database, against a bare window) runs on SQLite only.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.database import SQLITE, Database
from bench.report import Figure, machine

BENCHES = {"night": "bench.night", "engine": "bench.engine", "window": "bench.window",
           "import": "bench.importing", "startup": "bench.startup"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[2])
    parser.add_argument("which", nargs="*", metavar="BENCH", help=", ".join(BENCHES))
    parser.add_argument("--quick", action="store_true", help="small sizes, to check they run")
    parser.add_argument("--live", action="store_true",
                        help="night: Stripe in live mode against a local stand-in for its API")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite",
                        help="postgresql: each benchmark on SQLite, on PostgreSQL and on "
                             "PostgreSQL through the latency proxy, side by side")
    parser.add_argument("--latency-ms", type=float, default=2.0, metavar="MS",
                        help="with --db postgresql: added to every round trip by the proxy "
                             "(default 2; 0: no run through the proxy)")
    parser.add_argument("--skip-sqlite", action="store_true",
                        help="with --db postgresql: not the SQLite runs (to measure again)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.which if name not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}: one of {', '.join(BENCHES)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"# {machine()}{' (quick: sizes too small to mean anything)' if args.quick else ''}")
    figures: list[Figure] = []
    ran: dict[str, list[Figure]] = {}
    with tempfile.TemporaryDirectory(prefix="renewdesk-bench-") as folder, \
            _databases(args) as databases:
        for name in args.which or list(BENCHES):
            bench = importlib.import_module(BENCHES[name])
            live = {"live_mode": True} if args.live and name == "night" else {}
            for db in databases if name != "startup" else [SQLITE]:
                extra = {"db": db} if db is not SQLITE else {}
                label = f"{db.name:20} " if len(databases) > 1 else ""
                for figure in bench.main(Path(folder) / db.name.replace(" ", "") / name,
                                         args.quick, **live, **extra):
                    print(label + figure.line(), flush=True)
                    figures.append(figure)
                    ran.setdefault(db.name, []).append(figure)
    if len(ran) > 1:
        side_by_side(ran)
    missed = [f for f in figures if f.met is False]
    print(f"# {len(figures)} figures, {sum(1 for f in figures if f.met)} targets met"
          + (f", {len(missed)} not met" if missed else ""))
    return 0


@contextmanager
def _databases(args: argparse.Namespace) -> Iterator[list[Database]]:
    if args.db == "sqlite":
        yield [SQLITE]
        return
    from bench import database, latency

    with ExitStack() as stack:
        server = stack.enter_context(database.postgresql(args.quick))
        found = [] if args.skip_sqlite else [SQLITE]
        found.append(server)
        bare = latency.round_trip(server.url("postgres"))
        print(f"# PostgreSQL {server.server.version() if server.server else ''} on 127.0.0.1, "
              f"settings {database.SETTINGS}; SELECT 1: {bare * 1000:.3f} ms a round trip (median)",
              flush=True)
        if args.latency_ms > 0:
            slow = stack.enter_context(database.delayed(server, args.latency_ms))
            through = latency.round_trip(slow.url("postgres"))
            print(f"# through the proxy: {through * 1000:.3f} ms a round trip (median), "
                  f"{(through - bare) * 1000:.3f} ms added (asked: {args.latency_ms:g} ms)",
                  flush=True)
            found.append(slow)
        yield found


def side_by_side(ran: dict[str, list[Figure]]) -> None:
    """Each figure on every database of the run, in one line, each with MET / NOT MET."""
    names = list(ran)
    print("#\n# side by side (same run): " + " | ".join(names))
    rows: dict[tuple[str, str], dict[str, Figure]] = {}
    for name, figures in ran.items():
        for figure in figures:
            rows.setdefault((figure.bench, figure.name), {})[name] = figure
    for (bench, figure_name), by_db in rows.items():
        cells = []
        for name in names:
            figure = by_db.get(name)
            if figure is None:
                cells.append(f"{'-':>28}")
                continue
            met = {True: "MET", False: "NOT MET", None: ""}[figure.met]
            cells.append(f"{figure.value:12.3f} {figure.unit:7} {met:7}".rjust(28))
        target = next(iter(by_db.values()))
        goal = "" if target.target is None else \
            f"  ({'>=' if target.higher_is_better else '<='} {target.target:g})"
        print(f"{bench:8} {figure_name:44} " + " | ".join(cells) + goal)


if __name__ == "__main__":
    sys.exit(main())
