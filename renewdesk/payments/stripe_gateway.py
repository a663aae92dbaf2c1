"""The Stripe processor: off-session PaymentIntents through the official SDK (`StripeClient`).

Only documented parameters, kept to what a Stripe-compatible test server (localstripe) models.
Every PaymentIntent carries its attempt's idempotency key twice: as Stripe's idempotency key and
in its metadata, because Stripe keeps idempotency keys for 24 hours only. An attempt whose answer
never came back is looked up by that metadata (search where Stripe offers it, else a scan of
recent PaymentIntents), never charged blindly again.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import stripe
from stripe import (
    APIConnectionError,
    APIError,
    CardError,
    InvalidRequestError,
    RateLimitError,
    StripeClient,
    StripeError,
)

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
    ProcessorEvent,
    ProcessorUnavailable,
    RateLimited,
    RefundRefused,
    RefundRequest,
    RefundState,
    SavedMethod,
)

# The events renewdesk applies (SY-1); Stripe keeps its events 30 days.
EVENT_KINDS = ("payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded",
               "charge.dispute.created", "charge.dispute.closed",
               "payment_method.automatically_updated", "payment_method.detached")
KEPT_SECONDS = 30 * 86400
_SCAN_LIMIT = 2000  # PaymentIntents scanned when search is not available
# A PaymentIntent an off-session charge left for the customer's bank: still completable by them.
_COMPLETABLE = ("requires_action", "requires_payment_method", "requires_confirmation")


# What keeps the follow-up (events, refunds, disputes) from being done now, without a decline
# or a refusal: a key without the permission to read events (a restricted key that charges
# fine), a refund of the same key still under way (409), as well as the network's errors. The
# run goes on and names it; it is asked again next time.
_NOT_NOW = (APIConnectionError, APIError, RateLimitError, stripe.PermissionError,
            stripe.AuthenticationError, stripe.IdempotencyError)


def _unavailable(error: StripeError) -> ProcessorUnavailable:
    kind = RateLimited if isinstance(error, RateLimitError) else ProcessorUnavailable
    return kind(f"{type(error).__name__}: {error.user_message or error}")


def _refund_state(refund: Any) -> RefundState:
    metadata = refund.metadata.to_dict() if getattr(refund, "metadata", None) else {}
    return RefundState(str(refund.id), int(refund.amount), str(refund.currency).upper(),
                       str(refund.status), metadata.get("refund"),
                       getattr(refund, "reason", None))


def _id_of(field: Any) -> str | None:
    """An expandable field's id, whether Stripe sent the id or the object."""
    if field is None:
        return None
    return str(getattr(field, "id", field))


def _details(method: Any) -> MethodDetails:
    if method.type == "sepa_debit":
        sepa = method.sepa_debit
        return MethodDetails("sepa_debit", "sepa", str(sepa.last4), None, None)
    card = method.card
    return MethodDetails("card", str(card.brand), str(card.last4), int(card.exp_month),
                         int(card.exp_year))


def _outcome(intent: Any) -> ChargeOutcome:
    status = intent.status
    if status in ("succeeded", "requires_capture"):
        return ChargeOutcome("succeeded", intent.id)
    if status == "processing":
        return ChargeOutcome("pending", intent.id)
    if status == "requires_action":
        return ChargeOutcome("declined", intent.id, "authentication_required")
    error = intent.last_payment_error
    code = None
    if error is not None:
        code = getattr(error, "decline_code", None) or getattr(error, "code", None)
    return ChargeOutcome("declined", intent.id, code or "card_declined")


