<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BulkRecurrenceDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="40"/>
        <source>Bulk recurrence — %1</source>
        <translation>Récurrence groupée — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="47"/>
        <source>Switch auto-renew &amp;on</source>
        <translation>&amp;Activer le renouvellement automatique</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="48"/>
        <source>Switch auto-renew o&amp;ff</source>
        <translation>&amp;Désactiver le renouvellement automatique</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="54"/>
        <source>The %n selected service(s)</source>
        <translation>
            <numerusform>Le service sélectionné (%n)</numerusform>
            <numerusform>Les %n services sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="55"/>
        <source>All of this customer&apos;s services</source>
        <translation>Tous les services de ce client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="63"/>
        <source>Default method</source>
        <translation>Moyen par défaut</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="68"/>
        <source>No billing contact</source>
        <translation>Aucun contact de facturation</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="76"/>
        <source>I have read the warnings and want to go ahead</source>
        <translation>J&apos;ai lu les avertissements et je veux continuer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="79"/>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="85"/>
        <source>Change:</source>
        <translation>Changement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="89"/>
        <source>Services:</source>
        <translation>Services :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="90"/>
        <source>Payment method:</source>
        <translation>Moyen de paiement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="91"/>
        <source>Billing contact:</source>
        <translation>Contact de facturation :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="94"/>
        <source>Check, per service:</source>
        <translation>Vérification, service par service :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="122"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="122"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="122"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="130"/>
        <source>%n error(s): fix them or leave those services out; nothing will change until then.</source>
        <translation>
            <numerusform>%n erreur : corrigez-la ou retirez ce service ; rien ne change d&apos;ici là.</numerusform>
            <numerusform>%n erreurs : corrigez-les ou retirez ces services ; rien ne change d&apos;ici là.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="133"/>
        <source>%n warning(s): confirm below to go ahead.</source>
        <translation>
            <numerusform>%n avertissement : confirmez ci-dessous pour continuer.</numerusform>
            <numerusform>%n avertissements : confirmez ci-dessous pour continuer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="136"/>
        <source>Everything checks out.</source>
        <translation>Tout est en ordre.</translation>
    </message>
    <message>
        <source>What the change does to each service</source>
        <translation>Ce que la modification fait à chaque service</translation>
    </message>
</context>
<context>
    <name>CancelRenewalDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="23"/>
        <source>Cancel renewal — %1</source>
        <translation>Annuler le renouvellement — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="24"/>
        <source>Cancel renewal %1 (%2)?

Nothing will be charged for this period and the customer is told by e-mail. Auto-renew stays on for the next periods.</source>
        <translation>Annuler le renouvellement %1 (%2) ?

Rien ne sera prélevé pour cette période et le client est prévenu par e-mail. Le renouvellement automatique reste actif pour les périodes suivantes.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="31"/>
        <source>Cancel the &amp;renewal</source>
        <translation>Annuler le &amp;renouvellement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="32"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Le garder</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="55"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="56"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="57"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="39"/>
        <source>Hand to collection — %1</source>
        <translation>Transmettre au recouvrement — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="47"/>
        <source>&amp;Hand over</source>
        <translation>&amp;Transmettre</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="54"/>
        <source>Order %1 of %2 goes to the collection partner with its failed installments. This ends every attempt for the order, including the final one (Renew payment plan). It cannot be undone.</source>
        <translation>La commande %1 de %2 est transmise au partenaire de recouvrement avec ses échéances impayées. Toutes les tentatives pour cette commande s&apos;arrêtent, y compris la dernière (Relancer l&apos;échéancier). C&apos;est définitif.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="60"/>
        <source>File for the collection partner:</source>
        <translation>Fichier pour le partenaire de recouvrement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="67"/>
        <source>Collection file</source>
        <translation>Fichier de recouvrement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="76"/>
        <source>Choose where to write the collection file.</source>
        <translation>Choisissez où écrire le fichier de recouvrement.</translation>
    </message>
</context>
<context>
    <name>CollectionsPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="240"/>
        <source>Search by order, customer or invoice number</source>
        <translation>Rechercher par commande, client ou numéro de facture</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="241"/>
        <source>Hand to &amp;collection…</source>
        <translation>Transmettre au &amp;recouvrement…</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="100"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="100"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="101"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="101"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="102"/>
        <source>Methods</source>
        <translation>Moyens</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="102"/>
        <source>E-mails on</source>
        <translation>E-mails actifs</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="103"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="103"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="104"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="104"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="105"/>
        <source>Expires on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="105"/>
        <source>Auto-renew</source>
        <translation>Renouv. auto</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="106"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="106"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="107"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="107"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="108"/>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="108"/>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="109"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="109"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="110"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="110"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="111"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="111"/>
        <source>Installments</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="112"/>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="112"/>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="113"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="113"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="114"/>
        <location filename="../../renewdesk/ui/i18n.py" line="120"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="114"/>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="115"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="115"/>
        <source>Notice on</source>
        <translation>Avis le</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="116"/>
        <source>Charge on</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="116"/>
        <source>Created on</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="117"/>
        <source>To</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="117"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="118"/>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="118"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="119"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="119"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="120"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="121"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="121"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="122"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="122"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="123"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="159"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="159"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="170"/>
        <source>Issued on</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="171"/>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="171"/>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="172"/>
        <source>Corrects</source>
        <translation>Corrige</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="172"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="49"/>
        <source>Send e-mails to this customer</source>
        <translation>Envoyer des e-mails à ce client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="51"/>
        <source>E-mail:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="52"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="53"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="68"/>
        <source>Make &amp;default</source>
        <translation>Mettre par &amp;défaut</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="70"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="71"/>
        <source>Re&amp;place…</source>
        <translation>Rem&amp;placer…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="72"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="73"/>
        <source>Send card &amp;page</source>
        <translation>Envoyer la &amp;page carte</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="77"/>
        <source>&amp;Bulk recurrence…</source>
        <translation>Récurrence &amp;groupée…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="78"/>
        <source>Renew &amp;all (pro-forma)…</source>
        <translation>Tout &amp;renouveler (pro forma)…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="81"/>
        <source>Payment methods (the first is the default)</source>
        <translation>Moyens de paiement (le premier est celui par défaut)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="90"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="91"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="92"/>
        <source>Billing contacts</source>
        <translation>Contacts de facturation</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="93"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="125"/>
        <source>Missing before a payment method can be added: %1</source>
        <translation>Manquant avant de pouvoir ajouter un moyen de paiement : %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="127"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="127"/>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="127"/>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="128"/>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="128"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="128"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="131"/>
        <source>⚠ expires before the charge of %1</source>
        <translation>⚠ expire avant le prélèvement du %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="134"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="134"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="134"/>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="141"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="135"/>
        <source>Expires on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="135"/>
        <source>Auto-renew</source>
        <translation>Renouv. auto</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="135"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="140"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="140"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="140"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="141"/>
        <source>Installment</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="144"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="144"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="144"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="146"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="146"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="146"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="224"/>
        <source>%1 was sent a link to save a new card</source>
        <translation>Un lien pour enregistrer une nouvelle carte a été envoyé à %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="85"/>
        <source>Ed&amp;it customer…</source>
        <translation>Mod&amp;ifier le client…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="87"/>
        <source>New billing &amp;contact…</source>
        <translation>Nouveau &amp;contact de facturation…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="89"/>
        <source>New installment &amp;order…</source>
        <translation>Nouvelle c&amp;ommande échelonnée…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="93"/>
        <source>New &amp;service…</source>
        <translation>Nouveau &amp;service…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="95"/>
        <source>&amp;Edit service…</source>
        <translation>Modifi&amp;er le service…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="97"/>
        <source>New &amp;usage record…</source>
        <translation>Nouveau relevé de cons&amp;ommation…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="229"/>
        <source>Select a service billed by usage</source>
        <translation>Sélectionnez un service facturé à la consommation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="178"/>
        <source>automatic attempt</source>
        <translation>tentative automatique</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="178"/>
        <source>by hand</source>
        <translation>à la main</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="179"/>
        <source>by the customer, from their link</source>
        <translation>par le client, depuis son lien</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="181"/>
        <source>Paid how</source>
        <translation>Payé comment</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="124"/>
        <source>Usage</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="188"/>
        <source>Record</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="188"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="189"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="189"/>
        <source>Invoiced</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="98"/>
        <source>Re&amp;fund this payment…</source>
        <translation>Rem&amp;bourser ce paiement…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="149"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="221"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/views/customer_page.py" line="227"/>
        <source>Payments (⚠ %n disputed)</source>
        <translation>
            <numerusform>Paiements (⚠ %n contesté)</numerusform>
            <numerusform>Paiements (⚠ %n contestés)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="253"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="312"/>
        <source>Another operation is under way</source>
        <translation>Une autre opération est en cours</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="315"/>
        <source>Refund all or part of this payment, with a reason</source>
        <translation>Rembourser tout ou partie de ce paiement, avec un motif</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="69"/>
        <source>Customer:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="70"/>
        <source>Country:</source>
        <translation>Pays :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="71"/>
        <source>SIREN:</source>
        <translation>SIREN :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="72"/>
        <source>VAT number:</source>
        <translation>N° de TVA :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="204"/>
        <source>Business</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/views/customer_page.py" line="204"/>
        <source>Consumer</source>
        <translation>Particulier (consommateur)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="168"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="71"/>
        <source>Search by reference, name or e-mail</source>
        <translation>Rechercher par référence, nom ou e-mail</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="73"/>
        <source>&amp;Open customer</source>
        <translation>&amp;Ouvrir le client</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="18"/>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
