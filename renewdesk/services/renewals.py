"""Auto-renewal of services: notices (AR-3), cancel (AR-4), charge outcome (AR-5), suspension
and manual renewal (AR-6), carts following their services (AR-8), and the consumer's renewal
reminder (IV-6, Code de la consommation L215-1).

IV-6 (docs/consumer-reminder.md): every active, auto-renewing, period-billed service of a
consumer (`business` off) is announced once per period, `consumer_notice_days` before its
expiry, or on the first run after that (a catch-up, an import, auto-renew switched on late: the
law's window is missed, the reminder still goes out, recorded as late). It is sent after the
run's carts are made, so a late reminder names the real cart's charge date. The customer can
refuse until the day before the charge date (AR-4's limit): the cart's, or the one AR-3 will give
a cart made on time; a cart made later never charges before that promise. One e-mail per
customer and billing contact per run (HM-2); its `cancel_renewal` link names the reminder
(`reminder:MSG-…`) and refuses its services' periods: taken out of their cart (the cart
cancelled if nothing is left), or kept out of the cart to come. Auto-renew stays on (AR-4).
The record is the event `renewal.reminder_sent` per service and expiry (a refusal:
`renewal.refused`). A period whose cart is no longer cancellable gets no reminder: too late.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, selectinload

from renewdesk.domain.dates import add_months
from renewdesk.domain.declines import retry_allowed
from renewdesk.domain.errors import RuleRefused
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.domain.schedule import next_renewal_retry, notice_due_on, renewal_charge_on
from renewdesk.notify import formatting as fmt
from renewdesk.notify.outbox import LinkSpec
from renewdesk.services import pricing
from renewdesk.services.journal import record_event
from renewdesk.services.mail import customer_mail, pay_link, seller_alert, update_link
from renewdesk.services.payment_methods import service_method
from renewdesk.store.models import (
    Attempt,
    Customer,
    Event,
    PaymentMethod,
    Renewal,
    RenewalItem,
    Service,
)
from renewdesk.store.refs import IN_CHUNK, assign_ref, temporary_ref

OPEN = ("scheduled", "failed")
REMINDER_SENT = "renewal.reminder_sent"  # IV-6, per service and the expiry it announces
REFUSED = "renewal.refused"  # IV-6: the customer refused that period from the reminder
REMINDER_LINK = "reminder:"  # a `cancel_renewal` link naming a reminder, not a cart


def active_items(renewal: Renewal) -> list[RenewalItem]:
    return [item for item in renewal.items if not item.removed]


def _services_context(renewal: Renewal, language: str) -> list[dict[str, str]]:
    out = []
    for item in active_items(renewal):
        service = item.service
        new_expiry = add_months(item.period_expires_on, service.period_months or 12)
        out.append({"label": service.label,
                    "amount": fmt.money(Money(item.amount_minor, renewal.currency), language),
                    "expires_on": fmt.day(item.period_expires_on, language),
                    "new_expires_on": fmt.day(new_expiry, language)})
    return out


def _mail(session: Session, kind: str, renewal: Renewal, today: date,
          links: tuple[LinkSpec, ...] = (), **extra: object) -> None:
    language = renewal.customer.language
    method = renewal.payment_method
    customer_mail(session, kind, renewal.customer, today, {
        "amount": fmt.money(renewal.amount, language),
        "charge_on": fmt.day(renewal.charge_on, language),
        "card": method.label() if method else "-",
        "services": _services_context(renewal, language),
        **extra,
    }, links=links, contact=renewal.billing_contact)


@dataclass(frozen=True)
class NoticeResult:
    renewal_ref: str
    customer_ref: str
    amount: str
    charge_on: date


def make_notices(session: Session, policy: Policy, today: date, now: datetime) -> list[NoticeResult]:
    """AR-3: due auto-renew services go into carts, one per customer + contact + method."""
    in_cart = exists().where(and_(RenewalItem.service_id == Service.id,
                                  RenewalItem.period_expires_on == Service.expires_on,
                                  RenewalItem.removed.is_(False)))
    due = session.scalars(
        select(Service).where(
            Service.status == "active", Service.billing == "period",
            Service.auto_renew.is_(True), Service.expires_on >= today,
            Service.expires_on <= today + timedelta(days=policy.notice_days),
            ~in_cart,
        ).order_by(Service.customer_id, Service.expires_on, Service.id)
    ).all()
    marks = _period_marks(session, (REMINDER_SENT, REFUSED), [s.ref for s in due])
    due = [s for s in due if (REFUSED, s.ref, str(s.expires_on)) not in marks]
    groups: dict[tuple[int, int | None, int | None, str], list[Service]] = defaultdict(list)
    for service in due:
        method = service_method(service, today)
        key = (service.customer_id, service.billing_contact_id,
               method.id if method else None, service.currency)
        groups[key].append(service)
    results = []
    for (_customer, contact_id, method_id, currency), services in groups.items():
        earliest = min(s.expires_on for s in services if s.expires_on is not None)
        charge_on = renewal_charge_on(today, earliest, policy)
        promised = [date.fromisoformat(str(sent["refuse_until"])) + timedelta(days=1)
                    for s in services
                    if (sent := marks.get((REMINDER_SENT, s.ref, str(s.expires_on))))]
        if promised:  # IV-6: never charged before the day the reminder let them refuse until
            charge_on = min(max(charge_on, *promised), earliest)
        items = [RenewalItem(service=s, period_expires_on=s.expires_on,
                             amount_minor=period_charge(session, s)) for s in services]
        renewal = Renewal(
            ref=temporary_ref(), customer=services[0].customer, billing_contact_id=contact_id,
            payment_method_id=method_id, currency=currency, status="scheduled",
            amount_minor=sum(item.amount_minor for item in items), notice_on=today,
            charge_on=charge_on, earliest_expiry=earliest, next_attempt_on=charge_on,
            items=items,
        )
        session.add(renewal)
        session.flush()
        assign_ref(session, renewal, "REN")
        _mail(session, "renewal_scheduled", renewal, today,
              links=(LinkSpec("cancel_renewal", renewal.ref, charge_on - timedelta(days=1)),))
        record_event(session, "renewal.scheduled", renewal.ref, today, now,
                     {"amount": renewal.amount.text(), "currency": currency,
                      "charge_on": charge_on.isoformat(),
                      "services": [s.ref for s in services]})
        results.append(NoticeResult(renewal.ref, renewal.customer.ref, str(renewal.amount),
                                    charge_on))
    return results


def cancel(session: Session, renewal: Renewal, today: date, now: datetime, who: str) -> None:
    """AR-4: cancel a scheduled cart before its charge date; auto-renew stays on."""
    if renewal.status != "scheduled":
        raise RuleRefused("renewal_not_scheduled", rule="AR-4", renewal=renewal.ref,
                          status=renewal.status)
    if today >= renewal.charge_on:
        raise RuleRefused("renewal_due", rule="AR-4", renewal=renewal.ref,
                          charge_on=renewal.charge_on)
    renewal.status = "cancelled"
    renewal.next_attempt_on = None
    _mail(session, "renewal_cancelled", renewal, today)
    record_event(session, "renewal.cancelled", renewal.ref, today, now, {"by": who})


def drop_service(session: Session, service: Service, today: date, now: datetime,
                 reason: str | None = None) -> None:
    """AR-8: a cancelled or transferred service takes its scheduled cart with it."""
    items = session.scalars(select(RenewalItem).join(Renewal).where(
        RenewalItem.service_id == service.id, RenewalItem.removed.is_(False),
        Renewal.status.in_(OPEN))).all()
    why = reason or f"service {service.ref} is {service.status}"
    for item in items:
        renewal = item.renewal
        item.removed = True
        renewal.amount_minor -= item.amount_minor
        if not active_items(renewal):
            renewal.status = "cancelled"
            renewal.next_attempt_on = None
            record_event(session, "renewal.cancelled", renewal.ref, today, now,
                         {"reason": why})
        else:
            record_event(session, "renewal.service_removed", renewal.ref, today, now,
                         {"service": service.ref, "amount": renewal.amount.text(),
                          "reason": why})


class RenewalRules:
    """How a cart is charged and what follows (AR-5, AR-6)."""

    kind = "renewal"

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def load_many(self, session: Session, ids: Sequence[int]) -> dict[int, Renewal]:
        return {r.id: r for r in session.scalars(select(Renewal).where(Renewal.id.in_(ids)).options(
            selectinload(Renewal.customer).selectinload(Customer.payment_methods),
            selectinload(Renewal.items).selectinload(RenewalItem.service)))}

    def reference(self, subject: Renewal) -> str:
        return subject.ref

    def customer(self, subject: Renewal) -> Customer:
        return subject.customer

    def amount(self, subject: Renewal) -> tuple[int, str]:
        return subject.amount_minor, subject.currency

    def preferred_method(self, subject: Renewal) -> PaymentMethod | None:
        return subject.payment_method

    def single_method(self, subject: Renewal) -> bool:
        return False

    def chargeable(self, session: Session, subject: Renewal, today: date, manual: bool) -> bool:
        if subject.status not in OPEN:
            return False
        if manual:
            return True
        if subject.next_attempt_on is None or subject.next_attempt_on > today:
            return False
        if today > subject.earliest_expiry:
            return False  # AR-5: never after expiry; AR-6 expires the cart
        # AR-8: nothing is charged for a service that is no longer active (`drop_inactive` ran).
        items = active_items(subject)
        return bool(items) and all(item.service.status == "active" for item in items)

    def on_paid(self, session: Session, subject: Renewal, method: PaymentMethod, today: date,
                now: datetime) -> None:
        subject.status = "paid"
        subject.next_attempt_on = None
        subject.payment_method = method
        for item in active_items(subject):
            service = item.service
            months = service.period_months or 12
            base = item.period_expires_on
            if service.status == "suspended":  # AR-6: a manual renewal reactivates it
                base = max(base, today)
                service.status = "active"
                record_event(session, "service.reactivated", service.ref, today, now, {})
            service.expires_on = add_months(base, months)
        _mail(session, "renewal_paid", subject, today)
        record_event(session, "renewal.paid", subject.ref, today, now,
                     {"amount": subject.amount.text(), "currency": subject.currency,
                      "payment_method": method.ref})

    def on_pending(self, session: Session, subject: Renewal) -> None:
        subject.next_attempt_on = None

    def on_round_failed(self, session: Session, subject: Renewal, attempts: Sequence[Attempt],
                        today: date, now: datetime, manual: bool) -> None:
        subject.rounds_done += 1
        subject.status = "failed"
        codes = [a.decline_code for a in attempts if a.result == "declined"]
        retry = None
        if retry_allowed(codes, no_more_automatic=manual):
            retry = next_renewal_retry(subject.charge_on, subject.rounds_done,
                                       subject.earliest_expiry, self.policy, today)
        elif not manual:
            # Hard declines (or the customer must act): not retried until the method changes.
            subject.stopped_code = attempts[-1].decline_code
        subject.next_attempt_on = retry
        language = subject.customer.language
        _mail(session, "renewal_failed", subject, today,
              links=(update_link(subject.customer, today, self.policy),
                     pay_link(subject.customer, "renewal", subject.ref, today, self.policy)),
              next_attempt_on=fmt.day(retry, language) if retry else None,
              must_authenticate=_must_authenticate(attempts))
        last = attempts[-1].decline_code if attempts else "no_valid_payment_method"
        seller_alert(session, self.policy, today, reason="renewal_failed",
                     customer=subject.customer, subject=subject.ref, amount=subject.amount,
                     decline_code=last, next_attempt_on=retry)
        record_event(session, "renewal.failed", subject.ref, today, now,
                     {"round": subject.rounds_done, "decline_code": last,
                      "next_attempt_on": retry.isoformat() if retry else None})


def _must_authenticate(attempts: Sequence[Attempt]) -> bool:
    """CP-1: the round's last attempt awaits the customer's bank."""
    return bool(attempts) and attempts[-1].decline_code == "authentication_required"


def suspend_expired(session: Session, today: date, now: datetime) -> list[str]:
    """AR-6: a service whose expiry has passed unpaid is suspended; its open cart expires."""
    services = session.scalars(select(Service).where(
        Service.status == "active", Service.billing == "period", Service.expires_on < today)
        .order_by(Service.expires_on, Service.id)).all()
    for service in services:
        service.status = "suspended"
        record_event(session, "service.suspended", service.ref, today, now,
                     {"expired_on": service.expires_on.isoformat() if service.expires_on else None})
        carts = session.scalars(select(Renewal).join(RenewalItem).where(
            RenewalItem.service_id == service.id, RenewalItem.removed.is_(False),
            Renewal.status.in_(OPEN))).all()
        for renewal in carts:
            renewal.status = "expired"
            renewal.next_attempt_on = None
            for item in active_items(renewal):
                if item.service.expires_on is not None and item.service.expires_on >= today:
                    item.removed = True  # its own period can go into a new cart
            record_event(session, "renewal.expired", renewal.ref, today, now, {})
    return [s.ref for s in services]


def period_charge(session: Session, service: Service, extra_minor: int = 0) -> int:
    """IV-3: what one period of `service` (and `extra_minor`, entered as prices are: AR-6's
    reactivation fee) charges its customer: what a cart's item stores."""
    return pricing.charged(session, service.customer, (service.price_minor or 0) + extra_minor,
                           1, service.vat_rate_bp, service.currency)


