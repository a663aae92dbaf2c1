"""What a run or a sync could not do, as a code and its values, put in words where it is shown
(the status bar, the sync summary, the command line) in the reader's language (HM-3).

A `Problem` is also the English sentence itself (a `str`), so a log line, a record or a test
reads it as before; `words(language)` says it in French or English. A value that is itself an
error with a code (`InputError`) is put in the same language; a processor's own message is
quoted as it came.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "mail_unsent": "{count} e-mail(s) could not be sent; they stay queued",
        "webhook_failed": "{count} webhook delivery(ies) failed; they will be retried",
        "unknown_outcome": "{count} charge(s) have an unknown outcome; the next run asks the "
                           "processor before anything else",
        "usage_not_invoiced": "{error}; not invoiced until its usage is corrected",
        "events_unreadable": "the payment provider's events could not be read: {error}",
        "event_unanswered": "the payment provider could not be asked about {event}: {error}; "
                            "the next sync goes on from there",
        "events_lost": "the payment provider no longer keeps its events before {before}; "
                       "payments still open are asked about one by one",
        "refund_unsettled": "a refund could not be settled with the payment provider "
                            "({error}); it is asked again next time",
        "pay_return_url_missing": "the return address of the payment provider's pages is not "
                                  "set (Settings > Payments): the e-mails carry renewdesk's own "
                                  "pay-now pages",
        "pay_page_failed": "no payment page for {subject}: {error}",
        "pay_page_not_closed": "payment page {page} could not be closed: {error}",
    },
    "fr": {
        "mail_unsent": "{count} e-mail(s) n'ont pas pu être envoyés ; ils restent en file "
                       "d'attente",
        "webhook_failed": "{count} envoi(s) de webhook en échec ; ils seront retentés",
        "unknown_outcome": "{count} prélèvement(s) à l'issue inconnue ; le prochain passage "
                           "interroge le prestataire de paiement avant toute autre chose",
        "usage_not_invoiced": "{error} ; non facturé tant que la consommation n'est pas "
                              "corrigée",
        "events_unreadable": "les événements du prestataire de paiement n'ont pas pu être "
                             "lus : {error}",
        "event_unanswered": "le prestataire de paiement n'a pas pu être interrogé sur "
                            "{event} : {error} ; la prochaine synchronisation reprend là",
        "events_lost": "le prestataire de paiement ne garde plus ses événements d'avant le "
                       "{before} ; les paiements encore ouverts lui sont demandés un par un",
        "refund_unsettled": "un remboursement n'a pas pu être réglé avec le prestataire de "
                            "paiement ({error}) ; il sera redemandé la prochaine fois",
        "pay_return_url_missing": "l'adresse de retour des pages du prestataire de paiement "
                                  "n'est pas réglée (Paramètres > Paiements) : les e-mails "
                                  "portent les pages de paiement de renewdesk",
        "pay_page_failed": "aucune page de paiement pour {subject} : {error}",
        "pay_page_not_closed": "la page de paiement {page} n'a pas pu être fermée : {error}",
    },
}


class Problem(str):
    """`Problem("mail_unsent", count=3)`: the English sentence, with its code and values."""

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, /, **values: object) -> Problem:
        if code not in WORDS["en"]:
            raise KeyError(f"no words for the problem {code!r}")
        made = super().__new__(cls, _render(code, values, "en"))
        made.code = code
        made.values = values
        return made

    def words(self, language: str) -> str:
        return _render(self.code, self.values, language)


def in_words(problem: str, language: str) -> str:
    """A problem in `language`; a plain sentence (from before problems had codes) as it is."""
    return problem.words(language) if isinstance(problem, Problem) else problem


def _render(code: str, values: dict[str, object], language: str) -> str:
    language = language if language in WORDS else "en"
    return WORDS[language][code].format(**{name: _value(value, language)
                                           for name, value in values.items()})


def _value(value: object, language: str) -> str:
    words = getattr(value, "words", None)
    if callable(words):  # an error with a code, or another problem
        return str(words(language))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return str(format_date(value, format="long", locale=language))
    return str(value)
