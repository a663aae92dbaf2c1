"""A strict reader of exchange-file objects: unknown keys are an error, every message names the
path of the offending value (`services[2].expires_on`), and amounts are never floats."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from renewdesk.domain.dates import parse_date
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money, check_currency


class Obj:
    def __init__(self, data: object, path: str, allowed: frozenset[str]) -> None:
        if not isinstance(data, dict):
            raise InputError(f"{path}: expected an object, got {type(data).__name__}")
        if not allowed.issuperset(data):
            unknown = sorted(set(data) - allowed, key=str)
            raise InputError(f"{path}: unknown key {unknown[0]!r}")
        self.data: dict[str, Any] = data
        self.path = path

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)  # absent and null are the same
        if value is None and required:
            raise InputError(f"{self.path}: missing {key!r}")
        return value

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise InputError(f"{self.path}: missing {key!r}")
            return default
        if value.__class__ is not str and not isinstance(value, str):
            raise InputError(f"{self.path}.{key}: expected text, got {value!r}")
        return value

    def ref(self, key: str = "ref", required: bool = True) -> str | None:
        value = self.text(key, required)
        if not value:
            return None
        if len(value) > 64 or not value.strip() or value != value.strip():
            raise InputError(f"{self.path}.{key}: {value!r} is not a valid reference")
        return value

    def choice(self, key: str, options: tuple[str, ...], required: bool = True,
               default: str | None = None) -> str:
        value = self.text(key, required, default or "")
        if not value and default is not None:
            return default
        if value not in options:
            raise InputError(f"{self.path}.{key}: {value!r} is not one of {', '.join(options)}")
        return value

    def integer(self, key: str, required: bool = True, low: int | None = None,
                high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError(f"{self.path}.{key}: expected a whole number, got {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise InputError(f"{self.path}.{key}: {value} is out of range")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise InputError(f"{self.path}.{key}: expected true or false, got {value!r}")
        return value

    def day(self, key: str, required: bool = True) -> date | None:
        value = self._get(key, required)
        return None if value is None else parse_date(value, field=f"{self.path}.{key}")

    def currency(self, key: str = "currency") -> str:
        value = self.text(key)
        try:
            return check_currency(value)
        except InputError as error:
            raise InputError(f"{self.path}.{key}: {error}") from None

    def money(self, key: str, currency: str, required: bool = True) -> Money | None:
        value = self._get(key, required)
        if value is None:
            return None
        return Money.parse(value, currency, field=f"{self.path}.{key}")

    def objects(self, key: str, allowed: frozenset[str]) -> Iterator[Obj]:
        value = self._get(key, False)
        if value is None:
            return
        if not isinstance(value, list):
            raise InputError(f"{self.path}.{key}: expected a list")
        for index, item in enumerate(value):
            yield Obj(item, f"{self.path}.{key}[{index}]" if self.path else f"{key}[{index}]",
                      allowed)

    def refs(self, key: str) -> list[str]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{self.path}.{key}: expected a list of references")
        return list(value)

    def mapping(self, key: str) -> dict[str, Any]:
        value = self._get(key, False)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise InputError(f"{self.path}.{key}: expected an object")
        return value


def keys(*names: str) -> frozenset[str]:
    return frozenset(names)


CUSTOMER = keys("ref", "name", "email", "address", "language", "contacts", "payment_methods",
                "emails_enabled", "processor_customer")
CONTACT = keys("ref", "name", "email", "address")
METHOD = keys("ref", "type", "token", "brand", "last4", "exp_month", "exp_year", "holder",
              "accepted", "refusal", "blocked_code", "removed_on", "expiring_notice_for")
SERVICE = keys("ref", "customer", "kind", "label", "billing", "price", "unit_price", "currency",
               "period_months", "expires_on", "auto_renew", "payment_method", "billing_contact",
               "status")
ORDER = keys("ref", "customer", "product", "invoice_number", "installment_amount", "currency",
             "installments", "interval", "first_due_on", "method", "payment_method", "status",
             "in_collection", "collection_on", "plan_changes")
INSTALLMENT = keys("number", "due_on", "amount", "status", "attempts", "rounds_done",
                   "next_attempt_on", "stopped_code", "final_attempt_used", "in_collections_list")
PLAN_CHANGE = keys("amount", "status", "requested_on", "deadline_on", "confirmed_on")
USAGE = keys("ref", "service", "on", "quantity")
RENEWAL = keys("ref", "customer", "services", "items", "amount", "currency", "status",
               "notice_on", "charge_on", "earliest_expiry", "billing_contact", "payment_method",
               "rounds_done", "next_attempt_on", "stopped_code", "attempts")
RENEWAL_ITEM = keys("service", "period_expires_on", "amount", "removed")
USAGE_INVOICE = keys("ref", "service", "period", "quantity", "amount", "currency", "issued_on",
                     "status", "rounds_done", "next_attempt_on", "stopped_code", "attempts")
ATTEMPT = keys("number", "on", "payment_method", "amount", "result", "decline_code",
               "hard_decline", "round", "manual", "idempotency_key", "processor_ref")
NOTIFICATION = keys("ref", "kind", "customer", "to", "language", "subject", "body", "created_on",
                    "status", "tries", "last_error", "links")
LINK = keys("action", "token", "subject", "expires_on", "used_on")
EVENT = keys("ref", "type", "on", "subject", "data")
TOP = keys("format", "customers", "services", "installment_orders", "usage", "renewals",
           "usage_invoices", "notifications", "events")
