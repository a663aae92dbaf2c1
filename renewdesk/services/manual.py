"""Charges the account manager starts by hand: IN-5's final attempt and AR-6's manual renewal.

Both run one round right away through the same round runner as the scheduler, so they are
committed before the processor is called and settled the same way after a crash.
"""

from __future__ import annotations

from sqlalchemy import select

from renewdesk.domain.errors import InputError
from renewdesk.payments.choice import require_ready
from renewdesk.services import installments, renewals
from renewdesk.services.charging import DueItem, RoundResult, RoundRunner
from renewdesk.services.context import Context
from renewdesk.services.journal import audit
from renewdesk.services.run_due import pacer_for, rules_for
from renewdesk.store import settings
from renewdesk.store.models import InstallmentOrder, Service


def _settled_first(ctx: Context) -> None:
    """CP-3: what the customer paid (or completed at the bank, or on the processor's page) is
    written before a charge by hand; the run lock is held by the caller."""
    from renewdesk.services import customer_payments, hosted_pages  # built on run_due's rules

    customer_payments.settle(ctx)
    hosted_pages.settle(ctx)


def _closed_after(ctx: Context) -> None:
    from renewdesk.services import hosted_pages

    hosted_pages.close_paid_otherwise(ctx)


def _runner(ctx: Context) -> RoundRunner:
    with ctx.factory() as session:
        policy = settings.load_policy(session)
    return RoundRunner(ctx, rules_for(policy), ctx.clock.today, policy.fallback_to_other_methods,
                       pacer_for(ctx, policy, policy.processor_concurrency))


def final_attempt(ctx: Context, order_ref: str) -> RoundResult:
    """IN-5: "Renew payment plan", once per installment, after automatic attempts stopped."""
    require_ready(ctx.processor)  # before anything is written
    _settled_first(ctx)
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.factory() as session:
        order = session.scalar(select(InstallmentOrder).where(InstallmentOrder.ref == order_ref))
        if order is None:
            raise InputError("unknown", what="order", ref=order_ref)
        target = installments.final_attempt_target(order)
        target.final_attempt_used = True
        audit(session, ctx.who, "renew_plan", f"{order.ref}#{target.number}", today, now,
              {"final_attempt_used": False}, {"final_attempt_used": True})
        item = DueItem("installment", target.id, order.customer_id, (today, target.id),
                       manual=True)
        session.commit()
    result = _runner(ctx).run_round(item)
    _closed_after(ctx)  # a processor's page for it can no longer take a payment
    return result


def manual_renewal(ctx: Context, service_ref: str) -> RoundResult:
    """AR-6: pay a suspended (or due) service now, reactivation fee included."""
    require_ready(ctx.processor)  # before anything is written
    _settled_first(ctx)
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.factory() as session:
        service = session.scalar(select(Service).where(Service.ref == service_ref))
        if service is None:
            raise InputError("unknown", what="service", ref=service_ref)
        policy = settings.load_policy(session)
        cart = renewals.manual_renewal_cart(session, service, policy, today, now, ctx.who)
        audit(session, ctx.who, "manual_renewal", service.ref, today, now,
              {"status": service.status}, {"renewal": cart.ref})
        item = DueItem("renewal", cart.id, service.customer_id, (today, cart.id), manual=True)
        session.commit()
    result = _runner(ctx).run_round(item)
    _closed_after(ctx)  # a processor's page for it can no longer take a payment
    return result
