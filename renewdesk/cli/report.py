"""The printed summary of a run (and of a dry run, which must read the same), and of a sync."""

from __future__ import annotations

from typing import TextIO

from renewdesk.domain.refusal_words import colon
from renewdesk.domain.run_words import in_words
from renewdesk.domain.sync_words import in_words as change_words
from renewdesk.services.run_due import RunReport


def print_report(report: RunReport, out: TextIO, language: str = "en") -> None:
    w = _words(language)
    out.write(w["dry_head" if report.dry_run else "head"].format(day=report.as_of.isoformat()))
    if report.caught_up_days:
        out.write(w["catching_up"].format(days=report.caught_up_days))
    out.write("\n")
    _provider(report, out, w, language)
    for r in report.settled:
        out.write(f"  {w['settled']} {r.subject_ref}{colon(language)}"
                  f"{w.get(r.outcome, r.outcome)}\n")
    for n in report.notices:
        out.write(f"  {w['notice']} {n.renewal_ref} {n.customer_ref} {n.amount} "
                  + w["charge_on"].format(day=n.charge_on.isoformat()) + "\n")
    for c in report.charges:
        code = f" ({c.decline_code})" if c.decline_code else ""
        out.write(f"  {w['charge']} {c.subject} {c.customer} {c.amount} {c.payment_method}"
                  f"{colon(language)}{w.get(c.result, c.result)}{code}\n")
    for ref in report.plan_changes_expired:
        out.write(f"  {w['expired']} " + w["plan_change_of"].format(ref=ref) + "\n")
    for ref in report.suspended:
        out.write(f"  {w['suspend']} {ref}\n")
    for ref in report.usage_invoices:
        out.write(f"  {w['invoice']} {ref}\n")
    for mail in report.emails:
        out.write(f"  {w['email']} " + w["mail_to"].format(
            kind=mail.kind, to=mail.to, status=w.get(mail.status, mail.status)) + "\n")
    out.write(w["totals"].format(
        notices=len(report.notices), charges=len(report.charges),
        suspended=len(report.suspended), invoices=len(report.usage_invoices),
        emails=len(report.emails), events=report.events))
    if not report.dry_run:
        out.write(w["mail_totals"].format(sent=report.mail_sent, waiting=report.mail_waiting))
    out.write("\n")
    if report.rate_limited:  # SY-2: not declines; each was asked again with its own key
        out.write(w["rate_limited"].format(count=report.rate_limited) + "\n")
    for problem in report.problems:
        out.write(f"  {w['problem']} {in_words(problem, language)}\n")


def _provider(report: RunReport, out: TextIO, w: dict[str, str], language: str) -> None:
    """What the run read first from the payment provider: its events (what each changed) and
    the refunds it settled. Nothing when there was nothing (and in a dry run, which reads none)."""
    synced = report.synced
    if synced is None or not (synced.read or report.refunds_settled):
        return
    for change in synced.changes:
        out.write(f"  {w['provider']} {change_words(change, language)}\n")
    out.write(f"  {w['provider']} " + w["provider_read"].format(
        read=synced.read, applied=synced.applied, refunds=report.refunds_settled) + "\n")


def print_sync(report: RunReport, out: TextIO, language: str = "en") -> None:
    """`renewdesk sync`: the events read and what they changed, the refunds settled, the
    rounds they concluded, and what could not be done."""
    w = _words(language)
    synced = report.synced
    out.write(w["sync_head"].format(day=report.as_of.isoformat()) + "\n")
    for change in synced.changes if synced else ():
        out.write(f"  {w['provider']} {change_words(change, language)}\n")
    for r in report.settled:
        out.write(f"  {w['settled']} {r.subject_ref}{colon(language)}"
                  f"{w.get(r.outcome, r.outcome)}\n")
    read, applied = (synced.read, synced.applied) if synced else (0, 0)
    out.write(w["sync_totals"].format(read=read, applied=applied,
                                      refunds=report.refunds_settled,
                                      rounds=len(report.settled), sent=report.mail_sent,
                                      waiting=report.mail_waiting) + "\n")
    for problem in report.problems:
        out.write(f"  {w['problem']} {in_words(problem, language)}\n")


def _words(language: str) -> dict[str, str]:
    return _WORDS["fr"] if language == "fr" else _WORDS["en"]


# The summary's words (HM-3). The references, amounts, decline codes and e-mail kinds stay as
# they are: they are what the other commands take and the outbox shows.
_WORDS = {
    "en": {
        "head": "Run as of {day}", "dry_head": "Dry run as of {day}",
        "catching_up": " (catching up {days} missed day(s))",
        "settled": "settled ", "notice": "notice  ", "charge": "charge  ",
        "expired": "expired ", "suspend": "suspend ", "invoice": "invoice ",
        "email": "e-mail  ", "provider": "provider", "problem": "problem:",
        "charge_on": "charge on {day}", "plan_change_of": "plan change of {ref}",
        "mail_to": "{kind} to {to} [{status}]",
        "totals": "{notices} notice(s), {charges} charge attempt(s), {suspended} suspension(s), "
                  "{invoices} usage invoice(s), {emails} e-mail(s), {events} event(s)",
        "mail_totals": "; {sent} e-mail(s) sent, {waiting} waiting",
        "rate_limited": "{count} call(s) turned away for the processor's rate limit (HTTP 429), "
                        "each asked again later with the same key; not declines",
        "provider_read": "{read} event(s) read, {applied} applied; {refunds} refund(s) settled",
        "sync_head": "Sync as of {day}",
        "sync_totals": "{read} event(s) read from the payment provider, {applied} applied, "
                       "{refunds} refund(s) settled, {rounds} round(s) concluded; {sent} "
                       "e-mail(s) sent, {waiting} waiting",
    },
    "fr": {
        "head": "Passage au {day}", "dry_head": "Passage à blanc au {day}",
        "catching_up": " (rattrapage de {days} jour(s) manqué(s))",
        "settled": "réglé   ", "notice": "préavis ", "charge": "prélèv. ",
        "expired": "expiré  ", "suspend": "suspendu", "invoice": "facture ",
        "email": "e-mail  ", "provider": "prestat.", "problem": "problème :",
        "charge_on": "prélevé le {day}", "plan_change_of": "changement d'échéancier de {ref}",
        "mail_to": "{kind} à {to} [{status}]",
        "totals": "{notices} préavis, {charges} tentative(s) de prélèvement, {suspended} "
                  "suspension(s), {invoices} facture(s) de consommation, {emails} e-mail(s), "
                  "{events} événement(s)",
        "mail_totals": " ; {sent} e-mail(s) envoyé(s), {waiting} en attente",
        "rate_limited": "{count} appel(s) refusé(s) par la limite de débit du prestataire "
                        "(HTTP 429), chacun redemandé plus tard avec la même clé ; ce ne sont "
                        "pas des refus de paiement",
        "provider_read": "{read} événement(s) lu(s), {applied} appliqué(s) ; {refunds} "
                         "remboursement(s) réglé(s)",
        "sync_head": "Synchronisation au {day}",
        "sync_totals": "{read} événement(s) lu(s) chez le prestataire de paiement, {applied} "
                       "appliqué(s), {refunds} remboursement(s) réglé(s), {rounds} tentative(s) "
                       "conclue(s) ; {sent} e-mail(s) envoyé(s), {waiting} en attente",
        "succeeded": "réussi", "declined": "refusé", "pending": "en cours",
        "unknown": "inconnu", "queued": "en attente", "sent": "envoyé",
        "suppressed": "non envoyé (e-mails coupés)", "failed": "échoué", "paid": "payé",
    },
}
