"""French and English: the Qt translator, the locale for money and dates, and the words of lists.

The interface follows the system language unless Settings chose one (kept in QSettings, per
user and machine). Words that come from the database (statuses, column keys) are translated
here, each written out so that `pyside6-lupdate` finds it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from renewdesk.domain.money import Money

LANGUAGES = ("fr", "en")
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def chosen_language(store: QSettings | None = None) -> str:
    """"fr" or "en": the one chosen in Settings, else the system's, else English."""
    store = store or QSettings()
    chosen = str(store.value("ui/language", "system"))
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name()[:2]
    return system if system in LANGUAGES else "en"


class Language:
    """The installed translator and the locale used to show money and dates."""

    def __init__(self) -> None:
        self.code = "en"
        self._translator: QTranslator | None = None

    def install(self, code: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.code = code if code in LANGUAGES else "en"
        if self.code != "en":
            translator = QTranslator(app)
            if not translator.load(str(TRANSLATIONS / f"renewdesk_{self.code}.qm")):
                raise FileNotFoundError(f"no compiled translation for {self.code} in "
                                        f"{TRANSLATIONS} (scripts/setup builds it)")
            app.installTranslator(translator)
            self._translator = translator

    @property
    def locale(self) -> str:
        return "fr_FR" if self.code == "fr" else "en_GB"

    def money(self, amount: Money) -> str:
        return amount.format(self.locale)

    def day(self, value: date) -> str:
        return format_date(value, "medium", locale=self.locale)


LANGUAGE = Language()


def status_text(status: str) -> str:
    """Statuses of services, carts, orders, methods and e-mails, as a person reads them."""
    texts = {
        "active": _t("Status", "Active"), "suspended": _t("Status", "Suspended"),
        "overdue": _t("Status", "Overdue"), "cancelled": _t("Status", "Cancelled"),
        "transferred": _t("Status", "Transferred"), "scheduled": _t("Status", "Scheduled"),
        "paid": _t("Status", "Paid"), "failed": _t("Status", "Failed"),
        "expired": _t("Status", "Expired"), "pending": _t("Status", "Pending"),
        "completed": _t("Status", "Completed"), "collection": _t("Status", "In collection"),
        "failing": _t("Status", "Payment failed"), "valid": _t("Status", "Valid"),
        "refused": _t("Status", "Refused"), "removed": _t("Status", "Removed"),
        "blocked": _t("Status", "Blocked (hard decline)"), "queued": _t("Status", "Queued"),
        "sent": _t("Status", "Sent"), "suppressed": _t("Status", "Suppressed"),
        "waiting": _t("Status", "Waiting"), "handed": _t("Status", "Handed over"),
        "none": _t("Status", "Not sent"), "delivered": _t("Status", "Delivered"),
        "confirmed": _t("Status", "Confirmed"), "replaced": _t("Status", "Replaced"),
        "unknown": _t("Status", "Unknown"),
    }
    return texts.get(status, status)


def column_title(key: str) -> str:
    titles = {
        "ref": _t("Column", "Reference"), "name": _t("Column", "Name"),
        "email": _t("Column", "E-mail"), "language": _t("Column", "Language"),
        "methods": _t("Column", "Methods"), "emails": _t("Column", "E-mails on"),
        "customer": _t("Column", "Customer"), "label": _t("Column", "Service"),
        "kind": _t("Column", "Kind"), "price": _t("Column", "Price"),
        "expires_on": _t("Column", "Expires on"), "auto_renew": _t("Column", "Auto-renew"),
        "card": _t("Column", "Card"), "status": _t("Column", "Status"),
        "flag": _t("Column", "Attention"), "type": _t("Column", "Type"),
        "expiry": _t("Column", "Expiry"), "holder": _t("Column", "Holder"),
        "default": _t("Column", "Default"), "state": _t("Column", "State"),
        "invoice": _t("Column", "Invoice"), "product": _t("Column", "Product"),
        "amount": _t("Column", "Amount"), "count": _t("Column", "Installments"),
        "interval": _t("Column", "Interval"), "method": _t("Column", "Method"),
        "paid": _t("Column", "Paid"), "order": _t("Column", "Order"),
        "number": _t("Column", "No."), "due_on": _t("Column", "Due on"),
        "services": _t("Column", "Services"), "notice_on": _t("Column", "Notice on"),
        "charge_on": _t("Column", "Charge on"), "created_on": _t("Column", "Created on"),
        "to": _t("Column", "To"), "subject": _t("Column", "Subject"),
        "tries": _t("Column", "Tries"), "error": _t("Column", "Error"),
        "on": _t("Column", "Date"), "data": _t("Column", "Details"),
        "delivery": _t("Column", "Webhook"), "id": _t("Column", "No."),
        "at": _t("Column", "When"), "who": _t("Column", "Who"),
        "action": _t("Column", "Action"), "before": _t("Column", "Before"),
        "after": _t("Column", "After"),
    }
    return titles.get(key, key)


def filter_title(key: str) -> str:
    titles = {
        "": _t("Filter", "All"), "emails_off": _t("Filter", "E-mails off"),
        "active": _t("Filter", "Active"), "auto_renew": _t("Filter", "Auto-renew on"),
        "suspended": _t("Filter", "Suspended or overdue"),
        "ended": _t("Filter", "Cancelled or transferred"), "in_use": _t("Filter", "In use"),
        "removed": _t("Filter", "Removed"), "blocked": _t("Filter", "Blocked"),
        "failing": _t("Filter", "With a failed installment"),
        "collection": _t("Filter", "In collection"), "waiting": _t("Filter", "Not handed over"),
        "handed": _t("Filter", "Handed over"), "scheduled": _t("Filter", "Scheduled"),
        "failed": _t("Filter", "Failed"), "paid": _t("Filter", "Paid"),
        "queued": _t("Filter", "Queued"), "sent": _t("Filter", "Sent"),
        "suppressed": _t("Filter", "Suppressed"),
    }
    return titles.get(key, key)


def yes_no(value: bool) -> str:
    return _t("Column", "Yes") if value else _t("Column", "No")


def flag_text(listing: str) -> str:
    """The attention flags of lists (PM-7), in words; the cell's tooltip has the date."""
    if listing == "services":
        return _t("Flag", "Card expires before the charge")
    return _t("Flag", "Expires before its next charge")
