"""The lists of the window, read a page at a time: filtered, searched and sorted in SQL.

A listing never loads a whole table: `count` answers how many rows match, `page` reads one block
of them. A row is a NamedTuple named after its listing (`ServiceRow`, `RenewalRow`…) whose
fields are the column keys; cells are plain values (str, int, bool, date, Money) so a block can
be handed to any view, and to any thread. Flags that need a rule (PM-7's expiring card, a card
expiring before a service's charge date) are worked out for the rows of the block only.

The window reads through `count_rows`, `read_block` and `count_and_block` (a new query's count
and first block together), each one unit of work over the App's session factory, so it can run
them on a worker thread and never holds a session itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from renewdesk.services.listing_accounts import (
    CUSTOMERS,
    METHODS,
    SERVICES,
    CustomerRow,
    MethodRow,
    ServiceRow,
)
from renewdesk.services.listing_base import FEW, Column, Listing, Query, Row
from renewdesk.services.listing_billing import (
    AUDIT,
    COLLECTIONS,
    EVENTS,
    ORDERS,
    OUTBOX,
    RENEWALS,
    AuditRow,
    CollectionRow,
    EventRow,
    OrderRow,
    OutboxRow,
    RenewalRow,
)
from renewdesk.services.listing_invoices import INVOICES
from renewdesk.services.listing_payments import PAYMENTS, PaymentRow
from renewdesk.store import search_index, settings

__all__ = [
    "ALL",
    "AUDIT",
    "COLLECTIONS",
    "CUSTOMERS",
    "EVENTS",
    "FEW",
    "METHODS",
    "ORDERS",
    "OUTBOX",
    "PAYMENTS",
    "RENEWALS",
    "SERVICES",
    "AuditRow",
    "CollectionRow",
    "Column",
    "CustomerRow",
    "EventRow",
    "Factory",
    "Listing",
    "MethodRow",
    "OrderRow",
    "OutboxRow",
    "PaymentRow",
    "Query",
    "RenewalRow",
    "Row",
    "ServiceRow",
    "count_and_block",
    "count_rows",
    "read_block",
    "warm_search",
]

Factory = sessionmaker[Session]

ALL: dict[str, Listing] = {listing.name: listing for listing in (
    CUSTOMERS, SERVICES, METHODS, ORDERS, COLLECTIONS, RENEWALS, INVOICES, PAYMENTS, OUTBOX,
    EVENTS, AUDIT)}


def count_rows(factory: Factory, which: Listing, query: Query) -> int:
    """How many rows of `which` match `query`, in a session of its own."""
    with factory() as session:
        return which.count(session, query)


def read_block(factory: Factory, which: Listing, query: Query, offset: int, limit: int,
               today: Callable[[], date], matching: int | None = None) -> list[Row]:
    """One block of named rows under the policy as it is now, in a session of its own."""
    with factory() as session:
        policy = settings.load_policy(session)
        return which.page(session, query, offset, limit, policy, today(), matching=matching)


def count_and_block(factory: Factory, which: Listing, query: Query, limit: int,
                    today: Callable[[], date]) -> tuple[int, list[Row]]:
    """How many rows match `query` and the first `limit` of them, in one session: what a new
    search or filter shows first, read in one go rather than the count, a turn of the window,
    then the rows (the rows are read for the count just read, as `read_block` with
    `matching`). No rows, nothing more is read."""
    with factory() as session:
        count = which.count(session, query)
        if not count:
            return 0, []
        policy = settings.load_policy(session)
        return count, which.page(session, query, 0, limit, policy, today(), matching=count)


def warm_search(factory: Factory, which: Listing) -> None:
    """What the first search of `which` reads once, read ahead (a list's worker does it after
    the list's first rows, rather than the first search doing it): on PostgreSQL, the
    statistics its trigram indexes are asked by (`search_index.shares`)."""
    if which.indexed is None:
        return
    with factory() as session:
        if search_index.trigram(session):
            search_index.shares(session)
