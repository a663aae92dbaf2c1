"""The command line's contract (EXCHANGE.md): import/export round trips, PM-2 refusals that
leave no trace, and bad input that exits 2 with one line and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.builders import card, customer, document, order, service
from tests.conftest import EXAMPLE, World

CARD = "4000 0566 5566 5556"  # Luhn-valid test card number, only ever used to be refused


def test_import_accepts_the_example_verbatim_and_export_round_trips(world: World,
                                                                   tmp_path: Path) -> None:
    code, out, err = world.cli("import", str(EXAMPLE), today="2026-11-01")
    assert code == 0, err
    assert "customers: 3 created" in out
    code, first, _ = world.cli("export")
    path = tmp_path / "first.json"
    path.write_text(first)
    other = World(tmp_path / "other", world.env)
    assert other.cli("import", str(path), today="2026-11-01")[0] == 0
    assert other.cli("export")[1] == first
    other.close()


@pytest.mark.slow
def test_full_state_with_history_round_trips(world: World, tmp_path: Path) -> None:
    assert world.cli("import", str(EXAMPLE), today="2026-11-01")[0] == 0
    world.walk("2026-11-01", "2026-12-20")
    assert world.cli("plan-update", "ORD-1001", "--amount", "25.00", today="2026-12-20")[0] == 0
    first = world.cli("export")[1]
    data = json.loads(first)
    assert data["renewals"] and data["usage_invoices"] and data["notifications"]
    path = tmp_path / "state.json"
    path.write_text(first)
    other = World(tmp_path / "other", world.env)
    assert other.cli("import", str(path), today="2026-12-21")[0] == 0
    assert other.cli("export")[1] == first
    assert other.cli("import", str(path), today="2026-12-21")[0] == 0  # idempotent
    assert other.cli("export")[1] == first
    other.close()


def test_reimported_cancelled_service_is_cancelled(world: World, tmp_path: Path) -> None:
    assert world.cli("import", str(EXAMPLE), today="2026-11-01")[0] == 0
    data = json.loads(world.cli("export")[1])
    data["services"][0]["status"] = "cancelled"
    path = tmp_path / "cancel.json"
    path.write_text(json.dumps(data))
    assert world.cli("import", str(path), today="2026-11-02")[0] == 0
    assert json.loads(world.cli("export")[1])["services"][0]["status"] == "cancelled"


def traces(world: World) -> bytes:
    """Everything renewdesk wrote: database (and WAL), sandbox ledger, logs."""
    files = sorted(p for p in world.folder.rglob("*") if p.is_file())
    assert any(p.name == "renewdesk.log" and p.stat().st_size for p in files)  # logs searched
    return b"".join(p.read_bytes() for p in files)


@pytest.mark.parametrize("where", ["address", "holder", "token", "label", "ref"])
def test_pm2_card_number_in_an_imported_field_is_refused_and_stored_nowhere(
        world: World, tmp_path: Path, where: str, caplog: pytest.LogCaptureFixture) -> None:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text())
    target = {"address": doc["customers"][0], "holder": doc["customers"][0]["payment_methods"][0],
              "token": doc["customers"][0]["payment_methods"][0], "label": doc["services"][0],
              "ref": doc["customers"][1]}[where]
    target[where if where != "ref" else "ref"] = f"x {CARD} y" if where != "ref" else CARD
    path = tmp_path / "with-card.json"
    path.write_text(json.dumps(doc))
    code, out, err = world.cli("import", str(path), today="2026-11-01")
    assert code == 2
    assert "looks like a card number" in err  # the rule's id is in the log, not in what
    assert any("PM-2" in r.getMessage() for r in caplog.records)  # a person reads
    assert CARD not in err + out and CARD.replace(" ", "") not in err + out
    path.unlink()
    everything = traces(world)
    for form in (CARD, CARD.replace(" ", "")):
        assert form.encode() not in everything


def test_pm2_card_number_as_a_command_argument_is_refused_unechoed(world: World) -> None:
    assert world.cli("import", str(EXAMPLE), today="2026-11-01")[0] == 0
    for args in (["plan-update", "ORD-1001", "--amount", CARD.replace(" ", "")],
                 ["link", CARD], ["find-orders", CARD.replace(" ", "-")]):
        code, out, err = world.cli(*args)
        assert code == 2 and "looks like a card number" in err
        assert CARD.replace(" ", "") not in err + out
    everything = traces(world)
    assert CARD.replace(" ", "").encode() not in everything
    assert CARD.replace(" ", "-").encode() not in everything


def _base(world: World, tmp_path: Path) -> bytes:
    assert world.cli("import", str(EXAMPLE), today="2026-11-01")[0] == 0
    assert world.cli("run-due", today="2026-11-01")[0] == 0
    return world.fingerprint()


def _file(tmp_path: Path, change: Any) -> str:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text())
    change(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    return str(path)


BAD_IMPORTS = {
    "unknown customer ref": (lambda d: d["services"][0].update(customer="CUST-404"),
                             "unknown customer 'CUST-404'"),
    "unknown payment method": (lambda d: d["services"][0].update(payment_method="PM-404"),
                               "unknown payment method 'PM-404'"),
    "malformed date": (lambda d: d["services"][0].update(expires_on="20/12/2026"),
                       "services[0].expires_on"),
    "impossible date": (lambda d: d["installment_orders"][0].update(first_due_on="2026-02-30"),
                        "installment_orders[0].first_due_on"),
    "unknown key": (lambda d: d["customers"][0].update(phone="0601"), "unknown key 'phone'"),
    "float amount": (lambda d: d["services"][0].update(price=12.0), "services[0].price"),
    "bad currency": (lambda d: d["services"][0].update(currency="EURO"), "unknown currency"),
    "wrong format": (lambda d: d.update(format="other/2"), "format"),
    "bad usage quantity": (lambda d: d["usage"][0].update(quantity="12"), "usage[0].quantity"),
}


@pytest.mark.parametrize("case", sorted(BAD_IMPORTS))
def test_bad_import_exits_2_with_one_line_and_database_byte_identical(
        world: World, tmp_path: Path, case: str) -> None:
    before = _base(world, tmp_path)
    change, expected = BAD_IMPORTS[case]
    code, _out, err = world.cli("import", _file(tmp_path, change), today="2026-11-02")
    assert code == 2
    assert err.count("\n") == 1 and expected in err
    assert world.fingerprint() == before


@pytest.mark.parametrize(("args", "expected"), [
    (["plan-update", "ORD-1001", "--amount", "1.00"], "below the minimum 2.00 EUR"),
    (["plan-update", "ORD-404", "--amount", "40.00"], "unknown order 'ORD-404'"),
    (["plan-update", "ORD-1001", "--amount", "forty"], "not a decimal amount"),
    (["bulk-recurrence", "CUST-404", "--all", "--on"], "unknown customer"),
    (["bulk-recurrence", "CUST-001", "--services", "SRV-404", "--on"], "SRV-404"),
    (["renew-plan", "ORD-1001"], "IN-5"),
    (["collection", "ORD-404"], "unknown order"),
    (["link", "not-a-token"], "not valid"),
    (["settings", "notice_days=soon"], "notice_days"),
    (["settings", "stripe_secret=sk_test_x"], "unknown setting"),
    (["--today", "2026-13-01", "run-due"], "--today"),
    (["import", "/nonexistent/file.json"], "No such file"),
])
def test_bad_command_input_exits_2_and_changes_nothing(world: World, tmp_path: Path,
                                                      args: list[str], expected: str,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    before = _base(world, tmp_path)
    code, _out, err = world.cli(*args)
    assert code == 2
    # A rule's id is in the log, not in what a person reads (issue 17).
    log = "\n".join(r.getMessage() for r in caplog.records)
    assert err.count("\n") == 1 and expected in (log if expected == "IN-5" else err)
    assert world.fingerprint() == before


def test_run_due_as_of_a_date_before_the_last_run_is_refused(world: World) -> None:
    world.load(document([customer("C1", card("A"))], [service("S1", "C1", "2027-01-01")],
                        [order("O1", "C1", "A", "2026-12-01")]))
    assert world.cli("run-due", today="2026-11-10")[0] == 0
    code, _out, err = world.cli("run-due", today="2026-11-09")
    assert code == 2 and "earlier date" in err


def test_demo_fills_a_portfolio_that_runs(world: World) -> None:
    code, out, err = world.cli("demo", "--customers", "40", today="2026-11-01")
    assert code == 0, err
    assert "customers: 40 created" in out
    code, out, err = world.cli("run-due", "--dry-run", today="2026-11-20")
    assert code == 0, err
    assert out.startswith("Dry run as of 2026-11-20")
    assert world.cli("run-due", today="2026-11-20")[0] == 0


@pytest.mark.parametrize(("args", "expected"), [
    (["bulk-recurrence", "CUST-001", "--on"], "one of the arguments --all --services"),
    (["no-such-command"], "invalid choice"),
    (["link", "-abc"], "the following arguments are required: token"),
])
def test_usage_errors_exit_2_with_one_line(world: World, args: list[str], expected: str) -> None:
    code, _out, err = world.cli(*args)
    assert code == 2 and expected in err and err.count("\n") == 1


def _refunded_and_disputed(world: World, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """O1's first installment paid, refunded in part here and in part at the processor, and
    disputed; S1's renewal paid: the state the RF-1/RF-2 round trips start from."""
    from renewdesk.payments.sandbox import SandboxProcessor

    for name, value in world.env.items():  # the commands' sandbox is the world's (PostgreSQL)
        monkeypatch.setenv(name, value)
    world.load(document([customer("C1", card("A"))],
                        [service("S1", "C1", "2026-12-20", payment_method="A")],
                        [order("O1", "C1", "A", "2026-12-05")]))
    assert world.cli("run-due", today="2026-12-05")[0] == 0
    assert world.cli("refund", "O1#1/1", "--amount", "10.00", "--reason", "goodwill", "--yes",
                     today="2026-12-06")[0] == 0
    sandbox = world.app.processor
    assert isinstance(sandbox, SandboxProcessor)
    charge = str(sandbox.ledger()[0]["id"])
    sandbox.refund_elsewhere(charge, 500)
    sandbox.open_dispute(charge)
    for day in ("2026-12-07", "2026-12-13"):
        assert world.cli("run-due", today=day)[0] == 0
    data: dict[str, Any] = json.loads(world.cli("export")[1])
    return data


