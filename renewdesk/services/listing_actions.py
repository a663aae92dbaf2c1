"""What the window's list pages ask of the database beyond their rows, each one unit of work.

The pages never open a session: they call these (on a worker thread where the answer decides
whether a button is usable) and get plain values back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import URL

from renewdesk.services import actions
from renewdesk.services.context import Context
from renewdesk.services.overview import CustomerOverview, customer_overview
from renewdesk.store import settings
from renewdesk.store.runlock import exclusive_run

T = TypeVar("T")

RUN_WAIT_S = 30  # a charge started from the window waits this long for a run under way


def bulk_customer(ctx: Context, service_refs: tuple[str, ...]) -> CustomerOverview:
    """AR-2: the one customer the selected services belong to, as the bulk dialog shows them."""
    customer_ref = actions.customer_of_services(ctx, service_refs)
    with ctx.factory() as session:
        return customer_overview(session, customer_ref, settings.load_policy(session),
                                 ctx.clock.today)


def exclusively(url: URL | str, work: Callable[[], T]) -> T:
    """A charge started from the window runs under the run lock (SC-5), as a nightly run does."""
    with exclusive_run(url, RUN_WAIT_S):
        return work()
