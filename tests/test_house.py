"""Issue 17's measures of a house easy to change: the window reaches the database only through
`services` (SC-1: the GUI thread never waits on it), and the rooms new work lands in have short
functions and files."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "renewdesk"
SHORT = ["services/listing.py"]  # charging: tests/services/test_charging_path.py; web: tests/web


def imports_of(path: Path) -> set[str]:
    """The modules a source file imports (shared with the customer pages' layer test)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_sc1_no_window_module_imports_the_store_or_sqlalchemy() -> None:
    modules = sorted((ROOT / "ui").rglob("*.py"))
    assert len(modules) > 20  # the walk found the window's modules
    for path in modules:
        found = {name for name in imports_of(path)
                 if name.split(".")[0] == "sqlalchemy" or name.startswith("renewdesk.store")}
        assert found == set(), path.relative_to(ROOT)


@pytest.mark.parametrize("name", SHORT)
def test_the_rooms_of_the_next_issues_have_short_functions_and_files(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, name
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 50, f"{name}: {node.name} has {length} lines"
