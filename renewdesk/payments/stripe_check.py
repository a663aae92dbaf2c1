"""Settings > Payments' "Test the connection": does Stripe take this key, for which account,
in test or live mode. Nothing is saved here; the key is never logged or put in a message.

The key is proved by `GET /v1/balance` (any working secret key may read it, and it says
`livemode`) and `GET /v1/payment_intents?limit=1` (the payments renewdesk makes and looks up);
the account's name comes from `GET /v1/account`, which a restricted key may not read and a
Stripe-compatible test server may not have (localstripe answers 404): the name is then unknown,
the key still good (docs/decisions.md).
"""

from __future__ import annotations

from typing import Any

import stripe
from stripe import (
    APIConnectionError,
    AuthenticationError,
    StripeClient,
    StripeError,
)
from stripe import PermissionError as StripePermissionError

from renewdesk.domain.errors import InputError
from renewdesk.payments.choice import StripeAccount, is_live_key

KEY_PREFIXES = ("sk_test_", "sk_live_", "rk_test_", "rk_live_")
__all__ = ["StripeAccount", "check_key", "check_shape"]


def check_shape(key: str) -> None:
    if not key.startswith(KEY_PREFIXES):
        raise InputError("stripe_key_shape")


def check_key(key: str, api_base: str | None = None, timeout: float = 15.0) -> StripeAccount:
    """The account behind `key`, or a refusal: wrong, expired or revoked (Stripe answers 401),
    restricted without the permissions renewdesk needs (403), Stripe unreachable."""
    check_shape(key)
    stripe.enable_telemetry = False
    client = StripeClient(key, base_addresses={"api": api_base} if api_base else {},
                          http_client=stripe.RequestsClient(timeout=timeout),
                          max_network_retries=0)
    try:
        balance = client.v1.balance.retrieve()
        client.v1.payment_intents.list(params={"limit": 1})
    except AuthenticationError:
        raise InputError("stripe_key_refused") from None
    except StripePermissionError:
        raise InputError("stripe_key_restricted") from None
    except APIConnectionError as error:
        raise InputError("stripe_unreachable", reason=_reason(error)) from None
    except StripeError as error:
        raise InputError("stripe_check_failed", reason=_reason(error)) from None
    live = is_live_key(key) or bool(getattr(balance, "livemode", False))
    return StripeAccount(_account_name(client), live)


def _account_name(client: StripeClient) -> str | None:
    try:
        account = client.v1.accounts.retrieve_current()
    except StripeError:  # a restricted key, or a test server without /v1/account
        return None
    return _first_name(account)


def _first_name(account: Any) -> str | None:
    data = account.to_dict() if hasattr(account, "to_dict") else dict(account)
    dashboard = (data.get("settings") or {}).get("dashboard") or {}
    profile = data.get("business_profile") or {}
    for name in (dashboard.get("display_name"), profile.get("name"), data.get("email"),
                 data.get("id")):
        if name:
            return str(name)
    return None


def _reason(error: StripeError) -> str:
    """What Stripe said, without anything that could quote the key (its messages mask it, but a
    key is never echoed even in part)."""
    status = f"HTTP {error.http_status}" if error.http_status else type(error).__name__
    code = f", {error.code}" if error.code else ""
    return f"{status}{code}"
