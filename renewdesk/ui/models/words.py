"""Words of the payments list (HM-1) that i18n's tables do not have yet: how a failed payment
ended, and that column's title. Looked up first, then i18n's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from renewdesk.ui import i18n

translate = QCoreApplication.translate


def column_title(key: str) -> str:
    if key == "ended":
        return translate("Column", "How it ended")
    return i18n.column_title(key)


def status_text(status: str) -> str:
    texts = {"retry": translate("Status", "Recovered by a retry"),
             "customer": translate("Status", "Paid by the customer"),
             "manual": translate("Status", "By a manual attempt"),
             "lost": translate("Status", "Lost or still unpaid"),
             "succeeded": translate("Status", "Paid"), "declined": translate("Status", "Failed")}
    return texts.get(status) or i18n.status_text(status)
