"""AR-7 Renew / Renew all: preview the pro-formas, then number them and save them as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from renewdesk.services import proforma
from renewdesk.ui import proforma_pdf
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import SendingDialog, show_error
from renewdesk.ui.widgets import name as accessible


class ProFormaDialog(SendingDialog):
    """`service_refs` for Renew (the selection); `customer_ref` for Renew all. `drafts` are
    what `proforma.drafts` read for them, off the GUI thread, before the dialog opens; they are
    numbered off the GUI thread too, then written as a PDF and the dialog closes."""

    def __init__(self, desk: Desk, drafts: list[proforma.ProForma],
                 service_refs: tuple[str, ...] | None,
                 customer_ref: str | None, parent: QWidget | None = None,
                 choose_path: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.language = desk.language
        self.setObjectName("proformaDialog")
        self._desk = desk
        self.service_refs, self.customer_ref = service_refs, customer_ref
        self.saved: Path | None = None
        self._choose_path = choose_path or self._ask_path
        self.setWindowTitle(self.tr("Pro-forma invoices"))
        self.drafts = drafts
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        accessible(self.preview, self.tr("Preview of the pro-forma invoices"))
        self.preview.setHtml(proforma_pdf.html(self.drafts, self.language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Number and save PDF…"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n pro-forma(s); numbers are given when saved. Nothing "
                                        "is charged.", "", len(self.drafts))))
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def _ask_path(self, suggested: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save pro-formas"), suggested,
                                                "PDF (*.pdf)")
        return chosen

    @Slot()
    def save(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        target = self._choose_path(str(Path(folder or Path.home()) / "pro-forma.pdf"))
        if not target:
            return
        path = Path(target)
        try:
            with path.open("ab"):
                pass  # can be written: checked before numbers are given
        except OSError as error:
            show_error(self, f"{path}: {error.strerror}")
            return
        refs, customer = self.service_refs, self.customer_ref
        self._desk.change(self, lambda ctx: proforma.issue(ctx, refs, customer),
                          lambda issued: self._issued(issued, path))

    def _issued(self, issued: list[proforma.ProForma], path: Path) -> None:
        proforma_pdf.write_pdf(issued, path, self.language)
        self.saved = path
        self.accept()
