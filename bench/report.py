"""How every benchmark prints: one line per figure, with its reference and its target."""

from __future__ import annotations

import platform
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    bench: str
    name: str
    value: float
    unit: str
    target: float | None = None
    higher_is_better: bool = True
    reference: str = ""  # what it is compared with, measured in the same run

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def line(self) -> str:
        target = ""
        if self.target is not None:
            sign = ">=" if self.higher_is_better else "<="
            target = f"  target {sign} {self.target:g} {self.unit}: {'MET' if self.met else 'NOT MET'}"
        ref = f"  ({self.reference})" if self.reference else ""
        return f"{self.bench:8} {self.name:38} {self.value:12.3f} {self.unit:8}{target}{ref}"


def machine() -> str:
    import os

    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """`with stopwatch() as took: ...` then took[0] is the seconds it took."""
    out: list[float] = []
    start = time.perf_counter()
    try:
        yield out
    finally:
        out.append(time.perf_counter() - start)
