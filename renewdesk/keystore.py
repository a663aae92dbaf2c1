"""Secrets (the Stripe secret key, the webhook signing secret, an SMTP password, a team's
PostgreSQL password) live in the
system keyring, never in the database, settings, exported files or logs.

On a machine with no secure keyring (a headless server), storing a secret in plain text needs
the user's explicit consent, and the command says where it went. For unattended use, the
environment (`RENEWDESK_<NAME>_SECRET`) is read first and nothing is stored at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_path

from renewdesk.domain.errors import InputError

if TYPE_CHECKING:  # keyring is imported when a secret is first needed (the window starts first)
    from keyring.backend import KeyringBackend
    from keyrings.alt.file import PlaintextKeyring

SERVICE = "renewdesk"
# Each secret, and the environment variable that supplies it for unattended runs.
ENVIRONMENT = {"stripe": "RENEWDESK_STRIPE_SECRET_KEY", "webhook": "RENEWDESK_WEBHOOK_SECRET",
               "smtp": "RENEWDESK_SMTP_SECRET", "database": "RENEWDESK_DATABASE_PASSWORD"}
NAMES = tuple(ENVIRONMENT)
# Backends never used without consent: plain text on disk (readable by anyone who can read the
# user's files), one that asks for a password at every use, and the "no keyring" stand-ins.
_NOT_SECURE = frozenset({"keyrings.alt.file.PlaintextKeyring", "keyrings.alt.file.EncryptedKeyring",
                         "keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"})


@dataclass(frozen=True)
class SecretState:
    """Where a secret is kept: `kind` (environment | keyring | plaintext | unset) and `place`
    (the variable, the keyring's name, the file), for the reader's words (the command line's);
    `source` is the English, as a log reads it."""

    name: str
    kind: str
    place: str = ""

    @property
    def source(self) -> str:
        return {"environment": f"environment ({self.place})",
                "keyring": f"system keyring ({self.place})",
                "plaintext": f"PLAIN TEXT file {self.place}"}.get(self.kind, "not set")


def env_name(name: str) -> str:
    return ENVIRONMENT[name]


def _check_name(name: str) -> None:
    if name not in NAMES:
        raise InputError("unknown_secret", name=name, names=", ".join(NAMES))


def _qualified(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def secure_backend() -> KeyringBackend | None:
    """The system keyring, if one is usable that does not store in plain text.

    keyring's default may be a chainer over every installed backend, which would fall through
    to the plain-text file silently; only its secure members are considered.
    """
    import keyring

    backend = keyring.get_keyring()
    members: list[KeyringBackend] = list(getattr(backend, "backends", [backend]))
    usable = [b for b in members if _qualified(b) not in _NOT_SECURE and b.priority > 0]
    return max(usable, key=lambda b: b.priority) if usable else None


def plaintext_file(env: Mapping[str, str]) -> Path:
    folder = Path(env.get("RENEWDESK_CONFIG_DIR") or user_config_path("renewdesk",
                                                                       appauthor=False))
    return folder / "secrets-in-plain-text.cfg"


def _plaintext(env: Mapping[str, str]) -> PlaintextKeyring:
    from keyrings.alt.file import PlaintextKeyring

    store = PlaintextKeyring()
    store.file_path = str(plaintext_file(env))
    return store


def store(name: str, value: str, env: Mapping[str, str], *,
          allow_plaintext: bool) -> SecretState:
    """Save a secret; returns where it went (keyring or plaintext), for the caller to say."""
    _check_name(name)
    if not value or "\n" in value or value != value.strip():
        raise InputError("secret_one_line", name=name)
    backend = secure_backend()
    if backend is not None:
        backend.set_password(SERVICE, name, value)
        return SecretState(name, "keyring", backend.name)
    path = plaintext_file(env)
    if not allow_plaintext:
        raise InputError("no_secure_keyring", name=name, path=str(path), variable=env_name(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))  # private before a byte is written
    os.chmod(path, 0o600)
    _plaintext(env).set_password(SERVICE, name, value)
    return SecretState(name, "plaintext", str(path))


def read(name: str, env: Mapping[str, str]) -> str | None:
    _check_name(name)
    if env.get(env_name(name)):
        return env[env_name(name)]
    backend = secure_backend()
    if backend is not None:
        value = backend.get_password(SERVICE, name)
        if value:
            return value
    if plaintext_file(env).exists():
        kept: str | None = _plaintext(env).get_password(SERVICE, name)
        return kept
    return None


def delete(name: str, env: Mapping[str, str]) -> bool:
    _check_name(name)
    removed = False
    backend = secure_backend()
    if backend is not None and backend.get_password(SERVICE, name) is not None:
        backend.delete_password(SERVICE, name)
        removed = True
    if plaintext_file(env).exists() and _plaintext(env).get_password(SERVICE, name) is not None:
        _plaintext(env).delete_password(SERVICE, name)
        removed = True
    return removed


def states(env: Mapping[str, str]) -> list[SecretState]:
    """Where each secret comes from; never its value."""
    out = []
    backend = secure_backend()
    for name in NAMES:
        if env.get(env_name(name)):
            state = SecretState(name, "environment", env_name(name))
        elif backend is not None and backend.get_password(SERVICE, name):
            state = SecretState(name, "keyring", backend.name)
        elif plaintext_file(env).exists() and _plaintext(env).get_password(SERVICE, name):
            state = SecretState(name, "plaintext", str(plaintext_file(env)))
        else:
            state = SecretState(name, "unset")
        out.append(state)
    return out
