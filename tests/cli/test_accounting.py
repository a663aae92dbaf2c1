"""IV-5 from the command line, on the sandbox: a month of renewals and installments paid by real
runs with a complete seller, a refund, then `renewdesk invoices`, `renewdesk invoice --pdf` and
`renewdesk accounting` (the CSV and the FEC): 18 fields on every FEC line, every entry balanced,
the totals those of the invoices and the payments, the CSV with the same totals; and the
commands' refusals, each one line, exit 2, nothing written."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from renewdesk.domain.accounting import FEC_COLUMNS, FEC_ENCODING
from renewdesk.store.models import Invoice
from tests.builders import card, customer, document, order, service
from tests.conftest import Portfolios, World, d

SIREN = "732829320"
SELLER = ("seller_name=Hébergeur Dupont SARL", "seller_address=4 quai Rambaud\n69002 Lyon",
          "seller_country=FR", f"seller_siren={SIREN}", "seller_vat_number=FR44732829320")
FIRST, LAST = "2027-01-01", "2027-01-31"


def cents(text: str, point: str = ".") -> int:
    whole, _, fraction = text.partition(point)
    return int(whole) * 100 + int(fraction or 0)


@pytest.fixture
def month(world: World, portfolios: Portfolios) -> World:
    """January 2027 (built once, each test given its own copy)."""
    portfolios.restore(world, "accounting-january", january)
    return world


def january(world: World) -> None:
    """January 2027: five customers, renewals charged by the nightly runs (one at two VAT
    rates, one to a German business: reverse charge), the first installment of two orders,
    one payment refunded in part; one customer's card declines."""
    german = customer("C5", card("E", last4="1881"), name="Müller Webdesign GmbH",
                      address="Hauptstraße 5\n10115 Berlin")
    german.update(business=True, country="DE", vat_number="DE136695976")
    books = service("S6", "C2", "2027-01-25", price="21.10", payment_method="B")
    books["vat_rate"] = "5.5"
    world.load(document(
        [customer("C1", card("A"), name="Chloé Dupont"),
         customer("C2", card("B", token="pm_card_mastercard", last4="4444"), name="Luc Martin"),
         customer("C3", card("C", token="pm_card_amex", last4="8431"), name="ACME SARL"),
         customer("C4", card("D", token="pm_card_visa_chargeDeclined", last4="0002"),
                  name="Paul Petit"), german],
        [service("S1", "C1", "2027-01-12", price="12.00", payment_method="A"),
         service("S2", "C1", "2027-01-20", price="30.00", payment_method="A"),
         service("S3", "C2", "2027-01-25", price="99.90", payment_method="B"), books,
         service("S4", "C3", "2027-01-18", price="45.00", payment_method="C"),
         service("S5", "C4", "2027-01-15", price="15.00", payment_method="D"),
         service("S7", "C5", "2027-01-22", price="240.00", payment_method="E")],
        [order("O1", "C2", "B", "2027-01-05", amount="50.00"),
         order("O2", "C3", "C", "2027-01-21", amount="33.33")]), today="2026-12-20")
    code, _out, err = world.cli("settings", *SELLER)
    assert code == 0, err
    world.walk(FIRST, LAST)
    code, _out, err = world.cli("refund", "O1#1/1", "--amount", "20.00", "--reason", "goodwill",
                               "--yes", today="2027-01-28")
    assert code == 0, err


def paid(world: World) -> list[dict[str, Any]]:
    """The month's payments and refunds, as the export gives them."""
    data = json.loads(world.cli("export")[1])
    found = []
    for kind in ("renewals", "installment_orders", "usage_invoices"):
        for item in data.get(kind, []):
            for part in item.get("installments", [item]):
                found += [a for a in part["attempts"] if a["result"] == "succeeded"
                          and FIRST <= a["on"] <= LAST]
    return found


def invoices(world: World) -> list[Invoice]:
    with world.session() as session:
        return list(session.scalars(select(Invoice).where(
            Invoice.issued_on.between(d(FIRST), d(LAST))).order_by(Invoice.id)))