</context>
<context>
    <name>Filter</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="130"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="130"/>
        <source>E-mails off</source>
        <translation>E-mails coupés</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="131"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="131"/>
        <source>Auto-renew on</source>
        <translation>Renouvellement auto actif</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="132"/>
        <source>Suspended or overdue</source>
        <translation>Suspendus ou impayés</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="133"/>
        <source>Cancelled or transferred</source>
        <translation>Annulés ou transférés</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="133"/>
        <source>In use</source>
        <translation>En service</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="134"/>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="134"/>
        <source>Blocked</source>
        <translation>Bloqués</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="135"/>
        <source>With a failed installment</source>
        <translation>Avec une échéance impayée</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="136"/>
        <source>In collection</source>
        <translation>En recouvrement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="136"/>
        <source>Not handed over</source>
        <translation>Non transmis</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="137"/>
        <source>Handed over</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="137"/>
        <source>Scheduled</source>
        <translation>Programmé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="138"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="138"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="139"/>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="139"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="140"/>
        <source>Suppressed</source>
        <translation>Retenu</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="190"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="191"/>
        <source>Credit notes</source>
        <translation>Avoirs</translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="165"/>
        <source>Card expires before the charge</source>
        <translation>La carte expire avant le prélèvement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="166"/>
        <source>Expires before its next charge</source>
        <translation>Expire avant son prochain prélèvement</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../renewdesk/ui/launch.py" line="50"/>
        <source>Check this computer&apos;s database (Settings &gt; Database, or `renewdesk database`), or start with --db FILE_OR_URL.</source>
        <translation>Vérifiez la base de données de cet ordinateur (Paramètres &gt; Base de données, ou `renewdesk database`), ou démarrez avec --db FICHIER_OU_URL.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/views/list_page.py" line="128"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Show every day</source>
        <translation>Afficher tous les jours</translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/models/table.py" line="149"/>
        <source>Next charge on %1</source>
        <translation>Prochain prélèvement le %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="40"/>
        <source>&amp;Run now</source>
        <translation>&amp;Lancer maintenant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="41"/>
        <source>Do everything due as of today: notices, charges, retries, e-mails</source>
        <translation>Faire tout ce qui est dû à ce jour : avis, prélèvements, relances, e-mails</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="43"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="44"/>
        <source>Show what a run would do, changing nothing</source>
        <translation>Montrer ce que ferait un traitement, sans rien changer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="45"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="46"/>
        <source>Rules, e-mail, daily run, language</source>
        <translation>Règles, e-mail, traitement quotidien, langue</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="47"/>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="48"/>
        <source>Search the current list</source>
        <translation>Rechercher dans la liste affichée</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="49"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="50"/>
        <source>Read the lists again</source>
        <translation>Relire les listes</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="51"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="52"/>
        <source>Close renewdesk</source>
        <translation>Fermer renewdesk</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="47"/>
        <source>renewdesk — %1</source>
        <translation>renewdesk — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="56"/>
        <source>&amp;Customers</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="57"/>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="58"/>
        <source>Payment &amp;methods</source>
        <translation>&amp;Moyens de paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="59"/>
        <source>Installment &amp;orders</source>
        <translation>Paiements &amp;échelonnés</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="60"/>
        <source>Re&amp;newals</source>
        <translation>Re&amp;nouvellements</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="61"/>
        <source>Co&amp;llections</source>
        <translation>Re&amp;couvrement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="62"/>
        <source>O&amp;utbox</source>
        <translation>&amp;Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="63"/>
        <source>Search by recipient, subject or kind</source>
        <translation>Rechercher par destinataire, objet ou type</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="67"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="67"/>
        <source>Search by type or subject</source>
        <translation>Rechercher par type ou sujet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="68"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="69"/>
        <source>Search by who, action or subject</source>
        <translation>Rechercher par auteur, action ou sujet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="73"/>
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="77"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="202"/>
        <source>Settings saved; the new database is used from the next start</source>
        <translation>Paramètres enregistrés ; la nouvelle base de données servira au prochain démarrage</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="204"/>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="213"/>
        <source>Next run: %1</source>
        <translation>Prochain traitement : %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="219"/>
        <source>Last run: %1</source>
        <translation>Dernier traitement : %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="220"/>
        <location filename="../../renewdesk/ui/main_window.py" line="294"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/main_window.py" line="246"/>
        <source>The daily run needs your go-ahead: %n day(s) to catch up</source>
        <translation>
            <numerusform>Le traitement quotidien attend votre accord : %n jour à rattraper</numerusform>
            <numerusform>Le traitement quotidien attend votre accord : %n jours à rattraper</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="272"/>
        <source>Problem: %1</source>
        <translation>Problème : %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="281"/>
        <source>Run as of %1 cancelled; the rest is done by the next run</source>
        <translation>Traitement du %1 interrompu ; le reste sera fait au prochain traitement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="283"/>
        <source>Run as of %1: %2 charge(s), %3 e-mail(s)</source>
        <translation>Traitement du %1 : %2 prélèvement(s), %3 e-mail(s)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="308"/>
        <source>; %1 call(s) turned away for the processor&apos;s rate limit, asked again (not declines)</source>
        <translation> ; %1 appel(s) refusé(s) par la limite de requêtes du prestataire, renvoyé(s) (ce ne sont pas des refus de paiement)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="296"/>
        <source>Dry run</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="35"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="39"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="42"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="49"/>
        <source>&amp;Actions</source>
        <translation>A&amp;ctions</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="52"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="119"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="120"/>
        <source>Delete %1? Only what has no history can be deleted; this cannot be undone.</source>
        <translation>Supprimer %1 ? Seul ce qui n'a pas d'historique peut être supprimé ; c'est définitif.</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="124"/>
        <source>Deleted %1</source>
        <translation>%1 supprimé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="132"/>
        <source>Cancel service</source>
        <translation>Résilier le service</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="133"/>
        <source>Cancel service %1? It is taken out of its scheduled renewal and no longer renewed.</source>
        <translation>Résilier le service %1 ? Il est retiré de son renouvellement programmé et ne sera plus renouvelé.</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="137"/>
        <source>Service %1 cancelled</source>
        <translation>Service %1 résilié</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="149"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="150"/>
        <source>Exchange files (*.json)</source>
        <translation>Fichiers d'échange (*.json)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="164"/>
        <source>%1 written (%2 customer(s))</source>
        <translation>%1 enregistré (%2 client(s))</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/menus.py" line="182"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="64"/>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="65"/>
        <source>A new customer, service or installment order, as the current list shows</source>
        <translation>Un nouveau client, service ou commande échelonnée, selon la liste affichée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="67"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="68"/>
        <source>Correct the selected customer, service or order</source>
        <translation>Corriger le client, le service ou la commande sélectionné</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="69"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="70"/>
        <source>Delete the selected object if it has no history</source>
        <translation>Supprimer l'élément sélectionné s'il n'a pas d'historique</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="72"/>
        <source>&amp;Cancel service…</source>
        <translation>&amp;Résilier le service…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="73"/>
        <source>Cancel the selected service: it is no longer renewed</source>
        <translation>Résilier le service sélectionné : il ne sera plus renouvelé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="75"/>
        <source>&amp;Import exchange file…</source>
        <translation>&amp;Importer un fichier d'échange…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="76"/>
        <source>Preview, then import a renewdesk exchange file</source>
        <translation>Prévisualiser, puis importer un fichier d'échange renewdesk</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="78"/>
        <source>Import &amp;CSV…</source>
        <translation>Importer un &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="79"/>
        <source>Import customers or services from a spreadsheet or another tool</source>
        <translation>Importer des clients ou des services depuis un tableur ou un autre outil</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="81"/>
        <source>E&amp;xport everything…</source>
        <translation>E&amp;xporter tout…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="82"/>
        <source>Save the whole portfolio as an exchange file</source>
        <translation>Enregistrer tout le portefeuille dans un fichier d'échange</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="84"/>
        <source>Export the &amp;selection…</source>
        <translation>Exporter la &amp;sélection…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="86"/>
        <source>Save the selected customers or services as an exchange file</source>
        <translation>Enregistrer les clients ou services sélectionnés dans un fichier d'échange</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="88"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/actions.py" line="90"/>
        <source>The keys of the window</source>
        <translation>Les touches de la fenêtre</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="57"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynchroniser</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="58"/>
        <source>Read what happened at the payment provider (late payments, refunds, disputes, cards) and conclude what it answered; nothing new is charged</source>
        <translation>Lire ce qui s&apos;est passé chez le prestataire de paiement (paiements tardifs, remboursements, contestations, cartes) et conclure ce qu&apos;il a répondu ; rien de nouveau n&apos;est prélevé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="67"/>
        <source>&amp;Invoices</source>
        <translation>Fac&amp;tures</translation>
    </message>
    <message>
        <source>&amp;First-run assistant…</source>
        <translation>Assistant de &amp;premier démarrage…</translation>
    </message>
    <message>
        <source>&amp;About renewdesk</source>
        <translation>À &amp;propos de renewdesk</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <source>&amp;Home (%1)</source>
        <translation>&amp;Accueil (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) need you</source>
        <translation>
            <numerusform>%n point vous attend</numerusform>
            <numerusform>%n points vous attendent</numerusform>
        </translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>No daily run from this window</source>
        <translation>Pas de traitement quotidien depuis cette fenêtre</translation>
    </message>
</context>
<context>
    <name>MethodsPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="154"/>
        <source>Search by reference, customer, holder or last 4</source>
        <translation>Rechercher par référence, client, titulaire ou 4 derniers chiffres</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="155"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Checking whether the order can have a final attempt…</source>
        <translation>Vérification : la commande peut-elle avoir une dernière tentative…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="173"/>
        <source>Find an order by reference, customer name or invoice number</source>
        <translation>Trouver une commande par référence, nom du client ou numéro de facture</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="175"/>
        <source>&amp;Update plan…</source>
        <translation>&amp;Modifier l&apos;échéancier…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="176"/>
        <source>Renew &amp;payment plan</source>
        <translation>Relancer l&apos;&amp;échéancier</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="178"/>
        <source>Hand to &amp;collection…</source>
        <translation>Transmettre au &amp;recouvrement…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="187"/>
        <source>Select one order</source>
        <translation>Sélectionnez une commande</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="190"/>
        <source>Another operation is under way</source>
        <translation>Une autre opération est en cours</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="193"/>
        <source>One fourth and final attempt for the installment whose automatic attempts are exhausted</source>
        <translation>Une quatrième et dernière tentative pour l&apos;échéance dont les tentatives automatiques sont épuisées</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="204"/>
        <source>Plan change sent to the customer, pending until %1</source>
        <translation>Changement d&apos;échéancier envoyé au client, en attente jusqu&apos;au %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="210"/>
        <source>Renew payment plan</source>
        <translation>Relancer l&apos;échéancier</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="211"/>
        <source>Start the final attempt for %1 now? It can be used once per installment.</source>
        <translation>Lancer maintenant la dernière tentative pour %1 ? Elle n&apos;est possible qu&apos;une fois par échéance.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="231"/>
        <source>Order %1 handed to collection (%2)</source>
        <translation>Commande %1 transmise au recouvrement (%2)</translation>
    </message>
</context>
<context>
    <name>PaymentMethodDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="39"/>
        <source>Replace %1</source>
        <translation>Remplacer %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="40"/>
        <source>Add a payment method</source>
        <translation>Ajouter un moyen de paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="61"/>
        <source>Reference:</source>
        <translation>Référence :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="62"/>
        <source>Processor token:</source>
        <translation>Jeton du prestataire :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="63"/>
        <source>Brand:</source>
        <translation>Réseau :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="64"/>
        <source>Last 4 digits:</source>
        <translation>4 derniers chiffres :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="65"/>
        <source>Expiry:</source>
        <translation>Expiration :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="66"/>
        <source>Holder:</source>
        <translation>Titulaire :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="68"/>
        <source>Never type a card number here: renewdesk keeps only the processor&apos;s token and the last 4 digits.</source>
        <translation>Ne saisissez jamais de numéro de carte ici : renewdesk ne conserve que le jeton du prestataire et les 4 derniers chiffres.</translation>
    </message>
