"""A strict reader of exchange-file objects: unknown keys are an error, every message names the
path of the offending value (`services[2].expires_on`), amounts are never floats, and every text
passes the one check of `domain.text` against the length its column has in the schema."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import String

from renewdesk.domain.dates import parse_date
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money, check_currency
from renewdesk.domain.text import check_text
from renewdesk.store import models as m

# A whole number in a file is stored in an INTEGER column: PostgreSQL's is 32 bits.
INT_LIMITS = (-(2**31), 2**31 - 1)
_LINES = frozenset({"address", "body", "html", "last_error"})  # the fields that may have lines
_MAX_DEPTH = 16  # an event's own data, the one free-form part of a file


def load_file(path: Path, shown: str) -> object:
    """An exchange file's document, or InputError saying what is wrong and where (`shown`: the
    file as the user named it). UTF-8, with or without the byte-order mark Windows tools write."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("cannot_read", path=shown, reason=error.strerror) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        raise InputError("not_utf8", path=shown, byte=f"0x{raw[error.start]:02X}", line=line,
                         column=column) from None
    try:
        return json.loads(text, parse_constant=_not_a_number)
    except json.JSONDecodeError as error:
        raise InputError("not_json", path=shown, line=error.lineno, column=error.colno,
                         reason=error.msg) from None
    except RecursionError:
        raise InputError("nested_too_deeply", path=shown) from None
    except InputError as error:
        raise error.prefixed(shown) from None
    except ValueError:  # Python reads at most 4,300 digits of a whole number
        raise InputError("number_too_long", path=shown) from None


def _not_a_number(constant: str) -> object:
    """`NaN`, `Infinity`, `-Infinity`: Python's reader takes them, JSON has no such numbers."""
    raise InputError("not_json_number", constant=constant)


# Lists of a file whose objects each have a reference, unique across the list (nested lists:
# across all their owners, as in the database).
_LISTS = ("customers", "services", "installment_orders", "usage", "renewals", "usage_invoices",
          "notifications", "events")
_NESTED = {"customers": ("contacts", "payment_methods")}


def refuse_repeated_refs(document: object) -> None:
    """A reference given twice in one file: both positions named, nothing imported (the second
    would silently overwrite the first). A list whose references are all distinct (the common
    case) is told by one set; only one that repeats is walked for the positions."""
    if not isinstance(document, dict):
        return
    for key in _LISTS:
        items = [item for item in _list(document.get(key)) if isinstance(item, dict)]
        lists = [[ref for item in items if isinstance(ref := item.get("ref"), str)]]
        lists += [[ref for item in items for sub in _list(item.get(nested))
                   if isinstance(sub, dict) and isinstance(ref := sub.get("ref"), str)]
                  for nested in _NESTED.get(key, ())]
        if any(len(set(refs)) < len(refs) for refs in lists):
            _name_repeated(document, key)


def _name_repeated(document: dict[str, Any], key: str) -> None:
    seen: dict[str, dict[object, str]] = {key: {}, **{n: {} for n in _NESTED.get(key, ())}}
    for index, item in enumerate(_list(document.get(key))):
        if not isinstance(item, dict):
            continue  # refused when its object is read
        where = f"{key}[{index}]"
        _once(seen[key], item, where)
        for nested in _NESTED.get(key, ()):
            for inner, sub in enumerate(_list(item.get(nested))):
                _once(seen[nested], sub, f"{where}.{nested}[{inner}]")


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _once(seen: dict[object, str], item: object, where: str) -> None:
    ref = item.get("ref") if isinstance(item, dict) else None
    if not isinstance(ref, str):
        return
    if ref in seen:
        raise InputError("ref_given_twice", field=f"{where}.ref", ref=ref[:64], first=seen[ref])
    seen[ref] = where


class Shape(frozenset[str]):
    """The keys an object of a file may have, with the schema's length for those kept as text."""

    limits: Mapping[str, int]

    def __new__(cls, names: frozenset[str], limits: Mapping[str, int]) -> Shape:
        shape = super().__new__(cls, names)
        shape.limits = limits
        return shape


