"""A small Stripe-compatible server on 127.0.0.1 for what localstripe does not model: disputes,
`charge.refunded` for a refund made in the Dashboard, and the networks' card updates and
detachments (SY-1, RF-2). It holds Stripe's documented JSON shapes in memory (the event, charge,
PaymentIntent, refund, dispute and PaymentMethod objects of the API reference) and serves the
few endpoints renewdesk reads. The tests add objects and events through its helpers.

`StripeProxy` stands between renewdesk and localstripe and can hold an answer back, so a process
can be killed after its request reached Stripe and before Stripe's answer reached it (RF-1).
"""

from __future__ import annotations

import http.server
import json
import random
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

API_VERSION = "2024-06-20"
WAIT = 60.0  # seconds a held answer waits for the test before giving up


def _id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


class _Ids:
    """Ids in the order objects are made, so two feeds told the same story give the same
    ids (only the events' order may differ)."""

    def __init__(self) -> None:
        self.made = 0

    def __call__(self, prefix: str) -> str:
        self.made += 1
        return f"{prefix}_{self.made:024d}"


class Hold:
    """An answer held back: `reached` is set when the request arrives, the answer goes out
    once `release` is called (or never, if the asking process was killed meanwhile).
    `before`: the request itself is held before the server acts on it; released with
    `lost=True` it is dropped, as a request the network lost on its way."""

    def __init__(self, before: bool = False) -> None:
        self.before = before
        self.lost = False
        self.reached = threading.Event()
        self.released = threading.Event()

    def release(self, lost: bool = False) -> None:
        self.lost = lost
        self.released.set()


