"""RF-1 at the services layer, on the sandbox: the account manager refunds all or part of a
payment, never more than is left, each refund committed with its key before the processor is
called and settled by asking it after a crash."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.payments.processor import ProcessorUnavailable, RefundRequest, RefundState
from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services import refunds
from renewdesk.store.models import AuditEntry, Event, Refund
from tests.builders import card, customer, document, order
from tests.conftest import World


def paid_installment(world: World, token: str = "pm_card_visa") -> str:
    """O1's first installment (30,00 €) paid by a real run; its payment's reference."""
    world.load(document([customer("C1", card("K1", token=token))],
                        orders=[order("O1", "C1", "K1", "2026-11-05")]))
    world.run("2026-11-05")
    return "O1#1/1"


def URL(world: World) -> Any:
    """The run lock's address: the database's."""
    return world.app.engine.url


def sandbox(world: World) -> SandboxProcessor:
    processor = world.app.processor
    assert isinstance(processor, SandboxProcessor)
    return processor


def at_processor(world: World, payment: str) -> list[RefundState]:
    with world.session() as session:
        ref = refunds.find_payment(session, payment).processor_ref
    assert ref is not None
    state = sandbox(world).payment(ref, world.ctx("2026-11-06").clock.today)
    assert state is not None
    return list(state.refunds)


def test_rf1_partial_then_full_refund_each_once_at_the_processor(world: World) -> None:
    payment = paid_installment(world)
    ctx = world.ctx("2026-11-06")
    first = refunds.refund(ctx, URL(world), payment, Money(1000, "EUR"), "goodwill: late delivery")
    assert (first.status, first.amount, first.refund) == ("succeeded", Money(1000, "EUR"),
                                                          "O1#1/1/1")
    second = refunds.refund(ctx, URL(world), payment, None, "customer withdrew")  # all that is left
    assert (second.status, second.amount) == ("succeeded", Money(2000, "EUR"))
    assert [r.amount_minor for r in at_processor(world, payment)] == [1000, 2000]
    with world.session() as session:
        info = refunds.payment_info(session, payment)
        assert (info.refunded, info.refundable) == (Money(3000, "EUR"), Money(0, "EUR"))
        events = session.scalars(select(Event.type).where(Event.type == "payment.refunded"))
        assert len(list(events)) == 2
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "refund")).all()
        assert [a.after["amount"] for a in audits if a.after] == ["10.00", "20.00"]
    # HM-2: with no SMTP the two e-mails wait for the same person: they go as one listing both
    [mail] = world.mails("refund_issued")
    assert mail.subject == "2 remboursements : 30,00\xa0€"
    rows = [line for line in mail.body.splitlines() if line.startswith("  - ")]
    assert [row.split(" · ")[:2] for row in rows] == [
        ["  - 10,00\xa0€", "sur votre paiement de 30,00\xa0€ du 5 novembre 2026 pour "
                           "Formation (1/3)"],
        ["  - 20,00\xa0€", "sur votre paiement de 30,00\xa0€ du 5 novembre 2026 pour "
                           "Formation (1/3), désormais remboursé en totalité"]]


def test_rf1_a_refund_changes_no_services_expiry_nor_the_items_status(world: World) -> None:
    payment = paid_installment(world)
    before = world.export()["installment_orders"][0]["installments"][0]["status"]
    refunds.refund(world.ctx("2026-11-06"), URL(world), payment, None, "cancelled")
    assert world.export()["installment_orders"][0]["installments"][0]["status"] == before


@pytest.mark.parametrize(("amount", "reason", "code"), [
    (Money(3001, "EUR"), "too much", "refund_too_large"),
    (Money(0, "EUR"), "nothing", "refund_amount_invalid"),
    (Money(500, "EUR"), "   ", "refund_reason_missing"),
    (Money(500, "USD"), "wrong currency", "refund_other_currency"),
])
def test_rf1_bad_refunds_are_refused_with_their_reason_and_nothing_sent(
        world: World, amount: Money, reason: str, code: str) -> None:
    payment = paid_installment(world)
    with pytest.raises(InputError) as refused:
        refunds.refund(world.ctx("2026-11-06"), URL(world), payment, amount, reason)
    assert refused.value.code == code
    assert at_processor(world, payment) == []
    with world.session() as session:
        assert session.scalars(select(Refund)).all() == []


def test_rf1_never_more_than_paid_less_earlier_refunds(world: World) -> None:
    payment = paid_installment(world)
    ctx = world.ctx("2026-11-06")
    refunds.refund(ctx, URL(world), payment, Money(2500, "EUR"), "part")
    with pytest.raises(InputError) as refused:
        refunds.refund(ctx, URL(world), payment, Money(501, "EUR"), "more")
    assert refused.value.code == "refund_too_large"
    assert "(5,00\xa0€)" in refused.value.words("fr")  # what is left, in the reader's words
    refunds.refund(ctx, URL(world), payment, Money(500, "EUR"), "the rest")
    with pytest.raises(InputError) as again:
        refunds.refund(ctx, URL(world), payment, Money(1, "EUR"), "again")
    assert again.value.code == "payment_not_refundable"
    assert [r.amount_minor for r in at_processor(world, payment)] == [2500, 500]


def test_rf1_only_a_successful_payment_is_refunded(world: World) -> None:
    paid_installment(world, token="pm_card_visa_chargeDeclined")
    with pytest.raises(InputError) as refused:
        refunds.refund(world.ctx("2026-11-06"), URL(world), "O1#1/1", None, "declined anyway")
    assert refused.value.code == "payment_not_refundable"
    with pytest.raises(InputError) as unknown:
        refunds.refund(world.ctx("2026-11-06"), URL(world), "NOPE/1", None, "no such")
    assert unknown.value.code == "payment_unknown"


class _AnswerLost:
    """The sandbox, whose answer to a refund is lost on the way back (`reached`: the refund
    was made), or which is not reached at all."""

    def __init__(self, real: SandboxProcessor, reached: bool) -> None:
        self.real, self.reached = real, reached

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def refund(self, request: RefundRequest) -> RefundState:
        if self.reached:
            self.real.refund(request)
        raise ProcessorUnavailable("the answer was lost")


@pytest.mark.parametrize("reached", [True, False], ids=["refund-made", "never-received"])
def test_rf1_sc2_an_unanswered_refund_is_settled_by_asking_once_at_the_processor(
        world: World, reached: bool) -> None:
    payment = paid_installment(world)
    lost = replace(world.ctx("2026-11-06"), processor=_AnswerLost(sandbox(world), reached))
    result = refunds.refund(lost, URL(world), payment, Money(1200, "EUR"), "answer lost")
    assert result.status == "unknown"
    with world.session() as session:
        (row,) = session.scalars(select(Refund)).all()
        assert (row.status, row.processor_ref) == ("unknown", None)  # committed before the call
    assert world.mails("refund_issued") == []
    world.run("2026-11-06")  # the next run asks the sandbox first
    assert [r.amount_minor for r in at_processor(world, payment)] == [1200]
    with world.session() as session:
        (row,) = session.scalars(select(Refund)).all()
        assert row.status == "succeeded" and row.processor_ref
    assert len(world.mails("refund_issued")) == 1
    world.run("2026-11-07")
    assert len(at_processor(world, payment)) == 1 and len(world.mails("refund_issued")) == 1


def test_rf1_a_refund_left_unanswered_counts_against_what_is_left(world: World) -> None:
    payment = paid_installment(world)
    down = replace(world.ctx("2026-11-06"), processor=_AnswerLost(sandbox(world), False))
    refunds.refund(down, URL(world), payment, Money(2000, "EUR"), "lost")

    class Down(_AnswerLost):
        def payment(self, processor_ref: str, today: Any) -> Any:
            raise ProcessorUnavailable("down")

    with pytest.raises(ProcessorUnavailable):  # it cannot be settled: nothing else is sent
        refunds.refund(replace(down, processor=Down(sandbox(world), False)), URL(world),
                       payment,
                       Money(1500, "EUR"), "more")
    with world.session() as session, pytest.raises(InputError) as refused:
        refunds.check(session, payment, Money(1500, "EUR"), "more")
    assert refused.value.code == "refund_too_large"
