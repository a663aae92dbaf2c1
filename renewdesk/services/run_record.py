"""What the last real run did, in figures, for the home page's "last night" (HM-1), and whether
it stopped on an error (a "Needs you" line).

Kept as one settings row (`last_run_record`, JSON) written at the end of every real run, or
when a run stops on an error, whichever way it was started (the window, the command line, the
daily timer). A dry run writes nothing. The figures are read from what the run wrote (its
attempts and events, after the high-water marks taken at its start), so they are the
database's, not a count kept on the side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import words
from renewdesk.store import settings
from renewdesk.store.models import Attempt, Event, Notification

KEY = "last_run_record"
_FAILED = ("renewal.failed", "installment.failed", "usage.failed")


@dataclass(frozen=True)
class RunRecord:
    as_of: date
    finished_at: datetime  # UTC
    failed: bool  # the run stopped on an error
    error: dict[str, object] | None = None  # {"code", "values"} or {"text"}: see error_words
    collected: tuple[Money, ...] = ()  # the run's successful charges, a total per currency
    payments: int = 0  # successful charges
    declined: int = 0  # items whose round failed in the run (retried later or not)
    retried: int = 0  # attempts that were retries (a round after the first)
    final_failures: int = 0  # items that failed with no automatic attempt left
    notices: int = 0
    emails: int = 0
    cancelled: bool = False
    problems: tuple[str, ...] = field(default_factory=tuple)  # English, for the log

    def error_words(self, language: str) -> str:
        """What stopped the run, in the reader's language when it was a refusal with a code;
        an unexpected error keeps its technical text (its trace is in the log)."""
        if not self.error:
            return ""
        code = self.error.get("code")
        if isinstance(code, str):
            values = self.error.get("values")
            return words(InputError(code, **(values if isinstance(values, dict) else {})),
                         language)
        return str(self.error.get("text", ""))


def figures(session: Session, as_of: date, now: datetime, marks: tuple[int, int, int], *,
            notices: int, cancelled: bool, problems: tuple[str, ...]) -> RunRecord:
    """The run's figures from what it wrote after `marks` (attempt, message, event ids)."""
    attempt_mark, message_mark, event_mark = marks
    collected = tuple(Money(int(total), currency) for currency, total in session.execute(
        select(Attempt.currency, func.sum(Attempt.amount_minor))
        .where(Attempt.id > attempt_mark, Attempt.result == "succeeded")
        .group_by(Attempt.currency).order_by(Attempt.currency)))
    payments = session.scalar(select(func.count()).select_from(Attempt).where(
        Attempt.id > attempt_mark, Attempt.result == "succeeded")) or 0
    retried = session.scalar(select(func.count()).select_from(Attempt).where(
        Attempt.id > attempt_mark, Attempt.round > 1)) or 0
    failures = session.scalars(select(Event.data).where(
        Event.id > event_mark, Event.type.in_(_FAILED))).all()
    final = sum(1 for data in failures if not (data or {}).get("next_attempt_on"))
    emails = session.scalar(select(func.count()).select_from(Notification).where(
        Notification.id > message_mark)) or 0
    return RunRecord(as_of, now, False, None, collected, payments, len(failures), retried, final,
                     notices, emails, cancelled, problems)


def stopped(as_of: date, now: datetime, error: BaseException) -> RunRecord:
    """A run that stopped on `error`: a refusal keeps its code and values, to be put in words
    where it is shown; anything else its class and text."""
    if isinstance(error, InputError) and error.code:
        shown: dict[str, object] = {"code": error.code,
                                    "values": {k: str(v) for k, v in error.values.items()}}
    else:
        shown = {"text": f"{type(error).__name__}: {error}"[:500]}
    return RunRecord(as_of, now, True, shown)


def save(session: Session, record: RunRecord) -> None:
    settings.put(session, KEY, json.dumps({
        "as_of": record.as_of.isoformat(), "finished_at": record.finished_at.isoformat(),
        "failed": record.failed, "error": record.error,
        "collected": [[m.minor, m.currency] for m in record.collected],
        "payments": record.payments, "declined": record.declined, "retried": record.retried,
        "final_failures": record.final_failures, "notices": record.notices,
        "emails": record.emails, "cancelled": record.cancelled,
        "problems": list(record.problems)}))


def last_run_record(session: Session) -> RunRecord | None:
    """The last real run's record, or None before the first one (or if unreadable: a record
    from a later version is not guessed at)."""
    text = settings.get(session, KEY)
    if not text:
        return None
    try:
        raw = json.loads(text)
        return RunRecord(
            date.fromisoformat(raw["as_of"]), datetime.fromisoformat(raw["finished_at"]),
            bool(raw["failed"]), raw.get("error"),
            tuple(Money(int(minor), str(currency)) for minor, currency in raw["collected"]),
            int(raw["payments"]), int(raw["declined"]), int(raw["retried"]),
            int(raw["final_failures"]), int(raw["notices"]), int(raw["emails"]),
            bool(raw["cancelled"]), tuple(raw.get("problems", ())))
    except (ValueError, KeyError, TypeError):
        return None
