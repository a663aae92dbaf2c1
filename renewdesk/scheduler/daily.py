"""The daily run while the window is open: a timer set for the next `nightly_time`.

The time is a time of day in the business time zone (MO-2). It is read from Settings each time
the timer is set, so a change takes effect at once
(`reschedule`). The timer only says the hour has come; the window decides what to do with a
catch-up (SC-3 asks before catching up more than one day).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal, Slot


def next_run_at(now: datetime, at: time) -> datetime:
    """The next local date-time at `at`, strictly after `now`."""
    candidate = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return candidate if candidate > now else candidate + timedelta(days=1)


def next_run_shown(next_at: datetime, last_run: date | None,
                   simulated_today: date | None = None) -> datetime:
    """The next run as the status bar says it (HM-3: it never contradicts the last run). On a
    simulated date (`--today`) the timer still fires on the machine's clock, but the run it
    starts is as of that date: its day is shown, not the machine's. Either way a run is never
    shown on or before the last run's date (a run as of that date would do nothing)."""
    day = simulated_today or next_at.date()
    if last_run is not None and day <= last_run:
        day = last_run + timedelta(days=1)
    return next_at.replace(year=day.year, month=day.month, day=day.day)


def parse_time(text: str) -> time:
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes))


class DailyTimer(QObject):
    due = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self.next_at: datetime | None = None
        self._at = time(2, 0)
        self._zone = ZoneInfo("Europe/Paris")

    def reschedule(self, at: time, zone: str, now: datetime | None = None) -> datetime:
        self._at, self._zone = at, ZoneInfo(zone)
        now = now or datetime.now(self._zone)
        self.next_at = next_run_at(now, at)
        # Re-armed at most every hour so a sleeping machine or a clock change is caught up.
        wait = min((self.next_at - now).total_seconds(), 3600.0)
        self._timer.start(max(1000, int(wait * 1000)))
        return self.next_at

    @Slot()
    def _fire(self) -> None:
        now = datetime.now(self._zone)
        zone = str(self._zone)
        if self.next_at is not None and now >= self.next_at:
            self.reschedule(self._at, zone, now)
            self.due.emit()
        else:
            self.reschedule(self._at, zone, now)
