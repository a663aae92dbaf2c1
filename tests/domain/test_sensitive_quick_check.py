"""PM-2: the one-scan check that a text has no run long enough for a card number (13 digits
and separators in a row) answers as the look at each run does, on every kind of text."""

from __future__ import annotations

import random
import re
import uuid

import pytest

from renewdesk.domain import sensitive
from tests.domain.test_sensitive import SEPARATORS, all_pans

_PIECES = ["0", "7", "12", "4111", "٤١١١", "４１", "a", "Z", "_", ".", "é", "\n", "\u2028",
           *SEPARATORS.values()]


def _texts() -> list[str]:
    rng = random.Random(2023)
    pans = all_pans()
    texts = [f"rd_{uuid.UUID(int=rng.getrandbits(128)).hex}" for _ in range(2000)]
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.3:
            pan = rng.choice(pans)
            separator = rng.choice(list(SEPARATORS.values()))
            text += separator.join(pan[i : i + 4] for i in range(0, len(pan), 4))
        texts.append(text)
    return texts


def test_pm2_the_quick_check_answers_as_the_look_at_each_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    quick = [sensitive.contains_card_number(text) for text in texts]
    monkeypatch.setattr(sensitive, "_LONG_RUN", re.compile(""))  # every text looked at whole
    assert quick == [sensitive.contains_card_number(text) for text in texts]
    assert 500 < sum(quick) < len(texts) - 2000  # both answers are met
