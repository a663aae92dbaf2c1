"""What the commands print, in the reader's language (HM-3).

A line is written in English where it is printed, `tr(language, "imported {name}: {counts}",
name=…)`, and found here by that English text for French, as the window's `tr()` and gettext
find theirs: the command reads in one language and the French sits in one table. The values put
in are data and stay as they are (references, amounts as the command prints them, e-mail kinds,
codes). Lines meant for scripts (the export, the outbox's and find-orders' tab-separated rows)
keep their fields.

Why a table in Python rather than gettext catalogues: see `help_words`. A French missing here
reads English; tests/cli/test_cli_french.py finds every `tr()` of the command line and checks
its French is here, with the same placeholders.
"""

from __future__ import annotations


def tr(language: str, text: str, **values: object) -> str:
    """`text`, English with {placeholders}, in `language` ("fr" or anything else: English)."""
    said = FRENCH.get(text, text) if language == "fr" else text
    return said.format(**values) if values else said


def outcome(code: str, language: str) -> str:
    """How a manual attempt ended (`RoundResult.outcome`), in words."""
    return OUTCOMES[code].get(language, OUTCOMES[code]["en"]) if code in OUTCOMES else code


def level(code: str, language: str) -> str:
    """A line of the auto-renew check: ok, warning or error, in words."""
    return LEVELS[code].get(language, code) if code in LEVELS else code


OUTCOMES = {
    "paid": {"en": "paid", "fr": "payé"}, "failed": {"en": "failed", "fr": "échoué"},
    "pending": {"en": "pending", "fr": "en cours"}, "unknown": {"en": "unknown", "fr": "inconnu"},
    "skipped": {"en": "skipped", "fr": "non tenté"},
}
LEVELS = {"ok": {"fr": "ok"}, "warning": {"fr": "attention"}, "error": {"fr": "erreur"}}

