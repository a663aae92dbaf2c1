"""Installment orders: schedule and search (IN-1), plan updates (IN-2), charges and smooth
retries (IN-3, IN-4), the final manual attempt (IN-5), SEPA and collection (IN-6, IN-7)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload

from renewdesk.domain.declines import retry_allowed
from renewdesk.domain.errors import RuleRefused
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import (
    InstallmentPlan,
    next_installment_retry,
    plan_change_deadline,
)
from renewdesk.domain.text import check_text
from renewdesk.notify import formatting as fmt
from renewdesk.notify.outbox import LinkSpec
from renewdesk.services import pricing
from renewdesk.services.journal import record_event
from renewdesk.services.mail import customer_mail, pay_link, seller_alert, update_link
from renewdesk.store.bulk import set_columns
from renewdesk.store.models import (
    Attempt,
    Customer,
    Installment,
    InstallmentOrder,
    PaymentMethod,
    PlanChange,
)

OPEN = ("scheduled", "failed")


def build_installments(session: Session, order: InstallmentOrder) -> None:
    """IN-1: N payments of an amount at a fixed interval from the first due date, each storing
    what it charges (IV-3)."""
    plan = InstallmentPlan(order.installments_count, order.interval, order.first_due_on)
    amount = installment_charge(session, order, order.installment_amount_minor)
    order.installments = [
        Installment(number=n, due_on=due, amount_minor=amount,
                    status="scheduled", next_attempt_on=due)
        for n, due in enumerate(plan.due_dates(), start=1)
    ]


def installment_charge(session: Session, order: InstallmentOrder, amount_minor: int) -> int:
    """IV-3: what an installment of `amount_minor` (as entered) charges the order's customer."""
    return pricing.charged(session, order.customer, amount_minor, 1, order.vat_rate_bp,
                           order.currency)


def find_orders(session: Session, text: str, limit: int = 50) -> list[InstallmentOrder]:
    """IN-1: by order reference, customer name or invoice number (case-insensitive, partial)."""
    pattern = f"%{check_text(text.strip(), 'the search text', 200)}%"
    return list(session.scalars(
        select(InstallmentOrder).join(Customer).where(or_(
            InstallmentOrder.ref.ilike(pattern), Customer.name.ilike(pattern),
            InstallmentOrder.invoice_number.ilike(pattern)))
        .order_by(InstallmentOrder.ref).limit(limit)).all())


def _order_mail_context(order: InstallmentOrder, language: str) -> dict[str, object]:
    return {"product": order.product, "order": order.ref, "count": order.installments_count}


