"""Target 5: renewdesk's window shown takes at most 2.5x a bare PySide6 window shown, both
measured from process start to first paint, in fresh processes, in the same run (best of 5).

renewdesk is started through its own entry point (`renewdesk --db FILE`). Its first window is
the frame that stands in the main window's place while the database and the models load
(ui/startup.py); the main window's lists painted is printed beside it, with its own ratio."""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

from bench.report import Figure
from renewdesk.app import open_app

ROOT = Path(__file__).resolve().parents[1]


@cache
def compiled() -> None:
    """The code compiled to bytecode first, as an installed copy is (pip and PyInstaller write
    it): with PYTHONDONTWRITEBYTECODE set (as on this machine) every module changed since its
    last bytecode was compiled again at each start, a quarter of a second of it (profiled)."""
    for package in ("renewdesk", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)


def probe(folder: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    compiled()
    env = {**os.environ, **(env or {}), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "RENEWDESK_LOG_DIR": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
           "PYTHONPATH": str(ROOT), "BENCH_T0": repr(time.time())}
    done = subprocess.run([sys.executable, "-m", "bench.probe", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"probe {args[0]} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(folder: Path, quick: bool) -> list[Figure]:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "empty.db"
    open_app(str(db), env={"RENEWDESK_LOG_DIR": str(folder)}).close()
    runs = 1 if quick else 5
    bare = min(probe(folder, "bare")["painted"] for _ in range(runs))
    probes = [probe(folder, "window", str(db)) for _ in range(runs)]
    shown = min(p["shown"] for p in probes)
    ready = min(p["painted"] for p in probes)
    return [Figure("startup", "bare PySide6 window painted", bare, "s"),
            Figure("startup", "renewdesk window shown", shown, "s"),
            Figure("startup", "renewdesk / bare", shown / bare, "ratio", 2.5,
                   higher_is_better=False, reference=f"best of {runs} each"),
            Figure("startup", "main window's lists painted", ready, "s",
                   reference=f"{ready / bare:.1f}x bare; database and models loaded")]
