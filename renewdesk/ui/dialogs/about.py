"""Help > About renewdesk: the version, the database, the processor's mode, Qt and Python, with
a Copy button for a message to support. Everything shown is already in memory (the App's URL,
its processor): nothing is read from the database or the keyring."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from renewdesk import __version__
from renewdesk.app import App
from renewdesk.services.first_run import database_shown
from renewdesk.ui.mode_badge import STYLES, mode_text


class AboutDialog(QDialog):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About renewdesk"))
        mode = app.mode()
        self.facts: list[tuple[str, str]] = [
            (self.tr("Version:"), __version__),
            (self.tr("Database:"), database_shown(app.url)),
            (self.tr("Payment processor:"), mode_text(mode)),
            (self.tr("Qt:"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
            (self.tr("Python:"), f"{platform.python_version()} ({platform.platform()})"),
        ]
        title = QLabel("renewdesk")
        title.setStyleSheet("font-size: 18pt; font-weight: bold")
        intro = QLabel(self.tr("Renewals, installments and saved cards for resellers."))
        form = QFormLayout()
        for label, value in self.facts:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            if label == self.tr("Payment processor:"):
                shown.setStyleSheet(STYLES.get(mode, ""))
                shown.setObjectName("aboutMode")
            form.addRow(label, shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.setObjectName("copyAbout")
        self.copy.setAccessibleName(self.tr("Copy these details for support"))
        self.copy.clicked.connect(self.copy_text)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.copied = QLabel()
        self.copied.setObjectName("copied")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        close.setFocus()

    def text(self) -> str:
        """What Copy puts on the clipboard: one fact a line, as shown."""
        return "renewdesk\n" + "\n".join(f"{label} {value}" for label, value in self.facts)

    @Slot()
    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copied.setText(self.tr("Copied: paste it into your message to support."))
