"""PM-5 Remove a payment method: asked first; a refusal shows the policy's reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from renewdesk.services import actions
from renewdesk.services.context import Context
from renewdesk.ui.widgets import attempt, confirm

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def remove_payment_method(parent: QWidget, context: Callable[[], Context], ref: str) -> bool:
    """True when the method was removed."""
    if not confirm(parent, translate("RemoveMethod", "Remove payment method"),
                   translate("RemoveMethod", "Remove %1?").replace("%1", ref)):
        return False
    return attempt(parent, lambda: actions.remove_method(context(), ref))
