"""PM-5 Remove a payment method: asked first; a refusal shows the policy's reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from renewdesk.services import actions
from renewdesk.ui.desk import Desk
from renewdesk.ui.widgets import confirm

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def remove_payment_method(parent: QWidget, desk: Desk, ref: str,
                          removed: Callable[[], None]) -> None:
    """Asked first, then removed off the GUI thread; `removed` is called once it is."""
    if not confirm(parent, translate("RemoveMethod", "Remove payment method"),
                   translate("RemoveMethod", "Remove %1?").replace("%1", ref)):
        return
    desk.change(parent, lambda ctx: actions.remove_method(ctx, ref), lambda _done: removed())
