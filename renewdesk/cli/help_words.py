"""The command line's `--help` and usage errors in the reader's language (HM-3).

The parser is written once, in English (`entry._parser`); `speak(parser, language)` then puts
the French of each description, help and placeholder on it, found by its English text as gettext
finds a message by its msgid. argparse's own words (the "usage:" prefix, the "positional
arguments" and "options" headings, `-h`'s help, its usage errors) come from argparse's
`gettext` call `_()`, which `argparse_in(language)` answers from `ARGPARSE_FR` while the parser
is made and used. Command names, option names and the codes typed after them stay as they are.

Why tables in Python rather than gettext catalogues (babel's .po compiled to .mo): nothing to
compile, nothing more to ship in the bundle, and the command line's other words (refusals,
settings, the run's summary) are tables already. A French missing here reads English, never
fails; tests/cli/test_cli_french.py walks the English parser and finds any missing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def argparse_in(language: str) -> Iterator[None]:
    """argparse's own words in `language` for the time the parser is made and used. The
    command line parses once, on one thread; argparse's gettext is given back afterwards."""
    if language != "fr":
        yield
        return
    module = vars(argparse)  # argparse calls its module's `_` and `ngettext` by name
    saved = {name: module[name] for name in ("_", "ngettext")}
    module.update({"_": _french, "ngettext": _french_plural})
    try:
        yield
    finally:
        module.update(saved)


def _french(message: str) -> str:
    return ARGPARSE_FR.get(message, message)


def _french_plural(singular: str, plural: str, count: int) -> str:
    return _french(singular if count == 1 else plural)


def speak(parser: argparse.ArgumentParser, language: str) -> None:
    """The parser's descriptions, helps and placeholders in `language`, its commands' too."""
    if language != "fr":
        return
    _walk(parser, lambda text: HELP_FR.get(text, text), lambda name: METAVARS_FR.get(name, name))


