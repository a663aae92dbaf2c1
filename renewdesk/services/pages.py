"""The customer pages' use cases (`renewdesk serve-links`), each one unit of work over a Context.

The pages know requests, cookies and words; what a link shows and what acting on it changes are
here, so no page holds SQL and a page acts on a link through the same use cases as the command
line (NT-3, PM-5, PM-6). The caller checks the link's CSRF form first; each use case checks again
that the link is signed, unexpired and unused, inside the unit of work that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from renewdesk.notify.outbox import signing_key
from renewdesk.services import links, payment_methods
from renewdesk.services.context import Context
from renewdesk.services.links import LinkPage, LinkRefused
from renewdesk.store import settings
from renewdesk.store.models import Customer, CustomerLink


@dataclass(frozen=True)
class OpenedLink:
    """A link's page, with the key the pages' CSRF form tokens are signed with (the links')."""

    page: LinkPage
    signing_key: str


def open_link(ctx: Context, token: str) -> OpenedLink:
    """What the link's page shows; LinkRefused for a forged or unknown token. Opening a link
    changes nothing (mail scanners open links) but the signing key, made the first time."""
    with ctx.factory() as session:
        page = links.page(session, token, ctx.clock.today)
        key = signing_key(session)
        session.commit()
    return OpenedLink(page, key)


def managed_elsewhere(ctx: Context) -> str | None:
    """The page where customers manage their payment methods, when it is not ours."""
    with ctx.factory() as session:
        return settings.get(session, "payment_methods_url")


def act(ctx: Context, token: str) -> str:
    """The click that cancels the renewal or confirms the plan change; what was done."""
    with ctx.factory() as session:
        done = links.accept(session, ctx.processor, token, ctx.clock.today, ctx.clock.now())
        session.commit()
    return done


def remove_method(ctx: Context, token: str, method_ref: str) -> str:
    """PM-5: a removal, only as the removal policy allows."""
    with ctx.factory() as session:
        done = links.remove_method(session, token, method_ref, settings.load_policy(session),
                                   ctx.clock.today, ctx.clock.now())
        session.commit()
    return done


def save_method(ctx: Context, token: str, method_token: str, replacing: str | None) -> str:
    """The method the customer chose on the processor's page (or its stand-in), added or in
    place of `replacing`."""
    with ctx.factory() as session:
        done = links.save_method(session, ctx.processor, token, ctx.clock.today, ctx.clock.now(),
                                 method_token, replacing)
        session.commit()
    return done


def setup_page(ctx: Context, token: str, return_url: str) -> str:
    """The processor's page where the link's customer saves a new method, its URL; raises
    ProcessorUnavailable when the processor cannot make one."""
    with ctx.factory() as session:
        link = session.scalar(select(CustomerLink).where(CustomerLink.token == token))
        if link is None:
            raise LinkRefused("link_invalid")
        customer = session.get(Customer, link.customer_id)
        assert customer is not None
        payer = payment_methods.payer(customer)
    return ctx.processor.setup_page(payer, return_url)
