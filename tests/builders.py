"""Small exchange documents for tests, so each test states only what its rule needs."""

from __future__ import annotations

from typing import Any


def card(ref: str, token: str = "pm_card_visa", exp: tuple[int, int] = (12, 2030),
         holder: str = "Jean Dupont", last4: str = "4242", brand: str = "visa") -> dict[str, Any]:
    return {"ref": ref, "type": "card", "token": token, "brand": brand, "last4": last4,
            "exp_month": exp[0], "exp_year": exp[1], "holder": holder}


def sepa(ref: str, token: str = "pm_sepa_debit", holder: str = "Greta Keller") -> dict[str, Any]:
    return {"ref": ref, "type": "sepa_debit", "token": token, "brand": "sepa", "last4": "3000",
            "holder": holder}


def customer(ref: str, *methods: dict[str, Any], name: str = "Jean Dupont",
             email: str | None = None, address: str = "12 rue des Lilas, 69003 Lyon",
             language: str = "fr", contacts: tuple[dict[str, Any], ...] = (),
             business: bool = False) -> dict[str, Any]:
    return {"ref": ref, "name": name, "email": email or f"{ref.lower()}@example.fr",
            "address": address, "language": language, "contacts": list(contacts),
            "payment_methods": list(methods), "business": business}


def contact(ref: str, name: str = "ACME SARL") -> dict[str, Any]:
    return {"ref": ref, "name": name, "email": f"{ref.lower()}@example.fr",
            "address": "4 quai Rambaud, 69002 Lyon"}


def service(ref: str, customer_ref: str, expires_on: str, *, price: str = "12.00",
            auto_renew: bool = True, payment_method: str | None = None,
            contact_ref: str | None = None, months: int = 12) -> dict[str, Any]:
    return {"ref": ref, "customer": customer_ref, "kind": "domain", "label": f"{ref.lower()}.fr",
            "billing": "period", "price": price, "currency": "EUR", "period_months": months,
            "expires_on": expires_on, "auto_renew": auto_renew, "payment_method": payment_method,
            "billing_contact": contact_ref}


def usage_service(ref: str, customer_ref: str, unit_price: str = "1.45",
                  payment_method: str | None = None) -> dict[str, Any]:
    return {"ref": ref, "customer": customer_ref, "kind": "letters", "label": "Lettres",
            "billing": "usage", "unit_price": unit_price, "currency": "EUR",
            "payment_method": payment_method}


def order(ref: str, customer_ref: str, payment_method: str, first_due_on: str, *,
          amount: str = "30.00", count: int = 3, interval: str = "monthly",
          method: str = "card") -> dict[str, Any]:
    return {"ref": ref, "customer": customer_ref, "product": "Formation",
            "invoice_number": f"FA-{ref}", "installment_amount": amount, "currency": "EUR",
            "installments": count, "interval": interval, "first_due_on": first_due_on,
            "method": method, "payment_method": payment_method}


def document(customers: list[dict[str, Any]], services: list[dict[str, Any]] | None = None,
             orders: list[dict[str, Any]] | None = None,
             usage: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"format": "renewdesk/1", "customers": customers, "services": services or [],
            "installment_orders": orders or [], "usage": usage or []}
