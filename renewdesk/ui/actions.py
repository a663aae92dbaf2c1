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
    settings: QAction
    find: QAction
    refresh: QAction
    quit: QAction

    def all(self) -> list[QAction]:
        return [self.run_now, self.dry_run, self.refresh, self.find, self.settings, self.quit]


def _action(parent: QWidget, text: str, shortcut: QKeySequence | str, name: str,
            tip: str) -> QAction:
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
        settings=_action(parent, translate("MainWindow", "&Settings…"), "Ctrl+,", "settings",
                         translate("MainWindow", "Rules, e-mail, daily run, language")),
        find=_action(parent, translate("MainWindow", "&Find"), QKeySequence.StandardKey.Find, "find",
                     translate("MainWindow", "Search the current list")),
        refresh=_action(parent, translate("MainWindow", "Re&fresh"), "Ctrl+R", "refresh",
                        translate("MainWindow", "Read the lists again")),
        quit=_action(parent, translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, "quit",
                     translate("MainWindow", "Close renewdesk")),
    )
