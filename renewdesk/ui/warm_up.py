"""The window starts with only what its home page needs (issue 23: the start within 1.5 s);
the modules behind the other pages' buttons, dialogs and actions are loaded afterwards, on a
thread of their own, once the home page is drawn. A click then opens its dialog at once rather
than loading it on the GUI thread; one that comes first loads what it needs itself (Python's
import lock makes the two wait for each other, never load a module twice)."""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger("renewdesk.ui")

MODULES = (
    "renewdesk.services.actions",
    "renewdesk.services.manual",
    "renewdesk.services.run_due",
    "renewdesk.services.overview",
    "renewdesk.services.refunds",
    "renewdesk.services.proforma",
    "renewdesk.services.forms",
    "renewdesk.services.invoice_actions",
    "renewdesk.services.exchange.export",
    "renewdesk.notify.outbox",
    "renewdesk.notify.smtp",
    "renewdesk.ui.dialogs.settings",
    "renewdesk.ui.dialogs.since_last_run",
    "renewdesk.ui.dialogs.sync_summary",
    "renewdesk.ui.dialogs.bulk_recurrence",
    "renewdesk.ui.dialogs.cancel_renewal",
    "renewdesk.ui.dialogs.collection",
    "renewdesk.ui.dialogs.plan_update",
    "renewdesk.ui.dialogs.proforma",
    "renewdesk.ui.dialogs.remove_method",
    "renewdesk.ui.dialogs.payment_method",
    "renewdesk.ui.dialogs.record_form",
    "renewdesk.ui.dialogs.refund",
    "renewdesk.ui.dialogs.correct_invoice",
    "renewdesk.ui.dialogs.accounting_export",
    "renewdesk.ui.dialogs.first_run",
    "renewdesk.ui.views.customer_page",
)
_started = threading.Event()


def start() -> None:
    """Once per process, whatever calls it first (the home page drawn, or a timer)."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_load, name="renewdesk-warm-up", daemon=True).start()


def _load() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the click that needs it will say what is wrong
            log.exception("loading %s ahead failed", name)
