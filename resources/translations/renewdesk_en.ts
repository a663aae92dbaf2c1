<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>BulkRecurrenceDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="40"/>
        <source>Bulk recurrence — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="47"/>
        <source>Switch auto-renew &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="48"/>
        <source>Switch auto-renew o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="54"/>
        <source>The %n selected service(s)</source>
        <translation>
            <numerusform>The selected service</numerusform>
            <numerusform>The %n selected services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="55"/>
        <source>All of this customer&apos;s services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="63"/>
        <source>Default method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="68"/>
        <source>No billing contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="76"/>
        <source>I have read the warnings and want to go ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="79"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="85"/>
        <source>Change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="89"/>
        <source>Services:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="90"/>
        <source>Payment method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="91"/>
        <source>Billing contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="94"/>
        <source>Check, per service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="122"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="122"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="122"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="130"/>
        <source>%n error(s): fix them or leave those services out; nothing will change until then.</source>
        <translation>
            <numerusform>%n error: fix it or leave that service out; nothing will change until then.</numerusform>
            <numerusform>%n errors: fix them or leave those services out; nothing will change until then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="133"/>
        <source>%n warning(s): confirm below to go ahead.</source>
        <translation>
            <numerusform>%n warning: confirm below to go ahead.</numerusform>
            <numerusform>%n warnings: confirm below to go ahead.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/bulk_recurrence.py" line="136"/>
        <source>Everything checks out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelRenewalDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="23"/>
        <source>Cancel renewal — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="24"/>
        <source>Cancel renewal %1 (%2)?

