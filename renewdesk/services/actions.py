"""The account manager's manual actions, each one unit of work with its audit entry (EV-2).

The window and the command line call these same functions, so an action does the same thing
and leaves the same trace wherever it is started from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from renewdesk.domain import roles
from renewdesk.domain.errors import EditConflict, InputError, RuleRefused
from renewdesk.domain.money import Money
from renewdesk.services import (
    installments,
    invoices,
    payment_methods,
    processor_sync,
    recurrence,
    renewals,
)
from renewdesk.services.context import Context
from renewdesk.services.journal import audit
from renewdesk.store import settings
from renewdesk.store.models import (
    AuditEntry,
    Customer,
    InstallmentOrder,
    PaymentMethod,
    Renewal,
    Service,
)


def _one(session: Session, model: type, ref: str, what: str) -> object:
    found = session.scalar(select(model).where(model.ref == ref))  # type: ignore[attr-defined]
    if found is None:
        raise InputError("unknown", what=what, ref=ref)
    return found


def _order(session: Session, ref: str) -> InstallmentOrder:
    order = _one(session, InstallmentOrder, ref, "order")
    assert isinstance(order, InstallmentOrder)
    return order


# AR-2 ----------------------------------------------------------------------------------------

def customer_of_services(ctx: Context, service_refs: tuple[str, ...]) -> str:
    """AR-2 changes one customer's services at a time: the customer they all belong to."""
    with ctx.factory() as session:
        owners = set(session.scalars(select(Customer.ref).join(Service).where(
            Service.ref.in_(service_refs))))
    if not owners:
        raise InputError("no_service_selected")
    if len(owners) > 1:
        raise InputError("services_of_several_customers", count=len(owners))
    return owners.pop()


def check_bulk(ctx: Context, request: recurrence.BulkRequest) -> tuple[recurrence.CheckLine, ...]:
    """AR-2's per-service check, without changing anything."""
    with ctx.factory() as session:
        plan = recurrence.plan_bulk(session, request, settings.load_policy(session),
                                    ctx.clock.today)
        return tuple(plan.lines)


def apply_bulk(ctx: Context, request: recurrence.BulkRequest, confirmed_warnings: bool) -> list[str]:
    """AR-2: the whole change or nothing; returns the services that changed."""
    with ctx.factory() as session:
        plan = recurrence.plan_bulk(session, request, settings.load_policy(session),
                                    ctx.clock.today)
        changed = recurrence.apply_bulk(session, plan, request.on, confirmed_warnings,
                                        ctx.clock.today, ctx.clock.now(), ctx.who)
        session.commit()
    return changed


# IN-2 ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanState:
    """What the plan-update dialog shows of an order."""

    order_ref: str
    currency: str
    current: str
    minimum: str
    pending: tuple[str, str] | None  # (amount, deadline) of the pending change
    history: tuple[tuple[str, str, str], ...]  # (amount, status, date) of earlier changes
    version: int  # handed back by the edit: a change made meanwhile by someone else is refused
    terms: installments.PlanTerms  # what an amount is checked against as it is typed


def plan_state(ctx: Context, order_ref: str) -> PlanState:
    with ctx.factory() as session:
        order = _order(session, order_ref)
        terms = installments.plan_terms(order, settings.load_policy(session), ctx.clock.today)
        pending = None
        history = []
        for change in order.plan_changes:
            amount = Money(change.amount_minor, order.currency).text()
            if change.status == "pending":
                pending = (amount, change.deadline_on.isoformat())
            when = change.confirmed_on or change.deadline_on
            history.append((amount, change.status, when.isoformat()))
        return PlanState(order.ref, order.currency, order.installment_amount.text(),
                         terms.minimum.text(), pending, tuple(history), order.version, terms)


def plan_amount_problem(terms: installments.PlanTerms, text: str, language: str) -> str | None:
    """IN-2's checks of a new amount as it is typed, in the reader's language; None when
    acceptable. Reads nothing: the terms were read with the plan's state."""
    try:
        terms.check_text(text)
    except InputError as error:
        return error.words(language)
    return None


