"""The words of the exchange file's refusals (reading, checking and importing a file), in French
and English; `refusal_words.WORDS` holds them with every other refusal's. Kept apart because
they are many and all about one thing: where in the file, and what is wrong there."""

from __future__ import annotations

EXCHANGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        # IV-1: invoices in the file
        "invoice_differs": "invoice {number} is already issued and differs: an issued invoice "
                           "is never changed",
        "invoice_without_document": "invoice {number} lacks its issued document (export it "
                                    "from renewdesk to move it)",
        "invoice_payment_invoiced": "invoice {number}: payment {payment} already has an "
                                    "invoice here",
        "invoice_out_of_sequence": "invoice {number} does not follow the last one issued here "
                                   "(number {last} of its year): invoices move whole, in order, "
                                   "into a database that has none of that year",
        # Reading the file (services/exchange/reader.py; "cannot_read" is with the others)
        "not_utf8": "{path}: not UTF-8 text: byte {byte} at line {line}, column {column} (an "
                    "export in Latin-1 or Windows-1252? save it as UTF-8)",
        "not_json": "{path}: not valid JSON (line {line}, column {column}: {reason})",
        "nested_too_deeply": "{path}: nested too deeply to be an exchange file",
        "file_nested_too_deeply": "the file is nested too deeply to be an exchange file",
        "number_too_long": "{path}: a number with more digits than any amount or count can "
                           "have",
        "not_json_number": "{constant} is not a JSON number",
        "wrong_format": "format: expected {expected!r}, got {given}",
        "ref_given_twice": "{field}: {ref!r} is given twice, at {first} and here",
        # An object of the file and its values
        "expected_object_got": "{path}: expected an object, got {kind}",
        "unknown_key": "{path}: unknown key {key!r}",
        "missing_key": "{path}: missing {key!r}",
        "expected_text": "{field}: expected text, got {kind}",
        "invalid_reference": "{field}: {ref!r} is not a valid reference",
        "not_one_of": "{field}: {given!r} is not one of {options}",
        "expected_whole_number": "{field}: expected a whole number, got {given!r}",
        "out_of_range": "{field}: {given} is out of range ({low} to {high})",
        "digits_out_of_range": "{field}: a {digits}-digit number is out of range ({low} to "
                               "{high})",
        "expected_true_or_false": "{field}: expected true or false, got {given}",
        "expected_list": "{field}: expected a list",
        "expected_list_of_refs": "{field}: expected a list of references",
        "expected_object": "{field}: expected an object",
        "nested_more_than": "{path}: nested more than {depth} levels deep",
        "number_out_of_range": "{path}: a {digits}-digit number is out of range",
        "number_too_large": "{path}: a number too large to be stored",
        # What the objects say (services/exchange/importer.py, scope.py, rows.py, history.py)
        "not_an_email": "{field}: {given!r} is not an e-mail address",
        "must_be_positive": "{field}: must be more than zero",
        "must_not_be_negative": "{field}: must not be negative",
        "of_another_customer": "{what} {ref} belongs to another customer",
        "service_cannot_move": "{field}: service {service} belongs to {customer}; it cannot "
                               "move customer",
        "usage_billed_no_renewal": "{field}: a usage-billed service does not renew",
        "order_of_another_customer": "{field}: order {order} belongs to {customer}",
        "order_needs_method": "{field}: an installment order needs one",
        "order_method_type": "{field}: {method} is a {type}, the order is paid by {paid_by}",
        "not_usage_billed": "{field}: {service} is not billed on usage",
        "usage_month_invoiced": "{field}: {service}'s usage for {period} is already invoiced; "
                                "it cannot change",
        "usage_too_large": "{field}: {service}'s usage for {period} would total {quantity} "
                           "units at {unit_price}, more than one invoice holds (at most {units} "
                           "units and {largest})",
        "renewal_needs_service": "{field}: a renewal needs at least one service",
        "link_needs_customer": "{path}: a link needs the notification's customer",
        # A payment's refunds and dispute (services/exchange/history.py)
        "payment_ref_differs": "{field}: {given!r} is not this payment's reference, which is "
                               "{expected!r}",
        "payment_history_needs_success": "{field}: only a successful payment has refunds or a "
                                         "dispute",
        "refund_ref_not_of_payment": "{field}: {given!r} is not a refund of payment {payment} "
                                     "(its refunds are {payment}/1, {payment}/2, …)",
        "refunds_exceed_payment": "{field}: {refunded} refunded is more than payment {payment} "
                                  "took ({paid})",
        # The command line's refund (kept with the file's words until it joins the other
        # command-line options' in refusal_words)
        "refund_needs_yes": "a refund is made only once confirmed: add --yes to make it without "
                            "a terminal to ask on; nothing was refunded",
        # CSV files and their mappings (services/exchange/csv_file.py)
        "csv_row": "row {row}",
        "csv_cell": "row {row}, column {column!r}",
        "csv_not_a_date": "{field}: {given!r} is not a date in the form {form}",
        "csv_not_an_amount": "{field}: {given!r} does not read as an amount with the file's "
                             "decimal mark, such as {example}",
        "csv_no_header": "{path}: no header row",
        "csv_not_text": "{path}: cannot be read as {encoding} text (byte {byte} at line {line})",
        "csv_unreadable": "{path}: not a CSV file ({reason})",
        "csv_column_missing": "{path}: the mapping names column {column!r} for {name!r}, which "
                              "is not in the header ({columns})",
        "csv_rows_refused": "{path}: {count} refusal(s); nothing was imported",
        "mapping_not_object": "{path}: a mapping is an object of field names and column "
                              "headers",
        "mapping_unknown_field": "{path}: {name!r} is not a field of {kind} ({fields})",
        "mapping_column_not_text": "{path}: the column for {name!r} must be a header's text",
        "mapping_unknown_option": "{path}: unknown option {option!r} ({options})",
        "mapping_bad_option": "{path}: option {option!r}: {given!r} is not one of {options}",
        "mapping_bad_values": "{path}: {section!r} for {name!r} must map texts to texts",
        "mapping_no_kind": "{path}: {kind!r} is not customers or services",
        "mapping_not_utf8": "{path}: not UTF-8 text",
    },
    "fr": {
        "invoice_differs": "la facture {number} est déjà émise et diffère : une facture émise "
                           "ne change jamais",
        "invoice_without_document": "il manque à la facture {number} son document émis "
                                    "(exportez-la depuis renewdesk pour la déplacer)",
        "invoice_payment_invoiced": "facture {number} : le paiement {payment} a déjà une "
                                    "facture ici",
        "invoice_out_of_sequence": "la facture {number} ne suit pas la dernière émise ici "
                                   "(numéro {last} de son année) : les factures se déplacent "
                                   "entières, dans l'ordre, vers une base qui n'en a aucune de "
                                   "cette année",
        "not_utf8": "{path} : ce n'est pas du texte UTF-8 : octet {byte} à la ligne {line}, "
                    "colonne {column} (un export en Latin-1 ou Windows-1252 ? enregistrez-le "
                    "en UTF-8)",
        "not_json": "{path} : ce n'est pas du JSON valide (ligne {line}, colonne {column} : "
                    "{reason})",
        "nested_too_deeply": "{path} : trop de niveaux imbriqués pour un fichier d'échange",
        "file_nested_too_deeply": "le fichier a trop de niveaux imbriqués pour être un fichier "
                                  "d'échange",
        "number_too_long": "{path} : un nombre a plus de chiffres que n'en peut avoir un "
                           "montant ou une quantité",
        "not_json_number": "{constant} n'est pas un nombre JSON",
        "wrong_format": "format : {expected!r} est attendu, et non {given}",
        "ref_given_twice": "{field} : {ref!r} figure deux fois, en {first} et ici",
        "expected_object_got": "{path} : un objet est attendu, et non {kind}",
        "unknown_key": "{path} : clé inconnue {key!r}",
        "missing_key": "{path} : il manque {key!r}",
        "expected_text": "{field} : un texte est attendu, et non {kind}",
        "invalid_reference": "{field} : {ref!r} n'est pas une référence valide",
        "not_one_of": "{field} : {given!r} ne fait pas partie de : {options}",
        "expected_whole_number": "{field} : un nombre entier est attendu, et non {given!r}",
        "out_of_range": "{field} : {given} est hors limites (de {low} à {high})",
        "digits_out_of_range": "{field} : un nombre à {digits} chiffres est hors limites (de "
                               "{low} à {high})",
        "expected_true_or_false": "{field} : true ou false est attendu, et non {given}",
        "expected_list": "{field} : une liste est attendue",
        "expected_list_of_refs": "{field} : une liste de références est attendue",
        "expected_object": "{field} : un objet est attendu",
        "nested_more_than": "{path} : plus de {depth} niveaux imbriqués",
        "number_out_of_range": "{path} : un nombre à {digits} chiffres est hors limites",
        "number_too_large": "{path} : un nombre trop grand pour être enregistré",
        "not_an_email": "{field} : {given!r} n'est pas une adresse e-mail",
        "must_be_positive": "{field} : doit être supérieur à zéro",
        "must_not_be_negative": "{field} : ne doit pas être négatif",
        "of_another_customer": "{ref} ({what}) appartient à un autre client",
        "service_cannot_move": "{field} : le service {service} appartient à {customer} ; il ne "
                               "peut pas changer de client",
        "usage_billed_no_renewal": "{field} : un service facturé à l'usage ne se renouvelle pas",
        "order_of_another_customer": "{field} : la commande {order} appartient à {customer}",
        "order_needs_method": "{field} : une commande à échéances a besoin d'un moyen de "
                              "paiement",
        "order_method_type": "{field} : {method} est de type {type}, alors que la commande est "
                             "payée par {paid_by}",
        "not_usage_billed": "{field} : {service} n'est pas facturé à l'usage",
        "usage_month_invoiced": "{field} : l'usage de {service} pour {period} est déjà facturé ; "
                                "il ne peut plus changer",
        "usage_too_large": "{field} : l'usage de {service} pour {period} atteindrait {quantity} "
                           "unités à {unit_price}, plus qu'une facture ne peut en contenir (au "
                           "plus {units} unités et {largest})",
        "renewal_needs_service": "{field} : un renouvellement a besoin d'au moins un service",
        "link_needs_customer": "{path} : un lien a besoin du client de la notification",
        "payment_ref_differs": "{field} : {given!r} n'est pas la référence de ce paiement, "
                               "qui est {expected!r}",
        "payment_history_needs_success": "{field} : seul un paiement réussi a des "
                                         "remboursements ou une contestation",
        "refund_ref_not_of_payment": "{field} : {given!r} n'est pas un remboursement du "
                                     "paiement {payment} (ses remboursements sont {payment}/1, "
                                     "{payment}/2, …)",
        "refunds_exceed_payment": "{field} : {refunded} remboursés dépassent ce que le paiement "
                                  "{payment} a pris ({paid})",
        "refund_needs_yes": "un remboursement n'est fait qu'une fois confirmé : ajoutez --yes "
                            "pour le faire sans terminal où le demander ; rien n'a été remboursé",
        "csv_row": "ligne {row}",
        "csv_cell": "ligne {row}, colonne {column!r}",
        "csv_not_a_date": "{field} : {given!r} n'est pas une date au format {form}",
        "csv_not_an_amount": "{field} : {given!r} ne se lit pas comme un montant avec la "
                             "marque décimale du fichier, comme {example}",
        "csv_no_header": "{path} : pas de ligne d'en-tête",
        "csv_not_text": "{path} : illisible comme texte {encoding} (octet {byte} à la ligne "
                        "{line})",
        "csv_unreadable": "{path} : ce n'est pas un fichier CSV ({reason})",
        "csv_column_missing": "{path} : la correspondance nomme la colonne {column!r} pour "
                              "{name!r}, absente de l'en-tête ({columns})",
        "csv_rows_refused": "{path} : {count} refus ; rien n'a été importé",
        "mapping_not_object": "{path} : une correspondance est un objet de noms de champs et "
                              "d'en-têtes de colonnes",
        "mapping_unknown_field": "{path} : {name!r} n'est pas un champ de {kind} ({fields})",
        "mapping_column_not_text": "{path} : la colonne de {name!r} doit être le texte d'un "
                                   "en-tête",
        "mapping_unknown_option": "{path} : option inconnue {option!r} ({options})",
        "mapping_bad_option": "{path} : option {option!r} : {given!r} ne fait pas partie de : "
                              "{options}",
        "mapping_bad_values": "{path} : {section!r} pour {name!r} doit associer des textes à "
                              "des textes",
        "mapping_no_kind": "{path} : {kind!r} n'est ni customers ni services",
        "mapping_not_utf8": "{path} : ce n'est pas du texte UTF-8",
    },
}
