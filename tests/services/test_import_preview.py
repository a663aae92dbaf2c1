"""Issue 18: an import's preview lists every refusal with its position (not only the first),
writes nothing and calls no processor; a clean file's counts are the real import's (one
validation: the preview is the importer itself)."""

from __future__ import annotations

import copy
import json
from typing import Any

from renewdesk.services.exchange.preview import apply_document, preview_document
from tests.builders import card, customer, document, service
from tests.conftest import EXAMPLE, World

CARD = "4000 0566 5566 5556"  # a Luhn-valid test number, only ever used to be refused


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text())
    return data


def test_preview_of_a_clean_file_counts_what_the_import_does_and_writes_nothing(
        world: World) -> None:
    before = world.export()
    preview = preview_document(world.ctx("2026-11-01"), example())
    assert preview.ok and preview.refusals == ()
    assert world.export() == before
    imported = apply_document(world.ctx("2026-11-01"), example())
    assert (preview.created, preview.updated) == (imported.created, imported.updated)
    again = preview_document(world.ctx("2026-11-01"), example())
    assert again.ok and again.created == () and again.count("customers", created=False) == 3


def test_preview_lists_every_refusal_with_its_position_and_writes_nothing(world: World) -> None:
    data = example()
    data["customers"][0]["email"] = "not-an-address"
    data["customers"][2]["address"] = CARD  # PM-2
    data["services"][3]["period_months"] = 0
    data["services"].append(copy.deepcopy(data["services"][1]))  # the same ref twice
    before = world.export()
    preview = preview_document(world.ctx("2026-11-01"), data)
    positions = [r.position for r in preview.refusals]
    assert {"customers[0]", "customers[2]", "services[3]", "services[4]"} <= set(positions)
    assert world.export() == before
    words = "\n".join(r.words("en") for r in preview.refusals)
    assert "customers[0].email: 'not-an-address' is not an e-mail address" in words
    assert "customers[2].address looks like a card number" in words
    assert CARD not in words and CARD.replace(" ", "") not in words
    french = "\n".join(r.words("fr") for r in preview.refusals)
    assert "n'est pas une adresse e-mail" in french
    assert preview.count("customers") == 1  # customers[1] goes in; the others are refused


def test_preview_never_calls_the_processor_for_a_new_card(world: World) -> None:
    """PM-3: adding a card asks the processor to attach it; a preview must not."""
    calls: list[str] = []
    real = world.app.processor
    original = real.attach

    def attach(token: str, payer: Any) -> Any:
        calls.append(token)
        return original(token, payer)

    real.attach = attach  # type: ignore[method-assign]
    doc = document([customer("C1", card("PM-1"))], [service("S1", "C1", "2026-12-01")])
    preview = preview_document(world.ctx("2026-11-01"), doc)
    assert preview.ok and preview.count("payment_methods") == 1
    assert calls == []


def test_preview_of_a_file_wrong_as_a_whole_says_so_once(world: World) -> None:
    preview = preview_document(world.ctx("2026-11-01"), {"format": "other/9", "customers": []})
    assert len(preview.refusals) == 1 and preview.refusals[0].position == ""
    assert "format" in preview.refusals[0].words("en")