def claim_order(session: Session, order: InstallmentOrder, seen_version: int | None) -> None:
    """Optimistic concurrency for a manual change of a plan: the order's version moves on only
    if it is still the one the editor saw (`seen_version`; None: the one just read). The UPDATE
    holds the row until commit, so of two people saving at once the second finds the version
    moved and is refused with who changed it and when, instead of overwriting it."""
    expected = order.version if seen_version is None else seen_version
    moved = session.execute(update(InstallmentOrder).where(
        InstallmentOrder.id == order.id, InstallmentOrder.version == expected).values(
        version=InstallmentOrder.version + 1).execution_options(synchronize_session=False))
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        last = session.scalars(select(AuditEntry).where(AuditEntry.subject == order.ref)
                               .order_by(AuditEntry.id.desc()).limit(1)).first()
        if last is None:
            raise EditConflict("edit_conflict", subject=order.ref)
        raise EditConflict("edit_conflict_by", subject=order.ref, who=last.who,
                           at=last.at.strftime("%H:%M"), action=last.action)
    set_committed_value(order, "version", expected + 1)  # what the UPDATE wrote


def update_plan(ctx: Context, order_ref: str, amount_text: str,
                seen_version: int | None = None) -> installments.PlanChangeResult:
    with ctx.factory() as session:
        order = _order(session, order_ref)
        amount = Money.parse(amount_text, order.currency, field="amount")
        claim_order(session, order, seen_version)  # refused amounts roll the claim back too
        before = {"installment_amount": order.installment_amount.text()}
        result = installments.request_plan_change(session, order, amount,
                                                  settings.load_policy(session),
                                                  ctx.clock.today, ctx.clock.now())
        audit(session, ctx.who, "plan_update", order.ref, ctx.clock.today, ctx.clock.now(),
              before, {"requested_amount": amount.text(), "status": "pending"})
        session.commit()
    return result


# IN-5 ----------------------------------------------------------------------------------------

def final_attempt_refusal(ctx: Context, order_ref: str, language: str = "en") -> str | None:
    """Why "Renew payment plan" is not available for the order now, in the reader's language;
    None when it is."""
    with ctx.factory() as session:
        try:
            installments.final_attempt_target(_order(session, order_ref))
        except RuleRefused as error:
            return error.words(language)
    return None


# IN-6 ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Handoff:
    order_ref: str
    total: str
    text: str  # the file for the collection partner (JSON)


def hand_to_collection(ctx: Context, order_ref: str, out: Path | None = None) -> Handoff:
    """IN-6: ends every attempt for the order; the file is written before the change is
    committed, so a file that cannot be written changes nothing."""
    with ctx.factory() as session:
        order = _order(session, order_ref)
        listed = installments.hand_to_collection(session, order, ctx.clock.today,
                                                 ctx.clock.now())
        total = Money(sum(i.amount_minor for i in listed), order.currency).text()
        handoff = {
            "order": order.ref, "customer": order.customer.ref, "name": order.customer.name,
            "email": order.customer.email, "address": order.customer.address,
            "invoice_number": order.invoice_number, "product": order.product,
            "currency": order.currency, "handed_on": ctx.clock.today.isoformat(),
            "installments": [{"number": i.number, "due_on": i.due_on.isoformat(),
                              "amount": i.amount.text()} for i in listed],
            "total": total,
        }
        audit(session, ctx.who, "collection", order.ref, ctx.clock.today, ctx.clock.now(),
              {"in_collection": False}, {"in_collection": True})
        text = json.dumps(handoff, ensure_ascii=False, indent=2) + "\n"
        if out is not None:
            try:
                out.write_text(text, encoding="utf-8")
            except OSError as error:
                raise InputError("cannot_write", path=str(out), reason=error.strerror) from None
        session.commit()
    return Handoff(order_ref, total, text)


# AR-4, PM-5, NT-4 ------------------------------------------------------------------------------

def cancel_renewal(ctx: Context, renewal_ref: str) -> None:
    with ctx.factory() as session:
        renewal = _one(session, Renewal, renewal_ref, "renewal")
        assert isinstance(renewal, Renewal)
        renewals.cancel(session, renewal, ctx.clock.today, ctx.clock.now(), ctx.who)
        audit(session, ctx.who, "cancel_renewal", renewal.ref, ctx.clock.today, ctx.clock.now(),
              {"status": "scheduled"}, {"status": "cancelled"})
        session.commit()


def remove_method(ctx: Context, method_ref: str) -> None:
    with ctx.factory() as session:
        method = _one(session, PaymentMethod, method_ref, "payment method")
        assert isinstance(method, PaymentMethod)
        payment_methods.remove_method(session, method, settings.load_policy(session),
                                      ctx.clock.today, ctx.clock.now())
        audit(session, ctx.who, "remove_payment_method", method.ref, ctx.clock.today,
              ctx.clock.now(), {"removed": False}, {"removed": True})
        session.commit()


