"""The customer pages' defences: CSRF tokens on acting forms and a brake on guessed links.

CSRF: a random value in a cookie (HttpOnly, SameSite=Strict) and, in each form, an HMAC of it
with the link's token under the database's link-signing key: a page elsewhere can neither read
the cookie nor compute the form value. Bad tokens: an address that sent `limit` forged or
unknown tokens within `window` seconds gets "too many attempts" (HTTP 429) until it slows down.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque

COOKIE = "rd_csrf"


def new_cookie() -> str:
    return secrets.token_urlsafe(24)


def form_token(key: str, cookie: str, link_token: str) -> str:
    return hmac.new(bytes.fromhex(key), f"csrf|{cookie}|{link_token}".encode(),
                    hashlib.sha256).hexdigest()


def form_ok(key: str, cookie: str | None, link_token: str, given: str | None) -> bool:
    if not cookie or not given:
        return False
    return hmac.compare_digest(form_token(key, cookie, link_token), given)


class BadTokens:
    def __init__(self, limit: int = 5, window: float = 600.0) -> None:
        self.limit = limit
        self.window = window
        self._seen: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self._seen[address]
        while times and times[0] < now - self.window:
            times.popleft()
        return times

    def blocked(self, address: str) -> bool:
        with self._lock:
            return len(self._recent(address, time.monotonic())) >= self.limit

    def record(self, address: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent(address, now).append(now)
