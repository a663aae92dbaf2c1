"""US-2 and MO-1 at run time: usage stored before imports checked its total (an earlier version,
another tool writing the database) may make a period no invoice can hold. That service's period
is left uninvoiced and reported; the run, and every other service's invoice, go on."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from sqlalchemy import select

from renewdesk.store.models import Service, UsageRecord
from tests.builders import card, customer, document, usage_service
from tests.conftest import World
from tests.services.test_usage import usage


def _stored_before_the_check(world: World, service: str, *quantities: int) -> None:
    """Records written straight to the database, as import did before it counted periods."""
    with world.session() as session:
        owner = session.scalars(select(Service).where(Service.ref == service)).one()
        for n, quantity in enumerate(quantities):
            session.add(UsageRecord(ref=f"{service}/old/{n}", service=owner,
                                    on=date(2026, 11, 20), period="2026-11", quantity=quantity))
        session.commit()


def _two_services(world: World, big_price: str) -> None:
    world.load(document([customer("C1", card("A"))],
                        [usage_service("BIG", "C1", big_price, "A"),
                         usage_service("SMALL", "C1", "1.00", "A")],
                        usage=[usage("BIG", "2026-11-03", 1), usage("SMALL", "2026-11-03", 3)]))


@pytest.mark.parametrize(("price", "quantities", "total"), [
    ("1.45", (2**31 - 1,), 2**31),  # 31,138,512.80 EUR: past the largest amount
    ("0.00", (2**31 - 1, 2**31 - 1), 2**32 - 1),  # free, but past the largest quantity
], ids=["amount", "quantity"])
def test_us2_mo1_a_period_too_large_to_invoice_is_reported_and_the_run_goes_on(
        world: World, caplog: pytest.LogCaptureFixture, price: str,
        quantities: tuple[int, ...], total: int) -> None:
    _two_services(world, price)
    _stored_before_the_check(world, "BIG", *quantities)
    with caplog.at_level(logging.WARNING, logger="renewdesk.usage"):
        first, second = world.run("2026-12-01"), world.run("2026-12-02")
    invoices = world.export()["usage_invoices"]
    assert [(i["service"], i["amount"], i["status"]) for i in invoices] == [
        ("SMALL", "3.00", "paid")]
    words = f"BIG's usage for 2026-11 would total {total} units at {price} EUR"
    for report in (first, second):  # every night until someone corrects it
        assert [p for p in report.problems if words in p and "not invoiced" in p]
    assert [r for r in caplog.records if words in r.getMessage() and "US-1" in r.getMessage()]
