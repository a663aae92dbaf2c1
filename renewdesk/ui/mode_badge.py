"""The processor's mode, always in sight: a permanent label in the status bar, and the window's
title. Live mode is red: real money moves."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from renewdesk.services.payments_setting import SANDBOX, STRIPE_LIVE, STRIPE_NOT_READY, STRIPE_TEST
from renewdesk.ui.i18n import translate

RED = "#b3261e"
_BADGE = "padding: 1px 8px; border-radius: 3px; font-weight: bold; "
# Real money is red; Stripe's test mode amber, as Stripe's own Dashboard shows it; the sandbox
# quiet, framed so it is still seen.
STYLES = {SANDBOX: _BADGE + "color: #1d4d2a; background: #e3f1e6; border: 1px solid #9cc7a6",
          STRIPE_TEST: _BADGE + "color: #5c3d00; background: #fbe3a6; border: 1px solid #d9a520",
          STRIPE_LIVE: _BADGE + f"color: white; background: {RED}",
          STRIPE_NOT_READY: _BADGE + f"color: white; background: {RED}"}


def mode_text(mode: str) -> str:
    """The words of a mode (`services.payments_setting`), in the window's language."""
    return {
        SANDBOX: translate("Mode", "Sandbox: no real money"),
        STRIPE_TEST: translate("Mode", "Stripe test mode"),
        STRIPE_LIVE: translate("Mode", "Stripe LIVE"),
        STRIPE_NOT_READY: translate("Mode", "Stripe: key missing, nothing is charged"),
    }.get(mode, mode)


class ModeBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeBadge")
        self.mode = ""

    def show_mode(self, mode: str) -> None:
        self.mode = mode
        self.setText(mode_text(mode))
        self.setToolTip(translate("Mode", "The payment processor: Settings > Payments"))
        self.setStyleSheet(STYLES.get(mode, STYLES[SANDBOX]))
