"""The window's New / Edit forms: customers, billing contacts, services, installment orders and
usage records, created and corrected one at a time.

One validation: a form's values are an exchange-file object (`EXCHANGE.md`), checked as they are
typed by the import's own pure checks (`exchange.scope`), and saved through the importer's own
code for that object, so a value the import refuses is refused here with the same words. Each
save is audited with the values before and after (EV-2), and refused, with who changed it, if
the object changed since the form read it (`EditConflict`): the row is locked while it is
compared, so of two people saving at once the second is refused rather than overwriting.
What has history (a charge, a cart, an e-mail, an invoice) is never deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from renewdesk.domain.dates import add_months
from renewdesk.domain.errors import EditConflict, InputError, RuleRefused
from renewdesk.domain.money import Money
from renewdesk.domain.refusal_words import colon, render
from renewdesk.domain.tax_ids import rate_text
from renewdesk.services.context import Context
from renewdesk.services.exchange import reader as r
from renewdesk.services.exchange.importer import Importer, refuse_card_numbers
from renewdesk.services.exchange.reader import Obj
from renewdesk.services.exchange.rows import contact_values
from renewdesk.services.exchange.scope import (
    customer_values,
    order_values,
    service_values,
    usage_values,
)
from renewdesk.services.journal import audit
from renewdesk.services.recurrence import require_auto_renew_allowed
from renewdesk.services.renewals import drop_service
from renewdesk.store import search_index, settings
from renewdesk.store.models import (
    Attempt,
    AuditEntry,
    BillingContact,
    Customer,
    CustomerLink,
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
from renewdesk.store.refs import temporary_ref
from renewdesk.store.settings import load_policy

KINDS = ("customer", "contact", "service", "order", "usage")
_MODELS: dict[str, Any] = {"customer": Customer, "contact": BillingContact, "service": Service,
                           "order": InstallmentOrder, "usage": UsageRecord}
_SHAPES = {"customer": r.CUSTOMER, "contact": r.CONTACT, "service": r.SERVICE,
           "order": r.ORDER, "usage": r.USAGE}
# The keys a form edits, in the exchange file's names.
FIELDS: dict[str, tuple[str, ...]] = {
    "customer": ("ref", "name", "email", "address", "language", "emails_enabled", "business",
                 "country", "vat_number", "siren"),
    "contact": ("ref", "name", "email", "address"),
    "service": ("ref", "kind", "label", "billing", "price", "unit_price", "currency",
                "period_months", "vat_rate", "expires_on", "auto_renew", "payment_method",
                "billing_contact"),
    "order": ("ref", "product", "invoice_number", "installments", "interval",
              "installment_amount", "currency", "vat_rate", "first_due_on", "method",
              "payment_method"),
    "usage": ("ref", "on", "quantity"),
}
# The object each kind belongs to (its "owner" in a form): a customer, or a usage's service.
_OWNER_KEY = {"service": "customer", "order": "customer", "usage": "service"}
# An order's terms, fixed once an installment has been charged (IN-2).
ORDER_TERMS = ("installments", "interval", "installment_amount", "currency", "first_due_on")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Problem:
    """A refusal as a form shows it, next to the field it is about (`field`, None: the form's
    own): the import's words, with the file's position replaced by the field's label."""

    field: str | None
    code: str
    values: tuple[tuple[str, object], ...]
    sentence: str = ""  # an error without a code: its own words
    conflict: bool = False  # someone else changed the object: the form reads it again
    placed: bool = False  # the file would name the field before the words, as their place

    def words(self, language: str, label: str | None = None) -> str:
        if not self.code:
            return self.sentence
        values = dict(self.values)
        for name in ("field", "path"):
            if label and name in values:
                values[name] = label
        said = render(self.code, values, language)
        return f"{label}{colon(language)}{said}" if label and self.placed else said


@dataclass(frozen=True)
class Record:
    """One object as a form shows it: its values in the exchange file's words, what the form
    may offer (the owner's methods and contacts), and what it may not (`locked`, each with the
    reason's code)."""

    kind: str
    ref: str | None  # None: not saved yet
    owner: str | None  # the customer (or, for usage, the service) it belongs to
    values: tuple[tuple[str, Any], ...]
    methods: tuple[Choice, ...] = ()
    contacts: tuple[Choice, ...] = ()
    locked: tuple[tuple[str, Problem], ...] = ()  # (field, why it is not offered)
    history: bool = False  # never deleted
    vat_default: str = "20"  # IV-3: the rate of a service or order given none (`default_vat_rate`)
    audit_mark: int = 0  # the newest audit entry when it was read: a conflict names later ones

    def value(self, key: str) -> Any:
        return dict(self.values).get(key)

    def lock(self, key: str) -> Problem | None:
        return dict(self.locked).get(key)


