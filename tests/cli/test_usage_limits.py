"""Issue 16, usage past what one invoice stores: a usage record whose period would be invoiced
for more than MO-1's largest amount (2**31-1 minor units, PostgreSQL's INTEGER) is bad input at
import, exit 2 naming it and nothing changed, so that no run-due fails on it later (US-1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_exchange import _base
from tests.conftest import EXAMPLE, World

# SRV-LTR-1 costs 1.45 EUR a letter: 14,810,232 letters are 21,474,836.40 EUR, the most a
# month can hold (21,474,836.47 EUR); the example already has 12 + 30 of them in 2026-11.
MOST_LETTERS = 14_810_232
LIMIT_WORDS = "more than one invoice holds (at most 2147483647 units and 21474836.47 EUR)"


def _usage_file(path: Path, *quantities: int, on: str = "2026-11-20") -> str:
    """A file of SRV-LTR-1's letters, one record each, referenced by the file's name."""
    doc = {"format": "renewdesk/1", "usage": [
        {"ref": f"{path.stem}-{n}", "service": "SRV-LTR-1", "on": on, "quantity": quantity}
        for n, quantity in enumerate(quantities)]}
    path.write_text(json.dumps(doc))
    return str(path)


def _refused(world: World, path: str, before: bytes) -> str:
    code, _out, err = world.cli("import", path, today="2026-11-02")
    assert code == 2, err
    assert err.count("\n") == 1
    assert world.fingerprint() == before
    return err


def test_us1_mo1_usage_past_the_largest_amount_in_one_file_exits_2_naming_the_record(
        world: World, tmp_path: Path) -> None:
    before = _base(world, tmp_path)
    path = _usage_file(tmp_path / "letters.json", 10, MOST_LETTERS - 42, 1)
    err = _refused(world, path, before)
    assert "usage[1].quantity: SRV-LTR-1's usage for 2026-11 would total 14810242 units" in err
    assert LIMIT_WORDS in err


def test_us1_mo1_usage_counts_what_is_stored_and_one_unit_past_the_limit_exits_2(
        world: World, tmp_path: Path) -> None:
    """The period's total is the stored records' and the file's, each record counted once."""
    _base(world, tmp_path)
    at_limit = _usage_file(tmp_path / "at-limit.json", MOST_LETTERS - 42)
    for _ in range(2):  # imported again, a record replaces itself
        code, _out, err = world.cli("import", at_limit, today="2026-11-02")
        assert code == 0, err
    before = world.fingerprint()
    err = _refused(world, _usage_file(tmp_path / "one-more.json", 1, on="2026-11-30"), before)
    assert "usage[0].quantity: SRV-LTR-1's usage for 2026-11 would total 14810233 units" in err
    assert LIMIT_WORDS in err


def test_us1_mo1_a_period_of_free_usage_past_the_largest_quantity_exits_2(
        world: World, tmp_path: Path) -> None:
    """At 0.00 a unit the amount fits, but the invoice's quantity is an INTEGER column too."""
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text())
    letters = next(s for s in doc["services"] if s["ref"] == "SRV-LTR-1")
    letters["unit_price"] = "0.00"
    path = tmp_path / "free.json"
    path.write_text(json.dumps(doc))
    assert world.cli("import", str(path), today="2026-11-01")[0] == 0
    before = world.fingerprint()
    err = _refused(world, _usage_file(tmp_path / "many.json", 2**31 - 1), before)
    assert "usage[0].quantity: SRV-LTR-1's usage for 2026-11 would total 2147483689 units" in err
    assert LIMIT_WORDS in err


def test_us1_mo1_a_unit_price_raised_past_what_stored_usage_can_be_invoiced_for_exits_2(
        world: World, tmp_path: Path) -> None:
    _base(world, tmp_path)
    code, _out, err = world.cli("import", _usage_file(tmp_path / "letters.json", 1_000_000),
                                today="2026-11-02")
    assert code == 0, err
    before = world.fingerprint()
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text())
    position, letters = next((n, s) for n, s in enumerate(doc["services"])
                             if s["ref"] == "SRV-LTR-1")
    letters["unit_price"] = "25.00"  # 1,000,042 letters: 25,001,050.00 EUR
    path = tmp_path / "dearer.json"
    path.write_text(json.dumps(doc))
    err = _refused(world, str(path), before)
    assert f"services[{position}].unit_price: SRV-LTR-1's usage for 2026-11 would total " \
           "1000042 units at 25.00 EUR" in err
    assert LIMIT_WORDS in err
