"""`renewdesk export`: the whole state as an exchange file, in a stable order (by reference)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from renewdesk.domain.money import Money
from renewdesk.domain.tax_ids import rate_text
from renewdesk.services.exchange import FORMAT
from renewdesk.services.exchange.invoice_rows import invoices_out
from renewdesk.services.refunds import payment_ref, refund_ref
from renewdesk.store.models import (
    Attempt,
    Customer,
    Dispute,
    Event,
    InstallmentOrder,
    Notification,
    PaymentMethod,
    Refund,
    Renewal,
    RenewalItem,
    Service,
    UsageInvoice,
    UsageRecord,
)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _m(minor: int | None, currency: str) -> str | None:
    return None if minor is None else Money(minor, currency).text()


def _rate(basis_points: int | None) -> str | None:
    """IV-3: a VAT rate as a decimal string in percent ("5.5"); null: the default rate."""
    return None if basis_points is None else rate_text(basis_points)


def _ref(obj: Any) -> str | None:
    return obj.ref if obj is not None else None


@dataclass
class Payments:
    """Every refund and dispute, by attempt: read once for the whole file (one query per table,
    whatever the number of payments)."""

    refunds: dict[int, list[Refund]] = field(default_factory=dict)
    disputes: dict[int, Dispute] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> Payments:
        found = cls()
        for refund in session.scalars(select(Refund).order_by(Refund.attempt_id, Refund.number)):
            found.refunds.setdefault(refund.attempt_id, []).append(refund)
        for dispute in session.scalars(select(Dispute).order_by(Dispute.id)):
            found.disputes[dispute.attempt_id] = dispute  # a payment's latest dispute
        return found

    def of(self, attempt: Attempt, subject_ref: str) -> dict[str, Any]:
        """What a successful attempt carries as a payment: its reference, refunds, dispute."""
        ref = payment_ref(subject_ref, attempt.number)
        dispute = self.disputes.get(attempt.id)
        return {"ref": ref,
                "refunds": [{"ref": refund_ref(ref, f.number), "amount": _m(f.amount_minor,
                                                                             f.currency),
                             "on": _d(f.on), "status": f.status, "reason": f.reason,
                             "refusal": f.refusal, "by": f.who,
                             "idempotency_key": f.idempotency_key,
                             "processor_ref": f.processor_ref}
                            for f in self.refunds.get(attempt.id, [])],
                "dispute": None if dispute is None else {
                    "status": dispute.status, "amount": _m(dispute.amount_minor,
                                                           dispute.currency),
                    "reason": dispute.reason, "respond_by": _d(dispute.respond_by),
                    "opened_on": _d(dispute.opened_on), "closed_on": _d(dispute.closed_on),
                    "suspended": list(dispute.suspended),
                    "processor_ref": dispute.processor_ref}}


def attempts_out(attempts: Iterable[Attempt], subject_ref: str,
                 payments: Payments) -> list[dict[str, Any]]:
    out = []
    for a in sorted(attempts, key=lambda a: a.number):
        row = {"number": a.number, "on": _d(a.on), "payment_method": a.payment_method.ref,
               "amount": _m(a.amount_minor, a.currency), "result": a.result,
               "decline_code": a.decline_code, "hard_decline": a.hard_decline,
               "round": a.round, "manual": a.manual, "idempotency_key": a.idempotency_key,
               "processor_ref": a.processor_ref}
        if a.result == "succeeded":
            row |= payments.of(a, subject_ref)
        out.append(row)
    return out


def _attempts_by(session: Session, column: Any) -> dict[int, list[Attempt]]:
    grouped: dict[int, list[Attempt]] = {}
    for attempt in session.scalars(select(Attempt).options(joinedload(Attempt.payment_method))
                                   .where(column.is_not(None))):
        grouped.setdefault(getattr(attempt, column.key), []).append(attempt)
    return grouped


def _method(m: PaymentMethod) -> dict[str, Any]:
    return {"ref": m.ref, "type": m.type, "token": m.token, "brand": m.brand, "last4": m.last4,
            "exp_month": m.exp_month, "exp_year": m.exp_year, "holder": m.holder,
            "accepted": m.accepted, "refusal": m.refusal, "blocked_code": m.blocked_code,
            "removed_on": _d(m.removed_on), "expiring_notice_for": m.expiring_notice_for}


def _customers(session: Session) -> list[dict[str, Any]]:
    out = []
    all_methods: dict[int, list[PaymentMethod]] = {}
    for m in session.scalars(select(PaymentMethod)):
        all_methods.setdefault(m.customer_id, []).append(m)
    for c in session.scalars(select(Customer).order_by(Customer.ref)):
        methods = sorted(all_methods.get(c.id, []),
                         key=lambda m: (m.position is None, m.position or 0, m.ref))
        out.append({"ref": c.ref, "name": c.name, "email": c.email, "address": c.address,
                    "language": c.language, "emails_enabled": c.emails_enabled,
                    "processor_customer": c.processor_customer_id,
                    "business": c.business, "country": c.country,
                    "vat_number": c.vat_number, "siren": c.siren,
                    "contacts": [{"ref": k.ref, "name": k.name, "email": k.email,
                                  "address": k.address} for k in c.contacts],
                    "payment_methods": [_method(m) for m in methods]})
    return out


def _services(session: Session) -> list[dict[str, Any]]:
    out = []
    for s in session.scalars(select(Service).options(
            joinedload(Service.customer), joinedload(Service.payment_method),
            joinedload(Service.billing_contact)).order_by(Service.ref)):
        row: dict[str, Any] = {"ref": s.ref, "customer": s.customer.ref, "kind": s.kind,
                               "label": s.label, "billing": s.billing, "currency": s.currency}
        if s.billing == "period":
            row |= {"price": _m(s.price_minor, s.currency), "period_months": s.period_months}
        else:
            row |= {"unit_price": _m(s.unit_price_minor, s.currency)}
        row |= {"expires_on": _d(s.expires_on), "auto_renew": s.auto_renew,
                "payment_method": _ref(s.payment_method),
                "billing_contact": _ref(s.billing_contact), "status": s.status,
                "vat_rate": _rate(s.vat_rate_bp)}
        out.append(row)
    return out


def _orders(session: Session, payments: Payments) -> list[dict[str, Any]]:
    attempts = _attempts_by(session, Attempt.installment_id)
    out = []
    for o in session.scalars(select(InstallmentOrder).options(
            joinedload(InstallmentOrder.customer), joinedload(InstallmentOrder.payment_method),
            selectinload(InstallmentOrder.installments),
            selectinload(InstallmentOrder.plan_changes)).order_by(InstallmentOrder.ref)):
        out.append({
            "ref": o.ref, "customer": o.customer.ref, "product": o.product,
            "invoice_number": o.invoice_number,
            "installment_amount": _m(o.installment_amount_minor, o.currency),
            "currency": o.currency, "interval": o.interval, "first_due_on": _d(o.first_due_on),
            "method": o.method, "payment_method": _ref(o.payment_method), "status": o.status,
            "in_collection": o.in_collection, "collection_on": _d(o.collection_on),
            "vat_rate": _rate(o.vat_rate_bp),
            "installments": [{
                "number": i.number, "due_on": _d(i.due_on),
                "amount": _m(i.amount_minor, o.currency), "status": i.status,
                "rounds_done": i.rounds_done, "next_attempt_on": _d(i.next_attempt_on),
                "stopped_code": i.stopped_code, "final_attempt_used": i.final_attempt_used,
                "in_collections_list": i.in_collections_list,
                "attempts": attempts_out(attempts.get(i.id, []), f"{o.ref}#{i.number}",
                                         payments)} for i in o.installments],
            "plan_changes": [{
                "amount": _m(p.amount_minor, o.currency), "status": p.status,
                "requested_on": _d(p.requested_on), "deadline_on": _d(p.deadline_on),
                "confirmed_on": _d(p.confirmed_on)} for p in o.plan_changes],
        })
    return out


def _renewals(session: Session, payments: Payments) -> list[dict[str, Any]]:
    attempts = _attempts_by(session, Attempt.renewal_id)
    out = []
    for r in session.scalars(select(Renewal).options(
            joinedload(Renewal.customer), selectinload(Renewal.items).joinedload(RenewalItem.service)
    ).order_by(Renewal.ref)):
        out.append({
            "ref": r.ref, "customer": r.customer.ref,
            "services": [i.service.ref for i in r.items if not i.removed],
            "items": [{"service": i.service.ref, "period_expires_on": _d(i.period_expires_on),
                       "amount": _m(i.amount_minor, r.currency), "removed": i.removed}
                      for i in r.items],
            "amount": _m(r.amount_minor, r.currency), "currency": r.currency,
            "status": r.status, "notice_on": _d(r.notice_on), "charge_on": _d(r.charge_on),
            "earliest_expiry": _d(r.earliest_expiry),
            "billing_contact": _ref(r.billing_contact), "payment_method": _ref(r.payment_method),
            "rounds_done": r.rounds_done, "next_attempt_on": _d(r.next_attempt_on),
            "stopped_code": r.stopped_code,
            "attempts": attempts_out(attempts.get(r.id, []), r.ref, payments),
        })
    return out


def _usage_invoices(session: Session, payments: Payments) -> list[dict[str, Any]]:
    attempts = _attempts_by(session, Attempt.usage_invoice_id)
    return [{"ref": u.ref, "service": u.service.ref, "period": u.period, "quantity": u.quantity,
             "amount": _m(u.amount_minor, u.currency), "currency": u.currency,
             "issued_on": _d(u.issued_on), "status": u.status, "rounds_done": u.rounds_done,
             "next_attempt_on": _d(u.next_attempt_on), "stopped_code": u.stopped_code,
             "attempts": attempts_out(attempts.get(u.id, []), u.ref, payments)}
            for u in session.scalars(select(UsageInvoice).options(
                joinedload(UsageInvoice.service)).order_by(UsageInvoice.ref))]


def _notifications(session: Session) -> list[dict[str, Any]]:
    out = []
    customers = {c.id: c.ref for c in session.scalars(select(Customer))}
    for n in session.scalars(select(Notification).options(
            selectinload(Notification.links)).order_by(Notification.ref)):
        out.append({"ref": n.ref, "kind": n.kind,
                    "customer": customers.get(n.customer_id) if n.customer_id else None,
                    "to": n.to, "language": n.language, "subject": n.subject, "body": n.body,
                    "created_on": _d(n.created_on), "status": n.status, "tries": n.tries,
                    "last_error": n.last_error, "invoice_number": n.invoice_number,
                    "html": n.html, "context": n.context,  # HM-4, HM-2: as it was rendered
                    "links": [{"action": k.action, "token": k.token, "subject": k.subject_ref,
                               "expires_on": _d(k.expires_on), "used_on": _d(k.used_on)}
                              for k in n.links]})
    return out


def export_state(session: Session) -> dict[str, Any]:
    payments = Payments.load(session)
    return {
        "format": FORMAT,
        "customers": _customers(session),
        "services": _services(session),
        "installment_orders": _orders(session, payments),
        "usage": [{"ref": u.ref, "service": u.service.ref, "on": _d(u.on), "quantity": u.quantity}
                  for u in session.scalars(select(UsageRecord).options(
                      joinedload(UsageRecord.service)).order_by(UsageRecord.ref))],
        "renewals": _renewals(session, payments),
        "usage_invoices": _usage_invoices(session, payments),
        "notifications": _notifications(session),
        "events": [{"ref": e.ref, "type": e.type, "on": _d(e.on), "subject": e.subject,
                    "data": e.data}
                   for e in session.scalars(select(Event).order_by(Event.ref))],
        "invoices": invoices_out(session),
    }


def export_selection(session: Session, kind: str, refs: tuple[str, ...]) -> dict[str, Any]:
    """The exchange file of the selected customers or services: with what they need to be
    imported on their own (a service's customer, a customer's services, orders and usage)."""
    state = export_state(session)
    wanted = set(refs)
    if kind == "service":
        services = [s for s in state["services"] if s["ref"] in wanted]
        customers = {s["customer"] for s in services}
    else:
        customers = wanted
        services = [s for s in state["services"] if s["customer"] in customers]
    service_refs = {s["ref"] for s in services}
    return {
        "format": state["format"],
        "customers": [c for c in state["customers"] if c["ref"] in customers],
        "services": services,
        "installment_orders": [o for o in state["installment_orders"]
                               if o["customer"] in customers and kind != "service"],
        "usage": [u for u in state["usage"] if u["service"] in service_refs],
    }