# Reading --------------------------------------------------------------------------------------


def _exported(session: Session, kind: str, ref: str) -> dict[str, Any]:
    """The object's values as `export` gives them, limited to what its form edits."""
    obj = session.scalar(select(_MODELS[kind]).where(_MODELS[kind].ref == ref))
    if obj is None:
        raise InputError("unknown", what=_WHAT[kind], ref=ref)
    values = _values(obj, kind)
    return {key: values.get(key) for key in FIELDS[kind]}


def _values(obj: Any, kind: str) -> dict[str, Any]:
    money = _money_text
    if kind == "customer":
        return {"ref": obj.ref, "name": obj.name, "email": obj.email, "address": obj.address,
                "language": obj.language, "emails_enabled": obj.emails_enabled,
                "business": obj.business, "country": obj.country, "vat_number": obj.vat_number,
                "siren": obj.siren}
    if kind == "contact":
        return {"ref": obj.ref, "name": obj.name, "email": obj.email, "address": obj.address}
    if kind == "service":
        period = obj.billing == "period"
        return {"ref": obj.ref, "kind": obj.kind, "label": obj.label, "billing": obj.billing,
                "price": money(obj.price_minor, obj.currency) if period else None,
                "unit_price": None if period else money(obj.unit_price_minor, obj.currency),
                "currency": obj.currency, "period_months": obj.period_months if period else None,
                "vat_rate": _rate(obj.vat_rate_bp),
                "expires_on": _day(obj.expires_on), "auto_renew": obj.auto_renew,
                "payment_method": obj.payment_method.ref if obj.payment_method else None,
                "billing_contact": obj.billing_contact.ref if obj.billing_contact else None}
    if kind == "order":
        return {"ref": obj.ref, "product": obj.product, "invoice_number": obj.invoice_number,
                "installments": obj.installments_count, "interval": obj.interval,
                "installment_amount": money(obj.installment_amount_minor, obj.currency),
                "currency": obj.currency, "first_due_on": _day(obj.first_due_on),
                "vat_rate": _rate(obj.vat_rate_bp),
                "method": obj.method,
                "payment_method": obj.payment_method.ref if obj.payment_method else None}
    return {"ref": obj.ref, "on": _day(obj.on), "quantity": obj.quantity}


def _money_text(minor: int | None, currency: str) -> str | None:
    return None if minor is None else Money(minor, currency).text()


def _rate(basis_points: int | None) -> str | None:
    return None if basis_points is None else rate_text(basis_points)


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


_WHAT = {"customer": "customer", "contact": "billing contact", "service": "service",
         "order": "order", "usage": "usage record"}


def _owner_customer(session: Session, kind: str, owner: str) -> Customer:
    if kind == "usage":
        service = session.scalar(select(Service).where(Service.ref == owner))
        if service is None:
            raise InputError("unknown", what="service", ref=owner)
        return service.customer
    customer = session.scalar(select(Customer).where(Customer.ref == owner))
    if customer is None:
        raise InputError("unknown", what="customer", ref=owner)
    return customer


def _choices(customer: Customer | None) -> tuple[tuple[Choice, ...], tuple[Choice, ...]]:
    if customer is None:
        return (), ()
    methods = tuple(Choice(m.ref, f"{m.ref} · {m.brand or m.type} {m.last4 or ''}".strip())
                    for m in sorted(customer.payment_methods,
                                    key=lambda m: (m.position is None, m.position or 0))
                    if m.removed_on is None)
    contacts = tuple(Choice(c.ref, f"{c.ref} · {c.name}") for c in customer.contacts)
    return methods, contacts


def _owner_of(obj: Any, kind: str) -> str | None:
    if kind == "usage":
        return str(obj.service.ref)
    if kind in ("contact", "service", "order"):
        return str(obj.customer.ref)
    return None


def read_record(ctx: Context, kind: str, ref: str) -> Record:
    """An object as its form shows it."""
    with ctx.factory() as session:
        return _record(session, kind, ref, ctx.clock.today)


def _why(code: str, **values: object) -> Problem:
    return Problem(None, code, tuple(values.items()))


