"""Imports after PySide6's, without PySide6 reading each module's source through `inspect`.

Once PySide6.QtCore is loaded, its `__feature__` machinery (the opt-in `from __feature__ import
snake_case`) looks at every module imported afterwards and notes whether its source mentions
"PySide6" (`_mod_uses_pyside`, by `inspect.getsource`: linecache reads and splits the whole
file, and keeps it in memory). At the window's start that is the ~400 modules of SQLAlchemy and
renewdesk, a good share of the start's CPU (docs/benchmarks.md, issue 23), for a note renewdesk
never reads (it uses no feature; a module noted either way then sees PySide6's default names).

`lighten()` puts the same test in its place, made on the file's bytes: the same answer for a
module with a source file, False (as upstream) for one without (built in, compiled, or inside
the bundle's archive). If a PySide6 version changes the machinery, nothing is replaced.
"""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE = "PySide6.support.feature"


def mentions_pyside(module: ModuleType) -> bool:
    """Does the module's source file say "PySide6"? (upstream's test, without linecache)"""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten() -> bool:
    """Replace PySide6's test by `mentions_pyside`; True if it was there to replace."""
    feature = sys.modules.get(_FEATURE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    return True