class StripeProcessor:
    name = "stripe"
    calls_wait = True  # every call is a round trip to Stripe (Processor)

    def __init__(self, secret_key: str, api_base: str | None = None,
                 timeout: float = 30.0) -> None:
        stripe.enable_telemetry = False
        addresses: dict[str, str] = {"api": api_base} if api_base else {}
        self.client = StripeClient(
            secret_key, base_addresses=addresses,  # type: ignore[arg-type]
            http_client=stripe.RequestsClient(timeout=timeout),
            max_network_retries=0,  # a retry is a decision of the engine, with the same key
        )
        self.live = secret_key.startswith(("sk_live_", "rk_live_"))

    def attach(self, token: str, payer: Payer) -> AttachResult:
        try:
            customer_id = payer.processor_id
            if customer_id is None:
                customer = self.client.v1.customers.create(params={
                    "name": payer.name, "email": payer.email,
                    "metadata": {"renewdesk_ref": payer.ref}})
                customer_id = customer.id
            method = self.client.v1.payment_methods.retrieve(token)
            if getattr(method, "customer", None) != customer_id:
                method = self.client.v1.payment_methods.attach(
                    method.id, params={"customer": customer_id})
            return AttachResult(True, token=method.id, processor_customer_id=customer_id,
                                details=_details(method))
        except (CardError, InvalidRequestError) as error:
            return AttachResult(False, refusal=error.user_message or str(error),
                                processor_customer_id=payer.processor_id)
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        params: dict[str, Any] = {
            "amount": request.amount_minor, "currency": request.currency.lower(),
            "payment_method": request.token, "off_session": True, "confirm": True,
            "payment_method_types": [request.method_type], "metadata": request.metadata,
        }
        if request.processor_customer_id:
            params["customer"] = request.processor_customer_id
        try:
            intent = self.client.v1.payment_intents.create(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": request.idempotency_key})
        except CardError as error:
            body = error.error
            code = (getattr(body, "decline_code", None) or error.code or "card_declined")
            intent_ref = getattr(getattr(body, "payment_intent", None), "id", None)
            return ChargeOutcome("declined", intent_ref, code)
        except InvalidRequestError as error:
            # Stripe refused the request: no charge was made. A method that no longer exists
            # cannot be charged again until it is replaced (a hard decline, AR-5/IN-4).
            missing = error.code == "resource_missing" or error.http_status == 404
            return ChargeOutcome("declined", None,
                                 "resource_missing" if missing else "processor_refused_request")
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None
        return _outcome(intent)

    def lookup(self, idempotency_key: str, metadata: dict[str, str],
               today: date) -> ChargeOutcome | None:
        try:
            intent = self._search(idempotency_key)
            if intent is None:
                intent = self._scan(idempotency_key)
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None
        return None if intent is None else _outcome(intent)

    def saved_methods(self, payer: Payer) -> list[SavedMethod]:
        if payer.processor_id is None:
            return []
        try:
            page = self.client.v1.payment_methods.list(
                params={"customer": payer.processor_id, "type": "card", "limit": 100})
            return [SavedMethod(m.id, _details(m)) for m in page.auto_paging_iter()]
        except InvalidRequestError as error:
            if (error.code == "resource_missing" or error.http_status == 404
                    or error.param == "customer"):
                raise InputError("no_processor_customer", customer=payer.processor_id) from None
            raise
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None

    def describe(self, token: str) -> MethodDetails | None:
        try:
            return _details(self.client.v1.payment_methods.retrieve(token))
        except InvalidRequestError:
            return None
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None

    def setup_page(self, payer: Payer, return_url: str) -> str:
        """Stripe Checkout in setup mode: the card is typed on Stripe's page, never here."""
        if payer.processor_id is None:
            raise ProcessorUnavailable(f"customer {payer.ref} is not known to Stripe yet")
        params: dict[str, Any] = {
            "mode": "setup", "customer": payer.processor_id, "payment_method_types": ["card"],
            "success_url": return_url, "cancel_url": return_url,
            "metadata": {"renewdesk_ref": payer.ref}}
        try:
            session = self.client.v1.checkout.sessions.create(
                params=params)  # type: ignore[arg-type]
        except (APIConnectionError, APIError, RateLimitError, InvalidRequestError) as error:
            raise _unavailable(error) from None
        return str(session.url)

    def setup_result(self, session_id: str) -> str | None:
        """The card saved on a Checkout page in setup mode: its SetupIntent's payment method."""
        if not session_id.startswith("cs_"):
            return None
        try:
            session = self.client.v1.checkout.sessions.retrieve(
                session_id, params={"expand": ["setup_intent"]})
        except InvalidRequestError:
            return None
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None
        intent = session.setup_intent
        method = getattr(intent, "payment_method", None) if intent is not None else None
        if method is None:
            return None
        return method if isinstance(method, str) else str(method.id)

    def stand_in_methods(self) -> Mapping[str, MethodDetails]:
        return {}  # Checkout is Stripe's own page (`setup_page`): nothing stands in for it

    def retrieve(self, processor_ref: str) -> ChargeOutcome | None:
        try:
            intent = self.client.v1.payment_intents.retrieve(processor_ref)
        except InvalidRequestError:
            return None
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None
        return _outcome(intent)

    def authentication(self, processor_ref: str) -> str | None:
        """The PaymentIntent's client secret, handed to Stripe.js on the customer's page (CP-1);
        never stored or logged. None once it can no longer be completed."""
        try:
            intent = self.client.v1.payment_intents.retrieve(processor_ref)
        except InvalidRequestError:
            return None
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None
        if intent.status not in _COMPLETABLE:
            return None
        secret = getattr(intent, "client_secret", None)
        return str(secret) if secret else None

    def payment_page(self, request: ChargeRequest, return_url: str) -> PaymentPage:
        """Stripe Checkout in payment mode, for the item's amount, valid 24 hours (Stripe's
        longest); the payment carries the attempt's key in its metadata, as a charge does, and
        the card is kept for the customer's next payments (`setup_future_usage`)."""
        intent: dict[str, Any] = {"metadata": request.metadata}
        params: dict[str, Any] = {
            "mode": "payment", "success_url": return_url, "cancel_url": return_url,
            "line_items": [{"quantity": 1, "price_data": {
                "currency": request.currency.lower(), "unit_amount": request.amount_minor,
                "product_data": {"name": request.description}}}],
            "metadata": request.metadata, "payment_method_types": ["card"],
            "payment_intent_data": intent,
        }
        if request.processor_customer_id:
            params["customer"] = request.processor_customer_id
            intent["setup_future_usage"] = "off_session"
        try:
            session = self.client.v1.checkout.sessions.create(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": request.idempotency_key})
        except (APIConnectionError, APIError, RateLimitError, InvalidRequestError) as error:
            raise _unavailable(error) from None
        return PaymentPage(str(session.id), str(session.url))

    def payment_page_outcome(self, page_id: str) -> PagePaid | None:
        try:
            session = self.client.v1.checkout.sessions.retrieve(
                page_id, params={"expand": ["payment_intent"]})
        except InvalidRequestError:
            return None
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None
        intent = session.payment_intent
        if session.payment_status != "paid" or intent is None or isinstance(intent, str):
            return None
        method = intent.payment_method
        token = method if isinstance(method, str) else str(getattr(method, "id", ""))
        return PagePaid(_outcome(intent), token)

    def close_payment_page(self, page_id: str) -> None:
        try:
            session = self.client.v1.checkout.sessions.retrieve(page_id)
            if session.status == "open":
                self.client.v1.checkout.sessions.expire(page_id)
        except InvalidRequestError:
            return
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None

    def cancel(self, processor_ref: str) -> None:
        try:
            intent = self.client.v1.payment_intents.retrieve(processor_ref)
            if intent.status in _COMPLETABLE:
                self.client.v1.payment_intents.cancel(processor_ref)
        except InvalidRequestError:
            return  # gone, or no longer cancellable: nothing to complete
        except (APIConnectionError, APIError, RateLimitError) as error:
            raise _unavailable(error) from None

    # What happens after the call came back (SY-1) and refunds (RF-1) -----------------------

    def events(self, after: int | None, today: date) -> EventPage:
        """Stripe lists its events newest first and keeps them 30 days: read from `after` on
        (by `created`, so the events of that second come again and are skipped by their id),
        only the kinds renewdesk applies where the server can filter them, oldest first."""
        params: dict[str, Any] = {"limit": 100}
        if after is not None:  # a minute before: an event written late is not passed over
            params["created"] = {"gte": after - 60}
        try:
            try:
                page = self.client.v1.events.list(
                    params={**params, "types": list(EVENT_KINDS)})  # type: ignore[arg-type]
            except InvalidRequestError:  # a server without the filter: every kind, skipped here
                try:
                    page = self.client.v1.events.list(params=params)  # type: ignore[arg-type]
                except InvalidRequestError as error:  # a server with no feed at all
                    raise _unavailable(error) from None
            found = [ProcessorEvent(str(e.id), str(e.type), int(e.created),
                                    str(e.data.object.id))
                     for e in page.auto_paging_iter() if e.type in EVENT_KINDS]
        except _NOT_NOW as error:
            raise _unavailable(error) from None
        found.reverse()  # Stripe lists newest first; a server listing oldest first is sorted
        found.sort(key=lambda e: e.position)  # too, so the cursor never passes an older one
        kept_from = int(time.time()) - KEPT_SECONDS
        lost = kept_from if after is not None and after < kept_from else None
        return EventPage(tuple(found), lost)

    def payment(self, processor_ref: str, today: date) -> PaymentState | None:
        """A PaymentIntent (or the charge of one), with its refunds."""
        try:
            if processor_ref.startswith(("ch_", "py_")):
                charge = self.client.v1.charges.retrieve(processor_ref)
                processor_ref = str(charge.payment_intent)
            intent = self.client.v1.payment_intents.retrieve(processor_ref)
            refunds = self.client.v1.refunds.list(
                params={"payment_intent": processor_ref, "limit": 100})
            states = tuple(_refund_state(r) for r in refunds.auto_paging_iter())
        except InvalidRequestError:
            return None
        except _NOT_NOW as error:
            raise _unavailable(error) from None
        metadata = intent.metadata.to_dict() if intent.metadata else {}
        return PaymentState(_outcome(intent), metadata.get("attempt"), states)

    def refund(self, request: RefundRequest) -> RefundState:
        params: dict[str, Any] = {"payment_intent": request.payment_ref,
                                  "amount": request.amount_minor, "metadata": request.metadata}
        try:
            refund = self.client.v1.refunds.create(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": request.idempotency_key})
        except InvalidRequestError as error:
            raise RefundRefused(error.code or "processor_refused_request") from None
        except _NOT_NOW as error:
            raise _unavailable(error) from None
        return _refund_state(refund)

    def dispute(self, processor_ref: str) -> DisputeState | None:
        """The payment is named by its PaymentIntent, as renewdesk knows it; a dispute that
        names only its charge (`payment_intent` null, as in Stripe's reference) by the
        charge's."""
        try:
            found = self.client.v1.disputes.retrieve(processor_ref)
            payment = _id_of(getattr(found, "payment_intent", None))
            if payment is None:
                charge = _id_of(found.charge)
                payment = _id_of(self.client.v1.charges.retrieve(charge).payment_intent) \
                    if charge else None
                payment = payment or charge
        except InvalidRequestError:
            return None
        except _NOT_NOW as error:
            raise _unavailable(error) from None
        due = getattr(getattr(found, "evidence_details", None), "due_by", None)
        return DisputeState(str(found.id), str(payment),
                            int(found.amount), str(found.currency).upper(), str(found.reason),
                            str(found.status),
                            datetime.fromtimestamp(int(due), UTC).date() if due else None)

    def method_state(self, token: str) -> MethodState | None:
        try:
            method = self.client.v1.payment_methods.retrieve(token)
        except InvalidRequestError:
            return None
        except _NOT_NOW as error:
            raise _unavailable(error) from None
        return MethodState(_details(method), attached=getattr(method, "customer", None) is not None)

    def _search(self, key: str) -> Any:
        try:
            found = self.client.v1.payment_intents.search(
                params={"query": f"metadata['attempt']:'{key}'", "limit": 1})
        except InvalidRequestError:
            return None  # no search on this server: scan instead
        return found.data[0] if found.data else None

    def _scan(self, key: str) -> Any:
        page = self.client.v1.payment_intents.list(params={"limit": 100})
        for seen, intent in enumerate(page.auto_paging_iter()):
            if seen >= _SCAN_LIMIT:
                break
            metadata = intent.metadata.to_dict() if intent.metadata else {}
            if metadata.get("attempt") == key:
                return intent
        return None
