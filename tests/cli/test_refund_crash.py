"""RF-1 with SC-2, for real on the sandbox: `renewdesk refund` killed with SIGKILL after its
refund was committed and reached the processor, before the answer came back; the next run
settles it by asking, and there is one refund at the processor (issue 20, "Done when" 2)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from renewdesk.store.models import Refund
from tests.builders import card, customer, document, order
from tests.conftest import REPO, World

pytestmark = pytest.mark.slow


def sandbox_refunds(ledger: Path) -> list[tuple[str, int]]:
    try:
        with sqlite3.connect(ledger, timeout=30) as conn:
            return list(conn.execute("SELECT idempotency_key, amount_minor FROM refund"))
    except sqlite3.OperationalError:
        return []


def test_rf1_sc2_a_refund_killed_before_its_answer_is_settled_once_by_the_next_run(
        world: World, tmp_path: Path) -> None:
    world.load(document([customer("C1", card("K1"))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")
    world.close()
    ledger = world.db.with_name(world.db.name + ".sandbox-ledger.sqlite")
    # Half the sandbox's latency comes before its ledger is written, half after: killed in
    # the second half, the refund is made there and its answer never reaches renewdesk.
    env = {**os.environ, "RENEWDESK_SANDBOX_LATENCY_MS": "6000",
           "RENEWDESK_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "renewdesk", "--db", str(world.db), "--today",
               "2026-11-06", "refund", "O1#1/1", "--amount", "12.00", "--reason", "killed",
               "--yes"]
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not sandbox_refunds(ledger):  # the refund reached the processor
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the refund never reached the sandbox"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL

    after = World(world.folder, world.env)
    with after.session() as session:
        (row,) = session.scalars(select(Refund)).all()
        assert row.status == "unknown"  # committed before the call; its answer never came
    code, _out, err = after.cli("run-due", today="2026-11-06")
    assert code == 0, err
    with after.session() as session:
        (row,) = session.scalars(select(Refund)).all()
        assert (row.status, row.amount_minor) == ("succeeded", 1200)
        key = row.idempotency_key
    assert sandbox_refunds(ledger) == [(key, 1200)]  # one refund at the processor
    assert len(after.mails("refund_issued")) == 1
    after.close()