class Obj:
    def __init__(self, data: object, path: str, allowed: Shape) -> None:
        if not isinstance(data, dict):
            raise InputError("expected_object_got", path=path, kind=type(data).__name__)
        if not allowed.issuperset(data):
            unknown = sorted(set(data) - allowed, key=str)
            raise InputError("unknown_key", path=path, key=unknown[0])
        self.data: dict[str, Any] = data
        self.path = path
        self.limits = allowed.limits

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)  # absent and null are the same
        if value is None and required:
            raise InputError("missing_key", path=self.path, key=key)
        return value

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value.__class__ is not str:  # absent, null or not text: `_text` says what to do
            value = self._text(key, required, default)
        limit = self.limits.get(key)
        if (limit is None or len(value) <= limit) and value.isprintable():
            return value  # the common case, without building the field's name
        return check_text(value, f"{self.path}.{key}", limit, lines=key in _LINES)

    def _text(self, key: str, required: bool, default: str) -> str:
        """The text as given, unchecked: for callers that check it against fixed values."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise InputError("missing_key", path=self.path, key=key)
            return default
        if value.__class__ is not str and not isinstance(value, str):
            raise InputError("expected_text", field=f"{self.path}.{key}",
                             kind=type(value).__name__)
        return value

    def ref(self, key: str = "ref", required: bool = True) -> str | None:
        value = self.data.get(key)
        if value.__class__ is not str:
            value = self._text(key, required, "")
        if not value:
            return None
        if len(value) > 64 or value.strip() != value:  # blank, or spaces around it
            raise InputError("invalid_reference", field=f"{self.path}.{key}", ref=value[:64])
        return value if value.isprintable() else check_text(value, f"{self.path}.{key}")

    def choice(self, key: str, options: tuple[str, ...], required: bool = True,
               default: str | None = None) -> str:
        value = self._text(key, required, default or "")
        if not value and default is not None:
            return default
        if value not in options:
            raise InputError("not_one_of", field=f"{self.path}.{key}", given=value[:40],
                             options=", ".join(options))
        return value

    def integer(self, key: str, required: bool = True, low: int | None = None,
                high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError("expected_whole_number", field=f"{self.path}.{key}",
                             given=str(value)[:40])
        low = INT_LIMITS[0] if low is None else low
        high = INT_LIMITS[1] if high is None else high
        if not low <= value <= high:
            if len(str(value)) > 20:
                raise InputError("digits_out_of_range", field=f"{self.path}.{key}",
                                 digits=len(str(value)), low=low, high=high)
            raise InputError("out_of_range", field=f"{self.path}.{key}", given=value, low=low,
                             high=high)
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise InputError("expected_true_or_false", field=f"{self.path}.{key}",
                             given=repr(value))
        return value

    def day(self, key: str, required: bool = True) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if value.__class__ is str and len(value) == 10:
            try:  # the common case, without building the field's name
                return date.fromisoformat(value)
            except ValueError:
                pass
        return parse_date(value, field=f"{self.path}.{key}")

    def currency(self, key: str = "currency") -> str:
        value = self._text(key, True, "")[:40]
        try:
            return check_currency(value)
        except InputError as error:
            raise error.prefixed(f"{self.path}.{key}") from None

    def money(self, key: str, currency: str, required: bool = True) -> Money | None:
        value = self._get(key, required)
        if value is None:
            return None
        if value.__class__ is str:
            try:  # the common case: an amount seen before, read once
                return _amount(value, currency)
            except InputError:
                pass
        return Money.parse(value, currency, field=f"{self.path}.{key}")

    def object(self, key: str, allowed: Shape) -> Obj | None:
        """A nested object, or None when absent or null."""
        value = self._get(key, False)
        return None if value is None else Obj(value, f"{self.path}.{key}", allowed)

    def objects(self, key: str, allowed: Shape) -> Iterator[Obj]:
        value = self._get(key, False)
        if value is None:
            return
        if not isinstance(value, list):
            raise InputError("expected_list", field=f"{self.path}.{key}")
        for index, item in enumerate(value):
            yield Obj(item, f"{self.path}.{key}[{index}]" if self.path else f"{key}[{index}]",
                      allowed)

    def refs(self, key: str) -> list[str]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError("expected_list_of_refs", field=f"{self.path}.{key}")
        for index, ref in enumerate(value):
            if len(ref) > 64 or not ref.strip() or ref != ref.strip():
                raise InputError("invalid_reference", field=f"{self.path}.{key}[{index}]",
                                 ref=ref[:64])
            if not ref.isprintable():
                check_text(ref, f"{self.path}.{key}[{index}]")
        return list(value)

    def mapping(self, key: str) -> dict[str, Any]:
        value = self._get(key, False)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise InputError("expected_object", field=f"{self.path}.{key}")
        _check_free_form(value, f"{self.path}.{key}", 1)
        return value


@lru_cache(maxsize=1024)
def _amount(text: str, currency: str) -> Money:
    """`Money.parse` of the amounts a file repeats (a catalogue has few prices); a refused one
    is read again with its field's name, for the message."""
    return Money.parse(text, currency)


