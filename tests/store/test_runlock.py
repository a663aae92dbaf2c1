"""SC-5 by the database, not by how it is spelled (issue 16): a path, relative or absolute, with
`~`, through a symlink, a `sqlite:///` URL (relative or absolute, or an SQLite URI with
`?uri=true`), `RENEWDESK_DB` or the window's
default all name one lock and one sandbox ledger, and a hard link is kept out by the file's
identity; while one spelling holds the run, every other is refused, naming who holds it."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path

import pytest

from renewdesk.app import ledger_path
from renewdesk.store import db, location
from renewdesk.store.runlock import RunInProgress, exclusive_run, lock_path


class Place:
    """One database file, `d/desk.db`, and other names for it: a symlink `elsewhere/portfolio.db`,
    a hard link `hard/linked.db`, `~/portfolio.db` (a symlink in HOME) and the window's default
    (a symlink where the user's data folder keeps it). The working directory is `root`."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.real = root / "d" / "desk.db"
        self.real.parent.mkdir()
        self.real.write_bytes(b"")
        for name, target in (("elsewhere/portfolio.db", "../d/desk.db"),
                             ("home/portfolio.db", "../d/desk.db"),
                             ("data/renewdesk/renewdesk.db", "../../d/desk.db")):
            (root / name).parent.mkdir(parents=True)
            (root / name).symlink_to(target)
        (root / "hard").mkdir()
        os.link(self.real, root / "hard" / "linked.db")
        monkeypatch.chdir(root)
        monkeypatch.setenv("HOME", str(root / "home"))
        monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
        monkeypatch.delenv("RENEWDESK_DB", raising=False)
        monkeypatch.delenv("RENEWDESK_SANDBOX_LEDGER", raising=False)
        self.env = {"RENEWDESK_CONFIG_DIR": str(root / "config")}

    def url(self, spelling: str) -> str:
        """The URL `open_app` makes of a spelling (and the engine, so the lock, is given)."""
        return db.database_url(location.check_url(location.target(*self.given(spelling))))

    def given(self, spelling: str) -> tuple[str | None, Mapping[str, str]]:
        absolute = str(self.root / "elsewhere" / "portfolio.db")
        arguments = {
            "relative path": "d/desk.db", "absolute path": str(self.real),
            "~": "~/portfolio.db", "symlink": "elsewhere/portfolio.db",
            "URL, 3 slashes, relative": "sqlite:///elsewhere/portfolio.db",
            "URL, 4 slashes, absolute": f"sqlite:///{absolute}",
            "URL of the file itself": f"sqlite:///{self.real}",
            "hard link": "hard/linked.db", "URL of the hard link": "sqlite:///hard/linked.db",
            "SQLite URI": f"sqlite:///file:{absolute}?uri=true",
            "SQLite URI, relative, with a mode": "sqlite:///file:d/desk.db?mode=rw&uri=true",
            "SQLite URI, uri=yes": "sqlite:///file:d/desk.db?uri=yes"}
        if spelling == "RENEWDESK_DB":
            return None, {**self.env, "RENEWDESK_DB": "elsewhere/portfolio.db"}
        if spelling == "window's default":
            return None, self.env
        return arguments[spelling], self.env


SPELLINGS = ["relative path", "absolute path", "~", "symlink", "URL, 3 slashes, relative",
             "URL, 4 slashes, absolute", "URL of the file itself", "RENEWDESK_DB",
             "window's default", "SQLite URI", "SQLite URI, relative, with a mode",
             "SQLite URI, uri=yes"]
PAIRS = [("symlink", "URL, 4 slashes, absolute"),
         ("URL, 4 slashes, absolute", "relative path"),
         ("URL, 3 slashes, relative", "absolute path"),
         ("~", "URL, 4 slashes, absolute"),
         ("hard link", "absolute path"),
         ("URL of the hard link", "URL, 4 slashes, absolute"),
         ("RENEWDESK_DB", "URL, 4 slashes, absolute"),
         ("window's default", "URL, 3 slashes, relative"),
         ("SQLite URI", "relative path")]


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Place:
    return Place(tmp_path, monkeypatch)


def test_sc5_every_spelling_of_one_database_names_one_lock_and_one_ledger(place: Place) -> None:
    urls = {spelling: place.url(spelling) for spelling in SPELLINGS}
    locks = {spelling: lock_path(url) for spelling, url in urls.items()}
    ledgers = {spelling: ledger_path(url, place.env) for spelling, url in urls.items()}
    assert set(locks.values()) == {place.real.with_name("desk.db.run.lock")}, locks
    assert set(ledgers.values()) == {place.real.with_name("desk.db.sandbox-ledger.sqlite")}, \
        ledgers


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a} + {b}" for a, b in PAIRS])
def test_sc5_a_second_spelling_is_refused_while_the_first_runs(place: Place, first: str,
                                                               second: str) -> None:
    for holding, refused in ((first, second), (second, first)):
        with exclusive_run(place.url(holding)), pytest.raises(RunInProgress) as error, \
                exclusive_run(place.url(refused)):
            pass
        # The message says who holds the run, whichever name the second runner gave.
        assert f"another run is in progress (pid {os.getpid()} on " in str(error.value)


def test_sc5_a_hard_link_waits_for_the_run_on_the_other_name(place: Place) -> None:
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with exclusive_run(place.url("absolute path")):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(10)
    threading.Timer(0.2, release.set).start()
    with exclusive_run(place.url("hard link"), wait_seconds=10):
        assert release.is_set()
    holder.join()

