"""What the charging engine is told about the things it charges: the seam for new kinds.

A renewal cart (AR-5), an installment (IN-3) and a usage invoice (US-1) are charged by the same
engine, crash-safe in the same way (SC-2); all that differs between them is said by their
`SubjectRules`: how to load them, how much and with which method, whether one is due, and what
paying or failing does to it. A new kind of attempt (a refund, RF-1; a payment the customer
completes, CP-1 and CP-2) is a new `SubjectRules` on the same path, and gets the idempotency
keys, the settling by asking and the pacing of calls without touching the engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from renewdesk.store.models import Attempt, Customer, PaymentMethod


class SubjectRules(Protocol):
    """What differs between carts, installments and usage invoices."""

    kind: str  # the Attempt column prefix: renewal | installment | usage_invoice

    def load_many(self, session: Session, ids: Sequence[int]) -> dict[int, Any]: ...
    def reference(self, subject: Any) -> str: ...
    def customer(self, subject: Any) -> Customer: ...
    def amount(self, subject: Any) -> tuple[int, str]: ...
    def preferred_method(self, subject: Any) -> PaymentMethod | None: ...
    def single_method(self, subject: Any) -> bool: ...
    def chargeable(self, session: Session, subject: Any, today: date, manual: bool) -> bool: ...
    def on_paid(self, session: Session, subject: Any, method: PaymentMethod, today: date,
                now: datetime) -> None: ...
    def on_pending(self, session: Session, subject: Any) -> None: ...
    def on_round_failed(self, session: Session, subject: Any, attempts: Sequence[Attempt],
                        today: date, now: datetime, manual: bool) -> None: ...


@dataclass(frozen=True)
class DueItem:
    kind: str
    subject_id: int
    customer_id: int
    sort_key: tuple[date, int]
    manual: bool = False


@dataclass(frozen=True)
class RoundResult:
    kind: str
    subject_ref: str
    outcome: str  # paid | failed | pending | unknown | skipped


def methods_for_round(rules: SubjectRules, subject: Any, today: date,
                      fallback: bool) -> Iterator[PaymentMethod]:
    """PM-4: the chosen method first, then the customer's other valid methods in order. Lazily:
    the customer's other methods are read only when the chosen one will not do."""
    preferred = rules.preferred_method(subject)
    if preferred is not None and preferred.chargeable(today):
        yield preferred
    if fallback and not rules.single_method(subject):  # SEPA orders debit their own mandate only
        yield from (m for m in rules.customer(subject).payment_methods
                    if m.chargeable(today) and m is not preferred)
