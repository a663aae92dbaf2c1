"""Keyring test doubles: a secure system keyring kept in memory, and a headless machine's chain
that would fall through to a plain-text file."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import PlaintextKeyring


class MemoryKeyring(KeyringBackend):
    """A secure system keyring, for the test: kept in memory."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]  # never picked by keyring's own discovery

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.reads = 0  # how often a secret was read from it

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.items[(service, username)]


class HeadlessChain(ChainerBackend):
    """What keyring picks on a server with no desktop keyring: only the plain-text file."""

    viable = False  # type: ignore[assignment]
    backends = (PlaintextKeyring(),)  # type: ignore[assignment]


@pytest.fixture
def system_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def headless() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(HeadlessChain())
    yield
    keyring.set_keyring(previous)
