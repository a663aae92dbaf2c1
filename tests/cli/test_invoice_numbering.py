"""IV-1's sequence, for real: two processes issuing invoices at once on PostgreSQL, and a busy
night on SQLite killed with SIGKILL, leave one continuous sequence, no gap, no duplicate, and
every paid payment with exactly one invoice (issue 21, "Done when" 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from renewdesk.store.models import Attempt, Invoice
from tests.builders import card, customer, document, order, service
from tests.conftest import REPO, World
from tests.pg_server import PgServer
from tests.services.test_invoices import complete_seller

pytestmark = pytest.mark.slow


def portfolio(customers: int) -> dict[str, object]:
    return document(
        [customer(f"C{n:02d}", card(f"K{n:02d}", token=f"pm_card_visa_{n}"))
         for n in range(customers)],
        services=[service(f"D{n:02d}", f"C{n:02d}", "2026-11-12", payment_method=f"K{n:02d}")
                  for n in range(customers)],
        orders=[order(f"O{n:02d}", f"C{n:02d}", f"K{n:02d}", "2026-11-05", count=1)
                for n in range(customers)])


def assert_one_continuous_sequence(world: World) -> int:
    with world.session() as session:
        sequences = session.scalars(select(Invoice.sequence).where(
            Invoice.kind == "invoice").order_by(Invoice.sequence)).all()
        numbers = session.scalars(select(Invoice.number)).all()
        paid = session.scalars(select(Attempt.id).where(Attempt.result == "succeeded")).all()
        invoiced = session.scalars(select(Invoice.attempt_id).where(
            Invoice.kind == "invoice")).all()
    assert list(sequences) == list(range(1, len(sequences) + 1))  # no gap, no duplicate
    assert len(set(numbers)) == len(numbers)
    assert sorted(invoiced) == sorted(paid)  # every payment, exactly one invoice
    return len(sequences)


def test_iv1_a_busy_night_killed_with_sigkill_leaves_no_gap_and_one_invoice_each(
        world: World, tmp_path: Path) -> None:
    world.load(portfolio(30))
    complete_seller(world)
    world.run("2026-10-28")  # the renewals' notices
    world.close()
    env = {**os.environ, "RENEWDESK_SANDBOX_LATENCY_MS": "150",
           "RENEWDESK_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "renewdesk", "--db", str(world.db), "--today", "2026-11-05",
               "run-due"]
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    watcher = World(world.folder, world.env)
    deadline = time.monotonic() + 120
    while True:  # until some invoices are issued, then kill it in the middle
        with watcher.session() as session:
            issued = session.scalar(select(func.count()).select_from(Invoice)) or 0
        if issued >= 5:
            break
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never issued an invoice"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL
    at_kill = assert_one_continuous_sequence(watcher)
    for day in ("2026-11-05", "2026-11-06"):
        code, _out, err = watcher.cli("run-due", today=day)
        assert code == 0, err
    total = assert_one_continuous_sequence(watcher)
    assert at_kill < total == 60  # 30 installments and 30 renewals, each invoiced once
    watcher.close()


@pytest.fixture
def pg_world(tmp_path: Path, env: dict[str, str], postgres: PgServer) -> Iterator[World]:
    with postgres.database() as url:
        world = World(tmp_path, env, url)
        yield world
        world.close()


ISSUE = """
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from sqlalchemy import select
from renewdesk.app import open_app
from renewdesk.services import invoices
from renewdesk.services.customer_payments import attempt_kind
from renewdesk.services.run_due import rules_for
from renewdesk.store import settings
from renewdesk.store.models import Attempt

app = open_app(sys.argv[1])
ids = [int(i) for i in sys.argv[3].split(",")]
go = Path(sys.argv[2])
while not go.exists():
    pass
for attempt_id in ids:  # one unit of work each, as the engine's waves and customers' payments
    with app.factory() as session:
        attempt = session.get(Attempt, attempt_id)
        kind = attempt_kind(attempt)
        rules = rules_for(settings.load_policy(session))[kind]
        subject_id = getattr(attempt, kind + "_id")
        subject = rules.load_many(session, [subject_id])[subject_id]
        invoices.invoice_payments(session, [invoices.Paid(attempt_id, kind, subject)],
                                  date(2026, 11, 6), datetime.now(UTC))
        session.commit()
app.close()
"""


def test_iv1_two_processes_issuing_at_once_on_postgresql_share_one_sequence(
        pg_world: World, tmp_path: Path) -> None:
    world = pg_world
    world.load(portfolio(20))
    world.run("2026-11-05")  # 20 installments paid while the seller is incomplete
    with world.session() as session:
        paid = session.scalars(select(Attempt.id).where(Attempt.result == "succeeded")
                               .order_by(Attempt.id)).all()
        session.execute(text("DELETE FROM invoice_due"))  # their invoices are issued below
        session.commit()
    assert len(paid) == 20
    complete_seller(world)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO), "RENEWDESK_LOG_DIR": str(tmp_path / "logs")}
    halves = [",".join(map(str, paid[0::2])), ",".join(map(str, paid[1::2]))]
    processes = [subprocess.Popen([sys.executable, "-c", ISSUE, str(world.target), str(go), ids],
                                  env=env, cwd=REPO, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for ids in halves]
    go.touch()  # both start together
    for process in processes:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    assert assert_one_continuous_sequence(world) == 20
