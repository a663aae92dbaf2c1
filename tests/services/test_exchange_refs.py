"""References given twice in one exchange file (EXCHANGE.md): refused before anything is read,
both positions named; a list that is not all objects is refused where its item is read."""

from __future__ import annotations

from typing import Any

import pytest

from renewdesk.domain.errors import InputError
from renewdesk.services.exchange.reader import refuse_repeated_refs

TWICE = {
    "customer": ({"customers": [{"ref": "C1"}, {"ref": "C2"}, {"ref": "C1"}]},
                 "customers[2].ref", "customers[0]"),
    "method of two customers": ({"customers": [
        {"ref": "C1", "payment_methods": [{"ref": "M1"}]},
        {"ref": "C2", "payment_methods": [{"ref": "M2"}, {"ref": "M1"}]}]},
        "customers[1].payment_methods[1].ref", "customers[0].payment_methods[0]"),
    "service after a bad item": ({"services": [{"ref": "S1"}, "S1", {"ref": "S1"}]},
                                 "services[2].ref", "services[0]"),
}


@pytest.mark.parametrize("case", sorted(TWICE))
def test_a_reference_given_twice_names_both_places(case: str) -> None:
    document, field, first = TWICE[case]
    with pytest.raises(InputError) as refused:
        refuse_repeated_refs(document)
    assert refused.value.code == "ref_given_twice"
    assert refused.value.values["field"] == field and refused.value.values["first"] == first


@pytest.mark.parametrize("document", [
    {"customers": [{"ref": "C1", "payment_methods": [{"ref": "C1"}]}]},  # lists apart
    {"customers": ["C1", {"ref": "C1", "contacts": "K1"}], "services": [3, None]},
    {"customers": {"ref": "C1"}, "services": "S1"},
])
def test_what_is_not_a_repeated_reference_passes_to_be_read(document: dict[str, Any]) -> None:
    """A customer and its method may share a reference (each list is its own); an item that is
    not an object is refused when its object is read, not here with a crash."""
    refuse_repeated_refs(document)