def make_default_method(ctx: Context, method_ref: str) -> None:
    """PM-4: the chosen method moves first; the others keep their order."""
    with ctx.factory() as session:
        method = _one(session, PaymentMethod, method_ref, "payment method")
        assert isinstance(method, PaymentMethod)
        before = payment_methods.reorder(session, method, 0)
        audit(session, ctx.who, "default_payment_method", method.ref, ctx.clock.today,
              ctx.clock.now(), {"order": before},
              {"order": [m.ref for m in payment_methods.ordered(method.customer)]})
        session.commit()


def set_customer_emails(ctx: Context, customer_ref: str, enabled: bool) -> None:
    with ctx.factory() as session:
        customer = _one(session, Customer, customer_ref, "customer")
        assert isinstance(customer, Customer)
        before = customer.emails_enabled
        customer.emails_enabled = enabled
        audit(session, ctx.who, "customer_emails", customer.ref, ctx.clock.today,
              ctx.clock.now(), {"emails_enabled": before}, {"emails_enabled": enabled})
        session.commit()


# Settings --------------------------------------------------------------------------------------

def save_settings(ctx: Context, values: dict[str, str]) -> int:
    """Validated all together before any is saved; secrets are refused (they go in the keyring).
    An admin's (issue 23): refused for another role before anything is read or written."""
    roles.check(ctx.role, roles.Power.SETTINGS)
    for name in values:
        if name in settings.INTERNAL or name not in settings.POLICY_NAMES | settings.OTHER_NAMES:
            raise InputError("unknown_setting", name=name)
        if "secret" in name or "password" in name:
            raise InputError("secret_in_settings", name=name)
    with ctx.factory() as session:
        settings.validate_other(values)
        settings.load_policy(session).with_values(
            {k: v for k, v in values.items() if k in settings.POLICY_NAMES})
        before = settings.all_user_settings(session)
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        for name, value in changed.items():
            settings.put(session, name, value)
        if changed:
            audit(session, ctx.who, "settings", "settings", ctx.clock.today, ctx.clock.now(),
                  _audited({k: before.get(k) for k in changed}), _audited(changed))
        # IV-1: a seller now complete gets the invoices that waited for it, in order
        invoices.issue_waiting(session, ctx.clock.today, ctx.clock.now())
        session.commit()
    return len(changed)


def _audited(values: Mapping[str, str | None]) -> dict[str, object]:
    """Settings as the audit log keeps them: a logo by its digest, not its bytes."""
    return {k: (f"sha256:{hashlib.sha256(v.encode()).hexdigest()[:16]}" if k == "seller_logo"
                and v else v) for k, v in values.items()}


# PM-4, PM-5 ----------------------------------------------------------------------------------

def add_method(ctx: Context, customer_ref: str, data: payment_methods.MethodInput) -> str:
    """A new method, attached at the processor first (PM-1, PM-2, PM-3); returns its state."""
    with ctx.factory() as session:
        customer = _one(session, Customer, customer_ref, "customer")
        assert isinstance(customer, Customer)
        method = payment_methods.add_method(session, ctx.processor, customer, data,
                                            ctx.clock.today, ctx.clock.now())
        audit(session, ctx.who, "add_payment_method", method.ref, ctx.clock.today,
              ctx.clock.now(), None, payment_methods.describe(method))
        state = "accepted" if method.accepted else f"refused: {method.refusal}"
        session.commit()
    return state


def replace_method(ctx: Context, old_ref: str, data: payment_methods.MethodInput) -> None:
    with ctx.factory() as session:
        old = _one(session, PaymentMethod, old_ref, "payment method")
        assert isinstance(old, PaymentMethod)
        new = payment_methods.replace_method(session, ctx.processor, old, data, ctx.clock.today,
                                             ctx.clock.now())
        audit(session, ctx.who, "replace_payment_method", old.ref, ctx.clock.today,
              ctx.clock.now(), {"ref": old.ref}, {"ref": new.ref})
        session.commit()


def send_card_page(ctx: Context, customer_ref: str) -> None:
    """E-mails the customer the processor's page to save a new card (its number never
    reaches renewdesk)."""
    with ctx.factory() as session:
        customer = _one(session, Customer, customer_ref, "customer")
        assert isinstance(customer, Customer)
        processor_sync.send_card_page(session, ctx.processor, customer, ctx.clock.today,
                                      ctx.clock.now())
        audit(session, ctx.who, "card_page", customer.ref, ctx.clock.today, ctx.clock.now(),
              None, {"sent_to": customer.email})
        session.commit()
