"""SC-5 across processes, for one SQLite database given two names (issue 16): two `run-due`
started together, one through a symlink spelled as a `sqlite:///` URL and one through the file's
own path (or a relative URL and an absolute path), do the night's work once. One charges; the
other waits for it (`--wait`) and finds nothing left to do, or says another run is in progress.
Every cart is paid once: one succeeded attempt each in the database, one charge each in the
sandbox's one ledger, one `renewal_paid` e-mail each."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.builders import card, customer, document, service
from tests.cli.test_crash import ledger_rows
from tests.conftest import REPO, World

pytestmark = pytest.mark.slow

CARTS = 6
REPETITIONS = 20
TODAY = "2026-11-05"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portfolio whose `CARTS` renewals are due on `TODAY`, built once and copied per run."""
    folder = tmp_path_factory.mktemp("template")
    world = World(folder, {"RENEWDESK_LOG_DIR": str(folder / "logs"),
                           "RENEWDESK_CONFIG_DIR": str(folder / "config"),
                           "RENEWDESK_USER": "tester"})
    world.load(document([customer(f"C{n}", card(f"C{n}-A")) for n in range(CARTS)],
                        [service(f"S{n}", f"C{n}", "2026-11-12", payment_method=f"C{n}-A")
                         for n in range(CARTS)]))
    world.run("2026-10-28")
    world.close()
    return world.db


def _spellings(root: Path, repetition: int) -> tuple[str, str]:
    """`elsewhere/portfolio.db` is a symlink to `d/desk.db`; the working directory is `root`."""
    if repetition % 2 == 0:
        return f"sqlite:///{root / 'elsewhere' / 'portfolio.db'}", "d/desk.db"
    return "sqlite:///elsewhere/portfolio.db", str(root / "d" / "desk.db")


def _start(root: Path, spelling: str, wait: bool) -> subprocess.Popen[str]:
    env = {name: value for name, value in os.environ.items()
           if name not in ("RENEWDESK_DB", "RENEWDESK_SANDBOX_LEDGER", "RENEWDESK_TODAY")}
    env |= {"RENEWDESK_SANDBOX_LATENCY_MS": "200", "RENEWDESK_LOG_DIR": str(root / "logs"),
            "RENEWDESK_CONFIG_DIR": str(root / "config"), "RENEWDESK_USER": "tester",
            "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "renewdesk", "--db", spelling, "--today",
                             TODAY, "run-due", *(("--wait", "60") if wait else ())],
                            env=env, cwd=root, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _paid(database: Path) -> tuple[Counter[int], set[str], int]:
    """Succeeded attempts per cart, their keys, and the `renewal_paid` e-mails in the outbox."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT renewal_id, idempotency_key FROM attempt "
                            "WHERE result = 'succeeded'").fetchall()
        mails = conn.execute("SELECT COUNT(*) FROM notification "
                             "WHERE kind = 'renewal_paid'").fetchone()[0]
    return Counter(cart for cart, _key in rows), {key for _cart, key in rows}, int(mails)


def test_sc5_two_spellings_of_one_database_charge_once(template: Path, tmp_path: Path) -> None:
    for repetition in range(REPETITIONS):
        root = tmp_path / f"run{repetition}"
        (root / "d").mkdir(parents=True)
        shutil.copy(template, root / "d" / "desk.db")
        (root / "elsewhere").mkdir()
        (root / "elsewhere" / "portfolio.db").symlink_to("../d/desk.db")
        wait = repetition % 4 < 2
        runs = [_start(root, spelling, wait) for spelling in _spellings(root, repetition)]
        results = [(p.wait(120), *p.communicate()) for p in runs]
        where = (repetition, results)

        codes = sorted(code for code, _out, _err in results)
        if wait:
            assert codes == [0, 0], where
            # One did the night's charges; the other, after it, found them done (SC-1).
            charged = sorted(out.count("  charge   ") for _code, out, _err in results)
            assert charged == [0, CARTS], where
        else:
            assert codes == [0, 1], where
            (refused,) = [err for code, _out, err in results if code == 1]
            assert "another run is in progress (pid " in refused, where

        per_cart, keys, mails = _paid(root / "d" / "desk.db")
        assert len(per_cart) == CARTS and set(per_cart.values()) == {1}, where
        assert mails == CARTS, where
        ledgers = sorted(root.rglob("*.sandbox-ledger.sqlite"))
        assert ledgers == [root / "d" / "desk.db.sandbox-ledger.sqlite"], where
        charges = [r for r in ledger_rows(ledgers[0]) if r["status"] == "succeeded"]
        subjects = Counter(json.loads(str(r["metadata"]))["subject"] for r in charges)
        assert len(subjects) == CARTS and set(subjects.values()) == {1}, where
        assert {r["idempotency_key"] for r in charges} == keys, where