class _Server:
    """A ThreadingHTTPServer on 127.0.0.1 in a daemon thread, with held answers."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []  # (method, path with its query)
        self.holds: dict[tuple[str, str], Hold] = {}
        self.lock = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                owner._handle(self, "GET", b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                owner._handle(self, "POST", self.rfile.read(length))

            def do_DELETE(self) -> None:
                owner._handle(self, "DELETE", b"")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def hold(self, method: str, path: str, before: bool = False) -> Hold:
        """Hold the answer to the next `method path` (the path without its query)."""
        held = Hold(before)
        with self.lock:
            self.holds[(method, path)] = held
        return held

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for m, p in self.requests if m == method and p.split("?")[0] == path)

    def stop(self) -> None:
        with self.lock:
            for held in self.holds.values():
                held.release()
        self.server.shutdown()
        self.server.server_close()

    def _handle(self, handler: http.server.BaseHTTPRequestHandler, method: str,
                body: bytes) -> None:
        path = handler.path.split("?")[0]
        with self.lock:
            self.requests.append((method, handler.path))
            held = self.holds.pop((method, path), None)
        if held is not None and held.before:
            held.reached.set()
            if not held.released.wait(WAIT) or held.lost:
                return  # never received
        status, answer = self.answer(method, handler.path, body, dict(handler.headers))
        if held is not None and not held.before:
            held.reached.set()
            if not held.released.wait(WAIT):
                return  # the asker is gone: never answered
        data = json.dumps(answer).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.send_header("Request-Id", _id("req"))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, method: str, target: str, body: bytes,
               headers: dict[str, str]) -> tuple[int, Any]:
        raise NotImplementedError


def _missing(kind: str, ident: str) -> tuple[int, Any]:
    return 404, {"error": {"type": "invalid_request_error", "code": "resource_missing",
                           "param": "id", "message": f"No such {kind}: '{ident}'"}}


def _bad(message: str, param: str | None = None) -> tuple[int, Any]:
    return 400, {"error": {"type": "invalid_request_error", "code": "parameter_unknown",
                           "param": param, "message": message}}


def _flat(query: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(query, keep_blank_values=True)


class StripeFeed(_Server):
    """Objects by id and an event feed; `GET /v1/events` lists newest first like Stripe."""

    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.clock = int(time.time()) - 3600  # each event a second after the one before
        self.ids = _Ids()
        super().__init__()

    # The objects, in Stripe's documented shapes -------------------------------------------

    def card(self, pm_id: str, customer: str | None, *, last4: str = "4242",
             exp: tuple[int, int] = (12, 2030), brand: str = "visa") -> dict[str, Any]:
        method = {"id": pm_id, "object": "payment_method", "type": "card",
                  "billing_details": {"address": None, "email": None, "name": None,
                                      "phone": None},
                  "card": {"brand": brand, "checks": None, "country": "FR",
                           "exp_month": exp[0], "exp_year": exp[1],
                           "fingerprint": "Xt5EWLLDS7FJjR1c",
                           "funding": "credit", "last4": last4, "networks": {
                               "available": [brand], "preferred": None},
                           "three_d_secure_usage": {"supported": True}, "wallet": None},
                  "created": self.clock, "customer": customer, "livemode": False,
                  "metadata": {}}
        self.objects[pm_id] = method
        return method

    def sepa(self, pm_id: str, customer: str | None, last4: str = "3000") -> dict[str, Any]:
        method = {"id": pm_id, "object": "payment_method", "type": "sepa_debit",
                  "billing_details": {"address": None, "email": "greta@example.de",
                                      "name": "Greta Keller", "phone": None},
                  "sepa_debit": {"bank_code": "37040044", "branch_code": None, "country": "DE",
                                 "fingerprint": "7Jn8wbTXDEPJzZ2a", "generated_from": None,
                                 "last4": last4},
                  "created": self.clock, "customer": customer, "livemode": False,
                  "metadata": {}}
        self.objects[pm_id] = method
        return method

    def payment_intent(self, pi_id: str, amount: int, *, status: str = "succeeded",
                       customer: str | None = None, payment_method: str | None = None,
                       metadata: dict[str, str] | None = None,
                       decline_code: str | None = None) -> dict[str, Any]:
        """A PaymentIntent and its charge (`ch_` + the same suffix)."""
        charge_id = "ch_" + pi_id.removeprefix("pi_")
        error = None if decline_code is None else {
            "type": "card_error", "code": "card_declined", "decline_code": decline_code,
            "message": "Your card was declined.", "payment_method": None}
        intent = {"id": pi_id, "object": "payment_intent", "amount": amount,
                  "amount_received": amount if status == "succeeded" else 0,
                  "capture_method": "automatic_async", "client_secret": f"{pi_id}_secret_x",
                  "confirmation_method": "automatic", "created": self.clock, "currency": "eur",
                  "customer": customer, "last_payment_error": error, "latest_charge": charge_id,
                  "livemode": False, "metadata": dict(metadata or {}), "next_action": None,
                  "payment_method": payment_method, "payment_method_types": ["card"],
                  "status": status}
        self.objects[pi_id] = intent
        self.objects[charge_id] = {
            "id": charge_id, "object": "charge", "amount": amount, "amount_captured": amount,
            "amount_refunded": 0, "captured": True, "created": self.clock, "currency": "eur",
            "customer": customer, "disputed": False, "livemode": False, "metadata": {},
            "paid": status == "succeeded", "payment_intent": pi_id,
            "payment_method": payment_method, "refunded": False,
            "status": "succeeded" if status == "succeeded" else "failed"}
        return intent

    def set_status(self, pi_id: str, status: str, decline_code: str | None = None) -> None:
        intent = self.objects[pi_id]
        intent["status"] = status
        if decline_code is not None:
            intent["last_payment_error"] = {
                "type": "card_error", "code": "card_declined", "decline_code": decline_code,
                "message": "Your card was declined.", "payment_method": None}

    def dashboard_refund(self, pi_id: str, amount: int, reason: str | None = None
                         ) -> dict[str, Any]:
        """A refund made in the Dashboard: no metadata of renewdesk's."""
        intent = self.objects[pi_id]
        refund = self._refund(intent, amount, {}, reason)
        return refund

    def _refund(self, intent: dict[str, Any], amount: int, metadata: dict[str, str],
                reason: str | None) -> dict[str, Any]:
        charge = self.objects[intent["latest_charge"]]
        refund = {"id": self.ids("re"), "object": "refund", "amount": amount,
                  "balance_transaction": self.ids("txn"), "charge": charge["id"],
                  "created": self.clock, "currency": charge["currency"],
                  "metadata": metadata, "payment_intent": intent["id"], "reason": reason,
                  "receipt_number": None, "source_transfer_reversal": None,
                  "status": "succeeded", "transfer_reversal": None}
        self.objects[refund["id"]] = refund
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
        return refund

    def dispute(self, du_id: str, pi_id: str, *, reason: str = "fraudulent",
                status: str = "needs_response", due_by: int = 1798675199,
                with_payment_intent: bool = True) -> dict[str, Any]:
        """`with_payment_intent=False`: as Stripe shows a dispute whose `payment_intent` is
        null (its API reference's own example), only the charge naming it."""
        intent = self.objects[pi_id]
        charge = self.objects[intent["latest_charge"]]
        charge["disputed"] = True
        found = {"id": du_id, "object": "dispute", "amount": intent["amount"],
                 "balance_transactions": [], "charge": charge["id"], "created": self.clock,
                 "currency": "eur", "evidence": {"uncategorized_text": None},
                 "evidence_details": {"due_by": due_by, "has_evidence": False,
                                      "past_due": False, "submission_count": 0},
                 "is_charge_refundable": False, "livemode": False, "metadata": {},
                 "payment_intent": pi_id if with_payment_intent else None, "reason": reason,
                 "status": status}
        self.objects[du_id] = found
        return found

    def event(self, kind: str, object_id: str, **previous: Any) -> dict[str, Any]:
        """An event of `kind` about the object as it is now (a copy: later changes to the
        object are not in it, as with Stripe)."""
        self.clock += 1
        event = {"id": self.ids("evt"), "object": "event", "api_version": API_VERSION,
                 "created": self.clock,
                 "data": {"object": json.loads(json.dumps(self.objects[object_id]))},
                 "livemode": False, "pending_webhooks": 0,
                 "request": {"id": None, "idempotency_key": None}, "type": kind}
        if previous:
            event["data"]["previous_attributes"] = previous
        self.events.append(event)
        return event

    def shuffle(self, seed: int) -> None:
        """The same events, happened in another order: their times dealt out again."""
        times = [e["created"] for e in self.events]
        random.Random(seed).shuffle(self.events)
        for event, created in zip(self.events, sorted(times), strict=True):
            event["created"] = created

    # The endpoints --------------------------------------------------------------------------

    def answer(self, method: str, target: str, body: bytes,
               headers: dict[str, str]) -> tuple[int, Any]:
        path, _, query = target.partition("?")
        parts = path.strip("/").split("/")
        if parts[:1] != ["v1"] or len(parts) < 2:
            return 404, {"error": {"type": "invalid_request_error", "message": "no such path"}}
        with self.lock:
            if method == "GET" and parts[1:] == ["events"]:
                return self._events(_flat(query))
            if method == "GET" and parts[1:] == ["payment_intents"]:
                intents = sorted((o for o in self.objects.values()
                                  if o["object"] == "payment_intent"),
                                 key=lambda o: o["created"], reverse=True)
                return 200, self._page(intents, _flat(query), "/v1/payment_intents")
            if method == "GET" and parts[1:] == ["refunds"]:
                return self._refunds(_flat(query))
            if method == "POST" and parts[1:] == ["refunds"]:
                return self._create_refund(_flat(body.decode()))
            if method == "GET" and len(parts) == 3:
                kinds = {"payment_intents": "payment_intent", "charges": "charge",
                         "disputes": "dispute", "payment_methods": "payment_method",
                         "refunds": "refund"}
                kind = kinds.get(parts[1])
                found = self.objects.get(parts[2])
                if kind is None or found is None or found["object"] != kind:
                    return _missing(kind or parts[1], parts[2])
                return 200, found
        return 404, {"error": {"type": "invalid_request_error", "message": "not modelled"}}

    def _events(self, q: dict[str, list[str]]) -> tuple[int, Any]:
        allowed = {"limit", "starting_after", "ending_before", "created[gte]", "created[gt]",
                   "type", "delivery_success"}
        types = [v for k, vs in q.items() if k == "types[]" or k.startswith("types[")
                 for v in vs]
        unknown = [k for k in q if k not in allowed and not k.startswith("types[")]
        if unknown:
            return _bad(f"Received unknown parameter: {unknown[0]}", unknown[0])
        found = sorted(self.events, key=lambda e: e["created"], reverse=True)
        if "created[gte]" in q:
            found = [e for e in found if e["created"] >= int(q["created[gte]"][0])]
        if "created[gt]" in q:
            found = [e for e in found if e["created"] > int(q["created[gt]"][0])]
        if "type" in q:
            found = [e for e in found if e["type"] == q["type"][0]]
        if types:
            found = [e for e in found if e["type"] in types]
        return 200, self._page(found, q, "/v1/events")

    @staticmethod
    def _page(found: list[dict[str, Any]], q: dict[str, list[str]], url: str) -> Any:
        if "starting_after" in q:
            ids = [e["id"] for e in found]
            after = q["starting_after"][0]
            found = found[ids.index(after) + 1:] if after in ids else []
        limit = int(q.get("limit", ["10"])[0])
        return {"object": "list", "url": url, "has_more": len(found) > limit,
                "data": found[:limit]}

    def _refunds(self, q: dict[str, list[str]]) -> tuple[int, Any]:
        pi_id = q.get("payment_intent", [""])[0]
        if pi_id and pi_id not in self.objects:
            return _missing("payment_intent", pi_id)
        found = sorted((o for o in self.objects.values() if o["object"] == "refund"
                        and (not pi_id or o["payment_intent"] == pi_id)),
                       key=lambda r: r["created"], reverse=True)
        return 200, self._page(found, q, "/v1/refunds")

    def _create_refund(self, q: dict[str, list[str]]) -> tuple[int, Any]:
        intent = self.objects.get(q.get("payment_intent", [""])[0])
        if intent is None:
            return _missing("payment_intent", q.get("payment_intent", [""])[0])
        charge = self.objects[intent["latest_charge"]]
        amount = int(q.get("amount", [str(charge["amount"] - charge["amount_refunded"])])[0])
        if amount > charge["amount"] - charge["amount_refunded"]:
            return 400, {"error": {"type": "invalid_request_error",
                                   "code": "charge_already_refunded", "param": "amount",
                                   "message": "Refund amount is greater than unrefunded "
                                              "amount on charge"}}
        metadata = {k[len("metadata["):-1]: v[0] for k, v in q.items()
                    if k.startswith("metadata[")}
        return 200, self._refund(intent, amount, metadata, None)


class StripeProxy(_Server):
    """Passes every request on to `upstream` (localstripe) and its answer back; a held
    answer is forwarded to the upstream first and held back on its way to the asker."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        super().__init__()

    def answer(self, method: str, target: str, body: bytes,
               headers: dict[str, str]) -> tuple[int, Any]:
        forward = {k: v for k, v in headers.items()
                   if k.lower() in ("authorization", "content-type", "idempotency-key",
                                    "stripe-version")}
        request = urllib.request.Request(self.upstream + target, data=body or None,
                                         method=method, headers=forward)
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                return reply.status, json.load(reply)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