def fec_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode(FEC_ENCODING)
    lines = text.split("\r\n")
    assert lines[0].split("\t") == list(FEC_COLUMNS) and lines[-1] == ""
    assert all(line.count("\t") == 17 for line in lines[:-1])
    return [dict(zip(FEC_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:-1]]


def test_iv5_a_month_lists_its_invoices_and_credit_note(month: World) -> None:
    code, out, err = month.cli("invoices", "--from", FIRST, "--to", LAST)
    assert code == 0, err
    lines = out.splitlines()
    assert len([line for line in lines if "\tinvoice\t" in line]) == len(paid(month)) >= 6
    credit = [line for line in lines if "\tcredit note\t" in line]
    assert len(credit) == 1 and "\t20.00 EUR\tcorrects F2027-" in credit[0]
    assert "C1\tChloé Dupont\t12.00 EUR\tpayment " in out
    code, out, _err = month.cli("invoices", "--from", "2027-02-01")
    assert code == 0 and out == "no invoice or credit note\n"


def test_iv5_the_fec_of_a_month_is_balanced_and_adds_up_to_the_invoices_and_payments(
        month: World, tmp_path: Path) -> None:
    code, out, err = month.cli("accounting", "--from", FIRST, "--to", LAST, "--fec",
                               str(tmp_path))
    assert code == 0, err
    path = tmp_path / f"{SIREN}FEC20270131.txt"
    assert f"written to {path}" in out
    rows = fec_rows(path)
    by_entry: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_entry[row["EcritureNum"]].append(row)
    for number, lines in by_entry.items():
        assert sum(cents(r["Debit"], ",") for r in lines) == sum(
            cents(r["Credit"], ",") for r in lines), number

    def total(journal: str, account: str, side: str) -> int:
        return sum(cents(r[side], ",") for r in rows
                   if r["JournalCode"] == journal and r["CompteNum"] == account)

    issued = invoices(month)
    billed = sum(i.total_minor for i in issued if i.kind == "invoice")
    credited = sum(i.total_minor for i in issued if i.kind == "credit_note")
    vat = sum(i.vat_minor for i in issued if i.kind == "invoice")
    payments = sum(cents(a["amount"]) for a in paid(month))
    assert (billed, credited) == (payments, 2000) and vat > 0
    assert (total("VE", "411", "Debit"), total("VE", "411", "Credit")) == (billed, credited)
    assert total("VE", "44571", "Credit") == vat
    assert (total("BQ", "512", "Debit"), total("BQ", "512", "Credit")) == (payments, 2000)
    reverse = next(lines for lines in by_entry.values()
                   if (lines[0]["JournalCode"], lines[0]["CompAuxNum"]) == ("VE", "C5"))
    assert [r["CompteNum"] for r in reverse] == ["411", "706"]  # reverse charge: no VAT line
    assert [r["CompteNum"] for r in rows if r["EcritureLib"].endswith(" 5,5 %")] == [
        "706", "44571"]
    assert len([n for n in by_entry if n.startswith("VE")]) == len(issued)
    assert len([n for n in by_entry if n.startswith("BQ")]) == len(paid(month)) + 1


def test_iv5_the_csv_of_a_month_has_the_same_totals(month: World, tmp_path: Path) -> None:
    target = tmp_path / "janvier.csv"
    code, out, err = month.cli("accounting", "--from", FIRST, "--to", LAST, "--csv",
                               str(target))
    assert code == 0, err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                               delimiter=";"))
    assert f"({len(rows)} rows)" in out

    def total(kind: str) -> int:
        return sum(cents(r["Total"]) for r in rows if r["Type"] == kind)

    payments = sum(cents(a["amount"]) for a in paid(month))
    assert total("Invoice") == total("Payment") == payments
    assert total("Credit note") == total("Refund") == 2000
    assert sum(cents(r["VAT"]) for r in rows if r["Type"] == "Invoice") == sum(
        i.vat_minor for i in invoices(month) if i.kind == "invoice")


def test_iv5_an_invoice_is_written_as_its_pdf(month: World, tmp_path: Path) -> None:
    number = invoices(month)[0].number
    target = tmp_path / "facture.pdf"
    code, out, err = month.cli("invoice", number, "--pdf", str(target))
    assert code == 0, err
    assert out == f"invoice {number} written to {target}\n"
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "says"), [
    (("invoice", "F2099-000001", "--pdf", "x.pdf"), "F2099-000001"),
    (("accounting", "--from", "2027-01-31", "--to", "2027-01-01", "--csv", "x.csv"),
     "the first date (2027-01-31) is after the last (2027-01-01)"),
    (("accounting", "--from", "2027-01-01", "--to", "31/01/2027", "--csv", "x.csv"), "--to"),
    (("accounting", "--from", "2027-01-01", "--to", "2027-01-31"), "--csv"),
    (("accounting", "--from", "2027-01-01", "--to", "2027-01-31", "--csv", "x.csv", "--fec",
      "y.txt"), "--fec"),
    (("invoices", "--from", "2027-13-01"), "--from"),
])
def test_iv5_bad_input_is_refused_in_one_line_and_nothing_is_written(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
        says: str) -> None:
    monkeypatch.chdir(tmp_path)
    world.cli("export")
    before = world.fingerprint()
    code, out, err = world.cli(*args)
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1, err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.csv").exists()
    assert world.fingerprint() == before