</context>
<context>
    <name>PlanUpdateDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="43"/>
        <source>Update plan — %1</source>
        <translation>Modifier l&apos;échéancier — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="47"/>
        <source>e.g. %1</source>
        <translation>par ex. %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="87"/>
        <source>%1, to be confirmed by %2</source>
        <translation>%1, à confirmer avant le %2</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="88"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="89"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="89"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="89"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="59"/>
        <source>&amp;Send request</source>
        <translation>&amp;Envoyer la demande</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="62"/>
        <source>Current amount:</source>
        <translation>Montant actuel :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="63"/>
        <source>Minimum:</source>
        <translation>Minimum :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="64"/>
        <source>Pending change:</source>
        <translation>Changement en attente :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="65"/>
        <source>New amount (%1):</source>
        <translation>Nouveau montant (%1) :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="67"/>
        <source>The count and the interval of installments do not change. The customer is e-mailed a link to confirm; the new amount applies from the next installment after the confirmation.</source>
        <translation>Le nombre et l&apos;intervalle des échéances ne changent pas. Le client reçoit un lien de confirmation par e-mail ; le nouveau montant s&apos;applique à partir de l&apos;échéance qui suit la confirmation.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="73"/>
        <source>Earlier requests:</source>
        <translation>Demandes précédentes :</translation>
    </message>
    <message>
        <source>The plan&apos;s installments</source>
        <translation>Les échéances du plan</translation>
    </message>
</context>
<context>
    <name>ProForma</name>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="17"/>
        <source>Early renewal for one period. This is not an invoice and nothing has been charged.</source>
        <translation>Renouvellement anticipé pour une période. Ceci n&apos;est pas une facture et rien n&apos;a été prélevé.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="23"/>
        <source>Pro-forma invoice</source>
        <translation>Facture pro forma</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="24"/>
        <source>preview, not numbered yet</source>
        <translation>aperçu, pas encore numérotée</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="25"/>
        <source>Issued on</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="26"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="27"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="28"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="29"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="30"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ProFormaDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="38"/>
        <source>Pro-forma invoices</source>
        <translation>Factures pro forma</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="47"/>
        <source>&amp;Number and save PDF…</source>
        <translation>&amp;Numéroter et enregistrer le PDF…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="51"/>
        <source>%n pro-forma(s); numbers are given when saved. Nothing is charged.</source>
        <translation>
            <numerusform>%n pro forma ; le numéro est attribué à l&apos;enregistrement. Rien n&apos;est prélevé.</numerusform>
            <numerusform>%n pro forma ; les numéros sont attribués à l&apos;enregistrement. Rien n&apos;est prélevé.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="58"/>
        <source>Save pro-formas</source>
        <translation>Enregistrer les pro forma</translation>
    </message>
    <message>
        <source>Preview of the pro-forma invoices</source>
        <translation>Aperçu des factures pro forma</translation>
    </message>
</context>
<context>
    <name>RemoveMethod</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/remove_method.py" line="19"/>
        <source>Remove payment method</source>
        <translation>Supprimer le moyen de paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/remove_method.py" line="20"/>
        <source>Remove %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
</context>
<context>
    <name>RenewalsPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="256"/>
        <source>Search by renewal or customer</source>
        <translation>Rechercher par renouvellement ou client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="257"/>
        <source>Cancel &amp;renewal…</source>
        <translation>Annuler le &amp;renouvellement…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="275"/>
        <source>Renewal %1 cancelled</source>
        <translation>Renouvellement %1 annulé</translation>
    </message>
</context>
<context>
    <name>RunProgressDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="22"/>
        <source>Settling unfinished attempts</source>
        <translation>Règlement des tentatives inachevées</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="23"/>
        <source>Expiring plan changes and links</source>
        <translation>Expiration des changements d&apos;échéancier et des liens</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="24"/>
        <source>Renewal notices</source>
        <translation>Avis de renouvellement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="25"/>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="26"/>
        <source>Charges</source>
        <translation>Prélèvements</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="27"/>
        <source>Retries</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="28"/>
        <source>Suspensions</source>
        <translation>Suspensions</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="29"/>
        <source>Usage invoices</source>
        <translation>Factures de consommation</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="30"/>
        <source>Sending e-mails</source>
        <translation>Envoi des e-mails</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="41"/>
        <source>Dry run</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="41"/>
        <source>Run</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="43"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="61"/>
        <source>%n charge(s) done</source>
        <translation>
            <numerusform>%n prélèvement effectué</numerusform>
            <numerusform>%n prélèvements effectués</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="65"/>
        <source>Stopping after the charges under way…</source>
        <translation>Arrêt après les prélèvements en cours…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="22"/>
        <source>Reading the payment provider&apos;s events</source>
        <translation>Lecture des événements du prestataire de paiement</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="91"/>
        <source>Search by service, label or customer name</source>
        <translation>Rechercher par service, libellé ou nom du client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="92"/>
        <source>&amp;Bulk recurrence…</source>
        <translation>Récurrence &amp;groupée…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="94"/>
        <source>Pro-forma (&amp;Renew)…</source>
        <translation>Pro forma (&amp;Renouveler)…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="95"/>
        <source>Pay &amp;now (manual renewal)</source>
        <translation>Payer &amp;maintenant (renouvellement manuel)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/views/pages.py" line="122"/>
        <source>Auto-renew changed for %n service(s)</source>
        <translation>
            <numerusform>Renouvellement automatique modifié pour %n service</numerusform>
            <numerusform>Renouvellement automatique modifié pour %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="133"/>
        <source>Pro-formas saved to %1</source>
        <translation>Pro forma enregistrées dans %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="138"/>
        <source>Pay now</source>
        <translation>Payer maintenant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="139"/>
        <source>Charge %1 now for one period (plus the reactivation fee if it is suspended)?</source>
        <translation>Prélever %1 maintenant pour une période (plus les frais de réactivation s&apos;il est suspendu) ?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="54"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="63"/>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="63"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="64"/>
        <source>Scheduler</source>
        <translation>Planificateur</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="78"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="83"/>
        <source>Interface language:</source>
        <translation>Langue de l&apos;interface :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="84"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="92"/>
        <source>Save in the system &amp;keyring</source>
        <translation>Enregistrer dans le &amp;trousseau du système</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="96"/>
        <source>Stripe secret key:</source>
        <translation>Clé secrète Stripe :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="98"/>
        <source>Stored:</source>
        <translation>Enregistrée :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="101"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="127"/>
        <source>Empty: the SQLite file on this computer. For a team, the shared PostgreSQL database, e.g. postgresql+psycopg://alice@server:5432/renewdesk (its password goes to the system keyring). Takes effect when renewdesk next starts. To copy this portfolio into a new team database: renewdesk migrate-db --to URL.</source>
        <translation>Vide : le fichier SQLite de cet ordinateur. Pour une équipe, la base PostgreSQL partagée, par ex. postgresql+psycopg://alice@serveur:5432/renewdesk (son mot de passe va dans le trousseau du système). Prend effet au prochain démarrage de renewdesk. Pour copier ce portefeuille dans une nouvelle base d&apos;équipe : renewdesk migrate-db --to URL.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="132"/>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="133"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="147"/>
        <source>Renewal notice, days before expiry:</source>
        <translation>Avis de renouvellement, jours avant l&apos;échéance :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="148"/>
        <source>Charge, days before expiry:</source>
        <translation>Prélèvement, jours avant l&apos;échéance :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="149"/>
        <source>Minimum days between notice and charge:</source>
        <translation>Jours minimum entre l&apos;avis et le prélèvement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="150"/>
        <source>Renewal retries, days after the charge:</source>
        <translation>Relances des renouvellements, jours après le prélèvement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="151"/>
        <source>Reactivation fee:</source>
        <translation>Frais de réactivation :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="152"/>
        <source>Installment retries, days after due:</source>
        <translation>Relances des échéances, jours après l&apos;échéance :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="153"/>
        <source>Minimum installment:</source>
        <translation>Échéance minimale :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="154"/>
        <source>Days to confirm a plan change:</source>
        <translation>Jours pour confirmer un changement d&apos;échéancier :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="155"/>
        <source>Day of the month for expiring-card e-mails:</source>
        <translation>Jour du mois des e-mails de carte expirante :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="156"/>
        <source>Removing a payment method:</source>
        <translation>Suppression d&apos;un moyen de paiement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="157"/>
        <source>Try the customer&apos;s other methods</source>
        <translation>Essayer les autres moyens du client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="158"/>
        <source>Customer links valid for, days:</source>
        <translation>Validité des liens clients, en jours :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="159"/>
        <source>Your e-mail for alerts:</source>
        <translation>Votre e-mail pour les alertes :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="160"/>
        <source>Language of your alerts:</source>
        <translation>Langue de vos alertes :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="161"/>
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="161"/>
        <source>SMTP port:</source>
        <translation>Port SMTP :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="162"/>
        <source>Sender address:</source>
        <translation>Adresse d&apos;expédition :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="162"/>
        <source>SMTP user:</source>
        <translation>Utilisateur SMTP :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="163"/>
        <source>Use STARTTLS</source>
        <translation>Utiliser STARTTLS</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="164"/>
        <source>Webhook URL:</source>
        <translation>URL du webhook :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="165"/>
        <source>Public address of customer links:</source>
        <translation>Adresse publique des liens clients :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="166"/>
        <source>Daily run at:</source>
        <translation>Traitement quotidien à :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="167"/>
        <source>Business time zone:</source>
        <translation>Fuseau horaire de l&apos;entreprise :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="168"/>
        <source>Parallel processor calls:</source>
        <translation>Appels simultanés au prestataire :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="169"/>
        <source>Processor requests per second:</source>
        <translation>Requêtes par seconde au prestataire :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="212"/>
        <source>By mode (25/s test, 100/s live)</source>
        <translation>Selon le mode (25/s en test, 100/s en production)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="213"/>
        <source>Automatic (as the rate limit needs)</source>
        <translation>Automatique (selon la limite de requêtes)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/settings.py" line="93"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/settings.py" line="224"/>
        <source>Stripe live mode</source>
        <translation>Stripe en mode réel</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/settings.py" line="225"/>
        <source>This key is a LIVE key: from now on, runs take real money from your customers&apos; cards and accounts. Switch to live mode?</source>
        <translation>Cette clé est une clé RÉELLE (live) : désormais, les passages prélèvent de l'argent réel sur les cartes et les comptes de vos clients. Passer en mode réel ?</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/settings.py" line="227"/>
        <source>Live mode not confirmed: nothing was saved.</source>
        <translation>Mode réel non confirmé : rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="162"/>
        <source>Disputed payments:</source>
        <translation>Paiements contestés :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="178"/>
        <source>Suspend the services a disputed payment paid for, until the dispute is settled</source>
        <translation>Suspendre les services qu&apos;un paiement contesté a payés, jusqu&apos;au règlement de la contestation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/settings.py" line="111"/>
        <source>Seller</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/settings.py" line="273"/>
        <source>Seller: a value is not valid; nothing was saved.</source>
        <translation>Vendeur : une valeur n'est pas valide ; rien n'a été enregistré.</translation>
    </message>
</context>
<context>
    <name>SinceLastRunDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="28"/>
        <source>Since last run</source>
        <translation>Depuis le dernier traitement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="29"/>
        <source>The last run was as of %1: %n day(s) to catch up, in date order, up to %2.</source>
        <translation>
            <numerusform>Le dernier traitement date du %1 : %n jour à rattraper, dans l&apos;ordre des dates, jusqu&apos;au %2.</numerusform>
            <numerusform>Le dernier traitement date du %1 : %n jours à rattraper, dans l&apos;ordre des dates, jusqu&apos;au %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="36"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="36"/>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="41"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="36"/>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="41"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="37"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="37"/>
        <source>Expected</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="41"/>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="42"/>
        <source>Charge on</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="46"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="46"/>
        <source>To</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="48"/>
        <source>Suspensions: %1
