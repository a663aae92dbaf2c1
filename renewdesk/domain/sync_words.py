"""What the payment provider's events changed, as a code and its values, put in words where the
command line prints it (`renewdesk sync`, `run-due`) in the reader's language (HM-3).

A `Change` is also the English sentence itself (a `str`): what is stored of it (the event seen,
a log line) stays English, as data, and a test reads it as before. References stay as they are;
a status is said in words; a value that says itself (`words(language)`: an error with a code,
a dispute's outcome in the seller's words) is said in the same language.
"""

from __future__ import annotations

from collections.abc import Mapping

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "payment": "payment {payment} {status}",
        "payment_disputed": "payment {payment} disputed",
        "dispute_closed": "dispute of {payment} {outcome}",
        "method_detached": "method {method} detached",
        "method_updated": "method {method} updated",
        "refund": "refund {refund} {status}",
        "refund_recorded": "refund {refund} recorded from the processor",
        "not_applied": "not applied: {error}",
    },
    "fr": {
        "payment": "paiement {payment} {status}",
        "payment_disputed": "paiement {payment} contesté",
        "dispute_closed": "contestation de {payment} {outcome}",
        "method_detached": "moyen de paiement {method} détaché chez le prestataire",
        "method_updated": "moyen de paiement {method} mis à jour",
        "refund": "remboursement {refund} {status}",
        "refund_recorded": "remboursement {refund} enregistré depuis le prestataire de paiement",
        "not_applied": "non appliqué : {error}",
    },
}

# A payment's outcome (succeeded | declined | pending | unknown) and a refund's (succeeded |
# pending | failed | canceled): both nouns are masculine in French.
STATUS: dict[str, dict[str, str]] = {
    "en": {"succeeded": "succeeded", "declined": "declined", "pending": "pending",
           "unknown": "unknown", "failed": "failed", "canceled": "cancelled"},
    "fr": {"succeeded": "réussi", "declined": "refusé", "pending": "en cours",
           "unknown": "inconnu", "failed": "échoué", "canceled": "annulé"},
}


class Change(str):
    """`Change("payment", payment="O1#1/1", status="declined")`: the English sentence, with its
    code and values."""

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, /, **values: object) -> Change:
        if code not in WORDS["en"]:
            raise KeyError(f"no words for the change {code!r}")
        made = super().__new__(cls, _render(code, values, "en"))
        made.code, made.values = code, values
        return made

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        return (self.code,), self.values

    def words(self, language: str) -> str:
        return _render(self.code, self.values, language)


class Said(str):
    """Words given in each language by whoever knows them (a dispute's outcome as the seller's
    e-mails say it): the English as a `str`, any other by `words`."""

    by_language: dict[str, str]

    def __new__(cls, by_language: Mapping[str, str]) -> Said:
        made = super().__new__(cls, by_language["en"])
        made.by_language = dict(by_language)
        return made

    def __getnewargs__(self) -> tuple[dict[str, str]]:  # type: ignore[override]
        return (self.by_language,)

    def words(self, language: str) -> str:
        return self.by_language.get(language, self.by_language["en"])


def in_words(said: str, language: str) -> str:
    """A change (or any value that says itself) in `language`; a plain sentence as it is."""
    words = getattr(said, "words", None)
    return str(words(language)) if callable(words) else said


def _render(code: str, values: dict[str, object], language: str) -> str:
    language = language if language in WORDS else "en"
    return WORDS[language][code].format(**{name: _value(name, value, language)
                                           for name, value in values.items()})


def _value(name: str, value: object, language: str) -> str:
    if name == "status" and isinstance(value, str):
        return STATUS[language].get(value, value.replace("_", " "))
    words = getattr(value, "words", None)
    if callable(words):
        return str(words(language))
    return str(value)
