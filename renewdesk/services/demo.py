"""`renewdesk demo`: a realistic portfolio (a web-hosting reseller with course installments),
built as an exchange document and imported, so demo data passes every rule that real data does.
Deterministic for a given size and date: the same command gives the same portfolio."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta
from typing import Any

from stdnum import luhn
from stdnum.fr import siren as fr_siren

from renewdesk.domain.dates import add_months
from renewdesk.services import seller
from renewdesk.services.context import Context
from renewdesk.services.exchange import FORMAT
from renewdesk.services.exchange.importer import import_document
from renewdesk.services.exchange.scope import ImportResult
from renewdesk.store import settings

_FIRST_FR = ["Jean", "Marie", "Luc", "Camille", "Hugo", "Chloé", "Louis", "Léa", "Paul", "Inès"]
_LAST_FR = ["Dupont", "Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Fournier"]
_FIRST_EN = ["Alice", "Ben", "Clara", "David", "Emma", "Frank", "Grace", "Henry", "Iris"]
_LAST_EN = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright"]
_CITIES_FR = ["69003 Lyon", "75011 Paris", "13001 Marseille", "33000 Bordeaux", "44000 Nantes"]
_CITIES_EN = ["London EC1A 1BB", "Dublin D02", "Bristol BS1 4DJ", "Leeds LS1 4AP"]
_GOOD = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"]
_BAD = ["pm_card_visa_chargeDeclinedInsufficientFunds", "pm_card_chargeCustomerFail",
        "pm_card_visa_chargeDeclinedLostCard", "pm_card_authenticationRequired"]
_BRANDS = {"pm_card_mastercard": ("mastercard", "4444"), "pm_card_amex": ("amex", "8431")}
_PRODUCTS = ["Formation tableur avancé", "Coaching 12 semaines", "Masterclass SEO",
             "Course: Python for accountants", "Programme photo"]


def _ascii(text: str) -> str:
    """Addresses and domains in plain ASCII: Chloé -> chloe."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _siren(n: int) -> str:
    """A made-up SIREN for demo business n (Luhn-valid, as every SIREN is)."""
    body = f"8{n % 10_000_000:07d}"
    return body + luhn.calc_check_digit(body)


def _tax(french: bool, city: str, n: int) -> dict[str, Any]:
    """IV-1: where the demo's customers are, and one French customer in eight a business."""
    if not french:
        return {"country": "IE" if city.startswith("Dublin") else "GB"}
    if n % 8 == 0:
        siren = _siren(n)
        return {"country": "FR", "business": True, "siren": siren,
                "vat_number": f"FR{fr_siren.to_tva(siren)}"}
    return {"country": "FR"}


