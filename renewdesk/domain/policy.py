"""The numbers of RULES.md that an account manager can change in Settings, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError

REMOVAL_POLICIES = ("replace_only", "unless_needed", "allow")


@dataclass(frozen=True)
class Policy:
    notice_days: int = 15  # AR-3
    charge_days: int = 7  # AR-3
    min_notice_days: int = 2  # AR-3
    renewal_retry_days: tuple[int, ...] = (3, 6)  # AR-5
    reactivation_fee: str = "0"  # AR-6, major units in the service's currency
    installment_retry_days: tuple[int, ...] = (7, 14)  # IN-4 (and US-3)
    min_installment: str = "2.00"  # IN-2, major units in the order's currency
    plan_confirm_days: int = 10  # IN-2
    card_expiring_day: int = 25  # PM-7
    fallback_to_other_methods: bool = True  # PM-4
    payment_method_removal: str = "replace_only"  # PM-5
    link_valid_days: int = 30  # NT-3, for links without a natural deadline
    business_time_zone: str = "Europe/Paris"  # MO-2
    seller_email: str = "seller@renewdesk.invalid"  # IN-7
    seller_language: str = "fr"
    dispute_suspends: bool = False  # RF-2: a disputed payment suspends what it paid for
    # SY-2: 0 is "by the processor": as many calls at once as its limit needs at the latency
    # measured, and its documented limit for its mode (Stripe: 25 requests/s test, 100 live).
    processor_concurrency: int = 0  # parallel processor calls, one customer per call
    processor_rate_limit: int = 0  # requests per second
    # IV-3: prices are typed including VAT (what is charged today does not change), at this
    # rate where a service or an order has none of its own; the franchise charges no VAT.
    prices_include_vat: bool = True
    default_vat_rate: str = "20"  # percent, as the exchange file writes a rate
    vat_franchise: bool = False  # art. 293 B du CGI
    consumer_notice_days: int = 45  # IV-6: between 30 and 90

    def with_values(self, values: dict[str, Any]) -> Policy:
        """Validated copy; unknown names or values of the wrong shape are refused."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, raw in values.items():
            if name not in known:
                raise InputError("unknown_setting", name=name)
            current = getattr(self, name)
            changes[name] = _coerce(name, raw, current)
        return replace(self, **changes)

    def as_text(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = ",".join(map(str, value)) if isinstance(value, tuple) else str(value)
        return out


def _coerce(name: str, raw: Any, current: Any) -> Any:
    text = str(raw).strip()
    if name == "default_vat_rate":  # its own words, as in a form or a file
        return tax_ids.rate_text(tax_ids.parse_vat_rate(text, name))
    if name == "consumer_notice_days" and text.isdigit():
        return tax_ids.check_notice_days(int(text), name)
    try:
        if isinstance(current, bool):
            if text.lower() in ("1", "true", "on", "yes"):
                return True
            if text.lower() in ("0", "false", "off", "no"):
                return False
            raise ValueError
        if isinstance(current, tuple):
            days = tuple(int(p) for p in text.split(",") if p.strip())
            if any(d <= 0 for d in days) or list(days) != sorted(set(days)):
                raise ValueError
            return days
        if isinstance(current, int):
            number = int(text)
            if number < 0:
                raise ValueError
            return number
        if name in ("min_installment", "reactivation_fee"):
            if Decimal(text) < 0:
                raise ValueError
            return text
        if name == "payment_method_removal" and text not in REMOVAL_POLICIES:
            raise ValueError
        return text
    except (ValueError, InvalidOperation):
        raise InputError("setting_invalid", name=name, given=text) from None
