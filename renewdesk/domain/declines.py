"""Decline codes split as RULES AR-5 / IN-4 require: soft (retry), hard (stop), customer action."""

from __future__ import annotations

from enum import StrEnum

HARD_DECLINE_CODES = frozenset(
    {
        "lost_card",
        "stolen_card",
        "expired_card",
        "pickup_card",
        "fraudulent",
        "invalid_account",
        "restricted_card",
        "revocation_of_authorization",
        "revocation_of_all_authorizations",
        "security_violation",
        "incorrect_number",
        "invalid_number",
        "card_not_supported",
        "transaction_not_allowed",
        "do_not_honor_permanent",
        "account_closed",
        "no_account",
        "debit_not_authorized",
        "resource_missing",  # the saved method no longer exists at the processor
        "processor_refused_request",  # the processor refuses the request itself
    }
)
CUSTOMER_ACTION_CODES = frozenset({"authentication_required"})


class DeclineKind(StrEnum):
    SOFT = "soft"
    HARD = "hard"
    CUSTOMER_ACTION = "customer_action"


def classify(code: str | None) -> DeclineKind:
    if code in HARD_DECLINE_CODES:
        return DeclineKind.HARD
    if code in CUSTOMER_ACTION_CODES:
        return DeclineKind.CUSTOMER_ACTION
    return DeclineKind.SOFT


def stops_retries(code: str | None) -> bool:
    """Hard declines stop automatic attempts; so does one only the customer can resolve."""
    return classify(code) is not DeclineKind.SOFT


def retry_allowed(decline_codes: list[str | None], *, no_more_automatic: bool) -> bool:
    """After a failed round: may an automatic attempt follow?

    No if the schedule allows none (`no_more_automatic`: the manual final attempt, a SEPA
    debit); no if every decline in the round stops retries (hard, or the customer must act:
    AR-5, IN-4); yes otherwise, including a round with no valid method to try at all (the
    customer may add one before the next date).
    """
    if no_more_automatic:
        return False
    return not decline_codes or any(not stops_retries(code) for code in decline_codes)
