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
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock

from renewdesk.domain.errors import InputError
from renewdesk.domain.sensitive import never_sensitive
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
    RefundRefused,
    RefundRequest,
    RefundState,
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
    # Stripe's test card whose payment succeeds, then is disputed by the cardholder (RF-2).
    "pm_card_createDispute": MethodDetails("card", "visa", "0259", 12, 2034),
    "pm_sepa_debit": MethodDetails("sepa_debit", "sepa", "3000", None, None),
    "pm_sepa_debit_fail": MethodDetails("sepa_debit", "sepa", "3002", None, None),
}

_DISPUTED = "pm_card_createDispute"
# What happens after the call came back, told the next business day through the feed: SEPA
# debits settle, the disputed test card's cardholder disputes it (SY-1). The condition is the
# partial index's, written the same in both places so that SQLite uses it.
_FOLLOW_UP = ("SELECT id, token, status, amount_minor, currency, created_on FROM charge "
              "WHERE (status LIKE 'sepa:%' OR token = 'pm_card_createDispute') "
              "AND created_on < ? AND NOT EXISTS "
              "(SELECT 1 FROM followed WHERE charge_id = charge.id) ORDER BY rowid")
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
);
CREATE INDEX IF NOT EXISTS charge_by_id ON charge (id);
CREATE INDEX IF NOT EXISTS charge_later ON charge (created_on)
    WHERE (status LIKE 'sepa:%' OR token = 'pm_card_createDispute');
