"""The offline sandbox processor: behaves like Stripe's test mode (EXCHANGE.md).

It keeps its own ledger in a separate SQLite file, never the app's tables, so a crashed run is
settled by asking it, exactly as with Stripe. The same idempotency key returns the first result.
With `latency_ms`, half the delay comes before the ledger write and half after, so a process
killed mid-call can leave a charge the app has not heard of yet (SC-2's hard case).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from filelock import FileLock

from renewdesk.domain.errors import InputError
from renewdesk.domain.sensitive import never_sensitive
from renewdesk.payments.processor import (
    AttachResult,
    ChargeOutcome,
    ChargeRequest,
    MethodDetails,
    PagePaid,
    Payer,
    PaymentPage,
    ProcessorUnavailable,
    SavedMethod,
)

SUCCEEDS = "succeeded"
_DECLINES = {
    "pm_card_visa_chargeDeclined": "generic_decline",
    "pm_card_visa_chargeDeclinedInsufficientFunds": "insufficient_funds",
    "pm_card_chargeCustomerFail": "card_declined",
    "pm_card_visa_chargeDeclinedExpiredCard": "expired_card",
    "pm_card_visa_chargeDeclinedLostCard": "lost_card",
    "pm_card_visa_chargeDeclinedStolenCard": "stolen_card",
    "pm_card_authenticationRequired": "authentication_required",
}
_SEPA = {"pm_sepa_debit": SUCCEEDS, "pm_sepa_debit_fail": "debit_failed"}
# What the sandbox's own "hosted page" offers a customer: Stripe's test cards and debits, with
# the details Stripe gives them (brand, last 4, expiry; never a number).
TEST_METHODS = {
    "pm_card_visa": MethodDetails("card", "visa", "4242", 12, 2034),
    "pm_card_mastercard": MethodDetails("card", "mastercard", "4444", 12, 2034),
    "pm_card_amex": MethodDetails("card", "amex", "8431", 12, 2034),
    "pm_card_visa_chargeDeclined": MethodDetails("card", "visa", "0002", 12, 2034),
    "pm_card_visa_chargeDeclinedInsufficientFunds": MethodDetails("card", "visa", "9995", 12,
                                                                  2034),
    "pm_sepa_debit": MethodDetails("sepa_debit", "sepa", "3000", None, None),
    "pm_sepa_debit_fail": MethodDetails("sepa_debit", "sepa", "3002", None, None),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS charge (
    idempotency_key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    token TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    customer_ref TEXT NOT NULL,
    metadata TEXT NOT NULL,
    status TEXT NOT NULL,
    decline_code TEXT,
    created_on TEXT NOT NULL
)
"""


