"""Small pieces the dialogs share: error boxes, a coloured check table, rule messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

from renewdesk.domain.refusal_words import words
from renewdesk.ui.models.table import STATUS_COLOURS


def refusal_text(error: BaseException) -> str:
    """A refusal in the words of the window's language (the locale its translator set)."""
    return words(error, QLocale().name()[:2])


def show_error(parent: QWidget | None, message: str | BaseException) -> None:
    """Refusals and errors: the rule's own message, which names the problem, in the window's
    language."""
    text = message if isinstance(message, str) else refusal_text(message)
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Errors", "Not done"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()


class SendingDialog(QDialog):
    """A dialog whose change is made off the GUI thread (`Desk.change` disables it meanwhile):
    it cannot be closed until the answer has come, so what it sent is never left unreported."""

    def reject(self) -> None:
        if self.isEnabled():
            super().reject()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A result worth reading, shown without stopping the window (window-modal, not blocking)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("infoBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


LEVEL_COLOURS = {"ok": STATUS_COLOURS["active"], "warning": STATUS_COLOURS["pending"],
                 "error": STATUS_COLOURS["failed"]}


def level_text(level: str) -> str:
    return {"ok": QCoreApplication.translate("Check", "OK"),
            "warning": QCoreApplication.translate("Check", "Warning"),
            "error": QCoreApplication.translate("Check", "Error")}.get(level, level)


def fill_table(table: QTableWidget, headers: list[str], rows: list[tuple[str, ...]],
               colour_column: int | None = None, colours: dict[str, object] | None = None,
               keys: list[str] | None = None) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if colour_column == c and colours and keys:
                colour = colours.get(keys[r])
                if colour is not None:
                    item.setForeground(QBrush(colour))
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)


CONTROLS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton,
            QAbstractItemView)


def _first_control(layout: QLayout) -> QWidget | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        if isinstance(widget, CONTROLS):
            return widget
        inner = item.layout()
        found = _first_control(inner) if inner is not None else None
        if found is not None:
            return found
    return None


def label_fields(form: QFormLayout) -> None:
    """Each row's label made the buddy of the first control of its field when the field is a
    layout (a control with its problem line under it, a date range, a path with Browse): Qt
    does it for a field that is a widget only. A screen reader then says the control by its
    label, and the label's Alt+letter reaches it."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        words = label.widget() if label is not None else None
        inner = field.layout() if field is not None else None
        if isinstance(words, QLabel) and words.buddy() is None and inner is not None:
            control = _first_control(inner)
            if control is not None:
                words.setBuddy(control)


def name(widget: QWidget, words: str) -> None:
    """An accessible name where no label says it (a table, a lone field under a sentence)."""
    widget.setAccessibleName(words.replace("&", "").rstrip(": ").strip())