def _check_free_form(value: object, path: str, depth: int) -> None:
    """Free-form data (an event's): not too deep, its texts and whole numbers storable."""
    if depth > _MAX_DEPTH:
        raise InputError("nested_more_than", path=path, depth=_MAX_DEPTH)
    if isinstance(value, dict):
        for name, item in value.items():
            check_text(name, f"{path}.<key>")
            _check_free_form(item, f"{path}.{name}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_free_form(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, str):
        check_text(value, path, lines=True)
    elif isinstance(value, int) and not isinstance(value, bool) and not (
            -(2**63) <= value < 2**63):
        raise InputError("number_out_of_range", path=path, digits=len(str(value)))
    elif isinstance(value, float) and not math.isfinite(value):  # `1e999` reads as infinity
        raise InputError("number_too_large", path=path)


def keys(*names: str, model: type[m.Base] | None = None, **columns: str) -> Shape:
    """An object's keys; with `model`, the lengths of its text columns (`columns` names those
    whose key is not the column's name)."""
    limits: dict[str, int] = {}
    if model is not None:
        table = model.__table__
        for name in names:
            column = table.columns.get(columns.get(name, name))
            if column is not None and isinstance(column.type, String) and column.type.length:
                limits[name] = column.type.length
    return Shape(frozenset(names), limits)


CUSTOMER = keys("ref", "name", "email", "address", "language", "contacts", "payment_methods",
                "emails_enabled", "processor_customer", "business", "country", "vat_number",
                "siren", model=m.Customer,
                processor_customer="processor_customer_id")
CONTACT = keys("ref", "name", "email", "address", model=m.BillingContact)
METHOD = keys("ref", "type", "token", "brand", "last4", "exp_month", "exp_year", "holder",
              "accepted", "refusal", "blocked_code", "removed_on", "expiring_notice_for",
              model=m.PaymentMethod)
SERVICE = keys("ref", "customer", "kind", "label", "billing", "price", "unit_price", "currency",
               "period_months", "expires_on", "auto_renew", "payment_method", "billing_contact",
               "status", "vat_rate", model=m.Service)
ORDER = keys("ref", "customer", "product", "invoice_number", "installment_amount", "currency",
             "installments", "interval", "first_due_on", "method", "payment_method", "status",
             "in_collection", "collection_on", "plan_changes", "vat_rate",
             model=m.InstallmentOrder)
INSTALLMENT = keys("number", "due_on", "amount", "status", "attempts", "rounds_done",
                   "next_attempt_on", "stopped_code", "final_attempt_used", "in_collections_list",
                   model=m.Installment)
PLAN_CHANGE = keys("amount", "status", "requested_on", "deadline_on", "confirmed_on",
                   model=m.PlanChange)
USAGE = keys("ref", "service", "on", "quantity", model=m.UsageRecord)
RENEWAL = keys("ref", "customer", "services", "items", "amount", "currency", "status",
               "notice_on", "charge_on", "earliest_expiry", "billing_contact", "payment_method",
               "rounds_done", "next_attempt_on", "stopped_code", "attempts", model=m.Renewal)
RENEWAL_ITEM = keys("service", "period_expires_on", "amount", "removed", model=m.RenewalItem)
USAGE_INVOICE = keys("ref", "service", "period", "quantity", "amount", "currency", "issued_on",
                     "status", "rounds_done", "next_attempt_on", "stopped_code", "attempts",
                     model=m.UsageInvoice)
ATTEMPT = keys("number", "on", "payment_method", "amount", "result", "decline_code",
               "hard_decline", "round", "manual", "idempotency_key", "processor_ref",
               "ref", "refunds", "dispute", model=m.Attempt)
REFUND = keys("ref", "amount", "on", "status", "reason", "refusal", "by", "idempotency_key",
              "processor_ref", model=m.Refund, by="who")
DISPUTE = keys("status", "amount", "reason", "respond_by", "opened_on", "closed_on",
               "suspended", "processor_ref", model=m.Dispute)
NOTIFICATION = keys("ref", "kind", "customer", "to", "language", "subject", "body", "created_on",
                    "status", "tries", "last_error", "links", "invoice_number", "html",
                    "context", model=m.Notification)
LINK = keys("action", "token", "subject", "expires_on", "used_on", model=m.CustomerLink,
            subject="subject_ref")
EVENT = keys("ref", "type", "on", "subject", "data", model=m.Event)
INVOICE = keys("number", "kind", "issued_on", "customer", "payment", "corrects", "lines",
               "total_excl_vat", "vat", "total", "currency", "mention", "document",
               model=m.Invoice)
TOP = keys("format", "customers", "services", "installment_orders", "usage", "renewals",
           "usage_invoices", "notifications", "events", "invoices")
