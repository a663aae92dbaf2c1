"""French and English: the Qt translator, the locale for money and dates, and the words of lists.

The interface follows the system language unless Settings chose one (kept in QSettings, per
user and machine). Words that come from the database (statuses, column keys) are translated
here, each written out so that `pyside6-lupdate` finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from renewdesk.domain.money import Money

LANGUAGES = ("fr", "en")
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


translate = QCoreApplication.translate  # this name is what pyside6-lupdate looks for


def chosen_language(store: QSettings | None = None) -> str:
    """"fr" or "en": the one chosen in Settings, else the system's, else English."""
    store = store or QSettings()
    chosen = str(store.value("ui/language", "system"))
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name()[:2]
    return system if system in LANGUAGES else "en"


@dataclass(frozen=True)
class Language:
    """The language a window speaks: how it shows money and dates. Made by `install`, which
    puts its translators on the application, and passed to what the window builds."""

    code: str = "en"

    @property
    def locale(self) -> str:
        return "fr_FR" if self.code == "fr" else "en_GB"

    def money(self, amount: Money) -> str:
        return amount.format(self.locale)

    def day(self, value: date) -> str:
        return format_date(value, "medium", locale=self.locale)


_TRANSLATOR = "renewdesk-translator"
# The lists' words in the installed language, each table made at its first use (a list's
# header and cells ask for one word at a time, and translating the whole table at each ask
# weighed on the building of the window's lists).
_tables: dict[str, dict[str, str]] = {}


def _table(build: Callable[[], dict[str, str]]) -> dict[str, str]:
    table = _tables.get(build.__name__)
    if table is None:
        table = _tables[build.__name__] = build()
    return table


def install(code: str) -> Language:
    """Ours (English has one too, for its plurals) and Qt's own, for standard buttons, in place
    of those installed before: the translators belong to the application (Qt looks words up
    there), so they are found on it, not kept in a global of ours."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.setParent(None)
    language = Language(code if code in LANGUAGES else "en")
    ours = QTranslator()
    if not ours.load(str(TRANSLATIONS / f"renewdesk_{language.code}.qm")):
        raise FileNotFoundError(f"no compiled translation for {language.code} in "
                                f"{TRANSLATIONS} (scripts/setup builds it)")
    qt = QTranslator()
    translators = [ours]
    if qt.load(f"qtbase_{language.code}",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.insert(0, qt)
    for translator in translators:  # the last installed is asked first: ours
        translator.setObjectName(_TRANSLATOR)
        translator.setParent(app)
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language.locale))
    _tables.clear()  # the lists' words, translated again in this language
    return language


def installed() -> Language:
    """The language `install` last put on the application (English before any)."""
    return Language("fr" if QLocale().name().startswith("fr") else "en")


def event_text(kind: str) -> str:
    """An event's type as a person reads it (the type itself for one not named here)."""
    return _table(_event_text).get(kind, kind)


def _event_text() -> dict[str, str]:
    return {
        "renewal.scheduled": translate("Event", "Renewal scheduled"),
        "renewal.paid": translate("Event", "Renewal paid"),
        "renewal.failed": translate("Event", "Renewal payment failed"),
        "renewal.cancelled": translate("Event", "Renewal cancelled"),
        "renewal.expired": translate("Event", "Renewal expired"),
        "renewal.manual": translate("Event", "Manual renewal"),
        "installment.paid": translate("Event", "Installment paid"),
        "installment.failed": translate("Event", "Installment payment failed"),
        "usage.invoiced": translate("Event", "Usage invoiced"),
        "usage.paid": translate("Event", "Usage paid"),
        "usage.failed": translate("Event", "Usage payment failed"),
        "payment.by_customer": translate("Event", "Paid by the customer"),
        "payment.customer_failed": translate("Event", "Customer's payment declined"),
        "service.suspended": translate("Event", "Service suspended"),
        "service.reactivated": translate("Event", "Service reactivated"),
        "service.overdue": translate("Event", "Service overdue"),
        "plan_change.requested": translate("Event", "Plan change requested"),
        "plan_change.confirmed": translate("Event", "Plan change confirmed"),
        "plan_change.expired": translate("Event", "Plan change expired"),
        "order.completed": translate("Event", "Order completed"),
        "order.collection": translate("Event", "Handed to collection"),
        "payment.refunded": translate("Event", "Payment refunded"),
        "payment.refund_failed": translate("Event", "Refund failed"),
        "payment.disputed": translate("Event", "Payment disputed by the customer"),
        "payment.dispute_closed": translate("Event", "Dispute closed"),
        "customer.payment_method.changed": translate("Event", "Payment method changed"),
    }


def status_text(status: str) -> str:
    """Statuses of services, carts, orders, methods and e-mails, as a person reads them."""
    return _table(_status_text).get(status, status)


