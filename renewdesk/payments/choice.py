"""Which processor takes the money, and what the window and `renewdesk status` say of it.

A processor chosen but unusable (Stripe with its key unreadable) is still a processor object,
so the window opens and the user can fix the key; every call to it is refused with the reason,
and a run is stopped before it starts (`require_ready`). It never falls back to the sandbox: a
person who chose Stripe and sees "Run now" succeed must not be charging nobody.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from renewdesk.domain.errors import InputError
from renewdesk.payments.processor import (
    AttachResult,
    ChargeOutcome,
    ChargeRequest,
    DisputeState,
    EventPage,
    MethodDetails,
    MethodState,
    PagePaid,
    Payer,
    PaymentPage,
    PaymentState,
    RefundRequest,
    RefundState,
    SavedMethod,
)

# What the window and `status` show; the window's own words are translated in the ui.
SANDBOX, STRIPE_TEST, STRIPE_LIVE, STRIPE_NOT_READY = (
    "sandbox", "stripe_test", "stripe_live", "stripe_not_ready")
MODE_WORDS = {SANDBOX: "Sandbox: no real money", STRIPE_TEST: "Stripe test mode",
              STRIPE_LIVE: "Stripe LIVE", STRIPE_NOT_READY: "Stripe: key missing, nothing is charged"}


@dataclass(frozen=True)
class StripeAccount:
    """What Stripe said of a key ("Test the connection", `payments.stripe_check`)."""

    name: str | None  # None when Stripe does not say it to this key (or this server)
    live: bool


def is_live_key(key: str) -> bool:
    return key.startswith(("sk_live_", "rk_live_"))


class ProcessorNotReady:
    """Stripe chosen, its key unreadable (or refused before any call): every call is refused
    with `refusal`, so nothing is charged anywhere."""

    name = "stripe"
    live = False

    def __init__(self, refusal: InputError) -> None:
        self.refusal = refusal

    def _refuse(self) -> NoReturn:
        raise self.refusal

    def attach(self, token: str, payer: Payer) -> AttachResult:
        self._refuse()

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        self._refuse()

    def lookup(self, idempotency_key: str, metadata: dict[str, str],
               today: date) -> ChargeOutcome | None:
        self._refuse()

    def saved_methods(self, payer: Payer) -> list[SavedMethod]:
        self._refuse()

    def describe(self, token: str) -> MethodDetails | None:
        self._refuse()

    def setup_page(self, payer: Payer, return_url: str) -> str:
        self._refuse()

    def setup_result(self, session_id: str) -> str | None:
        self._refuse()

    def stand_in_methods(self) -> Mapping[str, MethodDetails]:
        self._refuse()

    def retrieve(self, processor_ref: str) -> ChargeOutcome | None:
        self._refuse()

    def authentication(self, processor_ref: str) -> str | None:
        self._refuse()

    def cancel(self, processor_ref: str) -> None:
        self._refuse()

    def payment_page(self, request: ChargeRequest, return_url: str) -> PaymentPage:
        self._refuse()

    def payment_page_outcome(self, page_id: str) -> PagePaid | None:
        self._refuse()

    def close_payment_page(self, page_id: str) -> None:
        self._refuse()
    def events(self, after: int | None, today: date) -> EventPage:
        self._refuse()

    def payment(self, processor_ref: str, today: date) -> PaymentState | None:
        self._refuse()

    def refund(self, request: RefundRequest) -> RefundState:
        self._refuse()

    def dispute(self, processor_ref: str) -> DisputeState | None:
        self._refuse()

    def method_state(self, token: str) -> MethodState | None:
        self._refuse()



def require_ready(processor: object) -> None:
    """Before a run or a charge taken by hand: stop with the reason if the processor chosen
    cannot be used."""
    if isinstance(processor, ProcessorNotReady):
        raise processor.refusal


def mode_of(processor: object) -> str:
    """SANDBOX, STRIPE_TEST, STRIPE_LIVE or STRIPE_NOT_READY, from the processor in use."""
    if isinstance(processor, ProcessorNotReady):
        return STRIPE_NOT_READY
    if getattr(processor, "name", "") == "stripe":
        return STRIPE_LIVE if getattr(processor, "live", False) else STRIPE_TEST
    return SANDBOX
