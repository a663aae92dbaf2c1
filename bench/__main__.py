"""python -m bench [night] [engine] [window] [import] [startup] [--quick] [--live]

Each benchmark prints its figures, each beside its reference measured in the same run and its
target from issue 6. --quick runs small versions (seconds), as the test suite does to prove the
benchmarks still work; their figures mean nothing. --live runs the night against the real
Stripe processor in live mode, talking to a stand-in for Stripe's API on this machine
(bench/fake_stripe.py), instead of the sandbox in test mode. Large databases are built once
into bench/.cache.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from pathlib import Path

from bench.report import Figure, machine

BENCHES = {"night": "bench.night", "engine": "bench.engine", "window": "bench.window",
           "import": "bench.importing", "startup": "bench.startup"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[2])
    parser.add_argument("which", nargs="*", metavar="BENCH", help=", ".join(BENCHES))
    parser.add_argument("--quick", action="store_true", help="small sizes, to check they run")
    parser.add_argument("--live", action="store_true",
                        help="night: Stripe in live mode against a local stand-in for its API")
    args = parser.parse_args(argv)
    unknown = [name for name in args.which if name not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}: one of {', '.join(BENCHES)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"# {machine()}{' (quick: sizes too small to mean anything)' if args.quick else ''}")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="renewdesk-bench-") as folder:
        for name in args.which or list(BENCHES):
            bench = importlib.import_module(BENCHES[name])
            live = {"live_mode": True} if args.live and name == "night" else {}
            for figure in bench.main(Path(folder) / name, args.quick, **live):
                print(figure.line(), flush=True)
                figures.append(figure)
    missed = [f for f in figures if f.met is False]
    print(f"# {len(figures)} figures, {sum(1 for f in figures if f.met)} targets met"
          + (f", {len(missed)} not met" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
