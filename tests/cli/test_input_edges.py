"""Issue 16: what broke at the edges, on data from other tools and French businesses. PM-2 lets
through what is not a card number and refuses what is, however it is written; every bad input is
exit 2 with one line naming the field, the same on SQLite and PostgreSQL, and nothing changed
(EXCHANGE.md's exit-status contract)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_exchange import _base, _file, traces
from tests.conftest import EXAMPLE, World

CARD_NBSP = "4111\u00a01111\u00a01111\u00a01111"  # a test card number, only ever refused
IBAN = "FR76 3000 6000 0112 3456 7890 189"  # a test IBAN, only ever refused


def _example() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text())
    return doc


def _write(path: Path, doc: object) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_pm2_a_customer_named_with_its_siret_is_imported(world: World, tmp_path: Path) -> None:
    doc = _example()
    doc["customers"][0]["name"] = "ACME SAS, SIRET 732 829 320 00074"
    doc["customers"][1]["address"] = "12 rue des Lilas, 69003 Lyon – SIRET 73282932000074"
    code, _out, err = world.cli("import", _write(tmp_path / "siret.json", doc), today="2026-11-01")
    assert code == 0, err
    names = {c["ref"]: c["name"] for c in world.export()["customers"]}
    assert names[doc["customers"][0]["ref"]] == "ACME SAS, SIRET 732 829 320 00074"


def test_pm2_a_13_digit_invoice_number_is_imported_and_found(world: World, tmp_path: Path) -> None:
    doc = _example()
    order = doc["installment_orders"][0]
    order["invoice_number"] = "FA-2026120100014"  # Luhn-valid: refused before
    code, _out, err = world.cli("import", _write(tmp_path / "invoice.json", doc),
                                today="2026-11-01")
    assert code == 0, err
    code, out, err = world.cli("find-orders", "FA-2026120100014")
    assert code == 0, err
    assert order["ref"] in out


def test_pm2_a_file_named_after_a_luhn_valid_time_stamp_is_read_and_written(
        world: World, tmp_path: Path) -> None:
    name = tmp_path / "export-20261201143017-portfolio.json"  # its digits are Luhn-valid
    name.write_text(EXAMPLE.read_text())
    code, _out, err = world.cli("import", str(name), today="2026-11-01")
    assert code == 0, err


def test_pm2_a_file_to_write_is_named_as_the_user_likes(tmp_path: Path,
                                                       env: dict[str, str]) -> None:
    world = World(tmp_path, env)  # backups are SQLite's
    try:
        out_file = tmp_path / "backup-4111111111111111.sqlite"  # a name given for output
        code, _out, err = world.cli("backup", str(out_file))
        assert code == 0, err
        assert out_file.exists()
    finally:
        world.close()


def test_pm2_a_card_number_is_refused_where_a_file_name_does_not_exist(world: World) -> None:
    code, out, err = world.cli("import", "/nonexistent/4111111111111111.json")
    assert code == 2 and "looks like a card number" in err
    assert "4111111111111111" not in out + err


@pytest.mark.parametrize(("value", "what"), [
    (f"Client {CARD_NBSP}", "looks like a card number"),
    ("Client 4111\u202f1111\u202f1111\u202f1111", "looks like a card number"),
    ("Client 4111  1111  1111  1111", "looks like a card number"),
    ("Client 4111–1111–1111–1111", "looks like a card number"),
    (f"IBAN {IBAN}", "looks like an IBAN"),
    (f"IBAN\u00a0{IBAN.replace(' ', '')}", "looks like an IBAN"),
])
def test_pm2_card_numbers_and_ibans_with_any_separator_are_refused_and_stored_nowhere(
        world: World, tmp_path: Path, value: str, what: str) -> None:
    doc = _example()
    doc["customers"][0]["address"] = value
    path = tmp_path / "sensitive.json"
    code, out, err = world.cli("import", _write(path, doc), today="2026-11-01")
    assert code == 2 and what in err and err.count("\n") == 1
    secret = value.removeprefix("Client ").removeprefix("IBAN").lstrip(" \u00a0")
    assert secret not in out + err
    path.unlink()
    everything = traces(world)
    for form in (secret, "4111111111111111", IBAN.replace(" ", "")):
        assert form.encode() not in everything


def test_pm2_an_iban_as_a_command_argument_is_refused_unechoed(world: World) -> None:
    assert world.cli("import", str(EXAMPLE), today="2026-11-01")[0] == 0
    code, out, err = world.cli("find-orders", IBAN)
    assert code == 2 and "looks like an IBAN" in err
    assert IBAN not in out + err


def _deep(depth: int) -> str:
    return ('{"format": "renewdesk/1", "events": [{"ref": "EV-1", "type": "x", "on": '
            '"2026-11-01", "subject": "CUST-001", "data": ' + '{"a": ' * depth + "1"
            + "}" * depth + "}]}")


def test_a_deeply_nested_file_is_bad_input(world: World, tmp_path: Path) -> None:
    before = _base(world, tmp_path)
    for depth in (100_000, 40):
        path = tmp_path / "deep.json"
        path.write_text(_deep(depth))
        code, _out, err = world.cli("import", str(path), today="2026-11-02")
        assert code == 2, err
        assert err.count("\n") == 1 and "nested" in err
    assert world.fingerprint() == before


def test_a_latin1_file_is_named_with_where_it_is_not_utf8(world: World, tmp_path: Path) -> None:
    before = _base(world, tmp_path)
    doc = _example()
    doc["customers"][0]["name"] = "Société Générale"
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(doc, ensure_ascii=False, indent=1).encode("latin-1"))
    code, _out, err = world.cli("import", str(path), today="2026-11-02")
    assert code == 2 and err.count("\n") == 1
    assert "not UTF-8" in err and "0xE9" in err and "line " in err and "Latin-1" in err
    assert world.fingerprint() == before


def test_a_utf8_file_with_a_byte_order_mark_is_read(world: World, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    code, _out, err = world.cli("import", str(path), today="2026-11-01")
    assert code == 0, err


def _twice(d: dict[str, Any]) -> None:
    d["customers"].append(dict(d["customers"][0], name="Second entry"))


def _long_name(d: dict[str, Any]) -> None:
    d["customers"][0]["name"] = "x" * 10_000


# Each refused the same way on SQLite and PostgreSQL (the `world` fixture runs both).
EDGES = {
    "10,000-character name": (_long_name, "customers[0].name: 10,000 characters, at most 200"),
    "NUL byte": (lambda d: d["customers"][0].update(address="12 rue\x00 des Lilas"),
                 "customers[0].address: character U+0000"),
    "control character in a label": (lambda d: d["services"][0].update(label="dupont\x1b.fr"),
                                     "services[0].label: character U+001B"),
    "31-digit price": (lambda d: d["services"][0].update(price="1" * 31), "services[0].price"),
    "31-digit quantity": (lambda d: d["usage"][0].update(quantity=10**31), "usage[0].quantity"),
    "exponent in an amount": (lambda d: d["services"][0].update(price="1e3"),
                              "services[0].price: '1e3' is not a decimal amount"),
    "JSON exponent": (lambda d: d["services"][0].update(price=1e1), "services[0].price"),
    "same customer twice": (_twice, "customers[3].ref"),
    "same service twice": (lambda d: d["services"].append(dict(d["services"][0])),
                           "is given twice, at services[0]"),
    "same method twice": (lambda d: d["customers"][1]["payment_methods"].append(
        dict(d["customers"][0]["payment_methods"][0])), "is given twice, at customers[0]"),
    "event data too deep": (lambda d: d.update(events=[{
        "ref": "EV-1", "type": "x", "on": "2026-11-01", "subject": "CUST-001",
        "data": json.loads('{"a": ' * 40 + "1" + "}" * 40)}]), "nested more than"),
    # References are looked up before their objects are read: PostgreSQL refused a NUL in the
    # lookup with an SQL dump, SQLite could not encode a lone surrogate.
    "NUL in a customer's reference": (lambda d: d["customers"][0].update(ref="CUST\x00-1"),
                                      "customers[0].ref: character U+0000"),
    "lone surrogate in a service's reference": (lambda d: d["services"][0].update(
        ref="SRV-\ud800"), "services[0].ref: character U+D800"),
    "NUL in a renewal's services": (lambda d: d.update(renewals=[{
        "ref": "REN-1", "customer": d["customers"][0]["ref"], "currency": "EUR",
        "amount": "10.00", "status": "scheduled", "notice_on": "2026-11-20",
        "charge_on": "2026-11-25", "services": ["SRV\x00"]}]), "renewals[0].services[0]: character U+0000"),
    "NaN in an event's data": (lambda d: d.update(events=[{
        "ref": "EV-1", "type": "x", "on": "2026-11-01", "subject": "CUST-001",
        "data": {"rate": float("nan")}}]), "NaN is not a JSON number"),
    "Infinity as a quantity": (lambda d: d["usage"][0].update(quantity=float("inf")),
                               "Infinity is not a JSON number"),
}


@pytest.mark.parametrize("case", sorted(EDGES))
def test_bad_field_exits_2_naming_it_on_both_databases(world: World, tmp_path: Path,
                                                      case: str) -> None:
    before = _base(world, tmp_path)
    change, expected = EDGES[case]
    code, _out, err = world.cli("import", _file(tmp_path, change), today="2026-11-02")
    assert code == 2, err
    assert err.count("\n") == 1 and expected in err
    assert world.fingerprint() == before


@pytest.mark.parametrize(("literal", "expected"), [
    ("1e999", "events[0].data.n: a number too large to be stored"),
    ("9" * 5000, "number.json: a number with more digits than any amount"),
    ("-1e400", "events[0].data.n: a number too large to be stored"),
])
def test_numbers_python_reads_and_no_database_stores_are_bad_input(
        world: World, tmp_path: Path, literal: str, expected: str) -> None:
    """A number beyond what Python turns into an int (4,300 digits) or a float (infinity)."""
    before = _base(world, tmp_path)
    path = tmp_path / "number.json"
    path.write_text('{"format": "renewdesk/1", "events": [{"ref": "EV-1", "type": "x", "on": '
                    f'"2026-11-01", "subject": "CUST-001", "data": {{"n": {literal}}}}}]}}')
    code, _out, err = world.cli("import", str(path), today="2026-11-02")
    assert code == 2 and err.count("\n") == 1 and expected in err
    assert world.fingerprint() == before


@pytest.mark.parametrize(("amount", "expected"), [
    ("1" * 31, "too large"), ("1e1", "not a decimal amount"), ("40.00e0", "not a decimal"),
])
def test_plan_update_amounts_are_decimal_strings_in_range(world: World, tmp_path: Path,
                                                         amount: str, expected: str) -> None:
    before = _base(world, tmp_path)
    code, _out, err = world.cli("plan-update", "ORD-1001", "--amount", amount)
    assert code == 2 and err.count("\n") == 1 and expected in err
    assert world.fingerprint() == before


def test_find_orders_names_a_search_text_no_database_compares(world: World,
                                                               tmp_path: Path) -> None:
    before = _base(world, tmp_path)
    for text, expected in (("x" * 300, "the search text: 300 characters, at most 200"),
                           ("FA\x1b2026", "the search text: character U+001B")):
        code, _out, err = world.cli("find-orders", text)
        assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert world.fingerprint() == before
