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
