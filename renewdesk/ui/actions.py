"""The window's actions in one place, with their shortcuts; the main window only wires them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


@dataclass
class WindowActions:
    run_now: QAction
    dry_run: QAction
    sync_now: QAction
    settings: QAction
    find: QAction
    refresh: QAction
    quit: QAction
    new: QAction
    edit: QAction
    delete: QAction
    cancel_service: QAction
    import_file: QAction
    import_csv: QAction
    export_all: QAction
    export_selection: QAction
    keys: QAction

    def all(self) -> list[QAction]:
        """The toolbar's, in its order."""
        return [self.new, self.edit, self.run_now, self.dry_run, self.sync_now, self.refresh,
                self.find, self.settings, self.quit]


def _action(parent: QWidget, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str,
            name: str, tip: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)
    return action


def build(parent: QWidget) -> WindowActions:
    return WindowActions(
        run_now=_action(parent, translate("MainWindow", "&Run now"), "F5", "runNow",
                        translate("MainWindow", "Do everything due as of today: notices, charges, retries, "
                                  "e-mails")),
        dry_run=_action(parent, translate("MainWindow", "&Dry run"), "Shift+F5", "dryRun",
                        translate("MainWindow", "Show what a run would do, changing nothing")),
        sync_now=_action(parent, translate("MainWindow", "S&ync now"), "Ctrl+F5", "syncNow",
                         translate("MainWindow", "Read what happened at the payment provider "
                                   "(late payments, refunds, disputes, cards) and conclude what "
                                   "it answered; nothing new is charged")),
        settings=_action(parent, translate("MainWindow", "&Settings…"), "Ctrl+,", "settings",
                         translate("MainWindow", "Rules, e-mail, daily run, language")),
        find=_action(parent, translate("MainWindow", "&Find"), QKeySequence.StandardKey.Find, "find",
                     translate("MainWindow", "Search the current list")),
        refresh=_action(parent, translate("MainWindow", "Re&fresh"), "Ctrl+R", "refresh",
                        translate("MainWindow", "Read the lists again")),
        quit=_action(parent, translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, "quit",
                     translate("MainWindow", "Close renewdesk")),
        new=_action(parent, translate("MainWindow", "&New…"), QKeySequence.StandardKey.New, "new",
                    translate("MainWindow", "A new customer, service or installment order, "
                              "as the current list shows")),
        edit=_action(parent, translate("MainWindow", "&Edit…"), "F2", "edit",
                     translate("MainWindow", "Correct the selected customer, service or order")),
        delete=_action(parent, translate("MainWindow", "&Delete…"), QKeySequence.StandardKey.Delete,
                       "delete", translate("MainWindow", "Delete the selected object if it has "
                                           "no history")),
        cancel_service=_action(parent, translate("MainWindow", "&Cancel service…"), "Ctrl+K",
                               "cancelService", translate("MainWindow", "Cancel the selected "
                                                          "service: it is no longer renewed")),
        import_file=_action(parent, translate("MainWindow", "&Import exchange file…"), "Ctrl+I",
                            "importFile", translate("MainWindow", "Preview, then import a "
                                                    "renewdesk exchange file")),
        import_csv=_action(parent, translate("MainWindow", "Import &CSV…"), "Ctrl+Shift+I",
                           "importCsv", translate("MainWindow", "Import customers or services "
                                                  "from a spreadsheet or another tool")),
        export_all=_action(parent, translate("MainWindow", "E&xport everything…"), "Ctrl+E",
                           "exportAll", translate("MainWindow", "Save the whole portfolio as an "
                                                  "exchange file")),
        export_selection=_action(parent, translate("MainWindow", "Export the &selection…"),
                                 "Ctrl+Shift+E", "exportSelection",
                                 translate("MainWindow", "Save the selected customers or "
                                           "services as an exchange file")),
        keys=_action(parent, translate("MainWindow", "&Keyboard shortcuts"),
                     QKeySequence.StandardKey.HelpContents, "keys",
                     translate("MainWindow", "The keys of the window")),
    )