CREATE TABLE IF NOT EXISTS followed (charge_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS refund (
    idempotency_key TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    charge_id TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    metadata TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS refund_by_charge ON refund (charge_id);
CREATE TABLE IF NOT EXISTS dispute (
    id TEXT PRIMARY KEY,
    charge_id TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    respond_by TEXT
);
CREATE TABLE IF NOT EXISTS method (
    token TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL,
    exp_month INTEGER,
    exp_year INTEGER,
    detached INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS event (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    object_id TEXT NOT NULL
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
                setup.executescript(_SCHEMA)
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

    def charge_many(self, requests: Sequence[ChargeRequest],
                    today: date) -> list[ChargeOutcome]:
        """`charge` for the calls of a wave made one after the other on one thread (the
        runner's, when the sandbox answers at once): every charge recorded, in one transaction
        committed before any answer is returned, each key's first result answering, in the
        order of `requests`. One commit for them all instead of one each: a busy night's
        2,000 charges a wave. With a latency each is a call of its own, as on a network."""
        if self.latency:
            return [self.charge(request, today) for request in requests]
        with self._writing:
            rows = self._record_many(requests, today)
        return [_as_outcome(rows[request.idempotency_key], today, None) for request in requests]

    def _record_many(self, requests: Sequence[ChargeRequest],
                     today: date) -> dict[str, tuple[str, str, str | None]]:
        """`_record` for many requests in one write transaction: the new keys inserted, then
        every key's row read back (a key recorded before keeps its first result)."""
        conn = self._connect()
        values = [_ledger_row(request, today) for request in requests]
        keys = json.dumps([request.idempotency_key for request in requests])
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT INTO charge VALUES (?,?,?,?,?,?,?,?,?,?) "
                             "ON CONFLICT (idempotency_key) DO NOTHING", values)
            rows = {key: (charge_id, status, code) for key, charge_id, status, code in conn.execute(
                "SELECT idempotency_key, id, status, decline_code FROM charge "
                "WHERE idempotency_key IN (SELECT value FROM json_each(?))", (keys,))}
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return rows

    def _record(self, request: ChargeRequest, today: date) -> tuple[str, str, str | None]:
        """The ledger's answer to a charge: the first one recorded with its key. One statement,
        atomic by itself: a key already recorded is left as it is, and its charge answers."""
        conn = self._connect()
        rows = conn.execute(
            "INSERT INTO charge VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (idempotency_key) "
            "DO NOTHING RETURNING id, status, decline_code", _ledger_row(request, today),
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
        """The details of the sandbox's test methods, as its stand-in for the card networks
        last changed them (`update_method`)."""
        state = self.method_state(token)
        return state.details if state is not None else None

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

    # What happens after the call came back (SY-1) and refunds (RF-1) -----------------------

    def events(self, after: int | None, today: date) -> EventPage:
        """The feed, oldest first. What the next business days bring (SEPA debits settled, the
        disputed test card disputed) is added to it once `today` has passed the charge's day."""
        self._wait()
        with self._writing:
            self._follow_up(today)
        rows = self._connect().execute(
            "SELECT id, type, position, object_id FROM event WHERE position >= ? "
            "ORDER BY position", (after or 0,)).fetchall()
        self._wait()
        return EventPage(tuple(ProcessorEvent(*row) for row in rows))

    def _follow_up(self, today: date) -> None:
        conn = self._connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            due = conn.execute(_FOLLOW_UP, (today.isoformat(),)).fetchall()
            for charge_id, token, status, amount, currency, created_on in due:
                conn.execute("INSERT INTO followed VALUES (?)", (charge_id,))
                if status.startswith("sepa:"):
                    kind = ("payment_intent.succeeded" if status == "sepa:" + SUCCEEDS
                            else "payment_intent.payment_failed")
                    self._tell(conn, kind, charge_id)
                elif status == SUCCEEDS and token == _DISPUTED:
                    respond_by = date.fromisoformat(created_on) + timedelta(days=21)
                    self._open_dispute(conn, charge_id, amount, currency, "fraudulent",
                                       respond_by)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @staticmethod
    def _tell(conn: sqlite3.Connection, kind: str, object_id: str) -> None:
        event_id = never_sensitive(lambda: f"evt_sandbox_{uuid.uuid4().hex[:20]}")
        conn.execute("INSERT INTO event (id, type, object_id) VALUES (?,?,?)",
                     (event_id, kind, object_id))

    def payment(self, processor_ref: str, today: date) -> PaymentState | None:
        self._wait()
        conn = self._connect()
        row = conn.execute("SELECT id, status, decline_code, created_on, idempotency_key "
                           "FROM charge WHERE id = ?", (processor_ref,)).fetchone()
        refunds = conn.execute(
            "SELECT id, amount_minor, currency, status, idempotency_key, metadata FROM refund "
            "WHERE charge_id = ? ORDER BY rowid", (processor_ref,)).fetchall()
        self._wait()
        if row is None:
            return None
        outcome = _as_outcome(row[:3], today, date.fromisoformat(row[3]))
        return PaymentState(outcome, row[4], tuple(_refund_state(r) for r in refunds))

    def refund(self, request: RefundRequest) -> RefundState:
        """Refunds what is left of a succeeded payment, once per key: the same key answers
        the first refund again."""
        self._wait()
        with self._writing:
            state = self._refund(request)
        self._wait()
        return state

    def _refund(self, request: RefundRequest) -> RefundState:
        conn = self._connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            known = conn.execute(
                "SELECT id, amount_minor, currency, status, idempotency_key, metadata FROM "
                "refund WHERE idempotency_key = ?", (request.idempotency_key,)).fetchone()
            if known is not None:
                conn.execute("COMMIT")
                return _refund_state(known)
            charge = conn.execute("SELECT status, amount_minor, currency FROM charge "
                                  "WHERE id = ?", (request.payment_ref,)).fetchone()
            if charge is None:
                raise RefundRefused("no_such_payment")
            if charge[0] not in (SUCCEEDS, "sepa:" + SUCCEEDS):
                raise RefundRefused("payment_not_succeeded")
            if request.currency != charge[2]:
                raise RefundRefused("currency_mismatch")
            refunded = conn.execute(
                "SELECT COALESCE(SUM(amount_minor), 0) FROM refund WHERE charge_id = ? AND "
                "status IN ('succeeded', 'pending')", (request.payment_ref,)).fetchone()[0]
            if request.amount_minor <= 0 or request.amount_minor > charge[1] - refunded:
                raise RefundRefused("amount_too_large")
            refund_id = never_sensitive(lambda: f"re_sandbox_{uuid.uuid4().hex[:20]}")
            row = (refund_id, request.amount_minor, request.currency, SUCCEEDS,
                   request.idempotency_key, json.dumps(request.metadata, sort_keys=True))
            conn.execute("INSERT INTO refund VALUES (?,?,?,?,?,?,?)",
                         (request.idempotency_key, refund_id, request.payment_ref,
                          request.amount_minor, request.currency, row[5], SUCCEEDS))
            self._tell(conn, "charge.refunded", request.payment_ref)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return _refund_state(row)

    def dispute(self, processor_ref: str) -> DisputeState | None:
        row = self._connect().execute(
            "SELECT id, charge_id, amount_minor, currency, reason, status, respond_by FROM "
            "dispute WHERE id = ?", (processor_ref,)).fetchone()
        if row is None:
            return None
        respond_by = date.fromisoformat(row[6]) if row[6] else None
        dispute_id, charge_id, amount, currency, reason, status = row[:6]
        return DisputeState(dispute_id, charge_id, amount, currency, reason, status, respond_by)

    def method_state(self, token: str) -> MethodState | None:
        row = self._connect().execute(
            "SELECT type, brand, last4, exp_month, exp_year, detached FROM method WHERE "
            "token = ?", (token,)).fetchone()
        if row is not None:
            return MethodState(MethodDetails(*row[:5]), attached=not row[5])
        details = TEST_METHODS.get(token)
        return MethodState(details, attached=True) if details is not None else None

    # The sandbox's stand-ins for what happens at Stripe without renewdesk (tests, demos) -----

    def _open_dispute(self, conn: sqlite3.Connection, charge_id: str, amount: int,
                      currency: str, reason: str, respond_by: date | None) -> str:
        dispute_id = never_sensitive(lambda: f"dp_sandbox_{uuid.uuid4().hex[:20]}")
        conn.execute("INSERT INTO dispute VALUES (?,?,?,?,?,?,?)",
                     (dispute_id, charge_id, amount, currency, reason, "needs_response",
                      respond_by.isoformat() if respond_by else None))
        self._tell(conn, "charge.dispute.created", dispute_id)
        return dispute_id

    def open_dispute(self, charge_id: str, reason: str = "fraudulent",
                     respond_by: date | None = None) -> str:
        """The cardholder disputes a payment with their bank (RF-2): the whole amount."""
        with self._writing:
            conn = self._connect()
            row = conn.execute("SELECT amount_minor, currency FROM charge WHERE id = ?",
                               (charge_id,)).fetchone()
            if row is None:
                raise KeyError(charge_id)
            conn.execute("BEGIN IMMEDIATE")
            dispute_id = self._open_dispute(conn, charge_id, row[0], row[1], reason,
                                            respond_by)
            conn.execute("COMMIT")
        return dispute_id

    def disputes_of(self, charge_id: str) -> list[str]:
        """The disputes opened on a payment, oldest first (for support and tests)."""
        return [row[0] for row in self._connect().execute(
            "SELECT id FROM dispute WHERE charge_id = ? ORDER BY rowid", (charge_id,))]

    def close_dispute(self, dispute_id: str, won: bool) -> None:
        with self._writing:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE dispute SET status = ? WHERE id = ?",
                         ("won" if won else "lost", dispute_id))
            self._tell(conn, "charge.dispute.closed", dispute_id)
            conn.execute("COMMIT")

    def refund_elsewhere(self, charge_id: str, amount_minor: int) -> str:
        """A refund made in the processor's dashboard, without renewdesk (no key of ours)."""
        with self._writing:
            conn = self._connect()
            currency = conn.execute("SELECT currency FROM charge WHERE id = ?",
                                    (charge_id,)).fetchone()[0]
            refund_id = never_sensitive(lambda: f"re_sandbox_{uuid.uuid4().hex[:20]}")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO refund VALUES (?,?,?,?,?,?,?)",
                         (f"dashboard_{refund_id}", refund_id, charge_id, amount_minor,
                          currency, "{}", SUCCEEDS))
            self._tell(conn, "charge.refunded", charge_id)
            conn.execute("COMMIT")
        return refund_id

    def update_method(self, token: str, *, exp_month: int | None = None,
                      exp_year: int | None = None, last4: str | None = None,
                      detached: bool = False) -> None:
        """The card networks renewed a card (new expiry or last 4), or the method was detached
        at the processor: told through the feed."""
        state = self.method_state(token)
        base = state.details if state is not None else MethodDetails("card", "visa", "4242",
                                                                     12, 2034)
        row = (token, base.type, base.brand, last4 or base.last4,
               exp_month if exp_month is not None else base.exp_month,
               exp_year if exp_year is not None else base.exp_year, int(detached))
        kind = "payment_method.detached" if detached else "payment_method.automatically_updated"
        with self._writing:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO method VALUES (?,?,?,?,?,?,?)", row)
            self._tell(conn, kind, token)
            conn.execute("COMMIT")

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


def _refund_state(row: tuple[str, int, str, str, str, str]) -> RefundState:
    refund_id, amount, currency, status, _key, metadata = row
    return RefundState(refund_id, amount, currency, status, json.loads(metadata).get("refund"))


def _outcome(token: str) -> tuple[str, str | None]:
    if token in _SEPA:
        return "sepa:" + _SEPA[token], None
    if token in _DECLINES:
        return "declined", _DECLINES[token]
    return SUCCEEDS, None


def _ledger_row(request: ChargeRequest, today: date) -> tuple[Any, ...]:
    """A charge's row of the ledger, its id made anew (the first row of a key is the one kept)."""
    status, code = _outcome(request.token)
    return (request.idempotency_key,
            never_sensitive(lambda: f"ch_sandbox_{uuid.uuid4().hex[:20]}"), request.token,
            request.amount_minor, request.currency, request.customer_ref,
            json.dumps(request.metadata, sort_keys=True), status, code, today.isoformat())


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