def _record(session: Session, kind: str, ref: str, today: date) -> Record:
    values = _exported(session, kind, ref)
    obj = session.scalars(select(_MODELS[kind]).where(_MODELS[kind].ref == ref)).one()
    owner = _owner_of(obj, kind)
    customer = obj if kind == "customer" else (
        _owner_customer(session, kind, owner) if owner else None)
    methods, contacts = _choices(customer)
    history = has_history(session, kind, obj)
    locked: list[tuple[str, Problem]] = [("ref", _why("form_ref_fixed"))]
    if kind == "order":
        reason = _why("form_order_terms_charged" if history else "form_order_terms_fixed")
        locked += [(key, reason) for key in ORDER_TERMS]
    if kind == "service":
        fixed = _why("form_service_billing_fixed")
        locked += [("billing", fixed), ("currency", fixed)]
        locked += _auto_renew_lock(customer, today, bool(obj.auto_renew))
    if kind == "usage" and history:  # US-1: its month is invoiced
        invoiced = _why("form_usage_invoiced", period=obj.period)
        locked += [("on", invoiced), ("quantity", invoiced)]
    mark = session.scalar(select(func.max(AuditEntry.id))) or 0
    return Record(kind, ref, owner, tuple(values.items()), methods, contacts, tuple(locked),
                  history, load_policy(session).default_vat_rate, mark)


def _auto_renew_lock(customer: Customer | None, today: date,
                     on: bool) -> list[tuple[str, Problem]]:
    """AR-1: auto-renew is not offered to a customer without a valid method (one already on
    may be switched off)."""
    if customer is None or on:
        return []
    try:
        require_auto_renew_allowed(customer, today)
    except RuleRefused as refused:
        return [("auto_renew", problem(refused))]
    return []


def new_record(ctx: Context, kind: str, owner: str | None, today_text: str = "") -> Record:
    """A blank form for a new object of `kind` belonging to `owner`, with sensible defaults."""
    with ctx.factory() as session:
        customer = _owner_customer(session, kind, owner) if owner else None
        methods, contacts = _choices(customer)
        today = today_text or ctx.clock.today.isoformat()
        defaults: dict[str, Any] = {
            "customer": {"language": "fr", "emails_enabled": True, "business": False,
                         "country": settings.get(session, "seller_country") or "FR"},
            "contact": {},
            # A new service is paid until a year from today: expiring today, the next run
            # would suspend it (AR-6).
            "service": {"billing": "period", "currency": "EUR", "period_months": 12,
                        "expires_on": add_months(ctx.clock.today, 12).isoformat(),
                        "auto_renew": False,
                        "payment_method": methods[0].value if methods else None},
            "order": {"currency": "EUR", "interval": "monthly", "installments": 3,
                      "first_due_on": today, "method": "card",
                      "payment_method": methods[0].value if methods else None},
            "usage": {"on": today, "quantity": 0},
        }[kind]
        values = {key: defaults.get(key) for key in FIELDS[kind]}
        locked = tuple(_auto_renew_lock(customer, ctx.clock.today, False)) \
            if kind == "service" else ()
        return Record(kind, None, owner, tuple(values.items()), methods, contacts, locked,
                      vat_default=load_policy(session).default_vat_rate)


# Checking as typed ------------------------------------------------------------------------------


def check(kind: str, values: dict[str, Any]) -> InputError | None:
    """What the import would say first of these values, without the database (the checks the
    import makes of the object's own fields, in its order); None if nothing."""
    try:
        refuse_card_numbers(values)  # PM-2, never echoed
        o = Obj(_object(kind, values, owner=None), kind, _SHAPES[kind])
        if values.get("ref"):
            o.ref()
        checks: dict[str, Callable[[Obj], object]] = {
            "customer": customer_values, "contact": contact_values,
            "service": service_values, "order": order_values, "usage": usage_values}
        checks[kind](o)
        if kind == "order":
            o.text("product")
            o.text("invoice_number")
            o.choice("method", ("card", "sepa"))
    except InputError as error:
        return error
    return None


def problem(error: InputError) -> Problem:
    field = field_of(error)
    named = any(isinstance(error.values.get(k), str) and str(error.values[k]).endswith(
        f".{field}") for k in ("field", "path"))
    return Problem(field, error.code, tuple(error.values.items()),
                   "" if error.code else error.words("en"), isinstance(error, EditConflict),
                   placed=field is not None and not named and bool(error.places))


