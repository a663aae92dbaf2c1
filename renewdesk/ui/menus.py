"""The menu bar (File, Edit, View, Actions, Help) and what its editing and file actions do.

The main window lays the actions out; the forms, confirmations and files are here, so that the
window stays layout and wiring. Every change goes off the GUI thread (`Desk.change`), and so
does writing an export.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QTabWidget

from renewdesk.domain.roles import Power
from renewdesk.services.context import Context
from renewdesk.ui import permissions
from renewdesk.ui.views.invoices_page import InvoicesPage
from renewdesk.ui.views.list_page import ListPage
from renewdesk.ui.widgets import confirm, inform

if TYPE_CHECKING:
    from renewdesk.ui.dialogs.first_run import FirstRunWizard
    from renewdesk.ui.main_window import MainWindow

# The dialogs are imported when first opened, not at the start: the window's first paint waits
# for every module imported before it (HM-1's home page in 1.5 s on a million services).

translate = QCoreApplication.translate


def build(window: MainWindow) -> Editing:
    a = window.actions_
    invoices = window.pages["invoices"]
    assert isinstance(invoices, InvoicesPage)
    bar = window.menuBar()
    file = bar.addMenu(translate("MainWindow", "&File"))
    for action in (a.import_file, a.import_csv, None, a.export_all, a.export_selection,
                   invoices.export_action, None, a.settings, None, a.quit):
        file.addSeparator() if action is None else file.addAction(action)
    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    for action in (a.new, a.edit, a.delete, None, a.cancel_service, None, a.find):
        edit.addSeparator() if action is None else edit.addAction(action)
    view = bar.addMenu(translate("MainWindow", "&View"))
    view.addAction(a.refresh)
    view.addSeparator()
    for index in range(window.tabs.count()):
        tab = view.addAction(window.tabs.tabText(index))
        tab.setObjectName("showTab")
        if index < 10:  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth (Activity)
            tab.setShortcut(f"Ctrl+{(index + 1) % 10}")
        tab.triggered.connect(lambda _c=False, n=index: window.tabs.setCurrentIndex(n))
    actions = bar.addMenu(translate("MainWindow", "&Actions"))
    actions.addAction(a.run_now)
    actions.addAction(a.dry_run)
    actions.addAction(a.sync_now)
    actions.addSeparator()  # the selected invoice's, while the Invoices list is shown
    actions.addActions(invoices.commands.actions())
    editing = Editing(window)
    help_ = bar.addMenu(translate("MainWindow", "&Help"))
    help_.addAction(a.keys)
    help_.addSeparator()
    help_.addAction(editing.first_run_action)
    help_.addAction(editing.about_action)
    a.new.triggered.connect(editing.new)
    a.edit.triggered.connect(editing.edit)
    a.delete.triggered.connect(editing.delete)
    a.cancel_service.triggered.connect(editing.cancel_service)
    a.export_all.triggered.connect(lambda: editing.export(selection=False))
    a.export_selection.triggered.connect(lambda: editing.export(selection=True))
    a.import_file.triggered.connect(editing.import_file)
    a.import_csv.triggered.connect(editing.import_csv)
    a.keys.triggered.connect(editing.keys)
    window.tabs.currentChanged.connect(editing.update)
    for page in window.pages.values():
        page.selectionChanged.connect(editing.update)
        kind = getattr(page, "form_kind", None)
        if kind in ("service", "order"):
            page.activated.connect(lambda ref, k=kind: editing.form(k, ref))
        if kind is not None:  # the same actions on a right click
            page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            page.table.addActions([a.new, a.edit, a.delete]
                                  + ([a.cancel_service] if kind == "service" else [])
                                  + ([a.export_selection] if kind != "order" else []))
    editing.update()
    return editing


class Editing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.desk = window.desk
        self.first_run_action = QAction(translate("MainWindow", "&First-run assistant…"), window)
        self.first_run_action.setObjectName("firstRunAction")
        self.first_run_action.triggered.connect(self.first_run)
        self.about_action = QAction(translate("MainWindow", "&About renewdesk"), window)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)

    def page(self) -> ListPage | None:
        page = self.window.tabs.currentWidget()
        if isinstance(page, QTabWidget):
            page = page.currentWidget()
        return page if isinstance(page, ListPage) else None

    def kind(self) -> str | None:
        return getattr(self.page(), "form_kind", None)

    @Slot()
    def update(self) -> None:
        """What the current list and its selection allow, the reason in the tooltip when not."""
        a, kind, page = self.window.actions_, self.kind(), self.page()
        chosen = page.current_ref() if page is not None else None
        a.new.setEnabled(kind is not None)
        a.edit.setEnabled(kind is not None and chosen is not None)
        a.delete.setEnabled(kind is not None and chosen is not None)
        a.cancel_service.setEnabled(kind == "service" and chosen is not None)
        a.export_selection.setEnabled(kind in ("customer", "service") and bool(
            page is not None and page.selected_refs()))

    def form(self, kind: str | None, ref: str | None) -> None:
        """New, Edit, or a double click on a service or an order: a role that cannot change
        the portfolio is told why in the status bar rather than given a form it cannot save."""
        why = permissions.refusal(self.window.app.role, Power.WORK, self.window.language.code)
        if why:
            self.desk.message(why)
            return
        if kind is not None:
            from renewdesk.ui.dialogs.record_form import open_form

            open_form(self.desk, self.window, kind, ref, None)

    @Slot()
    def new(self) -> None:
        self.form(self.kind(), None)

    @Slot()
    def edit(self) -> None:
        page = self.page()
        if page is not None and page.current_ref():
            self.form(self.kind(), page.current_ref())

    @Slot()
    def delete(self) -> None:
        from renewdesk.services import forms

        page, kind = self.page(), self.kind()
        ref = page.current_ref() if page is not None else None
        if kind is None or ref is None or not confirm(
                self.window, translate("MainWindow", "Delete"),
                translate("MainWindow", "Delete %1? Only what has no history can be deleted; "
                          "this cannot be undone.").replace("%1", ref)):
            return
        self.desk.change(self.window, lambda ctx: forms.delete(ctx, kind, ref),
                         lambda _r: self._done(translate("MainWindow", "Deleted %1")
                                               .replace("%1", ref)))

    @Slot()
    def cancel_service(self) -> None:
        from renewdesk.services import forms

        page = self.page()
        ref = page.current_ref() if page is not None else None
        if ref is None or not confirm(
                self.window, translate("MainWindow", "Cancel service"),
                translate("MainWindow", "Cancel service %1? It is taken out of its scheduled "
                          "renewal and no longer renewed.").replace("%1", ref)):
            return
        self.desk.change(self.window, lambda ctx: forms.cancel_service(ctx, ref),
                         lambda _r: self._done(translate("MainWindow", "Service %1 cancelled")
                                               .replace("%1", ref)))

    def _done(self, text: str) -> None:
        self.desk.changed()
        self.desk.message(text)

    @Slot()
    def export(self, selection: bool) -> None:
        page, kind = self.page(), self.kind()
        refs = tuple(page.selected_refs()) if selection and page is not None else ()
        name, _filter = QFileDialog.getSaveFileName(
            self.window, translate("MainWindow", "Export"), "renewdesk-export.json",
            translate("MainWindow", "Exchange files (*.json)"))
        if not name:
            return
        path = Path(name)

        def work(ctx: Context) -> int:
            from renewdesk.services.exchange.export import export_selection, export_state
            with ctx.factory() as session:
                document = (export_selection(session, kind or "customer", refs) if selection
                            else export_state(session))
            path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
            return len(document.get("customers", []))

        self.desk.change(self.window, work, lambda count: inform(
            self.window, translate("MainWindow", "Export"),
            translate("MainWindow", "%1 written (%2 customer(s))").replace("%1", path.name)
            .replace("%2", str(count))))

    @Slot()
    def import_file(self) -> None:
        from renewdesk.ui.dialogs.import_file import ask_import_file

        ask_import_file(self.desk, self.window)

    @Slot()
    def import_csv(self) -> None:
        from renewdesk.ui.dialogs.csv_import import ask_import_csv

        ask_import_csv(self.desk, self.window)

    @Slot()
    def first_run(self) -> None:
        """The assistant, whatever the database holds (at the start: launch.py)."""
        from renewdesk.ui.first_run_offer import offer

        offer(self.desk, self.window, automatic=False, opened=self.first_run_opened)

    def first_run_opened(self, wizard: FirstRunWizard) -> None:
        wizard.processorChanged.connect(self.window.show_mode)

    @Slot()
    def about(self) -> None:
        from renewdesk.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.desk.app, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def keys(self) -> None:
        lines = []
        for action in self.window.findChildren(type(self.window.actions_.new)):
            shown = action.shortcut().toString()
            if shown and action.text():
                lines.append(f"{shown}\t{action.text().replace('&', '')}")
        inform(self.window, translate("MainWindow", "Keyboard shortcuts"),
               "\n".join(sorted(set(lines))))
