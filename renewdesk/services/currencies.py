"""The currencies the portfolio charges in, for the settings that are an amount kept without
one (the minimum installment, the reactivation fee: major units of each order's or service's
currency). With a single currency they read as money (HM-3)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from renewdesk.domain.setting_words import AMOUNTS
from renewdesk.services.context import Context
from renewdesk.store.models import InstallmentOrder, Service

_COLUMNS = {"service": Service.currency, "order": InstallmentOrder.currency}


@dataclass(frozen=True)
class SettingCurrencies:
    """Per amount setting, the currencies it is charged in (sorted; none on an empty
    portfolio)."""

    by_setting: dict[str, tuple[str, ...]]

    def of(self, name: str) -> tuple[str, ...]:
        return self.by_setting.get(name, ())


def setting_currencies(session: Session) -> SettingCurrencies:
    found = {kind: tuple(sorted(session.scalars(select(column).distinct())))
             for kind, column in _COLUMNS.items()}
    return SettingCurrencies({name: found[kind] for name, kind in AMOUNTS.items()})


def read_setting_currencies(ctx: Context) -> SettingCurrencies:
    """For the window: read off the GUI thread (`Desk.read`)."""
    with ctx.factory() as session:
        return setting_currencies(session)
