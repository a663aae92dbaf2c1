"""The QtCharts side of the home page's charts (HM-1): imported when the first chart's figures
arrive, not when the window starts, so QtCharts costs nothing before the page is painted.

`draw` puts stacks of bars on a chart with the axes `home_charts` computed (ticks as values and
labels already in the reader's language); the view passes keys to its box (`ChartBox`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCharts import QBarSet, QCategoryAxis, QChart, QChartView, QStackedBarSeries
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPainter

if TYPE_CHECKING:
    from renewdesk.ui.views.home_charts import Axis, ChartBox


class ChartView(QChartView):
    """The chart, without its title or legend (the box shows them as labels, which wrap)."""

    def __init__(self, box: ChartBox) -> None:
        chart = QChart()
        chart.setMargins(QMargins(0, 4, 4, 0))
        chart.setBackgroundRoundness(0)
        chart.legend().setVisible(False)
        super().__init__(chart)
        self.box = box
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

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


def _axis(axis: Axis, font: QFont) -> QCategoryAxis:
    """Labels on the values given (integers on a count's axis, days under their bars)."""
    out = QCategoryAxis()
    out.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    out.setRange(axis.low, axis.high)
    out.setStartValue(axis.low)
    for value, label in axis.ticks:
        out.append(label, value)
    out.setLabelsFont(font)
    if axis.title:
        out.setTitleText(axis.title)
        out.setTitleFont(font)
    return out


def draw(view: ChartView, stacks: dict[str, tuple[str, list[float]]], colours: dict[str, str],
         x: Axis, y: Axis, font: QFont, clicked: Callable[[int, str], None],
         hovered: Callable[[int, str], None]) -> None:
    chart = view.chart()
    chart.removeAllSeries()
    for old in chart.axes():
        chart.removeAxis(old)
    series = QStackedBarSeries()
    for key, (label, values) in stacks.items():
        bar_set = QBarSet(label)
        bar_set.setColor(QColor(colours[key]))
        bar_set.setBorderColor(QColor(colours[key]))
        bar_set.append(values)
        bar_set.clicked.connect(lambda index, k=key: clicked(index, k))
        bar_set.hovered.connect(lambda on, index, k=key: hovered(index, k) if on else None)
        series.append(bar_set)
    series.setBarWidth(0.8)
    chart.addSeries(series)
    bottom, left = _axis(x, font), _axis(y, font)
    bottom.setGridLineVisible(False)
    chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(bottom)
    series.attachAxis(left)
