"""Temporary refs (issue 6: cheap, yet never the same twice, even in a forked process)."""

from __future__ import annotations

import multiprocessing

import pytest

from renewdesk.store.refs import temporary_ref


def test_temporary_refs_are_unique_and_fit_a_ref_column() -> None:
    refs = [temporary_ref() for _ in range(10_000)]
    assert len(set(refs)) == len(refs)
    assert all(ref.startswith("tmp-") and len(ref) <= 64 for ref in refs)


def _child(queue: multiprocessing.Queue[list[str]]) -> None:  # pragma: no cover (child)
    queue.put([temporary_ref() for _ in range(3)])


# Python 3.12 warns of forking a process with threads (other tests' servers); the child here
# only draws refs and puts them on a queue.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_process_draws_refs_of_its_own() -> None:
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[list[str]] = context.Queue()
    child = context.Process(target=_child, args=(queue,))
    child.start()
    theirs = queue.get(timeout=30)
    child.join(timeout=30)
    ours = [temporary_ref() for _ in range(3)]
    assert not set(theirs) & set(ours)