def reactivation_fee(service: Service, policy: Policy) -> int:
    """AR-6: `reactivation_fee` as entered, for a suspended service; 0 for an active one."""
    fee = Money.parse(policy.reactivation_fee, service.currency, field="reactivation_fee")
    return fee.minor if service.status == "suspended" else 0


def manual_renewal_cart(session: Session, service: Service, policy: Policy, today: date,
                        now: datetime, who: str) -> Renewal:
    """AR-6: paying a suspended service later: one period plus `reactivation_fee`, charged now."""
    if service.billing != "period":
        raise RuleRefused("service_billed_on_usage", rule="AR-6", service=service.ref)
    if service.status not in ("suspended", "active"):
        raise RuleRefused("service_not_renewable", rule="AR-6", service=service.ref,
                          status=service.status)
    method = service_method(service, today)
    if method is None or not method.is_valid(today):
        raise RuleRefused("no_valid_method", rule="PM-3", customer=service.customer.ref)
    fee_minor = reactivation_fee(service, policy)
    amount_minor = period_charge(session, service, fee_minor)
    period = service.expires_on or today
    open_item = session.scalar(select(RenewalItem).join(Renewal).where(
        RenewalItem.service_id == service.id, RenewalItem.period_expires_on == period,
        RenewalItem.removed.is_(False)))
    if open_item is not None:
        if open_item.renewal.status in OPEN:
            raise RuleRefused("service_in_renewal", rule="AR-5", service=service.ref,
                              renewal=open_item.renewal.ref)
        open_item.removed = True
    renewal = Renewal(
        ref=temporary_ref(), customer=service.customer, billing_contact=service.billing_contact,
        payment_method=method, currency=service.currency, status="scheduled",
        amount_minor=amount_minor, notice_on=today, charge_on=today,
        earliest_expiry=max(period, today), next_attempt_on=None,
        items=[RenewalItem(service=service, period_expires_on=period,
                           amount_minor=amount_minor)],
    )
    session.add(renewal)
    session.flush()
    assign_ref(session, renewal, "REN")
    record_event(session, "renewal.manual", renewal.ref, today, now,
                 {"service": service.ref, "by": who, "reactivation_fee": str(fee_minor)})
    return renewal


