"""Team mode (issue 7): one PostgreSQL database shared by several machines.

SC-5 across processes: two `run-due` started at once on one database do the work once (the
PostgreSQL advisory lock); `migrate-db` copies a SQLite portfolio into PostgreSQL without loss
(both exports equal, and the next night gives the same result on both); the machine's choice of
database never keeps a password in plain text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.test_crash import ledger_rows, portfolio
from tests.conftest import REPO, World
from tests.pg_server import PgServer

pytestmark = pytest.mark.slow


def _start_run(url: str, ledger: Path, tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "RENEWDESK_SANDBOX_LATENCY_MS": "300", "RENEWDESK_SANDBOX_LEDGER":
           str(ledger), "RENEWDESK_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(REPO),
           "RENEWDESK_CONFIG_DIR": str(tmp_path / "config"), "RENEWDESK_USER": "tester"}
    return subprocess.Popen([sys.executable, "-m", "renewdesk", "--db", url, "--today",
                             "2026-11-05", "run-due", *extra], env=env, cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _paid_once(world: World, ledger: Path) -> Counter[str]:
    rows = ledger_rows(ledger)
    paid = Counter(json.loads(str(r["metadata"]))["subject"] for r in rows
                   if r["status"] in ("succeeded", "sepa:succeeded"))
    state = world.export()
    attempts = [a["idempotency_key"] for o in state["installment_orders"]
                for i in o["installments"] for a in i["attempts"]]
    attempts += [a["idempotency_key"] for r in state["renewals"] for a in r["attempts"]]
    assert len(attempts) == len(set(attempts))
    assert {r["idempotency_key"] for r in rows} == set(attempts)  # every charge known, once
    assert len(rows) == len(attempts)
    return paid


@pytest.mark.parametrize("wait", [True, False], ids=["second-waits", "second-refused"])
def test_sc5_two_run_due_at_once_on_one_postgresql_database_do_the_work_once(
        postgres: PgServer, tmp_path: Path, env: dict[str, str], wait: bool) -> None:
    with postgres.database() as url:
        world = World(tmp_path, env, url)
        world.load(portfolio())
        world.run("2026-10-28")
        ledger = Path(world.env["RENEWDESK_SANDBOX_LEDGER"])
        extra = ("--wait", "120") if wait else ()
        runs = [_start_run(url, ledger, tmp_path, *extra) for _ in range(2)]
        results = [(p.wait(180), *p.communicate()) for p in runs]
        codes = sorted(code for code, _out, _err in results)
        outs = [out for _code, out, _err in results]
        if wait:
            assert codes == [0, 0], results
            # One did the night's charges; the other, after it, found them done (SC-1).
            charged = sorted(out.count("  charge   ") for out in outs)
            assert charged[0] == 0 and charged[1] >= 24, outs
        else:
            assert codes == [0, 1], results
            (refused,) = [err for code, _out, err in results if code == 1]
            assert "another run is in progress (pid " in refused and "since" in refused
        paid = _paid_once(world, ledger)
        assert paid and max(paid.values()) == 1  # nothing charged twice
        world.close()


def test_migrate_db_copies_the_demo_portfolio_into_postgresql_exports_equal(
        postgres: PgServer, tmp_path: Path, env: dict[str, str]) -> None:
    local = World(tmp_path / "local", env)
    assert local.cli("demo", "--customers", "80", today="2026-11-01")[0] == 0
    for day in ("2026-11-01", "2026-11-15", "2026-12-01"):
        assert local.cli("run-due", today=day)[0] == 0
    before = local.export()
    local.close()
    with postgres.database(template=None) as url:
        code, out, err = local.cli("migrate-db", "--to", url)
        assert code == 0, err
        assert "verified" in out and "rows in" in out
        # The sandbox's ledger (the processor's side) goes along, as Stripe's account would.
        ledger = tmp_path / "team-ledger.sqlite"
        ledger.write_bytes(Path(str(local.db) + ".sandbox-ledger.sqlite").read_bytes())
        team = World(tmp_path, {**env, "RENEWDESK_SANDBOX_LEDGER": str(ledger)}, url)
        assert team.export() == before
        # It goes on from there: new rows get new ids after the copied ones (sequences moved).
        code, out, err = team.cli("run-due", today="2026-12-15")
        assert code == 0, err
        after = team.export()
        # And back: leaving team mode copies the database into a SQLite file, equal again.
        code, out, err = team.cli("migrate-db", "--to", str(tmp_path / "back.db"))
        assert code == 0 and "verified" in out, err
        team.close()
    back = World(tmp_path / "back", {**env, "RENEWDESK_SANDBOX_LEDGER": str(ledger)},
                 str(tmp_path / "back.db"))
    assert back.export() == after
    with back.app.engine.connect() as connection:  # the copy's search index is caught up
        assert connection.exec_driver_sql("SELECT count(*) FROM service_search_stale").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM service_search").scalar() == \
            len(after["services"])
    back.close()
    assert len(after["events"]) > len(before["events"])
    assert {c["ref"] for c in after["customers"]} == {c["ref"] for c in before["customers"]}


def test_migrate_db_refuses_a_target_that_holds_data(postgres: PgServer, world: World) -> None:
    assert world.cli("demo", "--customers", "5", today="2026-11-01")[0] == 0
    with postgres.database() as url:
        assert world.cli("migrate-db", "--to", url)[0] == 0
        code, _out, err = world.cli("migrate-db", "--to", url)
        assert code == 2 and "already holds data" in err


def test_migrate_db_to_an_unreachable_server_says_so_and_hides_the_password(
        world: World) -> None:
    code, _out, err = world.cli("migrate-db", "--to",
                                "postgresql+psycopg://u:hunter2@127.0.0.1:1/none")
    assert code == 1 and "cannot" in err and "127.0.0.1" in err
    assert "hunter2" not in err


def test_database_choice_is_kept_without_a_password(world: World, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    code, _out, err = world.cli("database", "postgresql+psycopg://u:hunter2@127.0.0.1/team")
    assert code == 2 and "password" in err
    config = Path(os.environ["RENEWDESK_CONFIG_DIR"]) / "database.json"
    assert not config.exists()
    code, out, _err = world.cli("database", "mysql://u@host/team")
    assert code == 2
    monkeypatch.delenv("RENEWDESK_DB", raising=False)
    code, out, _err = world.cli("database", "postgresql+psycopg://u@127.0.0.1/team")
    assert code == 0 and "postgresql+psycopg://u@127.0.0.1/team (chosen)" in out
    assert "hunter2" not in config.read_text()
    code, out, _err = world.cli("database", "--default")
    assert code == 0 and "(the default)" in out and not config.exists()


def test_the_window_on_an_unreachable_team_database_says_so_without_the_password(
        tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
           "RENEWDESK_LOG_DIR": str(tmp_path / "logs"),
           "RENEWDESK_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "renewdesk", "--db",
                           "postgresql+psycopg://u:hunter2@127.0.0.1:1/team", "--quit-after",
                           "0.2"], env=env, cwd=REPO, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 1
    assert "cannot open the database postgresql+psycopg://u:***@127.0.0.1:1/team" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout
    assert "hunter2" not in (tmp_path / "logs" / "renewdesk.log").read_text()