def shown_texts(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """Every help text and every placeholder the parser shows (what `HELP_FR` and
    `METAVARS_FR` must answer), read by walking it as `speak` does."""
    helps: set[str] = set()
    names: set[str] = set()

    def seen(into: set[str]) -> Callable[[str], str]:
        def note(text: str) -> str:
            into.add(text)
            return text
        return note

    _walk(parser, seen(helps), seen(names))
    return helps, names


def _walk(parser: argparse.ArgumentParser, help_of: Callable[[str], str],
          name_of: Callable[[str], str]) -> None:
    if parser.description:
        parser.description = help_of(parser.description)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = help_of(action.help)
        if isinstance(action, argparse._SubParsersAction):
            # Its error names it ("argument command: invalid choice"): in French, "commande".
            action.metavar = name_of(action.dest)
            for listed in action._choices_actions:
                if listed.help:
                    listed.help = help_of(listed.help)
            for command in dict.fromkeys(action.choices.values()):
                _walk(command, help_of, name_of)
        elif action.choices is not None and action.metavar is None:
            # Shown as its choices, named by them in an error rather than by its English dest.
            action.metavar = "{" + ",".join(map(str, action.choices)) + "}"
        elif action.nargs != 0:
            _placeholder(action, name_of)


def _placeholder(action: argparse.Action, name_of: Callable[[str], str]) -> None:
    """What stands for the value in the usage line: its metavar, else what argparse makes of
    its dest (the dest itself for a positional, upper case for an option)."""
    if isinstance(action.metavar, str):
        action.metavar = name_of(action.metavar)
    elif action.metavar is None and action.dest is not argparse.SUPPRESS:
        action.metavar = name_of(action.dest if not action.option_strings
                                 else action.dest.upper())


# argparse's own messages (Python's argparse.py, its `_()` and `ngettext()` calls a reader can
# meet; those only a programmer meets are left out).
ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    # argparse puts the colon after a heading; French puts a space before it.
    "positional arguments": "arguments positionnels ",
    "options": "options ",
    "show this help message and exit": "afficher cette aide et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "the following arguments are required: %s": "les arguments suivants sont requis : %s",
    "one of the arguments %s is required": "l'un des arguments %s est requis",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë : %(option)s peut désigner %(matches)s",
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r (un nombre est attendu)",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : %(value)r (au choix : %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "commande inconnue : %(parser_name)r (au choix : %(choices)s)",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir '%(filename)s' : %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}

# Placeholders: what stands for a value in the usage line (never typed: the option is).
METAVARS_FR = {
    "command": "commande", "DB": "BASE", "TODAY": "DATE", "SECONDS": "SECONDES",
    "file": "fichier", "MAPPING.json": "CORRESPONDANCE.json", "PAYMENT_REF": "REF_PAIEMENT",
    "AMOUNT": "MONTANT", "REASON": "MOTIF", "YYYY-MM-DD": "AAAA-MM-JJ", "NUMBER": "NUMERO",
    "FILE": "FICHIER", "FILE_OR_FOLDER": "FICHIER_OU_DOSSIER", "customer": "client",
    "REF,REF": "REF,REF", "REF": "REF", "order": "commande", "token": "jeton",
    "NEW_TOKEN": "NOUVEAU_JETON", "NEW_REF": "NOUVELLE_REF", "BRAND": "MARQUE",
    "LAST4": "4_DERNIERS", "MM/YYYY": "MM/AAAA", "HOLDER": "TITULAIRE",
    "CUSTOMERS": "CLIENTS", "renewal": "renouvellement", "service": "service",
    "text": "texte", "payment_method": "moyen_de_paiement", "NAME=VALUE": "NOM=VALEUR",
    "PROCESSOR_ID": "ID_PRESTATAIRE", "HOST": "HOTE", "PORT": "PORT", "URL": "URL",
    "URL_OR_FILE": "URL_OU_FICHIER", "team_action": "action", "name": "nom",
}

# The parser's descriptions and helps, by their English text.
HELP_FR = {
    "Renewals, installment plans and saved cards for account managers.":
        "Renouvellements, paiements échelonnés et cartes enregistrées, pour les chargés de "
        "clientèle.",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "SQLite file or SQLAlchemy URL (default: user data folder; RENEWDESK_DB)":
        "fichier SQLite ou URL SQLAlchemy (par défaut : le dossier de données de "
        "l'utilisateur ; RENEWDESK_DB)",
    "business date YYYY-MM-DD (RENEWDESK_TODAY)": "date du jour AAAA-MM-JJ (RENEWDESK_TODAY)",
    "with no command: close the window on its own after this long":
        "sans commande : fermer la fenêtre d'elle-même après ce délai",
    "create or update everything in an exchange file":
        "créer ou mettre à jour tout ce que contient un fichier d'échange",
    "print the whole state as an exchange file (JSON)":
        "afficher tout l'état comme un fichier d'échange (JSON)",
    "import a CSV file of customers or services, its columns mapped to fields":
        "importer un fichier CSV de clients ou de services, ses colonnes associées aux champs",
    "do everything due up to --today": "faire tout ce qui est dû jusqu'à --today",
    "read now what happened at the payment provider (payments settled, refunds and disputes "
    "made there, cards renewed) and conclude what it answered; charges nothing new":
        "lire maintenant ce qui s'est passé chez le prestataire de paiement (paiements "
        "réglés, remboursements et litiges faits chez lui, cartes renouvelées) et conclure "
        "ce qu'il a répondu ; ne prélève rien de nouveau",
    "give back all or part of a successful payment":
        "rendre tout ou partie d'un paiement réussi",
    "list the invoices and credit notes issued": "lister les factures et avoirs émis",
    "write an invoice or a credit note as its PDF (Factur-X)":
        "écrire une facture ou un avoir en PDF (Factur-X)",
    "the accountant's files for a date range: the CSV of invoices, credit notes, payments and "
    "refunds, or the FEC (fichier des écritures comptables)":
        "les fichiers du comptable pour une période : le CSV des factures, avoirs, paiements "
        "et remboursements, ou le FEC (fichier des écritures comptables)",
    "switch auto-renew on or off": "activer ou désactiver le renouvellement automatique",
    "request a new installment amount": "demander un nouveau montant d'échéance",
    "the manual fourth and final attempt": "la quatrième et dernière tentative, manuelle",
    "hand an order to the collection partner": "confier une commande au partenaire de "
                                               "recouvrement",
    "show what a customer link does; --accept acts on it":
        "montrer ce que fait un lien client ; --accept l'exécute",
    "fill the database with realistic demo data":
        "remplir la base de données avec des données de démonstration réalistes",
    "cancel a scheduled renewal": "annuler un renouvellement prévu",
    "manual renewal of a service, charged now":
        "renouvellement manuel d'un service, prélevé maintenant",
    "find orders by reference, customer or invoice":
        "trouver des commandes par référence, client ou facture",
    "remove a saved method": "retirer un moyen de paiement enregistré",
    "turn a customer's e-mails on or off": "activer ou couper les e-mails d'un client",
    "show settings, or set NAME=VALUE pairs":
        "afficher les réglages, ou les modifier par paires NOM=VALEUR",
    "link to an existing customer at the processor and import the cards saved there":
        "lier à un client existant chez le prestataire et importer les cartes qui y sont "
        "enregistrées",
    "import saved cards and refresh their details from the processor (all linked customers)":
        "importer les cartes enregistrées et mettre à jour leurs détails depuis le "
        "prestataire (tous les clients liés)",
    "e-mail a customer the processor's page to save a card":
        "envoyer à un client la page du prestataire pour enregistrer une carte",
    "webhook secret, SMTP password: into the keyring (the value is read from standard input)":
        "secret du webhook, mot de passe SMTP : dans le trousseau (la valeur est lue sur "
        "l'entrée standard)",
    "copy the database (SQLite's online backup)":
        "copier la base de données (sauvegarde à chaud de SQLite)",
    "replace the database with a backup (checked first)":
        "remplacer la base de données par une sauvegarde (vérifiée d'abord)",
    "serve the pages behind the links in customer e-mails (put it behind your website)":
        "servir les pages des liens des e-mails aux clients (à placer derrière votre site)",
    "copy the whole portfolio into an empty database (team mode: PostgreSQL), verified":
        "copier tout le portefeuille dans une base vide (mode équipe : PostgreSQL), vérifié",
    "show or choose this machine's database":
        "afficher ou choisir la base de données de cette machine",
    "the payment processor and its mode (real money or not), the database, the last run":
        "le prestataire de paiement et son mode (argent réel ou non), la base de données, le "
        "dernier passage",
    "list the outbox": "lister la boîte d'envoi",
    "say what would be imported; change nothing":
        "dire ce qui serait importé ; ne rien changer",
    "report what a run would do; change nothing":
        "dire ce que ferait un passage ; ne rien changer",
    "confirm the first run with a live Stripe key (it takes real money)":
        "confirmer le premier passage avec une clé Stripe réelle (il prélève de l'argent réel)",
    "wait this long for a run in progress to finish (default: do not wait)":
        "attendre ce délai qu'un passage en cours se termine (par défaut : ne pas attendre)",
    "the payment as its history and the export show it, e.g. REN-0000012/1":
        "le paiement tel que son historique et l'export le montrent, par ex. REN-0000012/1",
    "how much, in the payment's currency, e.g. 10.00 (default: all that is left to refund)":
        "combien, dans la devise du paiement, par ex. 10.00 (par défaut : tout ce qui reste à "
        "rembourser)",
    "why (kept with the refund; required)": "pourquoi (gardé avec le remboursement ; requis)",
    "refund without asking (needed when not run from a terminal)":
        "rembourser sans demander (nécessaire hors d'un terminal)",
    "issued on or after": "émis ce jour-là ou après",
    "issued on or before": "émis ce jour-là ou avant",
    "first issue the invoices of paid payments that have none (made before invoices existed, "
    "or imported paid), dated today":
        "émettre d'abord les factures des paiements réglés qui n'en ont pas (faits avant les "
        "factures, ou importés payés), datées d'aujourd'hui",
    "e.g. F2027-000123 or A2027-000007": "par ex. F2027-000123 ou A2027-000007",
    "the last day, the FEC's closing date": "le dernier jour, date de clôture du FEC",
    "the CSV to write (UTF-8, ';')": "le CSV à écrire (UTF-8, ';')",
    "a folder: the file takes its legal name, SIRENFECYYYYMMDD.txt":
        "un dossier : le fichier y prend son nom légal, SIRENFECAAAAMMJJ.txt",
    "confirm the warnings of the check": "confirmer les avertissements de la vérification",
    "write the hand-off file there (default: stdout)":
        "écrire là le fichier de transmission (par défaut : la sortie standard)",
    "update_payment_method: the new method's processor token":
        "update_payment_method : le jeton du nouveau moyen chez le prestataire",
    "update_payment_method: a reference for the new method":
        "update_payment_method : une référence pour le nouveau moyen",
    "e.g. cus_… at Stripe": "par ex. cus_… chez Stripe",
    "with no secure keyring, accept saving it in a plain-text file":
        "sans trousseau sécurisé, accepter de l'enregistrer dans un fichier en clair",
    "default: a dated file in the backups folder":
        "par défaut : un fichier daté dans le dossier des sauvegardes",
    "confirm: the whole content is replaced": "confirmer : tout le contenu est remplacé",
    "e.g. postgresql+psycopg://user@host:5432/renewdesk":
        "par ex. postgresql+psycopg://utilisateur@hote:5432/renewdesk",
    "then work on it on this machine": "puis travailler dessus sur cette machine",
    "back to the SQLite file in the user's data folder":
        "revenir au fichier SQLite du dossier de données de l'utilisateur",
    "the exchange file (JSON)": "le fichier d'échange (JSON)",
    "the CSV file": "le fichier CSV",
    "what each row is": "ce qu'est chaque ligne",
    "which column goes to which field": "quelle colonne va dans quel champ",
    "the customer's reference": "la référence du client",
    "all the customer's services": "tous les services du client",
    "these services only": "ces services seulement",
    "renew automatically": "renouveler automatiquement",
    "stop renewing automatically": "ne plus renouveler automatiquement",
    "the payment method their renewals are charged to":
        "le moyen de paiement de leurs renouvellements",
    "the contact their billing goes to": "le contact de leur facturation",
    "the order's reference": "la référence de la commande",
    "the new amount, e.g. 45.00": "le nouveau montant, par ex. 45.00",
    "the link's token: what follows /l/ in its address":
        "le jeton du lien : ce qui suit /l/ dans son adresse",
    "do what the link does": "faire ce que fait le lien",
    "update_payment_method: the card's brand": "update_payment_method : la marque de la carte",
    "update_payment_method: its last four digits":
        "update_payment_method : ses quatre derniers chiffres",
    "update_payment_method: when it expires": "update_payment_method : sa date d'expiration",
    "update_payment_method: the holder's name": "update_payment_method : le nom du titulaire",
    "how many (default: 50)": "combien (par défaut : 50)",
    "the renewal's reference": "la référence du renouvellement",
    "the service's reference": "la référence du service",
    "part of a reference, a customer's name or an invoice number":
        "une partie d'une référence, d'un nom de client ou d'un numéro de facture",
    "the payment method's reference": "la référence du moyen de paiement",
    "on: send them; off: send none": "on : les envoyer ; off : n'en envoyer aucun",
    "this customer only": "ce client seulement",
    "save it, delete it, or say where each is kept":
        "l'enregistrer, le supprimer, ou dire où chacun est gardé",
    "which secret": "quel secret",
    "the backup": "la sauvegarde",
    "the address to listen on (default: 127.0.0.1)":
        "l'adresse d'écoute (par défaut : 127.0.0.1)",
    "the port (default: 8765)": "le port (par défaut : 8765)",
    "work on this database from now on": "travailler désormais sur cette base de données",
    "only the e-mails in this state": "seulement les e-mails dans cet état",
    "the first day": "le premier jour",
    "the PDF to write": "le PDF à écrire",
    "the settings to change, all saved together or none":
        "les réglages à changer, tous enregistrés ensemble ou aucun",
    # team (issue 23)
    "a team's users and their roles on its PostgreSQL database (an admin's)":
        "les utilisateurs d'une équipe et leurs rôles sur sa base PostgreSQL (pour un "
        "administrateur)",
    "add a user who logs in to the database":
        "ajouter un utilisateur qui se connecte à la base",
    "the user's name: lower-case letters, digits and _":
        "le nom de l'utilisateur : lettres minuscules, chiffres et _",
    "admin: everything; manager: every workflow, no settings or refunds; viewer: reads and "
    "exports": "admin : tout ; manager (gestionnaire de comptes) : tout le travail courant, "
               "sans les réglages ni les remboursements ; viewer (lecteur) : lecture et exports",
    "read the password from standard input (default: ask for it)":
        "lire le mot de passe sur l'entrée standard (par défaut : le demander)",
    "no password: the server checks users another way":
        "sans mot de passe : le serveur vérifie les utilisateurs autrement",
    "list the users and their roles": "lister les utilisateurs et leurs rôles",
    "change a user's role": "changer le rôle d'un utilisateur",
    "the user's name": "le nom de l'utilisateur",
    "the new role": "le nouveau rôle",
}
