"""RF-1, RF-2 and SY-1 from the command line, on the sandbox: `renewdesk refund` gives back part
of a payment then the rest, refuses what cannot be refunded with one line and sends nothing,
asks before it acts; `renewdesk sync` and `run-due` read the processor's events and say what
they changed; the export carries each payment's refunds and dispute."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from sqlalchemy import event

from renewdesk.cli import main as cli_main
from renewdesk.payments.processor import RefundState
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.store.runlock import exclusive_run
from tests.builders import card, customer, document, order, service
from tests.conftest import World, d

PAID_ON = "2026-12-05"  # O1's first installment (30.00 EUR) is charged on its due date
PAYMENT = "O1#1/1"


@pytest.fixture
def paid(world: World) -> World:
    """A real run has charged O1's first installment with the sandbox's visa: payment O1#1/1."""
    world.load(document([customer("C1", card("A")), customer("C2", card(
        "B", token="pm_card_visa_chargeDeclined", last4="0002"))],
        [service("S1", "C1", "2026-12-20", payment_method="A")],
        [order("O1", "C1", "A", PAID_ON), order("O2", "C2", "B", PAID_ON)]))
    code, out, err = world.cli("run-due", today=PAID_ON)
    assert code == 0 and "O1#1 C1 30.00 EUR" in out, err
    return world


def sandbox(world: World) -> SandboxProcessor:
    assert isinstance(world.app.processor, SandboxProcessor)
    return world.app.processor


def charge_id(world: World, customer_ref: str = "C1") -> str:
    return next(str(row["id"]) for row in sandbox(world).ledger()
                if row["customer_ref"] == customer_ref)


def sent(world: World, today: str = PAID_ON) -> tuple[RefundState, ...]:
    """The refunds the sandbox received for O1#1/1."""
    state = sandbox(world).payment(charge_id(world), d(today))
    assert state is not None
    return state.refunds


def attempt(world: World, order_ref: str = "O1") -> dict[str, Any]:
    data = json.loads(world.cli("export")[1])
    found = next(o for o in data["installment_orders"] if o["ref"] == order_ref)
    first: dict[str, Any] = found["installments"][0]["attempts"][0]
    return first


def test_rf1_cli_refund_part_then_the_rest(paid: World) -> None:
    code, out, err = paid.cli("refund", PAYMENT, "--amount", "10.00", "--reason", "goodwill",
                              "--yes", today="2026-12-06")
    assert code == 0, err
    assert "30.00 EUR paid on 2026-12-05" in out  # what it is about to do, said first
    assert out.endswith("refunded 10.00 EUR of payment O1#1/1 to Jean Dupont (C1) as "
                        "O1#1/1/1\n")
    assert [(r.amount_minor, r.status) for r in sent(paid)] == [(1000, "succeeded")]
    code, out, err = paid.cli("refund", PAYMENT, "--reason", "order cancelled", "--yes",
                              today="2026-12-06")
    assert code == 0, err
    assert "already refunded 10.00 EUR" in out and "refund 20.00 EUR now" in out
    assert "refunded 20.00 EUR of payment O1#1/1" in out
    assert [r.amount_minor for r in sent(paid)] == [1000, 2000]
    code, _out, err = paid.cli("refund", PAYMENT, "--reason", "again", "--yes",
                               today="2026-12-06")
    assert code == 2 and "already refunded in full" in err and err.count("\n") == 1
    assert len(sent(paid)) == 2


def test_rf1_cli_refund_of_more_than_is_left_is_refused_and_nothing_sent(paid: World) -> None:
    assert paid.cli("refund", PAYMENT, "--amount", "10.00", "--reason", "goodwill", "--yes",
                    today="2026-12-06")[0] == 0
    before = paid.fingerprint()
    code, out, err = paid.cli("refund", PAYMENT, "--amount", "25.00", "--reason", "goodwill",
                              "--yes", today="2026-12-06")
    assert code == 2 and out == ""
    assert err == ("renewdesk: 25.00 EUR is more than can be refunded of payment O1#1/1 "
                   "(20.00 EUR): nothing was refunded\n")
    assert paid.fingerprint() == before
    assert [r.amount_minor for r in sent(paid)] == [1000]


@pytest.mark.parametrize(("args", "expected"), [
    (["O1#1/1"], "give a reason for the refund"),
    (["O1#1/1", "--reason", "   "], "give a reason for the refund"),
    (["O1#1/9", "--reason", "goodwill"], "no payment O1#1/9"),
    (["REN-404/1", "--reason", "goodwill"], "no payment REN-404/1"),
    (["O2#1/1", "--reason", "goodwill"], "payment O2#1/1 cannot be refunded: it did not "
                                         "succeed"),
    (["O1#1/1", "--amount", "0.00", "--reason", "goodwill"], "must be more than zero"),
    (["O1#1/1", "--amount", "10,00", "--reason", "goodwill"], "--amount: '10,00' is not a "
                                                              "decimal amount"),
    (["O1#1/1", "--amount", "1.005", "--reason", "goodwill"], "--amount"),
])
def test_rf1_cli_refund_bad_input_exits_2_with_one_line_and_sends_nothing(
        paid: World, args: list[str], expected: str) -> None:
    before = paid.fingerprint()
    code, out, err = paid.cli("refund", *args, "--yes", today="2026-12-06")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err
    assert "RF-1" not in err  # the rule's id is for the log (HM-3)
    assert paid.fingerprint() == before
    assert sent(paid) == ()


