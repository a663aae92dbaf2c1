"""SC-4: during a dry run, charges are predicted, never sent; lookups only read."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

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
    Processor,
    ProcessorUnavailable,
    RefundRequest,
    RefundState,
    SavedMethod,
)


class DryRunProcessor:
    name = "dry-run"
    calls_wait = False  # charges are predicted here; only lookups reach the real processor

    def __init__(self, real: Processor) -> None:
        self.real = real

    def attach(self, token: str, payer: Payer) -> AttachResult:
        return AttachResult(True)

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        predict = getattr(self.real, "predict", None)
        if predict is not None:
            outcome: ChargeOutcome = predict(request)
            return outcome
        return ChargeOutcome("succeeded", "dry-run")

    def lookup(self, idempotency_key: str, metadata: dict[str, str],
               today: date) -> ChargeOutcome | None:
        return self.real.lookup(idempotency_key, metadata, today)

    def saved_methods(self, payer: Payer) -> list[SavedMethod]:
        return self.real.saved_methods(payer)

    def describe(self, token: str) -> MethodDetails | None:
        return self.real.describe(token)

    def setup_page(self, payer: Payer, return_url: str) -> str:
        raise ProcessorUnavailable("a dry run creates no page")

    def setup_result(self, session_id: str) -> str | None:
        return self.real.setup_result(session_id)

    def stand_in_methods(self) -> Mapping[str, MethodDetails]:
        return {}  # like setup_page: a dry run offers no page

    def retrieve(self, processor_ref: str) -> ChargeOutcome | None:
        return self.real.retrieve(processor_ref)

    def authentication(self, processor_ref: str) -> str | None:
        return None  # a dry run completes no payment

    def cancel(self, processor_ref: str) -> None:
        return None  # a dry run changes nothing at the processor

    def payment_page(self, request: ChargeRequest, return_url: str) -> PaymentPage:
        raise ProcessorUnavailable("a dry run creates no page")

    def payment_page_outcome(self, page_id: str) -> PagePaid | None:
        return self.real.payment_page_outcome(page_id)

    def close_payment_page(self, page_id: str) -> None:
        return None

    def events(self, after: int | None, today: date) -> EventPage:
        return self.real.events(after, today)

    def payment(self, processor_ref: str, today: date) -> PaymentState | None:
        return self.real.payment(processor_ref, today)

    def refund(self, request: RefundRequest) -> RefundState:
        raise ProcessorUnavailable("a dry run refunds nothing")

    def dispute(self, processor_ref: str) -> DisputeState | None:
        return self.real.dispute(processor_ref)

    def method_state(self, token: str) -> MethodState | None:
        return self.real.method_state(token)
