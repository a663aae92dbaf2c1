"""The words of the customer pages, in French and English (the customer's language)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your account",
        "invalid_title": "This link is not valid",
        "invalid": "This link is not valid: it may be incomplete or altered. Nothing was changed. "
                   "Copy the whole link from the e-mail, or ask us for a new one.",
        "too_many": "Too many attempts from your connection. Please wait a few minutes and try "
                    "again. Nothing was changed.",
        "expired": "This link expired on {date}. Nothing was changed.",
        "used": "This link was already used on {date}.",
        "csrf": "This form expired or was sent from another page. Nothing was changed: reload "
                "the page and try again.",
        "cancel_title": "Cancel your renewal",
        "cancel_intro": "Your next renewal is scheduled:",
        "services": "Services", "amount": "Amount", "charge_on": "Charged on", "card": "Card",
        "cancel_button": "Cancel this renewal",
        "cancel_note": "Nothing will be charged for this period. Automatic renewal stays on for "
                       "the next periods.",
        "cancel_done": "Your renewal is cancelled. Nothing will be charged for this period.",
        "cancel_already": "This renewal is already cancelled. Nothing will be charged.",
        "cancel_late": "This renewal can no longer be cancelled (it is {status}).",
        "confirm_title": "Confirm your new installment amount",
        "product": "Order", "old_amount": "Current amount", "new_amount": "New amount",
        "applies_from": "From the installment due on", "deadline": "Confirm before",
        "confirm_button": "Confirm the new amount",
        "confirm_done": "Thank you: the new amount applies from your next installment.",
        "confirm_expired": "This change expired on {date} and was not applied. Nothing changed.",
        "confirm_state": "This change is {status}. Nothing changed.",
        "methods_title": "Your payment methods",
        "methods_intro": "The first one is used first. Card numbers are entered only on the "
                         "payment provider's page; we never see them.",
        "expires": "expires", "default": "default",
        "add_button": "Add a card", "replace_button": "Replace", "remove_button": "Remove",
        "no_methods": "You have no saved payment method.",
        "managed_elsewhere": "Your payment methods are managed on this page:",
        "saved": "Your payment method is saved.",
        "removed": "The payment method was removed.",
        "refused": "This was not done: {reason}",
        "remove_refused": "This payment method can be replaced by a new one, but not just "
                          "removed, because your services or installments rely on it.",
        "choose_title": "Choose a test payment method",
        "choose_intro": "Test mode: this page stands in for the payment provider's page. "
                        "Choose one of its test methods.",
        "save_button": "Save this payment method",
        "save_title": "Save your new payment method",
        "close": "You can close this page.",
        "nothing_to_save": "There is nothing to do here. Nothing was changed.",
        "pay_title": "Pay what is due",
        "pay_intro": "This payment did not go through:",
        "pay_for": "For", "pay_state": "State",
        "pay_confirm_title": "Confirm with your bank",
        "pay_confirm_intro": "Your bank asks you to confirm this payment. Nothing more is "
                             "charged: it is the same payment.",
        "pay_confirm_button": "Confirm the payment with my bank",
        "pay_confirm_stand_in": "Test mode: this button stands in for your bank's "
                                "confirmation.",
        "pay_confirm_script": "Your bank's confirmation opens here; if it does not, allow "
                              "this page's scripts, or pay with another card below.",
        "pay_saved_title": "Pay with a saved card",
        "pay_new_title": "Pay with a new card",
        "pay_new_intro": "Test mode: this list stands in for the payment provider's page. The "
                         "card is saved for your next payments.",
        "pay_new_elsewhere": "To pay with a new card, first add it on the page of your "
                             "payment methods, then come back to this link.",
        "pay_button": "Pay {amount} now",
        "pay_done": "Thank you: {amount} is paid with {method}.",
        "pay_declined": "The payment was declined ({method}). Nothing was charged. You can try "
                        "another card.",
        "pay_pending": "Your payment is being processed; you will receive a confirmation.",
        "pay_unknown": "We could not hear back from the payment provider. You will not be "
                       "charged twice: the payment is checked with them before anything else is "
                       "charged, and this page then says what became of it.",
        "pay_paid": "This is already paid. Thank you.",
        "pay_processing": "A payment of this is being processed.",
        "pay_closed": "This can no longer be paid here: please contact us.",
        "invoices_title": "Your invoices",
        "invoices_intro": "Each invoice and credit note downloads as a PDF file to keep.",
        "invoice_number": "Document", "invoice_date": "Date", "invoice_file": "File",
        "kind_invoice": "Invoice", "kind_credit_note": "Credit note",
        "invoice_corrects": "for invoice {number}",
        "invoice_download": "Download",
        "invoice_download_label": "{kind} {number}: download the PDF",
        "no_invoices": "You have no invoice yet.",
        "invoices_valid": "This link works until {date}. After that, ask us for a new one.",
        "invoice_unknown": "This invoice is not one of yours, or does not exist. Nothing was "
                           "changed.",
    },
    "fr": {
        "title": "Votre compte",
        "invalid_title": "Ce lien n'est pas valide",
        "invalid": "Ce lien n'est pas valide : il est peut-être incomplet ou modifié. Rien n'a "
                   "été changé. Copiez le lien entier depuis l'e-mail, ou demandez-nous-en un "
                   "nouveau.",
        "too_many": "Trop de tentatives depuis votre connexion. Patientez quelques minutes puis "
                    "réessayez. Rien n'a été changé.",
        "expired": "Ce lien a expiré le {date}. Rien n'a été changé.",
        "used": "Ce lien a déjà été utilisé le {date}.",
        "csrf": "Ce formulaire a expiré ou vient d'une autre page. Rien n'a été changé : "
                "rechargez la page et réessayez.",
        "cancel_title": "Annuler votre renouvellement",
        "cancel_intro": "Votre prochain renouvellement est programmé :",
        "services": "Services", "amount": "Montant", "charge_on": "Prélevé le", "card": "Carte",
        "cancel_button": "Annuler ce renouvellement",
        "cancel_note": "Rien ne sera prélevé pour cette période. Le renouvellement automatique "
                       "reste actif pour les périodes suivantes.",
        "cancel_done": "Votre renouvellement est annulé. Rien ne sera prélevé pour cette période.",
        "cancel_already": "Ce renouvellement est déjà annulé. Rien ne sera prélevé.",
        "cancel_late": "Ce renouvellement ne peut plus être annulé (il est {status}).",
        "confirm_title": "Confirmer le nouveau montant de vos échéances",
        "product": "Commande", "old_amount": "Montant actuel", "new_amount": "Nouveau montant",
        "applies_from": "À partir de l'échéance du", "deadline": "À confirmer avant le",
        "confirm_button": "Confirmer le nouveau montant",
        "confirm_done": "Merci : le nouveau montant s'applique à partir de votre prochaine "
                        "échéance.",
        "confirm_expired": "Ce changement a expiré le {date} et n'a pas été appliqué. Rien n'a "
                           "changé.",
        "confirm_state": "Ce changement est {status}. Rien n'a changé.",
        "methods_title": "Vos moyens de paiement",
        "methods_intro": "Le premier est utilisé en premier. Les numéros de carte se saisissent "
                         "uniquement sur la page du prestataire de paiement ; nous ne les voyons "
                         "jamais.",
        "expires": "expire", "default": "par défaut",
        "add_button": "Ajouter une carte", "replace_button": "Remplacer",
        "remove_button": "Supprimer",
        "no_methods": "Vous n'avez aucun moyen de paiement enregistré.",
        "managed_elsewhere": "Vos moyens de paiement se gèrent sur cette page :",
        "saved": "Votre moyen de paiement est enregistré.",
        "removed": "Le moyen de paiement a été supprimé.",
        "refused": "Ce n'a pas été fait : {reason}",
        "remove_refused": "Ce moyen de paiement peut être remplacé par un nouveau, mais pas "
                          "simplement supprimé, car vos services ou échéances en dépendent.",
        "choose_title": "Choisissez un moyen de paiement de test",
        "choose_intro": "Mode test : cette page remplace celle du prestataire de paiement. "
                        "Choisissez l'un de ses moyens de test.",
        "save_button": "Enregistrer ce moyen de paiement",
        "save_title": "Enregistrer votre nouveau moyen de paiement",
        "close": "Vous pouvez fermer cette page.",
        "nothing_to_save": "Il n'y a rien à faire ici. Rien n'a été changé.",
        "pay_title": "Régler ce qui est dû",
        "pay_intro": "Ce paiement n'a pas abouti :",
        "pay_for": "Pour", "pay_state": "État",
        "pay_confirm_title": "Confirmer auprès de votre banque",
        "pay_confirm_intro": "Votre banque vous demande de confirmer ce paiement. Rien de plus "
                             "n'est prélevé : c'est le même paiement.",
        "pay_confirm_button": "Confirmer le paiement auprès de ma banque",
        "pay_confirm_stand_in": "Mode test : ce bouton remplace la confirmation de votre "
                                "banque.",
        "pay_confirm_script": "La confirmation de votre banque s'ouvre ici ; sinon, autorisez "
                              "les scripts de cette page, ou payez avec une autre carte "
                              "ci-dessous.",
        "pay_saved_title": "Payer avec une carte enregistrée",
        "pay_new_title": "Payer avec une nouvelle carte",
        "pay_new_intro": "Mode test : cette liste remplace la page du prestataire de paiement. "
                         "La carte est enregistrée pour vos prochains paiements.",
        "pay_new_elsewhere": "Pour payer avec une nouvelle carte, ajoutez-la d'abord sur la page "
                             "de vos moyens de paiement, puis revenez sur ce lien.",
        "pay_button": "Payer {amount} maintenant",
        "pay_done": "Merci : {amount} est payé avec {method}.",
        "pay_declined": "Le paiement a été refusé ({method}). Rien n'a été prélevé. Vous pouvez "
                        "essayer une autre carte.",
        "pay_pending": "Votre paiement est en cours de traitement ; vous recevrez une "
                       "confirmation.",
        "pay_unknown": "Le prestataire de paiement ne nous a pas répondu. Vous ne serez pas "
                       "prélevé deux fois : le paiement est vérifié auprès de lui avant tout autre "
                       "prélèvement, et cette page dira ce qu'il est devenu.",
        "pay_paid": "C'est déjà payé. Merci.",
        "pay_processing": "Un paiement est déjà en cours de traitement.",
        "pay_closed": "Ce n'est plus payable ici : contactez-nous.",
        "invoices_title": "Vos factures",
        "invoices_intro": "Chaque facture et chaque avoir se télécharge en fichier PDF à "
                          "conserver.",
        "invoice_number": "Document", "invoice_date": "Date", "invoice_file": "Fichier",
        "kind_invoice": "Facture", "kind_credit_note": "Avoir",
        "invoice_corrects": "sur la facture {number}",
        "invoice_download": "Télécharger",
        "invoice_download_label": "{kind} {number} : télécharger le PDF",
        "no_invoices": "Vous n'avez pas encore de facture.",
        "invoices_valid": "Ce lien fonctionne jusqu'au {date}. Ensuite, demandez-nous-en un "
                          "nouveau.",
        "invoice_unknown": "Cette facture n'est pas l'une des vôtres, ou n'existe pas. Rien n'a "
                           "été changé.",
    },
}

STATUSES = {
    "en": {"scheduled": "scheduled", "paid": "paid", "failed": "failed", "expired": "expired",
           "cancelled": "cancelled", "confirmed": "confirmed", "replaced": "replaced",
           "pending": "pending"},
    "fr": {"scheduled": "programmé", "paid": "payé", "failed": "en échec", "expired": "expiré",
           "cancelled": "annulé", "confirmed": "confirmé", "replaced": "remplacé",
           "pending": "en attente"},
}


def words(language: str) -> dict[str, str]:
    return TEXTS["fr" if language == "fr" else "en"]


def status(language: str, value: str) -> str:
    return STATUSES["fr" if language == "fr" else "en"].get(value, value)
