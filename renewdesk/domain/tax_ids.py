"""IV-1, IV-3: the checks of what an invoice says of the seller and the buyer, in one place.

A SIREN, a SIRET or a VAT number is checked by its own check digits (python-stdnum), so a
typing slip is caught when it is typed rather than on an invoice that can never be changed.
Each check returns the value as it is kept (compact: "732829320", "FR40303265045") or raises
`InputError` with a code and the field; the words never repeat an identifier that failed, so a
card number typed in the wrong field is not echoed (PM-2). A VAT rate is kept as an integer in
basis points (2000 = 20 %, 550 = 5.5 %): exact, and SQLite has no decimal type.
The window, the import and `renewdesk settings` all call these, so they refuse alike.
python-stdnum is imported by the first check that needs it, not with this module: its own
imports (pydoc, ssl) would weigh on the window's start, which checks nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale

from renewdesk.domain.errors import InputError

# CLDR's territories that are not ISO 3166-1 countries: reserved codes (Ascension, Clipperton,
# Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da Cunha), groupings and test codes.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN",
                            "XA", "XB", "XK", "ZZ"})
COUNTRIES = frozenset(str(code) for code in Locale("en").territories
                      if len(str(code)) == 2 and str(code).isalpha()
                      and code not in _NOT_COUNTRIES)
LOGO_LIMIT = 500 * 1024  # bytes: a logo is drawn small, and kept in every invoice's document
_RATE = re.compile(r"([0-9]{1,3})(?:\.([0-9]{1,2}))?")
_PREFIX = re.compile(r"[A-Za-z0-9]{1,6}")
NOTICE_DAYS = (30, 90)  # IV-6: between one and three months


def country_names(language: str) -> dict[str, str]:
    """Each country's name in "fr" or "en", by code."""
    names = Locale(language if language in ("fr", "en") else "en").territories
    return {code: str(names.get(code, code)) for code in COUNTRIES}


def check_country(value: str, field: str) -> str:
    code = value.strip().upper()
    if code not in COUNTRIES:
        raise InputError("country_code_invalid", field=field, given=value[:40])
    return code


def check_siren(value: str, field: str) -> str:
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siren as fr_siren

    try:
        return str(fr_siren.validate(value))
    except ValidationError:
        raise InputError("siren_invalid", field=field) from None


def check_siret(value: str, field: str) -> str:
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siret as fr_siret

    try:
        return str(fr_siret.validate(value))
    except ValidationError:
        raise InputError("siret_invalid", field=field) from None


def check_vat_number(value: str, field: str, siren: str | None = None) -> str:
    """An intra-community VAT number with its country's two letters first (FR40303265045); a
    French one must be the SIREN's, when both are given."""
    from stdnum import vatin
    from stdnum.eu import vat as eu_vat
    from stdnum.exceptions import ValidationError
    from stdnum.fr import tva as fr_tva

    try:
        compact = str(vatin.compact(value))
        prefix = compact[:2].upper()
        if prefix == "FR":
            number = "FR" + str(fr_tva.validate(compact))
            if siren is not None and number[4:] != siren:
                raise InputError("vat_number_not_siren", field=field, siren=siren)
            return number
        if prefix.lower() in eu_vat.MEMBER_STATES or prefix == "EL":
            return str(eu_vat.validate(compact))
        return str(vatin.validate(compact))
    except ValidationError:
        raise InputError("vat_number_invalid", field=field) from None


def parse_vat_rate(text: str, field: str) -> int:
    """A VAT rate in percent ("20", "5.5", "2.10") as basis points (2000, 550, 210)."""
    match = _RATE.fullmatch(text.strip())
    if match is None or int(match.group(1)) > 100 or (
            int(match.group(1)) == 100 and int(match.group(2) or 0) > 0):
        raise InputError("vat_rate_invalid", field=field, given=text[:40])
    whole, fraction = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(whole) * 100 + int(fraction)


def rate_text(basis_points: int) -> str:
    """Basis points as the exchange file and the settings write a rate: "20", "5.5", "2.1"."""
    text = str(Decimal(basis_points).scaleb(-2))
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_prefix(value: str, field: str) -> str:
    """An invoice or credit note number's prefix: 1 to 6 letters or digits."""
    if not _PREFIX.fullmatch(value) or not value.isascii():
        raise InputError("number_prefix_invalid", field=field)
    return value


def check_notice_days(value: int, field: str) -> int:
    if not NOTICE_DAYS[0] <= value <= NOTICE_DAYS[1]:
        raise InputError("notice_days_invalid", field=field, low=NOTICE_DAYS[0],
                         high=NOTICE_DAYS[1])
    return value


def logo_kind(data: bytes, field: str) -> str:
    """"png" or "jpeg", by the file's own first bytes; a logo too large to carry is refused."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    else:
        raise InputError("logo_not_image", field=field)
    if len(data) > LOGO_LIMIT:
        raise InputError("logo_too_large", field=field, size=-(-len(data) // 1024),
                         limit=LOGO_LIMIT // 1024)
    return kind