def test_iv5_the_fec_needs_the_sellers_siren(world: World, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = world.cli("accounting", "--from", FIRST, "--to", LAST, "--fec",
                               str(folder))
    assert (code, out) == (2, "") and "SIREN" in err and err.count("\n") == 1
    assert list(folder.iterdir()) == []


def test_iv5_the_fec_refuses_a_month_paid_in_another_currency(world: World,
                                                              tmp_path: Path) -> None:
    yen = service("S9", "C9", "2027-01-12", price="1200", payment_method="Y")
    yen["currency"] = "JPY"
    world.load(document([customer("C9", card("Y"), name="Kenji Sato")], [yen]),
               today="2026-12-20")
    assert world.cli("settings", *SELLER)[0] == 0
    world.walk(FIRST, "2027-01-12")
    target = tmp_path / "fec.txt"
    code, _out, err = world.cli("accounting", "--from", FIRST, "--to", LAST, "--fec",
                               str(target))
    assert code == 2 and "(JPY)" in err and err.count("\n") == 1, err
    assert not target.exists()
    code, _out, err = world.cli("accounting", "--from", FIRST, "--to", LAST, "--csv",
                               str(tmp_path / "all.csv"))
    assert code == 0 and "JPY" in (tmp_path / "all.csv").read_text(encoding="utf-8-sig")


def test_iv1_issue_missing_invoices_older_payments_then_lists_them(
        world: World, env: dict[str, str], tmp_path: Path) -> None:
    """Payments imported paid (made before invoices existed) have no invoice until
    `invoices --issue-missing`, which issues one each, dated today, once."""
    world.load(document([customer("C1", card("A"), name="Chloé Dupont")],
                        [service("S1", "C1", "2027-01-12", payment_method="A")],
                        [order("O1", "C1", "A", "2027-01-05")]), today="2026-12-20")
    world.walk(FIRST, "2027-01-12")
    before = world.export()
    (tmp_path / "older").mkdir()
    older = World(tmp_path / "older", env)
    try:
        older.load(before, today="2027-01-12")
        assert older.cli("invoices")[1] == "no invoice or credit note\n"
        code, _out, err = older.cli("invoices", "--issue-missing", today="2027-02-01")
        assert code == 2 and "seller" in err and err.count("\n") == 1
        assert older.cli("settings", *SELLER)[0] == 0
        code, out, err = older.cli("invoices", "--issue-missing", today="2027-02-01")
        assert code == 0, err
        lines = out.splitlines()
        assert lines[0] == "2 invoice(s) issued for payments that had none: F2027-000001 to " \
                           "F2027-000002"
        assert [line.split("\t")[2] for line in lines[1:]] == ["2027-02-01", "2027-02-01"]
        assert older.cli("invoices", "--issue-missing", today="2027-02-02")[1].startswith(
            "0 invoice(s) issued")
    finally:
        older.close()


def test_iv5_a_month_of_the_demo_data_gives_a_balanced_fec_and_the_same_csv(
        world: World, tmp_path: Path) -> None:
    """The demo sets its own seller: its month's payments are invoiced and the accountant's
    files add up to them."""
    assert world.cli("demo", "--customers", "50", today=FIRST)[0] == 0
    code, _out, err = world.cli("run-due", today=LAST)
    assert code == 0, err
    folder = tmp_path / "out"
    folder.mkdir()
    assert world.cli("accounting", "--from", FIRST, "--to", LAST, "--fec", str(folder))[0] == 0
    assert world.cli("accounting", "--from", FIRST, "--to", LAST, "--csv",
                     str(folder / "jan.csv"))[0] == 0
    [fec] = folder.glob("*FEC20270131.txt")
    rows = fec_rows(fec)
    by_entry: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        by_entry[row["EcritureNum"]][0] += cents(row["Debit"], ",")
        by_entry[row["EcritureNum"]][1] += cents(row["Credit"], ",")
    assert [n for n, (debit, credit) in by_entry.items() if debit != credit] == []
    payments = sum(cents(a["amount"]) for a in paid(world))
    billed = sum(i.total_minor for i in invoices(world))
    assert payments == billed > 0 and len(invoices(world)) == len(paid(world)) >= 5
    assert sum(cents(r["Debit"], ",") for r in rows if r["CompteNum"] == "512") == payments
    assert sum(cents(r["Debit"], ",") for r in rows
               if (r["JournalCode"], r["CompteNum"]) == ("VE", "411")) == billed
    sheet = list(csv.DictReader(io.StringIO(
        (folder / "jan.csv").read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    assert sum(cents(r["Total"]) for r in sheet if r["Type"] == "Invoice") == billed
    assert sum(cents(r["Total"]) for r in sheet if r["Type"] == "Payment") == payments
