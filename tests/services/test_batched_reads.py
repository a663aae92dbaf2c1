"""No read per row (issue 23: on a team's server every statement is a round trip): the payment
methods list's PM-7 flag and the home page's expiring cards read the next charge date of a
whole block of methods in two statements, with the answers `next_charge_on` gives one by one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event, select

from renewdesk.domain.cards import expires_before
from renewdesk.domain.policy import Policy
from renewdesk.services import home, payment_methods
from renewdesk.services.listing import METHODS, Query
from renewdesk.services.listing_accounts import next_charges_on
from renewdesk.store.models import PaymentMethod
from tests.builders import card, customer, document, service
from tests.conftest import World

TODAY = date(2026, 11, 1)


def test_pm7_methods_block_reads_next_charges_at_once_with_next_charge_on_answers(
        world: World) -> None:
    world.load(document(
        [customer(f"C{n}", card(f"A{n}", exp=(n % 12 + 1, 2026 + n % 3)),
                  card(f"B{n}", exp=(12, 2030))) for n in range(1, 9)],
        [service(f"S{n}", f"C{n % 8 + 1}", f"2027-0{n % 9 + 1}-15",
                 payment_method=f"{'AB'[n % 2]}{n % 8 + 1}") for n in range(1, 25)]))
    policy = Policy()
    with world.session() as session:
        methods = session.scalars(select(PaymentMethod).order_by(PaymentMethod.id)).all()
        one_by_one = {m.id: payment_methods.next_charge_on(session, m, policy, TODAY)
                      for m in methods}
        together = next_charges_on(session, [m.id for m in methods], policy, TODAY)
        assert together == {k: v for k, v in one_by_one.items() if v is not None}
        assert together  # something relies on some methods

        statements: list[str] = []

        def seen(*args: object) -> None:
            statements.append(str(args[2]))

        bind = session.get_bind()
        event.listen(bind, "before_cursor_execute", seen)
        try:
            rows = METHODS.page(session, Query(), 0, 200, policy, TODAY)
        finally:
            event.remove(bind, "before_cursor_execute", seen)
        assert len(statements) <= 3, statements
        flags = {r.ref: r.flag for r in rows}
        assert any(flags.values())  # some cards expire before their next charge
        for m in methods:
            when = one_by_one[m.id]
            expected = when if when is not None and m.expiry is not None \
                and m.removed_on is None and expires_before(m.expiry, when) else None
            if m.accepted and m.expiry is not None and m.expiry.valid_on(TODAY):
                assert flags[m.ref] == expected, m.ref


def _home_statements(world: World) -> tuple[int, int]:
    """(statements the home page's needs took, how many cards it names as expiring)."""
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    with world.session() as session:
        bind = session.get_bind()
        event.listen(bind, "before_cursor_execute", seen)
        try:
            needs = home.read_home(session, Policy(), TODAY, "en").needs
        finally:
            event.remove(bind, "before_cursor_execute", seen)
    return len(statements), sum(1 for n in needs if n.kind == "card_expiring")


def test_hm1_pm7_home_reads_as_many_statements_for_many_expiring_cards_as_for_few(
        world: World) -> None:
    def portfolio(first: int, last: int) -> dict[str, object]:
        return document(
            [customer(f"C{n}", card(f"A{n}", exp=(12, 2026))) for n in range(first, last)],
            [service(f"S{n}", f"C{n}", "2027-03-15", payment_method=f"A{n}")
             for n in range(first, last)])

    world.load(portfolio(1, 3))
    few = _home_statements(world)
    world.load(portfolio(3, 12))
    many = _home_statements(world)
    assert few[1] == 2 and many[1] == 11
    assert many[0] == few[0]