def _status_text() -> dict[str, str]:
    return {
        "active": translate("Status", "Active"), "suspended": translate("Status", "Suspended"),
        "overdue": translate("Status", "Overdue"), "cancelled": translate("Status", "Cancelled"),
        "transferred": translate("Status", "Transferred"), "scheduled": translate("Status", "Scheduled"),
        "paid": translate("Status", "Paid"), "failed": translate("Status", "Failed"),
        "expired": translate("Status", "Expired"), "pending": translate("Status", "Pending"),
        "completed": translate("Status", "Completed"), "collection": translate("Status", "In collection"),
        "failing": translate("Status", "Payment failed"), "valid": translate("Status", "Valid"),
        "awaiting_customer": translate("Status", "Waiting for the customer"),
        "refused": translate("Status", "Refused"), "removed": translate("Status", "Removed"),
        "blocked": translate("Status", "Blocked (hard decline)"), "queued": translate("Status", "Queued"),
        "sent": translate("Status", "Sent"), "suppressed": translate("Status", "Suppressed"),
        "waiting": translate("Status", "Not handed over"), "handed": translate("Status", "Handed over"),
        "none": translate("Status", "Not sent"), "delivered": translate("Status", "Delivered"),
        "confirmed": translate("Status", "Confirmed"), "replaced": translate("Status", "Replaced"),
        "unknown": translate("Status", "Unknown"),
    }


def column_title(key: str) -> str:
    return _table(_column_title).get(key, key)


def _column_title() -> dict[str, str]:
    return {
        "ref": translate("Column", "Reference"), "name": translate("Column", "Name"),
        "email": translate("Column", "E-mail"), "language": translate("Column", "Language"),
        "methods": translate("Column", "Methods"), "emails": translate("Column", "E-mails on"),
        "customer": translate("Column", "Customer"), "label": translate("Column", "Service"),
        "kind": translate("Column", "Kind"), "price": translate("Column", "Price"),
        "expires_on": translate("Column", "Expires on"), "auto_renew": translate("Column", "Auto-renew"),
        "card": translate("Column", "Card"), "status": translate("Column", "Status"),
        "flag": translate("Column", "Attention"), "type": translate("Column", "Type"),
        "expiry": translate("Column", "Expiry"), "holder": translate("Column", "Holder"),
        "default": translate("Column", "Default"), "state": translate("Column", "State"),
        "invoice": translate("Column", "Invoice"), "product": translate("Column", "Product"),
        "amount": translate("Column", "Amount"), "count": translate("Column", "Installments"),
        "interval": translate("Column", "Interval"), "method": translate("Column", "Method"),
        "paid": translate("Column", "Paid"), "order": translate("Column", "Order"),
        "number": translate("Column", "No."), "due_on": translate("Column", "Due on"),
        "services": translate("Column", "Services"), "notice_on": translate("Column", "Notice on"),
        "charge_on": translate("Column", "Charge on"), "created_on": translate("Column", "Created on"),
        "to": translate("Column", "To"), "subject": translate("Column", "Subject"),
        "tries": translate("Column", "Tries"), "error": translate("Column", "Error"),
        "on": translate("Column", "Date"), "data": translate("Column", "Details"),
        "delivery": translate("Column", "Webhook"), "id": translate("Column", "No."),
        "at": translate("Column", "When"), "who": translate("Column", "Who"),
        "action": translate("Column", "Action"), "before": translate("Column", "Before"),
        "after": translate("Column", "After"),
        "issued_on": translate("Column", "Issued on"),
        "total": translate("Column", "Total incl. VAT"), "vat": translate("Column", "VAT"),
        "corrects": translate("Column", "Corrects"), "payment": translate("Column", "Payment"),
    }


def filter_title(key: str) -> str:
    return _table(_filter_title).get(key, key)


def _filter_title() -> dict[str, str]:
    return {
        "": translate("Filter", "All"), "emails_off": translate("Filter", "E-mails off"),
        "active": translate("Filter", "Active"), "auto_renew": translate("Filter", "Auto-renew on"),
        "suspended": translate("Filter", "Suspended or overdue"),
        "ended": translate("Filter", "Cancelled or transferred"), "in_use": translate("Filter", "In use"),
        "removed": translate("Filter", "Removed"), "blocked": translate("Filter", "Blocked"),
        "failing": translate("Filter", "With a failed installment"),
        "collection": translate("Filter", "In collection"), "waiting": translate("Filter", "Not handed over"),
        "handed": translate("Filter", "Handed over"), "scheduled": translate("Filter", "Scheduled"),
        "failed": translate("Filter", "Failed"), "paid": translate("Filter", "Paid"),
        "queued": translate("Filter", "Queued"), "sent": translate("Filter", "Sent"),
        "suppressed": translate("Filter", "Suppressed"),
        "invoices": translate("Filter", "Invoices"),
        "credit_notes": translate("Filter", "Credit notes"),
    }


def word_text(word: str) -> str:
    """Kinds, intervals and methods stored as codes."""
    return _table(_word_text).get(word, word)


def _word_text() -> dict[str, str]:
    return {
        "monthly": translate("Word", "monthly"), "weekly": translate("Word", "weekly"),
        "card": translate("Word", "card"), "sepa": translate("Word", "SEPA debit"),
        "sepa_debit": translate("Word", "SEPA debit"), "domain": translate("Word", "domain"),
        "hosting": translate("Word", "hosting"), "email": translate("Word", "e-mail"),
        "ssl": translate("Word", "SSL certificate"), "letters": translate("Word", "letters"),
        "fr": translate("Word", "French"), "en": translate("Word", "English"),
        "invoice": translate("Word", "invoice"), "credit_note": translate("Word", "credit note"),
    }


def yes_no(value: bool) -> str:
    return translate("Column", "Yes") if value else translate("Column", "No")


def flag_text(listing: str) -> str:
    """The attention flags of lists (PM-7), in words; the cell's tooltip has the date."""
    if listing == "services":
        return translate("Flag", "Card expires before the charge")
    return translate("Flag", "Expires before its next charge")
