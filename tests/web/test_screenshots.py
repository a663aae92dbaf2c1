"""The customer pages' screenshots are in docs/screenshots, every page in both languages."""

from __future__ import annotations

from tests.conftest import REPO

PAGES = {"cancel", "confirm", "confirm-expired", "methods", "choose-card", "invalid", "pay-now",
         "pay-paid", "pay-confirm", "invoices"}


def test_customer_page_screenshots_in_both_languages() -> None:
    shots = {p.name for p in (REPO / "docs" / "screenshots").glob("web-*.png")}
    assert shots == {f"web-{lang}-{page}.png" for lang in ("en", "fr") for page in PAGES}