def build_document(customers: int, today: date, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed * 1_000_003 + customers)
    doc: dict[str, Any] = {"format": FORMAT, "customers": [], "services": [],
                           "installment_orders": [], "usage": []}
    for n in range(1, customers + 1):
        french = rng.random() < 0.6
        first = rng.choice(_FIRST_FR if french else _FIRST_EN)
        last = rng.choice(_LAST_FR if french else _LAST_EN)
        name = f"{first} {last}"
        ref = f"DEMO-C{n:06d}"
        domain = f"{_ascii(last)}{n}.{'fr' if french else 'com'}"
        complete = rng.random() > 0.05
        city = rng.choice(_CITIES_FR if french else _CITIES_EN)
        methods: list[dict[str, Any]] = []
        if complete:
            for k in range(rng.choice((1, 1, 1, 2))):
                token = rng.choice(_GOOD) if rng.random() > 0.12 else rng.choice(_BAD)
                brand, last4 = _BRANDS.get(token, ("visa", f"{rng.randrange(10000):04d}"))
                expiry = add_months(today, rng.randrange(-2, 48))
                methods.append({"ref": f"{ref}-PM{k + 1}", "type": "card", "token": token,
                                "brand": brand, "last4": last4, "exp_month": expiry.month,
                                "exp_year": expiry.year, "holder": name})
        contacts = []
        if rng.random() < 0.2:
            contacts.append({"ref": f"{ref}-K1", "name": f"{last} SARL" if french else
                             f"{last} Ltd", "email": f"billing@{domain}",
                             "address": f"{rng.randrange(1, 99)} rue du Port, {city}"})
        doc["customers"].append({
            "ref": ref, "name": name, "email": f"{_ascii(first)}@{_ascii(domain)}",
            "address": f"{rng.randrange(1, 200)} avenue des Fleurs, {city}" if complete else "",
            "language": "fr" if french else "en", "contacts": contacts,
            "payment_methods": methods, **_tax(french, city, n)})
        for s in range(rng.choice((1, 1, 2, 3))):
            kind = "domain" if s == 0 else rng.choice(("hosting", "email", "ssl"))
            price = {"domain": "12.00", "hosting": "84.00", "email": "36.00",
                     "ssl": "49.00"}[kind]
            expires = today + timedelta(days=rng.randrange(-20, 400))
            valid = bool(methods) and any(add_months(date(m["exp_year"], m["exp_month"], 1), 1)
                                          > today for m in methods)
            doc["services"].append({
                "ref": f"{ref}-S{s + 1}", "customer": ref, "kind": kind,
                "label": domain if kind == "domain" else f"{kind.title()} {domain}",
                "billing": "period", "price": price, "currency": "EUR", "period_months": 12,
                "expires_on": expires.isoformat(),
                "auto_renew": valid and rng.random() < 0.7 and expires >= today,
                "payment_method": methods[0]["ref"] if methods else None,
                "billing_contact": contacts[0]["ref"] if contacts and s == 1 else None})
        if methods and rng.random() < 0.15:
            first_due = today + timedelta(days=rng.randrange(-60, 30))
            doc["installment_orders"].append({
                "ref": f"DEMO-O{n:06d}", "customer": ref, "product": rng.choice(_PRODUCTS),
                "invoice_number": f"FA-{today.year}-{n:05d}",
                "installment_amount": rng.choice(("30.00", "49.00", "99.00")), "currency": "EUR",
                "installments": rng.choice((3, 6, 10, 12)),
                "interval": rng.choice(("monthly", "weekly")),
                "first_due_on": first_due.isoformat(), "method": "card",
                "payment_method": methods[0]["ref"]})
    def first_method_valid(customer_ref: str) -> bool:
        method = by_ref[customer_ref]["payment_methods"][0]
        return add_months(date(method["exp_year"], method["exp_month"], 1), 1) > today

    by_ref = {c["ref"]: c for c in doc["customers"]}
    for service in doc["services"]:
        # AR-1: auto-renew only on a valid first card.
        service["auto_renew"] = bool(service["auto_renew"]) and first_method_valid(
            service["customer"])
    doc["installment_orders"] = [o for o in doc["installment_orders"]
                                 if first_method_valid(o["customer"])]
    return doc


# A demo seller, so the demo's payments are invoiced (IV-1): a made-up SIREN (Luhn-valid, as
# every SIREN is) and its VAT number. Set only where no seller is set yet.
DEMO_SELLER = {
    "seller_name": "Hébergement Démo SARL",
    "seller_address": "12 quai Rambaud\n69002 Lyon",
    "seller_country": "FR",
    "seller_siren": "999888779",
    "seller_vat_number": "FR34999888779",
    "seller_footer": "SARL au capital de 10 000 € – RCS Lyon 999 888 779 – données de "
                     "démonstration",
}


def fill(ctx: Context, customers: int) -> ImportResult:
    """Import the demo portfolio; what it made and changed, by kind, for the caller to say in
    its reader's words (`ImportResult.summary()` is the English)."""
    document = build_document(customers, ctx.clock.today)
    with ctx.factory() as session:
        result = import_document(session, ctx.processor, document, ctx.clock.today,
                                 ctx.clock.now(), ctx.who)
        if not settings.get(session, "seller_name"):
            seller.check_changes({}, DEMO_SELLER)
            for name, value in DEMO_SELLER.items():
                settings.put(session, name, value)
        session.commit()
    return result
