"""NT-3: customer links carry signed, expiring, single-use tokens.

A token is `<random hex id>.<HMAC-SHA256 over id, action and expiry>`. The key is per database (kept
in its settings, shared by every machine of a team), so a forged or altered token is refused
without a lookup, and single use is kept by the link's row.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import date

from renewdesk.domain.sensitive import never_sensitive

DEFAULT_LINKS_BASE = "http://127.0.0.1:8765/l/"  # the app's own page server
ACTIONS = ("cancel_renewal", "confirm_plan_change", "update_payment_method", "pay_now",
           "invoices")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_signing_key() -> str:
    return secrets.token_hex(32)


def sign(key: str, action: str, expires_on: date) -> str:
    # Hex, so a token never begins with "-" (a command line would read it as an option).
    def token() -> str:
        link_id = secrets.token_hex(16)
        return f"{link_id}.{_signature(key, link_id, action, expires_on)}"

    return never_sensitive(token)


def signature_ok(key: str, token: str, action: str, expires_on: date) -> bool:
    link_id, dot, given = token.partition(".")
    if not dot:
        return False
    return hmac.compare_digest(given, _signature(key, link_id, action, expires_on))


def _signature(key: str, link_id: str, action: str, expires_on: date) -> str:
    message = f"{link_id}|{action}|{expires_on.isoformat()}".encode()
    return _b64(hmac.new(bytes.fromhex(key), message, hashlib.sha256).digest()[:18])
