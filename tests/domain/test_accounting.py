"""IV-5: the accountant's CSV and the FEC (LPF art. A47 A-1), from rows given as they are read:
18 fields on every line, each entry balanced, the totals of the documents and payments found
again, a credit note and a refund reversed, no VAT line without VAT, euros only."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from renewdesk.domain.accounting import (
    CHART,
    FEC_COLUMNS,
    FEC_ENCODING,
    PAYMENT,
    REFUND,
    DocumentRow,
    MoneyRow,
    VatPart,
    accounting_csv,
    fec_file,
)
from renewdesk.domain.errors import InputError
from renewdesk.domain.invoice import CREDIT_NOTE, INVOICE

SIREN = "732829320"
CLOSING = date(2027, 1, 31)


def invoice(number: str, on: str, base: int, vat: int, *, rate: str = "20",
            category: str = "S", customer: str = "C1", name: str = "Chloé Dupont",
            kind: str = INVOICE, currency: str = "EUR", relates_to: str | None = None,
            mention: str | None = None) -> DocumentRow:
    return DocumentRow(number=number, kind=kind, issued_on=date.fromisoformat(on),
                       customer_ref=customer, customer_name=name, currency=currency,
                       parts=(VatPart(Decimal(rate), category, base, vat),),
                       total_excl=base, total_vat=vat, total=base + vat,
                       relates_to=relates_to, mention=mention)


def money(kind: str, ref: str, on: str, amount: int, *, customer: str = "C1",
          currency: str = "EUR") -> MoneyRow:
    return MoneyRow(kind=kind, ref=ref, on=date.fromisoformat(on), customer_ref=customer,
                    customer_name="Chloé Dupont", amount=amount, currency=currency,
                    method="visa •••• 4242", relates_to=None)


TWO_RATES = DocumentRow(
    number="F2027-000002", kind=INVOICE, issued_on=date(2027, 1, 10), customer_ref="C2",
    customer_name="ACME, SARL", currency="EUR",
    parts=(VatPart(Decimal("20"), "S", 1000, 200), VatPart(Decimal("5.5"), "S", 2000, 110)),
    total_excl=3000, total_vat=310, total=3310)
DOCUMENTS = [invoice("F2027-000001", "2027-01-05", 1000, 200), TWO_RATES,
             invoice("A2027-000001", "2027-01-20", 500, 100, kind=CREDIT_NOTE,
                     relates_to="F2027-000001")]
MOVES = [money(PAYMENT, "R-1/1", "2027-01-05", 1200),
         money(PAYMENT, "O1#1/1", "2027-01-10", 3310, customer="C2"),
         money(REFUND, "R-1/1/1", "2027-01-20", 600)]


def fec_rows(text: str) -> list[dict[str, str]]:
    lines = text.split("\r\n")
    assert lines[-1] == ""
    return [dict(zip(FEC_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:-1]]


def amount(text: str) -> int:
    whole, cents = text.split(",")
    return int(whole) * 100 + int(cents)


def entries(text: str) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in fec_rows(text):
        found[row["EcritureNum"]].append(row)
    return found


def test_iv5_fec_has_the_18_legal_columns_on_every_line_and_its_legal_name() -> None:
    made = fec_file(SIREN, CLOSING, DOCUMENTS, MOVES)
    assert made.name == "732829320FEC20270131.txt"
    lines = made.text.split("\r\n")[:-1]
    assert lines[0].split("\t") == list(FEC_COLUMNS) and len(FEC_COLUMNS) == 18
    assert all(line.count("\t") == 17 for line in lines)
    made.text.encode(FEC_ENCODING)  # every character is one ISO 8859-15 has


def test_iv5_fec_each_entry_is_balanced_and_the_totals_are_the_inputs() -> None:
    made = fec_file(SIREN, CLOSING, DOCUMENTS, MOVES)
    for number, lines in entries(made.text).items():
        assert sum(amount(r["Debit"]) for r in lines) == sum(amount(r["Credit"]) for r in lines), \
            number
    rows = fec_rows(made.text)

    def total(journal: str, account: str, side: str) -> int:
        return sum(amount(r[side]) for r in rows
                   if r["JournalCode"] == journal and r["CompteNum"] == account)

    assert total("VE", "411", "Debit") == 1200 + 3310  # the invoices' totals
    assert total("VE", "411", "Credit") == 600  # the credit note's
    assert total("VE", "706", "Credit") - total("VE", "706", "Debit") == 1000 + 3000 - 500
    assert total("VE", "44571", "Credit") - total("VE", "44571", "Debit") == 200 + 310 - 100
    assert total("BQ", "512", "Debit") == 1200 + 3310 and total("BQ", "512", "Credit") == 600
    assert total("BQ", "411", "Credit") - total("BQ", "411", "Debit") == 1200 + 3310 - 600


def test_iv5_fec_entries_are_numbered_per_journal_in_date_order() -> None:
    rows = fec_rows(fec_file(SIREN, CLOSING, list(reversed(DOCUMENTS)), MOVES).text)
    seen = list(dict.fromkeys((r["EcritureNum"], r["EcritureDate"], r["PieceRef"])
                              for r in rows))
    assert seen == [("VE000001", "20270105", "F2027-000001"),
                    ("BQ000001", "20270105", "R-1/1"),
                    ("VE000002", "20270110", "F2027-000002"),
                    ("BQ000002", "20270110", "O1#1/1"),
                    ("VE000003", "20270120", "A2027-000001"),
                    ("BQ000003", "20270120", "R-1/1/1")]
    assert all(r["ValidDate"] == r["EcritureDate"] == r["PieceDate"] for r in rows)


def test_iv5_fec_invoice_lines_one_per_rate_with_the_customer_auxiliary_account() -> None:
    rows = [r for r in fec_rows(fec_file(SIREN, CLOSING, [TWO_RATES], []).text)]
    assert [(r["CompteNum"], r["CompAuxNum"], r["CompAuxLib"], r["Debit"], r["Credit"])
            for r in rows] == [("411", "C2", "ACME, SARL", "33,10", "0,00"),
                               ("706", "", "", "0,00", "10,00"),
                               ("44571", "", "", "0,00", "2,00"),
                               ("706", "", "", "0,00", "20,00"),
                               ("44571", "", "", "0,00", "1,10")]
    assert rows[4]["EcritureLib"] == "Facture F2027-000002 TVA 5,5 %"
    assert {(r["JournalCode"], r["JournalLib"]) for r in rows} == {
        (CHART.sales_journal.number, CHART.sales_journal.label)}
    assert all(r["Montantdevise"] == r["Idevise"] == r["EcritureLet"] == "" for r in rows)


def test_iv5_fec_credit_note_is_the_invoice_reversed() -> None:
    credit = invoice("A2027-000001", "2027-01-20", 500, 100, kind=CREDIT_NOTE,
                     relates_to="F2027-000001")
    rows = fec_rows(fec_file(SIREN, CLOSING, [credit], []).text)
    assert [(r["CompteNum"], r["Debit"], r["Credit"]) for r in rows] == [
        ("411", "0,00", "6,00"), ("706", "5,00", "0,00"), ("44571", "1,00", "0,00")]
    assert rows[0]["EcritureLib"] == "Avoir A2027-000001 Chloé Dupont"


def test_iv5_fec_refund_is_the_payment_reversed() -> None:
    rows = fec_rows(fec_file(SIREN, CLOSING, [], MOVES[:1] + MOVES[2:]).text)
    assert [(r["JournalCode"], r["CompteNum"], r["CompAuxNum"], r["Debit"], r["Credit"])
            for r in rows] == [("BQ", "512", "", "12,00", "0,00"),
                               ("BQ", "411", "C1", "0,00", "12,00"),
                               ("BQ", "512", "", "0,00", "6,00"),
                               ("BQ", "411", "C1", "6,00", "0,00")]
    assert rows[0]["EcritureLib"] == "Paiement R-1/1 Chloé Dupont visa **** 4242"


def test_iv5_fec_reverse_charge_invoice_has_no_vat_line() -> None:
    eu = invoice("F2027-000003", "2027-01-12", 5000, 0, rate="0", category="AE",
                 mention="reverse_charge")
    rows = fec_rows(fec_file(SIREN, CLOSING, [eu], []).text)
    assert [(r["CompteNum"], r["Debit"], r["Credit"], r["EcritureLib"]) for r in rows] == [
        ("411", "50,00", "0,00", "Facture F2027-000003 Chloé Dupont"),
        ("706", "0,00", "50,00", "Facture F2027-000003 HT autoliquidation")]


def test_iv5_fec_refuses_a_range_holding_jpy_and_names_it() -> None:
    yen = invoice("F2027-000004", "2027-01-15", 1000, 200, currency="JPY")
    with pytest.raises(InputError) as refused:
        fec_file(SIREN, CLOSING, [*DOCUMENTS, yen],
                 [*MOVES, money(PAYMENT, "R-9/1", "2027-01-15", 1200, currency="JPY")])
    assert "F2027-000004 (JPY)" in str(refused.value) and "R-9/1 (JPY)" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_iv5_fec_fields_never_hold_a_tab_or_a_character_outside_latin9() -> None:
    odd = invoice("F2027-000005", "2027-01-16", 1000, 200, name="Łukasz\tNowak\n→ SARL")
    rows = fec_rows(fec_file(SIREN, CLOSING, [odd], []).text)
    assert rows[0]["CompAuxLib"] == "Lukasz Nowak ? SARL"


def test_iv5_a_document_that_does_not_add_up_is_never_written() -> None:
    wrong = DocumentRow(number="F2027-000006", kind=INVOICE, issued_on=date(2027, 1, 2),
                        customer_ref="C1", customer_name="X", currency="EUR",
                        parts=(VatPart(Decimal(20), "S", 1000, 200),), total_excl=1000,
                        total_vat=200, total=1201)
    with pytest.raises(ValueError, match="F2027-000006"):
        fec_file(SIREN, CLOSING, [wrong], [])


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_iv5_csv_one_row_per_document_and_payment_with_the_same_totals() -> None:
    yen = invoice("F2027-000004", "2027-01-15", 1000, 0, currency="JPY", rate="0",
                  category="G", mention="outside_eu")
    text = accounting_csv([*DOCUMENTS, yen], MOVES)
    assert "\r\n" in text
    rows = csv_rows(text)
    assert [(r["Type"], r["Number"], r["Date"]) for r in rows] == [
        ("Invoice", "F2027-000001", "2027-01-05"), ("Payment", "R-1/1", "2027-01-05"),
        ("Invoice", "F2027-000002", "2027-01-10"), ("Payment", "O1#1/1", "2027-01-10"),
        ("Invoice", "F2027-000004", "2027-01-15"),
        ("Credit note", "A2027-000001", "2027-01-20"), ("Refund", "R-1/1/1", "2027-01-20")]
    euros = [r for r in rows if r["Currency"] == "EUR"]

    def cents(kind: str, column: str) -> int:
        return sum(int(r[column].replace(".", "")) for r in euros if r["Type"] == kind)

    assert cents("Invoice", "Total") == 1200 + 3310 and cents("Credit note", "Total") == 600
    assert cents("Invoice", "VAT") == 200 + 310 and cents("Invoice", "Total excl. VAT") == 4000
    assert cents("Payment", "Total") == 1200 + 3310 and cents("Refund", "Total") == 600
    assert rows[2]["VAT breakdown"] == ("20% (S): 10.00 excl. VAT + 2.00 VAT | "
                                        "5.5% (S): 20.00 excl. VAT + 1.10 VAT")
    assert rows[2]["Customer"] == "ACME, SARL"
    assert rows[4]["Total"] == "1000" and rows[4]["Mention"].startswith("TVA non applicable")
    assert rows[5]["Relates to"] == "F2027-000001"
    assert rows[1]["Payment method"] == "visa •••• 4242"


def test_iv5_csv_speaks_french_to_a_french_reader() -> None:
    rows = csv_rows(accounting_csv(DOCUMENTS[1:2], [], "fr"))
    assert rows[0]["Type"] == "Facture" and rows[0]["Total TTC"] == "33.10"
    assert rows[0]["Détail de la TVA"].endswith("5,5 % (S) : 20.00 HT + 1.10 TVA")
