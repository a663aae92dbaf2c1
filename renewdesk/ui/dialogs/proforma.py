"""AR-7 Renew / Renew all: preview the pro-formas, then number them and save them as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.errors import InputError
from renewdesk.services import proforma
from renewdesk.services.context import Context
from renewdesk.ui import proforma_pdf
from renewdesk.ui.widgets import show_error


class ProFormaDialog(QDialog):
    """`service_refs` for Renew (the selection); `customer_ref` for Renew all. `drafts` are
    what `proforma.drafts` read for them, off the GUI thread, before the dialog opens."""

    def __init__(self, context: Callable[[], Context], drafts: list[proforma.ProForma],
                 service_refs: tuple[str, ...] | None,
                 customer_ref: str | None, parent: QWidget | None = None,
                 choose_path: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proformaDialog")
        self._context = context
        self.service_refs, self.customer_ref = service_refs, customer_ref
        self.saved: Path | None = None
        self._choose_path = choose_path or self._ask_path
        self.setWindowTitle(self.tr("Pro-forma invoices"))
        self.drafts = drafts
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setHtml(proforma_pdf.html(self.drafts))
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
        try:
            issued = proforma.issue(self._context(), self.service_refs, self.customer_ref)
        except InputError as error:
            show_error(self, str(error))
            return
        proforma_pdf.write_pdf(issued, path)
        self.saved = path
        self.accept()
