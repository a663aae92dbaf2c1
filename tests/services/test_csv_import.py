"""Issue 18, done-when 3 (EXCHANGE.md `import-csv`): a CSV file's rows go through the importer
with their mapping; Windows-1252, semicolons, French decimal commas and DD/MM/YYYY dates are
read; a file with bad rows is refused whole with every row and column named, nothing written;
the shipped WHMCS mappings import files made from WHMCS's documented columns."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from renewdesk.services.exchange import csv_file
from tests.conftest import REPO, World

WHMCS = REPO / "tests" / "data" / "whmcs"
CARD = "4000 0566 5566 5556"
SERVICES = {"ref": "N° contrat", "customer": "Client", "kind": "Type", "label": "Libellé",
            "billing": "Facturation", "price": "Prix TTC", "currency": "Devise",
            "period_months": "Mois", "expires_on": "Échéance"}
CUSTOMERS = {"ref": "Client", "name": "Nom", "email": "E-mail", "address": "Adresse",
             "language": "Langue"}


def mapping(kind: str, columns: dict[str, str]) -> csv_file.ColumnMapping:
    return csv_file.parse_mapping(dict(columns), kind)


def write(path: Path, header: list[str], rows: list[list[str]], encoding: str = "cp1252") -> Path:
    path.write_bytes("\r\n".join(";".join(r) for r in [header, *rows]).encode(encoding))
    return path


def test_a_10000_row_windows_1252_file_with_decimal_commas_and_french_dates_imports(
        world: World, tmp_path: Path) -> None:
    customers = write(tmp_path / "clients.csv", list(CUSTOMERS.values()),
                      [[f"C{n}", f"Hélène Côté {n}", f"c{n}@exemple.fr", f"{n} rue de l'Église",
                        "fr"] for n in range(100)])
    rows = [[f"S{n}", f"C{n % 100}", "hébergement", f"Pack n°{n}", "period",
             f"{1 + n % 3} {n % 1000:03d},{n % 100:02d}", "EUR", "12",
             f"{1 + n % 28:02d}/{1 + n % 12:02d}/2027"] for n in range(10_000)]
    services = write(tmp_path / "services.csv", list(SERVICES.values()), rows)
    ctx = world.ctx("2026-11-01")
    made = csv_file.read_csv_file(customers, mapping("customers", CUSTOMERS), "clients.csv")
    assert made.options.encoding == "cp1252" and made.options.delimiter == ";"
    assert csv_file.import_csv(ctx, made).count("customers") == 100
    started = time.perf_counter()
    made = csv_file.read_csv_file(services, mapping("services", SERVICES), "services.csv")
    assert (made.options.decimal, made.options.date_format) == (",", "DD/MM/YYYY")
    imported = csv_file.import_csv(ctx, made)
    seconds = time.perf_counter() - started
    assert imported.count("services") == 10_000
    print(f"10,000 CSV rows imported in {seconds:.2f} s")
    state = {s["ref"]: s for s in world.export()["services"]}
    assert state["S1234"]["price"] == "2234.34"  # "2 234,34"
    assert state["S1234"]["expires_on"] == "2027-11-03"  # "03/11/2027"
    assert world.export()["customers"][0]["name"].startswith("Hélène Côté")


def test_three_bad_rows_are_refused_with_their_rows_and_columns_and_nothing_is_written(
        world: World, tmp_path: Path) -> None:
    rows = [[f"C{n}", f"Client {n}", f"c{n}@exemple.fr", "1 rue", "fr"] for n in range(10)]
    rows[2][2] = "pas-une-adresse"  # row 4
    rows[5][3] = CARD  # row 7: PM-2, never echoed
    rows[8][4] = "de"  # row 10
    path = write(tmp_path / "bad.csv", list(CUSTOMERS.values()), rows)
    made = csv_file.read_csv_file(path, mapping("customers", CUSTOMERS), "bad.csv")
    before = world.export()
    with pytest.raises(csv_file.CsvRefused) as refused:
        csv_file.import_csv(world.ctx("2026-11-01"), made, "bad.csv")
    found = refused.value.preview.refusals
    assert [(r.row, r.column) for r in found] == [(4, "E-mail"), (7, "Adresse"), (10, "Langue")]
    assert world.export() == before
    text = refused.value.words("en")
    assert "row 4, column 'E-mail'" in text and CARD not in text
    assert "ligne 7, colonne 'Adresse'" in refused.value.words("fr")


def test_a_date_not_in_the_files_form_is_refused_by_row_and_column(world: World,
                                                                   tmp_path: Path) -> None:
    world.load({"format": "renewdesk/1", "customers": [
        {"ref": "C0", "name": "A", "email": "a@b.fr"}]})
    rows = [["S1", "C0", "web", "Pack", "period", "12,00", "EUR", "12", "31/02/2027"]]
    path = write(tmp_path / "s.csv", list(SERVICES.values()), rows)
    made = csv_file.read_csv_file(path, mapping("services", SERVICES), "s.csv")
    with pytest.raises(csv_file.CsvRefused) as refused:
        csv_file.import_csv(world.ctx("2026-11-01"), made)
    (only,) = refused.value.preview.refusals
    assert (only.row, only.column) == (2, "Échéance")


def test_whmcs_mappings_import_files_made_from_the_documented_columns(world: World) -> None:
    ctx = world.ctx("2026-11-01")
    clients = csv_file.load_mapping(csv_file.MAPPINGS / "whmcs_clients.json", "customers",
                                    "whmcs_clients.json")
    made = csv_file.read_csv_file(WHMCS / "clients.csv", clients, "clients.csv")
    assert csv_file.import_csv(ctx, made).count("customers") == 3
    products = csv_file.load_mapping(csv_file.MAPPINGS / "whmcs_products.json", "services",
                                     "whmcs_products.json")
    made = csv_file.read_csv_file(WHMCS / "products.csv", products, "products.csv")
    assert csv_file.import_csv(ctx, made).count("services") == 4
    state = world.export()
    people = {c["ref"]: c for c in state["customers"]}
    assert people["1"]["name"] == "Jean Dupont" and people["1"]["language"] == "fr"
    services = {s["ref"]: s for s in state["services"]}
    assert services["10"]["period_months"] == 12 and services["10"]["price"] == "59.88"
    assert services["12"]["period_months"] == 24 and services["12"]["status"] == "suspended"
    assert services["13"]["status"] == "cancelled"  # WHMCS "Terminated"


def test_a_mapping_naming_an_unknown_field_or_a_missing_column_is_refused(
        tmp_path: Path) -> None:
    with pytest.raises(csv_file.InputError, match="'nom' is not a field of customers"):
        csv_file.parse_mapping({"nom": "Nom"}, "customers")
    path = write(tmp_path / "c.csv", ["Client"], [["C1"]])
    with pytest.raises(csv_file.InputError, match="column 'Nom' for 'name'"):
        csv_file.read_csv_file(path, mapping("customers", {"name": "Nom"}), "c.csv")


def services_file(tmp_path: Path, prices: list[str]) -> Path:
    rows = [[f"S{n}", "C0", "web", "Pack", "period", price, "EUR", "12", "31/12/2027"]
            for n, price in enumerate(prices, start=1)]
    return write(tmp_path / "prices.csv", list(SERVICES.values()), rows)


def test_issue18_a_decimal_comma_file_never_reads_an_amount_100_times_too_large(
        world: World, tmp_path: Path) -> None:
    """docs/csv-import.md `decimal`: "99.90" in a file whose mark is a comma is refused by row
    and column, never read as 9990.00; "12,00" and "1 234,50" read as 12.00 and 1234.50."""
    world.load({"format": "renewdesk/1", "customers": [
        {"ref": "C0", "name": "A", "email": "a@b.fr"}]})
    ctx = world.ctx("2026-11-01")
    path = services_file(tmp_path, ["12,00", "1 234,50", "99.90"])
    made = csv_file.read_csv_file(path, mapping("services", SERVICES), "prices.csv")
    assert made.options.decimal == ","
    with pytest.raises(csv_file.CsvRefused) as refused:
        csv_file.import_csv(ctx, made, "prices.csv")
    (only,) = refused.value.preview.refusals
    assert (only.row, only.column) == (4, "Prix TTC")
    assert "row 4, column 'Prix TTC': '99.90'" in refused.value.words("en")
    assert world.export()["services"] == []
    path = services_file(tmp_path, ["12,00", "1 234,50", "1.234,50"])
    made = csv_file.read_csv_file(path, mapping("services", SERVICES), "prices.csv")
    csv_file.import_csv(ctx, made)
    assert [s["price"] for s in world.export()["services"]] == ["12.00", "1234.50", "1234.50"]


def test_issue18_a_decimal_point_file_refuses_a_decimal_comma_by_row_and_column(
        world: World, tmp_path: Path) -> None:
    """docs/csv-import.md `decimal`: with a decimal point, "12,50" is refused (never 1250) and
    "1,234.50" reads as 1234.50."""
    world.load({"format": "renewdesk/1", "customers": [
        {"ref": "C0", "name": "A", "email": "a@b.fr"}]})
    path = services_file(tmp_path, ["1,234.50", "12,50"])
    given = {**SERVICES, "options": {"decimal": "."}}
    made = csv_file.read_csv_file(path, csv_file.parse_mapping(given, "services"), "p.csv")
    with pytest.raises(csv_file.CsvRefused) as refused:
        csv_file.import_csv(world.ctx("2026-11-01"), made)
    (only,) = refused.value.preview.refusals
    assert (only.row, only.column) == (3, "Prix TTC")
    assert world.export()["services"] == []


@pytest.mark.parametrize(("cell", "decimal", "read"), [
    ("12,00", ",", "12.00"), ("1 234,50", ",", "1234.50"), ("1.234,50", ",", "1234.50"),
    ("1\u202f234\u202f567,89", ",", "1234567.89"), ("1,234.50", ".", "1234.50"),
    ("1'234.50", ".", "1234.50"), ("-12,5", ",", "-12.5"), ("1234", ".", "1234"),
    ("99.90", ",", None), ("12,50", ".", None), ("12.345.6", ",", None),
    ("1 23,50", ",", None), ("1 234.567,50", ",", None), ("12 EUR", ",", "12 EUR")])
def test_issue18_a_thousands_separator_only_groups_three_digits(cell: str, decimal: str,
                                                                read: str | None) -> None:
    """docs/csv-import.md `decimal`: a separator is removed only where it groups exactly three
    digits; other digits and marks are None (refused); other text is left to the importer."""
    assert csv_file.amount(cell, decimal) == read


def test_issue18_pm2_a_card_number_in_an_amount_column_is_refused_and_never_echoed(
        world: World, tmp_path: Path) -> None:
    world.load({"format": "renewdesk/1", "customers": [
        {"ref": "C0", "name": "A", "email": "a@b.fr"}]})
    path = services_file(tmp_path, ["12,00", CARD])
    made = csv_file.read_csv_file(path, mapping("services", SERVICES), "p.csv")
    with pytest.raises(csv_file.CsvRefused) as refused:
        csv_file.import_csv(world.ctx("2026-11-01"), made)
    for language in ("en", "fr"):
        text = refused.value.words(language)
        assert CARD not in text and CARD.replace(" ", "") not in text
    assert refused.value.preview.refusals[0].row == 3
