"""The screenshot script still works (its quick mode: one view, one language)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_screenshot_script_writes_a_readable_png(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RENEWDESK_LOG_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "screenshots.py"), "--quick",
                           "--out", str(tmp_path)], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    shot = tmp_path / "en-customers.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


# Documents rendered to images, <name>-<language>.png: scripts/invoice_screenshots.py's PDFs.
DOCUMENTS = ("invoice",)


def test_docs_screenshots_cover_every_view_and_dialog_in_both_languages() -> None:
    shots = {p.name for p in (REPO / "docs" / "screenshots").glob("*.png")
             if not p.name.startswith("web-")}  # the customer pages: tests/web
    documents = {n for n in shots if n.rsplit("-", 1)[0] in DOCUMENTS}
    assert documents == {f"{name}-{lang}.png" for name in DOCUMENTS for lang in ("en", "fr")}
    window = shots - documents
    names = {n.split("-", 1)[1] for n in window}
    assert {f"{lang}-{name}" for lang in ("en", "fr") for name in names} == window
    assert {"customers.png", "services.png", "bulk-recurrence.png", "plan-update.png",
            "since-last-run.png", "settings.png", "pro-forma.png", "invoices.png",
            "correct-invoice.png", "accounting-export.png",
            "invoices-seller-incomplete.png"} <= names
