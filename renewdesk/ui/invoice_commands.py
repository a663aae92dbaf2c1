"""What can be done with the selected invoice (IV-2, IV-4), wherever it is listed: open its PDF,
save it, send it to the customer again, correct it with a credit note.

The PDF is made off the GUI thread (from the document frozen when it was issued) and written
there too; opening it is the desktop's business (`QDesktopServices`). Sending again and
correcting change the database: each is confirmed first, naming what will happen, then done off
the GUI thread, and its result said in words.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import CREDIT_NOTE, INVOICE
from renewdesk.services.context import Context
from renewdesk.services.listing_invoices import InvoiceRow
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import inform, show_error

if TYPE_CHECKING:
    from renewdesk.services.invoice_actions import Corrected, Resent

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
_OPENED: list[Path] = []  # the folder the PDFs opened this session are written to


def opened_folder() -> Path:
    if not _OPENED:
        _OPENED.append(Path(tempfile.mkdtemp(prefix="renewdesk-invoices-")))
    return _OPENED[0]


def write(target: Path, data: bytes) -> Path:
    """The file written (off the GUI thread), or its refusal in words."""
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError("cannot_write", path=str(target),
                         reason=error.strerror or type(error).__name__) from None
    return target


def kind_words(kind: str) -> str:
    return (translate("Invoices", "Credit note %1") if kind == CREDIT_NOTE
            else translate("Invoices", "Invoice %1"))


def _action(parent: QObject, text: str, shortcut: str, name: str, tip: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shown})")
    action.setStatusTip(tip)
    return action


class InvoiceCommands(QObject):
    """The actions on the invoice `selected()` gives (None: none, or several), usable while
    `active()` (the list is on screen). `parent` is what a change disables meanwhile."""

    opened = Signal(str)  # the path of a PDF handed to the desktop
    saved = Signal(str)  # the path a PDF was saved to
    done = Signal()  # a change was made (sent again, corrected)

    def __init__(self, desk: Desk, parent: QWidget, selected: Callable[[], InvoiceRow | None],
                 active: Callable[[], bool]) -> None:
        super().__init__(parent)
        self._desk, self._parent, self._selected, self._active = desk, parent, selected, active
        self.open = _action(parent, translate("Invoices", "&Open invoice"), "Ctrl+O",
                            "openInvoice", translate("Invoices", "Open the selected invoice's "
                                                     "PDF"))
        self.save = _action(parent, translate("Invoices", "&Save invoice as…"), "Ctrl+S",
                            "saveInvoice", translate("Invoices", "Save the selected invoice's "
                                                     "PDF to a file"))
        self.resend = _action(parent, translate("Invoices", "Send invoice a&gain…"),
                              "Ctrl+Shift+R", "resendInvoice",
                              translate("Invoices", "E-mail the selected invoice to its "
                                        "customer again"))
        self.correct = _action(parent, translate("Invoices", "&Correct invoice…"),
                               "Ctrl+Shift+C", "correctInvoice",
                               translate("Invoices", "Correct the selected invoice with a "
                                         "credit note (all or part of it, with a reason)"))
        self.open.triggered.connect(self.open_invoice)
        self.save.triggered.connect(self.save_invoice)
        self.resend.triggered.connect(self.resend_invoice)
        self.correct.triggered.connect(self.correct_invoice)
        desk.operations.busyChanged.connect(self.update)

    def actions(self) -> list[QAction]:
        return [self.open, self.save, self.resend, self.correct]

    def row(self) -> InvoiceRow | None:
        return self._selected() if self._active() else None

    @Slot()
    def update(self) -> None:
        """Each action usable or not, and why not in its tooltip."""
        row, idle = self.row(), not self._desk.operations.busy
        for action in (self.open, self.save):
            action.setEnabled(row is not None)
        self.resend.setEnabled(row is not None and idle)
        self.correct.setEnabled(row is not None and row.kind == INVOICE and idle)
        why = (translate("Invoices", "Select an invoice, not a credit note: a credit note is "
                         "not corrected") if row is not None and row.kind != INVOICE else
               translate("Invoices", "Another operation is under way") if not idle else "")
        self.correct.setToolTip(why or self.correct.statusTip())

    # Open and save ---------------------------------------------------------------------------

    def _pdf_to(self, number: str, target: Callable[[str], Path]) -> Callable[[Context], Path]:
        def work(ctx: Context) -> Path:
            from renewdesk.services import invoice_actions

            made = invoice_actions.invoice_pdf(ctx, number)
            return write(target(made.name), made.data)
        return work

    @Slot()
    def open_invoice(self) -> None:
        row = self.row()
        if row is None:
            return
        self._desk.read(("invoice pdf", row.number),
                        self._pdf_to(row.number, lambda name: opened_folder() / name),
                        self._opened, lambda message: show_error(self._parent, message))

    def _opened(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_error(self._parent, translate(
                "Invoices", "No application on this computer opens PDF files; the invoice is "
                "at %1").replace("%1", str(path)))
        self.opened.emit(str(path))

    @Slot()
    def save_invoice(self) -> None:
        from renewdesk.services.invoice_files import file_name
        row = self.row()
        if row is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = file_name(row.kind, row.number, row.language)
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, kind_words(row.kind).replace("%1", row.number),
            str(Path(folder) / name) if folder else name,
            translate("Invoices", "PDF files (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen)
        self._desk.read(("invoice save", row.number),
                        self._pdf_to(row.number, lambda _name: target), self._saved,
                        lambda message: show_error(self._parent, message))

    def _saved(self, path: Path) -> None:
        self._desk.message(translate("Invoices", "Saved: %1").replace("%1", str(path)))
        self.saved.emit(str(path))

    # Send again and correct ------------------------------------------------------------------

    def confirmation(self, row: InvoiceRow) -> QMessageBox:
        """"Send invoice F2026-000001 to ana@example.fr again?", Cancel by default."""
        text = (translate("Invoices", "Send credit note %1 to %2 again?") if row.kind == CREDIT_NOTE
                else translate("Invoices", "Send invoice %1 to %2 again?"))
        box = QMessageBox(QMessageBox.Icon.Question, translate("Invoices", "Send again"),
                          text.replace("%1", row.number).replace("%2", row.email),
                          QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName("resendConfirmation")
        box.setInformativeText(translate("Invoices", "The e-mail carries its PDF and a link "
                                         "to all of %1's invoices.").replace("%1", row.customer))
        yes = box.addButton(translate("Invoices", "Send again"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("resendConfirmed")
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        return box

    @Slot()
    def resend_invoice(self) -> None:
        row = self.row()
        if row is None or self._desk.operations.busy:
            return
        box = self.confirmation(row)
        box.exec()
        clicked = box.clickedButton()
        if clicked is None or box.buttonRole(clicked) != QMessageBox.ButtonRole.AcceptRole:
            return
        number = row.number
        from renewdesk.services import invoice_actions

        self._desk.change(self._parent, lambda ctx: invoice_actions.resend(ctx, number),
                          self._resent)

    def _resent(self, result: Resent) -> None:
        if result.suppressed:
            text = translate("Invoices", "E-mails to this customer are off: the e-mail with %1 "
                             "is kept in the outbox, not sent.").replace("%1", result.number)
        else:
            text = translate("Invoices", "%1 is in the outbox for %2: the next run sends "
                             "it.").replace(
                "%1", result.number).replace("%2", result.to)
        self._desk.message(text)
        self._desk.changed()
        self.done.emit()

    @Slot()
    def correct_invoice(self) -> None:
        from renewdesk.ui.dialogs.correct_invoice import ask_correction
        row = self.row()
        if row is None or row.kind != INVOICE or self._desk.operations.busy:
            return
        ask_correction(self._desk, self._parent, row.number, self._corrected)

    def _corrected(self, result: Corrected, number: str, customer: str) -> None:
        text = (translate("Invoices", "Credit note %1 made: %2 for %3, correcting invoice %4.")
                .replace("%1", result.credit_note)
                .replace("%2", self._desk.language.money(result.amount))
                .replace("%3", customer).replace("%4", number))
        inform(self._parent, translate("Invoices", "Correction"), text)
        self._desk.message(text)
        self._desk.changed()
        self.done.emit()
