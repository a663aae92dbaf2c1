"""Reading and writing settings rows: policy numbers, SMTP host, scheduler state, the seller's
identity for invoices. Never secrets."""

from __future__ import annotations

import base64
import binascii
from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.domain.policy import Policy
from renewdesk.domain.sensitive import sensitive_kind
from renewdesk.store.models import Setting

POLICY_NAMES = frozenset(f.name for f in fields(Policy))
_OTHER = frozenset(
    {"smtp_host", "smtp_port", "smtp_sender", "smtp_starttls", "smtp_user", "webhook_url",
     "links_base_url", "nightly_time", "backup_keep",
     "payment_methods_url", "payment_processor", "stripe_publishable_key", "pay_pages",
     "pay_return_url"}
)
# IV-1: the seller as invoices name it (the numbers and flags of IV-3 and IV-6 are `Policy`'s).
# The e-mail on invoices is `seller_email`, where alerts go too. HM-4: the name, logo, address,
# phone, e-mail and `seller_signature` (free text, optional) are on every e-mail and page.
SELLER_NAMES = ("seller_name", "seller_address", "seller_country", "seller_siren",
                "seller_siret", "seller_vat_number", "seller_phone", "seller_logo",
                "seller_footer", "seller_late_penalty", "invoice_prefix", "credit_note_prefix",
                "seller_signature")
OTHER_NAMES = _OTHER | frozenset(SELLER_NAMES)
INTERNAL = frozenset({"link_signing_key", "last_run_on", "install_id", "live_confirmed_on",
                      "proforma_last_number", "last_run_record"})
DEFAULTS = {"nightly_time": "02:00", "smtp_port": "25", "backup_keep": "14",
            "payment_processor": "sandbox", "pay_pages": "ours",
            "seller_country": "FR", "seller_late_penalty": "trois fois le taux d'intérêt légal",
            "invoice_prefix": "F", "credit_note_prefix": "A"}
# Which pay-now pages the e-mails carry: renewdesk's (serve-links) or the processor's own.
PAY_PAGES = ("ours", "processor")
# Settings > Payments: which processor takes the money (`RENEWDESK_GATEWAY` overrides it).
PROCESSORS = ("sandbox", "stripe")


def get(session: Session, name: str, default: str | None = None) -> str | None:
    row = session.get(Setting, name)
    return row.value if row is not None else default


def cached(session: Session, name: str, default: str | None = None) -> str | None:
    """`get`, the settings read once per session, all of them in one query (a busy night asks
    for the same few settings for each of thousands of messages and events, and each unit of
    work of a night asks for several: on a server, a round trip each)."""
    memo: dict[str, str] | None = session.info.get(_MEMO)
    if memo is None:
        memo = session.info[_MEMO] = {
            name: value for name, value in session.execute(select(Setting.name, Setting.value))}
    value = memo.get(name)
    return default if value is None else value


_MEMO = "settings"  # session.info: every setting by name, once `cached` read them


def put(session: Session, name: str, value: str) -> None:
    memo: dict[str, str] | None = session.info.get(_MEMO)
    if memo is not None:
        memo[name] = value
    row = session.get(Setting, name)
    if row is None:
        session.add(Setting(name=name, value=value))
    else:
        row.value = value


def load_policy(session: Session) -> Policy:
    """The policy as the session's settings say it (`cached`: read once per session)."""
    values = {name: value for name in POLICY_NAMES
              if (value := cached(session, name)) is not None}
    return Policy().with_values(values)


def validate_other(values: dict[str, str]) -> None:
    """The non-policy settings that have a shape: a time of day, a port, a yes/no."""
    for name, value in values.items():
        if name == "nightly_time" and not _time_of_day(value):
            raise InputError("setting_not_time", name=name, given=value)
        if name == "smtp_port" and value and not (value.isdigit() and 0 < int(value) < 65536):
            raise InputError("setting_not_port", name=name, given=value)
        if name == "backup_keep" and not (value.isdigit() and int(value) >= 1):
            raise InputError("setting_not_backups", name=name, given=value)
        if name == "smtp_starttls" and value not in ("true", "false"):
            raise InputError("setting_not_yes_no", name=name, given=value)
        if name == "payment_processor" and value not in PROCESSORS:
            raise InputError("setting_not_processor", name=name, given=value)
        if name == "pay_pages" and value not in PAY_PAGES:
            raise InputError("setting_not_pay_pages", name=name, given=value)
        if name == "pay_return_url" and value and not value.startswith(("https://", "http://")):
            raise InputError("setting_not_web_address", name=name, given=value)
        # CP-1 on Stripe: the key Stripe.js is made with on the customer's page (public).
        if name == "stripe_publishable_key" and value and not value.startswith(
                ("pk_test_", "pk_live_")):
            raise InputError("setting_not_publishable_key", name=name)
    validate_seller(values)


def validate_seller(values: dict[str, str]) -> dict[str, str]:
    """The seller's settings checked as invoices need them (IV-1), each as it is kept: a
    SIREN, a SIRET or a VAT number compact, a country in capitals. A French VAT number must be
    the SIREN's when both are given. Card numbers and IBANs are
    refused anywhere, unechoed (PM-2); a SIREN or SIRET is one by its label, not a card."""
    kept: dict[str, str] = {}
    for name, value in values.items():
        if name not in SELLER_NAMES:
            continue
        label = "SIRET " if name in ("seller_siren", "seller_siret") else ""
        kind = sensitive_kind(label + value) if name != "seller_logo" else None
        if kind is not None:
            raise InputError("setting_sensitive", name=name, kind=kind)
        multiline = name in ("seller_address", "seller_signature")
        kept[name] = _seller_value(name, value if multiline else value.strip())
    siren, number = kept.get("seller_siren"), kept.get("seller_vat_number")
    if siren and number:
        tax_ids.check_vat_number(number, "seller_vat_number", siren)
    return kept


def _seller_value(name: str, value: str) -> str:
    if not value:
        return value
    if name == "seller_country":
        return tax_ids.check_country(value, name)
    if name == "seller_siren":
        return tax_ids.check_siren(value, name)
    if name == "seller_siret":
        return tax_ids.check_siret(value, name)
    if name == "seller_vat_number":
        return tax_ids.check_vat_number(value, name)
    if name in ("invoice_prefix", "credit_note_prefix"):
        return tax_ids.check_prefix(value, name)
    if name == "seller_logo":
        tax_ids.logo_kind(logo_bytes(value, name), name)
    return value


def logo_bytes(text: str, name: str = "seller_logo") -> bytes:
    """The logo kept as base64 text, as the image's bytes."""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise InputError("logo_not_image", field=name) from None


def _time_of_day(text: str) -> bool:
    hours, colon, minutes = text.partition(":")
    return (bool(colon) and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
            and 0 <= int(hours) < 24 and 0 <= int(minutes) < 60)


def all_user_settings(session: Session) -> dict[str, str]:
    rows = session.scalars(select(Setting)).all()
    values = Policy().as_text() | DEFAULTS
    values.update({r.name: r.value for r in rows if r.name not in INTERNAL})
    return dict(sorted(values.items()))
