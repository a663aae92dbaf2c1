"""Where a customer saves a new method: the processor's hosted page, or, for the sandbox, which
hosts none, the test methods a page of ours offers in its place (`stand_in_methods`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from renewdesk.payments.dryrun import DryRunProcessor
from renewdesk.payments.processor import Payer, ProcessorUnavailable
from renewdesk.payments.sandbox import TEST_METHODS, SandboxProcessor
from renewdesk.payments.stripe_gateway import StripeProcessor


def test_pm2_the_sandbox_stands_in_with_its_test_methods_and_hosts_no_page(
        tmp_path: Path) -> None:
    sandbox = SandboxProcessor(tmp_path / "ledger.sqlite")
    offered = sandbox.stand_in_methods()
    assert dict(offered) == TEST_METHODS
    assert offered["pm_card_mastercard"].last4 == "4444"
    assert all(len(details.last4) == 4 for details in offered.values())  # never a number
    with pytest.raises(ProcessorUnavailable):
        sandbox.setup_page(Payer("C1", "Jean Dupont", "c1@example.fr"), "http://x/back")


def test_pm2_stripe_and_a_dry_run_have_no_stand_in(tmp_path: Path) -> None:
    stripe = StripeProcessor("sk_test_offline", api_base="http://127.0.0.1:9")
    assert dict(stripe.stand_in_methods()) == {}  # Checkout is Stripe's own page
    dry = DryRunProcessor(SandboxProcessor(tmp_path / "ledger.sqlite"))
    assert dict(dry.stand_in_methods()) == {}
