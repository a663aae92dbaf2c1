"""Importing history: renewal carts, usage invoices, attempts (with a payment's refunds and
dispute), notifications and events, so that an exported state imported into an empty database
exports the same document again."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.domain.sensitive import never_sensitive
from renewdesk.notify.links import ACTIONS
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.exchange.scope import ImportScope
from renewdesk.services.refunds import counted, payment_ref
from renewdesk.services.renewals import period_charge
from renewdesk.store.models import (
    Attempt,
    BillingContact,
    Customer,
    CustomerLink,
    Dispute,
    Event,
    Notification,
    PaymentMethod,
    Refund,
    Renewal,
    RenewalItem,
    Service,
    UsageInvoice,
)

ATTEMPT_RESULTS = ("succeeded", "declined", "pending", "unknown")
REFUND_STATUSES = ("unknown", "succeeded", "pending", "failed", "canceled", "refused")
# Stripe's words for where a dispute stands (the processor's own, kept as they are).
DISPUTE_STATUSES = ("warning_needs_response", "warning_under_review", "warning_closed",
                    "needs_response", "under_review", "won", "lost", "prevented")


class HistoryImporter(ImportScope):
    def _attempts(self, o: Obj, column: str, subject_id: int, subject_ref: str, currency: str,
                  customer: Customer) -> None:
        existing = {a.number: a for a in self.s.scalars(
            select(Attempt).where(getattr(Attempt, column) == subject_id))}
        for a in o.objects("attempts", r.ATTEMPT):
            number = a.integer("number", low=1)
            assert number is not None
            attempt = existing.get(number)
            if attempt is None:
                attempt = Attempt(number=number, created_at=self.now)
                setattr(attempt, column, subject_id)
                self.s.add(attempt)
            attempt.idempotency_key = (a.text("idempotency_key", required=False)
                                       or attempt.idempotency_key or f"rd_import_{column}_"
                                       f"{subject_id}_{number}")
            attempt.on = a.day("on")  # type: ignore[assignment]
            attempt.payment_method = self._owned(PaymentMethod, a.ref("payment_method"), customer,
                                                 a.path + ".payment_method", "payment method")
            amount = a.money("amount", currency)
            assert amount is not None
            attempt.amount_minor, attempt.currency = amount.minor, currency
            attempt.result = a.choice("result", ATTEMPT_RESULTS)
            attempt.decline_code = a.text("decline_code", required=False) or None
            attempt.hard_decline = a.flag("hard_decline")
            attempt.round = a.integer("round", required=False, low=1) or 1
            attempt.manual = a.flag("manual")
            attempt.processor_ref = a.text("processor_ref", required=False) or None
            if attempt.result not in ("unknown", "pending"):
                attempt.settled_at = attempt.settled_at or self.now
            self._payment(a, attempt, payment_ref(subject_ref, number), currency)
        self.s.flush()

    def _payment(self, a: Obj, attempt: Attempt, ref: str, currency: str) -> None:
        """A successful attempt is a payment: its reference (checked, it is computed), its
        refunds (created or updated by number) and its dispute (by the processor's id). A file
        that does not give them changes none of them."""
        if a.has("ref") and a.text("ref") != ref:
            raise InputError("payment_ref_differs", field=f"{a.path}.ref",
                             given=a.text("ref")[:80], expected=ref)
        given = list(a.objects("refunds", r.REFUND))
        dispute = a.object("dispute", r.DISPUTE)
        if not given and dispute is None:
            return
        if attempt.result != "succeeded":
            raise InputError("payment_history_needs_success",
                             field=f"{a.path}.{'refunds' if given else 'dispute'}")
        existing = {f.number: f for f in attempt.refunds}
        where: dict[int, str] = {}
        for f in given:
            number = self._refund(f, attempt, ref, currency, existing)
            if number in where:
                raise InputError("ref_given_twice", field=f"{f.path}.ref",
                                 ref=f.text("ref")[:80], first=where[number])
            where[number] = f.path
        if counted(attempt.refunds) > attempt.amount_minor:
            raise InputError("refunds_exceed_payment", field=f"{a.path}.refunds",
                             refunded=Money(counted(attempt.refunds), currency), payment=ref,
                             paid=Money(attempt.amount_minor, currency))
        if dispute is not None:
            self._dispute(dispute, attempt, currency)

    def _refund(self, f: Obj, attempt: Attempt, payment: str, currency: str,
                existing: dict[int, Refund]) -> int:
        given = f.text("ref")
        head, _, tail = given.rpartition("/")
        if head != payment or not tail.isdigit() or tail.startswith("0"):
            raise InputError("refund_ref_not_of_payment", field=f"{f.path}.ref",
                             given=given[:80], payment=payment)
        number = int(tail)
        amount = f.money("amount", currency)
        assert amount is not None
        if amount.minor <= 0:
            raise InputError("must_be_positive", field=f"{f.path}.amount")
        refund = existing.get(number)
        if refund is None:
            refund = Refund(attempt=attempt, number=number, created_at=self.now, who=self.who,
                            idempotency_key=never_sensitive(
                                lambda: f"rd_import_rf_{uuid.uuid4().hex}"))
            self.s.add(refund)
            existing[number] = refund
        refund.idempotency_key = (f.text("idempotency_key", required=False)
                                  or refund.idempotency_key)
        refund.amount_minor, refund.currency = amount.minor, currency
        refund.on = f.day("on")  # type: ignore[assignment]
        refund.status = f.choice("status", REFUND_STATUSES)
        refund.reason = f.text("reason", required=False)  # none for one made at the processor
        refund.refusal = f.text("refusal", required=False) or None
        refund.processor_ref = f.text("processor_ref", required=False) or None
        refund.who = f.text("by", required=False) or refund.who
        if refund.status not in ("unknown", "pending"):
            refund.settled_at = refund.settled_at or self.now
        return number

    def _dispute(self, d: Obj, attempt: Attempt, currency: str) -> None:
        processor_ref = d.text("processor_ref", required=False) or None
        known = attempt.disputes
        dispute = (next((x for x in known if x.processor_ref == processor_ref), None)
                   if processor_ref else (known[-1] if known else None))
        if dispute is None:
            dispute = Dispute(attempt=attempt, suspended=[], processor_ref=processor_ref
                              or never_sensitive(lambda: f"rd_import_dp_{uuid.uuid4().hex}"))
            self.s.add(dispute)
        amount = d.money("amount", currency)
        assert amount is not None
        if amount.minor <= 0:
            raise InputError("must_be_positive", field=f"{d.path}.amount")
        dispute.amount_minor, dispute.currency = amount.minor, currency
        dispute.status = d.choice("status", DISPUTE_STATUSES)
        dispute.reason = d.text("reason", required=False) or dispute.reason or "general"
        dispute.respond_by = d.day("respond_by", required=False)
        dispute.opened_on = (d.day("opened_on", required=False) or dispute.opened_on
                             or self.today)
        dispute.closed_on = d.day("closed_on", required=False)
        dispute.suspended = d.refs("suspended")

    def renewal(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._need(Customer, o.ref("customer"), o.path + ".customer", "customer")
        currency = o.currency()
        amount = o.money("amount", currency)
        assert amount is not None
        renewal, created = self._upsert(Renewal, ref, customer=customer)
        renewal.currency = currency
        renewal.amount_minor = amount.minor
        renewal.status = o.choice("status", ("scheduled", "cancelled", "paid", "failed",
                                             "expired"))
        renewal.notice_on = o.day("notice_on")
        renewal.charge_on = o.day("charge_on")
        renewal.billing_contact = self._owned(BillingContact, o.ref("billing_contact", False),
                                              customer, o.path + ".billing_contact", "contact")
        renewal.payment_method = self._owned(PaymentMethod, o.ref("payment_method", False),
                                             customer, o.path + ".payment_method",
                                             "payment method")
        self._retry_state(renewal, o)
        items = list(o.objects("items", r.RENEWAL_ITEM))
        if items:
            specs = [(self._need(Service, i.ref("service"), i.path, "service"),
                      i.day("period_expires_on"), i.money("amount", currency), i.flag("removed"))
                     for i in items]
        else:
            specs = []
            for service_ref in o.refs("services"):
                service = self._need(Service, service_ref, o.path + ".services", "service")
                specs.append((service, service.expires_on,  # IV-3: what it charges
                              Money(period_charge(self.s, service), service.currency), False))
        if not specs:
            raise InputError("renewal_needs_service", field=f"{o.path}.services")
        renewal.earliest_expiry = (o.day("earliest_expiry", required=False)
                                   or min(p for _, p, _, removed in specs
                                          if p is not None and not removed))
        self.s.flush()
        current = {(i.service_id, i.period_expires_on): i for i in renewal.items}
        for service, period, item_amount, removed in specs:
            if service.customer_id != customer.id:
                raise InputError("of_another_customer", what="service",
                                 ref=service.ref).prefixed(o.path)
            assert period is not None and item_amount is not None
            item = current.get((service.id, period))
            if item is None:
                item = RenewalItem(renewal=renewal, service=service, period_expires_on=period)
                self.s.add(item)
            item.amount_minor, item.removed = item_amount.minor, removed
        self.s.flush()
        self._attempts(o, "renewal_id", renewal.id, renewal.ref, currency, customer)
        self.count("renewals", created)

    def usage_invoice(self, o: Obj) -> None:
        ref = o.ref()
        service = self._need(Service, o.ref("service"), o.path + ".service", "service")
        currency = o.currency()
        amount = o.money("amount", currency)
        assert amount is not None
        invoice, created = self._upsert(UsageInvoice, ref, service=service)
        invoice.period = o.text("period")
        invoice.quantity = o.integer("quantity", required=False, low=0) or 0
        invoice.amount_minor, invoice.currency = amount.minor, currency
        invoice.issued_on = o.day("issued_on", required=False) or self.today
        invoice.status = o.choice("status", ("open", "processing", "paid", "failed"))
        self._retry_state(invoice, o)
        self.s.flush()
        self._attempts(o, "usage_invoice_id", invoice.id, invoice.ref, currency,
                       service.customer)
        self.count("usage_invoices", created)

    def notification(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._need(Customer, o.ref("customer", False), o.path + ".customer",
                              "customer") if o.has("customer") else None
        note, created = self._upsert(Notification, ref)
        note.kind = o.text("kind")
        note.customer_id = customer.id if customer else None
        note.to = o.text("to")
        note.language = o.choice("language", ("fr", "en"), required=False, default="en")
        note.subject = o.text("subject", required=False)
        note.body = o.text("body", required=False)
        note.created_on = o.day("created_on")
        note.status = o.choice("status", ("queued", "sent", "failed", "suppressed"))
        note.tries = o.integer("tries", required=False, low=0) or 0
        note.last_error = o.text("last_error", required=False) or None
        note.invoice_number = o.text("invoice_number", required=False) or None
        note.html = o.text("html", required=False) or None  # HM-4: its HTML part, as sent
        # HM-2: what it was rendered from, so a queued one still gathers with others
        note.context = o.mapping("context") if o.has("context") else None
        self.s.flush()
        for k in o.objects("links", r.LINK):
            token = k.text("token")
            link = self.s.scalar(select(CustomerLink).where(CustomerLink.token == token))
            if link is None:
                if customer is None:
                    raise InputError("link_needs_customer", path=k.path)
                link = CustomerLink(token=token, customer_id=customer.id)
                self.s.add(link)
            link.action = k.choice("action", ACTIONS)
            link.subject_ref = k.text("subject", required=False) or (customer.ref
                                                                     if customer else "")
            link.expires_on = k.day("expires_on", required=False) or note.created_on
            link.used_on = k.day("used_on", required=False)
            link.notification_id = note.id
            self.s.flush()
        self.count("notifications", created)

    def event(self, o: Obj) -> str:
        ref = o.ref()
        assert ref is not None
        event, created = self._upsert(Event, ref, created_at=self.now, delivery="none")
        event.type = o.text("type")
        event.on = o.day("on")
        event.subject = o.text("subject")
        event.data = o.mapping("data")
        self.s.flush()
        self.count("events", created)
        return ref