def drop_inactive(session: Session, today: date, now: datetime) -> None:
    """AR-8 before charging: open carts lose the services that are no longer active."""
    services = session.scalars(select(Service).join(RenewalItem).join(Renewal).where(
        Renewal.status.in_(OPEN), RenewalItem.removed.is_(False),
        Service.status.in_(("cancelled", "transferred")))).unique().all()
    for service in services:
        drop_service(session, service, today, now)


def _period_marks(session: Session, types: tuple[str, ...],
                  service_refs: Sequence[str]) -> dict[tuple[str, str, str], dict[str, object]]:
    """IV-6's events of those types for those services, by (type, service ref, expiry)."""
    found: dict[tuple[str, str, str], dict[str, object]] = {}
    refs = sorted(set(service_refs))
    for start in range(0, len(refs), IN_CHUNK):
        for type_, subject, data in session.execute(select(Event.type, Event.subject, Event.data)
                                                    .where(Event.type.in_(types),
                                                           Event.subject.in_(refs[start:start + IN_CHUNK]))):
            found[(type_, subject, str(data.get("expires_on")))] = data
    return found


def _period_items(session: Session, services: Sequence[Service]) -> dict[tuple[int, date], RenewalItem]:
    """The cart item (not taken out) of each service's current period."""
    ids = sorted({s.id for s in services})
    periods = {s.id: s.expires_on for s in services}
    found: dict[tuple[int, date], RenewalItem] = {}
    for start in range(0, len(ids), IN_CHUNK):
        for item in session.scalars(select(RenewalItem).where(
                RenewalItem.service_id.in_(ids[start:start + IN_CHUNK]),
                RenewalItem.removed.is_(False)).options(selectinload(RenewalItem.renewal))):
            if periods[item.service_id] == item.period_expires_on:
                found[(item.service_id, item.period_expires_on)] = item
    return found


