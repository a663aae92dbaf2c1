"""HM-1: the home page's figures equal what the lists give for the same days, on demo data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from renewdesk.domain.money import Money
from renewdesk.services import home_charts, listing
from renewdesk.services.listing import Query
from renewdesk.store import settings
from tests.conftest import World, d


def demo_world(world: World) -> None:
    assert world.cli("demo", "--customers", "60", today="2026-12-10")[0] == 0
    for day in ("2026-12-20", "2027-01-05", "2027-01-20"):
        world.run(day)


def rows(world: World, which: listing.Listing, query: Query) -> list[listing.Row]:
    with world.session() as session:
        policy = settings.load_policy(session)
        count = which.count(session, query)
        found = which.page(session, query, 0, 10_000, policy, d("2027-01-20"))
        assert len(found) == count
        return found


def test_hm1_charts_equal_the_lists_for_the_same_days(world: World) -> None:
    demo_world(world)
    charts = home_charts.read_charts(world.session(), d("2027-01-20"))
    cur = charts.currency
    seen = 0
    for day in charts.upcoming:
        q = Query(since=day.day, until=day.day)
        renewals = rows(world, listing.RENEWALS, q)
        assert day.counts[0] == len(renewals)
        assert day.amounts[0] == sum(r.amount.minor for r in renewals if r.amount.currency == cur)
        orders = rows(world, listing.ORDERS, q)
        assert day.counts[1] == len(orders)  # one installment an order a day
        seen += day.counts[0] + day.counts[1]
    assert seen > 0
    for b in charts.failures:
        found = rows(world, listing.PAYMENTS, Query(filter="failed", since=b.since, until=b.until))
        assert b.ended == tuple(sum(1 for r in found if r.ended == e)
                                for e in ("retry", "customer", "manual", "lost"))
    assert sum(sum(b.ended) for b in charts.failures) > 0
    for m in charts.collected:
        found = rows(world, listing.PAYMENTS, Query(filter="paid", since=m.month, until=m.until))
        assert m.payments == len([r for r in found if r.amount.currency == cur])
        assert m.amount == sum(r.amount.minor for r in found if r.amount.currency == cur)
    assert sum(m.amount for m in charts.collected) > 0
    assert Money(0, cur).currency == cur
    assert charts.upcoming[-1].day - charts.upcoming[0].day == timedelta(days=59)


def test_hm1_rf2_only_a_dispute_to_answer_needs_the_account_manager(
        world: World, example: dict[str, Any]) -> None:
    """A dispute under review was answered and waits for the bank; one with no answer date
    says when it was opened, not "answer by" that day."""
    from datetime import date as day

    from renewdesk.services.home import disputes
    from renewdesk.store.models import Attempt, Dispute

    world.load(example)
    world.run("2026-12-01")
    with world.session() as session:
        paid = session.scalars(select(Attempt).where(Attempt.result == "succeeded")).first()
        assert paid is not None
        dispute = Dispute(attempt_id=paid.id, processor_ref="dp_1", amount_minor=paid.amount_minor,
                          currency=paid.currency, reason="fraudulent", status="needs_response",
                          opened_on=day(2026, 12, 2), respond_by=None)
        session.add(dispute)
        session.commit()
        [need] = disputes(session)
        assert (need.detail, need.on) == ("opened", day(2026, 12, 2))
        dispute.respond_by = day(2026, 12, 20)
        session.commit()
        [need] = disputes(session)
        assert (need.detail, need.on) == ("", day(2026, 12, 20))
        dispute.status = "under_review"  # answered: the bank decides
        session.commit()
        assert disputes(session) == []
