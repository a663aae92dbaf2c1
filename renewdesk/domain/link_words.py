"""What a customer link does, and what acting on it did, as a code and its values (HM-3).

`LinkSaid` is the English sentence itself (a `str`), as the audit log keeps it and a log line
reads it; `words(language)` says it in French or English for the command line. Values are
shown as refusals show theirs (`refusal_words`): a date ISO in English and day/month/year in
French, an amount "12.00 EUR" in English and "12,00 €" in French, a status in words. The
customer pages word links their own way (web/texts.py).
"""

from __future__ import annotations

from renewdesk.domain.refusal_words import shown_value

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # What a link does (`links.show`)
        "refuse_periods": "cancel the renewal of {services} for the current period ({subject})",
        "cancel_renewal_gone": "cancel renewal {renewal}",
        "cancel_renewal": "cancel renewal {renewal}: {services}; {amount} on {charge_on} to "
                          "{method} ({status})",
        "confirm_plan_change_gone": "confirm plan change {change}",
        "confirm_plan_change": "confirm the new installment amount of order {order}: {old} -> "
                               "{new} for the installments due after confirmation ({status}, "
                               "deadline {deadline})",
        "pay_now": "pay {subject} now, on the link's page",
        "update_payment_method": "update the payment method of customer {customer}",
        # What acting on it did (`links.accept`, the pages' use cases)
        "periods_refused": "renewal of {services} cancelled for the current period",
        "renewal_cancelled": "renewal {renewal} cancelled",
        "plan_change_confirmed": "plan change of {order} confirmed for installments {numbers}",
        "plan_change_confirmed_none": "plan change of {order} confirmed; no installment was "
                                      "left to change",
        "method_saved_for": "payment method {method} saved for {customer}",
        "method_saved": "payment method {method} saved",
        "method_removed": "payment method {method} removed",
    },
    "fr": {
        "refuse_periods": "annuler le renouvellement de {services} pour la période en cours "
                          "({subject})",
        "cancel_renewal_gone": "annuler le renouvellement {renewal}",
        "cancel_renewal": "annuler le renouvellement {renewal} : {services} ; {amount} le "
                          "{charge_on} sur {method} ({status})",
        "confirm_plan_change_gone": "confirmer le changement d'échéancier {change}",
        "confirm_plan_change": "confirmer le nouveau montant d'échéance de la commande {order} : "
                               "{old} -> {new} pour les échéances dues après confirmation "
                               "({status}, date limite {deadline})",
        "pay_now": "payer {subject} maintenant, sur la page du lien",
        "update_payment_method": "mettre à jour le moyen de paiement du client {customer}",
        "periods_refused": "renouvellement de {services} annulé pour la période en cours",
        "renewal_cancelled": "renouvellement {renewal} annulé",
        "plan_change_confirmed": "changement d'échéancier de {order} confirmé pour les "
                                 "échéances {numbers}",
        "plan_change_confirmed_none": "changement d'échéancier de {order} confirmé ; il ne "
                                      "restait aucune échéance à changer",
        "method_saved_for": "moyen de paiement {method} enregistré pour {customer}",
        "method_saved": "moyen de paiement {method} enregistré",
        "method_removed": "moyen de paiement {method} retiré",
    },
}


class LinkSaid(str):
    """A code and its values; the English sentence as a `str`, any language by `words`."""

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, **values: object) -> LinkSaid:
        made = super().__new__(cls, render(code, values, "en"))
        made.code, made.values = code, values
        return made

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        return (self.code,), self.values

    def words(self, language: str) -> str:
        return render(self.code, self.values, language)


def render(code: str, values: dict[str, object], language: str) -> str:
    language = language if language in WORDS else "en"
    return WORDS[language][code].format(
        **{name: shown_value(name, value, language) for name, value in values.items()})
