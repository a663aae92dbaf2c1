"""New / Edit forms for customers, billing contacts, services, installment orders and usage
records: one dialog, its fields declared per kind.

Each value is checked as it is typed, with the import's own checks (`services.forms.check`), and
the reason shows under its field, in the words the import uses for it. Saving goes off the GUI
thread; a refusal there (a reference already taken, an unknown method, PM-3, AR-1, or someone
else's change meanwhile) shows under its field too. After someone else's change the form shows
the values as they are now, and what was typed is listed so it is not lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import colon
from renewdesk.services import forms
from renewdesk.services.context import Context
from renewdesk.services.forms import Problem, Record
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import SendingDialog, label_fields

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
_RED = "color: #b3261e"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str  # text, lines, choice, bool, date, money, int, method, contact, country, rate
    options: tuple[tuple[str, str], ...] = ()  # (value, shown) for a choice
    hint: str = ""


def _fields(kind: str) -> list[Field]:
    ref = Field("ref", translate("RecordForm", "Reference"), "text",
                hint=translate("RecordForm", "empty: given when saved"))
    # A customer and a billing contact are first of all a person to write to.
    person = [ref, Field("name", translate("RecordForm", "Name"), "text"),
              Field("email", translate("RecordForm", "E-mail"), "text"),
              Field("address", translate("RecordForm", "Address"), "lines")]
    if kind == "customer":
        return [*person,
                Field("language", translate("RecordForm", "Language"), "choice",
                      (("fr", translate("RecordForm", "French")),
                       ("en", translate("RecordForm", "English")))),
                Field("emails_enabled", translate("RecordForm", "Send e-mails to this customer"),
                      "bool"),
                Field("country", translate("RecordForm", "Country"), "country"),
                Field("business", translate("RecordForm", "Business customer (invoices carry its "
                                                          "SIREN or VAT number)"), "bool"),
                Field("vat_number", translate("RecordForm", "VAT number"), "text",
                      hint=translate("RecordForm", "e.g. FR44732829320")),
                Field("siren", translate("RecordForm", "SIREN"), "text",
                      hint=translate("RecordForm", "9 digits"))]
    if kind == "contact":
        return person
    if kind == "service":
        return [ref, Field("kind", translate("RecordForm", "Kind"), "text",
                           hint=translate("RecordForm", "e.g. domain, hosting")),
                Field("label", translate("RecordForm", "Label"), "text"),
                Field("billing", translate("RecordForm", "Billing"), "choice",
                      (("period", translate("RecordForm", "By period")),
                       ("usage", translate("RecordForm", "By usage")))),
                Field("currency", translate("RecordForm", "Currency"), "text"),
                Field("price", translate("RecordForm", "Price per period"), "money"),
                Field("period_months", translate("RecordForm", "Period (months)"), "int"),
                Field("unit_price", translate("RecordForm", "Price per unit"), "money"),
                Field("vat_rate", translate("RecordForm", "VAT rate (%)"), "rate"),
                Field("expires_on", translate("RecordForm", "Expires on"), "date"),
                Field("payment_method", translate("RecordForm", "Payment method"), "method"),
                Field("billing_contact", translate("RecordForm", "Billing contact"), "contact"),
                Field("auto_renew", translate("RecordForm", "Renew automatically"), "bool")]
    if kind == "order":
        return [ref, Field("product", translate("RecordForm", "Product"), "text"),
                Field("invoice_number", translate("RecordForm", "Invoice number"), "text"),
                Field("installments", translate("RecordForm", "Number of installments"), "int"),
                Field("interval", translate("RecordForm", "Interval"), "choice",
                      (("monthly", translate("RecordForm", "Monthly")),
                       ("weekly", translate("RecordForm", "Weekly")))),
                Field("currency", translate("RecordForm", "Currency"), "text"),
                Field("installment_amount", translate("RecordForm", "Installment amount"), "money"),
                Field("vat_rate", translate("RecordForm", "VAT rate (%)"), "rate"),
                Field("first_due_on", translate("RecordForm", "First due on"), "date"),
                Field("method", translate("RecordForm", "Paid by"), "choice",
                      (("card", translate("RecordForm", "Card")),
                       ("sepa", translate("RecordForm", "SEPA direct debit")))),
                Field("payment_method", translate("RecordForm", "Payment method"), "method")]
    return [ref, Field("on", translate("RecordForm", "Day"), "date"),
            Field("quantity", translate("RecordForm", "Quantity"), "int")]


def field_label(key: str) -> str:
    """The label a form gives a field of the exchange file (the CSV mapping shows it too)."""
    for kind in ("customer", "service", "order", "usage"):
        for spec in _fields(kind):
            if spec.key == key:
                return spec.label
    return {"customer": translate("RecordForm", "Customer"),
            "status": translate("RecordForm", "Status"),
            "processor_customer": translate("RecordForm", "Customer at the processor"),
            }.get(key, key)


def title(kind: str, ref: str | None, owner: str | None) -> str:

    new = {"customer": translate("RecordForm", "New customer"),
           "contact": translate("RecordForm", "New billing contact for %1"),
           "service": translate("RecordForm", "New service for %1"),
           "order": translate("RecordForm", "New installment order for %1"),
           "usage": translate("RecordForm", "New usage record for %1")}
    edit = {"customer": translate("RecordForm", "Customer %1"),
            "contact": translate("RecordForm", "Billing contact %1"),
            "service": translate("RecordForm", "Service %1"),
            "order": translate("RecordForm", "Installment order %1"),
            "usage": translate("RecordForm", "Usage record %1")}
    return edit[kind].replace("%1", ref) if ref else new[kind].replace("%1", owner or "")


_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d)")
_FRENCH_DAY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


class RecordDialog(SendingDialog):
    """`saved` carries the object as saved."""

    saved = Signal(object)

    def __init__(self, desk: Desk, record: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{record.kind}Form")
        self._desk = desk
        self.record = record
        self.fields = _fields(record.kind)
        self.setWindowTitle(title(record.kind, record.ref, record.owner))
        self.widgets: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self._touched: set[str] = set()  # the fields typed in since the form was filled
        self._saving = False
        self._boxes: dict[str, QVBoxLayout] = {}
        self._form = form = QFormLayout()
        # A new object not opened from its owner: the owner is typed (a customer's reference,
        # or a service's for usage), and its methods and contacts are read when it is.
        self.owner = QLineEdit(record.owner or "")
        self.owner.setObjectName("owner")
        if record.ref is None and record.kind != "customer":
            form.addRow(self.tr("Service") if record.kind == "usage" else self.tr("Customer"),
                        self.owner)
            self.owner.editingFinished.connect(self._owner_changed)
        for spec in self.fields:
            widget = self._widget(spec)
            widget.setObjectName(spec.key)
            self.widgets[spec.key] = widget
            problem = QLabel()
            problem.setObjectName(f"{spec.key}Problem")
            problem.setStyleSheet(_RED)
            problem.setWordWrap(True)
            problem.hide()
            self.problems[spec.key] = problem
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(problem)
            self._boxes[spec.key] = box
            form.addRow(spec.label if spec.kind != "bool" else "", box)
        label_fields(form)
        self.general = QLabel()
        self.general.setObjectName("formProblem")
        self.general.setStyleSheet(_RED)
        self.general.setWordWrap(True)
        self.notes = QLabel()  # why some fields cannot change
        self.notes.setObjectName("lockedNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #6b6b6b")
        self.typed = QLabel()
        self.typed.setObjectName("typedBefore")
        self.typed.setWordWrap(True)
        self.typed.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.general)
        layout.addWidget(self.typed)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._checking = QTimer(self, singleShot=True, interval=150)
        self._checking.timeout.connect(self.validate)
        self.show_record(record)
        self.resize(520, self.sizeHint().height())

    # Widgets -------------------------------------------------------------------------------

    def _widget(self, spec: Field) -> QWidget:
        def changed(*_args: object) -> None:
            self._touched.add(spec.key)
            self._changed()

        if spec.kind == "lines":
            lines = QPlainTextEdit()
            lines.setTabChangesFocus(True)
            lines.setFixedHeight(64)
            lines.textChanged.connect(changed)
            return lines
        if spec.kind == "bool":
            box = QCheckBox(spec.label)
            box.toggled.connect(changed)
            return box
        if spec.kind in ("choice", "method", "contact", "country"):
            combo = QComboBox()
            options = spec.options if spec.kind != "country" else _countries(
                self._desk.language.code)
            if spec.kind == "country":  # not as wide as the longest country's name
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(16)
            for value, shown in options:
                combo.addItem(shown, value)
            combo.currentIndexChanged.connect(changed)
            return combo
        line = QLineEdit()
        if spec.hint:
            line.setPlaceholderText(spec.hint)
        elif spec.kind == "date":
            line.setPlaceholderText(self.tr("DD/MM/YYYY") if self._french() else "YYYY-MM-DD")
        elif spec.kind == "money":
            line.setPlaceholderText("12,00" if self._french() else "12.00")
        line.textChanged.connect(changed)
        if spec.kind == "rate":
            line.setMaximumWidth(220)
        return line

    def _french(self) -> bool:
        return self._desk.language.code == "fr"

    def show_record(self, record: Record) -> None:
        """The form filled with `record`'s values (what the rules do not let change, disabled
        with the reason)."""
        self.record = record
        self.setWindowTitle(title(record.kind, record.ref, record.owner))
        for spec in self.fields:
            widget = self.widgets[spec.key]
            widget.blockSignals(True)
            if spec.kind in ("method", "contact"):
                assert isinstance(widget, QComboBox)
                widget.clear()
                widget.addItem(self.tr("(none)"), None)
                for choice in (record.methods if spec.kind == "method" else record.contacts):
                    widget.addItem(choice.label, choice.value)
            self._set(spec, widget, record.value(spec.key))
            widget.blockSignals(False)
            reason = record.lock(spec.key)
            widget.setEnabled(reason is None)
            widget.setToolTip(reason.words(self._desk.language.code) if reason else "")
        notes = dict.fromkeys(_sentence(reason.words(self._desk.language.code))
                              for key, reason in record.locked if key != "ref")
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        rate = self.widgets.get("vat_rate")
        if isinstance(rate, QLineEdit):  # IV-3: empty is the default rate, which it shows
            rate.setPlaceholderText(self.tr("default: %1 %").replace(
                "%1", self._shown("rate", record.vat_default)))
        self._touched = set()
        self._billing_shown()
        self.validate()

    def _set(self, spec: Field, widget: QWidget, value: Any) -> None:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLineEdit):
            widget.setText(self._shown(spec.kind, value))

    def _shown(self, kind: str, value: Any) -> str:
        """A value as the reader types it: 31/12/2026 and 12,50 in French."""
        if value is None:
            return ""
        text = str(value)
        if self._french() and kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            year, month, day = text.split("-")
            return f"{day}/{month}/{year}"
        if self._french() and kind in ("money", "rate"):
            return text.replace(".", ",")
        return text

    def _typed(self, spec: Field, widget: QWidget) -> Any:
        """A field's value in the exchange file's form ("2026-12-31", "12.50", 3)."""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        # Spaces around a value are dropped, but not around a reference: an identifier with
        # one is refused, as in a file, rather than quietly becoming another.
        text = widget.text() if spec.key == "ref" else widget.text().strip()
        if not text.strip():
            return None
        if spec.kind == "int":
            return int(text) if re.fullmatch(r"-?\d{1,30}", text) else text
        if spec.kind == "money" and self._french():  # "1 234,50": spaces between digits
            return _THOUSANDS.sub("", text).replace(",", ".")
        if spec.kind == "rate":  # "5,5 %" as a file writes it, "5.5"
            return text.removesuffix("%").strip().replace(",", ".")
        if spec.kind == "date":
            french = _FRENCH_DAY.match(text)
            if french:
                day, month, year = french.groups()
                return f"{year}-{int(month):02d}-{int(day):02d}"
        return text

    def values(self) -> dict[str, Any]:
        values = {spec.key: self._typed(spec, self.widgets[spec.key]) for spec in self.fields}
        if self.record.kind == "service":  # the price that does not apply is not sent
            values["unit_price" if values.get("billing") == "period" else "price"] = None
        if self.record.kind == "customer" and not values.get("business"):
            values["vat_number"] = values["siren"] = None  # a consumer's are not kept
        return values

    def _billing_shown(self) -> None:
        if self.record.kind == "customer":  # a business's identifiers, for a business
            business = self.widgets["business"]
            assert isinstance(business, QCheckBox)
            for key in ("vat_number", "siren"):
                self._form.setRowVisible(self._boxes[key], business.isChecked())
            return
        if self.record.kind != "service":
            return
        billing = self.widgets["billing"]
        assert isinstance(billing, QComboBox)
        period = billing.currentData() == "period"
        for key, shown in (("price", period), ("period_months", period),
                           ("unit_price", not period)):
            self._form.setRowVisible(self._boxes[key], shown)

    # Checking ------------------------------------------------------------------------------

    @Slot()
    def _changed(self) -> None:
        self._billing_shown()
        self._checking.start()

    def label(self, key: str | None) -> str | None:
        return next((spec.label for spec in self.fields if spec.key == key),
                    field_label(key) if key else None)

    @Slot()
    def validate(self) -> bool:
        """The import's first refusal of what is typed, under its field; Save only without."""
        self._checking.stop()
        if self.record.ref is None and self.record.kind != "customer" \
                and not self.owner.text().strip():
            self.show_problem(None)
            self.general.setText(self.tr("Which customer (or service) is it for?"))
            self.save_button.setEnabled(False)
            return False
        error = forms.check(self.record.kind, self.values())
        found = None if error is None else forms.problem(error)
        # A field left empty is said to be required once it has been typed in, or on Save.
        quiet = found is not None and found.code == "missing_key" and \
            found.field not in self._touched and not self._saving
        self.show_problem(None if quiet else found)
        self.save_button.setEnabled(error is None or quiet)  # Save then says what is missing
        return error is None

    def show_problem(self, problem: Problem | None) -> None:
        for label in self.problems.values():
            label.hide()
        self.general.clear()
        if problem is None:
            return
        language = self._desk.language.code
        if problem.code == "missing_key" and problem.field in self.problems:
            text = self.tr("Required")
        else:
            text = problem.words(language, self.label(problem.field))
        target = self.problems.get(problem.field or "")
        if target is not None and not self.widgets[problem.field or ""].isHidden():
            target.setText(text)
            target.show()
        else:
            self.general.setText(text)

    def problem_text(self) -> str:
        """What the form says is wrong (the tests read it)."""
        shown = [label.text() for label in self.problems.values() if not label.isHidden()]
        return "\n".join([*shown, self.general.text()]).strip()

    # Saving --------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        self._saving = True
        try:
            if not self.validate():
                return
        finally:
            self._saving = False
        kind, values, seen = self.record.kind, self.values(), self.record
        owner = self.record.owner if self.record.ref else self.owner.text().strip() or None
        self._desk.change(self, lambda ctx: _saving(ctx, kind, owner, values, seen),
                          self._answered)

    @Slot()
    def _owner_changed(self) -> None:
        """The owner typed: its methods and contacts are read, what was typed stays."""
        owner, kind = self.owner.text().strip(), self.record.kind
        if not owner or owner == self.record.owner:
            return
        typed = self.values()

        def arrived(record: Record) -> None:
            self.show_record(forms.Record(record.kind, None, record.owner,
                                          tuple((k, typed.get(k)) for k, _v in record.values),
                                          record.methods, record.contacts, record.locked,
                                          vat_default=record.vat_default))

        self._desk.read(self, lambda ctx: forms.new_record(ctx, kind, owner), arrived,
                        lambda message: self.general.setText(message))

    def _answered(self, answer: Record | Problem) -> None:
        if isinstance(answer, Record):
            self.saved.emit(answer)
            self._desk.changed()
            self._desk.message(self.tr("Saved %1").replace("%1", answer.ref or ""))
            self.accept()
            return
        self.show_problem(answer)
        if answer.conflict:  # the values as they are now, and what was typed beside them
            lines = [f"{spec.label}{colon(self._desk.language.code)}{self._as_shown(spec)}"
                     for spec in self.fields if spec.key in self._touched]
            ref, kind = self.record.ref or "", self.record.kind
            self._desk.read(self, lambda ctx: forms.read_record(ctx, kind, ref),
                            lambda record: self._read_again(record, lines, answer))

    def _as_shown(self, spec: Field) -> str:
        """A field's value as its widget shows it (what the person typed or chose)."""
        widget = self.widgets[spec.key]
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText().replace("\n", ", ")
        elif isinstance(widget, QCheckBox):
            text = self.tr("yes") if widget.isChecked() else self.tr("no")
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
        else:
            assert isinstance(widget, QLineEdit)
            text = widget.text()
        return text or self.tr("(empty)")

    def _read_again(self, record: Record, lines: list[str], problem: Problem) -> None:
        self.show_record(record)
        self.show_problem(problem)
        self.typed.setText(self.tr("What you had typed:") + "\n" + "\n".join(lines))
        self.typed.setVisible(bool(lines))


