"""HM-1's home page within 1.5 s of the start: PySide6's note of which modules use it is made
from the source file's bytes instead of `inspect.getsource`, with the same answers."""

from __future__ import annotations

import inspect
import linecache
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401
import sqlalchemy.orm

import renewdesk.domain.money
import renewdesk.ui
import renewdesk.ui.startup
from renewdesk.ui import pyside_imports


def upstream(module: ModuleType) -> bool:
    """PySide6's own test (shibokensupport/feature.py, `_mod_uses_pyside`)."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_hm1_the_light_test_answers_as_pyside6s_own_for_every_kind_of_module() -> None:
    kinds = [renewdesk.ui.startup,  # says PySide6
             renewdesk.domain.money,  # does not
             sqlalchemy.orm,  # a package's __init__
             sys,  # built in
             sys.modules["PySide6.QtCore"]]  # compiled
    assert [pyside_imports.mentions_pyside(m) for m in kinds] == [upstream(m) for m in kinds]
    assert [upstream(m) for m in kinds] == [True, False, False, False, False]


def test_hm1_the_window_package_puts_the_light_test_in_place_of_pyside6s() -> None:
    feature = sys.modules["PySide6.support.feature"]
    assert renewdesk.ui.__name__ in sys.modules
    assert feature._mod_uses_pyside is pyside_imports.mentions_pyside
    # a module imported now is noted without its source read into linecache (upstream's way)
    assert "colorsys" not in sys.modules
    import colorsys

    assert feature.pyside_feature_dict["colorsys"] == -1
    assert colorsys.__file__ not in linecache.cache
    # and PySide6 notes a module loaded after it with it: a using one 0, any other -1
    assert feature.pyside_feature_dict["renewdesk.ui.startup"] == 0
    assert feature.pyside_feature_dict["renewdesk.domain.money"] == -1