class InstallmentRules:
    kind = "installment"

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        # How many installments of each order are unpaid: read with the installments a round
        # charges (`load_many`), counted down as they are paid (`on_paid`), so that paying one
        # tells whether the order is completed without reading all of its installments.
        self._unpaid: dict[int, int] = {}

    def load_many(self, session: Session, ids: Sequence[int]) -> dict[int, Installment]:
        # What a round reads, together: the order, its method and customer, instead of a lazy
        # load for each (the customer's other methods only if the chosen one is out, PM-4);
        # and how many of each order's installments are unpaid (is it completed once this one
        # is paid?) instead of every installment of every order.
        order = joinedload(Installment.order)
        found = {i.id: i for i in session.scalars(select(Installment).where(
            Installment.id.in_(ids)).options(
            order.joinedload(InstallmentOrder.payment_method),
            order.joinedload(InstallmentOrder.customer)))}
        orders = {i.order_id for i in found.values()}
        self._unpaid.update(dict.fromkeys(orders, 0))
        self._unpaid.update({order_id: count for order_id, count in session.execute(
            select(Installment.order_id, func.count()).where(
                Installment.order_id.in_(orders), Installment.status != "paid")
            .group_by(Installment.order_id))})
        return found

    def reference(self, subject: Installment) -> str:
        return f"{subject.order.ref}#{subject.number}"

    def customer(self, subject: Installment) -> Customer:
        return subject.order.customer

    def amount(self, subject: Installment) -> tuple[int, str]:
        return subject.amount_minor, subject.order.currency

    def preferred_method(self, subject: Installment) -> PaymentMethod | None:
        return subject.order.payment_method

    def single_method(self, subject: Installment) -> bool:
        return subject.order.method == "sepa"

    def chargeable(self, session: Session, subject: Installment, today: date,
                   manual: bool) -> bool:
        order = subject.order
        if order.status != "active" or order.in_collection or subject.status not in OPEN:
            return False
        if manual:
            return subject.status == "failed" and subject.next_attempt_on is None
        return subject.next_attempt_on is not None and subject.next_attempt_on <= today

    def on_paid(self, session: Session, subject: Installment, method: PaymentMethod, today: date,
                now: datetime) -> None:
        set_columns(session, subject, status="paid", next_attempt_on=None,
                    in_collections_list=False)
        order = subject.order
        record_event(session, "installment.paid", self.reference(subject), today, now,
                     {"amount": subject.amount.text(), "payment_method": method.ref})
        if self._all_paid(order):
            set_columns(session, order, status="completed")
            record_event(session, "order.completed", order.ref, today, now, {})

    def _all_paid(self, order: InstallmentOrder) -> bool:
        """After one of its installments was paid: are they all paid now? From the unpaid count
        read with the installment (`load_many`); an order read another way is looked at whole."""
        if order.id not in self._unpaid:
            return all(i.status == "paid" for i in order.installments)
        self._unpaid[order.id] -= 1
        return self._unpaid[order.id] == 0

    def on_pending(self, session: Session, subject: Installment) -> None:
        set_columns(session, subject, status="processing", next_attempt_on=None)

    def on_round_failed(self, session: Session, subject: Installment,
                        attempts: Sequence[Attempt], today: date, now: datetime,
                        manual: bool) -> None:
        set_columns(session, subject, rounds_done=subject.rounds_done + 1, status="failed")
        order = subject.order
        codes = [a.decline_code for a in attempts if a.result == "declined"]
        # IN-5 is the last attempt; IN-6: a failed SEPA installment is never retried.
        last_try = manual or order.method == "sepa"
        retry: date | None = None
        if retry_allowed(codes, no_more_automatic=last_try):
            retry = next_installment_retry(subject.due_on, subject.rounds_done, self.policy, today)
        elif not last_try:
            # IN-4: hard declines stop at once
            set_columns(session, subject, stopped_code=attempts[-1].decline_code)
        set_columns(session, subject, next_attempt_on=retry)
        language = order.customer.language
        context = {**_order_mail_context(order, language), "number": subject.number,
                   "amount": fmt.money(subject.amount, language),
                   "next_attempt_on": fmt.day(retry, language) if retry else None,
                   "must_authenticate": bool(attempts) and
                   attempts[-1].decline_code == "authentication_required"}
        customer_mail(session, "installment_failed", order.customer, today, context,
                      links=(update_link(order.customer, today, self.policy),
                             pay_link(order.customer, "installment", self.reference(subject),
                                      today, self.policy)))
        last = attempts[-1].decline_code if attempts else "no_valid_payment_method"
        final = retry is None
        if final:
            set_columns(session, subject, in_collections_list=True)  # IN-6: Collections list
            seller_alert(session, self.policy, today, reason="installment_final",
                         customer=order.customer, subject=self.reference(subject),
                         amount=subject.amount, decline_code=last, next_attempt_on=None)
        record_event(session, "installment.failed", self.reference(subject), today, now,
                     {"round": subject.rounds_done, "decline_code": last, "final": final,
                      "next_attempt_on": retry.isoformat() if retry else None})


def plan_change_ref(order: InstallmentOrder, change: PlanChange) -> str:
    """A plan change is named by its order and its place in the order's history."""
    return f"{order.ref}/plan-{order.plan_changes.index(change) + 1}"


def plan_change_by_ref(session: Session, ref: str) -> PlanChange | None:
    order_ref, _, ordinal = ref.rpartition("/plan-")
    order = session.scalar(select(InstallmentOrder).where(InstallmentOrder.ref == order_ref))
    if order is None or not ordinal.isdigit() or not 0 < int(ordinal) <= len(order.plan_changes):
        return None
    return order.plan_changes[int(ordinal) - 1]


@dataclass(frozen=True)
class PlanChangeResult:
    order_ref: str
    amount: str
    deadline_on: date
    replaced: bool


@dataclass(frozen=True)
class PlanTerms:
    """What IN-2's check of a new amount knows of an order, read once: the plan-update dialog
    checks each amount as it is typed against these, without going back to the database, and
    the request is checked against them read again when it is made."""

    order_ref: str
    currency: str
    current: Money
    minimum: Money
    status: str
    in_collection: bool
    installments_left: bool  # a scheduled installment due after today

    def check(self, amount: Money) -> None:
        """IN-2's conditions on a new amount, raised as RuleRefused."""
        if amount.currency != self.currency:
            raise RuleRefused("plan_other_currency", rule="IN-2", order=self.order_ref,
                              currency=self.currency, given=amount.currency)
        if amount < self.minimum:
            raise RuleRefused("amount_below_minimum", rule="IN-2", amount=amount,
                              minimum=self.minimum)
        if amount == self.current:
            raise RuleRefused("amount_unchanged", rule="IN-2", amount=amount)
        if self.status != "active" or self.in_collection:
            raise RuleRefused("plan_cannot_change", rule="IN-2", order=self.order_ref,
                              status=self.status)
        if not self.installments_left:
            raise RuleRefused("no_installment_left", rule="IN-2", order=self.order_ref)

    def check_text(self, text: str) -> Money:
        """An amount as typed, read in the order's currency and checked."""
        amount = Money.parse(text, self.currency, field="amount")
        self.check(amount)
        return amount


