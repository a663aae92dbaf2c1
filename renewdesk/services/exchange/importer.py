"""`renewdesk import`: create or update (by "ref") everything in an exchange file.

All or nothing: the caller commits only if the whole file went in. PM-2 is checked on the raw
document before anything else, so a card number is never stored, logged or echoed.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy import and_, delete, exists, func, select
from sqlalchemy.orm import Session

from renewdesk.domain.dates import month_key
from renewdesk.domain.errors import InputError, RuleRefused
from renewdesk.domain.money import MAX_MINOR, Money
from renewdesk.domain.sensitive import sensitive_paths
from renewdesk.payments.processor import Processor
from renewdesk.services import installments as inst
from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange import FORMAT
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.history import HistoryImporter
from renewdesk.services.exchange.invoice_rows import invoice_in
from renewdesk.services.exchange.new_objects import NewObjects
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.exchange.rows import SERVICE_STATUSES
from renewdesk.services.exchange.scope import (
    ImportResult,
    customer_values,
    method_input,
    order_values,
    service_values,
    usage_values,
)
from renewdesk.services.exchange.writers import ManyRows, Writer
from renewdesk.services.journal import audit
from renewdesk.services.recurrence import require_auto_renew_allowed
from renewdesk.services.renewals import drop_service
from renewdesk.services.usage import UsageTooLarge, period_amount
from renewdesk.store import search_index
from renewdesk.store.batches import collected_after
from renewdesk.store.models import (
    BillingContact,
    Customer,
    Event,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    PlanChange,
    Service,
    UsageInvoice,
    UsageRecord,
)


def refuse_card_numbers(document: object) -> None:
    """PM-2: any value that looks like a card number or an IBAN refuses the whole file, unechoed."""
    for path, kind in sensitive_paths(document):
        raise RuleRefused("document_sensitive", rule="PM-2", path=path, kind=kind)


class Importer(HistoryImporter):
    """Current state: customers, contacts, methods, services, orders, usage.

    New customers and services are checked once (`rows.py`) and written by `writer`: many rows
    per INSERT (`ManyRows`, the default), or one object at a time (`writers.OneRow`, the plain
    way the other is tested against). Updates go the per-object way below."""

    # Each month's usage not yet invoiced, by (service id, month), as the file adds to it.
    _usage_totals: dict[tuple[int, str], int | None]

    def __init__(self, session: Session, processor: Processor, today: date, now: datetime,
                 who: str, writer: type[Writer] = ManyRows) -> None:
        super().__init__(session, processor, today, now, who)
        self.writer = writer

    def run(self, document: object) -> ImportResult:
        self._usage_totals = {}
        try:
            refuse_card_numbers(document)
            r.refuse_repeated_refs(document)
            with self.s.no_autoflush:
                return self._run(document)
        except RecursionError:  # what json.loads read but no walk of it can
            raise InputError("file_nested_too_deeply") from None

    def begin_form(self) -> None:
        """Ready for one object saved from a window's form (`services/forms.py`), which calls
        the object's method below directly rather than `run`."""
        self._usage_totals = {}

    def _run(self, document: object) -> ImportResult:
        top = Obj(document, "", r.TOP)
        mark = self.s.scalar(select(func.max(Event.id))) or 0
        if top.data.get("format") != FORMAT:
            raise InputError("wrong_format", expected=FORMAT, given=repr(top.data.get("format")))
        new = NewObjects(self, top.data, self.writer)
        try:
            for obj in top.objects("customers", r.CUSTOMER):
                if not new.take_customer(obj):
                    new.write()  # what waits comes first: the file is read in order
                    self.customer(obj)
            new.send()
            for obj in top.objects("services", r.SERVICE):
                if not new.take_service(obj):
                    new.write()
                    self.service(obj)
            new.write()
        except BaseException:
            new.settle(failing=True)  # the connection free again, for the rollback
            raise
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
        for obj in top.objects("invoices", r.INVOICE):
            if invoice_in(self.s, obj, self.now):
                self.result.created["invoices"] += 1
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
        customer, created = self._upsert(Customer, ref)
        for name, value in customer_values(o, self.default_country).items():
            setattr(customer, name, value)
        self.s.flush()
        self.count("customers", created)
        for c in o.objects("contacts", r.CONTACT):
            contact = self._by_ref(BillingContact, c.ref())
            if contact is None:
                contact = BillingContact(ref=c.ref(), customer=customer)
                self.s.add(contact)
            elif contact.customer_id != customer.id:
                raise InputError("of_another_customer", what="contact",
                                 ref=contact.ref).prefixed(f"{c.path}.ref")
            contact.name = c.text("name")
            contact.email = c.text("email", required=False)
            contact.address = c.text("address", required=False)
            self.s.flush()
        for position, m in enumerate(o.objects("payment_methods", r.METHOD)):
            self.method(customer, m, position)

    def method(self, customer: Customer, m: Obj, position: int) -> None:
        data = method_input(m)
        removed_on = m.day("removed_on", required=False)
        method = self._by_ref(PaymentMethod, data.ref)
        try:
            if method is None:
                if removed_on is not None:
                    data.validate()
                    method = PaymentMethod(ref=data.ref, customer=customer, position=None,
                                           removed_on=removed_on, accepted=m.flag("accepted"),
                                           **pms.columns(data))
                    self.s.add(method)
                else:
                    method = pms.add_method(self.s, self.processor, customer, data, self.today,
                                            self.now)
                self.count("payment_methods", True)
            else:
                if method.customer_id != customer.id:
                    raise InputError("of_another_customer", what="payment method", ref=data.ref)
                if pms.update_method(self.s, self.processor, method, data, self.today, self.now):
                    self.count("payment_methods", False)
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
        service, created = self._upsert(Service, ref, customer=customer, status="active",
                                        auto_renew=False)
        if not created and service.customer_id != customer.id:
            raise InputError("service_cannot_move", field=f"{o.path}.customer", service=ref,
                             customer=service.customer.ref)
        for name, value in service_values(o).items():
            setattr(service, name, value)
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
                raise InputError("usage_billed_no_renewal", field=f"{o.path}.auto_renew")
        service.auto_renew = auto
        self.s.flush()
        if not created and service.billing == "usage":
            self._usage_fits(service, f"{o.path}.unit_price")  # a new price, on usage still due
        if status != service.status:
            service.status = status
            if status == "cancelled":
                drop_service(self.s, service, self.today, self.now)  # AR-8
        self.count("services", created)

    # -- installment orders --------------------------------------------------------------
    def order(self, o: Obj) -> None:
        ref = o.ref()
        customer = self._need(Customer, o.ref("customer"), o.path + ".customer", "customer")
        terms = order_values(o)
        currency, interval, first_due = terms["currency"], terms["interval"], terms["first_due_on"]
        amount = Money(terms["installment_amount_minor"], currency)
        raw = o.data.get("installments")
        detail = list(o.objects("installments", r.INSTALLMENT)) if isinstance(raw, list) else None
        count = len(detail) if detail is not None else terms["installments_count"]
        assert count is not None and first_due is not None
        order, created = self._upsert(
            InstallmentOrder, ref, customer=customer, status="active", installments_count=count,
            interval=interval, first_due_on=first_due, currency=currency,
            installment_amount_minor=amount.minor)
        fixed = (order.installments_count, order.interval, order.first_due_on, order.currency)
        if not created and fixed != (count, interval, first_due, currency):
            raise RuleRefused("order_fixed_terms", rule="IN-2", path=o.path, order=ref)
        if not created and order.customer_id != customer.id:
            raise InputError("order_of_another_customer", field=f"{o.path}.customer", order=ref,
                             customer=order.customer.ref)
        order.vat_rate_bp = terms["vat_rate_bp"]
        order.product = o.text("product")
        order.invoice_number = o.text("invoice_number")
        order.method = o.choice("method", ("card", "sepa"))
        order.payment_method = self._owned(PaymentMethod, o.ref("payment_method", required=False),
                                           customer, o.path + ".payment_method", "payment method")
        if order.payment_method is None:
            raise InputError("order_needs_method", field=f"{o.path}.payment_method")
        wanted_type = "card" if order.method == "card" else "sepa_debit"
        if order.payment_method.type != wanted_type:
            raise InputError("order_method_type", field=f"{o.path}.payment_method",
                             method=order.payment_method.ref, type=order.payment_method.type,
                             paid_by=order.method)
        if created:
            if not order.payment_method.is_valid(self.today) and detail is None:
                raise RuleRefused("order_method_invalid", rule="PM-3", path=o.path,
                                  method=order.payment_method.ref)
            self.s.flush()
            inst.build_installments(self.s, order)
        elif amount.minor != order.installment_amount_minor and detail is None:
            raise RuleRefused("order_amount_by_plan_update", rule="IN-2", path=o.path, order=ref)
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
        self.count("installment_orders", created)

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
            self._retry_state(item, d)
            item.final_attempt_used = d.flag("final_attempt_used")
            item.in_collections_list = d.flag("in_collections_list")
            self.s.flush()
            self._attempts(d, "installment_id", item.id, f"{order.ref}#{number}",
                           order.currency, order.customer)

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
            raise InputError("not_usage_billed", field=f"{o.path}.service", service=service.ref)
        values = usage_values(o)
        on, quantity = values["on"], values["quantity"]
        assert on is not None and quantity is not None
        ref = o.ref(required=False)
        if ref is None:
            # A stable reference, so importing the same file twice records nothing twice.
            seen[(service.ref, on.isoformat())] += 1
            ref = f"{service.ref}/{on.isoformat()}/{seen[(service.ref, on.isoformat())]}"
        record, created = self._upsert(UsageRecord, ref)
        before = None if created else (record.service_id, record.period, record.quantity)
        record.service, record.on, record.quantity = service, on, quantity
        record.period = month_key(on)
        self.s.flush()
        changed = before != (service.id, record.period, quantity)
        self._usage_adds_up(service, record.period, quantity, before, f"{o.path}.quantity",
                            changed)
        self.count("usage", created)

    def _usage_adds_up(self, service: Service, period: str, quantity: int,
                       before: tuple[int, str, int] | None, path: str,
                       changed: bool = True) -> None:
        """US-1 for one usage record: the month it is in, not yet invoiced, must still make an
        invoice the database stores. Each month's total is asked for once and then kept as the
        file goes on (a record given again replaces its quantity), so a file of many records is
        one query per month, not one per record over all of the month's records."""
        totals = self._usage_totals
        if before is not None:
            earlier = totals.get(before[:2])
            if earlier is not None:
                totals[before[:2]] = earlier - before[2]
        key = (service.id, period)
        if key in totals:
            total = totals[key]
            total = totals[key] = None if total is None else total + quantity
        else:  # asked once, this record included; None: the month is invoiced already
            total = totals[key] = next((n for _, n in self._unbilled(service, period)), None)
        if total is None and changed:  # US-1: an invoiced month's usage is what was billed
            raise InputError("usage_month_invoiced", field=path, service=service.ref,
                             period=period)
        if total is not None:
            try:
                period_amount(service, period, total)
            except UsageTooLarge as error:
                raise usage_too_large(path, error) from None

    def _unbilled(self, service: Service, period: str | None = None) -> list[tuple[str, int]]:
        """The service's months with usage and no invoice yet, and their quantities."""
        invoiced = exists().where(and_(UsageInvoice.service_id == UsageRecord.service_id,
                                       UsageInvoice.period == UsageRecord.period))
        query = (select(UsageRecord.period, func.sum(UsageRecord.quantity))
                 .where(UsageRecord.service_id == service.id, ~invoiced)
                 .group_by(UsageRecord.period).order_by(UsageRecord.period))
        if period is not None:
            query = query.where(UsageRecord.period == period)
        return [(key, total) for key, total in self.s.execute(query)]

    def _usage_fits(self, service: Service, path: str) -> None:
        """US-1 on the usage not yet invoiced (stored, and read so far from the file) at the
        service's price: each month's total must make an invoice the database stores, or the
        run-due that invoices it would fail."""
        for period_key, total in self._unbilled(service):
            try:
                period_amount(service, period_key, total)
            except UsageTooLarge as error:
                raise usage_too_large(path, error) from None


def usage_too_large(path: str, error: UsageTooLarge) -> InputError:
    """US-1: a month's usage no invoice can hold, found at `path` in the file."""
    return InputError("usage_too_large", field=path, service=error.service, period=error.period,
                      quantity=error.quantity, unit_price=error.unit_price, units=MAX_MINOR,
                      largest=Money.largest(error.unit_price.currency))


def import_document(session: Session, processor: Processor, document: object, today: date,
                    now: datetime, who: str) -> ImportResult:
    with collected_after():  # a file of 100,000 services makes millions of objects
        result = Importer(session, processor, today, now, who).run(document)
        search_index.catch_up(session.connection())  # in the import's own transaction
    return result