def _refusable_until(item: RenewalItem | None, expires_on: date, policy: Policy,
                     today: date) -> date | None:
    """AR-4 for that period: the day before its cart's charge date (the one AR-3 will give a
    cart made on time, if none yet); None when it can no longer be refused."""
    if item is None:
        charge_on = renewal_charge_on(max(today, notice_due_on(expires_on, policy)), expires_on,
                                      policy)
    elif item.renewal.status == "scheduled":
        charge_on = item.renewal.charge_on
    else:
        return None
    return charge_on - timedelta(days=1) if today < charge_on else None


def send_reminders(session: Session, policy: Policy, today: date, now: datetime) -> list[str]:
    """IV-6: the consumer's `renewal_reminder`, once per service and period (module docstring);
    returns the services reminded."""
    due = session.scalars(select(Service).join(Customer, Customer.id == Service.customer_id).where(
        Customer.business.is_(False), Service.status == "active", Service.billing == "period",
        Service.auto_renew.is_(True), Service.expires_on >= today,
        Service.expires_on <= today + timedelta(days=policy.consumer_notice_days),
    ).order_by(Service.customer_id, Service.billing_contact_id, Service.expires_on, Service.id)
    ).all()
    sent = _period_marks(session, (REMINDER_SENT,), [s.ref for s in due])
    items = _period_items(session, due)
    groups: dict[tuple[int, int | None], list[tuple[Service, date, date]]] = defaultdict(list)
    for service in due:
        expires_on = service.expires_on
        assert expires_on is not None
        if (REMINDER_SENT, service.ref, str(expires_on)) in sent:
            continue
        until = _refusable_until(items.get((service.id, expires_on)), expires_on, policy, today)
        if until is not None:
            groups[(service.customer_id, service.billing_contact_id)].append(
                (service, expires_on, until))
    reminded = []
    for lines in groups.values():
        first = lines[0][0]
        language = first.customer.language
        note = customer_mail(session, "renewal_reminder", first.customer, today, {
            "services": [{"label": s.label,
                          "amount": fmt.money(Money(period_charge(session, s), s.currency),
                                              language),
                          "expires_on": fmt.day(expires_on, language),
                          "new_expires_on": fmt.day(add_months(expires_on, s.period_months or 12),
                                                    language),
                          "refuse_until": fmt.day(until, language)}
                         for s, expires_on, until in lines],
        }, links=(LinkSpec("cancel_renewal", REMINDER_LINK, max(u for _s, _e, u in lines)),),
            contact=first.billing_contact)
        session.flush()
        if note.ref.startswith("tmp-"):  # a session that does not give refs at flush
            assign_ref(session, note, "MSG")
        for link in note.links:
            link.subject_ref = REMINDER_LINK + note.ref
        for service, expires_on, until in lines:
            record_event(session, REMINDER_SENT, service.ref, today, now, {
                "expires_on": expires_on.isoformat(), "refuse_until": until.isoformat(),
                "message": note.ref, "late": today > add_months(expires_on, -1)})
            reminded.append(service.ref)
    return reminded


