"""The words of each refusal code, in French and English: what the window, the customer pages
and the command line show for an error (`words(error, language)`).

An error carries a code and its values; the sentence is chosen where it is read, in the
reader's language, so the same refusal reads French in the French window and English in a log.
No text here names a rule's id: that stays on the error (`error.rule`), for logs and tests.
Values that are words from the database (a status, a missing field, the kind of bank detail)
are translated through `TERMS`; a date reads ISO in English and day/month/year in French, an
amount "2.00 EUR" in English and "2,00 €" in French.
Imports nothing above the domain, so the window, the pages and the command line can all use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from renewdesk.domain.exchange_words import EXCHANGE_WORDS
from renewdesk.domain.sensitive import WITHHELD, redacted

LANGUAGES = ("fr", "en")

GENERAL_WORDS: dict[str, dict[str, str]] = {
    "en": {
        # AR-1, AR-2: auto-renew
        "auto_renew_needs_method": "customer {customer} has no valid payment method; "
                                   "auto-renew cannot be switched on",
        "services_cannot_change": "{count} service(s) cannot change: {line}",
        "warnings_need_confirmation": "{count} warning(s) need confirmation (--yes): "
                                      "{warnings}",
        # AR-2's check, a line per service
        "check_auto_renew_off": "auto-renew off",
        "check_auto_renew_on": "auto-renew on with {method}",
        "check_billed_on_usage": "billed on usage: it does not renew",
        "check_service_status": "service is {status}",
        "check_no_valid_method": "no valid payment method",
        "check_expires_first": "{method} expires before the charge date {charge_on}",
        "check_holder_mismatch": "card holder {holder!r} does not match billing contact "
                                 "{contact!r}",
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
        # Values: amounts, dates, text
        "unknown_currency": "unknown currency {currency!r} (expected an ISO 4217 code such as "
                            "EUR)",
        "unknown_country": "{field}: {given!r} is not a country code (ISO 3166, two capital "
                           "letters such as FR)",
        "amount_not_text": "{field}: amounts are decimal strings such as \"12.00\", got "
                           "{given!r}",
        "amount_not_decimal": "{field}: {given!r} is not a decimal amount such as \"12.00\"",
        "amount_too_precise": "{field}: {given!r} has more than {places} decimal places for "
                              "{currency}",
        "amount_too_large": "{field}: {given!r} is too large (at most {largest})",
        "date_not_text": "{field}: expected a date as YYYY-MM-DD, got {given!r}",
        "not_a_date": "{field}: {given!r} is not a date in the form YYYY-MM-DD",
        "text_too_long": "{field}: {length:,} characters, at most {limit:,}",
        "control_character": "{field}: character {character} at position {position} is not "
                             "allowed (a control character)",
        # Payment methods as given (PM-2, PM-3)
        "method_type": "payment method {method}: type must be card or sepa_debit, not {type!r}",
        "method_token": "payment method {method}: token {token!r} is not a processor token "
                        "(such as pm_card_visa)",
        "method_last4": "payment method {method}: last4 must be 4 digits",
        "card_needs_expiry": "payment method {method}: a card needs exp_month and exp_year",
        "method_exp_month": "payment method {method}: exp_month must be 1 to 12",
        "method_exp_year": "payment method {method}: exp_year must be a 4-digit year",
        "method_exists": "payment method {method} already exists",
        # Customer links (NT-3)
        "link_takes_no_method": "this link does not do that: it {does} {subject}; only a link "
                                "that updates a payment method takes a new one",
        "link_needs_token": "this link updates a payment method: give the new method's "
                            "processor token",
        # What a request names (AR-2, AR-7)
        "no_service_selected": "no service selected",
        "services_of_several_customers": "the selected services belong to {count} customers; "
                                         "bulk recurrence changes one customer's services at a "
                                         "time",
        "customer_has_no_service": "customer {customer} has no service {services}",
        "no_service_to_change": "customer {customer} has no service to change",
        "customer_has_no_method": "customer {customer} has no payment method {method!r}",
        "customer_has_no_contact": "customer {customer} has no billing contact {contact!r}",
        "unknown_services": "unknown service {services}",
        "no_proforma": "none of these services renews by period (usage-billed, cancelled or "
                       "transferred services have no pro-forma)",
        "run_before_last": "the last run was as of {last}; a run as of the earlier date {today} "
                           "is refused",
        "cannot_write": "{path}: {reason}",
        # Settings
        "unknown_setting": "unknown setting {name!r}",
        "setting_invalid": "setting {name}: {given!r} is not a valid value",
        "setting_not_time": "setting {name}: {given!r} is not a time like 02:00",
        "setting_not_port": "setting {name}: {given!r} is not a port number",
        "setting_not_backups": "setting {name}: {given!r} is not a number of backups (1 or more)",
        "setting_not_yes_no": "setting {name}: {given!r} is not true or false",
        "secret_in_settings": "{name}: secrets go in the system keyring, not in settings",
        # Secrets and the processor
        "unknown_secret": "unknown secret {name!r} (one of: {names})",
        "secret_one_line": "secret {name}: give one line, without surrounding spaces",
        "no_secure_keyring": "no secure keyring is available on this machine, so secret {name} "
                             "was not saved; --allow-plaintext saves it in PLAIN TEXT in {path}, "
                             "or set {variable} in the environment instead",
        "no_stripe_key": "no Stripe secret key: save it with `renewdesk secret set stripe` or "
                         "set RENEWDESK_STRIPE_SECRET_KEY",
        "stripe_key_shape": "the Stripe secret key should start with sk_test_ or sk_live_",
        "unknown_gateway": "RENEWDESK_GATEWAY={gateway!r}: use sandbox or stripe",
        "live_key_real_date": "a live Stripe key takes real money as of the real date only: "
                              "--today {given} is refused (today is {today})",
        "setting_not_processor": "setting {name}: {given!r} is not a processor (sandbox or "
                                 "stripe)",
        "stripe_key_unreadable": "Stripe is the chosen processor but its secret key cannot be "
                                 "read, so nothing was charged: save the key in Settings > "
                                 "Payments (or `renewdesk secret set stripe`), or choose the "
                                 "sandbox",
        "stripe_key_refused": "Stripe refused this key: it is wrong, expired or revoked; copy "
                              "it again from Stripe's Dashboard (Developers, API keys). Nothing "
                              "was saved",
        "stripe_key_restricted": "this key is restricted and lacks a permission renewdesk "
                                 "needs (to read the balance and the payments, to make "
                                 "payments); give it those or use the secret key. Nothing was "
                                 "saved",
        "stripe_unreachable": "Stripe could not be reached ({reason}); nothing was saved",
        "stripe_check_failed": "Stripe did not accept the check ({reason}); nothing was saved",
        "stripe_key_needed": "type the Stripe secret key first (Stripe's Dashboard, Developers, "
                             "API keys): none is saved on this computer",
        # The database
        "not_database_url": "not a database URL: {url!r} (e.g. "
                            "postgresql+psycopg://user@host:5432/renewdesk)",
        "database_not_supported": "{backend}: renewdesk works on SQLite or PostgreSQL",
        "use_psycopg": "use the psycopg driver: postgresql+psycopg://user@host:5432/name",
        "url_names_no_database": "the URL names no database (…/name at its end)",
        "url_holds_password": "the URL holds a password: it is not saved in plain text; save the "
                              "password with `renewdesk secret set database` and the URL without "
                              "it",
        "database_unavailable": "cannot open the database {url}: {reason}",
        # Issue 23: roles (domain/roles.py) and a schema only an admin can bring up to date
        "role_cannot": "your role ({role}) cannot {power}: ask an admin",
        "database_refused_role": "the database refused this change for your role ({role}): "
                                 "ask an admin",
        "database_refused": "the database refused this change for your database user: ask an "
                            "admin",
        "schema_behind": "the database was made by an older version of renewdesk (schema "
                         "{current}, this version needs {head}); ask an admin to open it once "
                         "to bring it up to date",
        "database_user_without_role": "database user {user} has no renewdesk role (admin, "
                                      "account manager or viewer): ask an admin to give you "
                                      "one (renewdesk team set-role)",
        "team_mode_only": "users and roles are a team's, on a PostgreSQL database; on SQLite "
                          "the one user is admin",
        "user_name_invalid": "{user!r} cannot be a user name: lower-case letters, digits and "
                             "_, starting with a letter, at most 63 characters",
        "user_exists": "user {user} already exists on this database server",
        "user_unknown": "there is no user {user} on this database server",
        "user_superuser": "{user} is a superuser of the database server, always admin; their "
                          "role cannot change here",
        "own_role": "you cannot change your own role: ask another admin",
        "role_not_removed": "{user} is still a member of {groups}: the database server kept "
                            "that membership (granted by another admin); ask a superuser "
                            "of the server to revoke it",
        "password_missing": "no password was given (use --no-password for a server that "
                            "checks users another way)",
        "passwords_differ": "the two passwords typed differ; nothing was changed",
        # SC-5: one run at a time (store/runlock.py)
        "run_in_progress": "another run is in progress (pid {pid} on {host} since {since}); "
                           "it was not started twice",
        "run_in_progress_elsewhere": "another run is in progress (another process); it was not "
                                     "started twice",
        # Customer links (NT-3), as the command line and the pages say them
        "link_invalid": "this link is not valid (unknown or altered token)",
        "link_used": "this link was already used on {on}",
        "link_expired": "this link expired on {on}",
        "link_wrong_action": "this link does not do that",
        "payment_gone": "what this link was for ({subject}) no longer exists",
        "setting_not_publishable_key": "{name} must be a Stripe publishable key (pk_test_… or "
                                       "pk_live_…)",
        "setting_not_pay_pages": "{name} must be ours or processor, not {given!r}",
        "setting_not_web_address": "{name} must be a web address (https://…), not {given!r}",
        # IV-1, IV-3, IV-6: the seller's and the buyers' identity, VAT rates (domain/tax_ids.py)
        "siren_invalid": "{field}: not a SIREN number (9 digits, the last one a check digit)",
        "siret_invalid": "{field}: not a SIRET number (14 digits: the SIREN, then the "
                         "establishment's 5, the last one a check digit)",
        "vat_number_invalid": "{field}: not a valid VAT number (its country's two letters, then "
                              "the number, e.g. FR40303265045)",
        "vat_number_not_siren": "{field}: this French VAT number is not that of SIREN {siren}",
        "country_code_invalid": "{field}: {given!r} is not a country code (two letters, e.g. "
                                "FR, BE, DE)",
        "vat_rate_invalid": "{field}: {given!r} is not a VAT rate (a percentage from 0 to 100 "
                            "with at most two decimals, e.g. 20 or 5.5)",
        "number_prefix_invalid": "{field}: 1 to 6 letters or digits, e.g. F",
        "notice_days_invalid": "{field}: a number of days from {low} to {high}",
        "logo_not_image": "{field}: a logo is a PNG or JPEG image",
        "logo_too_large": "{field}: the image is {size} KB; a logo is at most {limit} KB",
        "setting_sensitive": "{name}: looks like {kind}; card numbers and IBANs are never kept",
        "seller_incomplete": "invoices wait for the seller's {missing} (renewdesk settings "
                             "NAME=VALUE, or Settings > Seller)",
        "link_pays_on_its_page": "this link pays {subject}: the customer pays on its page",
        "payment_already_made": "{subject} is already paid: nothing was charged again",
        "payment_under_way": "a payment of this is under way: look again in a few minutes",
        "payment_closed": "{subject} can no longer be paid here: contact us",
        "payment_nothing_to_complete": "there is no payment waiting for your bank's "
                                       "confirmation",
        "payment_not_completed": "your bank has not confirmed the payment",
        "payment_method_unusable": "this payment method cannot be used",
        "payment_method_refused": "the payment provider refused this method",
        "payment_too_many_tries": "this was tried too many times today: nothing more was "
                                  "charged; try again tomorrow or contact us",
        # IV-5: the accountant's files
        "range_reversed": "the first date ({first}) is after the last ({last})",
        "fec_needs_siren": "the FEC is named by the seller's SIREN, and none is set: set it "
                           "in Settings > Seller (or renewdesk settings seller_siren=…)",
        "fec_not_in_euros": "the FEC is in euros and no exchange rate is known for "
                            "{documents}: choose dates without them (the CSV carries every "
                            "currency)",
        # IV-2: corrections
        "invoice_unknown": "no invoice {number}",
        "correction_reason_missing": "give a reason for the correction",
        "correction_too_large": "{asked} is more than can be credited of invoice {number} "
                                "({left}): no credit note was made",
        # RF-1: refunds
        "payment_unknown": "no payment {payment}: give the reference the payment history "
                           "shows (e.g. R-1/1)",
        "payment_not_refundable": "payment {payment} cannot be refunded: it {why}",
        "refund_reason_missing": "give a reason for the refund",
        "refund_amount_invalid": "the amount to refund must be more than zero",
        "refund_other_currency": "payment {payment} is in {currency}, not {given}",
        "refund_too_large": "{asked} is more than can be refunded of payment {payment} "
                            "({left}): nothing was refunded",
        "refund_refused": "the payment provider refused the refund ({answer}): nothing was "
                          "refunded",
        "renewal_gone": "renewal {renewal} no longer exists",
        "plan_change_gone": "plan change {change} no longer exists",
        "unknown_method": "unknown payment method",
        "no_processor_customer": "no customer {customer} at the processor",
        "no_sandbox_customer": "no customer {customer} at the processor (the sandbox keeps no "
                               "customers)",
        # The command line's own options
        "first_live_run": "this is the first run with a live Stripe key: it takes real money "
                          "from your customers; run it again with --confirm-live to go ahead",
        "exp_not_month_year": "--exp: {given!r} is not MM/YYYY",
        "demo_customers_range": "--customers must be between 1 and 1000000",
        "setting_not_pair": "{given!r}: expected NAME=VALUE",
        "secret_needs_name": "secret {action} needs a name: {names}",
        "port_not_port": "--port {port}: not a port number",
        "target_in_use": "--to names the database already in use",
        "restore_needs_yes": "restore replaces this database's whole content; add --yes to go "
                             "ahead",
        # Backups and copies
        "cannot_read": "{path}: {reason}",
        "backup_needs_sqlite": "backup and restore work on a SQLite database; for PostgreSQL use "
                               "pg_dump and pg_restore",
        "backup_not_sqlite": "{path} is not a SQLite database; nothing was restored",
        "backup_damaged": "{path} is damaged ({check}); nothing was restored",
        "backup_not_ours": "{path} is not a renewdesk database (no {missing} table); nothing was "
                           "restored",
        "backup_unknown_revision": "{path} has schema revision {revision!r}, which this version "
                                   "of renewdesk does not know; nothing was restored",
        "backup_unreadable": "{path} cannot be read as a database ({reason}); nothing was "
                             "restored",
        "source_schema_behind": "the source database is not at this version's schema; open it "
                                "once with this version first",
        "target_holds_data": "the target database already holds data ({tables}); migrate-db "
                             "copies into an empty database only",
        # Plain bad input
        "unknown": "unknown {what} {ref!r}",
        "edit_conflict": "{subject} was changed since you opened it; nothing was saved: look "
                         "at it again, then make your change",
        "edit_conflict_by": "{subject} was changed by {who} at {at} UTC ({action}) since you "
                            "opened it; nothing was saved: look at it again, then make your "
                            "change",
        # The window's forms
        "form_ref_taken": "{ref!r} is already taken: choose another reference, or leave it "
                          "empty for one to be given",
        "form_ref_fixed": "a reference does not change once saved",
        "form_order_terms_charged": "an installment has been charged: the count, the interval "
                                    "and the dates stay; a new amount is a plan update",
        "form_order_terms_fixed": "the terms of a saved order stay; a new amount is a plan "
                                  "update",
        "form_service_billing_fixed": "how a saved service is billed, and in which currency, "
                                      "stays",
        "form_already_cancelled": "service {ref} is already cancelled",
        "form_usage_invoiced": "the usage of {period} is invoiced: it stays as billed",
        "form_has_history": "{what} {ref} has history (charges, carts, e-mails or invoices): "
                            "it is kept",
    },
    "fr": {
        "auto_renew_needs_method": "le client {customer} n'a aucun moyen de paiement valide ; "
                                   "le renouvellement automatique ne peut pas être activé",
        "services_cannot_change": "{count} service(s) ne peuvent pas changer : {line}",
        "warnings_need_confirmation": "{count} avertissement(s) à confirmer (--yes) : "
                                      "{warnings}",
        "check_auto_renew_off": "renouvellement automatique désactivé",
        "check_auto_renew_on": "renouvellement automatique activé avec {method}",
        "check_billed_on_usage": "facturé à l'usage : il ne se renouvelle pas",
        "check_service_status": "le service est {status}",
        "check_no_valid_method": "aucun moyen de paiement valide",
        "check_expires_first": "{method} expire avant la date de prélèvement du {charge_on}",
        "check_holder_mismatch": "le titulaire de la carte {holder!r} ne correspond pas au "
                                 "contact de facturation {contact!r}",
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
        "unknown_currency": "devise inconnue {currency!r} (un code ISO 4217 est attendu, "
                            "comme EUR)",
        "unknown_country": "{field} : {given!r} n'est pas un code de pays (ISO 3166, deux "
                           "lettres majuscules comme FR)",
        "amount_not_text": "{field} : un montant s'écrit en chiffres décimaux entre guillemets, "
                           "comme \"12.00\", et non {given!r}",
        "amount_not_decimal": "{field} : {given!r} n'est pas un montant décimal comme "
                              "\"12.00\"",
        "amount_too_precise": "{field} : {given!r} a plus de {places} décimale(s) pour "
                              "{currency}",
        "amount_too_large": "{field} : {given!r} est trop grand (au plus {largest})",
        "date_not_text": "{field} : une date au format AAAA-MM-JJ est attendue, et non {given!r}",
        "not_a_date": "{field} : {given!r} n'est pas une date au format AAAA-MM-JJ",
        "text_too_long": "{field} : {length} caractères, au plus {limit}",
        "control_character": "{field} : le caractère {character} en position {position} n'est "
                             "pas permis (un caractère de contrôle)",
        "method_type": "moyen de paiement {method} : le type doit être card ou sepa_debit, et "
                       "non {type!r}",
        "method_token": "moyen de paiement {method} : {token!r} n'est pas un jeton du "
                        "prestataire (comme pm_card_visa)",
        "method_last4": "moyen de paiement {method} : last4 doit compter 4 chiffres",
        "card_needs_expiry": "moyen de paiement {method} : une carte a besoin de exp_month et "
                             "exp_year",
        "method_exp_month": "moyen de paiement {method} : exp_month va de 1 à 12",
        "method_exp_year": "moyen de paiement {method} : exp_year est une année à 4 chiffres",
        "method_exists": "le moyen de paiement {method} existe déjà",
        "link_takes_no_method": "ce lien ne fait pas cela : il {does} {subject} ; seul un lien "
                                "de mise à jour du moyen de paiement en accepte un nouveau",
        "link_needs_token": "ce lien met à jour un moyen de paiement : donnez le jeton du "
                            "prestataire pour le nouveau moyen",
        "no_service_selected": "aucun service sélectionné",
        "services_of_several_customers": "les services sélectionnés appartiennent à {count} "
                                         "clients ; le renouvellement en masse change les "
                                         "services d'un seul client à la fois",
        "customer_has_no_service": "le client {customer} n'a pas de service {services}",
        "no_service_to_change": "le client {customer} n'a aucun service à changer",
        "customer_has_no_method": "le client {customer} n'a pas de moyen de paiement {method!r}",
        "customer_has_no_contact": "le client {customer} n'a pas de contact de facturation "
                                   "{contact!r}",
        "unknown_services": "service(s) introuvable(s) : {services}",
        "no_proforma": "aucun de ces services ne se renouvelle par période (les services "
                       "facturés à l'usage, annulés ou transférés n'ont pas de pro-forma)",
        "run_before_last": "le dernier passage date du {last} ; un passage à la date antérieure "
                           "du {today} est refusé",
        "cannot_write": "{path} : {reason}",
        "unknown_setting": "réglage inconnu {name!r}",
        "setting_invalid": "réglage {name} : {given!r} n'est pas une valeur valide",
        "setting_not_time": "réglage {name} : {given!r} n'est pas une heure comme 02:00",
        "setting_not_port": "réglage {name} : {given!r} n'est pas un numéro de port",
        "setting_not_backups": "réglage {name} : {given!r} n'est pas un nombre de sauvegardes "
                               "(1 ou plus)",
        "setting_not_yes_no": "réglage {name} : {given!r} n'est ni true ni false",
        "secret_in_settings": "{name} : les secrets vont dans le trousseau du système, pas dans "
                              "les réglages",
        "unknown_secret": "secret inconnu {name!r} (l'un de : {names})",
        "secret_one_line": "secret {name} : donnez une seule ligne, sans espace autour",
        "no_secure_keyring": "aucun trousseau sûr sur cette machine : le secret {name} n'a pas "
                             "été enregistré ; --allow-plaintext l'enregistre EN CLAIR dans "
                             "{path}, ou bien définissez {variable} dans l'environnement",
        "no_stripe_key": "aucune clé secrète Stripe : enregistrez-la avec `renewdesk secret set "
                         "stripe` ou définissez RENEWDESK_STRIPE_SECRET_KEY",
        "stripe_key_shape": "la clé secrète Stripe doit commencer par sk_test_ ou sk_live_",
        "unknown_gateway": "RENEWDESK_GATEWAY={gateway!r} : choisissez sandbox ou stripe",
        "live_key_real_date": "une clé Stripe réelle (live) ne prélève qu'à la date réelle : "
                              "--today {given} est refusé (nous sommes le {today})",
        "setting_not_processor": "réglage {name} : {given!r} n'est pas un prestataire de "
                                 "paiement (sandbox ou stripe)",
        "stripe_key_unreadable": "Stripe est le prestataire choisi mais sa clé secrète est "
                                 "illisible, donc rien n'a été prélevé : enregistrez la clé dans "
                                 "Paramètres > Paiements (ou `renewdesk secret set stripe`), ou "
                                 "choisissez le bac à sable",
        "stripe_key_refused": "Stripe a refusé cette clé : elle est fausse, expirée ou "
                              "révoquée ; copiez-la à nouveau depuis le tableau de bord Stripe "
                              "(Développeurs, Clés API). Rien n'a été enregistré",
        "stripe_key_restricted": "cette clé est restreinte et n'a pas une autorisation dont "
                                 "renewdesk a besoin (lire le solde et les paiements, faire des "
                                 "paiements) ; donnez-les-lui ou utilisez la clé secrète. Rien "
                                 "n'a été enregistré",
        "stripe_unreachable": "Stripe est injoignable ({reason}) ; rien n'a été enregistré",
        "stripe_check_failed": "Stripe n'a pas accepté la vérification ({reason}) ; rien n'a été "
                               "enregistré",
        "stripe_key_needed": "saisissez d'abord la clé secrète Stripe (tableau de bord Stripe, "
                             "Développeurs, Clés API) : aucune n'est enregistrée sur cet "
                             "ordinateur",
        "not_database_url": "ce n'est pas l'adresse d'une base de données : {url!r} (par "
                            "exemple postgresql+psycopg://user@host:5432/renewdesk)",
        "database_not_supported": "{backend} : renewdesk fonctionne sur SQLite ou PostgreSQL",
        "use_psycopg": "utilisez le pilote psycopg : postgresql+psycopg://user@host:5432/nom",
        "url_names_no_database": "l'adresse ne nomme aucune base (…/nom à la fin)",
        "url_holds_password": "l'adresse contient un mot de passe : il n'est pas enregistré en "
                              "clair ; enregistrez le mot de passe avec `renewdesk secret set "
                              "database` et l'adresse sans lui",
        "database_unavailable": "impossible d'ouvrir la base de données {url} : {reason}",
        "role_cannot": "votre rôle ({role}) ne permet pas de {power} : demandez à un administrateur",
        "database_refused_role": "la base a refusé ce changement pour votre rôle ({role}) : "
                                 "demandez à un administrateur",
        "database_refused": "la base a refusé ce changement pour votre utilisateur de la base : "
                            "demandez à un administrateur",
        "schema_behind": "la base a été faite par une version plus ancienne de renewdesk "
                         "(schéma {current}, cette version demande {head}) ; demandez à un "
                         "administrateur de l'ouvrir une fois pour la mettre à jour",
        "database_user_without_role": "l'utilisateur {user} de la base n'a aucun rôle "
                                      "renewdesk (administrateur, gestionnaire de comptes ou "
                                      "lecteur) : demandez à un administrateur de vous en "
                                      "donner un (renewdesk team set-role)",
        "team_mode_only": "les utilisateurs et les rôles sont ceux d'une équipe, sur une base "
                          "PostgreSQL ; sur SQLite, le seul utilisateur est administrateur",
        "user_name_invalid": "{user!r} ne peut pas être un nom d'utilisateur : lettres "
                             "minuscules, chiffres et _, commençant par une lettre, 63 "
                             "caractères au plus",
        "user_exists": "l'utilisateur {user} existe déjà sur ce serveur de base de données",
        "user_unknown": "il n'y a pas d'utilisateur {user} sur ce serveur de base de données",
        "user_superuser": "{user} est superutilisateur du serveur de base de données, toujours "
                          "administrateur ; son rôle ne change pas ici",
        "own_role": "vous ne pouvez pas changer votre propre rôle : demandez à un autre "
                    "administrateur",
        "role_not_removed": "{user} est encore membre de {groups} : le serveur de base de "
                            "données a gardé cette appartenance (accordée par un autre "
                            "administrateur) ; demandez à un superutilisateur du serveur de "
                            "la retirer",
        "password_missing": "aucun mot de passe n'a été donné (--no-password pour un serveur "
                            "qui vérifie les utilisateurs autrement)",
        "passwords_differ": "les deux mots de passe tapés diffèrent ; rien n'a été changé",
        "run_in_progress": "un autre passage est en cours (processus {pid} sur {host} depuis "
                           "{since}) ; il n'a pas été lancé une seconde fois",
        "run_in_progress_elsewhere": "un autre passage est en cours (dans un autre processus) ; "
                                     "il n'a pas été lancé une seconde fois",
        "link_invalid": "ce lien n'est pas valide (jeton inconnu ou modifié)",
        "link_used": "ce lien a déjà été utilisé le {on}",
        "link_expired": "ce lien a expiré le {on}",
        "link_wrong_action": "ce lien ne fait pas cela",
        "payment_gone": "ce que ce lien concernait ({subject}) n'existe plus",
        "setting_not_publishable_key": "{name} doit être une clé publiable Stripe (pk_test_… ou "
                                       "pk_live_…)",
        "setting_not_pay_pages": "{name} doit valoir ours ou processor, et non {given!r}",
        "setting_not_web_address": "{name} doit être une adresse web (https://…), et non "
                                   "{given!r}",
        "siren_invalid": "{field} : ce n'est pas un numéro SIREN (9 chiffres, le dernier est "
                         "une clé de contrôle)",
        "siret_invalid": "{field} : ce n'est pas un numéro SIRET (14 chiffres : le SIREN, puis "
                         "les 5 de l'établissement, le dernier est une clé de contrôle)",
        "vat_number_invalid": "{field} : ce n'est pas un numéro de TVA valide (les deux lettres "
                              "du pays, puis le numéro, par exemple FR40303265045)",
        "vat_number_not_siren": "{field} : ce numéro de TVA français n'est pas celui du SIREN "
                                "{siren}",
        "country_code_invalid": "{field} : {given!r} n'est pas un code de pays (deux lettres, "
                                "par exemple FR, BE, DE)",
        "vat_rate_invalid": "{field} : {given!r} n'est pas un taux de TVA (un pourcentage de 0 "
                            "à 100 avec au plus deux décimales, par exemple 20 ou 5,5)",
        "number_prefix_invalid": "{field} : de 1 à 6 lettres ou chiffres, par exemple F",
        "notice_days_invalid": "{field} : un nombre de jours de {low} à {high}",
        "logo_not_image": "{field} : un logo est une image PNG ou JPEG",
        "logo_too_large": "{field} : l'image fait {size} Ko ; un logo fait au plus {limit} Ko",
        "setting_sensitive": "{name} : ressemble à {kind} ; les numéros de carte et les IBAN ne "
                             "sont jamais conservés",
        "seller_incomplete": "les factures attendent du vendeur : {missing} (renewdesk settings "
                             "NOM=VALEUR, ou Paramètres > Vendeur)",
        "link_pays_on_its_page": "ce lien paie {subject} : le client paie sur sa page",
        "payment_already_made": "{subject} est déjà payé : rien n'a été prélevé à nouveau",
        "payment_under_way": "un paiement est déjà en cours : revenez dans quelques minutes",
        "payment_closed": "{subject} ne peut plus être payé ici : contactez-nous",
        "payment_nothing_to_complete": "aucun paiement n'attend la confirmation de votre banque",
        "payment_not_completed": "votre banque n'a pas confirmé le paiement",
        "payment_method_unusable": "ce moyen de paiement ne peut pas être utilisé",
        "payment_method_refused": "le prestataire de paiement a refusé ce moyen",
        "payment_too_many_tries": "trop d'essais aujourd'hui : rien de plus n'a été prélevé ; "
                                  "réessayez demain ou contactez-nous",
        # IV-5 : les fichiers du comptable
        "range_reversed": "la première date ({first}) est après la dernière ({last})",
        "fec_needs_siren": "le FEC porte le SIREN du vendeur, et aucun n'est renseigné : "
                           "renseignez-le dans Paramètres > Vendeur (ou renewdesk settings "
                           "seller_siren=…)",
        "fec_not_in_euros": "le FEC est en euros et aucun taux de change n'est connu pour "
                            "{documents} : choisissez des dates sans eux (le CSV porte toutes "
                            "les devises)",
        # IV-2 : corrections
        "invoice_unknown": "aucune facture {number}",
        "correction_reason_missing": "indiquez le motif de la correction",
        "correction_too_large": "{asked} dépasse ce qui peut être crédité de la facture "
                                "{number} ({left}) : aucun avoir n'a été fait",
        # RF-1 : remboursements
        "payment_unknown": "aucun paiement {payment} : donnez la référence qu'affiche "
                           "l'historique des paiements (par ex. R-1/1)",
        "payment_not_refundable": "le paiement {payment} ne peut pas être remboursé : il {why}",
        "refund_reason_missing": "indiquez le motif du remboursement",
        "refund_amount_invalid": "le montant à rembourser doit être supérieur à zéro",
        "refund_other_currency": "le paiement {payment} est en {currency}, pas en {given}",
        "refund_too_large": "{asked} dépasse ce qui peut être remboursé du paiement {payment} "
                            "({left}) : rien n'a été remboursé",
        "refund_refused": "le prestataire de paiement a refusé le remboursement ({answer}) : "
                          "rien n'a été remboursé",
        "renewal_gone": "le renouvellement {renewal} n'existe plus",
        "plan_change_gone": "le changement d'échéancier {change} n'existe plus",
        "unknown_method": "moyen de paiement inconnu",
        "no_processor_customer": "le prestataire de paiement ne connaît pas de client {customer}",
        "no_sandbox_customer": "le prestataire de paiement ne connaît pas de client {customer} "
                               "(le bac à sable ne garde aucun client)",
        "first_live_run": "c'est le premier passage avec une clé Stripe réelle (live) : il "
                          "prélève vraiment vos clients ; relancez-le avec --confirm-live pour "
                          "continuer",
        "exp_not_month_year": "--exp : {given!r} n'est pas au format MM/AAAA",
        "demo_customers_range": "--customers doit être compris entre 1 et 1000000",
        "setting_not_pair": "{given!r} : NOM=VALEUR attendu",
        "secret_needs_name": "secret {action} : il faut un nom parmi {names}",
        "port_not_port": "--port {port} : ce n'est pas un numéro de port",
        "target_in_use": "--to désigne la base de données déjà utilisée",
        "restore_needs_yes": "la restauration remplace tout le contenu de cette base ; ajoutez "
                             "--yes pour continuer",
        "cannot_read": "{path} : {reason}",
        "backup_needs_sqlite": "la sauvegarde et la restauration fonctionnent sur une base "
                               "SQLite ; pour PostgreSQL, utilisez pg_dump et pg_restore",
        "backup_not_sqlite": "{path} n'est pas une base SQLite ; rien n'a été restauré",
        "backup_damaged": "{path} est endommagé ({check}) ; rien n'a été restauré",
        "backup_not_ours": "{path} n'est pas une base renewdesk (table {missing} absente) ; rien "
                           "n'a été restauré",
        "backup_unknown_revision": "{path} a la révision de schéma {revision!r}, que cette "
                                   "version de renewdesk ne connaît pas ; rien n'a été restauré",
        "backup_unreadable": "{path} ne peut pas être lu comme une base de données ({reason}) ; "
                             "rien n'a été restauré",
        "source_schema_behind": "la base source n'est pas au schéma de cette version ; "
                                "ouvrez-la d'abord une fois avec cette version",
        "target_holds_data": "la base cible contient déjà des données ({tables}) ; migrate-db "
                             "copie uniquement dans une base vide",
        "unknown": "{what} introuvable : {ref!r}",
        "edit_conflict": "{subject} a été modifié depuis que vous l'avez ouvert ; rien n'a été "
                         "enregistré : regardez-le à nouveau, puis refaites votre modification",
        "edit_conflict_by": "{subject} a été modifié par {who} à {at} UTC ({action}) depuis "
                            "que vous l'avez ouvert ; rien n'a été enregistré : regardez-le à "
                            "nouveau, puis refaites votre modification",
        "form_ref_taken": "{ref!r} est déjà prise : choisissez une autre référence, ou laissez "
                          "le champ vide pour qu'une soit attribuée",
        "form_ref_fixed": "une référence ne change plus une fois enregistrée",
        "form_order_terms_charged": "une échéance a été prélevée : le nombre, l'intervalle et "
                                    "les dates restent ; un nouveau montant passe par une mise "
                                    "à jour de l'échéancier",
        "form_order_terms_fixed": "les conditions d'une commande enregistrée restent ; un "
                                  "nouveau montant passe par une mise à jour de l'échéancier",
        "form_service_billing_fixed": "la facturation d'un service enregistré, et sa devise, "
                                      "restent",
        "form_already_cancelled": "le service {ref} est déjà résilié",
        "form_usage_invoiced": "l'usage de {period} est facturé : il reste tel que facturé",
        "form_has_history": "{what} {ref} a un historique (prélèvements, paniers, e-mails ou "
                            "factures) : il est conservé",
    },
}
# Every refusal's words: the general ones and the exchange file's (no code is in both).
WORDS = {language: {**GENERAL_WORDS[language], **EXCHANGE_WORDS[language]}
         for language in LANGUAGES}

# Words from the database or the code that a refusal quotes: statuses, profile fields, the
# kind of bank detail, the kind of thing that is unknown.
TERMS: dict[str, dict[str, str]] = {
    "en": {"card_number": "a card number", "iban": "an IBAN",
           # Roles and powers (domain/roles.py), in a refusal naming what a role cannot do.
           "role_admin": "admin", "role_manager": "account manager", "role_viewer": "viewer",
           "power_read": "read the portfolio", "power_export": "export",
           "power_work": "change the portfolio",
           "power_settings": "change the settings or the payment processor",
           "power_refund": "refund a payment", "power_users": "manage users",
           "confirm_plan_change": "confirms plan change",
           # What an audit entry says was done (`action`), in a refusal naming who did it.
           "add_payment_method": "a payment method added",
           "bulk_recurrence": "bulk recurrence",
           "cancel service": "service cancelled",
           "cancel_renewal": "cancels renewal",
           "card_page": "card page sent",
           "customer_emails": "e-mails turned on or off",
           "default_payment_method": "default payment method",
           "import": "import",
           "link_customer": "linked at the processor",
           "manual_renewal": "manual renewal",
           "pay_now": "paid by the customer",
           "plan_update": "plan update",
           "proforma": "pro-forma",
           "remove_payment_method": "payment method removed",
           "renew_plan": "final attempt",
           "replace_payment_method": "payment method replaced",
           "create customer": "created",
           "edit customer": "edited",
           "create contact": "created",
           "edit contact": "edited",
           "create service": "created",
           "edit service": "edited",
           "create order": "created",
           "edit order": "edited",
           "create usage": "created",
           "edit usage": "edited",
           "refund": "refunded",
           "credit_note": "credit note made",
           "invoice": "invoice",
           # Why a payment cannot be refunded (`why`)
           "not_succeeded": "did not succeed",
           "not_at_processor": "was not taken through the payment provider",
           "fully_refunded": "is already refunded in full",
           "disputed": "is disputed by the customer with their bank: answer the dispute at "
                       "the payment provider",
           # What the processor answered to a refund (`answer`)
           "charge_already_refunded": "already refunded there",
           "charge_disputed": "the payment is disputed",
           "amount_too_large": "more than is left to refund there",
           "no_such_payment": "no such payment there",
           "payment_not_succeeded": "the payment did not succeed there",
           "processor_refused_request": "request refused",
           "currency_mismatch": "not in the payment's currency",
           # What invoices still need of the seller (`missing`, services/seller.py)
           "legal_name": "legal name", "siren": "SIREN", "vat_number": "VAT number",},
    "fr": {"card_number": "un numéro de carte", "iban": "un IBAN",
           "role_admin": "administrateur", "role_manager": "gestionnaire de comptes",
           "role_viewer": "lecteur",
           "power_read": "lire le portefeuille", "power_export": "exporter",
           "power_work": "modifier le portefeuille",
           "power_settings": "modifier les paramètres ou le prestataire de paiement",
           "power_refund": "rembourser un paiement", "power_users": "gérer les utilisateurs",
           "scheduled": "programmé", "charging": "en cours de prélèvement", "paid": "payé",
           "failed": "en échec", "expired": "expiré", "cancelled": "annulé",
           "active": "actif", "suspended": "suspendu", "overdue": "en retard",
           "transferred": "transféré", "completed": "terminé", "collection": "en recouvrement",
           "confirmed": "confirmé", "replaced": "remplacé", "pending": "en attente",
           "name": "le nom", "address": "l'adresse", "email": "l'e-mail",
           "customer": "client", "service": "service", "order": "commande",
           "renewal": "renouvellement", "payment method": "moyen de paiement",
           "setting": "réglage", "billing contact": "contact de facturation",
           "dict": "un objet", "list": "une liste", "str": "du texte",
           "int": "un nombre entier", "float": "un nombre décimal", "bool": "un booléen",
           "NoneType": "null",
           "cancel_renewal": "annule le renouvellement",
           "confirm_plan_change": "confirme le changement d'échéancier",
           "amount": "montant", "usage record": "relevé de consommation",
           "add_payment_method": "ajout d'un moyen de paiement",
           "bulk_recurrence": "récurrence groupée",
           "cancel service": "résiliation du service",
           "card_page": "page carte envoyée",
           "customer_emails": "e-mails activés ou désactivés",
           "default_payment_method": "moyen de paiement par défaut",
           "import": "import",
           "link_customer": "liaison chez le prestataire",
           "manual_renewal": "renouvellement manuel",
           "pay_now": "payé par le client",
           "plan_update": "mise à jour de l'échéancier",
           "proforma": "pro forma",
           "remove_payment_method": "suppression d'un moyen de paiement",
           "renew_plan": "dernière tentative",
           "replace_payment_method": "remplacement d'un moyen de paiement",
           "create customer": "création",
           "edit customer": "modification",
           "create contact": "création",
           "edit contact": "modification",
           "create service": "création",
           "edit service": "modification",
           "create order": "création",
           "edit order": "modification",
           "create usage": "création",
           "edit usage": "modification",
           "refund": "remboursement",
           "credit_note": "avoir émis",
           "invoice": "facture",
           "not_succeeded": "n'a pas abouti",
           "not_at_processor": "n'a pas été pris par le prestataire de paiement",
           "fully_refunded": "est déjà remboursé en totalité",
           "disputed": "est contesté par le client auprès de sa banque : répondez à la "
                       "contestation chez le prestataire de paiement",
           "charge_already_refunded": "déjà remboursé chez lui",
           "charge_disputed": "le paiement est contesté",
           "amount_too_large": "plus que ce qui reste à rembourser chez lui",
           "no_such_payment": "paiement inconnu chez lui",
           "payment_not_succeeded": "le paiement n'a pas abouti chez lui",
           "processor_refused_request": "demande refusée",
           "currency_mismatch": "pas dans la devise du paiement",
           "legal_name": "la raison sociale", "country": "le pays", "siren": "le SIREN",
           "vat_number": "le numéro de TVA",},
}
# The values that are such words, by name; a tuple value is always read as a list of such words
# (a list is a value quoted as it was given, such as a JSON array in a file: shown as it is).
TERM_VALUES = frozenset({"status", "kind", "what", "does", "field", "action", "why",
                         "answer", "role", "power"})


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def _value(name: str, value: object, language: str) -> object:
    terms = TERMS[language]
    if _speaks(value):
        return value.words(language)  # type: ignore[attr-defined]
    if isinstance(value, tuple) and value and all(_speaks(item) for item in value):
        return (" ; " if language == "fr" else "; ").join(item.words(language) for item in value)
    if isinstance(value, tuple):
        return ", ".join(terms.get(str(item), str(item)) for item in value)
    if isinstance(value, date):
        return value.isoformat() if language == "en" else value.strftime("%d/%m/%Y")
    if language == "fr" and _is_money(value):
        return value.format("fr_FR")  # type: ignore[attr-defined]  # "1 234,56 €"
    if name in TERM_VALUES and isinstance(value, str):
        return terms.get(value, value)
    return value


def shown_value(name: str, value: object, language: str) -> object:
    """A value as these words show it (a date, an amount, a status in words), for the other
    tables that word codes the same way (`link_words`)."""
    return _value(name, value, _language(language))


def colon(language: str) -> str:
    """What comes between a place and what is said of it: "S1: …", in French "S1 : …"."""
    return " : " if language == "fr" else ": "


def _is_money(value: object) -> bool:
    """An amount (`Money`, known by its shape: money.py imports this module through errors)."""
    return hasattr(value, "minor") and hasattr(value, "currency") and hasattr(value, "format")


def _speaks(value: object) -> bool:
    """A value that says itself in a language: a refusal or a line of a check it quotes."""
    return callable(getattr(value, "words", None)) and not isinstance(value, (str, type))


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
