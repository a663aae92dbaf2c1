"""AR-7 Renew / Renew all: pro-forma invoices for an early renewal, one period, no charge.

A preview is a draft (no number); issuing gives each pro-forma the next number of the
sequence (`PF-<year>-<n>`), kept in settings so numbers are never reused, and audits it.
One pro-forma per customer and currency, one line per service.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.dates import add_months
from renewdesk.domain.errors import InputError
from renewdesk.domain.money import Money
from renewdesk.services import renewals
from renewdesk.services.context import Context
from renewdesk.services.journal import audit
from renewdesk.store import settings
from renewdesk.store.models import Customer, Service

DRAFT = "DRAFT"


@dataclass(frozen=True)
class ProFormaLine:
    service_ref: str
    label: str
    period_from: date
    period_to: date
    amount: Money


@dataclass(frozen=True)
class ProForma:
    number: str
    issued_on: date
    customer_ref: str
    customer_name: str
    address: str
    email: str
    language: str
    lines: tuple[ProFormaLine, ...]
    total: Money


def _services(session: Session, service_refs: tuple[str, ...] | None,
              customer_ref: str | None) -> list[Service]:
    if service_refs is not None:
        found = {s.ref: s for s in session.scalars(select(Service).where(
            Service.ref.in_(service_refs)))}
        missing = [r for r in service_refs if r not in found]
        if missing:
            raise InputError("unknown_services", services=", ".join(missing))
        chosen = [found[r] for r in service_refs]
    else:
        customer = session.scalar(select(Customer).where(Customer.ref == customer_ref))
        if customer is None:
            raise InputError("unknown", what="customer", ref=customer_ref)
        chosen = list(session.scalars(select(Service).where(
            Service.customer_id == customer.id).order_by(Service.ref)))
    renewable = [s for s in chosen if s.billing == "period" and s.status in ("active", "suspended")
                 and s.expires_on is not None and s.period_months]
    if not renewable:
        raise InputError("no_proforma")
    return renewable


def draft(session: Session, today: date, service_refs: tuple[str, ...] | None = None,
          customer_ref: str | None = None) -> list[ProForma]:
    """Renew (the given services) or Renew all (a customer's): unnumbered pro-formas."""
    groups: dict[tuple[int, str], list[Service]] = {}
    for service in _services(session, service_refs, customer_ref):
        groups.setdefault((service.customer_id, service.currency), []).append(service)
    out = []
    for (_customer_id, currency), services in sorted(groups.items(),
                                                     key=lambda g: (g[1][0].customer.ref, g[0][1])):
        customer = services[0].customer
        lines = []
        for s in services:
            assert s.expires_on is not None and s.period_months
            start = max(s.expires_on, today)
            lines.append(ProFormaLine(s.ref, s.label, start, add_months(start, s.period_months),
                                      Money(renewals.period_charge(session, s), currency)))
        total = Money(sum(line.amount.minor for line in lines), currency)
        out.append(ProForma(DRAFT, today, customer.ref, customer.name, customer.address,
                            customer.email, customer.language, tuple(lines), total))
    return out


def drafts(ctx: Context, service_refs: tuple[str, ...] | None = None,
           customer_ref: str | None = None) -> list[ProForma]:
    """The preview of `issue`, in a unit of work of its own (for the window's background read)."""
    with ctx.factory() as session:
        return draft(session, ctx.clock.today, service_refs, customer_ref)


def issue(ctx: Context, service_refs: tuple[str, ...] | None = None,
          customer_ref: str | None = None) -> list[ProForma]:
    """The same pro-formas, numbered and audited (EV-2)."""
    today, now = ctx.clock.today, ctx.clock.now()
    with ctx.factory() as session:
        drafts = draft(session, today, service_refs, customer_ref)
        last = int(settings.get(session, "proforma_last_number", "0") or 0)
        issued = []
        for offset, proforma in enumerate(drafts, start=1):
            number = f"PF-{today.year}-{last + offset:05d}"
            issued.append(replace(proforma, number=number))
            audit(session, ctx.who, "proforma", number, today, now, None,
                  {"customer": proforma.customer_ref, "total": proforma.total.text(),
                   "services": [line.service_ref for line in proforma.lines]})
        settings.put(session, "proforma_last_number", str(last + len(drafts)))
        session.commit()
    return issued
