"""One list of the main window: a search box, a filter, the table and the buttons acting on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services.listing import Query, Row
from renewdesk.ui import i18n
from renewdesk.ui.models.table import ListingModel

SEARCH_DELAY_MS = 250  # typing pauses this long before the list is searched
FIT_ROWS = 40  # the rows a column is fitted to: a million-row list is not read to size it


class ListPage(QWidget):
    selectionChanged = Signal()
    activated = Signal(str)  # the reference of a double-clicked row

    def __init__(self, model: ListingModel, search_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setAccessibleName(search_hint)  # the list's own name: its caller's title
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        self.filter.addItem(i18n.filter_title(""), "")
        for key in model.listing.filters:
            self.filter.addItem(i18n.filter_title(key), key)
        self.count = QLabel()
        # HM-1: the days a home page's bar opened the list on, until cleared.
        self.days: tuple[date, date] | None = None
        self.days_label = QLabel()
        self.days_label.setObjectName("days")
        self.days_clear = QToolButton()
        self.days_clear.setText("✕")
        self.days_clear.setObjectName("clearDays")
        self.days_clear.setToolTip(QCoreApplication.translate("ListPage", "Show every day"))
        self.days_clear.setAccessibleName(QCoreApplication.translate("ListPage",
                                                                     "Show every day"))
        self.days_clear.clicked.connect(lambda: self.set_days(None))
        self.days_label.hide()
        self.days_clear.hide()
        self.table = QTableView()
        self.table.setModel(model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(130)
        # The rows arrive after the list is built: the columns are fitted once they have, to the
        # first rows only (unless widths the user set were restored: `keep_column_widths`).
        self._fitted = False
        self.buttons = QHBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.filter, 1)
        top.addWidget(self.days_label)
        top.addWidget(self.days_clear)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.buttons.addStretch(1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.apply_query)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self.apply_query)
        self.filter.currentIndexChanged.connect(self.apply_query)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        model.countChanged.connect(self._show_count)
        model.modelReset.connect(self._selection_changed)
        # Rows arriving from the worker may be selected ones: the buttons look at them again.
        model.dataChanged.connect(self._selection_changed)
        model.dataChanged.connect(self._fit_columns)
        self._show_count(model.rowCount())

    def showEvent(self, event: QShowEvent) -> None:
        self.model.activate()  # a list is read when it is first on screen
        super().showEvent(event)

    def keep_column_widths(self) -> None:
        """The widths are the user's (restored from the last session): never fitted again."""
        self._fitted = True

    @property
    def columns_settled(self) -> bool:
        """The columns were fitted to rows or restored: their widths are worth keeping (a list
        never shown keeps Qt's defaults, which would stop it being fitted next time)."""
        return self._fitted

    @Slot()
    def _fit_columns(self) -> None:
        """Once, when the first rows have arrived: each column as wide as what its first rows
        show, measured from their text: Qt's own fitting asks the model every cell's size, role
        by role, long enough on a list's first rows to make the window stall."""
        if self._fitted or not self.model.has_rows:
            return
        self._fitted = True
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        margin = 2 * self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 8
        for column in range(self.model.columnCount() - 1):  # the last one stretches
            texts = self.model.shown_texts(column, FIT_ROWS)
            width = max((metrics.horizontalAdvance(text) for text in texts), default=0) + margin
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

    def add_button(self, button: QPushButton) -> QPushButton:
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    @Slot()
    def apply_query(self) -> None:
        self._typing.stop()
        query = self.model.query
        since, until = self.days or (None, None)
        self.model.set_query(Query(self.search.text().strip(), str(self.filter.currentData() or ""),
                                   query.sort, query.descending, since, until))

    def set_days(self, days: tuple[date, date] | None, words: str = "",
                 filter_key: str | None = None) -> None:
        """Only the rows of these days (both included), said by `words`; None: every day.
        `filter_key` chooses the filter too (a bar of failed payments opens on the failed)."""
        self.days = days
        self.days_label.setText(words)
        self.days_label.setVisible(days is not None)
        self.days_clear.setVisible(days is not None)
        if filter_key is not None:
            self.filter.blockSignals(True)
            self.filter.setCurrentIndex(max(0, self.filter.findData(filter_key)))
            self.filter.blockSignals(False)
        self.apply_query()

    def selected_rows(self) -> list[Row]:
        """The named rows of the selection, in list order; none while any of them is still
        being read (it is asked for, and the buttons are enabled again when it arrives)."""
        numbers = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        rows = [self.model.row(number) for number in numbers]
        return [] if None in rows else [row for row in rows if row is not None]

    def selected_refs(self) -> list[str]:
        return [self.model.listing.ref(row) for row in self.selected_rows()]

    def current_row(self) -> Row | None:
        """The one selected row, or None when none or several are selected (or it is still
        being read)."""
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def current_ref(self) -> str | None:
        refs = self.selected_refs()
        return refs[0] if len(refs) == 1 else None

    @Slot()
    def update_buttons(self) -> None:
        """Enable the buttons that fit the selection; pages with buttons override it."""

    @Slot()
    def _selection_changed(self) -> None:
        self.selectionChanged.emit()

    @Slot(object)
    def _double_clicked(self, index: object) -> None:
        ref = self.model.ref(index.row())  # type: ignore[attr-defined]
        if ref is not None:
            self.activated.emit(ref)

    @Slot(int)
    def _show_count(self, count: int) -> None:
        # Explicit context: tr() would use the subclass's name, which lupdate cannot know.
        self.count.setText(QCoreApplication.translate("ListPage", "%n row(s)", "", count))
