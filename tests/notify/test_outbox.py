"""NT-1 durable outbox and SMTP, NT-2 French and English, NT-4 e-mails off for one customer."""

from __future__ import annotations

from email.header import decode_header, make_header

from renewdesk.notify.smtp import SmtpConfig, SmtpSender
from tests.builders import card, customer, document, service
from tests.conftest import World
from tests.peers import Smtp


def subject(message: object) -> str:
    return str(make_header(decode_header(message["Subject"])))  # type: ignore[index]


def text_of(message: object) -> str:
    """The plain-text part (every e-mail also has an HTML one, HM-4)."""
    for part in message.walk():  # type: ignore[attr-defined]
        if part.get_content_type() == "text/plain":
            return str(part.get_payload(decode=True).decode())
    raise AssertionError("no text/plain part")


def two_customers(world: World) -> None:
    """Two businesses (a consumer would also get IV-6's reminder: its own tests count it)."""
    world.load(document(
        [customer("FR", card("A"), language="fr", email="jean@example.fr", business=True),
         customer("EN", card("B"), language="en", name="Greta Keller", email="greta@example.de",
                  business=True)],
        [service("S-FR", "FR", "2026-12-20", payment_method="A"),
         service("S-EN", "EN", "2026-12-20", payment_method="B")]))


def test_nt1_nt2_renewal_scheduled_arrives_in_french_and_in_english(world: World,
                                                                   smtp: Smtp) -> None:
    two_customers(world)
    smtp.start()
    mailer = SmtpSender(SmtpConfig("127.0.0.1", smtp.port, sender="billing@reseller.example"))
    report = world.run("2026-12-05", mailer=mailer)
    assert report.mail_sent == 2
    by_to = {m["To"]: m for m in smtp.catcher.messages}
    french, english = by_to["jean@example.fr"], by_to["greta@example.de"]
    assert subject(french).startswith("Votre renouvellement du 13 décembre 2026")
    assert "Pour annuler ce renouvellement" in text_of(french)
    assert subject(english).startswith("Your renewal on December 13, 2026")
    assert "To cancel this renewal" in text_of(english)
    assert {n.status for n in world.mails()} == {"sent"}


def test_nt1_with_the_server_down_mails_stay_queued_and_go_out_next_run(world: World,
                                                                       smtp: Smtp) -> None:
    two_customers(world)
    mailer = SmtpSender(SmtpConfig("127.0.0.1", smtp.port, timeout=2))
    report = world.run("2026-12-05", mailer=mailer)  # nothing listens on that port yet
    assert report.mail_sent == 0 and report.problems
    queued = world.mails()
    assert [n.status for n in queued] == ["queued", "queued"]
    assert all(n.tries == 1 and n.last_error for n in queued)
    smtp.start()
    report = world.run("2026-12-06", mailer=mailer)
    assert report.mail_sent == 2
    assert sorted(m["To"] for m in smtp.catcher.messages) == ["greta@example.de",
                                                              "jean@example.fr"]
    assert [n.status for n in world.mails()] == ["sent", "sent"]


def test_nt1_without_smtp_configured_everything_waits_in_the_outbox(world: World) -> None:
    two_customers(world)
    report = world.run("2026-12-05")
    assert report.mail_waiting == 2
    code, out, _err = world.cli("outbox", "--status", "queued")
    assert code == 0 and out.count("renewal_scheduled") == 2


def test_nt4_emails_off_for_one_customer_are_kept_as_suppressed(world: World, smtp: Smtp) -> None:
    two_customers(world)
    assert world.cli("customer-emails", "FR", "off", today="2026-12-01")[0] == 0
    smtp.start()
    world.run("2026-12-05", mailer=SmtpSender(SmtpConfig("127.0.0.1", smtp.port)))
    assert [m["To"] for m in smtp.catcher.messages] == ["greta@example.de"]
    statuses = {n.to: n.status for n in world.mails()}
    assert statuses == {"jean@example.fr": "suppressed", "greta@example.de": "sent"}
