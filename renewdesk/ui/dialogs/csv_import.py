"""Import a CSV file of customers or services (issue 18): each field is mapped to a column with
a combo box, starting from the last mapping used for that kind (QSettings) or a shipped WHMCS
mapping; the file's delimiter and encoding are detected, the decimal mark and date format
detected unless chosen. The preview (every refused row with its column) comes before the
import, which is all or nothing. Reading, previewing and importing run off the GUI thread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import words
from renewdesk.services.context import Context
from renewdesk.services.exchange import csv_file
from renewdesk.services.exchange.preview import Imported, Preview
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.import_preview import PreviewPanel
from renewdesk.ui.dialogs.record_form import field_label
from renewdesk.ui.widgets import SendingDialog

_SETTING = "csv_import/mapping_{kind}"


def preview_csv_file(ctx: Context, path: Path, mapping: csv_file.ColumnMapping) -> Preview:
    return csv_file.preview_csv(ctx, csv_file.read_csv_file(path, mapping, path.name))


def import_csv_file(ctx: Context, path: Path, mapping: csv_file.ColumnMapping) -> Imported:
    return csv_file.import_csv(ctx, csv_file.read_csv_file(path, mapping, path.name), path.name)


class CsvImportDialog(SendingDialog):
    def __init__(self, desk: Desk, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self._desk = desk
        self.path = path
        self.header: tuple[str, ...] = ()
        self.imported: Imported | None = None
        self.setWindowTitle(self.tr("Import CSV — %1").replace("%1", path.name))

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Customers"), "customers")
        self.kind.addItem(self.tr("Services"), "services")
        self.start_from = QComboBox()
        self.start_from.setObjectName("startFrom")
        self.delimiter = self._options("delimiter", [(self.tr("Semicolon ;"), ";"),
                                                     (self.tr("Comma ,"), ","),
                                                     (self.tr("Tab"), "\t"), ("|", "|")])
        self.encoding = self._options("encoding", [("UTF-8", "utf-8"),
                                                   ("Windows-1252", "cp1252")])
        self.decimal = self._options("decimal", [(self.tr("Comma (1 234,50)"), ","),
                                                 (self.tr("Point (1234.50)"), ".")])
        self.date_format = self._options("dateFormat", [(f, f) for f in csv_file.DATE_FORMATS])
        self.fields_box = QGroupBox(self.tr("Columns"))
        self.fields_form = QFormLayout(self.fields_box)
        self.combos: dict[str, QComboBox] = {}
        self.panel = PreviewPanel(desk.language.code)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("previewButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)

        top = QFormLayout()
        top.addRow(self.tr("Import:"), self.kind)
        top.addRow(self.tr("Start from:"), self.start_from)
        options = QGroupBox(self.tr("File"))
        grid = QFormLayout(options)
        grid.addRow(self.tr("Delimiter:"), self.delimiter)
        grid.addRow(self.tr("Encoding:"), self.encoding)
        grid.addRow(self.tr("Decimal mark:"), self.decimal)
        grid.addRow(self.tr("Dates:"), self.date_format)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_box)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(options)
        left.addWidget(scroll, 1)
        right = QVBoxLayout()
        right.addWidget(self.panel, 1)
        right.addWidget(self.preview_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        self.file_label = QLabel(self.tr("Reading %1…").replace("%1", str(path)))
        self.file_label.setObjectName("fileLabel")
        layout.addWidget(self.file_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 640)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.start_from.activated.connect(self._start_from_chosen)
        self.delimiter.activated.connect(self.read_header)
        self.encoding.activated.connect(self.read_header)
        self.preview_button.clicked.connect(self.preview)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

    def _options(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Detect"), "")
        for text, value in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    # -- the file and the mapping ------------------------------------------------------------
    def options(self) -> csv_file.Options:
        return csv_file.Options(self.delimiter.currentData(), self.encoding.currentData(),
                                self.decimal.currentData(), self.date_format.currentData())

    @Slot()
    def read_header(self) -> None:
        """The header and how the file is written, read off the GUI thread."""
        path, options = self.path, self.options()
        self._desk.read(self, lambda _ctx: csv_file.sniff(path, options, path.name),
                        self._sniffed, self.panel.show_problem)

    def _sniffed(self, sniffed: csv_file.Sniffed) -> None:
        self.header = sniffed.header
        self.file_label.setText(self.tr("%1: %2 rows, columns: %3").replace(
            "%1", self.path.name).replace("%2", str(sniffed.rows)).replace(
            "%3", ", ".join(sniffed.header)))
        for combo, value in ((self.delimiter, sniffed.options.delimiter),
                             (self.encoding, sniffed.options.encoding)):
            index = combo.findData(value)
            if index >= 0 and not combo.currentData():
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self._kind_changed()

    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind_value()
        self.start_from.clear()
        self.start_from.addItem(self.tr("Last mapping used"), "last")
        for name, shipped_kind in csv_file.SHIPPED.items():
            if shipped_kind == kind:
                self.start_from.addItem({"whmcs_clients": self.tr("WHMCS clients export"),
                                         "whmcs_products": self.tr("WHMCS products/services "
                                                                   "export")}[name], name)
        self.start_from.addItem(self.tr("Columns named like the fields"), "same")
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.combos = {}
        for name in csv_file.FIELDS[kind]:
            combo = QComboBox()
            combo.setObjectName(f"field_{name}")
            combo.addItem(self.tr("(none)"), [])
            for column in self.header:
                combo.addItem(column, [column])
            combo.currentIndexChanged.connect(self._changed)
            self.combos[name] = combo
            label = QLabel(field_label(name))
            label.setToolTip(name)  # the name a mapping file gives it
            self.fields_form.addRow(label, combo)
        last = QSettings().value(_SETTING.format(kind=kind))
        self.apply_mapping(json.loads(last) if isinstance(last, str) and last else {})
        if not last:
            self.apply_mapping({name: name for name in self.combos if name in self.header})

    def _start_from_chosen(self) -> None:
        choice = self.start_from.currentData()
        if choice == "last":
            last = QSettings().value(_SETTING.format(kind=self.kind_value()))
            self.apply_mapping(json.loads(last) if isinstance(last, str) and last else {})
        elif choice == "same":
            self.apply_mapping({name: name for name in self.combos if name in self.header})
        else:
            self.apply_mapping(csv_file.shipped_mapping(str(choice)))

    def apply_mapping(self, data: dict[str, Any]) -> None:
        """Set the combos (and the options) from a mapping as MAPPING.json writes it; what the
        combos cannot show (a value's translation, a default) is kept with it."""
        self._extra = {k: data[k] for k in ("values", "defaults") if k in data}
        for name, combo in self.combos.items():
            given = data.get(name)
            columns = [given] if isinstance(given, str) else given or []
            index = combo.findData(columns) if columns else 0
            if index < 0:
                combo.addItem(" + ".join(columns), columns)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        options = data.get("options") or {}
        for combo, key in ((self.delimiter, "delimiter"), (self.encoding, "encoding"),
                           (self.decimal, "decimal"), (self.date_format, "date_format")):
            if key in options:
                index = combo.findData(options[key])
                combo.setCurrentIndex(max(index, 0))
        self._changed()

    def mapping_data(self) -> dict[str, Any]:
        """The mapping as MAPPING.json writes it."""
        data: dict[str, Any] = {}
        for name, combo in self.combos.items():
            columns = combo.currentData() or []
            if columns:
                data[name] = columns[0] if len(columns) == 1 else list(columns)
        options = {k: v for k, v in self.options().__dict__.items() if v}
        if options:
            data["options"] = options
        data.update(getattr(self, "_extra", {}))
        return data

    def _changed(self) -> None:
        self.import_button.setEnabled(False)

    # -- preview and import ------------------------------------------------------------------
    def _mapping(self) -> csv_file.ColumnMapping | None:
        try:
            return csv_file.parse_mapping(self.mapping_data(), self.kind_value())
        except InputError as error:
            self.panel.show_problem(words(error, self._desk.language.code))
            return None

    @Slot()
    def preview(self) -> None:
        mapping = self._mapping()
        if mapping is None:
            return
        path = self.path
        self.panel.summary.setText(self.tr("Checking %1…").replace("%1", path.name))
        self._desk.change(self, lambda ctx: preview_csv_file(ctx, path, mapping),
                          self._previewed, self._refused)

    def _previewed(self, preview: Preview) -> None:
        self.panel.show_preview(preview)
        self.import_button.setEnabled(preview.ok)

    def _refused(self, message: str) -> None:
        self.panel.show_problem(message)
        self.import_button.setEnabled(False)

    @Slot()
    def apply(self) -> None:
        mapping = self._mapping()
        if mapping is None:
            return
        path = self.path
        self._desk.change(self, lambda ctx: import_csv_file(ctx, path, mapping), self._done,
                          self._refused)

    def _done(self, imported: Imported) -> None:
        self.imported = imported
        QSettings().setValue(_SETTING.format(kind=self.kind_value()),
                             json.dumps(self.mapping_data()))
        self._desk.changed()
        self._desk.message(self.tr("%1 imported").replace("%1", self.path.name))
        self.accept()


def ask_import_csv(desk: Desk, parent: QWidget | None, path: Path | None = None) -> None:
    """File > Import CSV…: pick a CSV file (or take `path`), map its columns, preview, import."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("CsvImportDialog", "Import a CSV file"), "",
            QCoreApplication.translate("CsvImportDialog", "CSV files (*.csv *.txt);;All files (*)"))
        if not chosen:
            return
        path = Path(chosen)
    dialog = CsvImportDialog(desk, path, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.read_header()
