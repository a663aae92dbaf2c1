"""Settings > Seller: who the invoices say sells (IV-1), how VAT is charged (IV-3), when a
consumer is reminded (IV-6), and how invoice and credit note numbers start.

Each field is checked as it is typed by the checks the import, the forms and `renewdesk
settings` use (`domain.tax_ids`, through `services.seller`), its words under it. A line at
the top says what invoices still wait for; runs charge meanwhile and their invoices are issued,
in order, once the seller is complete. The values go with the other settings when the dialog
saves (all or nothing, off the GUI thread); the logo is kept as base64 text in `seller_logo`.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import render
from renewdesk.services import seller
from renewdesk.services.seller import DEFAULTS
from renewdesk.ui.widgets import label_fields

_RED = "color: #b3261e"
_GREY = "color: #6b6b6b"
FRANCHISE_MENTION = "TVA non applicable, art. 293 B du CGI"


class SellerTab(QWidget):
    def __init__(self, current: Mapping[str, str], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sellerTab")
        self._language = language
        self.current = dict(current)
        self.widgets: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self.logo_text = current.get("seller_logo", "")

        self.missing = QLabel()
        self.missing.setObjectName("sellerMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(f"{_RED}; font-weight: bold")
        inner = QWidget()
        form = self._form = QFormLayout()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addStretch()  # rows keep their height when the tab is taller than they need
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self._line("seller_name", self.tr("Legal name:"), self.tr("e.g. Atelier Web SARL"))
        address = self._add("seller_address", self.tr("Address:"), QPlainTextEdit())
        assert isinstance(address, QPlainTextEdit)
        address.setTabChangesFocus(True)
        address.setFixedHeight(60)
        country = QComboBox()
        country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        country.setMinimumContentsLength(16)  # not as wide as the longest country's name
        names = tax_ids.country_names(language)
        for code, name in sorted(names.items(), key=lambda i: (i[0] != "FR", i[1].casefold())):
            country.addItem(f"{name} ({code})", code)
        self._add("seller_country", self.tr("Country:"), country)
        self._line("seller_siren", self.tr("SIREN:"), self.tr("9 digits"))
        self._line("seller_siret", self.tr("SIRET:"), self.tr("14 digits (optional)"))
        self._line("seller_vat_number", self.tr("VAT number:"), "FR44732829320")
        self._line("seller_email", self.tr("E-mail (invoices, and your alerts):"), "")
        self._line("seller_phone", self.tr("Phone:"), self.tr("optional"))
        form.addRow(self.tr("Logo:"), self._logo_row())
        footer = self._add("seller_footer", self.tr("Invoice footer:"), QPlainTextEdit())
        assert isinstance(footer, QPlainTextEdit)
        footer.setTabChangesFocus(True)
        footer.setFixedHeight(72)
        footer.setPlaceholderText(self.tr("e.g. SARL au capital de 10 000 € · RCS Lyon"))
        signature = self._add("seller_signature", self.tr("E-mail signature:"), QPlainTextEdit())
        assert isinstance(signature, QPlainTextEdit)
        signature.setTabChangesFocus(True)
        signature.setFixedHeight(60)
        signature.setPlaceholderText(self.tr("e.g. Marie Martin, your account manager"))
        self._line("seller_late_penalty", self.tr("Late-payment penalty rate:"),
                   self.tr("in words, e.g. trois fois le taux d'intérêt légal"))
        indemnity = self._note(self.tr(
            "Invoices to businesses also state the fixed 40 € indemnity for recovery costs."))
        form.addRow("", indemnity)
        self._box("vat_franchise", self.tr("VAT franchise: no VAT is charged; invoices say "
                                           "\u201c%1\u201d").replace("%1", FRANCHISE_MENTION))
        self._box("prices_include_vat", self.tr("Prices are typed including VAT (what is "
                                                "charged stays the same)"))
        self._line("default_vat_rate", self.tr("Default VAT rate (%):"), "20")
        self.widgets["default_vat_rate"].setMaximumWidth(120)
        self._line("invoice_prefix", self.tr("Invoice number prefix:"), "F")
        self._line("credit_note_prefix", self.tr("Credit note number prefix:"), "A")
        for name in ("invoice_prefix", "credit_note_prefix"):
            self.widgets[name].setMaximumWidth(120)
        days = QSpinBox()
        days.setRange(*tax_ids.NOTICE_DAYS)
        days.setSuffix(self.tr(" days before expiry"))
        days.setMaximumWidth(240)
        self._add("consumer_notice_days",
                  self.tr("Consumers reminded:"), days)
        self._show(current)
        label_fields(form)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addWidget(scroll)
        self.validate()

    # Building ------------------------------------------------------------------------------

    def _add(self, name: str, label: str, widget: QWidget,
             shown: QWidget | None = None) -> QWidget:
        """`widget` under `label` with its problem's line; `shown`: what holds it, if not it."""
        widget.setObjectName(name)
        self.widgets[name] = widget
        problem = QLabel()
        problem.setObjectName(f"{name}Problem")
        problem.setStyleSheet(_RED)
        problem.setWordWrap(True)
        problem.hide()
        self.problems[name] = problem
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(shown or widget)
        box.addWidget(problem)
        self._form.addRow(label, box)
        signal: Callable[..., object] | None = None
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            signal = widget.textChanged.connect
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged.connect
        elif isinstance(widget, QCheckBox):
            signal = widget.toggled.connect
        elif isinstance(widget, QSpinBox):
            signal = widget.valueChanged.connect
        if signal is not None:
            signal(self.validate)
        return widget

    def _line(self, name: str, label: str, hint: str) -> None:
        line = QLineEdit()
        if hint:
            line.setPlaceholderText(hint)
        self._add(name, label, line)

    def _box(self, name: str, words: str) -> None:
        box = QCheckBox()
        text = QLabel(words)
        text.setWordWrap(True)
        text.setBuddy(box)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        holder = QWidget()
        holder.setLayout(row)
        self._add(name, "", box, holder)

    def _note(self, text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet(_GREY)
        return note

    def _logo_row(self) -> QWidget:
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("logoThumbnail")
        self.thumbnail.setFixedSize(160, 64)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #c8c8c8; background: white")
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseLogo")
        choose.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove logo"))
        self.remove_logo.setObjectName("removeLogo")
        self.remove_logo.clicked.connect(self._remove_logo)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(choose)
        buttons.addWidget(self.remove_logo)
        buttons.addStretch()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(buttons)
        row.addStretch()
        problem = QLabel()
        problem.setObjectName("seller_logoProblem")
        problem.setStyleSheet(_RED)
        problem.setWordWrap(True)
        problem.hide()
        self.problems["seller_logo"] = problem
        hint = self._note(self.tr("PNG or JPEG, at most 500 KB"))
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(hint)
        column.addWidget(problem)
        holder = QWidget()
        holder.setLayout(column)
        return holder

    # Values --------------------------------------------------------------------------------

    def _show(self, current: Mapping[str, str]) -> None:
        for name, widget in self.widgets.items():
            value = current.get(name, DEFAULTS.get(name, ""))
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(value in ("True", "true"))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value or "FR")))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value) if value.isdigit() else 45)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QLineEdit):
                shown = value
                if name == "default_vat_rate" and self._language == "fr":
                    shown = value.replace(".", ",")
                if name == "seller_email" and value == "seller@renewdesk.invalid":
                    shown = ""
                widget.setText(shown)
            widget.blockSignals(False)
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo_text:
            pixmap.loadFromData(base64.b64decode(self.logo_text))
        if pixmap.isNull():
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("No logo"))
        else:
            self.thumbnail.setPixmap(pixmap.scaled(
                self.thumbnail.width() - 8, self.thumbnail.height() - 8,
                Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.remove_logo.setEnabled(bool(self.logo_text))

    def typed(self) -> dict[str, str]:
        """Every field as the settings keep it (a rate "5.5", a flag "True")."""
        out: dict[str, str] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QCheckBox):
                out[name] = str(widget.isChecked())
            elif isinstance(widget, QComboBox):
                out[name] = str(widget.currentData())
            elif isinstance(widget, QSpinBox):
                out[name] = str(widget.value())
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText().strip()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text().strip()
        out["default_vat_rate"] = out["default_vat_rate"].removesuffix("%").strip().replace(
            ",", ".")
        if not out["seller_email"]:
            out["seller_email"] = self.current.get("seller_email", "seller@renewdesk.invalid")
        out["seller_logo"] = self.logo_text
        return out

    def values(self) -> dict[str, str]:
        """What is typed, each checked value in the form it is kept (compact identifiers)."""
        out = self.typed()
        for name, value in out.items():
            try:
                kept = self._check(name, value, out)
            except InputError:
                continue
            out[name] = kept
        return out

    def _check(self, name: str, value: str, typed: Mapping[str, str]) -> str:
        if name == "default_vat_rate":
            return tax_ids.rate_text(tax_ids.parse_vat_rate(value, name))
        if name == "seller_email":
            if value and "@" not in value:
                raise InputError("not_an_email", field=name, given=value)
            return value
        if name not in seller.SELLER_NAMES:
            return value
        kept = seller.check_setting(name, value)
        if name == "seller_vat_number" and kept and typed.get("seller_siren"):
            try:  # a SIREN of its own is said under the SIREN, not here
                siren = seller.check_setting("seller_siren", typed["seller_siren"])
            except InputError:
                return kept
            tax_ids.check_vat_number(kept, name, siren)
        return kept

    # Checking ------------------------------------------------------------------------------

    @Slot()
    def validate(self) -> bool:
        """Each field's words under it, and what invoices still wait for at the top."""
        typed = self.typed()
        ok = True
        for name, value in typed.items():
            label = self.problems.get(name)
            if label is None:
                continue
            try:
                self._check(name, value, typed)
            except InputError as error:
                label.setText(self.words(error))
                label.show()
                ok = False
            else:
                label.hide()
        waiting = self.waiting(typed)
        self.missing.setText(self.tr("Invoices wait for: %1. Runs still charge; their "
                                     "invoices are issued, in order, once this is complete.")
                             .replace("%1", ", ".join(waiting)) if waiting else "")
        self.missing.setVisible(bool(waiting))
        return ok

    def words(self, error: InputError) -> str:
        """A refusal's words under its field: without the field's name, which is beside it."""
        if not error.code:
            return str(error)
        values = {**error.values, "field": "", "name": ""}
        return _sentence(render(error.code, values, self._language).lstrip(": \u00a0"))

    def waiting(self, typed: Mapping[str, str]) -> list[str]:
        """What invoices need and is empty or wrong, in words (services.seller.missing's list)."""
        words = {"seller_name": self.tr("legal name"), "seller_address": self.tr("address"),
                 "seller_country": self.tr("country"), "seller_siren": self.tr("SIREN"),
                 "seller_vat_number": self.tr("VAT number")}
        out = []
        for name, said in words.items():
            if name == "seller_vat_number" and typed.get("vat_franchise") == "True":
                continue
            value = typed.get(name, "")
            try:
                good = bool(value) and bool(self._check(name, value, typed))
            except InputError:
                good = False
            if not good:
                out.append(said)
        return out

    # The logo ------------------------------------------------------------------------------

    @Slot()
    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> bool:
        """The image read and checked; shown, or its words under it (nothing changes)."""
        problem = self.problems["seller_logo"]
        try:
            data = path.read_bytes()
        except OSError as error:
            problem.setText(error.strerror or str(error))
            problem.show()
            return False
        try:
            tax_ids.logo_kind(data, "seller_logo")
        except InputError as error:
            problem.setText(self.words(error))
            problem.show()
            return False
        problem.hide()
        self.logo_text = base64.b64encode(data).decode("ascii")
        self._show_logo()
        return True

    @Slot()
    def _remove_logo(self) -> None:
        self.logo_text = ""
        self.problems["seller_logo"].hide()
        self._show_logo()


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:]
