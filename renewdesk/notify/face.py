"""HM-4: the seller as every e-mail and customer page shows them: name, logo, contact details
and signature, read from the seller's settings (the ones invoices use, IV-1)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from renewdesk.domain import tax_ids
from renewdesk.domain.errors import InputError
from renewdesk.domain.policy import Policy
from renewdesk.store import settings

LOGO_CID = "seller-logo"  # the logo's Content-ID in an e-mail: `<img src="cid:seller-logo">`
_PLACEHOLDER_EMAIL = Policy().seller_email  # the alerts' default address, not the seller's


@dataclass(frozen=True)
class SellerFace:
    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    signature: str = ""
    logo: bytes | None = None
    logo_type: str = ""  # "png" or "jpeg"

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def contact(self) -> list[str]:
        return [value for value in (self.phone, self.email) if value]

    @property
    def empty(self) -> bool:
        return not (self.name or self.address or self.contact or self.signature or self.logo)


def seller_face(session: Session) -> SellerFace:
    """Read once per unit of work (a busy night writes thousands of e-mails)."""
    def value(name: str) -> str:
        return (settings.cached(session, name) or "").strip()

    logo_text = value("seller_logo")
    memo: dict[str, tuple[bytes | None, str]] = session.info.setdefault("seller logo", {})
    if logo_text not in memo:
        memo[logo_text] = _logo(logo_text)
    logo, kind = memo[logo_text]
    email = value("seller_email")
    return SellerFace(name=value("seller_name"), address=value("seller_address"),
                      phone=value("seller_phone"),
                      email=email if email != _PLACEHOLDER_EMAIL else "",
                      signature=value("seller_signature"), logo=logo, logo_type=kind)


def _logo(text: str) -> tuple[bytes | None, str]:
    """The saved logo's bytes and kind; one that no longer reads as an image is left out."""
    if not text:
        return None, ""
    try:
        data = settings.logo_bytes(text)
        return data, tax_ids.logo_kind(data, "seller_logo")
    except InputError:
        return None, ""
