"""Small pieces the dialogs share: error boxes, a coloured check table, rule messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
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
                    item.setForeground(QBrush(colour))  # type: ignore[arg-type]
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
