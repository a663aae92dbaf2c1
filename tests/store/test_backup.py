"""Backups: the automatic one before a run, `backup` and `restore` with their checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import World


def backups(world: World) -> list[Path]:
    return sorted((world.db.parent / "backups").glob("auto-*.sqlite"))


def test_restore_of_the_backup_taken_before_a_run_gives_the_pre_run_state(
        world: World, example: dict[str, Any]) -> None:
    world.load(example)
    assert world.cli("run-due", today="2026-11-30")[0] == 0
    before = world.cli("export")[1]
    code, _out, err = world.cli("run-due", today="2026-12-13")  # charges, notices, e-mails
    assert code == 0, err
    after = world.cli("export")[1]
    assert after != before
    taken = backups(world)
    assert len(taken) == 2  # one before each run
    code, out, err = world.cli("restore", str(taken[-1]), "--yes")
    assert code == 0, err
    assert "the database as it was is saved in" in out
    assert world.cli("export")[1] == before  # exactly the state before the run
    saved = next((world.db.parent / "backups").glob("before-restore-*.sqlite"))
    code, _out, err = world.cli("restore", str(saved), "--yes")  # and back again
    assert code == 0, err
    assert world.cli("export")[1] == after


def test_restore_refuses_without_yes_and_changes_nothing(world: World,
                                                         example: dict[str, Any]) -> None:
    world.load(example)
    code, out, _err = world.cli("backup", str(world.folder / "copy.sqlite"))
    assert code == 0 and "backed up to" in out
    world.cli("run-due", today="2026-12-13")
    state = world.cli("export")[1]
    code, out, err = world.cli("restore", str(world.folder / "copy.sqlite"))
    assert code == 2 and "--yes" in err
    assert "3 customer(s)" in out
    assert world.cli("export")[1] == state


def _foreign(folder: Path) -> Path:
    path = folder / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    return path


def test_restore_refuses_corrupt_foreign_and_non_database_files(world: World,
                                                                example: dict[str, Any]) -> None:
    world.load(example)
    state = world.cli("export")[1]
    text = world.folder / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    good = world.folder / "good.sqlite"
    world.cli("backup", str(good))
    damaged = world.folder / "damaged.sqlite"
    data = bytearray(good.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    cases = {text: "is not a SQLite database", _foreign(world.folder): "is not a renewdesk database",
             damaged: "damaged", world.folder / "missing.sqlite": "No such file"}
    for path, message in cases.items():
        code, _out, err = world.cli("restore", str(path), "--yes")
        assert code == 2, (path, err)
        assert message in err and err.count("\n") == 1, err
        assert "nothing was restored" in err or "No such file" in err
    assert world.cli("export")[1] == state  # nothing changed
    assert not list((world.db.parent / "backups").glob("before-restore-*"))


def test_automatic_backups_keep_the_last_n(world: World, example: dict[str, Any]) -> None:
    world.load(example)
    assert world.cli("settings", "backup_keep=3")[0] == 0
    for day in ("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"):
        assert world.cli("run-due", today=day)[0] == 0
    kept = backups(world)
    assert len(kept) == 3
    with sqlite3.connect(kept[-1]) as db:  # the newest: taken before the 11-06 run
        assert db.execute("SELECT value FROM setting WHERE name='last_run_on'").fetchone() == (
            "2026-11-05",)


def test_pm2_backup_names_never_read_as_a_card_number() -> None:
    """A backup's name is typed back as `restore FILE`; PM-2 refuses arguments that hold a card
    number, so no stamp may look like one (a dash-grouped stamp did, one time in ten)."""
    from datetime import UTC, datetime, timedelta

    from renewdesk.domain.sensitive import contains_card_number
    from renewdesk.store.backup import stamped

    start = datetime(2026, 11, 22, 4, 30, tzinfo=UTC)
    names = [stamped(Path("/b"), "auto-", start + timedelta(microseconds=7919 * n)).name
             for n in range(5000)]
    assert not [n for n in names if contains_card_number(n)]
    assert names == sorted(names)
