"""What renewdesk asks of a payment processor. Only ids and frozen dataclasses cross this line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol


class ProcessorUnavailable(Exception):
    """The call's outcome is unknown (timeout, connection error, 5xx): settle it later by asking."""


class RateLimited(ProcessorUnavailable):
    """The processor turned the call away for its rate (HTTP 429) without acting on it (SY-2):
    asked again later with the same idempotency key; never a decline."""


@dataclass(frozen=True)
class Payer:
    """Who a method belongs to, as the processor knows them (or will)."""

    ref: str
    name: str
    email: str
    processor_id: str | None = None  # the processor's customer (Stripe: cus_…)


@dataclass(frozen=True)
class MethodDetails:
    """What the processor says of a saved method; never a number (PM-2)."""

    type: str  # card | sepa_debit
    brand: str
    last4: str
    exp_month: int | None
    exp_year: int | None


@dataclass(frozen=True)
class AttachResult:
    accepted: bool
    refusal: str | None = None
    token: str | None = None  # the processor's id for the saved method, if it differs
    processor_customer_id: str | None = None
    details: MethodDetails | None = None


@dataclass(frozen=True)
class SavedMethod:
    token: str
    details: MethodDetails


@dataclass(frozen=True)
class ChargeRequest:
    idempotency_key: str
    token: str
    amount_minor: int
    currency: str
    customer_ref: str
    description: str
    processor_customer_id: str | None = None
    method_type: str = "card"
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PaymentPage:
    """The processor's own page where a customer pays one item (CP-2 without a public server)."""

    page_id: str
    url: str


@dataclass(frozen=True)
class ChargeOutcome:
    status: str  # succeeded | declined | pending
    processor_ref: str | None = None
    decline_code: str | None = None


@dataclass(frozen=True)
class PagePaid:
    """What was paid on such a page: the payment, and the card the customer entered there
    (saved at the processor for their next payments)."""

    outcome: ChargeOutcome
    method_token: str



# What happens at the processor after the call came back (SY-1), and refunds (RF-1) ------------


@dataclass(frozen=True)
class ProcessorEvent:
    """One event of the processor's feed, as far as renewdesk reads it: what happened and to
    which object. Never the money: the object is read again before anything is written."""

    id: str
    type: str
    position: int  # where it stands in the feed (Stripe: its `created`, in seconds)
    object_id: str  # the event's object: a payment, charge, refund, dispute or method


@dataclass(frozen=True)
class EventPage:
    """The feed from a position on, oldest first; `lost_before` names the position before
    which the processor keeps no more events, when the position asked is older (SY-1: reported,
    never guessed)."""

    events: tuple[ProcessorEvent, ...]
    lost_before: int | None = None


@dataclass(frozen=True)
class RefundState:
    """A refund as the processor knows it."""

    processor_ref: str
    amount_minor: int
    currency: str
    status: str  # succeeded | pending | failed | canceled
    key: str | None  # the key renewdesk gave it (its metadata); None: made elsewhere
    reason: str | None = None


@dataclass(frozen=True)
class PaymentState:
    """A payment read again (SY-1, RF-1): what it came to, the key renewdesk gave it, and
    what was refunded of it."""

    outcome: ChargeOutcome
    key: str | None
    refunds: tuple[RefundState, ...] = ()


@dataclass(frozen=True)
class RefundRequest:
    idempotency_key: str
    payment_ref: str  # the processor's id of the payment
    amount_minor: int
    currency: str
    metadata: dict[str, str] = field(default_factory=dict)


class RefundRefused(Exception):
    """The processor refused the refund outright (nothing was refunded): `code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DisputeState:
    """A chargeback as the processor knows it (RF-2)."""

    processor_ref: str
    payment_ref: str
    amount_minor: int
    currency: str
    reason: str
    status: str  # Stripe's: warning_needs_response, needs_response, under_review, won, lost…
    respond_by: date | None


@dataclass(frozen=True)
class MethodState:
    """A saved method read again: its details now, and whether it is still the customer's."""

    details: MethodDetails
    attached: bool


class Processor(Protocol):
    """A processor may also say `calls_wait` (true when its calls wait on a network): the
    charging engine then keeps several calls out at once; without it, or false, calls are made
    one after the other on the run's own thread."""

    name: str

    def attach(self, token: str, payer: Payer) -> AttachResult:
        """Validate a saved method with the processor and attach it to the payer (PM-3)."""
        ...

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        """Charge off-session. Raises ProcessorUnavailable when the outcome is unknown."""
        ...

    def lookup(self, idempotency_key: str, metadata: dict[str, str],
               today: date) -> ChargeOutcome | None:
        """What became of the charge sent with that key; None if the processor never got it."""
        ...

    def saved_methods(self, payer: Payer) -> list[SavedMethod]:
        """The methods saved for this payer at the processor (cards a customer saved there)."""
        ...

    def describe(self, token: str) -> MethodDetails | None:
        """The processor's current details of a saved method (networks update cards)."""
        ...

    def setup_page(self, payer: Payer, return_url: str) -> str:
        """A page, hosted by the processor, where the customer saves a new method; its URL."""
        ...

    def setup_result(self, session_id: str) -> str | None:
        """The method saved on that page (its token), once the customer is back; else None."""
        ...

    def stand_in_methods(self) -> Mapping[str, MethodDetails]:
        """For a processor without a hosted page (the sandbox): the methods, by token, that a
        page of ours offers the customer in its place. Empty for one that hosts its own page
        (`setup_page`): the customer pages ask this instead of which processor they talk to."""
        ...

    def retrieve(self, processor_ref: str) -> ChargeOutcome | None:
        """What the processor says now of one of its payments (by its own id): how a payment the
        customer completed is known, never from what their browser says (CP-1)."""
        ...

    def authentication(self, processor_ref: str) -> str | None:
        """What the customer's page needs to complete a payment that awaits their bank's
        authentication with the processor's own step (Stripe: the PaymentIntent's client
        secret, for Stripe.js; never stored or logged); None when the page stands in for it."""
        ...

    def cancel(self, processor_ref: str) -> None:
        """The payment held for the customer's bank can no longer be completed (it was paid
        otherwise, or another payment is about to be made): CP-3 at the processor."""
        ...

    def payment_page(self, request: ChargeRequest, return_url: str) -> PaymentPage:
        """A page, hosted by the processor, where the customer pays `request` (its key in the
        payment's metadata); raises ProcessorUnavailable when the processor has none."""
        ...

    def payment_page_outcome(self, page_id: str) -> PagePaid | None:
        """The payment made on that page, once made; None while it is not."""
        ...

    def close_payment_page(self, page_id: str) -> None:
        """The page can no longer take a payment (the item was paid otherwise)."""
        ...

    def events(self, after: int | None, today: date) -> EventPage:
        """The events at or after `after` (None: all it keeps), oldest first. The same event
        can come twice: it is applied once, by its id."""
        ...

    def payment(self, processor_ref: str, today: date) -> PaymentState | None:
        """The payment read again, with its refunds; None if the processor has no such one."""
        ...

    def refund(self, request: RefundRequest) -> RefundState:
        """Refund (part of) a payment. Raises RefundRefused when the processor refuses it, and
        ProcessorUnavailable when its outcome is unknown (settled by asking `payment`)."""
        ...

    def dispute(self, processor_ref: str) -> DisputeState | None:
        ...

    def method_state(self, token: str) -> MethodState | None:
        """None when the processor has no such method at all."""
        ...