def test_rf1_rf2_refunds_and_dispute_round_trip(world: World, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    first = json.dumps(_refunded_and_disputed(world, monkeypatch), ensure_ascii=False, indent=2) + "\n"
    data = json.loads(first)
    paid = data["installment_orders"][0]["installments"][0]["attempts"][0]
    assert [r["ref"] for r in paid["refunds"]] == ["O1#1/1/1", "O1#1/1/2"]
    assert paid["dispute"]["status"] == "needs_response"
    renewal = data["renewals"][0]["attempts"][0]
    assert renewal["ref"] == f"{data['renewals'][0]['ref']}/1" and renewal["refunds"] == []
    path = tmp_path / "state.json"
    path.write_text(first)
    other = World(tmp_path / "other", world.env)
    code, _out, err = other.cli("import", str(path), today="2026-12-14")
    assert code == 0, err
    assert other.cli("export")[1] == first
    assert other.cli("import", str(path), today="2026-12-14")[0] == 0  # idempotent
    assert other.cli("export")[1] == first
    other.close()


def _paid_attempt(doc: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = doc["installment_orders"][0]["installments"][0]["attempts"][0]
    return found


BAD_PAYMENTS: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "payment ref differs": (lambda a: a.update(ref="O1#1/2"),
                            ".attempts[0].ref: 'O1#1/2' is not this payment's reference, which "
                            "is 'O1#1/1'"),
    "refund of another payment": (lambda a: a["refunds"][0].update(ref="O9#1/1/1"),
                                  ".refunds[0].ref: 'O9#1/1/1' is not a refund of payment "
                                  "O1#1/1"),
    "refund given twice": (lambda a: a["refunds"][1].update(ref="O1#1/1/1"),
                           ".refunds[1].ref: 'O1#1/1/1' is given twice"),
    "refunds over the payment": (lambda a: a["refunds"][0].update(amount="29.00"),
                                 ".attempts[0].refunds: 34.00 EUR refunded is more than payment "
                                 "O1#1/1 took (30.00 EUR)"),
    "refund unknown key": (lambda a: a["refunds"][0].update(note="x"), "unknown key 'note'"),
    "refund bad status": (lambda a: a["refunds"][0].update(status="done"), "'done' is not one"),
    "dispute bad status": (lambda a: a["dispute"].update(status="open"), "'open' is not one"),
    "dispute not an object": (lambda a: a.update(dispute="lost"),
                              ".attempts[0].dispute: expected an object"),
    "history of a decline": (lambda a: a.update(result="declined"),
                             ".attempts[0].refunds: only a successful payment has refunds"),
}


@pytest.mark.parametrize("case", sorted(BAD_PAYMENTS))
def test_rf1_bad_refunds_in_a_file_exit_2_and_change_nothing(
        world: World, tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _refunded_and_disputed(world, monkeypatch)
    change, expected = BAD_PAYMENTS[case]
    change(_paid_attempt(doc))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    before = world.fingerprint()
    code, _out, err = world.cli("import", str(path), today="2026-12-14")
    assert code == 2
    assert err.count("\n") == 1 and expected in err
    assert world.fingerprint() == before


def test_rf1_a_file_adds_a_refund_and_closes_a_dispute(world: World, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _refunded_and_disputed(world, monkeypatch)
    paid = _paid_attempt(doc)
    opened = paid["dispute"]["processor_ref"]
    paid["refunds"].append({"ref": "O1#1/1/3", "amount": "1.50", "on": "2026-12-14",
                            "status": "succeeded", "reason": "fee"})
    # Without the processor's id, the payment's own dispute is the one updated.
    paid["dispute"] = {"status": "won", "amount": "30.00", "closed_on": "2026-12-14"}
    path = tmp_path / "more.json"
    path.write_text(json.dumps(doc))
    assert world.cli("import", str(path), today="2026-12-14")[0] == 0
    again = _paid_attempt(json.loads(world.cli("export")[1]))
    assert [(r["ref"], r["amount"]) for r in again["refunds"]][-1] == ("O1#1/1/3", "1.50")
    assert again["dispute"]["status"] == "won" and again["dispute"]["closed_on"] == "2026-12-14"
    assert again["dispute"]["processor_ref"] == opened



def _taxed(tmp_path: Path) -> Path:
    """A French business, a Belgian business, a consumer given no tax key; rates of their own."""
    business = customer("C1", card("PM1"), name="Atelier Lumière SARL")
    business |= {"business": True, "country": "fr", "siren": "732 829 320",
                 "vat_number": "FR 44 732829320"}
    belgian = customer("C2", card("PM2"), name="Brasserie Delvaux")
    belgian |= {"business": True, "country": "BE", "vat_number": "BE0403019261"}
    consumer = customer("C3", card("PM3"))
    food = service("S1", "C1", "2027-03-01", payment_method="PM1") | {"vat_rate": "5.5"}
    plain = service("S2", "C3", "2027-03-01", payment_method="PM3")
    course = order("O1", "C2", "PM2", "2027-01-05") | {"vat_rate": "20.00"}
    path = tmp_path / "taxed.json"
    path.write_text(json.dumps(document([business, belgian, consumer], [food, plain], [course])))
    return path


def test_iv1_iv3_tax_keys_import_compact_and_export_always_then_round_trip(
        world: World, tmp_path: Path) -> None:
    assert world.cli("settings", "seller_country=BE")[0] == 0  # the seller's is the default
    code, _out, err = world.cli("import", str(_taxed(tmp_path)), today="2026-12-01")
    assert code == 0, err
    first = world.cli("export")[1]
    data = json.loads(first)
    taxes = {c["ref"]: (c["business"], c["country"], c["vat_number"], c["siren"])
             for c in data["customers"]}
    assert taxes == {"C1": (True, "FR", "FR44732829320", "732829320"),
                     "C2": (True, "BE", "BE0403019261", None),
                     "C3": (False, "BE", None, None)}
    assert [(s["ref"], s["vat_rate"]) for s in data["services"]] == [("S1", "5.5"),
                                                                     ("S2", None)]
    assert data["installment_orders"][0]["vat_rate"] == "20"
    path = tmp_path / "again.json"
    path.write_text(first)
    other = World(tmp_path / "other", world.env)
    assert other.cli("import", str(path), today="2026-12-01")[0] == 0
    assert other.cli("export")[1] == first
    other.close()


BAD_TAXES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "siren": (lambda d: d["customers"][0].update(siren="732829321"),
              "customers[0].siren: not a SIREN number"),
    "vat number": (lambda d: d["customers"][1].update(vat_number="BE0403019262"),
                   "customers[1].vat_number: not a valid VAT number"),
    "vat number of another siren": (
        lambda d: d["customers"][0].update(vat_number="FR40303265045"),
        "customers[0].vat_number: this French VAT number is not that of SIREN 732829320"),
    "country": (lambda d: d["customers"][2].update(country="UK"),
                "customers[2].country: 'UK' is not a country code"),
    "business": (lambda d: d["customers"][2].update(business="yes"),
                 "customers[2].business: expected true or false"),
    "service rate": (lambda d: d["services"][0].update(vat_rate="5,5"),
                     "services[0].vat_rate: '5,5' is not a VAT rate"),
    "rate as a number": (lambda d: d["services"][1].update(vat_rate=20),
                         "services[1].vat_rate: expected text"),
    "order rate": (lambda d: d["installment_orders"][0].update(vat_rate="120"),
                   "installment_orders[0].vat_rate: '120' is not a VAT rate"),
    "card as siren": (lambda d: d["customers"][0].update(siren=CARD),
                      "looks like a card number"),
}


@pytest.mark.parametrize("case", sorted(BAD_TAXES))
def test_iv1_bad_tax_keys_exit_2_naming_their_place_and_change_nothing(
        world: World, tmp_path: Path, case: str) -> None:
    doc = json.loads(_taxed(tmp_path).read_text())
    change, expected = BAD_TAXES[case]
    change(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    before = world.fingerprint()
    code, _out, err = world.cli("import", str(path), today="2026-12-01")
    assert code == 2
    assert err.count("\n") == 1 and expected in err, err
    assert "4000" not in err
    assert world.fingerprint() == before


def test_iv1_a_spreadsheet_maps_its_tax_columns_by_name(world: World, tmp_path: Path) -> None:
    """import-csv: the tax fields are mapped like the others; "Oui", "5,5 %" read as a file
    writes them, and a bad SIREN names its row and column."""
    mapping = {"ref": "Client", "name": "Nom", "email": "E-mail", "business": "Pro",
               "country": "Pays", "vat_number": "TVA intracom", "siren": "SIREN"}
    (tmp_path / "map.json").write_text(json.dumps(mapping))
    rows = ["Client;Nom;E-mail;Pro;Pays;TVA intracom;SIREN",
            "C1;Atelier Lumière;a@exemple.fr;Oui;FR;FR44732829320;732 829 320",
            "C2;Zoé Martin;z@exemple.fr;Non;;;"]
    (tmp_path / "c.csv").write_bytes("\n".join(rows).encode("cp1252"))
    code, _out, err = world.cli("import-csv", str(tmp_path / "c.csv"), "--kind", "customers",
                                "--map", str(tmp_path / "map.json"))
    assert code == 0, err
    assert [(c["business"], c["country"], c["vat_number"], c["siren"])
            for c in world.export()["customers"]] == [
        (True, "FR", "FR44732829320", "732829320"), (False, "FR", None, None)]
    services = {"ref": "Réf", "customer": "Client", "kind": "Type", "label": "Libellé",
                "billing": "Facturation", "currency": "Devise", "price": "Prix",
                "period_months": "Mois", "expires_on": "Échéance", "vat_rate": "Taux TVA"}
    (tmp_path / "smap.json").write_text(json.dumps(services))
    rows = ["Réf;Client;Type;Libellé;Facturation;Devise;Prix;Mois;Échéance;Taux TVA",
            "S1;C1;livre;Guide;period;EUR;12,00;12;01/03/2027;5,5 %"]
    (tmp_path / "s.csv").write_bytes("\n".join(rows).encode("cp1252"))
    code, _out, err = world.cli("import-csv", str(tmp_path / "s.csv"), "--kind", "services",
                                "--map", str(tmp_path / "smap.json"))
    assert code == 0, err
    assert world.export()["services"][0]["vat_rate"] == "5.5"
    bad = ["Client;Nom;E-mail;Pro;Pays;TVA intracom;SIREN",
           "C3;Autre;o@exemple.fr;Oui;FR;;732829321"]
    (tmp_path / "bad.csv").write_bytes("\n".join(bad).encode("cp1252"))
    code, _out, err = world.cli("import-csv", str(tmp_path / "bad.csv"), "--kind", "customers",
                                "--map", str(tmp_path / "map.json"))
    assert code == 2
    assert "row 2" in err and "SIREN" in err and "not a SIREN number" in err, err


def _diners_siret() -> str:
    """A valid SIRET starting 36: 14 Luhn-valid digits in Diners' range, as many are."""
    from stdnum import luhn

    siren = next(f"36{n:06d}" + luhn.calc_check_digit(f"36{n:06d}") for n in range(100))
    return siren + "0001" + luhn.calc_check_digit(siren + "0001")


def test_iv1_the_seller_is_set_with_the_settings_command_checked_and_kept_compact(
        world: World, tmp_path: Path) -> None:
    out = world.cli("settings")[1]
    assert "invoice_prefix: F" in out and "consumer_notice_days: 45 days" in out
    assert out.splitlines()[-1] == ("# invoices wait for the seller's legal name, address, "
                                    "SIREN, VAT number (renewdesk settings NAME=VALUE, or "
                                    "Settings > Seller)")
    siret = _diners_siret()
    code, _out, err = world.cli(
        "settings", "seller_name=Atelier Lumière SARL", "seller_address=8 rue Mercière",
        "seller_siren=732 829 320", f"seller_siret={siret}", "seller_vat_number=fr44732829320",
        "default_vat_rate=5.50", "vat_franchise=false", "invoice_prefix=FAC")
    assert code == 0, err
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 2000)
    import base64
    assert world.cli("settings", "seller_logo=" + base64.b64encode(logo.read_bytes())
                     .decode())[0] == 0
    out = world.cli("settings")[1]
    assert "seller_siren: 732829320" in out and "seller_vat_number: FR44732829320" in out
    assert f"seller_siret: {siret}" in out and "seller_logo: (PNG, 2 KB)" in out
    assert "default_vat_rate: 5.5%" in out and "vat_franchise: no" in out
    assert not out.splitlines()[-1].startswith("#")  # nothing waits


@pytest.mark.parametrize(("pair", "expected"), [
    ("seller_siren=732829321", "seller_siren: not a SIREN number"),
    ("seller_siret=73282932000075", "seller_siret: not a SIRET number"),
    ("seller_vat_number=FR40303265045", "this French VAT number is not that of SIREN"),
    ("seller_vat_number=44732829320", "seller_vat_number: not a valid VAT number"),
    ("seller_country=UK", "seller_country: 'UK' is not a country code"),
    ("default_vat_rate=5,5", "default_vat_rate: '5,5' is not a VAT rate"),
    ("consumer_notice_days=120", "consumer_notice_days: a number of days from 30 to 90"),
    ("invoice_prefix=FACTURE", "invoice_prefix: 1 to 6 letters or digits"),
    ("seller_logo=R0lGODlhAQABAAAAACw=", "seller_logo: a logo is a PNG or JPEG image"),
    ("seller_footer=IBAN FR76 3000 6000 0112 3456 7890 189", "looks like an IBAN"),
    (f"seller_siret={CARD}", "looks like a card number"),
])
def test_iv1_a_bad_seller_setting_exits_2_with_one_line_and_changes_nothing(
        world: World, pair: str, expected: str) -> None:
    assert world.cli("settings", "seller_siren=732829320")[0] == 0
    before = world.fingerprint()
    code, _out, err = world.cli("settings", "seller_name=Autre", pair)
    assert code == 2
    assert err.count("\n") == 1 and expected in err, err
    assert "4000" not in err and "3000 6000" not in err
    assert world.fingerprint() == before


def test_pm2_a_siret_given_to_settings_is_not_taken_for_a_card_number(world: World) -> None:
    siret = _diners_siret()
    assert world.cli("settings", f"seller_siret={siret}")[0] == 0
    assert world.cli("settings", f"seller_phone={siret}")[0] == 2  # unlabelled: refused