def field_of(error: InputError) -> str | None:
    """The form field an import refusal is about: the last name of the place it gives
    (`service.price` → "price"), or None when it names none."""
    key = error.values.get("key")
    if error.code == "missing_key" and isinstance(key, str) and key in _ALL_FIELDS:
        return key
    for value in (error.values.get("field"), error.values.get("path"), *reversed(error.places)):
        if isinstance(value, str) and value:
            name = value.rsplit(".", 1)[-1].split("[", 1)[0]
            if name in _ALL_FIELDS:
                return name
    return key if isinstance(key, str) and key in _ALL_FIELDS else None


_ALL_FIELDS = frozenset(k for keys in FIELDS.values() for k in keys) | {"customer", "service"}


def _object(kind: str, values: dict[str, Any], owner: str | None) -> dict[str, Any]:
    """The exchange object the values make: empty fields are absent, as in a file."""
    obj = {key: value for key, value in values.items()
           if key in FIELDS[kind] and value not in (None, "")}
    if kind == "service":
        obj.pop("unit_price" if obj.get("billing") == "period" else "price", None)
        if obj.get("billing") == "usage":
            obj.pop("period_months", None)
    owner_key = _OWNER_KEY.get(kind)
    if owner_key is not None and owner is not None:
        obj[owner_key] = owner
    return obj


# Saving -----------------------------------------------------------------------------------------


def save(ctx: Context, kind: str, owner: str | None, values: dict[str, Any],
         seen: Record | None) -> Record:
    """Create (`seen` None or without a ref) or update the object; the saved object back.
    Refused, with nothing saved, if the import would refuse it or if it changed since `seen`
    was read."""
    with ctx.write_lock, ctx.factory() as session:
        importer = Importer(session, ctx.processor, ctx.clock.today, ctx.clock.now(), ctx.who)
        importer.begin_form()
        ref = seen.ref if seen is not None and seen.ref else (values.get("ref") or None)
        before = None
        if seen is not None and seen.ref:
            before = _claim(session, kind, seen)
            owner = seen.owner
        elif ref is not None and session.scalar(select(_MODELS[kind].id).where(
                _MODELS[kind].ref == ref)) is not None:
            raise InputError("form_ref_taken", ref=ref).prefixed(f"{kind}.ref")
        given = ref or temporary_ref()
        obj = _object(kind, {**values, "ref": given}, owner)
        refuse_card_numbers(obj)
        with session.no_autoflush:
            _import(importer, session, kind, obj, owner)
        session.flush()
        if ref is None:
            ref = _assign(session, kind, given)
        if kind in ("service", "customer"):  # the lists' search finds it at once
            search_index.catch_up(session.connection())
        after = _exported(session, kind, ref)
        action = f"edit {kind}" if before is not None else f"create {kind}"
        audit(session, ctx.who, action, ref, ctx.clock.today, ctx.clock.now(), before, after)
        session.commit()
        return _record(session, kind, ref, ctx.clock.today)


def _import(importer: Importer, session: Session, kind: str, obj: dict[str, Any],
            owner: str | None) -> None:
    if kind == "customer":
        importer.customer(Obj(obj, "customer", r.CUSTOMER))
    elif kind == "contact":
        customer = _owner_customer(session, kind, owner or "")
        importer.customer(Obj(_customer_with(customer, contact=obj), "customer", r.CUSTOMER))
    elif kind == "service":
        importer.service(Obj(obj, "service", r.SERVICE))
    elif kind == "order":
        importer.order(Obj(obj, "order", r.ORDER))
    else:
        importer.usage(Obj(obj, "usage", r.USAGE), Counter())


def _customer_with(customer: Customer, contact: dict[str, Any]) -> dict[str, Any]:
    """The customer as it is, with one contact: what a file adding that contact gives."""
    values = {key: value for key, value in _values(customer, "customer").items()
              if value is not None}
    return {**values, "contacts": [contact]}


_PREFIXES = {"customer": "C", "contact": "BC", "service": "S", "order": "O", "usage": "U"}


def _assign(session: Session, kind: str, temporary: str) -> str:
    from renewdesk.store.refs import assign_ref

    obj = session.scalar(select(_MODELS[kind]).where(_MODELS[kind].ref == temporary))
    return assign_ref(session, obj, _PREFIXES[kind])


