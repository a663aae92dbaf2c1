"""The first-run assistant: the seller, the processor, e-mail, then the portfolio
(first_run_pages.py).

It opens by itself after the window is shown when the database is empty: no customer, no
service, and no seller's name saved (`services.first_run.first_run_state`, read off the GUI
thread), unless the assistant was finished once on this database (QSettings remembers it, so
"Start empty" is not asked again each morning; "Finish later" lets it come back). Help >
First-run assistant… opens it whatever the database holds.

Every page can be skipped (Skip: nothing of that page is saved). Next saves what the page
changed, off the GUI thread, through the calls the Settings dialog makes (so the same checks
apply), and moves on once it is saved; a refusal stays on the page under it. "Finish later"
(Cancel, Esc) asks first if something typed would be lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget, QWizard

from renewdesk.services.first_run import FirstRunState
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.csv_import import ask_import_csv
from renewdesk.ui.dialogs.first_run_pages import (
    AssistantPage,
    DataPage,
    MailPage,
    ProcessorPage,
    SellerPage,
)
from renewdesk.ui.dialogs.import_file import ask_import_file
from renewdesk.ui.first_run_offer import mark_finished
from renewdesk.ui.mode_badge import RED
from renewdesk.ui.widgets import confirm


class FirstRunWizard(QWizard):
    processorChanged = Signal()  # the mode badge reads the processor again

    def __init__(self, desk: Desk, state: FirstRunState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("First-run assistant"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.desk = desk
        self.env = desk.app.env
        self.values = dict(state.values)
        self.problem = QLabel()
        self.problem.setObjectName("firstRunProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {RED}")
        self.seller = SellerPage(self)
        self.processor = ProcessorPage(self)
        self.mail = MailPage(self)
        self.data = DataPage(self)
        steps = (self.seller, self.processor, self.mail, self.data)
        for number, page in enumerate(steps, 1):
            page.setTitle(self.tr("Step %1 of %2: %3").replace("%1", str(number))
                          .replace("%2", str(len(steps))).replace("%3", page.title()))
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Skip"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Finish &later"))
        self.button(QWizard.WizardButton.CustomButton1).setObjectName("skipButton")
        self.setButtonLayout([QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.customButtonClicked.connect(self._custom)
        self.currentIdChanged.connect(self._page_shown)
        self.resize(720, 640)

    def pages(self) -> list[AssistantPage]:
        return [cast(AssistantPage, self.page(i)) for i in self.pageIds()]

    def current(self) -> AssistantPage:
        return cast(AssistantPage, self.currentPage())

    @Slot(int)
    def _page_shown(self, _id: int) -> None:
        self.problem.clear()
        page = self.current()
        if page is not None and self.problem.parentWidget() is not page:
            layout = page.layout()
            if layout is not None:
                layout.addWidget(self.problem)
        self.button(QWizard.WizardButton.CustomButton1).setVisible(page is not self.data)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    # Moving on ------------------------------------------------------------------------------

    def saved(self, changes: dict[str, str], then: Callable[[], None]) -> None:
        """A page's values are saved: kept as the assistant's own, the lists told, then on."""
        self.values.update(changes)
        self.desk.changed()
        then()

    def move_on(self) -> None:
        page = self.current()
        page.passing = True
        try:
            if page is self.data:
                self.accept()
            else:
                self.next()
        finally:
            page.passing = False

    @Slot(int)
    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.skip()

    @Slot()
    def skip(self) -> None:
        """The next page, and nothing of this one saved."""
        self.problem.clear()
        self.move_on()

    # Leaving ------------------------------------------------------------------------------

    def unsaved(self) -> bool:
        return any(page.changes() for page in self.pages()) or bool(
            self.data.chosen_path())

    def reject(self) -> None:
        if not self.isEnabled():  # a save is under way: its answer is awaited
            return
        if self.unsaved() and not confirm(self, self.tr("Finish later"), self.tr(
                "What you typed on these pages and did not save with Next is lost. Leave the "
                "assistant? It stays in the Help menu.")):
            return
        super().reject()

    def accept(self) -> None:
        if not self.isEnabled():
            return
        mark_finished(self.desk.app.url)
        path = self.data.chosen_path()
        parent = self.parentWidget()
        super().accept()
        if path is not None:  # its preview, over the window, as File > Import opens it
            if path.suffix.lower() in (".csv", ".txt"):
                ask_import_csv(self.desk, parent, path)
            else:
                ask_import_file(self.desk, parent, path)