def plan_terms(order: InstallmentOrder, policy: Policy, today: date) -> PlanTerms:
    return PlanTerms(
        order.ref, order.currency, order.installment_amount,
        Money.parse(policy.min_installment, order.currency, field="min_installment"),
        order.status, order.in_collection,
        any(i.status == "scheduled" and i.due_on > today for i in order.installments))


def request_plan_change(session: Session, order: InstallmentOrder, amount: Money,
                        policy: Policy, today: date, now: datetime) -> PlanChangeResult:
    """IN-2: a new amount for the remaining installments becomes a pending change."""
    plan_terms(order, policy, today).check(amount)
    replaced = False
    for change in order.plan_changes:
        if change.status == "pending":
            change.status = "replaced"
            replaced = True
    deadline = plan_change_deadline(today, policy)
    change = PlanChange(amount_minor=amount.minor, status="pending", requested_on=today,
                        deadline_on=deadline)
    order.plan_changes.append(change)
    session.flush()
    language = order.customer.language
    customer_mail(session, "plan_change_requested", order.customer, today, {
        **_order_mail_context(order, language),
        "old_amount": fmt.money(Money(installment_charge(
            session, order, order.installment_amount_minor), order.currency), language),
        "new_amount": fmt.money(Money(installment_charge(session, order, amount.minor),
                                      order.currency), language),
        "deadline_on": fmt.day(deadline, language),
    }, links=(LinkSpec("confirm_plan_change", plan_change_ref(order, change), deadline),))
    record_event(session, "plan_change.requested", order.ref, today, now,
                 {"amount": amount.text(), "deadline_on": deadline.isoformat()})
    return PlanChangeResult(order.ref, str(amount), deadline, replaced)


def confirm_plan_change(session: Session, change: PlanChange, today: date,
                        now: datetime) -> list[int]:
    """IN-2: confirmed in time, it applies to every installment due after the confirmation."""
    if change.status != "pending":
        raise RuleRefused("plan_change_not_pending", rule="IN-2", status=change.status)
    if today > change.deadline_on:
        raise RuleRefused("plan_change_expired", rule="IN-2", deadline=change.deadline_on)
    order = change.order
    change.status = "confirmed"
    change.confirmed_on = today
    order.installment_amount_minor = change.amount_minor
    order.version += 1  # an edit from before the confirmation is refused (actions.claim_order)
    changed = []
    charge = installment_charge(session, order, change.amount_minor)
    for installment in order.installments:
        if installment.status == "scheduled" and installment.due_on > today:
            installment.amount_minor = charge
            changed.append(installment.number)
    record_event(session, "plan_change.confirmed", order.ref, today, now,
                 {"amount": order.installment_amount.text(), "installments": changed})
    return changed


def expire_plan_changes(session: Session, today: date, now: datetime) -> list[str]:
    """IN-2: not confirmed in time, it expires and nothing changes."""
    stale = session.scalars(select(PlanChange).where(
        PlanChange.status == "pending", PlanChange.deadline_on < today)).all()
    for change in stale:
        change.status = "expired"
        record_event(session, "plan_change.expired", change.order.ref, today, now,
                     {"amount": Money(change.amount_minor, change.order.currency).text()})
    return [c.order.ref for c in stale]


def final_attempt_target(order: InstallmentOrder) -> Installment:
    """IN-5: the installment whose automatic attempts are exhausted, or why there is none."""
    if order.in_collection:
        raise RuleRefused("order_in_collection", rule="IN-5", order=order.ref)
    if order.method != "card":
        raise RuleRefused("final_attempt_sepa", rule="IN-5", order=order.ref)
    for installment in order.installments:
        if installment.status == "failed" and installment.next_attempt_on is None:
            if installment.final_attempt_used:
                continue
            return installment
    waiting = [i for i in order.installments if i.status == "failed" and i.next_attempt_on]
    if waiting:
        raise RuleRefused("automatic_attempt_pending", rule="IN-5", order=order.ref,
                          installment=waiting[0].number, on=waiting[0].next_attempt_on)
    if any(i.final_attempt_used and i.status == "failed" for i in order.installments):
        raise RuleRefused("final_attempt_used", rule="IN-5", order=order.ref)
    raise RuleRefused("no_exhausted_installment", rule="IN-5", order=order.ref)


def hand_to_collection(session: Session, order: InstallmentOrder, today: date,
                       now: datetime) -> list[Installment]:
    """IN-6: hand the order to the collection partner; all attempts end, IN-5 included."""
    if order.in_collection:
        raise RuleRefused("already_in_collection", rule="IN-6", order=order.ref)
    listed = [i for i in order.installments if i.in_collections_list and i.status == "failed"]
    if not listed:
        raise RuleRefused("nothing_to_collect", rule="IN-6", order=order.ref)
    order.in_collection = True
    order.collection_on = today
    order.status = "collection"
    for installment in order.installments:
        if installment.status in OPEN:
            installment.next_attempt_on = None
    record_event(session, "order.collection", order.ref, today, now,
                 {"installments": [i.number for i in listed],
                  "amount": Money(sum(i.amount_minor for i in listed), order.currency).text()})
    return listed