Usage invoices: %2
Plan changes expiring: %3</source>
        <translation>Suspensions : %1
Factures de consommation : %2
Changements d&apos;échéancier expirant : %3</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="53"/>
        <source>Charges (%1)</source>
        <translation>Prélèvements (%1)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="54"/>
        <source>Notices (%1)</source>
        <translation>Avis (%1)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="55"/>
        <source>E-mails (%1)</source>
        <translation>E-mails (%1)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="56"/>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="58"/>
        <source>&amp;Go ahead</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="59"/>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Prélèvements</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../renewdesk/ui/startup.py" line="47"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="80"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="80"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="81"/>
        <source>Overdue</source>
        <translation>Impayé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="81"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="82"/>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="82"/>
        <source>Scheduled</source>
        <translation>Programmé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="83"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="83"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="84"/>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="84"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="85"/>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="85"/>
        <source>In collection</source>
        <translation>En recouvrement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="86"/>
        <source>Payment failed</source>
        <translation>Paiement échoué</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="86"/>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="87"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="87"/>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="88"/>
        <source>Blocked (hard decline)</source>
        <translation>Bloqué (refus définitif)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="88"/>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="89"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="89"/>
        <source>Suppressed</source>
        <translation>Retenu</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="90"/>
        <source>Not handed over</source>
        <translation>Non transmis</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="90"/>
        <source>Handed over</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="91"/>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="91"/>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="92"/>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="92"/>
        <source>Replaced</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="93"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="127"/>
        <source>Waiting for the customer</source>
        <translation>En attente du client</translation>
    </message>
    <message>
        <source>Recovered by a retry</source>
        <translation>Récupéré par une relance</translation>
    </message>
    <message>
        <source>Paid by the customer</source>
        <translation>Payé par le client</translation>
    </message>
    <message>
        <source>By a manual attempt</source>
        <translation>Par une tentative manuelle</translation>
    </message>
    <message>
        <source>Lost or still unpaid</source>
        <translation>Perdu ou encore impayé</translation>
    </message>
</context>
<context>
    <name>Word</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="148"/>
        <source>monthly</source>
        <translation>mensuel</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="148"/>
        <source>weekly</source>
        <translation>hebdomadaire</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="149"/>
        <source>card</source>
        <translation>carte</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="149"/>
        <location filename="../../renewdesk/ui/i18n.py" line="150"/>
        <source>SEPA debit</source>
        <translation>prélèvement SEPA</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="150"/>
        <source>domain</source>
        <translation>domaine</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="151"/>
        <source>hosting</source>
        <translation>hébergement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="151"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="152"/>
        <source>SSL certificate</source>
        <translation>certificat SSL</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="152"/>
        <source>letters</source>
        <translation>courriers</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="153"/>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="153"/>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="205"/>
        <source>invoice</source>
        <translation>facture</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="205"/>
        <source>credit note</source>
        <translation>avoir</translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="60"/>
        <source>paid</source>
        <translation>payé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="60"/>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="61"/>
        <source>pending (debit under way)</source>
        <translation>en attente (prélèvement en cours)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="62"/>
        <source>unknown: the next run asks the processor</source>
        <translation>inconnu : le prochain traitement interroge le prestataire</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="63"/>
        <source>nothing was due</source>
        <translation>rien n&apos;était dû</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="64"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="66"/>
        <source>Charge</source>
        <translation>Prélèvement</translation>
    </message>
</context>
<context>
    <name>old</name>
    <message>
        <location filename="../../renewdesk/ui/launch.py" line="33"/>
        <source>The new language applies after the run</source>
        <translation>La nouvelle langue s&apos;appliquera après le traitement</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Another operation is under way; try again when it has finished.</source>
        <translation>Une autre opération est en cours ; réessayez quand elle sera terminée.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="56"/>
        <source>Import CSV — %1</source>
        <translation>Importer un CSV — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="60"/>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="61"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="64"/>
        <source>Semicolon ;</source>
        <translation>Point-virgule ;</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="65"/>
        <source>Comma ,</source>
        <translation>Virgule ,</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="66"/>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="69"/>
        <source>Comma (1 234,50)</source>
        <translation>Virgule (1 234,50)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="70"/>
        <source>Point (1234.50)</source>
        <translation>Point (1234.50)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="72"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="76"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="79"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="85"/>
        <source>Import:</source>
        <translation>Importer :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="86"/>
        <source>Start from:</source>
        <translation>Partir de :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="87"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="89"/>
        <source>Delimiter:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="90"/>
        <source>Encoding:</source>
        <translation>Encodage :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="91"/>
        <source>Decimal mark:</source>
        <translation>Séparateur décimal :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="92"/>
        <source>Dates:</source>
        <translation>Dates :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="107"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="125"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="145"/>
        <source>%1: %2 rows, columns: %3</source>
        <translation>%1 : %2 lignes, colonnes : %3</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="163"/>
        <source>Last mapping used</source>
        <translation>Dernière correspondance utilisée</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="166"/>
        <source>WHMCS clients export</source>
        <translation>Export des clients WHMCS</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="167"/>
        <source>WHMCS products/services export</source>
        <translation>Export des produits/services WHMCS</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="169"/>
        <source>Columns named like the fields</source>
        <translation>Colonnes nommées comme les champs</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="176"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="247"/>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="273"/>
        <source>%1 imported</source>
        <translation>%1 importé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="281"/>
        <source>Import a CSV file</source>
        <translation>Importer un fichier CSV</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="282"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="141"/>
        <source>First rows as they will be imported:</source>
        <translation>Premières lignes telles qu'elles seront importées :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="247"/>
        <source>Default when empty</source>
        <translation>Par défaut si vide</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="248"/>
        <source>The value given when the column is not chosen or its cell is empty</source>
        <translation>La valeur donnée quand la colonne n'est pas choisie ou que sa cellule est vide</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="343"/>
        <source>Detect (found: %1)</source>
        <translation>Détecter (trouvé : %1)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="352"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="360"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="360"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>The first rows as they will be imported</source>
        <translation>Les premières lignes telles qu&apos;elles seront importées</translation>
    </message>
    <message>
        <source>%1: value when empty</source>
        <translation>%1 : valeur si vide</translation>
    </message>
