"""`renewdesk import`: create or update (by "ref") everything in an exchange file.

All or nothing: the caller commits only if the whole file went in. PM-2 is checked on the raw
document before anything else, so a card number is never stored, logged or echoed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from renewdesk.domain.cards import find_card_numbers
from renewdesk.domain.dates import month_key
from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.notify.links import ACTIONS
from renewdesk.payments.processor import Processor
from renewdesk.services import installments as inst
from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange import FORMAT
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.journal import audit
from renewdesk.services.recurrence import require_auto_renew_allowed
from renewdesk.services.renewals import drop_service
from renewdesk.store.models import (
    Attempt,
    BillingContact,
    Customer,
    CustomerLink,
    Event,
    Installment,
    InstallmentOrder,
    Notification,
    PaymentMethod,
    PlanChange,
    Renewal,
    RenewalItem,
    Service,
    UsageInvoice,
    UsageRecord,
)

SERVICE_STATUSES = ("active", "suspended", "overdue", "cancelled")
ATTEMPT_RESULTS = ("succeeded", "declined", "pending", "unknown")


@dataclass
class ImportResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated))
        return ", ".join(f"{k}: {self.created[k]} created, {self.updated[k]} updated"
                         for k in kinds) or "nothing to import"


def refuse_card_numbers(document: object) -> None:
    """PM-2: any value that looks like a card number refuses the whole file, unechoed."""
    for path in find_card_numbers(document):
        raise RuleRefused("PM-2", f"{path} looks like a card number; card numbers are never "
                                  "stored: use the processor's token and the last 4 digits")


class Importer:
    def __init__(self, session: Session, processor: Processor, today: date, now: datetime,
                 who: str) -> None:
        self.s = session
        self.processor = processor
        self.today = today
        self.now = now
        self.who = who
        self.result = ImportResult()

    def _by_ref(self, model: Any, ref: str | None) -> Any:
        if ref is None:
            return None
        return self.s.scalar(select(model).where(model.ref == ref))

    def _need(self, model: Any, ref: str | None, where: str, what: str) -> Any:
        found = self._by_ref(model, ref)
        if found is None:
            raise InputError(f"{where}: unknown {what} {ref!r}")
        return found

    def _count(self, kind: str, created: bool) -> None:
        (self.result.created if created else self.result.updated)[kind] += 1

    def run(self, document: object) -> ImportResult:
        refuse_card_numbers(document)
        with self.s.no_autoflush:
            return self._run(document)

    def _run(self, document: object) -> ImportResult:
        top = Obj(document, "", r.TOP)
        mark = self.s.scalar(select(func.max(Event.id))) or 0
        if top.data.get("format") != FORMAT:
            raise InputError(f"format: expected {FORMAT!r}, got {top.data.get('format')!r}")
        for obj in top.objects("customers", r.CUSTOMER):
            self.customer(obj)
        for obj in top.objects("services", r.SERVICE):
            self.service(obj)
        for obj in top.objects("installment_orders", r.ORDER):
            self.order(obj)
        seen: Counter[tuple[str, str]] = Counter()
        for obj in top.objects("usage", r.USAGE):
            self.usage(obj, seen)
        for obj in top.objects("renewals", r.RENEWAL):
            self.renewal(obj)
        for obj in top.objects("usage_invoices", r.USAGE_INVOICE):
            self.usage_invoice(obj)
        for obj in top.objects("notifications", r.NOTIFICATION):
            self.notification(obj)
        file_events = {self.event(obj) for obj in top.objects("events", r.EVENT)}
        self.s.flush()
        if top.has("events"):
            # A file with its own history is authoritative: the import's own events go.
            self.s.execute(delete(Event).where(Event.id > mark, Event.ref.not_in(file_events)))
        audit(self.s, self.who, "import", "portfolio", self.today, self.now, None,
              {"created": dict(self.result.created), "updated": dict(self.result.updated)})
        return self.result

    # -- parties -------------------------------------------------------------------------
    def customer(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._by_ref(Customer, ref)
        created = customer is None
        if customer is None:
            customer = Customer(ref=ref)
            self.s.add(customer)
        customer.name = o.text("name")
        customer.email = o.text("email")
        if "@" not in customer.email:
            raise InputError(f"{o.path}.email: {customer.email!r} is not an e-mail address")
        customer.address = o.text("address", required=False)
        customer.language = o.choice("language", ("fr", "en"), required=False, default="en")
        customer.emails_enabled = o.flag("emails_enabled", default=True)
        self.s.flush()
        self._count("customers", created)
        for c in o.objects("contacts", r.CONTACT):
            contact = self._by_ref(BillingContact, c.ref())
            if contact is None:
                contact = BillingContact(ref=c.ref(), customer=customer)
                self.s.add(contact)
            elif contact.customer_id != customer.id:
                raise InputError(f"{c.path}.ref: contact {contact.ref} belongs to another customer")
            contact.name = c.text("name")
            contact.email = c.text("email", required=False)
            contact.address = c.text("address", required=False)
            self.s.flush()
        for position, m in enumerate(o.objects("payment_methods", r.METHOD)):
            self.method(customer, m, position)

    def method(self, customer: Customer, m: Obj, position: int) -> None:
        data = pms.MethodInput(
            ref=m.ref() or "", type=m.choice("type", pms.TYPES), token=m.text("token"),
            brand=m.text("brand", required=False), last4=m.text("last4", required=False),
            exp_month=m.integer("exp_month", required=False),
            exp_year=m.integer("exp_year", required=False), holder=m.text("holder", required=False))
        removed_on = m.day("removed_on", required=False)
        method = self._by_ref(PaymentMethod, data.ref)
        try:
            if method is None:
                if removed_on is not None:
                    data.validate()
                    method = PaymentMethod(ref=data.ref, customer=customer, position=None,
                                           removed_on=removed_on, accepted=m.flag("accepted"),
                                           **{k: getattr(data, k) for k in pms._FIELDS})
                    self.s.add(method)
                else:
                    method = pms.add_method(self.s, self.processor, customer, data, self.today,
                                            self.now)
                self._count("payment_methods", True)
            else:
                if method.customer_id != customer.id:
                    raise InputError(f"payment method {data.ref} belongs to another customer")
                if pms.update_method(self.s, self.processor, method, data, self.today, self.now):
                    self._count("payment_methods", False)
        except InputError as error:
            raise error.prefixed(m.path) from None
        method.blocked_code = m.text("blocked_code", required=False) or method.blocked_code
        if m.has("expiring_notice_for"):
            method.expiring_notice_for = m.text("expiring_notice_for")
        if removed_on is None and method.removed_on is None and method.position != position:
            clash = next((x for x in customer.payment_methods
                          if x.position == position and x.id != method.id), None)
            if clash is not None:
                clash.position = None
                self.s.flush()
                method.position = position
                self.s.flush()
                clash.position = max(x.position or 0 for x in customer.payment_methods) + 1
            else:
                method.position = position
            self.s.flush()
            self.s.expire(customer, ["payment_methods"])

    # -- services ------------------------------------------------------------------------
    def service(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._need(Customer, o.ref("customer"), o.path + ".customer", "customer")
        service = self._by_ref(Service, ref)
        created = service is None
        if service is None:
            service = Service(ref=ref, customer=customer, status="active", auto_renew=False)
            self.s.add(service)
        elif service.customer_id != customer.id:
            raise InputError(f"{o.path}.customer: service {ref} belongs to "
                             f"{service.customer.ref}; it cannot move customer")
        service.kind = o.text("kind")
        service.label = o.text("label")
        service.billing = o.choice("billing", ("period", "usage"))
        service.currency = o.currency()
        if service.billing == "period":
            price = o.money("price", service.currency)
            assert price is not None
            if price.minor <= 0:
                raise InputError(f"{o.path}.price: must be more than zero")
            service.price_minor = price.minor
            service.period_months = o.integer("period_months", low=1, high=120)
            service.expires_on = o.day("expires_on")
        else:
            unit = o.money("unit_price", service.currency)
            assert unit is not None
            if unit.minor < 0:
                raise InputError(f"{o.path}.unit_price: must not be negative")
            service.unit_price_minor = unit.minor
            service.expires_on = o.day("expires_on", required=False)
        method_ref = o.ref("payment_method", required=False)
        service.payment_method = self._owned(PaymentMethod, method_ref, customer,
                                             o.path + ".payment_method", "payment method")
        contact_ref = o.ref("billing_contact", required=False)
        service.billing_contact = self._owned(BillingContact, contact_ref, customer,
                                              o.path + ".billing_contact", "billing contact")
        status = o.choice("status", SERVICE_STATUSES, required=False, default=service.status)
        auto = o.flag("auto_renew", default=service.auto_renew)
        if auto and not service.auto_renew:
            try:
                require_auto_renew_allowed(customer, self.today)
            except RuleRefused as error:
                raise error.prefixed(f"{o.path}.auto_renew") from None
            if service.billing != "period":
                raise InputError(f"{o.path}.auto_renew: a usage-billed service does not renew")
        service.auto_renew = auto
        self.s.flush()
        if status != service.status:
            service.status = status
            if status == "cancelled":
                drop_service(self.s, service, self.today, self.now)  # AR-8
        self._count("services", created)

    def _owned(self, model: Any, ref: str | None, customer: Customer, where: str,
               what: str) -> Any:
        found = self._need(model, ref, where, what) if ref else None
        if found is not None and found.customer_id != customer.id:
            raise InputError(f"{where}: {what} {ref} belongs to another customer")
        return found

    # -- installment orders --------------------------------------------------------------
    def order(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._need(Customer, o.ref("customer"), o.path + ".customer", "customer")
        currency = o.currency()
        amount = o.money("installment_amount", currency)
        assert amount is not None
        if amount.minor <= 0:
            raise InputError(f"{o.path}.installment_amount: must be more than zero")
        raw = o.data.get("installments")
        detail = list(o.objects("installments", r.INSTALLMENT)) if isinstance(raw, list) else None
        count = len(detail) if detail is not None else o.integer("installments", low=1, high=520)
        interval = o.choice("interval", ("weekly", "monthly"))
        first_due = o.day("first_due_on")
        assert count is not None and first_due is not None
        order = self._by_ref(InstallmentOrder, ref)
        created = order is None
        if order is None:
            order = InstallmentOrder(ref=ref, customer=customer, status="active",
                                     installments_count=count, interval=interval,
                                     first_due_on=first_due, currency=currency,
                                     installment_amount_minor=amount.minor)
            self.s.add(order)
        elif (order.installments_count, order.interval, order.first_due_on, order.currency) != (
                count, interval, first_due, currency):
            raise RuleRefused("IN-2", f"{o.path}: the count, interval, first due date and "
                                      f"currency of order {ref} never change")
        elif order.customer_id != customer.id:
            raise InputError(f"{o.path}.customer: order {ref} belongs to {order.customer.ref}")
        order.product = o.text("product")
        order.invoice_number = o.text("invoice_number")
        order.method = o.choice("method", ("card", "sepa"))
        order.payment_method = self._owned(PaymentMethod, o.ref("payment_method", required=False),
                                           customer, o.path + ".payment_method", "payment method")
        if order.payment_method is None:
            raise InputError(f"{o.path}.payment_method: an installment order needs one")
        wanted_type = "card" if order.method == "card" else "sepa_debit"
        if order.payment_method.type != wanted_type:
            raise InputError(f"{o.path}.payment_method: {order.payment_method.ref} is a "
                             f"{order.payment_method.type}, the order is paid by {order.method}")
        if created:
            if not order.payment_method.is_valid(self.today) and detail is None:
                raise RuleRefused("PM-3", f"{o.path}.payment_method: "
                                          f"{order.payment_method.ref} is not valid")
            self.s.flush()
            inst.build_installments(order)
        elif amount.minor != order.installment_amount_minor and detail is None:
            raise RuleRefused("IN-2", f"{o.path}.installment_amount: change the amount of "
                                      f"order {ref} with a plan update")
        order.installment_amount_minor = amount.minor
        order.status = o.choice("status", ("active", "completed", "collection", "cancelled"),
                                required=False, default=order.status)
        order.in_collection = o.flag("in_collection", default=order.in_collection)
        order.collection_on = o.day("collection_on", required=False) or order.collection_on
        self.s.flush()
        if detail is not None:
            self._installments(order, detail)
        for p in o.objects("plan_changes", r.PLAN_CHANGE):
            self._plan_change(order, p)
        self.s.flush()
        self._count("installment_orders", created)

    def _installments(self, order: InstallmentOrder, detail: list[Obj]) -> None:
        existing = {i.number: i for i in order.installments}
        for d in detail:
            number = d.integer("number", low=1)
            assert number is not None
            item = existing.get(number)
            if item is None:
                item = Installment(number=number, order=order)
                self.s.add(item)
            item.due_on = d.day("due_on")  # type: ignore[assignment]
            amount = d.money("amount", order.currency)
            assert amount is not None
            item.amount_minor = amount.minor
            item.status = d.choice("status", ("scheduled", "paid", "failed", "processing"))
            item.rounds_done = d.integer("rounds_done", required=False, low=0) or 0
            item.next_attempt_on = d.day("next_attempt_on", required=False)
            item.stopped_code = d.text("stopped_code", required=False) or None
            item.final_attempt_used = d.flag("final_attempt_used")
            item.in_collections_list = d.flag("in_collections_list")
            self.s.flush()
            self._attempts(d, "installment_id", item.id, order.currency, order.customer)

    def _plan_change(self, order: InstallmentOrder, p: Obj) -> None:
        requested = p.day("requested_on")
        amount = p.money("amount", order.currency)
        assert amount is not None and requested is not None
        change = next((c for c in order.plan_changes if c.requested_on == requested
                       and c.amount_minor == amount.minor), None)
        if change is None:
            change = PlanChange(order=order, requested_on=requested, amount_minor=amount.minor)
            self.s.add(change)
        change.status = p.choice("status", ("pending", "confirmed", "expired", "replaced"))
        change.deadline_on = p.day("deadline_on")  # type: ignore[assignment]
        change.confirmed_on = p.day("confirmed_on", required=False)

    # -- usage ---------------------------------------------------------------------------
    def usage(self, o: Obj, seen: Counter[tuple[str, str]]) -> None:
        service = self._need(Service, o.ref("service"), o.path + ".service", "service")
        if service.billing != "usage":
            raise InputError(f"{o.path}.service: {service.ref} is not billed on usage")
        on = o.day("on")
        quantity = o.integer("quantity", low=0)
        assert on is not None and quantity is not None
        ref = o.ref(required=False)
        if ref is None:
            # A stable reference, so importing the same file twice records nothing twice.
            seen[(service.ref, on.isoformat())] += 1
            ref = f"{service.ref}/{on.isoformat()}/{seen[(service.ref, on.isoformat())]}"
        record = self._by_ref(UsageRecord, ref)
        created = record is None
        if record is None:
            record = UsageRecord(ref=ref)
            self.s.add(record)
        record.service, record.on, record.quantity = service, on, quantity
        record.period = month_key(on)
        self.s.flush()
        self._count("usage", created)

    # -- history: carts, invoices, attempts, messages, events ----------------------------
    def _attempts(self, o: Obj, column: str, subject_id: int, currency: str,
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
        self.s.flush()

    def renewal(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._need(Customer, o.ref("customer"), o.path + ".customer", "customer")
        currency = o.currency()
        renewal = self._by_ref(Renewal, ref)
        created = renewal is None
        amount = o.money("amount", currency)
        assert amount is not None
        if renewal is None:
            renewal = Renewal(ref=ref, customer=customer)
            self.s.add(renewal)
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
        renewal.rounds_done = o.integer("rounds_done", required=False, low=0) or 0
        renewal.next_attempt_on = o.day("next_attempt_on", required=False)
        renewal.stopped_code = o.text("stopped_code", required=False) or None
        items = list(o.objects("items", r.RENEWAL_ITEM))
        if items:
            specs = [(self._need(Service, i.ref("service"), i.path, "service"),
                      i.day("period_expires_on"), i.money("amount", currency), i.flag("removed"))
                     for i in items]
        else:
            specs = []
            for service_ref in o.refs("services"):
                service = self._need(Service, service_ref, o.path + ".services", "service")
                specs.append((service, service.expires_on, service.price, False))
        if not specs:
            raise InputError(f"{o.path}.services: a renewal needs at least one service")
        renewal.earliest_expiry = (o.day("earliest_expiry", required=False)
                                   or min(p for _, p, _, removed in specs
                                          if p is not None and not removed))
        self.s.flush()
        current = {(i.service_id, i.period_expires_on): i for i in renewal.items}
        for service, period, item_amount, removed in specs:
            if service.customer_id != customer.id:
                raise InputError(f"{o.path}: service {service.ref} belongs to another customer")
            assert period is not None and item_amount is not None
            item = current.get((service.id, period))
            if item is None:
                item = RenewalItem(renewal=renewal, service=service, period_expires_on=period)
                self.s.add(item)
            item.amount_minor, item.removed = item_amount.minor, removed
        self.s.flush()
        self._attempts(o, "renewal_id", renewal.id, currency, customer)
        self._count("renewals", created)

    def usage_invoice(self, o: Obj) -> None:
        ref = o.ref()
        service = self._need(Service, o.ref("service"), o.path + ".service", "service")
        currency = o.currency()
        amount = o.money("amount", currency)
        assert amount is not None
        invoice = self._by_ref(UsageInvoice, ref)
        created = invoice is None
        if invoice is None:
            invoice = UsageInvoice(ref=ref, service=service)
            self.s.add(invoice)
        invoice.period = o.text("period")
        invoice.quantity = o.integer("quantity", required=False, low=0) or 0
        invoice.amount_minor, invoice.currency = amount.minor, currency
        invoice.issued_on = o.day("issued_on", required=False) or self.today
        invoice.status = o.choice("status", ("open", "processing", "paid", "failed"))
        invoice.rounds_done = o.integer("rounds_done", required=False, low=0) or 0
        invoice.next_attempt_on = o.day("next_attempt_on", required=False)
        invoice.stopped_code = o.text("stopped_code", required=False) or None
        self.s.flush()
        self._attempts(o, "usage_invoice_id", invoice.id, currency, service.customer)
        self._count("usage_invoices", created)

    def notification(self, o: Obj) -> None:
        ref = o.ref()
        note = self._by_ref(Notification, ref)
        created = note is None
        customer = self._need(Customer, o.ref("customer", False), o.path + ".customer",
                              "customer") if o.has("customer") else None
        if note is None:
            note = Notification(ref=ref)
            self.s.add(note)
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
        self.s.flush()
        for k in o.objects("links", r.LINK):
            token = k.text("token")
            link = self.s.scalar(select(CustomerLink).where(CustomerLink.token == token))
            if link is None:
                if customer is None:
                    raise InputError(f"{k.path}: a link needs the notification's customer")
                link = CustomerLink(token=token, customer_id=customer.id)
                self.s.add(link)
            link.action = k.choice("action", ACTIONS)
            link.subject_ref = k.text("subject", required=False) or (customer.ref
                                                                     if customer else "")
            link.expires_on = k.day("expires_on", required=False) or note.created_on
            link.used_on = k.day("used_on", required=False)
            link.notification_id = note.id
            self.s.flush()
        self._count("notifications", created)

    def event(self, o: Obj) -> str:
        ref = o.ref()
        assert ref is not None
        event = self._by_ref(Event, ref)
        created = event is None
        if event is None:
            event = Event(ref=ref, created_at=self.now, delivery="none")
            self.s.add(event)
        event.type = o.text("type")
        event.on = o.day("on")
        event.subject = o.text("subject")
        event.data = o.mapping("data")
        self.s.flush()
        self._count("events", created)
        return ref


def import_document(session: Session, processor: Processor, document: object, today: date,
                    now: datetime, who: str) -> ImportResult:
    return Importer(session, processor, today, now, who).run(document)


