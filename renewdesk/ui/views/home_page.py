"""The home page (HM-1), the window's first tab: "Needs you", last night in figures, and the
three charts. Two reads off the GUI thread: the needs and the last run first (short), then the
charts, so the page is painted with what needs the account manager before the charts come.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.money import Money
from renewdesk.services import home as home_reads
from renewdesk.services.run_record import RunRecord
from renewdesk.ui.desk import Desk
from renewdesk.ui.prefetch import Prefetch
from renewdesk.ui.views.home_charts import ChartBox, chart_steps
from renewdesk.ui.views.home_needs import NeedsList

if TYPE_CHECKING:
    from renewdesk.services import home_charts
    from renewdesk.services.context import Context


def _read_charts(ctx: Context) -> home_charts.Charts:
    """The charts' figures, off the GUI thread; QtCharts is loaded there too, meanwhile, so
    the GUI thread does not wait for it when it draws them (nor at the window's start)."""
    from renewdesk.services.home_charts import charts
    from renewdesk.ui.views import home_chart_view  # noqa: F401

    return charts(ctx)


class HomePage(QWidget):
    countChanged = Signal(int)  # how many lines "Needs you" has: the tab's title
    opened = Signal(str, str, object, object)  # a bar's list: listing, filter, since, until
    needsShown = Signal()
    chartsShown = Signal()

    def __init__(self, desk: Desk, open_list: Callable[[str], None],
                 run_now: Callable[[], None], parent: QWidget | None = None,
                 first: Prefetch[home_reads.Home] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.desk = desk
        self._first = first  # the needs read before the window existed, if it has answered
        self._charts_wanted = False
        self.count = -1
        self.data: home_reads.Home | None = None
        self.charts: home_charts.Charts | None = None
        self._shown = False
        self._drawing = 0

        self.needs = NeedsList(desk, open_list, run_now)
        self.needs.resolved.connect(self.refresh)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Always there, so the lines wrap at the width they are shown at (no line cut short
        # when a scroll bar appears after their heights were measured without it).
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.needs)
        needs_box = QGroupBox(self.tr("Needs you"))
        needs_box.setObjectName("needsYou")
        QVBoxLayout(needs_box).addWidget(scroll)

        self.figures: dict[str, QLabel] = {}
        night = QGroupBox(self.tr("Last night"))
        night.setObjectName("lastNight")
        grid = QGridLayout(night)
        self.night_title = QLabel(self.tr("Reading…"))
        self.night_title.setWordWrap(True)
        grid.addWidget(self.night_title, 0, 0, 1, 3)
        self.night_note = QLabel()
        self.night_note.setObjectName("nightNote")
        self.night_note.setWordWrap(True)
        self.night_note.hide()
        grid.addWidget(self.night_note, 1, 0, 1, 3)
        captions = {"collected": self.tr("collected"), "payments": self.tr("payments"),
                    "failed": self.tr("failed"), "retried": self.tr("retried"),
                    "notices": self.tr("notices"), "emails": self.tr("e-mails")}
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        for n, (key, caption) in enumerate(captions.items()):
            value = QLabel("—")
            value.setFont(big)
            value.setObjectName(f"figure_{key}")
            words = QLabel(caption)
            cell = QVBoxLayout()
            cell.addWidget(value)
            cell.addWidget(words)
            grid.addLayout(cell, 2 + n // 3, n % 3)
            self.figures[key] = value
        grid.setRowStretch(grid.rowCount(), 1)
        self._captions = captions

        self.upcoming = ChartBox(self.tr("Charges, next 60 days"), "chartUpcoming",
                                 self.tr("Charges, next 60 days (the part at risk in red)"))
        self.failures = ChartBox(self.tr("Failed payments, last 90 days"), "chartFailures",
                                 self.tr("Failed payments, last 90 days, by how they ended"))
        self.collected = ChartBox(self.tr("Collected per month"), "chartCollected")
        for box in (self.upcoming, self.failures, self.collected):
            box.opened.connect(self.opened)

        top = QHBoxLayout()  # the needs get most of the room: their sentences wrap
        top.addWidget(needs_box, 5)
        top.addWidget(night, 2)
        charts = QHBoxLayout()
        charts.setSpacing(12)
        charts.addWidget(self.upcoming, 3)
        charts.addWidget(self.failures, 2)
        charts.addWidget(self.collected, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top, 3)
        layout.addLayout(charts, 2)
        self.setAccessibleName(self.tr("Home"))

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown:  # read when first on screen, then on every refresh
            self._shown = True
            self.refresh()
        elif self._charts_wanted:  # asked for while another tab was shown
            QTimer.singleShot(0, self, self._read_charts_if_shown)  # not once the page is gone
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        """Both reads again (after a run, an action, a change seen elsewhere); the page keeps
        what it shows until the answers come."""
        language = self.desk.language.code
        first, self._first = (self._first.take() if self._first else None), None
        if first is not None and first.as_of == self.desk.today():
            self.show_home(first)  # on the first paint, not a read later
        else:
            self.desk.read("home needs", lambda ctx: home_reads.home(ctx, language),
                           self.show_home)
        self._drawing += 1  # a newer read's charts replace an older one's still being drawn
        self._charts_wanted = True
        QTimer.singleShot(0, self, self._read_charts_if_shown)  # not once the page is gone

    @Slot()
    def _read_charts_if_shown(self) -> None:
        """The charts are read for a page on screen: someone who went straight to a list at
        the start has its rows read first, and the charts when the page is shown again."""
        if self._charts_wanted and self.isVisible():
            self._charts_wanted = False
            self.desk.read("home charts", _read_charts, self.show_charts)

    def show_home(self, data: home_reads.Home) -> None:
        self.data = data
        self.needs.show_needs(data.needs)
        self._show_night(data.last_run)
        if len(data.needs) != self.count:
            self.count = len(data.needs)
            self.countChanged.emit(self.count)
        self.needsShown.emit()

    def show_charts(self, charts: home_charts.Charts) -> None:
        steps = chart_steps(self.upcoming, self.failures, self.collected, charts,
                            self.desk.language)
        self._draw(self._drawing, charts, steps)

    def _draw(self, drawing: int, charts: home_charts.Charts,
              steps: list[Callable[[], None]]) -> None:
        """One chart, then the event loop's turn (it paints it) before the next."""
        if drawing != self._drawing:
            return
        steps[0]()
        if steps[1:]:
            QTimer.singleShot(0, self, lambda: self._draw(drawing, charts, steps[1:]))
            return
        self.charts = charts
        self.chartsShown.emit()

    def _show_night(self, record: RunRecord | None) -> None:
        lang = self.desk.language
        if record is None:
            self.night_title.setText(self.tr("No run yet."))
            self.night_note.hide()
            for label in self.figures.values():
                label.setText("—")
            return
        title = self.tr("Run as of %1").replace("%1", lang.day(record.as_of))
        if record.failed:
            title += " — " + self.tr("stopped on an error")
        elif record.cancelled:
            title += " — " + self.tr("cancelled; the next run does the rest")
        self.night_title.setText(title)
        if record.failed:  # it stopped before its figures: none are shown as zeros
            self.night_note.hide()
            for key, label in self.figures.items():
                label.setText("—")
                label.setAccessibleName(f"{self._captions[key]}: —")
            return
        if not record.payments:  # the figures stay; a sentence says what the zeros mean
            self.night_note.setText(self.tr("Nothing was due that night.") if not record.declined
                                    else self.tr("Nothing was collected this time."))
        self.night_note.setVisible(not record.payments)
        values = {"collected": " + ".join(lang.money(m) for m in record.collected) or
                  lang.money(Money(0, self.charts.currency if self.charts else "EUR")),
                  "payments": str(record.payments), "failed": str(record.declined),
                  "retried": str(record.retried), "notices": str(record.notices),
                  "emails": str(record.emails)}
        for key, label in self.figures.items():
            label.setText(values[key])
            label.setAccessibleName(f"{self._captions[key]}: {values[key]}")
