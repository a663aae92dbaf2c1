"""The collector paused around large units of work (issue 6): off inside, back on after, and
the cycles made inside freed when it ends."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from renewdesk.store.batches import collected_after


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with collected_after():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_cycles_made_inside_are_freed_when_it_ends() -> None:
    with collected_after():
        node = Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None  # nothing collects while paused
    assert gone() is None


def test_nested_uses_leave_it_off_until_the_outermost_ends() -> None:
    with collected_after():
        with collected_after():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collected_after():
        pass
    assert not gc.isenabled()


def test_it_is_back_on_after_an_error_inside() -> None:
    with pytest.raises(ValueError), collected_after():
        raise ValueError("the unit of work failed")
    assert gc.isenabled()
