"""The seller as invoices name it (IV-1), its VAT terms (IV-3) and the consumer notice (IV-6),
read from Settings in one piece.

Runs charge whether or not the seller is complete: `missing` says what invoices still wait for
(the window and `renewdesk settings` say it in words), and invoices are issued, in order, once
nothing is missing. Values are read through the same checks that saved them, so what an invoice
prints is always the compact, checked form ("732829320", "FR44732829320").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import Party, SellerTerms
from renewdesk.domain.policy import Policy
from renewdesk.services.context import Context
from renewdesk.store import settings
from renewdesk.store.models import InvoiceDue, Setting

# What invoices need of the seller, as `missing` names it (its words: refusal_words.TERMS).
NEEDED = ("legal_name", "address", "country", "siren", "vat_number")
_PLACEHOLDER_EMAIL = Policy().seller_email  # the alerts' default address, not the seller's


@dataclass(frozen=True)
class SellerSettings:
    seller: Party
    terms: SellerTerms
    invoice_prefix: str
    credit_note_prefix: str
    prices_include_vat: bool
    default_vat_rate_bp: int
    consumer_notice_days: int
    franchise: bool
    language: str  # the seller's own (alerts)


def load_seller(session: Session) -> SellerSettings:
    rows = session.scalars(select(Setting).where(
        Setting.name.in_(settings.SELLER_NAMES))).all()
    return seller_from(settings.load_policy(session),
                       {**settings.DEFAULTS, **{row.name: row.value for row in rows}})


def seller_from(policy: Policy, values: Mapping[str, str]) -> SellerSettings:
    """The seller from the settings' text (as `settings.all_user_settings` gives them)."""
    def kept(name: str) -> str | None:
        value = (values.get(name) or "").strip()
        try:
            return settings.validate_seller({name: value}).get(name) or None
        except InputError:  # saved before a check existed: not an invoice's value
            return None

    logo_text = kept("seller_logo")
    email = policy.seller_email if policy.seller_email != _PLACEHOLDER_EMAIL else None
    party = Party(name=kept("seller_name") or "", address=(values.get("seller_address") or "")
                  .strip(), country=kept("seller_country") or "", business=True,
                  siren=kept("seller_siren"), siret=kept("seller_siret"),
                  vat_number=kept("seller_vat_number"), email=email)
    terms = SellerTerms(footer=(values.get("seller_footer") or "").strip(),
                        late_penalty=kept("seller_late_penalty") or "",
                        franchise=policy.vat_franchise,
                        logo=settings.logo_bytes(logo_text) if logo_text else None,
                        phone=kept("seller_phone"))
    return SellerSettings(
        seller=party, terms=terms,
        invoice_prefix=kept("invoice_prefix") or settings.DEFAULTS["invoice_prefix"],
        credit_note_prefix=kept("credit_note_prefix") or settings.DEFAULTS["credit_note_prefix"],
        prices_include_vat=policy.prices_include_vat,
        default_vat_rate_bp=tax_ids.parse_vat_rate(policy.default_vat_rate, "default_vat_rate"),
        consumer_notice_days=policy.consumer_notice_days, franchise=policy.vat_franchise,
        language=policy.seller_language)


def missing(seller: SellerSettings) -> tuple[str, ...]:
    """What invoices still wait for, in `NEEDED`'s order: the legal name, the address, the
    country, the SIREN, and the VAT number unless the seller is under the franchise (which
    charges no VAT; a VAT number is then printed when there is one)."""
    party = seller.seller
    have = {"legal_name": bool(party.name), "address": bool(party.address),
            "country": bool(party.country), "siren": bool(party.siren),
            "vat_number": bool(party.vat_number) or seller.franchise}
    return tuple(code for code in NEEDED if not have[code])


def check_changes(current: Mapping[str, str], changes: Mapping[str, str]) -> None:
    """The changes as saving would check them, and the seller as it would then be: a French
    VAT number must be the SIREN's, whichever of the two changes."""
    settings.validate_seller(dict(changes))
    merged = {**current, **changes}
    siren, number = merged.get("seller_siren", ""), merged.get("seller_vat_number", "")
    if siren.strip() and number.strip() and (
            "seller_siren" in changes or "seller_vat_number" in changes):
        tax_ids.check_vat_number(number, "seller_vat_number",
                                 tax_ids.check_siren(siren, "seller_siren"))


# What the window's Seller tab shows and checks, without reaching into the store itself.
SELLER_NAMES = settings.SELLER_NAMES
DEFAULTS: Mapping[str, str] = settings.DEFAULTS


def check_setting(name: str, value: str) -> str:
    """One of the seller's settings as saving checks it, in the form it is kept."""
    return settings.validate_seller({name: value}).get(name, value)


def incomplete(session: Session) -> InputError | None:
    """What `renewdesk settings` says while invoices wait for the seller, or None."""
    gaps = missing(load_seller(session))
    return InputError("seller_incomplete", missing=gaps) if gaps else None


@dataclass(frozen=True)
class SellerState:
    """What invoices wait for (`missing`'s codes, empty once complete) and how many payments
    and refunds wait with them: the window's notice, read at its start."""

    missing: tuple[str, ...]
    waiting: int


def seller_state(ctx: Context) -> SellerState:
    with ctx.factory() as session:
        return SellerState(missing(load_seller(session)), waiting_count(session))


def waiting_count(session: Session) -> int:
    """How many payments and refunds wait for their invoice or credit note (IV-1)."""
    return session.scalar(select(func.count()).select_from(InvoiceDue)) or 0
