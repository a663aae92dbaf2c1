"""The home page's three charts (HM-1), drawn with QtCharts from `services.home_charts`.

A bar's click opens the list of what it counts, for its days (`opened` carries the list's key,
its filter and the days). From the keyboard: Tab reaches a chart, Left/Right choose a bar (its
figures are read out in the line under it and in its accessible description), Enter opens it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from renewdesk.domain.money import Money, currency_exponent
from renewdesk.services.home_charts import Charts
from renewdesk.ui.i18n import Language

translate = QCoreApplication.translate

COLOURS = {"renewals": "#4e79a7", "installments": "#59a14f", "usage": "#b07aa1",
           "at_risk": "#e15759", "retry": "#59a14f", "customer": "#4e79a7",
           "manual": "#f28e2b", "lost": "#e15759", "collected": "#4e79a7"}


class _Bar:
    """What one bar (one set at one index) opens, and its words."""

    def __init__(self, listing: str, filter_: str, since: date, until: date, text: str) -> None:
        self.listing, self.filter, self.since, self.until, self.text = (listing, filter_, since,
                                                                        until, text)


class ChartBox(QWidget):
    """A title, the chart, and the line saying the chosen (or hovered) bar's figures."""

    opened = Signal(str, str, object, object)  # listing, filter, since, until

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.chart = QChart()
        self.chart.setTitle(title)
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setBackgroundRoundness(0)
        self.view = _View(self)
        self.view.setChart(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAccessibleName(title)
        self.line = QLabel(" ")
        self.line.setWordWrap(True)
        self.line.setObjectName(f"{name}Line")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.line)
        self.bars: list[dict[str, _Bar]] = []  # per index: set name -> what it opens
        self.sets: dict[str, QBarSet] = {}
        self.current = -1

    def fill(self, categories: list[str], stacks: dict[str, tuple[str, list[float]]],
             bars: list[dict[str, _Bar]], axis_title: str, span: str = "") -> None:
        """`span` (the days, in words) stands under the bars instead of their labels when they
        are too many to read."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QStackedBarSeries()
        self.sets = {}
        for key, (label, values) in stacks.items():
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(COLOURS[key]))
            bar_set.setBorderColor(QColor(COLOURS[key]))
            bar_set.append(values)
            bar_set.clicked.connect(lambda index, k=key: self.open(index, k))
            bar_set.hovered.connect(lambda on, index, k=key: self.show_bar(index, k) if on
                                    else None)
            series.append(bar_set)
            self.sets[key] = bar_set
        series.setBarWidth(0.8)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(categories)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        x.setLabelsFont(small)
        if span:
            x.setLabelsVisible(False)
            x.setTitleText(span)
            x.setTitleFont(small)
        self.chart.legend().setFont(small)
        y = QValueAxis()
        y.setLabelFormat("%.0f")
        y.setLabelsFont(small)
        y.setTitleText(axis_title)
        y.setTitleFont(small)
        top = max((sum(v[i] for _label, v in stacks.values()) for i in range(len(categories))),
                  default=0.0)
        y.setRange(0, top * 1.1 or 1)
        y.applyNiceNumbers()
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self.bars = bars
        self.current = min(self.current, len(bars) - 1)

    def show_bar(self, index: int, key: str | None = None) -> None:
        if not 0 <= index < len(self.bars):
            return
        entry = self.bars[index]
        bar = entry.get(key) if key else None
        text = bar.text if bar else next(iter(entry.values())).text if entry else ""
        self.line.setText(text)
        self.view.setAccessibleDescription(text)

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


class _View(QChartView):
    def __init__(self, box: ChartBox) -> None:
        super().__init__()
        self.box = box

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.box.step(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.box.step(-10_000 if key == Qt.Key.Key_Home else 10_000)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.box.open(self.box.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.box.current < 0:
            self.box.step(1)
        else:
            self.box.show_bar(self.box.current)
        super().focusInEvent(event)


def _major(minor: int, currency: str) -> float:
    """A bar's height in major units: only drawn; every figure read is formatted from minor."""
    return minor / 10 ** currency_exponent(currency) if minor else 0.0


def fill_charts(upcoming: ChartBox, failures: ChartBox, collected: ChartBox, charts: Charts,
                language: Language) -> None:
    cur = charts.currency

    def money(minor: int) -> str:
        return language.money(Money(minor, cur))

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
        text = (translate("HomeCharts", "%1: renewals %2, installments %3, usage %4; at risk %5")
                .replace("%1", language.day(day.day)).replace("%2", money(day.amounts[0]))
                .replace("%3", money(day.amounts[1])).replace("%4", money(day.amounts[2]))
                .replace("%5", money(sum(day.at_risk))))
        entry = {"renewals": _Bar("renewals", "", day.day, day.day, text),
                 "installments": _Bar("orders", "", day.day, day.day, text)}
        entry["at_risk"] = entry["renewals"] if day.at_risk[0] else entry["installments"]
        entry["usage"] = entry["renewals"] if day.amounts[0] else entry["installments"]
        bars.append(entry)
    labels = [d.day.isoformat() for d in charts.upcoming]
    span = translate("HomeCharts", "%1 to %2").replace("%1", language.day(charts.upcoming[0].day)) \
        .replace("%2", language.day(charts.upcoming[-1].day))
    upcoming.fill(labels, stacks, bars, cur, span)

    endings = {"retry": translate("HomeCharts", "Recovered by a retry"),
               "customer": translate("HomeCharts", "Paid by the customer"),
               "manual": translate("HomeCharts", "By a manual attempt"),
               "lost": translate("HomeCharts", "Lost or still unpaid")}
    stacks = {k: (endings[k], [float(b.ended[i]) for b in charts.failures])
              for i, k in enumerate(endings)}
    bars = []
    for b in charts.failures:
        text = (translate("HomeCharts", "%1 to %2: %3 failed payment(s); retry %4, customer %5, "
                          "manual %6, lost %7")
                .replace("%1", language.day(b.since)).replace("%2", language.day(b.until))
                .replace("%3", str(sum(b.ended))).replace("%4", str(b.ended[0]))
                .replace("%5", str(b.ended[1])).replace("%6", str(b.ended[2]))
                .replace("%7", str(b.ended[3])))
        bars.append({k: _Bar("payments", "failed", b.since, b.until, text) for k in endings})
    span = translate("HomeCharts", "By week, %1 to %2").replace(
        "%1", language.day(charts.failures[0].since)).replace(
        "%2", language.day(charts.failures[-1].until))
    failures.fill([b.until.isoformat() for b in charts.failures], stacks, bars,
                  translate("HomeCharts", "payments"), span)

    stacks = {"collected": (translate("HomeCharts", "Collected"),
                            [_major(m.amount, cur) for m in charts.collected])}
    bars = []
    for m in charts.collected:
        text = (translate("HomeCharts", "%1: %2 collected in %3 payment(s)")
                .replace("%1", f"{m.month:%m/%Y}").replace("%2", money(m.amount))
                .replace("%3", str(m.payments)))
        bars.append({"collected": _Bar("payments", "paid", m.month, m.until, text)})
    collected.fill([f"{m.month:%m}" for m in charts.collected], stacks, bars, cur,
                   f"{charts.collected[0].month:%m/%Y} – {charts.collected[-1].month:%m/%Y}")
    collected.chart.legend().setVisible(False)
