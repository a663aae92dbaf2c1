"""The processor's mode, always in sight: a permanent label in the status bar, and the window's
title. Live mode is red: real money moves."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from renewdesk.services.payments_setting import SANDBOX, STRIPE_LIVE, STRIPE_NOT_READY, STRIPE_TEST
from renewdesk.ui.i18n import translate

RED = "#b3261e"


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
        warning = mode in (STRIPE_LIVE, STRIPE_NOT_READY)
        self.setStyleSheet(f"color: white; background: {RED}; font-weight: bold; padding: 0 6px"
                           if warning else "padding: 0 6px")
