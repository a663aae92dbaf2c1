"""Import an exchange file from the window (issue 18): the file is previewed first (what would
be created and updated, every refusal with its position), then "Import" writes it, all or
nothing. Reading the file, the preview and the import all run off the GUI thread
(`Desk.change`); only the path and frozen results cross."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services.context import Context
from renewdesk.services.exchange.preview import Imported, Preview, apply_document, preview_document
from renewdesk.services.exchange.reader import load_file
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.import_preview import PreviewPanel
from renewdesk.ui.widgets import SendingDialog


def preview_file(ctx: Context, path: Path) -> Preview:
    return preview_document(ctx, load_file(path, path.name))


def import_file(ctx: Context, path: Path) -> Imported:
    return apply_document(ctx, load_file(path, path.name))


class ImportFileDialog(SendingDialog):
    def __init__(self, desk: Desk, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importFileDialog")
        self._desk = desk
        self.path = path
        self.imported: Imported | None = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self.panel = PreviewPanel(desk.language.code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What importing %1 would do. Nothing is written until you "
                               "choose Import; a file with refusals is not imported at all.")
                       .replace("%1", path.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

    def start(self) -> None:
        """The preview, off the GUI thread."""
        path = self.path
        self.panel.summary.setText(self.tr("Reading %1…").replace("%1", path.name))
        self._desk.change(self, lambda ctx: preview_file(ctx, path), self._previewed,
                          self._unreadable)

    def _previewed(self, preview: Preview) -> None:
        self.panel.show_preview(preview)
        self.import_button.setEnabled(preview.ok)

    def _unreadable(self, message: str) -> None:
        self.panel.show_problem(message)
        self.import_button.setEnabled(False)

    @Slot()
    def apply(self) -> None:
        path = self.path
        self._desk.change(self, lambda ctx: import_file(ctx, path), self._done,
                          self._unreadable)

    def _done(self, imported: Imported) -> None:
        self.imported = imported
        self._desk.changed()
        self._desk.message(self.tr("%1 imported").replace("%1", self.path.name))
        self.accept()


def ask_import_file(desk: Desk, parent: QWidget | None, path: Path | None = None) -> None:
    """File > Import…: pick an exchange file (or take `path`), preview it, then import it."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ImportFileDialog", "Import an exchange file"), "",
            QCoreApplication.translate("ImportFileDialog",
                                       "Exchange files (*.json);;All files (*)"))
        if not chosen:
            return
        path = Path(chosen)
    dialog = ImportFileDialog(desk, path, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.start()
