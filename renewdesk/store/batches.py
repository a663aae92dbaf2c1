"""Garbage collection around large units of work.

A wave of charges or an import loads and writes thousands of ORM objects at once, most of them
short-lived and many in reference cycles (an object and its instance state, a parent and its
children). Left automatic, Python's collector runs hundreds of young collections during such a
unit of work and, as the survivors pile up, full ones that walk the whole heap again and again.
Paused while the unit of work runs and run once on its young generation afterwards, it frees the
same garbage for a fraction of the time: what that buys is measured in docs/benchmarks.md
("The performance devices").
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collected_after() -> Iterator[None]:
    """No automatic collection inside; the objects made inside collected once when it ends.
    Nested or overlapping uses: the one that turned the collector off turns it back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)
