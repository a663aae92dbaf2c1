"""Who may do what (issue 23): three roles, each a set of powers.

- admin: everything, and the settings, the processor and its live mode, the users, refunds;
- manager (an account manager): every workflow of the rules (customers, services, orders,
  methods, runs, imports, links, invoices), but no settings, no refund, no users;
- viewer: reads and exports.

On SQLite the one user is admin. In team mode a role is a PostgreSQL role the database itself
enforces with its GRANTs and policies (store/roles.py); the window and the command line ask the
same question beforehand (`can`), so that an action a role cannot take is disabled with its
reason rather than refused by the server after the fact. The reason is a refusal code with its
values (`NotPermitted`), said in the reader's language where it is shown.
"""

from __future__ import annotations

from enum import StrEnum

from renewdesk.domain.errors import InputError


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    VIEWER = "viewer"


class Power(StrEnum):
    READ = "read"            # the lists, a customer's page, the home page, the outbox
    EXPORT = "export"        # exchange files, the accountant's exports, invoice PDFs
    WORK = "work"            # every workflow of RULES.md: edits, imports, runs, charges, links
    SETTINGS = "settings"    # the portfolio's settings, the processor and its live mode
    REFUND = "refund"        # RF-1: money given back
    USERS = "users"          # team add-user / set-role


POWERS: dict[Role, frozenset[Power]] = {
    Role.ADMIN: frozenset(Power),
    Role.MANAGER: frozenset({Power.READ, Power.EXPORT, Power.WORK}),
    Role.VIEWER: frozenset({Power.READ, Power.EXPORT}),
}


def can(role: Role, power: Power) -> bool:
    return power in POWERS[role]


class NotPermitted(InputError):
    """An action the user's role cannot take: refused before anything changes, or by the
    database (a team's server refusing the write, told in the same words)."""

    def __init__(self, role: Role, power: Power) -> None:
        super().__init__("role_cannot", role=f"role_{role}", power=f"power_{power}")
        self.role = role
        self.power = power


def check(role: Role, power: Power) -> None:
    """Raise `NotPermitted` unless `role` has `power`."""
    if not can(role, power):
        raise NotPermitted(role, power)


def reason(role: Role, power: Power, language: str) -> str:
    """Why an action is disabled, in the reader's language ("" when it is not)."""
    return "" if can(role, power) else NotPermitted(role, power).words(language)
