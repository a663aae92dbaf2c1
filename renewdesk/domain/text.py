"""Text a person or another tool gave: one check for every field, wherever it is typed or read.

The limits are the schema's (a column's length): SQLite would keep a longer text and PostgreSQL
refuse it, and one file must get one answer on both. Control characters are refused (PostgreSQL
stores no NUL; none of them belongs in a name or a label), line breaks and tabs only where a
field has lines, such as an address; so are lone surrogates, which no database encodes.
"""

from __future__ import annotations

import re

from renewdesk.domain.errors import InputError

# C0 and C1 controls, DEL and lone surrogates; `_IN_LINES` lets tabs and line breaks through.
_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_REFUSED_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check_text(value: str, field: str, limit: int | None = None, *, lines: bool = False) -> str:
    """The text itself, or InputError naming the field and what is wrong (never the text)."""
    if (limit is None or len(value) <= limit) and value.isprintable():
        return value  # no control character, surrogate or other space than " " (C-fast)
    if limit is not None and len(value) > limit:
        raise InputError("text_too_long", field=field, length=len(value), limit=limit)
    bad = (_REFUSED_IN_LINES if lines else _REFUSED).search(value)
    if bad is not None:
        raise InputError("control_character", field=field, character=f"U+{ord(bad.group()):04X}",
                         position=bad.start() + 1)
    return value