</context>
<context>
    <name>ImportFileDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="42"/>
        <source>Import %1</source>
        <translation>Importer %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="45"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="50"/>
        <source>What importing %1 would do. Nothing is written until you choose Import; a file with refusals is not imported at all.</source>
        <translation>Ce que ferait l'import de %1. Rien n'est enregistré avant de choisir Importer ; un fichier qui a des refus n'est pas importé du tout.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="62"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="83"/>
        <source>%1 imported</source>
        <translation>%1 importé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="91"/>
        <source>Import an exchange file</source>
        <translation>Importer un fichier d'échange</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="92"/>
        <source>Exchange files (*.json);;All files (*)</source>
        <translation>Fichiers d'échange (*.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="17"/>
        <source>Not previewed yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="29"/>
        <source>Refusals:</source>
        <translation>Refus :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="33"/>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="33"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="34"/>
        <source>Payment methods</source>
        <translation>Moyens de paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="35"/>
        <source>Installment orders</source>
        <translation>Commandes à échéances</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="36"/>
        <source>Usage records</source>
        <translation>Relevés d'usage</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="36"/>
        <source>Renewals</source>
        <translation>Renouvellements</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="37"/>
        <source>Usage invoices</source>
        <translation>Factures d'usage</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="38"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="38"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="44"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="44"/>
        <source>Created</source>
        <translation>Créés</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="44"/>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="50"/>
        <source>Nothing is refused: %1 created, %2 updated. Nothing has been written yet.</source>
        <translation>Aucun refus : %1 créés, %2 mis à jour. Rien n'a encore été enregistré.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="56"/>
        <source> (the first %1 are listed)</source>
        <translation> (les %1 premiers sont listés)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="58"/>
        <source>%1 refusal(s): nothing can be imported until they are corrected.</source>
        <translation>%1 refus : rien ne peut être importé avant leur correction.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="68"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>What would be created and updated</source>
        <translation>Ce qui serait créé et mis à jour</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="141"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="141"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="171"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="207"/>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="227"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="319"/>
        <source>Which customer (or service) is it for?</source>
        <translation>Pour quel client (ou service) ?</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="335"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="381"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="398"/>
        <source>What you had typed:</source>
        <translation>Ce que vous aviez saisi :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="436"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="436"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="442"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="278"/>
        <source>default: %1 %</source>
        <translation>par défaut : %1 %</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="53"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="54"/>
        <source>empty: given when saved</source>
        <translation>vide : attribuée à l'enregistrement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="56"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="57"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="58"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="59"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="60"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="61"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="62"/>
        <source>Send e-mails to this customer</source>
        <translation>Envoyer des e-mails à ce client</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="69"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="70"/>
        <source>e.g. domain, hosting</source>
        <translation>p. ex. domaine, hébergement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="71"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="72"/>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="73"/>
        <source>By period</source>
        <translation>Par période</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="74"/>
        <source>By usage</source>
        <translation>À la consommation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="75"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="76"/>
        <source>Price per period</source>
        <translation>Prix par période</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="77"/>
        <source>Period (months)</source>
        <translation>Période (mois)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="78"/>
        <source>Price per unit</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="79"/>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="80"/>
        <source>Payment method</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="81"/>
        <source>Billing contact</source>
        <translation>Contact de facturation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="82"/>
        <source>Renew automatically</source>
        <translation>Renouveler automatiquement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="84"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="85"/>
        <source>Invoice number</source>
        <translation>Numéro de facture</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="86"/>
        <source>Number of installments</source>
        <translation>Nombre d'échéances</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="87"/>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="88"/>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="89"/>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="91"/>
        <source>Installment amount</source>
        <translation>Montant de l'échéance</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="92"/>
        <source>First due on</source>
        <translation>Première échéance le</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="93"/>
        <source>Paid by</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="94"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="95"/>
        <source>SEPA direct debit</source>
        <translation>Prélèvement SEPA</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="97"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="98"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="103"/>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="104"/>
        <source>New billing contact for %1</source>
        <translation>Nouveau contact de facturation pour %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="105"/>
        <source>New service for %1</source>
        <translation>Nouveau service pour %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="106"/>
        <source>New installment order for %1</source>
        <translation>Nouvelle commande échelonnée pour %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="107"/>
        <source>New usage record for %1</source>
        <translation>Nouveau relevé de consommation pour %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="108"/>
        <source>Customer %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="109"/>
        <source>Billing contact %1</source>
        <translation>Contact de facturation %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="110"/>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="111"/>
        <source>Installment order %1</source>
        <translation>Commande échelonnée %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="112"/>
        <source>Usage record %1</source>
        <translation>Relevé de consommation %1</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="107"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="108"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="109"/>
        <source>Customer at the processor</source>
        <translation>Client chez le prestataire de paiement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="67"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="68"/>
        <source>Business customer (invoices carry its SIREN or VAT number)</source>
        <translation>Client professionnel (ses factures portent son SIREN ou son n° de TVA)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="70"/>
        <source>VAT number</source>
        <translation>N° de TVA intracommunautaire</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="71"/>
        <source>e.g. FR44732829320</source>
        <translation>par exemple FR44732829320</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="72"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="73"/>
        <source>9 digits</source>
        <translation>9 chiffres</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/record_form.py" line="87"/>
        <source>VAT rate (%)</source>
        <translation>Taux de TVA (%)</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <location filename="../work/main/renewdesk/ui/mode_badge.py" line="17"/>
        <source>Sandbox: no real money</source>
        <translation>Bac à sable : pas d'argent réel</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/mode_badge.py" line="18"/>
        <source>Stripe test mode</source>
        <translation>Stripe en mode test</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/mode_badge.py" line="19"/>
        <source>Stripe LIVE</source>
        <translation>Stripe RÉEL (live)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/mode_badge.py" line="20"/>
        <source>Stripe: key missing, nothing is charged</source>
        <translation>Stripe : clé manquante, rien n'est prélevé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/mode_badge.py" line="33"/>
        <source>The payment processor: Settings &gt; Payments</source>
        <translation>Le prestataire de paiement : Paramètres &gt; Paiements</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="42"/>
        <source>Sandbox: no real money</source>
        <translation>Bac à sable : pas d'argent réel</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="54"/>
        <source>sk_test_… or sk_live_…</source>
        <translation>sk_test_… ou sk_live_…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="56"/>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="59"/>
        <source>&amp;Test the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="62"/>
        <source>&amp;Remove the saved key</source>
        <translation>&amp;Retirer la clé enregistrée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="69"/>
        <source>The sandbox works without an account: Stripe&apos;s test payment methods behave as documented and no money moves. With Stripe, the secret key (Stripe&apos;s Dashboard, Developers, API keys) goes to this computer&apos;s system keyring when you save, after Stripe has accepted it; a test key (sk_test_) takes no real money, a live key (sk_live_) does, and choosing one asks you first.</source>
        <translation>Le bac à sable fonctionne sans compte : les moyens de paiement de test de Stripe s'y comportent comme documenté et aucun argent ne circule. Avec Stripe, la clé secrète (tableau de bord Stripe, Développeurs, Clés API) va dans le trousseau système de cet ordinateur à l'enregistrement, une fois acceptée par Stripe ; une clé de test (sk_test_) ne prélève pas d'argent réel, une clé réelle (sk_live_) si, et la choisir vous est demandé d'abord.</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="80"/>
        <source>Payment processor:</source>
        <translation>Prestataire de paiement :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="82"/>
        <source>Stripe secret key:</source>
        <translation>Clé secrète Stripe :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="83"/>
        <source>Saved key:</source>
        <translation>Clé enregistrée :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="85"/>
        <source>Connection:</source>
        <translation>Connexion :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="109"/>
        <source>saved in this computer&apos;s system keyring</source>
        <translation>enregistrée dans le trousseau système de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="110"/>
        <source>from the environment (RENEWDESK_STRIPE_SECRET_KEY)</source>
        <translation>fournie par l'environnement (RENEWDESK_STRIPE_SECRET_KEY)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="111"/>
        <source>saved in a plain-text file (renewdesk secret status says where)</source>
        <translation>enregistrée dans un fichier en clair (renewdesk secret status dit où)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="113"/>
        <source>none saved</source>
        <translation>aucune enregistrée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="116"/>
        <source>RENEWDESK_GATEWAY=%1 is set on this computer: it overrides this choice.</source>
        <translation>RENEWDESK_GATEWAY=%1 est défini sur cet ordinateur : il l'emporte sur ce choix.</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="140"/>
        <source>Asking Stripe…</source>
        <translation>Question à Stripe…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="152"/>
        <source>(Stripe does not give its name to this key)</source>
        <translation>(Stripe ne donne pas son nom à cette clé)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="153"/>
        <source>Connected to %1: %2</source>
        <translation>Connecté à %1 : %2</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="176"/>
        <source>The saved key was removed.</source>
        <translation>La clé enregistrée a été retirée.</translation>
    </message>
    <message>
        <location filename="hp/renewdesk/ui/dialogs/payments_settings.py" line="78"/>
        <source>renewdesk&apos;s pages (serve-links at a public address)</source>
        <translation>les pages de renewdesk (serve-links à une adresse publique)</translation>
    </message>
    <message>
        <location filename="hp/renewdesk/ui/dialogs/payments_settings.py" line="80"/>
        <source>Stripe&apos;s hosted page (no server needed)</source>
        <translation>la page hébergée par Stripe (sans serveur)</translation>
    </message>
    <message>
        <location filename="hp/renewdesk/ui/dialogs/payments_settings.py" line="85"/>
        <source>Failure e-mails link to a page where the customer pays. renewdesk&apos;s pages need serve-links reachable by customers over HTTPS, and let a customer confirm a payment their bank holds. Stripe&apos;s page needs no server here: made with the e-mail, it works 24 hours, then sends the customer back to the address above; the next run records the payment. The sandbox has none: it keeps renewdesk&apos;s.</source>
        <translation>Les e-mails d&apos;échec mènent à une page où le client paie. Les pages de renewdesk demandent serve-links joignable par les clients en HTTPS, et permettent de confirmer un paiement retenu par la banque. La page de Stripe ne demande pas de serveur ici : créée avec l&apos;e-mail, elle vaut 24 heures, puis renvoie le client à l&apos;adresse ci-dessus ; le traitement suivant enregistre le paiement. Le bac à sable n&apos;en a pas : il garde celles de renewdesk.</translation>
    </message>
    <message>
        <location filename="hp/renewdesk/ui/dialogs/payments_settings.py" line="105"/>
        <source>Pay-now links:</source>
        <translation>Liens de paiement :</translation>
    </message>
    <message>
        <location filename="hp/renewdesk/ui/dialogs/payments_settings.py" line="106"/>
        <source>Back to (after paying):</source>
        <translation>Retour (après paiement) :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="87"/>
        <source>pk_live_… (for the bank&apos;s step on renewdesk&apos;s page)</source>
        <translation>pk_live_… (pour l'étape de la banque sur la page de renewdesk)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/payments_settings.py" line="110"/>
        <source>Stripe publishable key:</source>
        <translation>Clé publiable Stripe :</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="92"/>
        <source>Renewal scheduled</source>
        <translation>Renouvellement programmé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="93"/>
        <source>Renewal paid</source>
        <translation>Renouvellement payé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="94"/>
        <source>Renewal payment failed</source>
        <translation>Échec du paiement du renouvellement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="95"/>
        <source>Renewal cancelled</source>
        <translation>Renouvellement annulé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="96"/>
        <source>Renewal expired</source>
        <translation>Renouvellement expiré</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="97"/>
        <source>Manual renewal</source>
        <translation>Renouvellement manuel</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="98"/>
        <source>Installment paid</source>
        <translation>Échéance payée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="99"/>
        <source>Installment payment failed</source>
        <translation>Échec du paiement de l'échéance</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="100"/>
        <source>Usage invoiced</source>
        <translation>Consommation facturée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="101"/>
        <source>Usage paid</source>
        <translation>Consommation payée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="102"/>
        <source>Usage payment failed</source>
        <translation>Échec du paiement de la consommation</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="103"/>
        <source>Paid by the customer</source>
        <translation>Payé par le client</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="104"/>
        <source>Customer&apos;s payment declined</source>
        <translation>Paiement du client refusé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="105"/>
        <source>Service suspended</source>
        <translation>Service suspendu</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="106"/>
        <source>Service reactivated</source>
        <translation>Service réactivé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="107"/>
        <source>Service overdue</source>
        <translation>Service en retard de paiement</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="108"/>
        <source>Plan change requested</source>
        <translation>Changement d'échéancier demandé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="109"/>
        <source>Plan change confirmed</source>
        <translation>Changement d'échéancier confirmé</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="110"/>
        <source>Plan change expired</source>
        <translation>Changement d'échéancier expiré</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="111"/>
        <source>Order completed</source>
        <translation>Commande terminée</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/i18n.py" line="112"/>
        <source>Handed to collection</source>
        <translation>Remis au recouvrement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="113"/>
        <source>Payment refunded</source>
        <translation>Paiement remboursé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="114"/>
        <source>Refund failed</source>
        <translation>Remboursement échoué</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="115"/>
        <source>Payment disputed by the customer</source>
        <translation>Paiement contesté par le client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="116"/>
        <source>Dispute closed</source>
        <translation>Contestation close</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="117"/>
        <source>Payment method changed</source>
        <translation>Moyen de paiement modifié</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../renewdesk/ui/alerts.py" line="29"/>
        <source>A customer disputed a payment: %1, %2</source>
        <translation>Un client a contesté un paiement : %1, %2</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/alerts.py" line="32"/>
        <source>A customer disputed a payment: %1, %2, answer by %3</source>
        <translation>Un client a contesté un paiement : %1, %2, à répondre avant le %3</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/alerts.py" line="36"/>
        <source> (suspended until it is settled: %1)</source>
        <translation> (suspendu jusqu&apos;à son règlement : %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/alerts.py" line="90"/>
        <source>%n payments disputed; the last: %1</source>
        <translation>
            <numerusform>%n paiement contesté ; le dernier : %1</numerusform>
            <numerusform>%n paiements contestés ; le dernier : %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/alerts.py" line="99"/>
        <source>Payment disputed</source>
        <translation>Paiement contesté</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/alerts.py" line="100"/>
        <source>Answer the payment provider with your evidence before the date given, or the money goes back to the customer. The customer&apos;s payments show the dispute.</source>
        <translation>Répondez au prestataire de paiement avec vos justificatifs avant la date indiquée, sinon l&apos;argent est rendu au client. Les paiements du client montrent la contestation.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/alerts.py" line="109"/>
        <source>Open the customer</source>
        <translation>Ouvrir le client</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="51"/>
        <source>⚠ Disputed: %1</source>
        <translation>⚠ Contesté : %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="52"/>
        <source>⚠ Disputed: %1, answer by %2</source>
        <translation>⚠ Contesté : %1, à répondre avant le %2</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="54"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="55"/>
        <source>Partly refunded</source>
        <translation>Remboursé en partie</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="56"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="57"/>
        <source>Dispute won</source>
        <translation>Contestation gagnée</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="58"/>
        <source>Dispute lost</source>
        <translation>Contestation perdue</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="67"/>
        <source>%1 (%2 not yet confirmed)</source>
        <translation>%1 (dont %2 pas encore confirmé)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="202"/>
        <source>Select a payment</source>
        <translation>Choisissez un paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="204"/>
        <source>This payment was not taken through the payment provider</source>
        <translation>Ce paiement n&apos;a pas été pris par le prestataire de paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="206"/>
        <source>This payment is refunded in full</source>
        <translation>Ce paiement est remboursé en totalité</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="206"/>
        <source>The customer disputed this payment: answer the dispute at the payment provider rather than refund it</source>
        <translation>Le client a contesté ce paiement : répondez à la contestation chez le prestataire de paiement plutôt que de le rembourser</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="209"/>
        <source>The customer&apos;s bank gave this payment back to them (the dispute was lost)</source>
        <translation>La banque du client lui a rendu ce paiement (la contestation est perdue)</translation>
    </message>
</context>
<context>
    <name>PaymentsList</name>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="171"/>
        <source>Re&amp;fund…</source>
        <translation>Rem&amp;bourser…</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="106"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="106"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="106"/>
        <source>What was paid</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="106"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="107"/>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="107"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="107"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/payments_list.py" line="130"/>
        <source>The customer disputed this payment with their bank. Answer the payment provider before the date shown, or the money goes back to the customer.</source>
        <translation>Le client a contesté ce paiement auprès de sa banque. Répondez au prestataire de paiement avant la date indiquée, sinon l&apos;argent lui est rendu.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="60"/>
        <source>%1 refunded to %2 (refund %3).</source>
        <translation>%1 remboursé à %2 (remboursement %3).</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="63"/>
        <source>The refund of %1 to %2 was accepted by the payment provider; it completes in a few days (refund %3).</source>
        <translation>Le remboursement de %1 à %2 a été accepté par le prestataire de paiement ; il aboutit d&apos;ici quelques jours (remboursement %3).</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="68"/>
        <source>The refund of %1 to %2 was not made: %3.</source>
        <translation>Le remboursement de %1 à %2 n&apos;a pas été fait : %3.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="70"/>
        <source>The payment provider has not answered about the refund of %1 to %2 yet: the next run asks it. Do not refund it again (refund %3).</source>
        <translation>Le prestataire de paiement n&apos;a pas encore répondu pour le remboursement de %1 à %2 : le prochain passage le lui demande. Ne le remboursez pas une seconde fois (remboursement %3).</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="80"/>
        <source>Refund %1</source>
        <translation>Rembourser %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="86"/>
        <source>Customer:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="87"/>
        <source>Payment:</source>
        <translation>Paiement :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="87"/>
        <source>%1, on %2 with %3</source>
        <translation>%1, le %2 avec %3</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="92"/>
        <source>For:</source>
        <translation>Pour :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="93"/>
        <source>Paid:</source>
        <translation>Payé :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="94"/>
        <source>Already refunded:</source>
        <translation>Déjà remboursé :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="97"/>
        <source>Can be refunded:</source>
        <translation>Remboursable :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="99"/>
        <source>&amp;All of what is left (%1)</source>
        <translation>&amp;Tout ce qui reste (%1)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="102"/>
        <source>&amp;This amount:</source>
        <translation>&amp;Ce montant :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="126"/>
        <source>Why, in a few words (kept in the audit log)</source>
        <translation>Pourquoi, en quelques mots (gardé dans le journal d&apos;audit)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="129"/>
        <source>The customer is told by e-mail once the refund is made. A refund does not change when their services expire.</source>
        <translation>Le client est prévenu par e-mail une fois le remboursement fait. Un remboursement ne change pas l&apos;échéance de ses services.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="133"/>
        <source>&amp;Refund…</source>
        <translation>&amp;Rembourser…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="141"/>
        <source>How much:</source>
        <translation>Combien :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="145"/>
        <source>Reason (required):</source>
        <translation>Motif (obligatoire) :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="215"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/refund.py" line="216"/>
        <source>Refund %1 to %2? This cannot be undone.</source>
        <translation>Rembourser %1 à %2 ? C&apos;est définitif.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>SyncNow</name>
    <message>
        <location filename="../../renewdesk/ui/sync_now.py" line="62"/>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/sync_now.py" line="64"/>
        <source>A run is under way: it reads the payment provider&apos;s events first itself. Nothing else was done.</source>
        <translation>Un passage est en cours : il lit lui-même d&apos;abord les événements du prestataire de paiement. Rien d&apos;autre n&apos;a été fait.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/sync_now.py" line="70"/>
        <source>Another operation is under way; try again when it has finished.</source>
        <translation>Une autre opération est en cours ; réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/sync_now.py" line="116"/>
        <source>A run is under way on this database, and it reads the payment provider&apos;s events first itself: nothing was done. (%1)</source>
        <translation>Un passage est en cours sur cette base, et il lit lui-même d&apos;abord les événements du prestataire de paiement : rien n&apos;a été fait. (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/sync_now.py" line="124"/>
        <source>Synced: %n event(s) read</source>
        <translation>
            <numerusform>Synchronisé : %n événement lu</numerusform>
            <numerusform>Synchronisé : %n événements lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSummaryDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="28"/>
        <source>Sync now: done</source>
        <translation>Synchronisation terminée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="32"/>
        <source>%n event(s) read from the payment provider</source>
        <translation>
            <numerusform>%n événement lu chez le prestataire de paiement</numerusform>
            <numerusform>%n événements lus chez le prestataire de paiement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="33"/>
        <source>, %n of them changed something here.</source>
        <translation>
            <numerusform>, dont %n a changé quelque chose ici.</numerusform>
            <numerusform>, dont %n ont changé quelque chose ici.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="35"/>
        <source>%n refund(s) left without an answer were settled.</source>
        <translation>
            <numerusform>%n remboursement resté sans réponse a été réglé.</numerusform>
            <numerusform>%n remboursements restés sans réponse ont été réglés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="38"/>
        <source>%n payment(s) concluded.</source>
        <translation>
            <numerusform>%n paiement conclu.</numerusform>
            <numerusform>%n paiements conclus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="40"/>
        <source>Stopped before the end: the next sync or run goes on from there.</source>
        <translation>Arrêté avant la fin : la prochaine synchronisation ou le prochain passage reprend là.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="43"/>
        <source>Nothing changed.</source>
        <translation>Rien n&apos;a changé.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="58"/>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="58"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="63"/>
        <source>Problems:</source>
        <translation>Problèmes :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="77"/>
        <source>The payment provider could not be read to the end; the next sync or run goes on from where this one stopped.</source>
        <translation>Le prestataire de paiement n&apos;a pas pu être lu jusqu&apos;au bout ; la prochaine synchronisation ou le prochain passage reprend là où celle-ci s&apos;est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="80"/>
        <source>The payment provider no longer keeps its events before %1: payments still open are asked about one by one.</source>
        <translation>Le prestataire de paiement ne garde plus ses événements d&apos;avant le %1 : les paiements encore ouverts lui sont demandés un par un.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="85"/>
        <source>%n refund(s) could not be settled now: the next run asks the payment provider again.</source>
        <translation>
            <numerusform>%n remboursement n&apos;a pas pu être réglé maintenant : le prochain passage redemande au prestataire de paiement.</numerusform>
            <numerusform>%n remboursements n&apos;ont pas pu être réglés maintenant : le prochain passage redemande au prestataire de paiement.</numerusform>
        </translation>
    </message>
    <message>
        <source>What the processor changed</source>
        <translation>Ce que le prestataire a modifié</translation>
    </message>
</context>
<context>
    <name>SellerTab</name>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="69"/>
        <source>Legal name:</source>
        <translation>Raison sociale :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="69"/>
        <source>e.g. Atelier Web SARL</source>
        <translation>par exemple Atelier Web SARL</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="70"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="78"/>
        <source>Country:</source>
        <translation>Pays :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="79"/>
        <source>SIREN:</source>
        <translation>SIREN :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="79"/>
        <source>9 digits</source>
        <translation>9 chiffres</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="80"/>
        <source>SIRET:</source>
        <translation>SIRET :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="80"/>
        <source>14 digits (optional)</source>
        <translation>14 chiffres (facultatif)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="81"/>
        <source>VAT number:</source>
        <translation>N° de TVA intracommunautaire :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="82"/>
        <source>E-mail (invoices, and your alerts):</source>
        <translation>E-mail (factures, et vos alertes) :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="83"/>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="83"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="84"/>
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="85"/>
        <source>Invoice footer:</source>
        <translation>Pied de facture :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="89"/>
        <source>e.g. SARL au capital de 10 000 € · RCS Lyon</source>
        <translation>par exemple SARL au capital de 10 000 € · RCS Lyon</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="90"/>
        <source>Late-payment penalty rate:</source>
        <translation>Taux des pénalités de retard :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="91"/>
        <source>in words, e.g. trois fois le taux d'intérêt légal</source>
        <translation>en toutes lettres, par exemple trois fois le taux d'intérêt légal</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="93"/>
        <source>Invoices to businesses also state the fixed 40 € indemnity for recovery costs.</source>
        <translation>Les factures aux professionnels mentionnent aussi l'indemnité forfaitaire de 40 € pour frais de recouvrement.</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="95"/>
        <source>VAT franchise: no VAT is charged; invoices say “%1”</source>
        <translation>Franchise en base de TVA : aucune TVA n'est facturée ; les factures portent « %1 »</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="97"/>
        <source>Prices are typed including VAT (what is charged stays the same)</source>
        <translation>Les prix sont saisis TTC (le montant prélevé ne change pas)</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="99"/>
        <source>Default VAT rate (%):</source>
        <translation>Taux de TVA par défaut (%) :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="101"/>
        <source>Invoice number prefix:</source>
        <translation>Préfixe des numéros de facture :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="102"/>
        <source>Credit note number prefix:</source>
        <translation>Préfixe des numéros d'avoir :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="107"/>
        <source> days before expiry</source>
        <translation> jours avant l'échéance</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="109"/>
        <source>Consumers reminded:</source>
        <translation>Rappel aux particuliers :</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="183"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="186"/>
        <source>Remove logo</source>
        <translation>Retirer le logo</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="204"/>
        <source>PNG or JPEG, at most 500 KB</source>
        <translation>PNG ou JPEG, 500 Ko au plus</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="244"/>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="319"/>
        <source>Invoices wait for: %1. Runs still charge; their invoices are issued, in order, once this is complete.</source>
        <translation>Les factures attendent : %1. Les prélèvements continuent ; leurs factures seront émises, dans l'ordre, dès que ce sera complet.</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="334"/>
        <source>legal name</source>
        <translation>la raison sociale</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="334"/>
        <source>address</source>
        <translation>l'adresse</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="335"/>
        <source>country</source>
        <translation>le pays</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="335"/>
        <source>SIREN</source>
        <translation>le SIREN</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="336"/>
        <source>VAT number</source>
        <translation>le n° de TVA</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="355"/>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <location filename="../work/main/renewdesk/ui/dialogs/seller_settings.py" line="355"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>E-mail signature:</source>
        <translation>Signature des e-mails :</translation>
    </message>
    <message>
        <source>e.g. Marie Martin, your account manager</source>
        <translation>p. ex. Marie Martin, votre chargée de clientèle</translation>
    </message>
</context>
<context>
    <name>AccountingExportDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="52"/>
        <source>Export for the accountant</source>
        <translation>Export pour le comptable</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="61"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="65"/>
        <source>&amp;CSV: invoices, credit notes, payments and refunds, one row each</source>
        <translation>&amp;CSV : factures, avoirs, paiements et remboursements, une ligne chacun</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="68"/>
        <source>&amp;FEC (fichier des écritures comptables): the sales and bank journals&apos; entries</source>
        <translation>&amp;FEC (fichier des écritures comptables) : les écritures des journaux de ventes et de banque</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="79"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="90"/>
        <source>Dates:</source>
        <translation>Du :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="91"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="93"/>
        <source>Save to:</source>
        <translation>Enregistrer dans :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="106"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="147"/>
        <source>A folder: the FEC takes the name the law gives it (SIREN, FEC, closing date).</source>
        <translation>Un dossier : le FEC y prend le nom que lui donne la loi (SIREN, FEC, date de clôture).</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="148"/>
        <source>The CSV is UTF-8 with &apos;;&apos; between columns, as spreadsheets open it.</source>
        <translation>Le CSV est en UTF-8, colonnes séparées par « ; », tel que les tableurs l&apos;ouvrent.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="166"/>
        <source>Folder for the FEC</source>
        <translation>Dossier du FEC</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="169"/>
        <source>Save the CSV</source>
        <translation>Enregistrer le CSV</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="169"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="180"/>
        <source>Choose where to save the file.</source>
        <translation>Choisissez où enregistrer le fichier.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="193"/>
        <source>Making the file…</source>
        <translation>Fichier en cours de préparation…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="201"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n écriture</numerusform>
            <numerusform>%n écritures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="202"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="203"/>
        <source>Saved: %1 (%2)</source>
        <translation>Enregistré : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="205"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="45"/>
        <source>Correct invoice %1</source>
        <translation>Corriger la facture %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="51"/>
        <source>Customer:</source>
        <translation>Client :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="52"/>
        <source>Invoice:</source>
        <translation>Facture :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="52"/>
        <source>%1, issued on %2</source>
        <translation>%1, émise le %2</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="54"/>
        <source>Total:</source>
        <translation>Total :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="55"/>
        <source>Already credited:</source>
        <translation>Déjà crédité :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="58"/>
        <source>Can be credited:</source>
        <translation>Peut être crédité :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="60"/>
        <source>&amp;All of what is left (%1)</source>
        <translation>&amp;Tout ce qui reste (%1)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="63"/>
        <source>&amp;This amount, VAT included:</source>
        <translation>&amp;Ce montant, TVA comprise :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="86"/>
        <source>Why, in a few words (printed on the credit note, kept in the audit log)</source>
        <translation>Pourquoi, en quelques mots (imprimé sur l&apos;avoir, gardé dans le journal d&apos;audit)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="90"/>
        <source>A credit note is issued in its own numbering, naming this invoice, and e-mailed to the customer. It gives no money back: to pay the customer back, refund the payment from their page.</source>
        <translation>Un avoir est émis dans sa propre numérotation, en citant cette facture, et envoyé au client par e-mail. Il ne rend pas d&apos;argent : pour rembourser le client, remboursez le paiement depuis sa fiche.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="95"/>
        <source>&amp;Make the credit note…</source>
        <translation>&amp;Émettre l&apos;avoir…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="103"/>
        <source>How much to credit:</source>
        <translation>Montant à créditer :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="107"/>
        <source>Reason (required):</source>
        <translation>Motif (obligatoire) :</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="186"/>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="187"/>
        <source>Make a credit note of %1 for %2, correcting invoice %3? An issued credit note cannot be undone.</source>
        <translation>Émettre un avoir de %1 pour %2, corrigeant la facture %3 ? Un avoir émis ne peut pas être annulé.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/correct_invoice.py" line="191"/>
        <source>Credit %1</source>
        <translation>Créditer %1</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="52"/>
        <source>Credit note %1</source>
        <translation>Avoir %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="53"/>
        <source>Invoice %1</source>
        <translation>Facture %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="78"/>
        <source>&amp;Open invoice</source>
        <translation>&amp;Ouvrir la facture</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="79"/>
        <source>Open the selected invoice&apos;s PDF</source>
        <translation>Ouvrir le PDF de la facture sélectionnée</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="81"/>
        <source>&amp;Save invoice as…</source>
        <translation>&amp;Enregistrer la facture sous…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="82"/>
        <source>Save the selected invoice&apos;s PDF to a file</source>
        <translation>Enregistrer le PDF de la facture sélectionnée dans un fichier</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="84"/>
        <source>Send invoice a&amp;gain…</source>
        <translation>Renvo&amp;yer la facture…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="86"/>
        <source>E-mail the selected invoice to its customer again</source>
        <translation>Renvoyer par e-mail la facture sélectionnée à son client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="88"/>
        <source>&amp;Correct invoice…</source>
        <translation>&amp;Corriger la facture…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="90"/>
        <source>Correct the selected invoice with a credit note (all or part of it, with a reason)</source>
        <translation>Corriger la facture sélectionnée par un avoir (en tout ou partie, avec un motif)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="112"/>
        <source>Select an invoice, not a credit note: a credit note is not corrected</source>
        <translation>Sélectionnez une facture, pas un avoir : un avoir ne se corrige pas</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="114"/>
        <source>Another operation is under way</source>
        <translation>Une autre opération est en cours</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="136"/>
        <source>No application on this computer opens PDF files; the invoice is at %1</source>
        <translation>Aucune application de cet ordinateur n&apos;ouvre les fichiers PDF ; la facture est dans %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="152"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="161"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="168"/>
        <source>Send credit note %1 to %2 again?</source>
        <translation>Renvoyer l&apos;avoir %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="169"/>
        <source>Send invoice %1 to %2 again?</source>
        <translation>Renvoyer la facture %1 à %2 ?</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="170"/>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="174"/>
        <source>The e-mail carries its PDF and a link to all of %1&apos;s invoices.</source>
        <translation>L&apos;e-mail porte son PDF et un lien vers toutes les factures de %1.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="198"/>
        <source>E-mails to this customer are off: the e-mail with %1 is kept in the outbox, not sent.</source>
        <translation>Les e-mails de ce client sont coupés : l&apos;e-mail de %1 est gardé dans la boîte d&apos;envoi, sans être envoyé.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="201"/>
        <source>%1 is in the outbox for %2: the next run sends it.</source>
        <translation>%1 est dans la boîte d&apos;envoi pour %2 : le prochain passage l&apos;envoie.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="216"/>
        <source>Credit note %1 made: %2 for %3, correcting invoice %4.</source>
        <translation>Avoir %1 émis : %2 pour %3, corrigeant la facture %4.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/invoice_commands.py" line="220"/>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="30"/>
        <source>Search by number, customer name or reference</source>
        <translation>Chercher par numéro, nom ou référence du client</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="37"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="39"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="42"/>
        <source>Send again…</source>
        <translation>Renvoyer…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="44"/>
        <source>Correct…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="47"/>
        <source>E&amp;xport for the accountant…</source>
        <translation>E&amp;xport pour le comptable…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="51"/>
        <source>The CSV or the FEC of a date range, for the accountant</source>
        <translation>Le CSV ou le FEC d&apos;une période, pour le comptable</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/invoices_page.py" line="56"/>
        <source>Export for the accountant…</source>
        <translation>Export pour le comptable…</translation>
    </message>
</context>
<context>
    <name>SellerNotice</name>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="25"/>
        <source>legal name</source>
        <translation>la raison sociale</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="26"/>
        <source>address</source>
        <translation>l&apos;adresse</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="27"/>
        <source>country</source>
        <translation>le pays</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="28"/>
        <source>SIREN</source>
        <translation>le SIREN</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="29"/>
        <source>VAT number</source>
        <translation>le numéro de TVA</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="33"/>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/seller_notice.py" line="39"/>
        <source>Invoices wait for the seller&apos;s %1: %n payment(s) waiting</source>
        <translation>
            <numerusform>Les factures attendent %1 du vendeur : %n paiement en attente</numerusform>
            <numerusform>Les factures attendent %1 du vendeur : %n paiements en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="76"/>
        <source>Open Settings &gt; Seller…</source>
        <translation>Ouvrir Paramètres &gt; Vendeur…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="93"/>
        <source>Open Settings &gt; Seller</source>
        <translation>Ouvrir Paramètres &gt; Vendeur</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/seller_notice.py" line="104"/>
        <source>Payments are still taken meanwhile. Once the seller is complete and saved, their invoices are issued at once, in the order they were paid.</source>
        <translation>Les paiements sont encaissés en attendant. Une fois le vendeur complété et enregistré, leurs factures sont émises aussitôt, dans l&apos;ordre où ils ont été payés.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/seller_notice.py" line="95"/>
        <source>Invoices wait for the seller: %n payment(s) waiting</source>
        <translation>
            <numerusform>Factures en attente du vendeur : %n paiement</numerusform>
            <numerusform>Factures en attente du vendeur : %n paiements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>First-run assistant</source>
        <translation>Assistant de premier démarrage</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Passer</translation>
    </message>
    <message>
        <source>Finish &amp;later</source>
        <translation>Terminer &amp;plus tard</translation>
    </message>
    <message>
        <source>Finish later</source>
        <translation>Terminer plus tard</translation>
    </message>
    <message>
        <source>What you typed on these pages and did not save with Next is lost. Leave the assistant? It stays in the Help menu.</source>
        <translation>Ce que vous avez saisi sur ces pages sans l&apos;enregistrer avec Suivant sera perdu. Quitter l&apos;assistant ? Il reste dans le menu Aide.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2 : %3</translation>
    </message>
</context>
<context>
    <name>SellerPage</name>
    <message>
        <source>You, the seller</source>
        <translation>Vous, le vendeur</translation>
    </message>
    <message>
        <source>Your name and address as invoices show them, and the address where renewdesk sends you its alerts. The rest is in Settings &gt; Seller.</source>
        <translation>Votre nom et votre adresse tels que les factures les indiquent, et l&apos;adresse où renewdesk vous envoie ses alertes. Le reste se trouve dans Paramètres &gt; Vendeur.</translation>
    </message>
    <message>
        <source>A value is not valid: its words are under it.</source>
        <translation>Une valeur n&apos;est pas valide : l&apos;explication figure en dessous.</translation>
    </message>
</context>
<context>
    <name>ProcessorPage</name>
    <message>
        <source>The payment processor</source>
        <translation>Le prestataire de paiement</translation>
    </message>
    <message>
        <source>The sandbox takes no real money: try renewdesk with it. With Stripe, your secret key goes to this computer&apos;s system keyring, never into the database.</source>
        <translation>Le bac à sable ne prélève aucun argent réel : essayez renewdesk avec lui. Avec Stripe, votre clé secrète va dans le trousseau système de cet ordinateur, jamais dans la base de données.</translation>
    </message>
    <message>
        <source>Live mode not confirmed: nothing was saved.</source>
        <translation>Mode réel non confirmé : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Stripe live mode</source>
        <translation>Mode réel Stripe</translation>
    </message>
    <message>
        <source>This key is a LIVE key: from now on, runs take real money from your customers&apos; cards and accounts. Switch to live mode?</source>
        <translation>Cette clé est une clé RÉELLE : désormais, les exécutions prélèvent de l&apos;argent réel sur les cartes et les comptes de vos clients. Passer en mode réel ?</translation>
    </message>
</context>
<context>
    <name>MailPage</name>
    <message>
        <source>Sending e-mail</source>
        <translation>Envoi des e-mails</translation>
    </message>
    <message>
        <source>The server renewdesk sends its e-mails through: to your customers (notices, receipts) and to you (alerts).</source>
        <translation>Le serveur par lequel renewdesk envoie ses e-mails : à vos clients (avis, reçus) et à vous (alertes).</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>p. ex. smtp.exemple.fr</translation>
    </message>
    <message>
        <source>e.g. billing@example.com</source>
        <translation>p. ex. facturation@exemple.fr</translation>
    </message>
    <message>
        <source>Use STARTTLS (encrypted connection)</source>
        <translation>Utiliser STARTTLS (connexion chiffrée)</translation>
    </message>
    <message>
        <source>Send a &amp;test message</source>
        <translation>Envoyer un message d&apos;&amp;essai</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Adresse d&apos;expéditeur :</translation>
    </message>
    <message>
        <source>renewdesk: test message</source>
        <translation>renewdesk : message d&apos;essai</translation>
    </message>
    <message>
        <source>This message was sent by renewdesk&apos;s first-run assistant to check the e-mail settings. They work: nothing else to do.</source>
        <translation>Ce message a été envoyé par l&apos;assistant de premier démarrage de renewdesk pour vérifier les réglages d&apos;e-mail. Ils fonctionnent : rien d&apos;autre à faire.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Give your e-mail on the first page to receive a test message.</source>
        <translation>Indiquez votre e-mail sur la première page pour recevoir un message d&apos;essai.</translation>
    </message>
    <message>
        <source>Type the server&apos;s name, and your e-mail on the first page, first.</source>
        <translation>Saisissez d&apos;abord le nom du serveur, et votre e-mail sur la première page.</translation>
    </message>
    <message>
        <source>The test message goes to %1.</source>
        <translation>Le message d&apos;essai part à %1.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Sent to %1: check that it arrived.</source>
        <translation>Envoyé à %1 : vérifiez qu&apos;il est arrivé.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Your customers</source>
        <translation>Vos clients</translation>
    </message>
    <message>
        <source>Bring your portfolio in from a file, try renewdesk on demo data, or start with nothing and add customers yourself.</source>
        <translation>Importez votre portefeuille depuis un fichier, essayez renewdesk sur des données de démonstration, ou partez de zéro et ajoutez vos clients vous-même.</translation>
    </message>
    <message>
        <source>&amp;Import a file (renewdesk&apos;s exchange JSON, or a CSV of customers or services)</source>
        <translation>&amp;Importer un fichier (JSON d&apos;échange de renewdesk, ou CSV de clients ou de services)</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>Partir de &amp;zéro</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <source>A .json or .csv file</source>
        <translation>Un fichier .json ou .csv</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <source>Exchange or CSV files (*.json *.csv *.txt);;All files (*)</source>
        <translation>Fichiers d&apos;échange ou CSV (*.json *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>Choisissez d&apos;abord le fichier à importer.</translation>
    </message>
    <message>
        <source>Create &amp;demo data (%1 made-up customers, to try renewdesk)</source>
        <translation>Créer des données de &amp;démonstration (%1 clients fictifs, pour essayer renewdesk)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About renewdesk</source>
        <translation>À propos de renewdesk</translation>
    </message>
    <message>
        <source>Renewals, installments and saved cards for resellers.</source>
        <translation>Renouvellements, échéanciers et cartes enregistrées pour les revendeurs.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy these details for support</source>
        <translation>Copier ces informations pour l&apos;assistance</translation>
    </message>
    <message>
        <source>Copied: paste it into your message to support.</source>
        <translation>Copié : collez-le dans votre message à l&apos;assistance.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version :</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Payment processor:</source>
        <translation>Prestataire de paiement :</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt :</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python :</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Needs you</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Last night</source>
        <translation>La nuit dernière</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>encaissés</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>paiements</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoués</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>retentés</translation>
    </message>
    <message>
        <source>notices</source>
        <translation>avis</translation>
    </message>
    <message>
        <source>e-mails</source>
        <translation>e-mails</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>Aucun traitement encore.</translation>
    </message>
    <message>
        <source>Run as of %1</source>
        <translation>Traitement du %1</translation>
    </message>
    <message>
        <source>stopped on an error</source>
        <translation>arrêté sur une erreur</translation>
    </message>
    <message>
        <source>cancelled; the next run does the rest</source>
        <translation>annulé ; le prochain traitement fera le reste</translation>
    </message>
    <message>
        <source>Charges, next 60 days (the part at risk in red)</source>
        <translation>Prélèvements des 60 prochains jours (la part à risque en rouge)</translation>
    </message>
    <message>
        <source>Failed payments, last 90 days, by how they ended</source>
        <translation>Paiements échoués des 90 derniers jours, selon leur issue</translation>
    </message>
    <message>
        <source>Collected per month</source>
        <translation>Encaissé par mois</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Charges, next 60 days</source>
        <translation>Prélèvements, 60 prochains jours</translation>
    </message>
    <message>
        <source>Failed payments, last 90 days</source>
        <translation>Paiements échoués, 90 derniers jours</translation>
    </message>
    <message>
        <source>Nothing was due that night.</source>
        <translation>Rien n&apos;était dû cette nuit-là.</translation>
    </message>
    <message>
        <source>Nothing was collected this time.</source>
        <translation>Rien n&apos;a été encaissé cette fois-ci.</translation>
    </message>
</context>
<context>
    <name>NeedsList</name>
    <message>
        <source>Nothing needs you: every payment, e-mail and run is in order.</source>
        <translation>Rien à traiter : paiements, e-mails et traitements sont en ordre.</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Lancer maintenant</translation>
    </message>
    <message>
        <source>Final attempt…</source>
        <translation>Dernière tentative…</translation>
    </message>
    <message>
        <source>Hand to collection…</source>
        <translation>Confier au recouvrement…</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Recouvrement</translation>
    </message>
    <message>
        <source>Send card page…</source>
        <translation>Envoyer la page carte…</translation>
    </message>
    <message>
        <source>Ask again…</source>
        <translation>Redemander…</translation>
    </message>
    <message>
        <source>Retry e-mails</source>
        <translation>Renvoyer les e-mails</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Ouvrir le client</translation>
    </message>
    <message>
        <source>Renew payment plan</source>
        <translation>Renouveler l&apos;échéancier</translation>
    </message>
    <message>
        <source>Start the final attempt for %1 now? It can be used once per installment.</source>
        <translation>Lancer maintenant la dernière tentative pour %1 ? Elle n&apos;est possible qu&apos;une fois par échéance.</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Send card page</source>
        <translation>Envoyer la page carte</translation>
    </message>
    <message>
        <source>E-mail %1 a link to save a new card?</source>
        <translation>Envoyer à %1 un lien pour enregistrer une nouvelle carte ?</translation>
    </message>
    <message>
        <source>%1 was sent a link to save a new card</source>
        <translation>%1 a reçu un lien pour enregistrer une nouvelle carte</translation>
    </message>
    <message numerus="yes">
        <source>No mail server is set: %n e-mail(s) wait. Set it in Settings.</source>
        <translation>
            <numerusform>Aucun serveur de messagerie : %n e-mail attend. Réglez-le dans Paramètres.</numerusform>
            <numerusform>Aucun serveur de messagerie : %n e-mails attendent. Réglez-le dans Paramètres.</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mails sent: %1; still failing: %2</source>
        <translation>E-mails envoyés : %1 ; toujours en échec : %2</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
</context>
<context>
    <name>HomeNeeds</name>
    <message>
        <source>The last run (as of %1) stopped: %2</source>
        <translation>Le dernier traitement (du %1) s&apos;est arrêté : %2</translation>
    </message>
    <message>
        <source>%1: the installment of %2 due %3 failed and its automatic attempts are over (%4)</source>
        <translation>%1 : l&apos;échéance de %2 du %3 a échoué et ses tentatives automatiques sont terminées (%4)</translation>
    </message>
    <message>
        <source>%1: the installment of %2 due %3 failed; it waits to be handed to collection (%4)</source>
        <translation>%1 : l&apos;échéance de %2 du %3 a échoué ; elle attend d&apos;être confiée au recouvrement (%4)</translation>
    </message>
    <message>
        <source>%1 must confirm %2 with their bank (since %3)</source>
        <translation>%1 doit confirmer %2 auprès de sa banque (depuis le %3)</translation>
    </message>
    <message>
        <source>%1 disputed %2: answer by %3</source>
        <translation>%1 conteste %2 : répondre avant le %3</translation>
    </message>
    <message>
        <source>%1: the card %4 expires on %3, before its next charge</source>
        <translation>%1 : la carte %4 expire le %3, avant son prochain prélèvement</translation>
    </message>
    <message>
        <source>%1: the plan change to %2 is still unconfirmed and expires on %3 (%4)</source>
        <translation>%1 : le changement d&apos;échéancier à %2 n&apos;est pas confirmé et expire le %3 (%4)</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s) cannot be sent: %1</source>
        <translation>
            <numerusform>%n e-mail ne peut pas partir : %1</numerusform>
            <numerusform>%n e-mails ne peuvent pas partir : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the SEPA installment of %2 due %3 failed; it waits to be handed to collection (%4)</source>
        <translation>%1 : l&apos;échéance SEPA de %2 du %3 a échoué ; elle attend d&apos;être confiée au recouvrement (%4)</translation>
    </message>
    <message>
        <source>%1 disputed %2 (opened on %3): answer it at the payment provider</source>
        <translation>%1 conteste %2 (ouverte le %3) : répondez chez le prestataire de paiement</translation>
    </message>
</context>
<context>
    <name>HomeCharts</name>
    <message>
        <source>Renewals</source>
        <translation>Renouvellements</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>À risque</translation>
    </message>
    <message>
        <source>%1: renewals %2, installments %3, usage %4; at risk %5</source>
        <translation>%1 : renouvellements %2, échéances %3, consommation %4 ; à risque %5</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Recovered by a retry</source>
        <translation>Récupéré par une relance</translation>
    </message>
    <message>
        <source>Paid by the customer</source>
        <translation>Payé par le client</translation>
    </message>
    <message>
        <source>By a manual attempt</source>
        <translation>Par une tentative manuelle</translation>
    </message>
    <message>
        <source>Lost or still unpaid</source>
        <translation>Perdu ou encore impayé</translation>
    </message>
    <message>
        <source>%1 to %2: %3 failed payment(s); retry %4, customer %5, manual %6, lost %7</source>
        <translation>du %1 au %2 : %3 paiement(s) échoué(s) ; relance %4, client %5, manuel %6, perdu %7</translation>
    </message>
    <message>
        <source>By week, %1 to %2</source>
        <translation>Par semaine, du %1 au %2</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>paiements</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <source>%1: %2 collected in %3 payment(s)</source>
        <translation>%1 : %2 encaissés en %3 paiement(s)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdu</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Search by customer, renewal, order or usage invoice</source>
        <translation>Rechercher par client, renouvellement, commande ou facture de consommation</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Working as %1, with the role %2</source>
        <translation>Connecté en tant que %1, avec le rôle %2</translation>
    </message>
</context>
</TS>
