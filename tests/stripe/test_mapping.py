"""How Stripe's answers become renewdesk's outcomes (AR-5, IN-4's soft/hard split)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from renewdesk.domain.declines import DeclineKind, classify
from renewdesk.payments.stripe_gateway import _outcome


def intent(status: str, error: object = None) -> SimpleNamespace:
    return SimpleNamespace(id="pi_1", status=status, last_payment_error=error)


@pytest.mark.parametrize(("status", "expected"), [
    ("succeeded", "succeeded"), ("requires_capture", "succeeded"), ("processing", "pending")])
def test_sc2_paymentintent_statuses(status: str, expected: str) -> None:
    assert _outcome(intent(status)).status == expected


def test_in4_authentication_required_means_the_customer_must_act() -> None:
    outcome = _outcome(intent("requires_action"))
    assert (outcome.status, outcome.decline_code) == ("declined", "authentication_required")
    assert classify(outcome.decline_code) is DeclineKind.CUSTOMER_ACTION


@pytest.mark.parametrize(("decline_code", "kind"), [
    ("insufficient_funds", DeclineKind.SOFT), ("lost_card", DeclineKind.HARD),
    ("stolen_card", DeclineKind.HARD), ("expired_card", DeclineKind.HARD),
    ("pickup_card", DeclineKind.HARD), ("fraudulent", DeclineKind.HARD)])
def test_ar5_decline_codes_from_last_payment_error(decline_code: str, kind: DeclineKind) -> None:
    error = SimpleNamespace(code="card_declined", decline_code=decline_code)
    outcome = _outcome(intent("requires_payment_method", error))
    assert outcome.decline_code == decline_code and classify(outcome.decline_code) is kind
