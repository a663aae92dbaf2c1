"""The command line's tests read its English words: a French shell is told to speak English."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name, "").lower().startswith("fr"):
            monkeypatch.setenv(name, "C.UTF-8")
