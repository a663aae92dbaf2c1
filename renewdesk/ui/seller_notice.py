"""While the seller's identity is incomplete (IV-1), the window says what invoices wait for and
how many payments wait with them: a bar above the Invoices list and a line in the status bar,
each opening Settings > Seller. Read off the GUI thread whenever the window reads its lists
again (a run, a change, the settings saved); gone once nothing is missing, when saving the
seller has issued the invoices that waited (`actions.save_settings`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from renewdesk.services.seller import SellerState, seller_state
from renewdesk.ui.desk import Desk

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
BAR_STYLE = ("QFrame#sellerBar { background: #fff1c2; border: 1px solid #e0c463; "
             "border-radius: 4px; }")


def missing_words(codes: tuple[str, ...]) -> str:
    """`seller.missing`'s codes in words: "legal name, SIREN and VAT number"."""
    words = {"legal_name": translate("SellerNotice", "legal name"),
             "address": translate("SellerNotice", "address"),
             "country": translate("SellerNotice", "country"),
             "siren": translate("SellerNotice", "SIREN"),
             "vat_number": translate("SellerNotice", "VAT number")}
    said = [words.get(code, code) for code in codes]
    if len(said) < 2:
        return "".join(said)
    return ", ".join(said[:-1]) + translate("SellerNotice", " and ") + said[-1]


def notice_text(state: SellerState) -> str:
    """What invoices wait for and how many payments wait with them, in a line."""
    waiting = state.waiting  # a plain name: pyside6-lupdate misses `state.waiting` here
    text = translate("SellerNotice", "Invoices wait for the seller's %1: %n payment(s) waiting",
                     "", waiting)
    return text.replace("%1", missing_words(state.missing))


class SellerNotice(QObject):
    """The seller's state as last read, shown by `label` (the status bar's) and each `bar()`;
    `open_seller` opens Settings on its Seller tab."""

    changed = Signal()

    def __init__(self, desk: Desk, open_seller: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._open_seller = open_seller
        self.state: SellerState | None = None
        self.label = QLabel()
        self.label.setObjectName("sellerNotice")
        self.label.setStyleSheet("color: #8a5a00")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(lambda _link: self._open_seller())
        self.label.hide()
        self._bars: list[tuple[QFrame, QLabel]] = []

    @property
    def incomplete(self) -> bool:
        return self.state is not None and bool(self.state.missing)

    def bar(self) -> QFrame:
        """A bar for a page to show at its top (hidden while the seller is complete)."""
        frame = QFrame()
        frame.setObjectName("sellerBar")
        frame.setStyleSheet(BAR_STYLE)
        text = QLabel()
        text.setObjectName("sellerBarText")
        text.setWordWrap(True)
        button = QPushButton(translate("SellerNotice", "Open Settings > Seller…"))
        button.setObjectName("openSeller")
        button.clicked.connect(lambda: self._open_seller())
        row = QHBoxLayout(frame)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(text, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._bars.append((frame, text))
        self._show_on(frame, text)
        return frame

    def check(self) -> None:
        self._desk.read("seller state", seller_state, self.show_state)

    def show_state(self, state: SellerState) -> None:
        self.state = state
        if self.incomplete:
            link = translate("SellerNotice", "Open Settings > Seller")
            waiting = state.waiting  # a plain name: pyside6-lupdate misses `state.waiting` here
            short = translate("SellerNotice", "Invoices wait for the seller: %n payment(s) "
                              "waiting", "", waiting)  # what is missing: in the tooltip
            self.label.setText(f"⚠ {_escape(short)} — <a href=\"seller\">{_escape(link)}</a>")
            self.label.setToolTip(self._sentence())
        self.label.setVisible(self.incomplete)
        for frame, text in self._bars:
            self._show_on(frame, text)
        self.changed.emit()

    def _sentence(self) -> str:
        assert self.state is not None
        return (notice_text(self.state) + ". " + translate(
            "SellerNotice", "Payments are still taken meanwhile. Once the seller is complete "
            "and saved, their invoices are issued at once, in the order they were paid."))

    def _show_on(self, frame: QWidget, text: QLabel) -> None:
        if self.incomplete:
            text.setText(self._sentence())
        frame.setVisible(self.incomplete)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
