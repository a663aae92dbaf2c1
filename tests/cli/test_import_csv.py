"""EXCHANGE.md `import-csv FILE --kind customers|services --map MAPPING.json [--dry-run]`: every
bad row listed by row and column, exit 2 and nothing written; a bad mapping is one clear line,
exit 2; a dry run changes nothing; a card number in a cell is never echoed (PM-2)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO, World

CARD = "4000 0566 5566 5556"
MAP = {"ref": "Client", "name": "Nom", "email": "E-mail", "address": "Adresse",
       "language": "Langue"}


def files(tmp_path: Path, rows: list[list[str]], mapping: object = MAP) -> tuple[str, str]:
    csv = tmp_path / "clients.csv"
    csv.write_bytes("\n".join(";".join(r) for r in [list(MAP.values()), *rows])
                    .encode("cp1252"))
    mapped = tmp_path / "map.json"
    mapped.write_text(json.dumps(mapping) if not isinstance(mapping, str) else mapping)
    return str(csv), str(mapped)


def good(n: int) -> list[str]:
    return [f"C{n}", f"Zoé {n}", f"z{n}@exemple.fr", "1 rue", "fr"]


def test_import_csv_imports_and_a_dry_run_changes_nothing(world: World, tmp_path: Path) -> None:
    csv, mapped = files(tmp_path, [good(1), good(2)])
    code, out, err = world.cli("import-csv", csv, "--kind", "customers", "--map", mapped,
                               "--dry-run")
    assert (code, err) == (0, "") and "customers: 2 created" in out
    assert world.export()["customers"] == []
    code, out, _ = world.cli("import-csv", csv, "--kind", "customers", "--map", mapped)
    assert code == 0 and "customers: 2 created" in out
    assert [c["name"] for c in world.export()["customers"]] == ["Zoé 1", "Zoé 2"]


def test_import_csv_lists_three_bad_rows_and_writes_nothing(world: World, tmp_path: Path) -> None:
    rows = [good(n) for n in range(6)]
    rows[0][2] = "nope"
    rows[2][3] = CARD
    rows[4][0] = ""
    csv, mapped = files(tmp_path, rows)
    code, out, err = world.cli("import-csv", csv, "--kind", "customers", "--map", mapped)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert "3 refusal(s); nothing was imported" in lines[0]
    assert len(lines) == 4
    assert lines[1].startswith("  row 2, column 'E-mail': 'nope'")
    assert lines[2].startswith("  row 4, column 'Adresse' looks like a card number")
    assert lines[3].startswith("  row 6")
    assert CARD not in err and CARD.replace(" ", "") not in err
    assert world.export()["customers"] == []


def test_import_csv_refuses_bad_mappings_with_one_line(world: World, tmp_path: Path) -> None:
    for mapping, said in (("{not json", "not valid JSON"),
                          ({"nom": "Nom"}, "'nom' is not a field of customers"),
                          ({"ref": "Référence"}, "column 'Référence' for 'ref'"),
                          ({"ref": "Client", "options": {"delimiter": "#"}}, "option")):
        csv, mapped = files(tmp_path, [good(1)], mapping)
        code, _out, err = world.cli("import-csv", csv, "--kind", "customers", "--map", mapped)
        assert code == 2 and said in err and len(err.strip().splitlines()) == 1, err
    assert world.export()["customers"] == []


def test_import_csv_with_the_shipped_whmcs_mapping(world: World) -> None:
    data = REPO / "tests" / "data" / "whmcs"
    maps = REPO / "resources" / "mappings"
    assert world.cli("import-csv", str(data / "clients.csv"), "--kind", "customers", "--map",
                     str(maps / "whmcs_clients.json"))[0] == 0
    code, out, err = world.cli("import-csv", str(data / "products.csv"), "--kind", "services",
                               "--map", str(maps / "whmcs_products.json"), today="2026-11-01")
    assert code == 0, err
    assert "services: 4 created" in out


def test_issue18_import_csv_refuses_an_amount_not_written_with_the_files_decimal_mark(
        world: World, tmp_path: Path) -> None:
    """docs/csv-import.md `decimal`: "99.90" beside "12,00" and "1 234,50" is refused by row and
    column, exit 2, nothing written (it was imported as 9990.00)."""
    world.load({"format": "renewdesk/1", "customers": [
        {"ref": "C0", "name": "A", "email": "a@b.fr"}]})
    csv = tmp_path / "services.csv"
    csv.write_bytes("Réf;Client;Type;Libellé;Prix;Devise;Mois;Échéance\n"
                    "S1;C0;web;Pack;12,00;EUR;12;31/12/2027\n"
                    "S2;C0;web;Pack;1 234,50;EUR;12;31/12/2027\n"
                    "S3;C0;web;Pack;99.90;EUR;12;31/12/2027\n".encode("cp1252"))
    mapped = tmp_path / "map.json"
    mapped.write_text(json.dumps({"ref": "Réf", "customer": "Client", "kind": "Type",
                                  "label": "Libellé", "price": "Prix", "currency": "Devise",
                                  "period_months": "Mois", "expires_on": "Échéance",
                                  "defaults": {"billing": "period"}}))
    code, out, err = world.cli("import-csv", str(csv), "--kind", "services", "--map",
                               str(mapped), today="2026-11-01")
    assert code == 2 and out == ""
    assert "row 4, column 'Prix': '99.90'" in err and len(err.strip().splitlines()) == 2
    assert world.export()["services"] == []
