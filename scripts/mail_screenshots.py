"""Screenshots of the e-mails' HTML part (HM-4) after the README's tour (HM-2): the account
manager's digest and Greta Keller's installment e-mail, in headless Chromium.

    .venv/bin/python scripts/mail_screenshots.py [--out DIR]

Writes docs/screenshots/{en,fr}-digest-email.png and {en,fr}-customer-email.png. The digest is
in the seller's language (seller_language set to each); Greta's e-mail is in hers (English), so
the French one shows a French customer's e-mail: Greta written to in French.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT.parent / "shared" / "spec" / "portfolio.example.json"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SELLER = ("seller_name=Hébergement Lumière SARL", "seller_address=12 quai Rambaud\n69002 Lyon",
          "seller_phone=04 78 00 00 00", "seller_email=contact@lumiere-hebergement.fr",
          "seller_signature=À votre service,\nL'équipe Lumière")


def logo() -> str:
    """A made-up logo: a blue rounded square with the seller's initials, as base64 PNG."""
    image = Image.new("RGBA", (192, 192), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 191, 191), radius=36, fill=(29, 95, 168, 255))
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 92)
    except OSError:
        font = ImageFont.load_default()
    draw.text((96, 98), "HL", fill="white", font=font, anchor="mm")
    data = io.BytesIO()
    image.save(data, "PNG")
    return base64.b64encode(data.getvalue()).decode()


def _cli(db: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "renewdesk", "--db", str(db), *args], env=env,
                   check=True, stdout=subprocess.DEVNULL)


def tour(db: Path, env: dict[str, str], language: str) -> dict[str, str]:
    """The tour as of 5 December with the seller in `language`; the two e-mails' HTML."""
    logo_text = logo()
    _cli(db, env, "--today", "2026-11-01", "settings", *SELLER, f"seller_logo={logo_text}",
         f"seller_language={language}")
    _cli(db, env, "--today", "2026-11-01", "import", str(EXAMPLE))
    if language == "fr":  # Greta reads French here, to show a customer's e-mail in French
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE customer SET language = 'fr' WHERE ref = 'CUST-002'")
    _cli(db, env, "--today", "2026-12-01", "run-due")
    _cli(db, env, "--today", "2026-12-05", "run-due")
    with sqlite3.connect(db) as connection:
        rows = dict(connection.execute(
            "SELECT kind, html FROM notification WHERE kind IN ('seller_alert', "
            "'installment_failed') AND created_on = '2026-12-05'").fetchall())
    inline = f"data:image/png;base64,{logo_text}"  # what the mail client shows for the cid
    return {"digest": rows["seller_alert"].replace("cid:seller-logo", inline),
            "customer": rows["installment_failed"].replace("cid:seller-logo", inline)}


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
        page = browser.new_page(viewport={"width": 760, "height": 600})
        for language in ("en", "fr"):
            env = {**os.environ, "PYTHONPATH": str(ROOT), "RENEWDESK_LOG_DIR": folder,
                   "RENEWDESK_CONFIG_DIR": folder}
            for name, html in tour(Path(folder) / f"{language}.db", env, language).items():
                page.set_content(html)
                target = out / f"{language}-{name}-email.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
