"""Settings > Payments: which processor takes the money, its key, and the switch to live mode.

A Stripe key is proved with Stripe before anything is kept: a key Stripe refuses saves nothing,
neither the key nor the choice. The key goes to the system keyring (`keystore`), never to the
database, and is never logged or audited; the choice is the `payment_processor` setting, which
`RENEWDESK_GATEWAY` overrides on an unattended machine. Switching to live mode is confirmed by
the person first (the window asks) and audited; it counts as the first live run's confirmation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from renewdesk import keystore
from renewdesk.domain import roles
from renewdesk.domain.errors import InputError
from renewdesk.payments.choice import (
    MODE_WORDS,
    SANDBOX,
    STRIPE_LIVE,
    STRIPE_NOT_READY,
    STRIPE_TEST,
    StripeAccount,
    is_live_key,
    mode_of,
)
from renewdesk.services.context import Context
from renewdesk.services.journal import audit
from renewdesk.store import settings

__all__ = ["MODE_WORDS", "SANDBOX", "STRIPE_LIVE", "STRIPE_NOT_READY", "STRIPE_TEST",
           "PaymentsState", "StripeAccount", "current", "is_live_key", "remove_key", "save",
           "test_connection"]


@dataclass(frozen=True)
class PaymentsState:
    processor: str  # the setting: sandbox | stripe
    overridden_by: str | None  # RENEWDESK_GATEWAY's value when it overrides the setting
    key_source: str | None  # the Stripe key's: environment | keyring | plaintext; never the key


def current(ctx: Context, env: Mapping[str, str]) -> PaymentsState:
    """What the Payments tab opens on (read off the GUI thread: the database and the keyring)."""
    with ctx.factory() as session:
        chosen = settings.get(session, "payment_processor") or settings.DEFAULTS[
            "payment_processor"]
    source = next(s for s in keystore.states(env) if s.name == "stripe").source
    kind = next((kind for kind, words in (("environment", "environment"),
                                          ("keyring", "system keyring"),
                                          ("plaintext", "PLAIN TEXT")) if source.startswith(words)),
                None)
    return PaymentsState(chosen, env.get("RENEWDESK_GATEWAY") or None, kind)


def test_connection(env: Mapping[str, str], key: str | None) -> StripeAccount:
    """The account behind the key typed, or else the one saved; a refusal says why."""
    # Stripe's SDK is imported when it is first asked: not when the window starts.
    from renewdesk.payments.stripe_check import check_key

    key = key or keystore.read("stripe", env)
    if not key:
        raise InputError("stripe_key_needed")
    return check_key(key, env.get("RENEWDESK_STRIPE_API_BASE") or None,
                     float(env.get("RENEWDESK_STRIPE_TIMEOUT") or 15))


def save(ctx: Context, env: Mapping[str, str], processor: str, key: str | None,
         account: StripeAccount | None = None, live_confirmed: bool = False) -> str:
    """Keep the choice (and a typed key) once Stripe has taken the key; returns the mode it
    gives. `account`: what `test_connection` just answered for this key, else it is asked
    here. Going live without `live_confirmed` is refused before anything is kept, and so is
    anything asked by a role other than admin (issue 23)."""
    from renewdesk.services import actions
    roles.check(ctx.role, roles.Power.SETTINGS)
    settings.validate_other({"payment_processor": processor})
    if processor == "stripe" and account is None:
        account = test_connection(env, key)
    mode_before = mode_of(ctx.processor)
    going_live = account is not None and account.live and processor == "stripe"
    if going_live and mode_before != STRIPE_LIVE and not live_confirmed:
        raise InputError("first_live_run")
    if key and processor == "stripe":
        keystore.store("stripe", key, env, allow_plaintext=False)  # refused: nothing kept
    actions.save_settings(ctx, {"payment_processor": processor})
    if going_live and mode_before != STRIPE_LIVE:
        with ctx.factory() as session:
            today, now = ctx.clock.today, ctx.clock.now()
            settings.put(session, "live_confirmed_on", today.isoformat())
            audit(session, ctx.who, "switch_to_live", "payment_processor", today, now,
                  {"mode": mode_before},
                  {"mode": STRIPE_LIVE, "account": account.name if account else None})
            session.commit()
    if processor == "sandbox":
        return SANDBOX
    return STRIPE_LIVE if going_live else STRIPE_TEST


def remove_key(env: Mapping[str, str]) -> bool:
    """The Stripe key out of the keyring (True if one was there); with Stripe chosen, runs are
    then refused until a key is saved again."""
    return keystore.delete("stripe", env)
