"""The offline sandbox processor of EXCHANGE.md: Stripe's test tokens, its own ledger,
idempotency keys (SC-2), SEPA settling on the next run."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from renewdesk.payments.processor import ChargeRequest
from renewdesk.payments.sandbox import SandboxProcessor

DAY = date(2026, 12, 13)


def request(token: str, key: str = "k1", amount: int = 1200) -> ChargeRequest:
    return ChargeRequest(idempotency_key=key, token=token, amount_minor=amount, currency="EUR",
                         customer_ref="C1", description="test", metadata={"subject": "REN-1"})


@pytest.fixture
def sandbox(tmp_path: Path) -> SandboxProcessor:
    return SandboxProcessor(tmp_path / "ledger.sqlite")


@pytest.mark.parametrize(("token", "status", "code"), [
    ("pm_card_visa", "succeeded", None),
    ("pm_card_mastercard", "succeeded", None),
    ("pm_card_visa_chargeDeclined", "declined", "generic_decline"),
    ("pm_card_visa_chargeDeclinedInsufficientFunds", "declined", "insufficient_funds"),
    ("pm_card_chargeCustomerFail", "declined", "card_declined"),
    ("pm_card_visa_chargeDeclinedExpiredCard", "declined", "expired_card"),
    ("pm_card_visa_chargeDeclinedLostCard", "declined", "lost_card"),
    ("pm_card_visa_chargeDeclinedStolenCard", "declined", "stolen_card"),
    ("pm_card_authenticationRequired", "declined", "authentication_required"),
    ("pm_anything_else", "succeeded", None),
])
def test_sc2_sandbox_outcomes_follow_stripe_test_tokens(sandbox: SandboxProcessor, token: str,
                                                        status: str, code: str | None) -> None:
    outcome = sandbox.charge(request(token), DAY)
    assert (outcome.status, outcome.decline_code) == (status, code)


def test_sc2_same_idempotency_key_returns_the_first_result(sandbox: SandboxProcessor) -> None:
    first = sandbox.charge(request("pm_card_visa", key="same"), DAY)
    again = sandbox.charge(request("pm_card_visa_chargeDeclined", key="same", amount=9999), DAY)
    assert again == first
    assert len(sandbox.ledger()) == 1


def test_sc2_a_charge_is_written_at_once_for_other_processes(tmp_path: Path,
                                                            sandbox: SandboxProcessor) -> None:
    """Another process (a crashed run's successor, `renewdesk`'s CLI) sees the charge as soon
    as it is answered, and may write the ledger: nothing is left open."""
    sandbox.charge(request("pm_card_visa", key="k1"), DAY)
    sandbox.charge(request("pm_card_visa", key="k1"), DAY)  # the second answer, too
    other = sqlite3.connect(tmp_path / "ledger.sqlite", timeout=0)
    assert other.execute("SELECT count(*) FROM charge").fetchone() == (1,)
    other.execute("BEGIN IMMEDIATE")  # fails at once if a write transaction were still open
    other.execute("ROLLBACK")
    other.close()


def test_sc2_lookup_tells_what_became_of_a_key(sandbox: SandboxProcessor) -> None:
    assert sandbox.lookup("never-sent", {}, DAY) is None
    sent = sandbox.charge(request("pm_card_visa", key="k9"), DAY)
    assert sandbox.lookup("k9", {}, DAY) == sent


def test_in6_sepa_is_processing_then_settles_on_the_next_run(sandbox: SandboxProcessor) -> None:
    ok = sandbox.charge(request("pm_sepa_debit", key="s1"), DAY)
    bad = sandbox.charge(request("pm_sepa_debit_fail", key="s2"), DAY)
    assert ok.status == bad.status == "pending"
    assert sandbox.lookup("s1", {}, DAY).status == "pending"  # type: ignore[union-attr]
    later = date(2026, 12, 14)
    assert sandbox.lookup("s1", {}, later).status == "succeeded"  # type: ignore[union-attr]
    failed = sandbox.lookup("s2", {}, later)
    assert failed is not None and failed.status == "declined"


def test_sc2_ledger_is_a_separate_store(tmp_path: Path, sandbox: SandboxProcessor) -> None:
    sandbox.charge(request("pm_card_visa"), DAY)
    tables = {name for (name,) in sqlite3.connect(tmp_path / "ledger.sqlite").execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    # Its own tables only: what it charged, refunded, and told afterwards (SY-1), none of ours.
    assert tables == {"charge", "followed", "refund", "dispute", "method", "event",
                      "sqlite_sequence"}


def test_pm3_attach_refuses_what_is_not_a_processor_token(sandbox: SandboxProcessor) -> None:
    assert sandbox.attach("pm_card_visa", "C1").accepted
    refused = sandbox.attach("tok_unknown", "C1")
    assert not refused.accepted and refused.refusal


def test_sc2_charge_many_answers_each_key_as_charge_would_and_keeps_the_first_result(
        sandbox: SandboxProcessor) -> None:
    """A wave's charges in one call: each token's outcome as `charge` gives it, a key already
    recorded (before, or earlier in the same call) answers its first result, in order."""
    first = sandbox.charge(request("pm_card_visa", key="k0"), DAY)
    outcomes = sandbox.charge_many([
        request("pm_card_visa", key="k1"), request("pm_card_visa_chargeDeclined", key="k2"),
        request("pm_sepa_debit", key="k3"), request("pm_card_visa_chargeDeclined", key="k0"),
        request("pm_card_visa_chargeDeclined", key="k1", amount=9999)], DAY)
    assert [(o.status, o.decline_code) for o in outcomes] == [
        ("succeeded", None), ("declined", "generic_decline"), ("pending", None),
        ("succeeded", None), ("succeeded", None)]
    assert outcomes[3] == first and outcomes[4] == outcomes[0]
    assert len({o.processor_ref for o in outcomes[:4]}) == 4
    assert len(sandbox.ledger()) == 4
    assert sandbox.lookup("k2", {}, DAY) == outcomes[1]


def test_sc2_charge_many_has_recorded_every_charge_when_it_answers(
        tmp_path: Path, sandbox: SandboxProcessor) -> None:
    """Recorded and committed before any answer is returned: another process sees every
    charge, and may write the ledger at once."""
    sandbox.charge_many([request("pm_card_visa", key=f"k{n}") for n in range(5)], DAY)
    other = sqlite3.connect(tmp_path / "ledger.sqlite", timeout=0)
    assert other.execute("SELECT count(*) FROM charge").fetchone() == (5,)
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()
