"""IV-3: what a price as entered charges the customer.

Prices are entered including VAT (`prices_include_vat`, the default) or excluding it. What
renewdesk stores on what it charges (a cart's items and so the cart, an installment, a usage
invoice) is always the amount charged, VAT included, fixed when the row is made with the
customer's regime at that time: excluding VAT, it is the price plus its VAT as an invoice of that
one line would add it (nothing under a reverse charge, outside the EU or the franchise). An
invoice then reads every stored amount as including VAT and gets the price back exactly
(docs/vat.md), so what it totals is what was charged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sqlalchemy.orm import Session

from renewdesk.domain import tax_ids, vat
from renewdesk.domain.errors import InputError
from renewdesk.domain.policy import Policy
from renewdesk.store import settings
from renewdesk.store.models import Customer

_NAMES = ("prices_include_vat", "vat_franchise", "default_vat_rate")


@dataclass(frozen=True)
class _Terms:
    seller: vat.Seller
    default_rate_bp: int


def charged(session: Session, customer: Customer, price_minor: int, quantity: int,
            rate_bp: int | None, currency: str) -> int:
    """The amount `quantity` × `price_minor` (as entered, at `rate_bp`, the default rate when
    None) charges `customer` today, in minor units. AmountTooLarge past what a row stores."""
    terms = _terms(*(settings.cached(session, name) for name in (*_NAMES, "seller_country")))
    if terms is None:
        return price_minor * quantity
    rate = Decimal(rate_bp if rate_bp is not None else terms.default_rate_bp) / 100
    computed = vat.invoice_vat(
        terms.seller, vat.Buyer(customer.country, customer.business, bool(customer.vat_number)),
        [vat.Line("", quantity, price_minor, rate)], currency=currency, prices_include_vat=False)
    return computed.total.minor


@lru_cache(maxsize=16)
def _terms(include: str | None, franchise: str | None, rate: str | None,
           country: str | None) -> _Terms | None:
    """The settings' text read once per unit of work (`settings.cached`) and parsed once per
    value; None while prices include VAT (what is entered is what is charged)."""
    given = {name: value for name, value in zip(_NAMES, (include, franchise, rate), strict=True)
             if value is not None}
    policy = Policy().with_values(given)
    if policy.prices_include_vat:
        return None
    try:
        home = tax_ids.check_country(country or "", "seller_country")
    except InputError:  # not saved yet, or before the check existed: as `load_seller` reads it
        home = settings.DEFAULTS["seller_country"]
    return _Terms(vat.Seller(home, policy.vat_franchise),
                  tax_ids.parse_vat_rate(policy.default_vat_rate, "default_vat_rate"))
