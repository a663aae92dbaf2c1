"""The home page's three charts (HM-1), from `services.home_charts`: what each bar shows, its
words and what it opens, with axes and legends read in the window's language. QtCharts itself
is only imported (`home_chart_view`) when the first figures arrive; until then each box shows
its title and "Reading…".

A bar's click opens the list of what it counts, for its days (`opened` carries the list's key,
its filter and the days). From the keyboard: Tab reaches a chart, Left/Right choose a bar (its
figures are read out in the line under it and in its accessible description), Enter opens it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from renewdesk.domain.money import Money, currency_exponent
from renewdesk.ui.i18n import Language

if TYPE_CHECKING:
    from renewdesk.services.home_charts import Charts, DayCharges, FailureBin, MonthCollected
    from renewdesk.ui.views.home_chart_view import ChartView

translate = QCoreApplication.translate

COLOURS = {"renewals": "#4e79a7", "installments": "#59a14f", "usage": "#b07aa1",
           "at_risk": "#e15759", "retry": "#59a14f", "customer": "#4e79a7",
           "manual": "#f28e2b", "lost": "#e15759", "collected": "#4e79a7"}
DAY_TICKS = 7  # a label under every week's first day on the 60 days' chart
WEEK_TICKS = 4  # and every fourth week on the failures' one
MONTH_TICKS = 2  # every other month: a month's width is too narrow for its name


@dataclass(frozen=True)
class Axis:
    """Where the labels stand (bar indexes, or values) and what they say."""

    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    title: str = ""


class _Bar:
    """What one bar (one set at one index) opens, and its words: written when the bar is
    chosen, not for every bar when the chart is drawn (a money's words cost a fraction of a
    millisecond each, hundreds of them would hold the GUI thread)."""

    def __init__(self, listing: str, filter_: str, since: date, until: date,
                 words: Callable[[], str]) -> None:
        self.listing, self.filter, self.since, self.until = listing, filter_, since, until
        self.words = words

    @property
    def text(self) -> str:
        return self.words()


class ChartBox(QWidget):
    """A title, the chart (once its figures came), its legend, and the line saying the chosen
    (or hovered) bar's figures. Title and legend are labels, so they wrap rather than cut."""

    opened = Signal(str, str, object, object)  # listing, filter, since, until

    def __init__(self, title: str, name: str, words: str = "",
                 parent: QWidget | None = None) -> None:
        """`title` short, to stand on one line; `words`, the longer title, in its tooltip."""
        super().__init__(parent)
        self.setObjectName(name)
        self.title = words or title
        heading = QLabel(title)
        heading.setToolTip(self.title)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        self.small = QFont(self.font())
        self.small.setPointSizeF(max(7.0, self.small.pointSizeF() * 0.85))
        self.placeholder = QLabel(self.tr("Reading…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.legend = QWidget()
        self.legend_grid = QGridLayout(self.legend)
        self.legend_grid.setContentsMargins(4, 0, 4, 0)
        self.legend_grid.setHorizontalSpacing(10)
        self.legend_grid.setVerticalSpacing(0)
        self.line = QLabel(" ")
        self.line.setWordWrap(True)
        self.line.setObjectName(f"{name}Line")
        self.line.setFont(self.small)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self.layout_.addWidget(heading)
        self.layout_.addWidget(self.placeholder, 1)
        self.layout_.addWidget(self.legend)
        self.layout_.addWidget(self.line)
        self.view: ChartView | None = None
        self.bars: list[dict[str, _Bar]] = []  # per index: set name -> what it opens
        self.current = -1
        self.setAccessibleName(title)

    def fill(self, stacks: dict[str, tuple[str, list[float]]], bars: list[dict[str, _Bar]],
             x: Axis, y: Axis, legend: dict[str, tuple[str, str]] | None = None,
             columns: int = 4) -> None:
        """`legend`: per set, its short name and its words in full (the tooltip)."""
        from renewdesk.ui.views import home_chart_view  # QtCharts: only now (HM-1 start time)

        if self.view is None:
            self.view = home_chart_view.ChartView(self)
            self.view.setObjectName(f"{self.objectName()}View")
            self.view.setAccessibleName(self.title)
            self.layout_.replaceWidget(self.placeholder, self.view)
            self.layout_.setStretchFactor(self.view, 1)
            self.placeholder.hide()
        home_chart_view.draw(self.view, stacks, COLOURS, x, y, self.small, self.open,
                             self.show_bar)
        self._legend(legend or {}, columns)
        self.bars = bars
        self.current = min(self.current, len(bars) - 1)

    def _legend(self, legend: dict[str, tuple[str, str]], columns: int) -> None:
        while (item := self.legend_grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for n, (key, (name, words)) in enumerate(legend.items()):
            swatch = QLabel()
            swatch.setFixedSize(10, 10)
            swatch.setStyleSheet(f"background: {COLOURS[key]};")
            text = QLabel(name)
            text.setFont(self.small)
            text.setToolTip(words)
            row, column = divmod(n, columns)
            self.legend_grid.addWidget(swatch, row, 2 * column)
            self.legend_grid.addWidget(text, row, 2 * column + 1)
        for column in range(columns):
            self.legend_grid.setColumnStretch(2 * column + 1, 1)
        self.legend.setVisible(bool(legend))

    def show_bar(self, index: int, key: str | None = None) -> None:
        if not 0 <= index < len(self.bars):
            return
        entry = self.bars[index]
        bar = entry.get(key) if key else None
        text = bar.text if bar else next(iter(entry.values())).text if entry else ""
        self.line.setText(text)
        if self.view is not None:
            self.view.setAccessibleDescription(text)
            self.view.setToolTip(text)

    def open(self, index: int, key: str | None = None) -> None:
        if not 0 <= index < len(self.bars) or not self.bars[index]:
            return
        entry = self.bars[index]
        bar = entry.get(key) if key else None
        bar = bar or next(iter(entry.values()))
        self.opened.emit(bar.listing, bar.filter, bar.since, bar.until)

    def step(self, by: int) -> None:
        if self.bars:
            self.current = max(0, min(len(self.bars) - 1, self.current + by))
            self.show_bar(self.current)


def _major(minor: int, currency: str) -> float:
    """A bar's height in major units: only drawn; every figure read is formatted from minor."""
    return minor / 10 ** currency_exponent(currency) if minor else 0.0


def value_axis(top: float, language: Language, title: str, most: int = 5) -> Axis:
    """From 0 to a round figure at or above `top`, at most `most` steps of 1, 2 or 5 times a
    power of ten: whole numbers only (a count is never 1.5), grouped as the locale writes them."""
    raw = max(top / most, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    steps = max(1, math.ceil(top / step))
    high = steps * step

    def words(value: int) -> str:
        if high >= 10_000:
            return str(format_compact_decimal(value, format_type="short",
                                              locale=language.locale, fraction_digits=1))
        return str(format_decimal(value, locale=language.locale))

    return Axis(0, high, tuple((k * step, words(k * step)) for k in range(steps + 1)), title)


def index_axis(labels: dict[int, str], count: int, title: str = "") -> Axis:
    """Bars at 0..count-1, with labels under some of them."""
    return Axis(-0.5, count - 0.5, tuple(sorted(labels.items())), title)


def day_labels(days: list[date], language: Language) -> dict[int, str]:
    """A label every DAY_TICKS days: the month's name with the first of each month shown (and
    the first), the day's number alone otherwise, so French months fit in a week's width."""
    labels: dict[int, str] = {}
    month = None
    for i in range(0, len(days), DAY_TICKS):
        day = days[i]
        text = str(day.day)
        if day.month != month or text in labels.values():
            text = str(format_date(day, "d MMM", locale=language.locale))
        month = day.month
        labels[i] = text
    return labels


def _top(stacks: dict[str, tuple[str, list[float]]]) -> float:
    columns = zip(*(values for _label, values in stacks.values()), strict=True)
    return max((sum(c) for c in columns), default=0.0)


def chart_steps(upcoming: ChartBox, failures: ChartBox, collected: ChartBox, charts: Charts,
                language: Language) -> list[Callable[[], None]]:
    """Each chart drawn on its own, so the page can let the event loop turn (and paint) between
    them: the GUI thread is held for one chart at a time, never for the three."""
    return [partial(_fill_upcoming, upcoming, charts, language),
            partial(_fill_failures, failures, charts, language),
            partial(_fill_collected, collected, charts, language)]


def fill_charts(upcoming: ChartBox, failures: ChartBox, collected: ChartBox, charts: Charts,
                language: Language) -> None:
    for step in chart_steps(upcoming, failures, collected, charts, language):
        step()


def _fill_upcoming(box: ChartBox, charts: Charts, language: Language) -> None:
    cur = charts.currency
    names = {"renewals": translate("HomeCharts", "Renewals"),
             "installments": translate("HomeCharts", "Installments"),
             "usage": translate("HomeCharts", "Usage"),
             "at_risk": translate("HomeCharts", "At risk")}
    stacks: dict[str, tuple[str, list[float]]] = {k: (names[k], []) for k in names}
    bars: list[dict[str, _Bar]] = []
    for day in charts.upcoming:
        safe = [a - r for a, r in zip(day.amounts, day.at_risk, strict=True)]
        for k, key in enumerate(("renewals", "installments", "usage")):
            stacks[key][1].append(_major(safe[k], cur))
        stacks["at_risk"][1].append(_major(sum(day.at_risk), cur))
        text = partial(_day_words, day, cur, language)
        entry = {"renewals": _Bar("renewals", "", day.day, day.day, text),
                 "installments": _Bar("orders", "", day.day, day.day, text)}
        entry["at_risk"] = entry["renewals"] if day.at_risk[0] else entry["installments"]
        entry["usage"] = entry["renewals"] if day.amounts[0] else entry["installments"]
        bars.append(entry)
    box.fill(stacks, bars, index_axis(day_labels([d.day for d in charts.upcoming], language),
                                      len(charts.upcoming)),
             value_axis(_top(stacks), language, cur),
             {k: (name, name) for k, name in names.items()})


def _day_words(day: DayCharges, cur: str, language: Language) -> str:
    def money(minor: int) -> str:
        return language.money(Money(minor, cur))

    return (translate("HomeCharts", "%1: renewals %2, installments %3, usage %4; at risk %5")
            .replace("%1", language.day(day.day)).replace("%2", money(day.amounts[0]))
            .replace("%3", money(day.amounts[1])).replace("%4", money(day.amounts[2]))
            .replace("%5", money(sum(day.at_risk))))


def _week_words(b: FailureBin, language: Language) -> str:
    return (translate("HomeCharts", "%1 to %2: %3 failed payment(s); retry %4, customer %5, "
                      "manual %6, lost %7")
            .replace("%1", language.day(b.since)).replace("%2", language.day(b.until))
            .replace("%3", str(sum(b.ended))).replace("%4", str(b.ended[0]))
            .replace("%5", str(b.ended[1])).replace("%6", str(b.ended[2]))
            .replace("%7", str(b.ended[3])))


def _month_words(m: MonthCollected, cur: str, language: Language) -> str:
    return (translate("HomeCharts", "%1: %2 collected in %3 payment(s)")
            .replace("%1", str(format_date(m.month, "LLLL y", locale=language.locale)))
            .replace("%2", language.money(Money(m.amount, cur)))
            .replace("%3", str(m.payments)))


def _fill_failures(box: ChartBox, charts: Charts, language: Language) -> None:
    endings = {"retry": translate("HomeCharts", "Recovered by a retry"),
               "customer": translate("HomeCharts", "Paid by the customer"),
               "manual": translate("HomeCharts", "By a manual attempt"),
               "lost": translate("HomeCharts", "Lost or still unpaid")}
    short = {"retry": translate("HomeCharts", "Retry"),
             "customer": translate("HomeCharts", "Customer"),
             "manual": translate("HomeCharts", "Manual"),
             "lost": translate("HomeCharts", "Lost")}
    stacks = {k: (endings[k], [float(b.ended[i]) for b in charts.failures])
              for i, k in enumerate(endings)}
    bars = []
    for b in charts.failures:
        text = partial(_week_words, b, language)
        bars.append({k: _Bar("payments", "failed", b.since, b.until, text) for k in endings})
    last = len(charts.failures) - 1
    weeks = {i: str(format_date(b.until, "d MMM", locale=language.locale))
             for i, b in enumerate(charts.failures) if (last - i) % WEEK_TICKS == 0}
    span = translate("HomeCharts", "By week, %1 to %2").replace(
        "%1", language.day(charts.failures[0].since)).replace(
        "%2", language.day(charts.failures[-1].until))
    box.fill(stacks, bars, index_axis(weeks, len(charts.failures), span),
             value_axis(_top(stacks), language, translate("HomeCharts", "payments")),
             {k: (short[k], endings[k]) for k in endings})


def _fill_collected(box: ChartBox, charts: Charts, language: Language) -> None:
    cur = charts.currency
    stacks = {"collected": (translate("HomeCharts", "Collected"),
                            [_major(m.amount, cur) for m in charts.collected])}
    bars = []
    for m in charts.collected:
        text = partial(_month_words, m, cur, language)
        bars.append({"collected": _Bar("payments", "paid", m.month, m.until, text)})
    last = len(charts.collected) - 1
    months = {i: str(format_date(m.month, "LLL", locale=language.locale))
              for i, m in enumerate(charts.collected) if (last - i) % MONTH_TICKS == 0}
    span = (f"{format_date(charts.collected[0].month, 'LLL y', locale=language.locale)} – "
            f"{format_date(charts.collected[-1].month, 'LLL y', locale=language.locale)}")
    box.fill(stacks, bars, index_axis(months, len(charts.collected), span),
             value_axis(_top(stacks), language, cur))