def _countries(language: str) -> tuple[tuple[str, str], ...]:
    """Every country, by its name in the window's language, France first."""
    names = tax_ids.country_names(language)
    ordered = sorted(names.items(), key=lambda item: (item[0] != "FR", item[1].casefold()))
    return tuple((code, f"{name} ({code})") for code, name in ordered)


def _sentence(words: str) -> str:
    """A refusal's words (which start in lower case, to follow a place) as a sentence."""
    return words[:1].upper() + words[1:] + ("" if words.endswith(".") else ".")


def _saving(ctx: Context, kind: str, owner: str | None, values: dict[str, Any],
            seen: Record) -> Record | Problem:
    """On the worker: the saved object, or the refusal as the form shows it."""
    try:
        return forms.save(ctx, kind, owner, values, seen)
    except InputError as error:
        return forms.problem(error)


def open_form(desk: Desk, parent: QWidget, kind: str, ref: str | None, owner: str | None,
              saved: Callable[[Record], None] | None = None) -> None:
    """The form of object `ref` (or a new one of `owner`), read off the GUI thread, then shown."""
    def show(record: Record) -> None:
        dialog = RecordDialog(desk, record, parent)
        if saved is not None:
            dialog.saved.connect(saved)
        dialog.setModal(True)
        dialog.show()

    if ref is None:
        desk.read(("form", kind), lambda ctx: forms.new_record(ctx, kind, owner), show,
                  lambda message: desk.message(message))
    else:
        desk.read(("form", kind), lambda ctx: forms.read_record(ctx, kind, ref), show,
                  lambda message: desk.message(message))
