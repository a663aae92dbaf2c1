"""Screenshots of an invoice's PDF (IV-1, IV-4) in French and English, from a realistic sample
document: a business buyer, two rates, a logo, a paid renewal.

    .venv/bin/python scripts/invoice_screenshots.py [--out DIR]

Writes invoice-fr.png and invoice-en.png (pdftoppm at 60 dpi; scripts/pdf-deps installs it).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from renewdesk.domain.invoice import INVOICE, InvoiceDocument, Line, Party, SellerTerms, VatBreakdown  # noqa: E402
from renewdesk.invoicing.pdf import FONTS, invoice_pdf  # noqa: E402


def logo() -> bytes:
    image = Image.new("RGB", (360, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 119, 119), radius=22, fill=(32, 86, 160))
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 64)
    draw.text((60, 60), "AN", font=bold, fill="white", anchor="mm")
    draw.text((140, 60), "atelier\nnumérique", font=ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34),
              fill=(32, 86, 160), anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample(language: str) -> InvoiceDocument:
    lines = (
        Line(description="Hébergement mutualisé Pro – boulangerie-durand.fr", quantity=1,
             unit_price_excl=19900, vat_rate=Decimal("20"), vat_category="S", total_excl=19900,
             period="2027-03-15 – 2028-03-14", service_ref="S-0187"),
        Line(description="Nom de domaine boulangerie-durand.fr", quantity=1, unit_price_excl=1250,
             vat_rate=Decimal("20"), vat_category="S", total_excl=1250,
             period="2027-03-15 – 2028-03-14", service_ref="S-0188"),
        Line(description="Boîtes e-mail Pro (5 Go)", quantity=4, unit_price_excl=350,
             vat_rate=Decimal("20"), vat_category="S", total_excl=1400, period="2027-03",
             service_ref="S-0190"),
        Line(description="Abonnement presse professionnelle en ligne", quantity=1,
             unit_price_excl=123456, vat_rate=Decimal("5.5"), vat_category="S", total_excl=123456,
             period="2/3", service_ref="S-0201"),
    )
    breakdown = (VatBreakdown(rate=Decimal("20"), category="S", base=22550, vat=4510),
                 VatBreakdown(rate=Decimal("5.5"), category="S", base=123456, vat=6790))
    return InvoiceDocument(
        number="F2027-000123", kind=INVOICE, issued_on=date(2027, 3, 15), currency="EUR",
        language=language,
        seller=Party(name="Atelier Numérique SARL", address="12 rue des Lilas\n75011 Paris",
                     country="FR", siren="812345678", siret="81234567800021",
                     vat_number="FR32812345678", email="factures@atelier-numerique.fr"),
        terms=SellerTerms(
            footer="SARL au capital de 10 000 € – RCS Paris 812 345 678 – APE 6311Z\n"
                   "Payé par carte ou prélèvement : aucun virement à faire",
            late_penalty="3 fois le taux d'intérêt légal", logo=logo(), phone="+33 1 23 45 67 89"),
        buyer=Party(name="Boulangerie Durand SAS", address="3 place du Marché\n33000 Bordeaux",
                    country="FR", siren="552100554", vat_number="FR40552100554",
                    email="compta@boulangerie-durand.fr"),
        customer_ref="C-0042", lines=lines, breakdown=breakdown, total_excl=146006,
        total_vat=11300, total=157306, paid_on=date(2027, 3, 15), paid_with="visa •••• 4242",
        payment_ref="R-1/1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm is missing: run scripts/pdf-deps")
    with tempfile.TemporaryDirectory() as work:
        for language in ("fr", "en"):
            pdf = Path(work) / f"invoice-{language}.pdf"
            doc = sample(language)
            if language == "en":
                doc = replace(doc, buyer=replace(doc.buyer, name="Durand Bakery Ltd"))
            pdf.write_bytes(invoice_pdf(doc))
            subprocess.run([pdftoppm, "-png", "-r", "60", "-singlefile", str(pdf),
                            str(args.out / f"invoice-{language}")], check=True)
            print(args.out / f"invoice-{language}.png")


if __name__ == "__main__":
    main()
