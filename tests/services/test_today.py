"""MO-2: with no --today, "today" is the business date in the business time zone. The zone is
read again at most once a minute (each read of the window makes a context: on a team's server
each reading of the zone was four round trips), and at once after this app saved settings."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from renewdesk import app as app_module
from renewdesk.app import open_app
from renewdesk.store import settings

# 23:30 in London is already the next day in Paris.
NIGHT = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)


def _zone(app: app_module.App, zone: str) -> None:
    with app.factory() as session:  # as another computer of the team would
        settings.put(session, "business_time_zone", zone)
        session.commit()


@pytest.fixture
def app(tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> app_module.App:
    monkeypatch.setattr(app_module, "utc_now", lambda: NIGHT)
    opened = open_app(str(tmp_path / "today.db"), env=env)
    yield opened
    opened.close()


def test_mo2_today_is_the_business_date_in_its_zone(app: app_module.App) -> None:
    _zone(app, "Europe/London")
    app.settings_saved()
    assert app.today() == date(2026, 12, 6)
    _zone(app, "Europe/Paris")
    app.settings_saved()
    assert app.today() == date(2026, 12, 7)


def test_mo2_a_zone_changed_elsewhere_is_seen_within_a_minute(
        app: app_module.App, monkeypatch: pytest.MonkeyPatch) -> None:
    _zone(app, "Europe/London")
    app.settings_saved()
    assert app.today() == date(2026, 12, 6)
    _zone(app, "Europe/Paris")  # another computer changes it
    assert app.today() == date(2026, 12, 6)  # kept for a while: not read at each context
    monkeypatch.setattr(app_module, "ZONE_KEPT_S", 0.0)  # the minute has passed
    assert app.today() == date(2026, 12, 7)


def test_mo2_an_override_date_reads_no_zone(tmp_path: Path, env: dict[str, str]) -> None:
    opened = open_app(str(tmp_path / "fixed.db"), "2026-11-20", env=env)
    try:
        assert opened.today() == date(2026, 11, 20)
        assert opened._zone is None
    finally:
        opened.close()
