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


# What a decline code means, for the account manager's alerts (HM-3: words, with the code the
# processor's dashboard shows beside them). A code not listed is shown as it is.
_WORDS = {
    "en": {"card_declined": "card declined", "generic_decline": "card declined",
           "insufficient_funds": "insufficient funds", "lost_card": "card reported lost",
           "stolen_card": "card reported stolen", "expired_card": "card expired",
           "incorrect_cvc": "wrong security code", "processing_error": "processing error",
           "authentication_required": "the bank asks the customer to confirm",
           "debit_failed": "direct debit refused by the bank",
           "do_not_honor": "refused by the bank", "fraudulent": "suspected fraud",
           "no_valid_payment_method": "no valid payment method",
           "debit_not_authorized": "direct debit not authorised by the customer",
           "account_closed": "bank account closed",
           "resource_missing": "the saved method no longer exists at the payment provider"},
    "fr": {"card_declined": "carte refusée", "generic_decline": "carte refusée",
           "insufficient_funds": "provision insuffisante", "lost_card": "carte déclarée perdue",
           "stolen_card": "carte déclarée volée", "expired_card": "carte expirée",
           "incorrect_cvc": "cryptogramme erroné", "processing_error": "erreur de traitement",
           "authentication_required": "la banque demande au client de confirmer",
           "debit_failed": "prélèvement rejeté par la banque",
           "do_not_honor": "refusé par la banque", "fraudulent": "suspicion de fraude",
           "no_valid_payment_method": "aucun moyen de paiement valide",
           "debit_not_authorized": "prélèvement non autorisé par le client",
           "account_closed": "compte bancaire clôturé",
           "resource_missing": "le moyen enregistré n'existe plus chez le prestataire"},
}


def decline_words(code: str | None, language: str) -> str | None:
    """`insufficient_funds` -> "insufficient funds (insufficient_funds)"; None stays None."""
    if not code:
        return None
    words = _WORDS.get(language, _WORDS["en"]).get(code)
    return f"{words} ({code})" if words else code