FRENCH = {
    # import, import-csv, demo
    "imported {name}: {counts}": "{name} importé : {counts}",
    "{name} would import: {counts}": "{name} importerait : {counts}",
    "{created} created, {updated} updated": "{created} créé(s), {updated} mis à jour",
    "nothing to import": "rien à importer",
    "demo data: {summary}": "données de démonstration : {summary}",
    # bulk-recurrence, plan-update, renew-plan, renew, collection, cancel-renewal
    "auto-renew on for {count} service(s)":
        "renouvellement automatique activé pour {count} service(s)",
    "auto-renew off for {count} service(s)":
        "renouvellement automatique désactivé pour {count} service(s)",
    "plan change of {order} to {amount} is pending until {day}; the customer was asked to "
    "confirm": "changement d'échéancier de {order} à {amount} en attente jusqu'au {day} ; le "
               "client a été invité à le confirmer",
    "final attempt for {ref}: {outcome}": "dernière tentative pour {ref} : {outcome}",
    "manual renewal {ref}: {outcome}": "renouvellement manuel {ref} : {outcome}",
    "order {order} handed to collection; file written to {path}":
        "commande {order} confiée au recouvrement ; fichier écrit dans {path}",
    "renewal {ref} cancelled; nothing will be charged":
        "renouvellement {ref} annulé ; rien ne sera prélevé",
    # link
    "{action} for {customer} (valid until {day}): {description}":
        "{action} pour {customer} (valable jusqu'au {day}) : {description}",
    "nothing was done; add --accept to do it": "rien n'a été fait ; ajoutez --accept pour le faire",
    "done: {done}": "fait : {done}",
    # payment methods, e-mails, processor's cards
    "payment method {ref} removed": "moyen de paiement {ref} retiré",
    "e-mails for {customer}: on": "e-mails de {customer} : activés",
    "e-mails for {customer}: off": "e-mails de {customer} : coupés",
    "{customer}: {added} method(s) imported{added_refs}, {updated} refreshed{updated_refs}":
        "{customer} : {added} moyen(s) importé(s){added_refs}, {updated} mis à "
        "jour{updated_refs}",
    "{count} customer(s) not synced: {which}": "{count} client(s) non synchronisé(s) : {which}",
    "{customer} was sent a link to save a new card":
        "{customer} a reçu un lien pour enregistrer une nouvelle carte",
    # secret
    "secret {name} deleted": "secret {name} supprimé",
    "secret {name} was not set": "secret {name} n'était pas enregistré",
    "secret {name} saved in the system keyring ({keyring})":
        "secret {name} enregistré dans le trousseau du système ({keyring})",
    "secret {name} saved in PLAIN TEXT in {path} (readable by anyone who can read your files)":
        "secret {name} enregistré EN CLAIR dans {path} (lisible par quiconque peut lire vos "
        "fichiers)",
    "environment ({variable})": "environnement ({variable})",
    "system keyring ({keyring})": "trousseau du système ({keyring})",
    "PLAIN TEXT file {path}": "fichier EN CLAIR {path}",
    "not set": "non enregistré",
    # backup, restore, database, migrate-db, serve-links
    "database backed up to {path}": "base de données sauvegardée dans {path}",
    "never": "jamais",
    "{file}: {customers} customer(s), {services} service(s), last run as of {last} (this "
    "database: {current})": "{file} : {customers} client(s), {services} service(s), dernier "
                           "passage au {last} (cette base : {current})",
    "restored {file}; the database as it was is saved in {saved}. Charges the processor made "
    "after that backup are not in it: check before the next run":
        "{file} restaurée ; la base telle qu'elle était est sauvegardée dans {saved}. Les "
        "prélèvements faits par le prestataire après cette sauvegarde n'y sont pas : vérifiez "
        "avant le prochain passage",
    "chosen": "choisie", "the default": "par défaut",
    "database: {url} ({source})": "base de données : {url} ({source})",
    "copied {rows} rows in {tables} tables to {target}; verified: every table's row count and "
    "the totals of its amounts ({columns} columns) are equal on both sides":
        "{rows} lignes de {tables} tables copiées vers {target} ; vérifié : le nombre de "
        "lignes de chaque table et les totaux de ses montants ({columns} colonnes) sont égaux "
        "des deux côtés",
    "this machine now works on it (`renewdesk database` shows the choice)":
        "cette machine travaille désormais dessus (`renewdesk database` montre ce choix)",
    "to work on it: {command}": "pour travailler dessus : {command}",
    "serving customer links on {url} (Ctrl+C stops)":
        "liens clients servis sur {url} (Ctrl+C arrête)",
    # invoices, invoice, accounting
    "invoice": "facture", "credit note": "avoir",
    "corrects {number}": "corrige {number}", "payment {ref}": "paiement {ref}",
    "{count} invoice(s) issued for payments that had none":
        "{count} facture(s) émise(s) pour des paiements qui n'en avaient pas",
    "{first} to {last}": "du {first} au {last}",
    "no invoice or credit note": "aucune facture ni aucun avoir",
    "{kind} {number} written to {path}": "{kind} {number} écrit(e) dans {path}",
    "CSV of {period} ({rows} rows) written to {path}":
        "CSV {period} ({rows} lignes) écrit dans {path}",
    "FEC of {period} ({entries} entries) written to {path}":
        "FEC {period} ({entries} écritures) écrit dans {path}",
    # refund
    "payment {ref} of {name} ({customer}): {description}, {paid} paid on {day} with {method}":
        "paiement {ref} de {name} ({customer}) : {description}, {paid} payé le {day} avec "
        "{method}",
    "already refunded {amount}": "déjà remboursé : {amount}",
    "refund {asked} now; {left} would be left to refund":
        "rembourser {asked} maintenant ; il resterait {left} à rembourser",
    "Refund {amount} to {name}? [y/N] ": "Rembourser {amount} à {name} ? [o/N] ",
    "nothing was refunded": "rien n'a été remboursé",
    "refund {refund} of {amount} is recorded, but the payment provider has not answered: the "
    "next run asks it": "le remboursement {refund} de {amount} est enregistré, mais le "
                        "prestataire de paiement n'a pas répondu : le prochain passage le lui "
                        "demandera",
    "refunded {amount} of payment {payment} to {name} ({customer}) as {refund}":
        "{amount} du paiement {payment} remboursé(s) à {name} ({customer}) : {refund}",
    "refund under way (pending) of {amount} of payment {payment} to {name} ({customer}) as "
    "{refund}": "remboursement en cours de {amount} du paiement {payment} à {name} "
                "({customer}) : {refund}",
    # settings, status
    "{count} setting(s) saved": "{count} réglage(s) enregistré(s)",
    "({kind}, {size} KB)": "({kind}, {size} Ko)",
    "processor: {mode} ({source})": "prestataire : {mode} ({source})",
    "Sandbox: no real money": "Bac à sable : pas d'argent réel",
    "Stripe test mode": "Stripe en mode test",
    "Stripe LIVE": "Stripe RÉEL",
    "Stripe: key missing, nothing is charged": "Stripe : clé absente, rien n'est prélevé",
    "from RENEWDESK_GATEWAY": "par RENEWDESK_GATEWAY",
    "chosen in Settings": "choisi dans les Paramètres",
    "runs are refused: {why}": "les passages sont refusés : {why}",
    "database: {url}": "base de données : {url}",
    "last run: {day}": "dernier passage : {day}",
    # team (issue 23)
    "user {name} added: {role}": "utilisateur {name} ajouté : {role}",
    "user {name} is now {role}": "l'utilisateur {name} est désormais {role}",
    "password for {name}: ": "mot de passe de {name} : ",
    "the same password again: ": "le même mot de passe à nouveau : ",
    # any command
    "{command} failed: {error}": "{command} a échoué : {error}",
}