def test_rf1_cli_refund_without_yes_and_without_a_terminal_is_refused(paid: World) -> None:
    before = paid.fingerprint()
    code, out, err = paid.cli("refund", PAYMENT, "--amount", "5.00", "--reason", "goodwill",
                              today="2026-12-06")
    assert code == 2
    assert "refund 5.00 EUR now; 25.00 EUR would be left to refund" in out
    assert err.count("\n") == 1 and "add --yes" in err and "nothing was refunded" in err
    assert paid.fingerprint() == before and sent(paid) == ()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "refunded"), [("y\n", True), ("oui\n", True),
                                                  ("n\n", False), ("\n", False)])
def test_rf1_cli_refund_asks_on_a_terminal(paid: World, answer: str, refunded: bool) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(["--db", paid.target, "--today", "2026-12-06", "refund", PAYMENT,
                     "--amount", "5.00", "--reason", "goodwill"], out=out, err=err,
                    inp=Terminal(answer))
    assert code == 0, err.getvalue()
    assert "Refund 5.00 EUR to Jean Dupont? [y/N]" in out.getvalue()
    assert len(sent(paid)) == (1 if refunded else 0)
    assert ("refunded 5.00 EUR of payment O1#1/1" in out.getvalue()) is refunded
    assert ("nothing was refunded" in out.getvalue()) is not refunded


def test_rf1_cli_refund_refusal_reads_french(paid: World,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    code, _out, err = paid.cli("refund", PAYMENT, "--amount", "40.00", "--reason", "geste",
                               "--yes", today="2026-12-06")
    assert code == 2
    assert err == ("renewdesk: 40,00\xa0€ dépasse ce qui peut être remboursé du paiement "
                   "O1#1/1 (30,00\xa0€) : rien n'a été remboursé\n")
    code, _out, err = paid.cli("refund", PAYMENT, today="2026-12-06")
    assert code == 2 and err == "renewdesk: indiquez le motif du remboursement\n"


def test_rf1_export_carries_the_payment_and_its_refunds(paid: World) -> None:
    assert paid.cli("refund", PAYMENT, "--amount", "10.00", "--reason", "goodwill", "--yes",
                    today="2026-12-06")[0] == 0
    paid_attempt = attempt(paid)
    assert paid_attempt["ref"] == PAYMENT and paid_attempt["dispute"] is None
    assert [{k: r[k] for k in ("ref", "amount", "on", "status", "reason")}
            for r in paid_attempt["refunds"]] == [
        {"ref": "O1#1/1/1", "amount": "10.00", "on": "2026-12-06", "status": "succeeded",
         "reason": "goodwill"}]
    declined = attempt(paid, "O2")
    assert declined["result"] == "declined"
    assert not {"ref", "refunds", "dispute"} & set(declined)


def test_rf2_sync_reads_a_dispute_and_the_export_carries_it(paid: World) -> None:
    sandbox(paid).open_dispute(charge_id(paid))
    code, out, err = paid.cli("sync", today="2026-12-07")
    assert code == 0, err
    assert out.startswith("Sync as of 2026-12-07\n")
    assert "  provider payment O1#1/1 disputed\n" in out
    assert "event(s) read from the payment provider, 1 applied" in out
    dispute = attempt(paid)["dispute"]
    assert {k: dispute[k] for k in ("status", "amount", "reason", "opened_on", "closed_on")} == {
        "status": "needs_response", "amount": "30.00", "reason": "fraudulent",
        "opened_on": "2026-12-07", "closed_on": None}
    again = paid.cli("sync", today="2026-12-07")[1]
    assert "disputed" not in again  # each event is applied once
    code, _out, err = paid.cli("refund", PAYMENT, "--reason", "goodwill", "--yes",
                               today="2026-12-07")
    assert code == 2 and "payment O1#1/1 cannot be refunded" in err  # answered at the bank
    assert sent(paid) == ()


def test_sy1_sync_waits_for_no_run_in_progress(paid: World) -> None:
    with exclusive_run(paid.app.engine.url, 0):
        code, _out, err = paid.cli("sync", today="2026-12-07")
    assert code == 1 and "in progress" in err


def test_sy1_run_due_summary_says_what_the_events_changed(paid: World) -> None:
    sandbox(paid).refund_elsewhere(charge_id(paid), 700)
    code, out, err = paid.cli("run-due", today="2026-12-06")
    assert code == 0, err
    assert "  provider refund O1#1/1/1 recorded from the processor\n" in out
    assert "  provider 1 event(s) read, 1 applied; 0 refund(s) settled\n" in out
    quiet = paid.cli("run-due", "--dry-run", today="2026-12-07")[1]
    assert "provider" not in quiet  # a dry run reads no events


def test_rf1_export_reads_refunds_and_disputes_in_one_query_each(paid: World) -> None:
    """The export runs on a million services: the number of queries never grows with the
    payments."""
    def queries() -> int:
        seen: list[str] = []

        def count(*args: Any) -> None:
            seen.append(str(args[2]))

        event.listen(paid.app.engine, "before_cursor_execute", count)
        try:
            paid.export()
        finally:
            event.remove(paid.app.engine, "before_cursor_execute", count)
        return len(seen)

    bare = queries()
    assert paid.cli("refund", PAYMENT, "--amount", "1.00", "--reason", "a", "--yes",
                    today="2026-12-06")[0] == 0
    assert paid.cli("refund", PAYMENT, "--amount", "2.00", "--reason", "b", "--yes",
                    today="2026-12-06")[0] == 0
    sandbox(paid).open_dispute(charge_id(paid))
    assert paid.cli("sync", today="2026-12-07")[0] == 0
    assert queries() == bare
