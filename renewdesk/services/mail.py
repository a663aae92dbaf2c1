"""Composing the customer and seller e-mails of the rules, in the customer's language (NT-2)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from renewdesk.domain.declines import decline_words
from renewdesk.domain.money import Money
from renewdesk.domain.policy import Policy
from renewdesk.notify import formatting as fmt
from renewdesk.notify.outbox import LinkSpec, enqueue
from renewdesk.store.models import BillingContact, Customer, Notification


def customer_mail(session: Session, kind: str, customer: Customer, today: date,
                  context: dict[str, Any], links: tuple[LinkSpec, ...] = (),
                  contact: BillingContact | None = None) -> Notification:
    to = contact.email if contact is not None and contact.email else customer.email
    return enqueue(session, kind=kind, customer=customer, to=to, language=customer.language,
                   context={"name": contact.name if contact else customer.name, **context},
                   today=today, links=links)


def update_link(customer: Customer, today: date, policy: Policy) -> LinkSpec:
    return LinkSpec("update_payment_method", customer.ref,
                    today + timedelta(days=policy.link_valid_days))


def pay_subject(kind: str, reference: str) -> str:
    """How a pay-now link names its item: `renewal:R-1`, `installment:O1#2`."""
    return f"{kind}:{reference}"


def pay_link(customer: Customer, kind: str, reference: str, today: date,
              policy: Policy) -> LinkSpec:
    """CP-2 (and CP-1): the failure e-mail's pay-now link, for that one item."""
    return LinkSpec("pay_now", pay_subject(kind, reference),
                    today + timedelta(days=policy.link_valid_days))


def seller_alert(session: Session, policy: Policy, today: date, *, reason: str,
                 customer: Customer, subject: str, amount: Money, decline_code: str | None,
                 next_attempt_on: date | None, **more: Any) -> Notification:
    """IN-7 / AR-5: the account manager hears of failures (`seller_email`); RF-2 of disputes
    (`more`: what the reason's lines name)."""
    language = policy.seller_language
    return enqueue(session, kind="seller_alert", customer=None, to=policy.seller_email,
                   language=language, today=today, context={
                       "reason": reason, "customer": customer.name, "customer_ref": customer.ref,
                       "subject": subject, "amount": fmt.money(amount, language),
                       "decline_code": decline_words(decline_code, language),
                       "next_attempt_on": fmt.day(next_attempt_on, language)
                       if next_attempt_on else None, **more})


# RF-2: the reasons a cardholder gives their bank (Stripe's words), and how a dispute ends.
DISPUTE_WORDS = {
    "en": {"fraudulent": "fraud (the cardholder says they did not pay)",
           "product_not_received": "product not received", "duplicate": "paid twice",
           "subscription_canceled": "subscription cancelled",
           "credit_not_processed": "refund not received",
           "product_unacceptable": "product not as described", "unrecognized": "not recognised",
           "general": "other", "won": "won: the money stays with you",
           "lost": "lost: the money went back to the customer",
           "warning_closed": "closed without a dispute"},
    "fr": {"fraudulent": "fraude (le titulaire dit ne pas avoir payé)",
           "product_not_received": "produit non reçu", "duplicate": "payé deux fois",
           "subscription_canceled": "abonnement résilié",
           "credit_not_processed": "remboursement non reçu",
           "product_unacceptable": "produit non conforme", "unrecognized": "non reconnu",
           "general": "autre", "won": "gagnée : l'argent vous reste",
           "lost": "perdue : l'argent est rendu au client",
           "warning_closed": "close sans contestation"},
}


def dispute_words(code: str, language: str) -> str:
    words = DISPUTE_WORDS.get(language, DISPUTE_WORDS["en"])
    return words.get(code, code.replace("_", " "))
