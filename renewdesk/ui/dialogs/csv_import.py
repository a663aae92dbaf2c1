"""Import a CSV file of customers or services (issue 18): each field, in the forms' order, is
mapped to a column with a combo box, with a value for when its cell is empty beside it, starting
from the last mapping used for that kind (QSettings) or a shipped WHMCS mapping; the file's
delimiter and encoding are detected, the decimal mark and date format detected unless chosen,
and what was found is shown. The preview (every refused row with its column, and the first rows
as they will be imported, so that a wrong decimal mark is seen) comes before the import, which
is all or nothing. Reading (the shipped mappings with the file), previewing and importing run
off the GUI thread; changing the delimiter or encoding keeps the columns chosen."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
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
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import words
from renewdesk.services.context import Context
from renewdesk.services.exchange import csv_file
from renewdesk.services.exchange.preview import Imported, Preview
from renewdesk.ui.desk import Desk
from renewdesk.ui.dialogs.import_preview import PreviewPanel
from renewdesk.ui.dialogs.record_form import field_label
from renewdesk.ui.widgets import SendingDialog, fill_table
from renewdesk.ui.widgets import name as accessible

_SETTING = "csv_import/mapping_{kind}"


@dataclass(frozen=True)
class FileLook:
    """The file's header and how it is written, and the shipped mappings as JSON texts: read
    together off the GUI thread, so that choosing a mapping reads no file."""

    sniffed: csv_file.Sniffed
    shipped: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CsvPreview:
    """What importing would do, the options the file was read with (the decimal mark and date
    format detected) and its first rows as they will be imported."""

    preview: Preview
    options: csv_file.Options
    first: tuple[tuple[int, tuple[tuple[str, object], ...]], ...]


def look_at_file(path: Path, options: csv_file.Options) -> FileLook:
    return FileLook(csv_file.sniff(path, options, path.name), csv_file.shipped_mappings())


def preview_csv_file(ctx: Context, path: Path, mapping: csv_file.ColumnMapping) -> CsvPreview:
    made = csv_file.read_csv_file(path, mapping, path.name)
    return CsvPreview(csv_file.preview_csv(ctx, made), made.options, made.first())


def import_csv_file(ctx: Context, path: Path, mapping: csv_file.ColumnMapping) -> Imported:
    return csv_file.import_csv(ctx, csv_file.read_csv_file(path, mapping, path.name), path.name)


class CsvImportDialog(SendingDialog):
    def __init__(self, desk: Desk, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self._desk = desk
        self.path = path
        self.header: tuple[str, ...] = ()
        self.shipped: dict[str, str] = {}  # name: JSON text, read with the file
        self.imported: Imported | None = None
        self._built = ""  # the kind the field rows were built for
        self._extra: dict[str, Any] = {}
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
        self.defaults: dict[str, QLineEdit] = {}
        self.panel = PreviewPanel(desk.language.code)
        self.first_rows = QTableWidget()
        self.first_rows.setObjectName("firstRows")
        accessible(self.first_rows, self.tr("The first rows as they will be imported"))
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
        right.addWidget(self.panel, 3)
        right.addWidget(QLabel(self.tr("First rows as they will be imported:")))
        right.addWidget(self.first_rows, 2)
        right.addWidget(self.preview_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        layout = QVBoxLayout(self)
        self.file_label = QLabel(self.tr("Reading %1…").replace("%1", str(path)))
        self.file_label.setObjectName("fileLabel")
        layout.addWidget(self.file_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(1120, 700)

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
        """The header and how the file is written, with the shipped mappings, read off the GUI
        thread."""
        path, options = self.path, self.options()
        self._desk.read(self, lambda _ctx: look_at_file(path, options), self._sniffed,
                        self.panel.show_problem)

    def _sniffed(self, look: FileLook) -> None:
        sniffed = look.sniffed
        self.shipped = dict(look.shipped)
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
        if self._built == self.kind_value():
            self._rebuild_columns()
        else:
            self._kind_changed()

    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def _rebuild_columns(self) -> None:
        """The field rows offered the file's columns as now read (another delimiter or
        encoding), each keeping the columns and the default it had: only a change of kind or
        of "Start from" replaces what was chosen by hand."""
        data = self.mapping_data()
        self._build_fields()
        self.apply_mapping(data)

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
        self._build_fields()
        last = QSettings().value(_SETTING.format(kind=kind))
        self.apply_mapping(json.loads(last) if isinstance(last, str) and last else {})
        if not last:
            self.apply_mapping({name: name for name in self.combos if name in self.header})

    def _build_fields(self) -> None:
        """A row per field, in the forms' order: its label (the mapping file's name for it as a
        tooltip), the column it is read from, and its value when that cell is empty."""
        kind = self.kind_value()
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.combos, self.defaults = {}, {}
        for name in csv_file.FIELDS[kind]:
            combo = QComboBox()
            combo.setObjectName(f"field_{name}")
            combo.addItem(self.tr("(none)"), [])
            for column in self.header:
                combo.addItem(column, [column])
            combo.currentIndexChanged.connect(self._changed)
            default = QLineEdit()
            default.setObjectName(f"default_{name}")
            default.setPlaceholderText(self.tr("Default when empty"))
            default.setToolTip(self.tr("The value given when the column is not chosen or its "
                                       "cell is empty"))
            default.setFixedWidth(default.fontMetrics().horizontalAdvance(
                default.placeholderText()) + 24)
            default.textEdited.connect(self._changed)
            self.combos[name], self.defaults[name] = combo, default
            label = QLabel(field_label(name))
            label.setToolTip(name)  # the name a mapping file gives it
            label.setBuddy(combo)
            accessible(default, self.tr("%1: value when empty").replace("%1", field_label(name)))
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(default)
            self.fields_form.addRow(label, row)
        self._built = kind

    def _start_from_chosen(self) -> None:
        choice = self.start_from.currentData()
        if choice == "last":
            last = QSettings().value(_SETTING.format(kind=self.kind_value()))
            self.apply_mapping(json.loads(last) if isinstance(last, str) and last else {})
        elif choice == "same":
            self.apply_mapping({name: name for name in self.combos if name in self.header})
        elif str(choice) in self.shipped:
            self.apply_mapping(json.loads(self.shipped[str(choice)]))

    def apply_mapping(self, data: dict[str, Any]) -> None:
        """Set the combos, the defaults and the options from a mapping as MAPPING.json writes
        it; what they cannot show (a value's translation) is kept with it."""
        self._extra = {k: data[k] for k in ("values",) if k in data}
        defaults = data.get("defaults") or {}
        for name, edit in self.defaults.items():
            edit.setText(str(defaults.get(name, "")))
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
        data.update(self._extra)
        defaults = {name: edit.text().strip() for name, edit in self.defaults.items()
                    if edit.text().strip()}
        if defaults:
            data["defaults"] = defaults
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

    def _previewed(self, looked: CsvPreview) -> None:
        self.panel.show_preview(looked.preview)
        self._show_found(looked.options)
        self._show_first(looked.first)
        self.import_button.setEnabled(looked.preview.ok)

    def _show_found(self, options: csv_file.Options) -> None:
        """"Detect" says what it found for the decimal mark and the date format."""
        for combo, value in ((self.decimal, options.decimal),
                             (self.date_format, options.date_format)):
            found = combo.itemText(combo.findData(value)) if combo.findData(value) > 0 else ""
            combo.setItemText(0, self.tr("Detect (found: %1)").replace("%1", found)
                              if found and not combo.currentData() else self.tr("Detect"))

    def _show_first(self, first: tuple[tuple[int, tuple[tuple[str, object], ...]], ...]) -> None:
        """The first rows, mapped, amounts and dates as the window shows them."""
        names = [n for n in csv_file.FIELDS[self.kind_value()]
                 if any(n == field for _, pairs in first for field, _ in pairs)]
        rows = [(str(row), *(self._shown(name, dict(pairs)) for name in names))
                for row, pairs in first]
        fill_table(self.first_rows, [self.tr("Row"), *(field_label(n) for n in names)], rows)
        self.first_rows.resizeRowsToContents()

    def _shown(self, name: str, values: dict[str, object]) -> str:
        value = values.get(name)
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        text = str(value)
        language = self._desk.language
        try:
            if name in csv_file.MONEY:
                return language.money(Money.parse(text, str(values.get("currency", ""))))
            if name in csv_file.DATES:
                return language.day(date.fromisoformat(text))
        except (InputError, ValueError):
            return text  # shown as it is; the preview's refusals say why
        return text.replace("\n", ", ")

    def _refused(self, message: str) -> None:
        self.panel.show_problem(message)
        self.first_rows.clear()
        self.first_rows.setRowCount(0)
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
