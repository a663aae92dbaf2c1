"""IV-1, IV-2: what an issued invoice or credit note says, frozen at the moment it is issued.

An invoice is never changed (IV-1): its document is written once, with the seller and the
buyer as they were that day, so that the PDF made from it years later says the same. The PDF
and its Factur-X XML (IV-4) are made from this and nothing else. Amounts are integers in the
currency's minor unit (MO-1); a credit note's amounts are positive, its kind says it gives back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

INVOICE, CREDIT_NOTE = "invoice", "credit_note"


@dataclass(frozen=True)
class Party:
    """The seller or the buyer, as the invoice names them."""

    name: str
    address: str  # lines separated by "\n"
    country: str  # ISO 3166 alpha-2
    business: bool = True
    siren: str | None = None
    siret: str | None = None
    vat_number: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class SellerTerms:
    """What only the seller's side carries: its legal footer and look."""

    footer: str = ""  # free text: capital, RCS, bank details...
    late_penalty: str = ""  # the late-payment penalty rate, in words (e.g. "3 × the legal rate")
    franchise: bool = False  # art. 293 B du CGI: no VAT is ever charged
    logo: bytes | None = None  # PNG or JPEG
    phone: str | None = None


@dataclass(frozen=True)
class Line:
    description: str  # the service's label, or the order's product
    quantity: int
    unit_price_excl: int  # minor units, excluding VAT; for display (prices entered including
    #                       VAT give a rounded one): `total_excl` is the figure that adds up
    vat_rate: Decimal  # percent
    vat_category: str  # EN 16931 (UNCL5305): S standard, AE reverse charge, G export, E exempt
    total_excl: int
    period: str | None = None  # "2026-11-20 – 2027-11-19", "2026-11", "2/3"
    service_ref: str | None = None


@dataclass(frozen=True)
class VatBreakdown:
    rate: Decimal
    category: str
    base: int
    vat: int


@dataclass(frozen=True)
class InvoiceDocument:
    number: str  # F2027-000123 (invoice), A2027-000007 (credit note)
    kind: str  # invoice | credit_note
    issued_on: date
    currency: str
    language: str  # the buyer's: fr | en
    seller: Party
    terms: SellerTerms
    buyer: Party
    customer_ref: str
    lines: tuple[Line, ...]
    breakdown: tuple[VatBreakdown, ...]
    total_excl: int
    total_vat: int
    total: int
    # reverse_charge | outside_eu | outside_eu_consumer | franchise: its words are
    # renewdesk.domain.vat.MENTIONS (the law's French), its code EXEMPTION_CODES
    mention: str | None = None
    paid_on: date | None = None
    paid_with: str | None = None  # "visa •••• 4242"
    payment_ref: str | None = None  # R-1/1
    corrects: str | None = None  # a credit note: the invoice it corrects
    corrects_issued_on: date | None = None
    reason: str | None = None  # a credit note: why (a refund's reason, a correction's)
    notes: tuple[str, ...] = field(default_factory=tuple)