Nothing will be charged for this period and the customer is told by e-mail. Auto-renew stays on for the next periods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="31"/>
        <source>Cancel the &amp;renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/cancel_renewal.py" line="32"/>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="55"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="56"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="57"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="39"/>
        <source>Hand to collection — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="47"/>
        <source>&amp;Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="54"/>
        <source>Order %1 of %2 goes to the collection partner with its failed installments. This ends every attempt for the order, including the final one (Renew payment plan). It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="60"/>
        <source>File for the collection partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="67"/>
        <source>Collection file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/collection.py" line="76"/>
        <source>Choose where to write the collection file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollectionsPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="240"/>
        <source>Search by order, customer or invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="241"/>
        <source>Hand to &amp;collection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="100"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="100"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="101"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="101"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="102"/>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="102"/>
        <source>E-mails on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="103"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="103"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="104"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="104"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="105"/>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="105"/>
        <source>Auto-renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="106"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="106"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="107"/>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="107"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="108"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="108"/>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="109"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="109"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="110"/>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="110"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="111"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="111"/>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="112"/>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="112"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="113"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="113"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="114"/>
        <location filename="../../renewdesk/ui/i18n.py" line="120"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="114"/>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="115"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="115"/>
        <source>Notice on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="116"/>
        <source>Charge on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="116"/>
        <source>Created on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="117"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="117"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="118"/>
        <source>Tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="118"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="119"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="119"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="120"/>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="121"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="121"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="122"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="122"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="123"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="159"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="159"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="49"/>
        <source>Send e-mails to this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="51"/>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="52"/>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="53"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="68"/>
        <source>Make &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="70"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="71"/>
        <source>Re&amp;place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="72"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="73"/>
        <source>Send card &amp;page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="77"/>
        <source>&amp;Bulk recurrence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="78"/>
        <source>Renew &amp;all (pro-forma)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="81"/>
        <source>Payment methods (the first is the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="90"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="91"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="92"/>
        <source>Billing contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="93"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="125"/>
        <source>Missing before a payment method can be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="127"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="127"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="127"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="128"/>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="128"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="128"/>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="131"/>
        <source>⚠ expires before the charge of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="134"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="134"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="134"/>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="141"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="135"/>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="135"/>
        <source>Auto-renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="135"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="140"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="140"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="140"/>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="141"/>
        <source>Installment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="144"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="144"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="144"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="146"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="146"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="146"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/customer_page.py" line="224"/>
        <source>%1 was sent a link to save a new card</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/views/customer_page.py" line="227"/>
        <source>Payments (⚠ %n disputed)</source>
        <translation>
            <numerusform>Payments (⚠ %n disputed)</numerusform>
            <numerusform>Payments (⚠ %n disputed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="71"/>
        <source>Search by reference, name or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="73"/>
        <source>&amp;Open customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../renewdesk/ui/widgets.py" line="18"/>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Filter</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="130"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="130"/>
        <source>E-mails off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="131"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="131"/>
        <source>Auto-renew on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="132"/>
        <source>Suspended or overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="133"/>
        <source>Cancelled or transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="133"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="134"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="134"/>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="135"/>
        <source>With a failed installment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="136"/>
        <source>In collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="136"/>
        <source>Not handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="137"/>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="137"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="138"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="138"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="139"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="139"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="140"/>
        <source>Suppressed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="165"/>
        <source>Card expires before the charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="166"/>
        <source>Expires before its next charge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../renewdesk/ui/launch.py" line="50"/>
        <source>Check this computer&apos;s database (Settings &gt; Database, or `renewdesk database`), or start with --db FILE_OR_URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/views/list_page.py" line="128"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/models/table.py" line="149"/>
        <source>Next charge on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="40"/>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="41"/>
        <source>Do everything due as of today: notices, charges, retries, e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="43"/>
        <source>&amp;Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="44"/>
        <source>Show what a run would do, changing nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="45"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="46"/>
        <source>Rules, e-mail, daily run, language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="47"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="48"/>
        <source>Search the current list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="49"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="50"/>
        <source>Read the lists again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="51"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/actions.py" line="52"/>
        <source>Close renewdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="47"/>
        <source>renewdesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="56"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="57"/>
        <source>&amp;Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="58"/>
        <source>Payment &amp;methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="59"/>
        <source>Installment &amp;orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="60"/>
        <source>Re&amp;newals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="61"/>
        <source>Co&amp;llections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="62"/>
        <source>O&amp;utbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="63"/>
        <source>Search by recipient, subject or kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="67"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="67"/>
        <source>Search by type or subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="68"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="69"/>
        <source>Search by who, action or subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="73"/>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="77"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="202"/>
        <source>Settings saved; the new database is used from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="204"/>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="213"/>
        <source>Next run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="219"/>
        <source>Last run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="220"/>
        <location filename="../../renewdesk/ui/main_window.py" line="294"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/main_window.py" line="246"/>
        <source>The daily run needs your go-ahead: %n day(s) to catch up</source>
        <translation>
            <numerusform>The daily run needs your go-ahead: %n day to catch up</numerusform>
            <numerusform>The daily run needs your go-ahead: %n days to catch up</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="272"/>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="281"/>
        <source>Run as of %1 cancelled; the rest is done by the next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="283"/>
        <source>Run as of %1: %2 charge(s), %3 e-mail(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/main_window.py" line="296"/>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) need you</source>
        <translation>
            <numerusform>%n thing need you</numerusform>
            <numerusform>%n things need you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MethodsPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="154"/>
        <source>Search by reference, customer, holder or last 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="155"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Checking whether the order can have a final attempt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="173"/>
        <source>Find an order by reference, customer name or invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="175"/>
        <source>&amp;Update plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="176"/>
        <source>Renew &amp;payment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="178"/>
        <source>Hand to &amp;collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="187"/>
        <source>Select one order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="190"/>
        <source>Another operation is under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="193"/>
        <source>One fourth and final attempt for the installment whose automatic attempts are exhausted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="204"/>
        <source>Plan change sent to the customer, pending until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="210"/>
        <source>Renew payment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="211"/>
        <source>Start the final attempt for %1 now? It can be used once per installment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="231"/>
        <source>Order %1 handed to collection (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentMethodDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="39"/>
        <source>Replace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="40"/>
        <source>Add a payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="61"/>
        <source>Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="62"/>
        <source>Processor token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="63"/>
        <source>Brand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="64"/>
        <source>Last 4 digits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="65"/>
        <source>Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="66"/>
        <source>Holder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/payment_method.py" line="68"/>
        <source>Never type a card number here: renewdesk keeps only the processor&apos;s token and the last 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanUpdateDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="43"/>
        <source>Update plan — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="47"/>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="87"/>
        <source>%1, to be confirmed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="88"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="89"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="89"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="89"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="59"/>
        <source>&amp;Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="62"/>
        <source>Current amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="63"/>
        <source>Minimum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="64"/>
        <source>Pending change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="65"/>
        <source>New amount (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="67"/>
        <source>The count and the interval of installments do not change. The customer is e-mailed a link to confirm; the new amount applies from the next installment after the confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/plan_update.py" line="73"/>
        <source>Earlier requests:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProForma</name>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="17"/>
        <source>Early renewal for one period. This is not an invoice and nothing has been charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="23"/>
        <source>Pro-forma invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="24"/>
        <source>preview, not numbered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="25"/>
        <source>Issued on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="26"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="27"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="28"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="29"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/proforma_pdf.py" line="30"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProFormaDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="38"/>
        <source>Pro-forma invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="47"/>
        <source>&amp;Number and save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="51"/>
        <source>%n pro-forma(s); numbers are given when saved. Nothing is charged.</source>
        <translation>
            <numerusform>%n pro-forma; its number is given when saved. Nothing is charged.</numerusform>
            <numerusform>%n pro-formas; numbers are given when saved. Nothing is charged.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/proforma.py" line="58"/>
        <source>Save pro-formas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveMethod</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/remove_method.py" line="19"/>
        <source>Remove payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/remove_method.py" line="20"/>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenewalsPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="256"/>
        <source>Search by renewal or customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="257"/>
        <source>Cancel &amp;renewal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="275"/>
        <source>Renewal %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunProgressDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="22"/>
        <source>Settling unfinished attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="23"/>
        <source>Expiring plan changes and links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="24"/>
        <source>Renewal notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="25"/>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="26"/>
        <source>Charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="27"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="28"/>
        <source>Suspensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="29"/>
        <source>Usage invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="30"/>
        <source>Sending e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="41"/>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="41"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="43"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="61"/>
        <source>%n charge(s) done</source>
        <translation>
            <numerusform>%n charge done</numerusform>
            <numerusform>%n charges done</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/run_progress.py" line="65"/>
        <source>Stopping after the charges under way…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="91"/>
        <source>Search by service, label or customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="92"/>
        <source>&amp;Bulk recurrence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="94"/>
        <source>Pro-forma (&amp;Renew)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="95"/>
        <source>Pay &amp;now (manual renewal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/views/pages.py" line="122"/>
        <source>Auto-renew changed for %n service(s)</source>
        <translation>
            <numerusform>Auto-renew changed for %n service</numerusform>
            <numerusform>Auto-renew changed for %n services</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="133"/>
        <source>Pro-formas saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="138"/>
        <source>Pay now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="139"/>
        <source>Charge %1 now for one period (plus the reactivation fee if it is suspended)?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="54"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="63"/>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="63"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="64"/>
        <source>Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="78"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="83"/>
        <source>Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="84"/>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="92"/>
        <source>Save in the system &amp;keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="96"/>
        <source>Stripe secret key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="98"/>
        <source>Stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="101"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="127"/>
        <source>Empty: the SQLite file on this computer. For a team, the shared PostgreSQL database, e.g. postgresql+psycopg://alice@server:5432/renewdesk (its password goes to the system keyring). Takes effect when renewdesk next starts. To copy this portfolio into a new team database: renewdesk migrate-db --to URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="132"/>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="133"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="147"/>
        <source>Renewal notice, days before expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="148"/>
        <source>Charge, days before expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="149"/>
        <source>Minimum days between notice and charge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="150"/>
        <source>Renewal retries, days after the charge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="151"/>
        <source>Reactivation fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="152"/>
        <source>Installment retries, days after due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="153"/>
        <source>Minimum installment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="154"/>
        <source>Days to confirm a plan change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="155"/>
        <source>Day of the month for expiring-card e-mails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="156"/>
        <source>Removing a payment method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="157"/>
        <source>Try the customer&apos;s other methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="158"/>
        <source>Customer links valid for, days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="159"/>
        <source>Your e-mail for alerts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="160"/>
        <source>Language of your alerts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="161"/>
        <source>SMTP server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="161"/>
        <source>SMTP port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="162"/>
        <source>Sender address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="162"/>
        <source>SMTP user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="163"/>
        <source>Use STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="164"/>
        <source>Webhook URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="165"/>
        <source>Public address of customer links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="166"/>
        <source>Daily run at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="167"/>
        <source>Business time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="168"/>
        <source>Parallel processor calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/settings.py" line="169"/>
        <source>Processor requests per second (0: no limit):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SinceLastRunDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="28"/>
        <source>Since last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="29"/>
        <source>The last run was as of %1: %n day(s) to catch up, in date order, up to %2.</source>
        <translation>
            <numerusform>The last run was as of %1: %n day to catch up, up to %2.</numerusform>
            <numerusform>The last run was as of %1: %n days to catch up, in date order, up to %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="36"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="36"/>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="41"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="36"/>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="41"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="37"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="37"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="41"/>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="42"/>
        <source>Charge on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="46"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="46"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="48"/>
        <source>Suspensions: %1
Usage invoices: %2
Plan changes expiring: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="53"/>
        <source>Charges (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="54"/>
        <source>Notices (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="55"/>
        <source>E-mails (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="56"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="58"/>
        <source>&amp;Go ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/since_last_run.py" line="59"/>
        <source>&amp;Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../renewdesk/ui/startup.py" line="47"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="80"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="80"/>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="81"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="81"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="82"/>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="82"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="83"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="83"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="84"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="84"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="85"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="85"/>
        <source>In collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="86"/>
        <source>Payment failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="86"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="87"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="87"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="88"/>
        <source>Blocked (hard decline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="88"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="89"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="89"/>
        <source>Suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="90"/>
        <source>Not handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="90"/>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="91"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="91"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="92"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="92"/>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="93"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Word</name>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="148"/>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="148"/>
        <source>weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="149"/>
        <source>card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="149"/>
        <location filename="../../renewdesk/ui/i18n.py" line="150"/>
        <source>SEPA debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="150"/>
        <source>domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="151"/>
        <source>hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="151"/>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="152"/>
        <source>SSL certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="152"/>
        <source>letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="153"/>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/i18n.py" line="153"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="60"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="60"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="61"/>
        <source>pending (debit under way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="62"/>
        <source>unknown: the next run asks the processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="63"/>
        <source>nothing was due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="64"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/views/pages.py" line="66"/>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>old</name>
    <message>
        <location filename="../../renewdesk/ui/launch.py" line="33"/>
        <source>The new language applies after the run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Another operation is under way; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="56"/>
        <source>Import CSV — %1</source>
        <translation>Import CSV — %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="60"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="61"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="64"/>
        <source>Semicolon ;</source>
        <translation>Semicolon ;</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="65"/>
        <source>Comma ,</source>
        <translation>Comma ,</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="66"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="69"/>
        <source>Comma (1 234,50)</source>
        <translation>Comma (1 234,50)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="70"/>
        <source>Point (1234.50)</source>
        <translation>Point (1234.50)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="72"/>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="76"/>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="79"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="85"/>
        <source>Import:</source>
        <translation>Import:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="86"/>
        <source>Start from:</source>
        <translation>Start from:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="87"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="89"/>
        <source>Delimiter:</source>
        <translation>Delimiter:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="90"/>
        <source>Encoding:</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="91"/>
        <source>Decimal mark:</source>
        <translation>Decimal mark:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="92"/>
        <source>Dates:</source>
        <translation>Dates:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="107"/>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="125"/>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="145"/>
        <source>%1: %2 rows, columns: %3</source>
        <translation>%1: %2 rows, columns: %3</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="163"/>
        <source>Last mapping used</source>
        <translation>Last mapping used</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="166"/>
        <source>WHMCS clients export</source>
        <translation>WHMCS clients export</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="167"/>
        <source>WHMCS products/services export</source>
        <translation>WHMCS products/services export</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="169"/>
        <source>Columns named like the fields</source>
        <translation>Columns named like the fields</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="176"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="247"/>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="273"/>
        <source>%1 imported</source>
        <translation>%1 imported</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="281"/>
        <source>Import a CSV file</source>
        <translation>Import a CSV file</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/csv_import.py" line="282"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportFileDialog</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="42"/>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="45"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="50"/>
        <source>What importing %1 would do. Nothing is written until you choose Import; a file with refusals is not imported at all.</source>
        <translation>What importing %1 would do. Nothing is written until you choose Import; a file with refusals is not imported at all.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="62"/>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="83"/>
        <source>%1 imported</source>
        <translation>%1 imported</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="91"/>
        <source>Import an exchange file</source>
        <translation>Import an exchange file</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_file.py" line="92"/>
        <source>Exchange files (*.json);;All files (*)</source>
        <translation>Exchange files (*.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="17"/>
        <source>Not previewed yet.</source>
        <translation>Not previewed yet.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="29"/>
        <source>Refusals:</source>
        <translation>Refusals:</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="33"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="33"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="34"/>
        <source>Payment methods</source>
        <translation>Payment methods</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="35"/>
        <source>Installment orders</source>
        <translation>Installment orders</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="36"/>
        <source>Usage records</source>
        <translation>Usage records</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="36"/>
        <source>Renewals</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="37"/>
        <source>Usage invoices</source>
        <translation>Usage invoices</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="38"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="38"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="44"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="44"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="44"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="50"/>
        <source>Nothing is refused: %1 created, %2 updated. Nothing has been written yet.</source>
        <translation>Nothing is refused: %1 created, %2 updated. Nothing has been written yet.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="56"/>
        <source> (the first %1 are listed)</source>
        <translation> (the first %1 are listed)</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="58"/>
        <source>%1 refusal(s): nothing can be imported until they are corrected.</source>
        <translation>%1 refusal(s): nothing can be imported until they are corrected.</translation>
    </message>
    <message>
        <location filename="../../renewdesk/ui/dialogs/import_preview.py" line="68"/>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/alerts.py" line="90"/>
        <source>%n payments disputed; the last: %1</source>
        <translation>
            <numerusform>A payment disputed: %1</numerusform>
            <numerusform>%n payments disputed; the last: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncNow</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/sync_now.py" line="124"/>
        <source>Synced: %n event(s) read</source>
        <translation>
            <numerusform>Synced: %n event read</numerusform>
            <numerusform>Synced: %n events read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSummaryDialog</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="32"/>
        <source>%n event(s) read from the payment provider</source>
        <translation>
            <numerusform>%n event read from the payment provider</numerusform>
            <numerusform>%n events read from the payment provider</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="33"/>
        <source>, %n of them changed something here.</source>
        <translation>
            <numerusform>, %n of them changed something here.</numerusform>
            <numerusform>, %n of them changed something here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="35"/>
        <source>%n refund(s) left without an answer were settled.</source>
        <translation>
            <numerusform>%n refund left without an answer was settled.</numerusform>
            <numerusform>%n refunds left without an answer were settled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="38"/>
        <source>%n payment(s) concluded.</source>
        <translation>
            <numerusform>%n payment concluded.</numerusform>
            <numerusform>%n payments concluded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/sync_summary.py" line="85"/>
        <source>%n refund(s) could not be settled now: the next run asks the payment provider again.</source>
        <translation>
            <numerusform>%n refund could not be settled now: the next run asks the payment provider again.</numerusform>
            <numerusform>%n refunds could not be settled now: the next run asks the payment provider again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountingExportDialog</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="201"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/dialogs/accounting_export.py" line="202"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SellerNotice</name>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/seller_notice.py" line="39"/>
        <source>Invoices wait for the seller&apos;s %1: %n payment(s) waiting</source>
        <translation>
            <numerusform>Invoices wait for the seller&apos;s %1: %n payment waiting</numerusform>
            <numerusform>Invoices wait for the seller&apos;s %1: %n payments waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../renewdesk/ui/seller_notice.py" line="95"/>
        <source>Invoices wait for the seller: %n payment(s) waiting</source>
        <translation>
            <numerusform>Invoices wait for the seller: %n payment waiting</numerusform>
            <numerusform>Invoices wait for the seller: %n payments waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NeedsList</name>
    <message numerus="yes">
        <source>No mail server is set: %n e-mail(s) wait. Set it in Settings.</source>
        <translation>
            <numerusform>No mail server is set: %n e-mail wait. Set it in Settings.</numerusform>
            <numerusform>No mail server is set: %n e-mails wait. Set it in Settings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeNeeds</name>
    <message numerus="yes">
        <source>%n e-mail(s) cannot be sent: %1</source>
        <translation>
            <numerusform>%n e-mail cannot be sent: %1</numerusform>
            <numerusform>%n e-mails cannot be sent: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
