"""The printed summary of a run (and of a dry run, which must read the same)."""

from __future__ import annotations

from typing import TextIO

from renewdesk.services.run_due import RunReport


def print_report(report: RunReport, out: TextIO) -> None:
    head = "Dry run" if report.dry_run else "Run"
    out.write(f"{head} as of {report.as_of.isoformat()}")
    if report.caught_up_days:
        out.write(f" (catching up {report.caught_up_days} missed day(s))")
    out.write("\n")
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
