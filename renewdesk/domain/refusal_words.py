"""The words of each refusal code, in French and English: what the window, the customer pages
and the command line show for an error (`words(error, language)`).

An error carries a code and its values; the sentence is chosen where it is read, in the
reader's language, so the same refusal reads French in the French window and English in a log.
No text here names a rule's id: that stays on the error (`error.rule`), for logs and tests.
Values that are words from the database (a status, a missing field, the kind of bank detail)
are translated through `TERMS`; a date reads ISO in English and day/month/year in French.
Imports nothing above the domain, so the window, the pages and the command line can all use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from renewdesk.domain.sensitive import WITHHELD, redacted

LANGUAGES = ("fr", "en")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # AR-1, AR-2: auto-renew
        "auto_renew_needs_method": "customer {customer} has no valid payment method; "
                                   "auto-renew cannot be switched on",
        "services_cannot_change": "{count} service(s) cannot change: {service}: {reason}",
        "warnings_need_confirmation": "{count} warning(s) need confirmation (--yes): "
                                      "{warnings}",
        # AR-4, AR-5, AR-6: renewals
        "renewal_not_scheduled": "renewal {renewal} is {status}, not scheduled",
        "renewal_due": "renewal {renewal} is due for charging since {charge_on}; it can no "
                       "longer be cancelled",
        "service_billed_on_usage": "service {service} is billed on usage; pay its invoices",
        "service_not_renewable": "service {service} is {status}",
        "service_in_renewal": "service {service} is already in renewal {renewal}",
        # PM-1, PM-2, PM-3, PM-6: payment methods and the processor
        "profile_incomplete": "customer {customer} needs {missing} before a payment method "
                              "can be added",
        "no_valid_method": "customer {customer} has no valid payment method",
        "not_known_to_processor": "customer {customer} is not known to the processor yet: "
                                  "link it or save a first method",
        "already_linked": "customer {customer} is already linked to {processor_customer}",
        "method_unknown_to_processor": "the processor does not know this payment method",
        "processor_refused_method": "the processor refused this method: {reason}",
        "sensitive_argument": "the {argument} argument looks like {kind}; card numbers and "
                              "IBANs are never accepted",
        "sensitive_argument_at": "argument {position} looks like {kind}; card numbers and "
                                 "IBANs are never accepted",
        "withheld": "(a value that looks like bank details)",
        # IN-2, IN-5, IN-6: installment plans (codes for services/installments.py)
        "plan_other_currency": "order {order} is in {currency}, not {given}",
        "amount_below_minimum": "new amount {amount} is below the minimum {minimum}",
        "amount_unchanged": "new amount {amount} is the current amount",
        "plan_cannot_change": "order {order} is {status}; its plan cannot change",
        "no_installment_left": "order {order} has no installment left to change",
        "plan_change_not_pending": "this plan change is {status}",
        "plan_change_expired": "this plan change expired on {deadline}",
        "order_in_collection": "order {order} was handed to collection",
        "final_attempt_sepa": "order {order} is paid by SEPA debit; failed debits go to "
                              "collection",
        "automatic_attempt_pending": "installment {installment} of {order} still has an "
                                     "automatic attempt on {on}",
        "final_attempt_used": "the final attempt of {order} was already used",
        "no_exhausted_installment": "order {order} has no installment whose automatic attempts "
                                    "are exhausted",
        "already_in_collection": "order {order} was already handed to collection",
        "nothing_to_collect": "order {order} has no installment in the Collections list",
        # PM-2 to PM-5 (codes for services/payment_methods.py and exchange/importer.py)
        "method_field_sensitive": "payment method {field} looks like {kind}; only the "
                                  "processor's token and last 4 digits are kept",
        "processor_refused_new_method": "the processor refused the new method: {reason}",
        "replace_only": "payment method {method} can be replaced by a new one, not just removed "
                        "(payment_method_removal = replace_only)",
        "last_valid_method": "payment method {method} is {customer}'s last valid method and "
                             "something auto-renews or an installment order is active",
        "method_removed": "payment method {method} was removed",
        "document_sensitive": "{path} looks like {kind}; card numbers and IBANs are never "
                              "stored: use the processor's token and the last 4 digits",
        "order_fixed_terms": "{path}: the count, interval, first due date and currency of "
                             "order {order} never change",
        "order_method_invalid": "{path}.payment_method: {method} is not valid",
        "order_amount_by_plan_update": "{path}.installment_amount: change the amount of order "
                                       "{order} with a plan update",
        # Plain bad input
        "unknown": "unknown {what} {ref!r}",
        "edit_conflict": "{subject} was changed since you opened it; nothing was saved: look "
                         "at it again, then make your change",
        "edit_conflict_by": "{subject} was changed by {who} at {at} UTC ({action}) since you "
                            "opened it; nothing was saved: look at it again, then make your "
                            "change",
    },
    "fr": {
        "auto_renew_needs_method": "le client {customer} n'a aucun moyen de paiement valide ; "
                                   "le renouvellement automatique ne peut pas être activé",
        "services_cannot_change": "{count} service(s) ne peuvent pas changer : {service} : "
                                  "{reason}",
        "warnings_need_confirmation": "{count} avertissement(s) à confirmer (--yes) : "
                                      "{warnings}",
        "renewal_not_scheduled": "le renouvellement {renewal} n'est pas programmé (statut : "
                                 "{status})",
        "renewal_due": "le renouvellement {renewal} est à prélever depuis le {charge_on} ; il "
                       "ne peut plus être annulé",
        "service_billed_on_usage": "le service {service} est facturé à l'usage ; réglez ses "
                                   "factures",
        "service_not_renewable": "le service {service} ne peut pas être renouvelé (statut : "
                                 "{status})",
        "service_in_renewal": "le service {service} est déjà dans le renouvellement {renewal}",
        "profile_incomplete": "il manque au client {customer} : {missing}, avant qu'un moyen "
                              "de paiement puisse être ajouté",
        "no_valid_method": "le client {customer} n'a aucun moyen de paiement valide",
        "not_known_to_processor": "le client {customer} n'est pas encore connu du prestataire "
                                  "de paiement : liez-le ou enregistrez un premier moyen",
        "already_linked": "le client {customer} est déjà lié à {processor_customer}",
        "method_unknown_to_processor": "le prestataire de paiement ne connaît pas ce moyen de "
                                       "paiement",
        "processor_refused_method": "le prestataire de paiement a refusé ce moyen : {reason}",
        "sensitive_argument": "l'argument {argument} ressemble à {kind} ; les numéros de carte "
                              "et les IBAN ne sont jamais acceptés",
        "sensitive_argument_at": "l'argument {position} ressemble à {kind} ; les numéros de "
                                 "carte et les IBAN ne sont jamais acceptés",
        "withheld": "(une valeur qui ressemble à des coordonnées bancaires)",
        "plan_other_currency": "la commande {order} est en {currency}, pas en {given}",
        "amount_below_minimum": "le nouveau montant {amount} est inférieur au minimum "
                                "{minimum}",
        "amount_unchanged": "le nouveau montant {amount} est le montant actuel",
        "plan_cannot_change": "l'échéancier de la commande {order} ne peut pas changer "
                              "(statut : {status})",
        "no_installment_left": "la commande {order} n'a plus d'échéance à modifier",
        "plan_change_not_pending": "ce changement d'échéancier n'est plus en attente (statut : "
                                   "{status})",
        "plan_change_expired": "ce changement d'échéancier a expiré le {deadline}",
        "order_in_collection": "la commande {order} a été confiée au recouvrement",
        "final_attempt_sepa": "la commande {order} est payée par prélèvement SEPA ; les "
                              "prélèvements échoués vont au recouvrement",
        "automatic_attempt_pending": "l'échéance {installment} de {order} a encore une "
                                     "tentative automatique le {on}",
        "final_attempt_used": "la dernière tentative de {order} a déjà été utilisée",
        "no_exhausted_installment": "la commande {order} n'a aucune échéance dont les "
                                    "tentatives automatiques sont épuisées",
        "already_in_collection": "la commande {order} a déjà été confiée au recouvrement",
        "nothing_to_collect": "la commande {order} n'a aucune échéance dans la liste "
                              "Recouvrement",
        "method_field_sensitive": "le champ {field} du moyen de paiement ressemble à {kind} ; "
                                  "seuls le jeton du prestataire et les 4 derniers chiffres "
                                  "sont conservés",
        "processor_refused_new_method": "le prestataire de paiement a refusé le nouveau moyen : "
                                        "{reason}",
        "replace_only": "le moyen de paiement {method} peut être remplacé par un nouveau, mais "
                        "pas simplement supprimé (payment_method_removal = replace_only)",
        "last_valid_method": "le moyen de paiement {method} est le dernier moyen valide de "
                             "{customer}, et un service se renouvelle automatiquement ou une "
                             "commande à échéances est active",
        "method_removed": "le moyen de paiement {method} a été supprimé",
        "document_sensitive": "{path} ressemble à {kind} ; les numéros de carte et les IBAN ne "
                              "sont jamais enregistrés : utilisez le jeton du prestataire et "
                              "les 4 derniers chiffres",
        "order_fixed_terms": "{path} : le nombre d'échéances, l'intervalle, la première "
                             "échéance et la devise de la commande {order} ne changent jamais",
        "order_method_invalid": "{path}.payment_method : {method} n'est pas valide",
        "order_amount_by_plan_update": "{path}.installment_amount : changez le montant de la "
                                       "commande {order} par une mise à jour de l'échéancier",
        "unknown": "{what} introuvable : {ref!r}",
        "edit_conflict": "{subject} a été modifié depuis que vous l'avez ouvert ; rien n'a été "
                         "enregistré : regardez-le à nouveau, puis refaites votre modification",
        "edit_conflict_by": "{subject} a été modifié par {who} à {at} UTC ({action}) depuis "
                            "que vous l'avez ouvert ; rien n'a été enregistré : regardez-le à "
                            "nouveau, puis refaites votre modification",
    },
}

# Words from the database or the code that a refusal quotes: statuses, profile fields, the
# kind of bank detail, the kind of thing that is unknown.
TERMS: dict[str, dict[str, str]] = {
    "en": {"card_number": "a card number", "iban": "an IBAN"},
    "fr": {"card_number": "un numéro de carte", "iban": "un IBAN",
           "scheduled": "programmé", "charging": "en cours de prélèvement", "paid": "payé",
           "failed": "en échec", "expired": "expiré", "cancelled": "annulé",
           "active": "actif", "suspended": "suspendu", "overdue": "en retard",
           "transferred": "transféré", "completed": "terminé", "collection": "en recouvrement",
           "confirmed": "confirmé", "replaced": "remplacé", "pending": "en attente",
           "name": "le nom", "address": "l'adresse", "email": "l'e-mail",
           "customer": "client", "service": "service", "order": "commande",
           "renewal": "renouvellement", "payment method": "moyen de paiement",
           "setting": "réglage", "billing contact": "contact de facturation"},
}
# The values that are such words, by name; a list or tuple value is always read as such words.
TERM_VALUES = frozenset({"status", "kind", "what"})


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def _value(name: str, value: object, language: str) -> object:
    terms = TERMS[language]
    if isinstance(value, (list, tuple)):
        return ", ".join(terms.get(str(item), str(item)) for item in value)
    if isinstance(value, date):
        return value.isoformat() if language == "en" else value.strftime("%d/%m/%Y")
    if name in TERM_VALUES and isinstance(value, str):
        return terms.get(value, value)
    return value


def render(code: str, values: Mapping[str, object], language: str) -> str:
    """The words of `code` with its values, in "fr" or "en"; card numbers and IBANs a value
    quotes are replaced by "…" (PM-2), and a text that cannot be cleaned is withheld whole."""
    language = _language(language)
    shown = {name: _value(name, value, language) for name, value in values.items()}
    text = redacted(WORDS[language][code].format(**shown))
    return WORDS[language]["withheld"] if text == WITHHELD else text


def words(error: BaseException, language: str) -> str:
    """What a person reads for an error, in their language: the words of its code for ours,
    the error's own text for any other (a processor that cannot be reached, a run in progress)."""
    speak = getattr(error, "words", None)
    if callable(speak):
        return str(speak(language))
    return str(error)
