"""What the window's role allows (issue 23), in one place: the power each of the window's
actions and buttons needs, by its object name, and how a role's refusal is shown.

The window hides nothing: an action the role cannot take is disabled, its tooltip and status tip
saying why in the window's language (`domain.roles.reason`). The refusal holds whatever enables
the control later (a selection, the end of an operation, a list's own checks): the control is
disabled again at once and keeps its reason, so the lists' enabling logic composes with the role
without knowing of it.

Which power, decided here:
- a dry run changes nothing in the end, but it does the run's writes in a transaction it then
  rolls back (a viewer's database user is refused the first of them), it holds the run lock
  meanwhile (a viewer's dry run would hold off an account manager's run), and its preview's
  "go ahead" runs for real: WORK, as a run and "Sync now" (which records what it read);
- a pro-forma is numbered and audited when it is saved: WORK;
- correcting an invoice makes a credit note and gives no money back (a refund does): WORK;
- Settings open for every role, to be read; only an admin changes them (`SettingsDialog`),
  and the first-run assistant, which writes them, needs SETTINGS.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QWidget

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import shown_value, words
from renewdesk.domain.roles import Power, Role, reason

READ, EXPORT, WORK = Power.READ, Power.EXPORT, Power.WORK
SETTINGS, REFUND = Power.SETTINGS, Power.REFUND

# Every action and button of the window, by object name (the same name is the same action,
# wherever it is: the toolbar, a menu, a list's buttons, the home page's "Needs you").
NEEDS: dict[str, Power] = {
    # The window's actions (actions.py) and menus (menus.py)
    "runNow": WORK, "dryRun": WORK, "syncNow": WORK, "settings": READ, "find": READ,
    "refresh": READ, "quit": READ, "new": WORK, "edit": WORK, "delete": WORK,
    "cancelService": WORK, "importFile": WORK, "importCsv": WORK, "exportAll": EXPORT,
    "exportSelection": EXPORT, "keys": READ, "firstRunAction": SETTINGS, "aboutAction": READ,
    "showTab": READ, "toolbarShown": READ, "clearDays": READ,
    # The selected invoice's (invoice_commands.py) and the Invoices list's
    "openInvoice": READ, "saveInvoice": EXPORT, "resendInvoice": WORK, "correctInvoice": WORK,
    "openInvoiceButton": READ, "saveInvoiceButton": EXPORT, "resendButton": WORK,
    "correctButton": WORK, "accountingExport": EXPORT, "accountingExportButton": EXPORT,
    "openSeller": READ,
    # The lists' buttons (views/pages.py)
    "openCustomer": READ, "bulk": WORK, "renew": WORK, "manualRenewal": WORK,
    "removeMethod": WORK, "updatePlan": WORK, "renewPlan": WORK, "collection": WORK,
    "cancelRenewal": WORK,
    # The home page's "Needs you" (views/home_needs.py)
    "finalAttempt": WORK, "openCollections": READ, "sendCardPage": WORK, "askAgain": WORK,
    "retryEmails": WORK, "openOutbox": READ,
    # A customer's page (views/customer_page.py)
    "refundAction": REFUND, "refund": REFUND, "customerEmails": WORK, "makeDefault": WORK,
    "addMethod": WORK, "replaceMethod": WORK, "removeCustomerMethod": WORK,
    "editCustomer": WORK, "newContact": WORK, "newOrder": WORK, "newService": WORK,
    "editService": WORK, "newUsage": WORK, "customerBulk": WORK, "renewAll": WORK,
}

REFUSED = "refusedByRole"  # a control's dynamic property: why its role cannot use it


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def refusal(role: Role, power: Power, language: str) -> str:
    """Why `role` cannot (a sentence, in `language`); "" when it can."""
    return sentence(reason(role, power, language))


def role_words(role: Role, language: str) -> str:
    """"viewer", "account manager", "lecteur"…"""
    return str(shown_value("role", f"role_{role}", language))


class _Hold(QObject):
    """Keeps its control (its parent) disabled with the reason, whatever enables it later."""

    def __init__(self, why: str, control: QAction | QWidget) -> None:
        super().__init__(control)
        self.why = why
        self.control = control
        if isinstance(control, QAction):
            control.changed.connect(self.hold)
        else:
            control.installEventFilter(self)
        self.hold()

    @Slot()
    def hold(self) -> None:
        control = self.control
        if control.isEnabled():
            control.setEnabled(False)
        if control.toolTip() != self.why:
            control.setToolTip(self.why)
        if control.statusTip() != self.why:
            control.setStatusTip(self.why)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange):
            self.hold()
        return False


def gate(control: QAction | QWidget, role: Role, language: str,
         power: Power | None = None) -> bool:
    """Disable `control` for good if `role` lacks its power (`NEEDS`, by its object name, unless
    given); True if it was. A control already gated keeps its first reason."""
    power = power or NEEDS.get(control.objectName())
    if power is None or control.property(REFUSED):
        return bool(control.property(REFUSED))
    why = refusal(role, power, language)
    if not why:
        return False
    control.setProperty(REFUSED, why)
    _Hold(why, control)
    return True


def apply(root: QWidget, role: Role, language: str) -> None:
    """The role over everything `root` holds: its actions and buttons, by their names."""
    controls: list[QAction | QWidget] = [*root.findChildren(QAction),
                                          *root.findChildren(QAbstractButton)]
    for control in controls:
        gate(control, role, language)


def refused(control: QAction | QWidget) -> str:
    """The role's reason a control is disabled ("" when it is not)."""
    return str(control.property(REFUSED) or "")


def refused_by_database(error: BaseException) -> bool:
    """A change the team's server refused for the user's role (SQLSTATE 42501, insufficient
    privilege), whether the driver's error or SQLAlchemy's around it."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for candidate in (current, getattr(current, "orig", None)):
            if getattr(candidate, "sqlstate", None) == "42501" \
                    or getattr(candidate, "pgcode", None) == "42501":
                return True
        current = current.__cause__ or current.__context__
    return False


def database_refusal(role: Role, language: str) -> str:
    """The words of a change the server refused for `role`."""
    return words(InputError("database_refused_role", role=f"role_{role}"), language)


def who_text(who: str, role: Role, language: str) -> tuple[str, str]:
    """The status bar's discreet "alice (viewer)" and its tooltip."""
    shown = role_words(role, language)
    return (QCoreApplication.translate("Permissions", "%1 (%2)").replace("%1", who)
            .replace("%2", shown),
            QCoreApplication.translate("Permissions", "Working as %1, with the role %2")
            .replace("%1", who).replace("%2", shown))
