"""Screenshots of the customer pages (serve-links) in French and English, in headless Chromium.

    .venv/bin/python scripts/web_screenshots.py [--out DIR]

Writes docs/screenshots/web-<language>-<page>.png.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SELLER = ("seller_name=Hébergement Dupont SARL", "seller_address=3 rue de la Paix\n75002 Paris",
          "seller_siren=732829320", "seller_vat_number=FR44732829320")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def portfolio(language: str) -> dict[str, object]:
    def card(ref: str, token: str, last4: str) -> dict[str, object]:
        return {"ref": ref, "type": "card", "token": token, "brand": "visa", "last4": last4,
                "exp_month": 12, "exp_year": 2030, "holder": "Jean Dupont"}

    def person(ref: str, method: dict[str, object]) -> dict[str, object]:
        return {"ref": ref, "name": "Jean Dupont", "email": f"{ref.lower()}@example.fr",
                "address": "12 rue des Lilas, 69003 Lyon", "language": language,
                "contacts": [], "payment_methods": [method]}

    def order(ref: str, who: str, method: str, first: str) -> dict[str, object]:
        return {"ref": ref, "customer": who, "product": "Formation", "invoice_number": f"FA-{ref}",
                "installment_amount": "30.00", "currency": "EUR", "installments": 3,
                "interval": "monthly", "first_due_on": first, "method": "card",
                "payment_method": method}

    return {"format": "renewdesk/1",
            "customers": [person("C1", card("K1", "pm_card_visa", "4242")),
                          person("C2", card("K2", "pm_card_visa_chargeDeclined", "0002")),
                          person("C3", card("K3", "pm_card_authenticationRequired", "3184")),
                          person("C4", card("K4", "pm_card_visa", "4444"))],
            "services": [{"ref": "S1", "customer": "C1", "kind": "domain", "label": "dupont.fr",
                          "billing": "period", "price": "12.00", "currency": "EUR",
                          "period_months": 12, "expires_on": "2026-12-01", "auto_renew": True,
                          "payment_method": "K1"}],
            "installment_orders": [order("O1", "C1", "K1", "2026-12-05"),
                                   order("O2", "C2", "K2", "2026-11-05"),
                                   order("O3", "C3", "K3", "2026-11-05"),
                                   order("O4", "C4", "K4", "2026-11-05")],
            "usage": []}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium is missing: scripts/browser-deps installs it")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        for language in ("en", "fr"):
            db = Path(folder) / f"{language}.db"
            env = {**os.environ, "PYTHONPATH": str(ROOT), "RENEWDESK_LOG_DIR": folder}

            document = Path(folder) / f"{language}.json"
            document.write_text(json.dumps(portfolio(language)))
            _cli(db, env, "--today", "2026-11-01", "settings", *SELLER)
            _cli(db, env, "--today", "2026-11-01", "import", str(document))
            _cli(db, env, "--today", "2026-11-05", "run-due")  # O2, O3 fail; O4 paid, invoiced
            _cli(db, env, "--today", "2026-11-06", "refund", "O4#1/1", "--amount", "10.00",
                 "--reason", "goodwill", "--yes")  # a credit note on O4's first invoice
            _cli(db, env, "--today", "2026-11-16", "run-due")
            _cli(db, env, "--today", "2026-11-20", "plan-update", "O1", "--amount", "25.00")
            tokens = {}
            for note in json.loads(_cli(db, env, "export"))["notifications"]:
                for link in note.get("links", []):
                    tokens[link["action"]] = link["token"]
                    tokens[f"{link['action']}/{note['customer']}"] = link["token"]
            for today, shots in (
                    ("2026-11-21", (("cancel", tokens["cancel_renewal"], None),
                                    ("confirm", tokens["confirm_plan_change"], None),
                                    ("methods", tokens["update_payment_method"], None),
                                    ("choose-card", tokens["update_payment_method"], "Replace"),
                                    ("invalid", "0" * 32 + ".forged", None),
                                    # CP-2, CP-1: pay what failed, with the bank's step
                                    ("pay-now", tokens["pay_now/C2"], None),
                                    ("pay-paid", tokens["pay_now/C2"], "Pay"),
                                    ("pay-confirm", tokens["pay_now/C3"], None),
                                    # IV-4: the customer's invoices, each to download
                                    ("invoices", tokens["invoices/C4"], None))),
                    ("2026-12-01", (("confirm-expired", tokens["confirm_plan_change"], None),))):
                port = _free_port()
                server = subprocess.Popen([sys.executable, "-m", "renewdesk", "--db", str(db),
                                           "--today", today, "serve-links", "--port", str(port)],
                                          env=env, stdout=subprocess.DEVNULL)
                try:
                    _wait(port)
                    context = browser.new_context(locale=f"{language}-FR" if language == "fr"
                                                  else "en-GB", viewport={"width": 800,
                                                                          "height": 600})
                    page = context.new_page()
                    for name, token, click in shots:
                        page.goto(f"http://127.0.0.1:{port}/l/{token}")
                        if click == "Pay":
                            page.locator("form:has(input[value=new]) button").click()
                        elif click:
                            page.locator("button.secondary").first.click()
                        path = out / f"web-{language}-{name}.png"
                        page.screenshot(path=str(path), full_page=True)
                        print(path)
                    context.close()
                finally:
                    server.terminate()
                    server.wait(10)
        browser.close()
    return 0


def _cli(db: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "renewdesk", "--db", str(db), *args], env=env,
                          check=True, capture_output=True, text=True).stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("serve-links did not start")


if __name__ == "__main__":
    raise SystemExit(main())