def _claim(session: Session, kind: str, seen: Record) -> dict[str, Any]:
    """The object's values now, its row locked until commit; refused if they are not those the
    form read."""
    model = _MODELS[kind]
    session.scalar(select(model.id).where(model.ref == seen.ref).with_for_update())
    now = _exported(session, kind, seen.ref or "")
    if now != dict(seen.values):
        raise _conflict(session, seen.ref or "", seen.audit_mark)
    return now


def _conflict(session: Session, ref: str, mark: int) -> EditConflict:
    """Who changed it, if the audit log says (an entry after the form read it); a change it
    does not record (a run's renewal) is refused without a name."""
    last = session.scalars(select(AuditEntry).where(AuditEntry.subject == ref,
                                                    AuditEntry.id > mark)
                           .order_by(AuditEntry.id.desc()).limit(1)).first()
    if last is None:
        return EditConflict("edit_conflict", subject=ref)
    return EditConflict("edit_conflict_by", subject=ref, who=last.who,
                        at=last.at.strftime("%H:%M"), action=last.action)


# Cancelling and deleting ------------------------------------------------------------------------


def cancel_service(ctx: Context, ref: str) -> None:
    """AR-8: the service is cancelled and its scheduled cart loses it; audited."""
    with ctx.write_lock, ctx.factory() as session:
        service = session.scalar(select(Service).where(Service.ref == ref).with_for_update())
        if service is None:
            raise InputError("unknown", what="service", ref=ref)
        if service.status == "cancelled":
            raise InputError("form_already_cancelled", ref=ref)
        before = {"status": service.status, "auto_renew": service.auto_renew}
        service.status = "cancelled"
        service.auto_renew = False
        drop_service(session, service, ctx.clock.today, ctx.clock.now())
        audit(session, ctx.who, "cancel service", ref, ctx.clock.today, ctx.clock.now(), before,
              {"status": "cancelled", "auto_renew": False})
        session.commit()


def has_history(session: Session, kind: str, obj: Any) -> bool:
    """Whether anything money or messages keep points at the object."""
    def any_of(query: Any) -> bool:
        return bool(session.scalar(select(exists(query))))

    if kind == "customer":
        return (any_of(select(Service.id).where(Service.customer_id == obj.id))
                or any_of(select(InstallmentOrder.id).where(
                    InstallmentOrder.customer_id == obj.id))
                or any_of(select(PaymentMethod.id).where(PaymentMethod.customer_id == obj.id))
                or any_of(select(Renewal.id).where(Renewal.customer_id == obj.id))
                or any_of(select(Notification.id).where(Notification.customer_id == obj.id))
                or any_of(select(CustomerLink.id).where(CustomerLink.customer_id == obj.id)))
    if kind == "contact":
        return (any_of(select(Service.id).where(Service.billing_contact_id == obj.id))
                or any_of(select(Renewal.id).where(Renewal.billing_contact_id == obj.id)))
    if kind == "service":
        return (any_of(select(RenewalItem.id).where(RenewalItem.service_id == obj.id))
                or any_of(select(UsageRecord.id).where(UsageRecord.service_id == obj.id))
                or any_of(select(UsageInvoice.id).where(UsageInvoice.service_id == obj.id)))
    if kind == "order":
        return (any_of(select(Attempt.id).join(Installment).where(
            Installment.order_id == obj.id))
                or any_of(select(PlanChange.id).where(PlanChange.order_id == obj.id)))
    return any_of(select(UsageInvoice.id).where(UsageInvoice.service_id == obj.service_id,
                                                UsageInvoice.period == obj.period))


def delete(ctx: Context, kind: str, ref: str) -> None:
    """An object with no history goes; one with history is refused (audited either way)."""
    with ctx.write_lock, ctx.factory() as session:
        model = _MODELS[kind]
        obj = session.scalar(select(model).where(model.ref == ref).with_for_update())
        if obj is None:
            raise InputError("unknown", what=_WHAT[kind], ref=ref)
        if has_history(session, kind, obj):
            raise InputError("form_has_history", what=_WHAT[kind], ref=ref)
        before = _exported(session, kind, ref)
        if kind == "order":
            for item in list(obj.installments):
                session.delete(item)
        if kind == "customer":  # its contacts, named by nothing (or it would have history)
            for contact in list(obj.contacts):
                session.delete(contact)
            session.flush()
        session.delete(obj)
        audit(session, ctx.who, f"delete {kind}", ref, ctx.clock.today, ctx.clock.now(),
              before, None)
        session.commit()
