"""What a round of attempts does next, decided from a small state and nothing else.

The decision is kept apart from the database and the processor so that the rules it carries
(SC-2's "ask before anything else, resend only what never arrived", SC-1's "a round starts only
when due", AR-5/IN-3's "a success ends the round", IN-6's "a SEPA debit processing waits",
PM-4's "a decline moves on to the next method") can be read and tested in one place. The
charging engine builds a `RoundState` from the round's attempts, asks `next_step`, and carries
the answer out. A new kind of attempt (a refund, a payment the customer completes) is a new
subject on the same path: it gives the engine its `SubjectRules` and reuses this decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Next(Enum):
    """The values of the steps that end a round are the round's outcome (`RoundResult`)."""

    ASK = "ask"  # ask the processor what became of the round's open attempts
    RESEND = "resend"  # the processor never received an attempt: send it again, same key
    SKIP = "skipped"  # nothing begun and the subject is not due: leave it
    PAID = "paid"  # an attempt succeeded: conclude the round as paid
    UNKNOWN = "unknown"  # an outcome is still unknown (the processor could not be asked)
    PENDING = "pending"  # a debit is processing: the round waits for it
    CHARGE = "charge"  # try the next method, or conclude the round as failed if none is left


@dataclass(frozen=True)
class RoundState:
    """One round as far as its next step is concerned.

    `results` are the round's attempts oldest first, with what the processor said of them
    applied: unknown, pending, succeeded, declined, or unsent (asked, and it never got it).
    `unasked`: an unknown or pending attempt the processor has not been asked about yet.
    `due`: the subject may start a round now; only read when the round has not begun.
    """

    results: tuple[str, ...]
    unasked: bool = False
    due: bool = True


def next_step(state: RoundState) -> Next:
    if state.unasked:
        return Next.ASK  # SC-2: settled by asking before anything else is tried
    if "unsent" in state.results:
        return Next.RESEND  # SC-2: never blindly repeated, only what never arrived
    if not state.results and not state.due:
        return Next.SKIP
    if "succeeded" in state.results:
        return Next.PAID
    if "unknown" in state.results:
        return Next.UNKNOWN
    if "pending" in state.results:
        return Next.PENDING
    return Next.CHARGE