@dataclass(frozen=True)
class ReminderState:
    """What a reminder's link can still refuse (NT-3: reading it changes nothing)."""

    status: str  # scheduled (something left to refuse) | cancelled | paid, expired…
    services: tuple[Service, ...]
    charge_on: date | None
    items: tuple[RenewalItem | None, ...]
    periods: tuple[date, ...]


def reminder_state(session: Session, customer: Customer, link_subject: str,
                   today: date) -> ReminderState:
    message = link_subject.removeprefix(REMINDER_LINK)
    events = session.scalars(select(Event).where(
        Event.type == REMINDER_SENT,
        Event.subject.in_(select(Service.ref).where(Service.customer_id == customer.id)))
        .order_by(Event.id)).all()
    reminded = [(e.subject, date.fromisoformat(str(e.data["expires_on"])),
                 date.fromisoformat(str(e.data["refuse_until"])))
                for e in events if e.data.get("message") == message]
    services = {s.ref: s for s in session.scalars(select(Service).where(
        Service.customer_id == customer.id, Service.ref.in_([r for r, _e, _u in reminded])))}
    refused = _period_marks(session, (REFUSED,), list(services))
    items = _period_items(session, list(services.values()))
    open_ = []
    others = []
    for ref, period, until in reminded:
        service = services[ref]
        item = items.get((service.id, period))
        if (REFUSED, ref, str(period)) in refused or (item and item.renewal.status == "cancelled"):
            others.append("cancelled")
        elif service.status != "active" or service.expires_on != period:
            others.append("paid" if service.status == "active" else service.status)
        elif item is not None and item.renewal.status != "scheduled":
            others.append(item.renewal.status)
        elif today <= until and (item is None or today < item.renewal.charge_on):
            open_.append((service, period, item, until))
        else:
            others.append("scheduled" if item is None else item.renewal.status)
    if not open_:
        status = "cancelled" if others and set(others) == {"cancelled"} else next(
            (o for o in others if o != "cancelled"), "cancelled")
        return ReminderState(status, tuple(services[r] for r, _p, _u in reminded), None, (), ())
    return ReminderState(
        "scheduled", tuple(s for s, _p, _i, _u in open_),
        min(i.renewal.charge_on if i else u + timedelta(days=1) for _s, _p, i, u in open_),
        tuple(i for _s, _p, i, _u in open_), tuple(p for _s, p, _i, _u in open_))


