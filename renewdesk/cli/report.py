"""The printed summary of a run (and of a dry run, which must read the same), and of a sync."""

from __future__ import annotations

from typing import TextIO

from renewdesk.services.run_due import RunReport


def print_report(report: RunReport, out: TextIO) -> None:
    head = "Dry run" if report.dry_run else "Run"
    out.write(f"{head} as of {report.as_of.isoformat()}")
    if report.caught_up_days:
        out.write(f" (catching up {report.caught_up_days} missed day(s))")
    out.write("\n")
    _provider(report, out)
    for r in report.settled:
        out.write(f"  settled  {r.subject_ref}: {r.outcome}\n")
    for n in report.notices:
        out.write(f"  notice   {n.renewal_ref} {n.customer_ref} {n.amount} charge on "
                  f"{n.charge_on.isoformat()}\n")
    for c in report.charges:
        code = f" ({c.decline_code})" if c.decline_code else ""
        out.write(f"  charge   {c.subject} {c.customer} {c.amount} {c.payment_method}: "
                  f"{c.result}{code}\n")
    for ref in report.plan_changes_expired:
        out.write(f"  expired  plan change of {ref}\n")
    for ref in report.suspended:
        out.write(f"  suspend  {ref}\n")
    for ref in report.usage_invoices:
        out.write(f"  invoice  {ref}\n")
    for mail in report.emails:
        out.write(f"  e-mail   {mail.kind} to {mail.to} [{mail.status}]\n")
    out.write(f"{len(report.notices)} notice(s), {len(report.charges)} charge attempt(s), "
              f"{len(report.suspended)} suspension(s), {len(report.usage_invoices)} usage "
              f"invoice(s), {len(report.emails)} e-mail(s), {report.events} event(s)")
    if not report.dry_run:
        out.write(f"; {report.mail_sent} e-mail(s) sent, {report.mail_waiting} waiting")
    out.write("\n")
    if report.rate_limited:  # SY-2: not declines; each was asked again with its own key
        out.write(f"{report.rate_limited} call(s) turned away for the processor's rate limit "
                  "(HTTP 429), each asked again later with the same key; not declines\n")
    for problem in report.problems:
        out.write(f"  problem: {problem}\n")


def _provider(report: RunReport, out: TextIO) -> None:
    """What the run read first from the payment provider: its events (what each changed) and
    the refunds it settled. Nothing when there was nothing (and in a dry run, which reads none)."""
    synced = report.synced
    if synced is None or not (synced.read or report.refunds_settled):
        return
    for change in synced.changes:
        out.write(f"  provider {change}\n")
    out.write(f"  provider {synced.read} event(s) read, {synced.applied} applied; "
              f"{report.refunds_settled} refund(s) settled\n")


def print_sync(report: RunReport, out: TextIO) -> None:
    """`renewdesk sync`: the events read and what they changed, the refunds settled, the
    rounds they concluded, and what could not be done."""
    synced = report.synced
    out.write(f"Sync as of {report.as_of.isoformat()}\n")
    for change in synced.changes if synced else ():
        out.write(f"  provider {change}\n")
    for r in report.settled:
        out.write(f"  settled  {r.subject_ref}: {r.outcome}\n")
    read, applied = (synced.read, synced.applied) if synced else (0, 0)
    out.write(f"{read} event(s) read from the payment provider, {applied} applied, "
              f"{report.refunds_settled} refund(s) settled, {len(report.settled)} round(s) "
              f"concluded; {report.mail_sent} e-mail(s) sent, "
              f"{report.mail_waiting} waiting\n")
    for problem in report.problems:
        out.write(f"  problem: {problem}\n")
