"""A stand-in for Stripe's API on 127.0.0.1, for `bench night --live`: the real StripeProcessor
(its SDK, its HTTP stack) talks to it as to Stripe, and it records what Stripe would have seen.

It answers what a night's run sends: `POST /v1/payment_intents` (every charge succeeds: the
benchmark measures pacing, not declines), and the lookups of an unknown outcome (search, list,
retrieve). Each answer comes after `latency` seconds, as Stripe's would. The `Idempotency-Key`
is honoured as Stripe does: the same key gets the same PaymentIntent back, never a second one.
A chosen share of requests is turned away first, before anything is done, with HTTP 429 and
Stripe's error body (which the SDK raises as `RateLimitError`).
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

RATE_LIMITED = {"error": {"type": "invalid_request_error", "code": "rate_limit",
                          "message": "Too many requests hit the API too quickly."}}


class Ledger:
    """What the server saw: the moment of every request, the 429s, the PaymentIntents."""

    def __init__(self, turn_away: float, seed: int = 20) -> None:
        self.turn_away = turn_away
        self.requests: list[float] = []
        self.turned_away = 0
        self.most_at_once = 0  # requests being answered at the same moment, at most
        self._at_once = 0
        self.created: Counter[str] = Counter()  # PaymentIntents created, by idempotency key
        self.intents: dict[str, dict[str, Any]] = {}  # by idempotency key
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def arrived(self) -> bool:
        """Note a request; True if it is to be turned away for the rate."""
        with self._lock:
            self.requests.append(time.monotonic())
            refused = self._random.random() < self.turn_away
            self.turned_away += refused
            return refused

    def intent(self, key: str, form: dict[str, list[str]]) -> dict[str, Any]:
        with self._lock:
            if key not in self.intents:
                self.created[key] += 1
                metadata = {name[len("metadata["):-1]: values[0]
                            for name, values in form.items() if name.startswith("metadata[")}
                self.intents[key] = {
                    "id": f"pi_bench{len(self.intents) + 1:06d}", "object": "payment_intent",
                    "amount": int(form["amount"][0]), "currency": form["currency"][0],
                    "status": "succeeded", "payment_method": form["payment_method"][0],
                    "metadata": metadata, "last_payment_error": None}
            return self.intents[key]

    @contextmanager
    def answering(self) -> Iterator[None]:
        with self._lock:
            self._at_once += 1
            self.most_at_once = max(self.most_at_once, self._at_once)
        try:
            yield
        finally:
            with self._lock:
                self._at_once -= 1

    def found(self, attempt: str | None) -> list[dict[str, Any]]:
        with self._lock:
            return [i for i in self.intents.values()
                    if attempt is None or i["metadata"].get("attempt") == attempt]


def _handler(ledger: Ledger, latency: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the SDK keeps a connection per thread

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode())
            if ledger.arrived():
                self._answer(429, RATE_LIMITED)
                return
            with ledger.answering():
                time.sleep(latency)
            key = self.headers.get("Idempotency-Key")
            if urlsplit(self.path).path != "/v1/payment_intents" or not key:
                self._answer(404, {"error": {"type": "invalid_request_error",
                                             "code": "resource_missing", "message": self.path}})
                return
            self._answer(200, ledger.intent(key, form))

        def do_GET(self) -> None:
            if ledger.arrived():
                self._answer(429, RATE_LIMITED)
                return
            with ledger.answering():
                time.sleep(latency)
            url = urlsplit(self.path)
            if url.path == "/v1/payment_intents/search":
                query = parse_qs(url.query).get("query", [""])[0]
                attempt = query.rpartition(":")[2].strip("'")
                found = ledger.found(attempt)
                self._answer(200, {"object": "search_result", "url": url.path, "data": found,
                                   "has_more": False})
            elif url.path == "/v1/payment_intents":
                self._answer(200, {"object": "list", "url": url.path,
                                   "data": ledger.found(None), "has_more": False})
            elif url.path == "/v1/events":  # nothing happens here after the call (SY-1)
                self._answer(200, {"object": "list", "url": url.path, "data": [],
                                   "has_more": False})
            else:
                self._answer(404, {"error": {"type": "invalid_request_error",
                                             "code": "resource_missing", "message": url.path}})

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # calls out at once can reach the pacer's cap


@contextmanager
def serving(latency: float, turn_away: float = 0.0) -> Iterator[tuple[str, Ledger]]:
    """`with serving(0.25, 0.2) as (api_base, ledger):` a server on a free local port."""
    ledger = Ledger(turn_away)
    server = _Server(("127.0.0.1", 0), _handler(ledger, latency))
    thread = threading.Thread(target=server.serve_forever, name="fake-stripe", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", ledger
    finally:
        server.shutdown()
        server.server_close()