def refuse_reminded(session: Session, customer: Customer, link_subject: str, today: date,
                    now: datetime, who: str) -> str:
    """IV-6: the reminder's confirming click refuses its periods still open (AR-4's limit);
    auto-renew stays on. Returns what was done."""
    state = reminder_state(session, customer, link_subject, today)
    if state.status != "scheduled":
        raise RuleRefused("renewal_not_scheduled", rule="IV-6", renewal=link_subject,
                          status=state.status)
    assert state.charge_on is not None
    told = []
    for service, period, item in zip(state.services, state.periods, state.items, strict=True):
        record_event(session, REFUSED, service.ref, today, now,
                     {"expires_on": period.isoformat(), "by": who})
        if item is None:
            told.append((service, period))
        elif active_items(item.renewal) == [item]:
            cancel(session, item.renewal, today, now, who)  # its own e-mail
        else:
            item.removed = True
            item.renewal.amount_minor -= item.amount_minor
            record_event(session, "renewal.service_removed", item.renewal.ref, today, now,
                         {"service": service.ref, "amount": item.renewal.amount.text(),
                          "reason": "refused by the customer"})
            told.append((service, period))
    if told:
        language = customer.language
        first = told[0][0]
        method = service_method(first, today)
        customer_mail(session, "renewal_cancelled", customer, today, {
            "amount": fmt.money(Money(sum(period_charge(session, s) for s, _p in told),
                                      first.currency), language),
            "charge_on": fmt.day(state.charge_on, language),
            "card": method.label() if method else "-",
            "services": [{"label": s.label,
                          "amount": fmt.money(Money(period_charge(session, s), s.currency),
                                              language),
                          "expires_on": fmt.day(p, language),
                          "new_expires_on": fmt.day(add_months(p, s.period_months or 12),
                                                    language)} for s, p in told],
        }, contact=first.billing_contact)
    labels = ", ".join(s.label for s in state.services)
    return f"renewal of {labels} cancelled for the current period"