class SandboxProcessor:
    name = "sandbox"

    def __init__(self, ledger_path: Path, latency_ms: int = 0) -> None:
        self.ledger_path = ledger_path
        self.latency = latency_ms / 1000
        self._local = threading.local()
        # This process's threads take turns at the ledger: SQLite's busy handler would have a
        # waiting writer sleep for milliseconds (other processes still wait on it).
        self._writing = threading.Lock()
        ledger_path.parent.mkdir(parents=True, exist_ok=True)
        # Two processes opening a new ledger together: SQLite answers "database is locked" at
        # once, without its busy handler, to the one whose switch to WAL meets the other's.
        # The switch is made once, under a lock beside the ledger; WAL then stays with the file.
        with FileLock(f"{ledger_path}.setup.lock", thread_local=False):
            setup = sqlite3.connect(ledger_path, timeout=30, isolation_level=None)
            try:
                setup.execute("PRAGMA journal_mode=WAL")
                setup.execute(_SCHEMA)
            finally:
                setup.close()

    @property
    def calls_wait(self) -> bool:
        """With a latency, it stands for a network (Processor)."""
        return self.latency > 0

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.ledger_path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def _wait(self) -> None:
        if self.latency:
            time.sleep(self.latency / 2)

    def attach(self, token: str, payer: Payer) -> AttachResult:
        self._wait()
        self._wait()
        if not token.startswith("pm_") or len(token) < 5:
            return AttachResult(False, f"no such payment method: {token!r}")
        return AttachResult(True)

    def charge(self, request: ChargeRequest, today: date) -> ChargeOutcome:
        self._wait()
        with self._writing:
            row = self._record(request, today)
        self._wait()
        return _as_outcome(row, today, None)

    def _record(self, request: ChargeRequest, today: date) -> tuple[str, str, str | None]:
        """The ledger's answer to a charge: the first one recorded with its key. One statement,
        atomic by itself: a key already recorded is left as it is, and its charge answers."""
        conn = self._connect()
        status, code = _outcome(request.token)
        charge_id = never_sensitive(lambda: f"ch_sandbox_{uuid.uuid4().hex[:20]}")
        rows = conn.execute(
            "INSERT INTO charge VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (idempotency_key) "
            "DO NOTHING RETURNING id, status, decline_code",
            (request.idempotency_key, charge_id, request.token, request.amount_minor,
             request.currency, request.customer_ref, json.dumps(request.metadata, sort_keys=True),
             status, code, today.isoformat()),
        ).fetchall()  # to its end: the statement, and so its transaction, is then over
        if not rows:
            rows = conn.execute(
                "SELECT id, status, decline_code FROM charge WHERE idempotency_key = ?",
                (request.idempotency_key,)).fetchall()
        charge_id, status, code = rows[0]
        return (charge_id, status, code)

    def lookup(self, idempotency_key: str, metadata: dict[str, str],
               today: date) -> ChargeOutcome | None:
        self._wait()
        conn = self._connect()
        row = conn.execute(
            "SELECT id, status, decline_code, created_on FROM charge WHERE idempotency_key = ?",
            (idempotency_key,),
        ).fetchone()
        self._wait()
        if row is None:
            return None
        return _as_outcome(row[:3], today, date.fromisoformat(row[3]))

    def saved_methods(self, payer: Payer) -> list[SavedMethod]:
        """The sandbox keeps no customers (its methods are its test tokens): a customer id given
        to it is one it does not know, and bad input like Stripe's unknown customer."""
        if payer.processor_id is not None:
            raise InputError("no_sandbox_customer", customer=payer.processor_id)
        return []

    def describe(self, token: str) -> MethodDetails | None:
        """The details of the sandbox's test methods (they never change afterwards)."""
        return TEST_METHODS.get(token)

    def setup_page(self, payer: Payer, return_url: str) -> str:
        raise ProcessorUnavailable("the sandbox has no hosted page: a sandbox method is one of "
                                   "its test tokens, e.g. pm_card_visa")

    def setup_result(self, session_id: str) -> str | None:
        return None  # its stand-in page hands the chosen test token back itself

    def stand_in_methods(self) -> Mapping[str, MethodDetails]:
        """Its test methods: the customer pages' stand-in for a hosted page offers them."""
        return TEST_METHODS

    def retrieve(self, processor_ref: str) -> ChargeOutcome | None:
        conn = self._connect()
        row = conn.execute("SELECT id, status, decline_code, created_on FROM charge WHERE id = ?",
                           (processor_ref,)).fetchone()
        if row is None:
            return None
        return _as_outcome(row[:3], date.max, date.fromisoformat(row[3]))

    def authentication(self, processor_ref: str) -> str | None:
        return None  # the customer's page stands in for the bank's step (`authenticate`)

    def authenticate(self, processor_ref: str) -> bool:
        """The stand-in for the customer's bank: a payment that awaited authentication goes
        through, once (what Stripe.js's step does on Stripe). False if there was none."""
        with self._writing:
            done = self._connect().execute(
                "UPDATE charge SET status = ?, decline_code = NULL WHERE id = ? AND "
                "decline_code = 'authentication_required' RETURNING id",
                (SUCCEEDS, processor_ref)).fetchall()
        return bool(done)

    def cancel(self, processor_ref: str) -> None:
        with self._writing:
            self._connect().execute(
                "UPDATE charge SET decline_code = 'canceled' WHERE id = ? AND "
                "decline_code = 'authentication_required'", (processor_ref,)).fetchall()

    def payment_page(self, request: ChargeRequest, return_url: str) -> PaymentPage:
        raise ProcessorUnavailable("the sandbox has no hosted page: its pay-now links are "
                                   "renewdesk's own pages")

    def payment_page_outcome(self, page_id: str) -> PagePaid | None:
        return None

    def close_payment_page(self, page_id: str) -> None:
        return None

    def predict(self, request: ChargeRequest) -> ChargeOutcome:
        """What `charge` would answer, without recording anything (for dry runs)."""
        status, code = _outcome(request.token)
        return _as_outcome(("dry-run", status, code), date.min, None)

    def ledger(self) -> list[dict[str, object]]:
        """Every charge the sandbox ever received, for tests and support."""
        conn = self._connect()
        cursor = conn.execute("SELECT * FROM charge ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _outcome(token: str) -> tuple[str, str | None]:
    if token in _SEPA:
        return "sepa:" + _SEPA[token], None
    if token in _DECLINES:
        return "declined", _DECLINES[token]
    return SUCCEEDS, None


def _as_outcome(row: tuple[str, str, str | None], today: date,
                created_on: date | None) -> ChargeOutcome:
    charge_id, status, code = row
    if status.startswith("sepa:"):
        # SEPA debits are `processing` on the day they are made, settled on the next run.
        if created_on is None or today <= created_on:
            return ChargeOutcome("pending", charge_id)
        final = status.removeprefix("sepa:")
        if final == SUCCEEDS:
            return ChargeOutcome(SUCCEEDS, charge_id)
        return ChargeOutcome("declined", charge_id, final)
    return ChargeOutcome(status, charge_id, code)
