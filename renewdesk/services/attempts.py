"""An attempt's row, the request it sends and what the processor answers of it (SC-2).

Kept apart from the engine's units of work so that the columns an attempt is written with, and
the columns its outcome sets, are read in one place, from the model: a column `Attempt` gains
is written (or refused) instead of drifting out of a hand-built row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from renewdesk.domain.declines import DeclineKind, classify
from renewdesk.payments.processor import ChargeOutcome, ChargeRequest
from renewdesk.services.subjects import SubjectRules
from renewdesk.store.models import Attempt, PaymentMethod


@dataclass(frozen=True)
class OpenAttempt:
    """An attempt whose outcome the processor is asked for (unknown or pending)."""

    attempt_id: int
    key: str
    metadata: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Answer:
    reached: bool  # False: the processor could not be asked
    outcome: ChargeOutcome | None  # None: it never received a charge with that key


@dataclass(frozen=True)
class PlannedCall:
    """A call whose attempt is committed (SC-2): made outside the unit of work that wrote it."""

    attempt_id: int
    method_id: int
    request: ChargeRequest
    fresh: bool = False  # added by this plan (not an unsent one sent again)


class Skipped(Enum):
    """A call not made: the run was cancelled before its turn."""

    CALL = "skipped"


SKIPPED = Skipped.CALL
Call = ChargeOutcome | None | Skipped  # None: the outcome is unknown (timeout, no network)


def apply_answer(attempt: Attempt, answer: Answer, now: datetime) -> str:
    """What the processor said of an unknown or pending attempt (SC-2); `unsent` when it never
    received it (then, and only then, it is sent again with the same key)."""
    if not answer.reached:
        return attempt.result
    if answer.outcome is None:
        return "unsent" if attempt.result == "unknown" else attempt.result
    for column, value in settled(answer.outcome, now).items():
        setattr(attempt, column, value)
    block_if_hard(attempt.payment_method, answer.outcome)
    return attempt.result


def settled(outcome: ChargeOutcome, now: datetime) -> dict[str, Any]:
    """An attempt's columns once the processor said what became of it."""
    return {"result": outcome.status, "processor_ref": outcome.processor_ref,
            "decline_code": outcome.decline_code,
            "hard_decline": classify(outcome.decline_code) is DeclineKind.HARD,
            "settled_at": None if outcome.status == "pending" else now}


def block_if_hard(method: PaymentMethod, outcome: ChargeOutcome) -> None:
    if outcome.status == "declined" and classify(outcome.decline_code) is DeclineKind.HARD:
        # AR-5: a hard decline is not retried until the payment method changes.
        method.blocked_code = outcome.decline_code


TABLE: Any = Attempt.__table__


def _column_defaults(table: Any) -> dict[str, Any]:
    return {column.key: (column.default.arg if column.default is not None
                         and column.default.is_scalar else None)
            for column in table.columns if not column.primary_key}


_ATTEMPT_ROW = _column_defaults(TABLE)


def attempt_row(**values: Any) -> dict[str, Any]:
    """A new attempt's row for a many-row INSERT, read from the model: every column, with its
    default where the caller gives none, so the rows of one INSERT share their keys whatever
    their subject, and a column the model gains is written (or refused) instead of silently
    left out. A name the model does not have is refused."""
    unknown = values.keys() - _ATTEMPT_ROW.keys()
    if unknown:
        raise TypeError(f"Attempt has no column {', '.join(sorted(unknown))}")
    return {**_ATTEMPT_ROW, **values}


def charge_request(rules: SubjectRules, subject: Any, method: PaymentMethod, key: str,
                   amount: tuple[int, str]) -> ChargeRequest:
    customer = rules.customer(subject)
    reference = rules.reference(subject)
    return ChargeRequest(
        idempotency_key=key, token=method.token, amount_minor=amount[0], currency=amount[1],
        customer_ref=customer.ref, description=f"{rules.kind} {reference}",
        processor_customer_id=customer.processor_customer_id, method_type=method.type,
        metadata={"subject": reference, "kind": rules.kind, "attempt": key,
                  "payment_method": method.ref},
    )


def questions(rules: SubjectRules, subject: Any, attempts: list[Attempt],
              answered: dict[int, Answer]) -> tuple[OpenAttempt, ...]:
    """The round's open attempts the processor has not been asked about yet (SC-2)."""
    return tuple(
        OpenAttempt(a.id, a.idempotency_key, (("subject", rules.reference(subject)),
                                              ("attempt", a.idempotency_key)))
        for a in attempts if a.result in ("unknown", "pending") and a.id not in answered)
