"""What every part of an import shares: the unit of work, the date, and finding by reference."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.payments.processor import Processor
from renewdesk.services import payment_methods as pms
from renewdesk.services.exchange.reader import Obj
from renewdesk.store import settings
from renewdesk.store.models import Customer


@dataclass
class ImportResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated))
        return ", ".join(f"{k}: {self.created[k]} created, {self.updated[k]} updated"
                         for k in kinds) or "nothing to import"


def method_input(m: Obj) -> pms.MethodInput:
    """A payment method as the file gives it."""
    return pms.MethodInput(
        ref=m.ref() or "", type=m.choice("type", pms.TYPES), token=m.text("token"),
        brand=m.text("brand", required=False), last4=m.text("last4", required=False),
        exp_month=m.integer("exp_month", required=False),
        exp_year=m.integer("exp_year", required=False), holder=m.text("holder", required=False))


def customer_values(o: Obj, country: str = "FR") -> dict[str, Any]:
    """A customer's own fields as the file gives them, checked in the file's order. The tax
    keys are optional, as the address is: absent, a consumer with no VAT number or SIREN in
    `country` (the seller's)."""
    values: dict[str, Any] = {"name": o.text("name"), "email": o.text("email")}
    if "@" not in values["email"]:
        raise InputError("not_an_email", field=f"{o.path}.email", given=values["email"])
    values["address"] = o.text("address", required=False)
    values["language"] = o.choice("language", ("fr", "en"), required=False, default="en")
    values["emails_enabled"] = o.flag("emails_enabled", default=True)
    if o.has("processor_customer"):  # linked to an existing customer at the processor
        values["processor_customer_id"] = o.text("processor_customer")
    values.update(tax_values(o, country))
    return values


def tax_values(o: Obj, country: str) -> dict[str, Any]:
    """IV-1: business or consumer, country, SIREN and VAT number, each kept compact."""
    values: dict[str, Any] = {"business": o.flag("business", default=False)}
    given = o._text("country", False, "")
    values["country"] = tax_ids.check_country(given, f"{o.path}.country") if given else country
    siren = o._text("siren", False, "")
    values["siren"] = tax_ids.check_siren(siren, f"{o.path}.siren") if siren else None
    number = o._text("vat_number", False, "")
    values["vat_number"] = tax_ids.check_vat_number(
        number, f"{o.path}.vat_number", values["siren"]) if number else None
    return values


def vat_rate(o: Obj) -> int | None:
    """IV-3: a service's or an order's own VAT rate in basis points; None: the default."""
    given = o._text("vat_rate", False, "")
    return tax_ids.parse_vat_rate(given, f"{o.path}.vat_rate") if given else None


def service_values(o: Obj) -> dict[str, Any]:
    """A service's own fields as the file gives them (what its billing uses), checked."""
    values: dict[str, Any] = {"kind": o.text("kind"), "label": o.text("label"),
                              "billing": o.choice("billing", ("period", "usage")),
                              "currency": o.currency()}
    if values["billing"] == "period":
        price = o.money("price", values["currency"])
        assert price is not None
        if price.minor <= 0:
            raise InputError("must_be_positive", field=f"{o.path}.price")
        values["price_minor"] = price.minor
        values["period_months"] = o.integer("period_months", low=1, high=120)
        values["expires_on"] = o.day("expires_on")
    else:
        unit = o.money("unit_price", values["currency"])
        assert unit is not None
        if unit.minor < 0:
            raise InputError("must_not_be_negative", field=f"{o.path}.unit_price")
        values["unit_price_minor"] = unit.minor
        values["expires_on"] = o.day("expires_on", required=False)
    values["vat_rate_bp"] = vat_rate(o)
    return values


def order_values(o: Obj) -> dict[str, Any]:
    """An installment order's own terms as the file gives them, checked in the file's order
    (the count from `installments` when it is a number; a list of installments is history)."""
    currency = o.currency()
    amount = o.money("installment_amount", currency)
    assert amount is not None
    if amount.minor <= 0:
        raise InputError("must_be_positive", field=f"{o.path}.installment_amount")
    raw = o.data.get("installments")
    count = None if isinstance(raw, list) else o.integer("installments", low=1, high=520)
    interval = o.choice("interval", ("weekly", "monthly"))
    first_due = o.day("first_due_on")
    return {"currency": currency, "installment_amount_minor": amount.minor,
            "installments_count": count, "interval": interval, "first_due_on": first_due,
            "vat_rate_bp": vat_rate(o)}


def usage_values(o: Obj) -> dict[str, Any]:
    """A usage record's day and quantity as the file gives them."""
    return {"on": o.day("on"), "quantity": o.integer("quantity", low=0)}


class ImportScope:
    def __init__(self, session: Session, processor: Processor, today: date, now: datetime,
                 who: str) -> None:
        self.s = session
        self.processor = processor
        self.today = today
        self.now = now
        self.who = who
        self.result = ImportResult()
        self._country: str | None = None

    @property
    def default_country(self) -> str:
        """A customer's country when the file gives none: the seller's (read once)."""
        if self._country is None:
            self._country = settings.get(self.s, "seller_country") or "FR"
        return self._country

    def _by_ref(self, model: Any, ref: str | None) -> Any:
        if ref is None:
            return None
        return self.s.scalar(select(model).where(model.ref == ref))

    def _upsert(self, model: Any, ref: str | None, **new: Any) -> tuple[Any, bool]:
        """The object with that reference, or a new one (built with `new`) added to the session;
        and whether it was created."""
        found = self._by_ref(model, ref)
        if found is not None:
            return found, False
        created = model(ref=ref, **new)
        self.s.add(created)
        return created, True

    @staticmethod
    def _retry_state(target: Any, o: Obj) -> None:
        """What every chargeable subject carries: failed rounds, next attempt, why it stopped."""
        target.rounds_done = o.integer("rounds_done", required=False, low=0) or 0
        target.next_attempt_on = o.day("next_attempt_on", required=False)
        target.stopped_code = o.text("stopped_code", required=False) or None

    def _need(self, model: Any, ref: str | None, where: str, what: str) -> Any:
        found = self._by_ref(model, ref)
        if found is None:
            raise InputError("unknown", what=what, ref=ref).prefixed(where)
        return found

    def count(self, kind: str, created: bool) -> None:
        (self.result.created if created else self.result.updated)[kind] += 1

    def _owned(self, model: Any, ref: str | None, customer: Customer, where: str,
               what: str) -> Any:
        found = self._need(model, ref, where, what) if ref else None
        if found is not None and found.customer_id != customer.id:
            raise InputError("of_another_customer", what=what, ref=ref).prefixed(where)
        return found
