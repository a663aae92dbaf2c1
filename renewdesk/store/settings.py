"""Reading and writing settings rows: policy numbers, SMTP host, scheduler state. Never secrets."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.policy import Policy
from renewdesk.store.models import Setting

POLICY_NAMES = frozenset(f.name for f in fields(Policy))
OTHER_NAMES = frozenset(
    {"smtp_host", "smtp_port", "smtp_sender", "smtp_starttls", "smtp_user", "webhook_url",
     "links_base_url"}
)
INTERNAL = frozenset({"link_signing_key", "last_run_on", "install_id", "live_confirmed_on"})


def get(session: Session, name: str, default: str | None = None) -> str | None:
    row = session.get(Setting, name)
    return row.value if row is not None else default


def put(session: Session, name: str, value: str) -> None:
    row = session.get(Setting, name)
    if row is None:
        session.add(Setting(name=name, value=value))
    else:
        row.value = value


def load_policy(session: Session) -> Policy:
    rows = session.scalars(select(Setting).where(Setting.name.in_(POLICY_NAMES))).all()
    return Policy().with_values({row.name: row.value for row in rows})


def all_user_settings(session: Session) -> dict[str, str]:
    rows = session.scalars(select(Setting)).all()
    values = Policy().as_text()
    values.update({r.name: r.value for r in rows if r.name not in INTERNAL})
    return dict(sorted(values.items()))
