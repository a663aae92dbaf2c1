"""HM-2 one e-mail per person per run, HM-4 the seller's face on every e-mail and page, on the
README's tour: the example portfolio imported on 1 November, run on 1 December, then caught up
on 5 December, when Greta Keller's five installments and her usage invoice fail for good."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from datetime import date
from email.header import decode_header, make_header
from email.message import Message
from typing import Any

from sqlalchemy import select

from renewdesk.notify import outbox
from renewdesk.notify.smtp import SmtpConfig, SmtpSender
from renewdesk.store.models import Customer, CustomerLink, Notification
from renewdesk.web.server import create_app
from tests.conftest import EXAMPLE, World
from tests.peers import Smtp

GRETA = "greta@example.de"
SELLER = "seller@renewdesk.invalid"


def png() -> bytes:
    """A 2×2 PNG, the seller's logo."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x1d\x5f\xa8" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tour(world: World, seller: bool = True) -> None:
    if seller:
        assert world.cli("settings", "seller_name=Hébergement Lumière",
                         "seller_address=12 quai Rambaud\n69002 Lyon", "seller_phone=04 78 00 00 00",
                         "seller_signature=L'équipe Lumière",
                         f"seller_logo={base64.b64encode(png()).decode()}")[0] == 0
    assert world.cli("import", str(EXAMPLE), today="2026-11-01")[0] == 0
    world.run("2026-12-01")


def subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def parts(message: Message) -> dict[str, Message]:
    return {part.get_content_type(): part for part in message.walk()}


def text_of(message: Message, kind: str = "text/plain") -> str:
    payload = parts(message)[kind].get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def test_hm2_the_tours_catch_up_sends_one_digest_and_one_e_mail_of_each_kind_to_greta(
        world: World, smtp: Smtp) -> None:
    tour(world)
    smtp.start()
    report = world.run("2026-12-05", mailer=SmtpSender(SmtpConfig("127.0.0.1", smtp.port)))
    caught = smtp.catcher.messages
    to_seller = [m for m in caught if m["To"] == SELLER]
    assert len(to_seller) == 1
    assert subject(to_seller[0]).startswith("[renewdesk] 6 paiements demandent votre attention")
    digest = text_of(to_seller[0])
    assert digest.count("  - Greta Keller (CUST-002)") == 6
    assert "Échéances définitivement impayées : 5, 245,00\xa0€" in digest  # one total a reason
    assert "au total" not in digest and "305,90" not in digest  # usage's 60,90 € not added in
    greta = sorted(subject(m) for m in caught if m["To"] == GRETA)
    assert len(greta) == 2
    assert greta[0] == "5 installments failed: €245.00"
    assert greta[1].startswith("Payment failed for Lettres automatiques")  # one reads as before
    kinds = sorted((line.kind, line.to) for line in report.emails if line.to != "jean.dupont@example.fr")
    assert kinds == [("installment_failed", GRETA), ("seller_alert", SELLER),
                     ("usage_failed", GRETA)]


def test_hm2_greta_s_e_mail_lists_her_five_installments_each_with_a_pay_link_that_works(
        world: World) -> None:
    """CP-2 still holds in a gathered e-mail: each installment's own pay-now link."""
    tour(world)
    world.run("2026-12-05")
    [note] = world.mails("installment_failed")
    lines = [line for line in note.body.splitlines() if line.startswith("  - ")]
    assert [re.search(r"Installment (\d+) of 12", line).group(1) for line in lines] == [  # type: ignore[union-attr]
        "1", "2", "3", "4", "5"]
    pay = [link for link in note.links if link.action == "pay_now"]
    assert sorted(link.subject_ref for link in pay) == [f"installment:ORD-1002#{n}"
                                                      for n in range(1, 6)]
    assert [link.action for link in note.links].count("update_payment_method") == 1
    assert all(link.token in note.body and link.token in (note.html or "") for link in note.links)
    client = create_app(world.app).test_client()
    for n, link in enumerate(sorted(pay, key=lambda link: link.subject_ref), start=1):
        page = client.get(f"/l/{link.token}").get_data(as_text=True)
        assert "49" in page and "ORD-1002" in page and f"#{n}" in page, page
    with world.session() as session:  # the merged-away messages left no link behind
        orphans = session.scalars(select(CustomerLink).where(
            CustomerLink.notification_id.is_(None))).all()
    assert orphans == []


def test_hm2_a_dry_run_shows_the_e_mails_the_real_run_would_send(world: World) -> None:
    tour(world)
    dry = world.run("2026-12-05", dry_run=True)
    real = world.run("2026-12-05")
    assert sorted((m.kind, m.to) for m in dry.emails) == sorted(
        (m.kind, m.to) for m in real.emails)
    assert [m.kind for m in dry.emails].count("seller_alert") == 1
    assert [m.kind for m in dry.emails if m.to == GRETA].count("installment_failed") == 1


def test_hm2_the_export_shows_one_message(world: World) -> None:
    tour(world)
    world.run("2026-12-05")
    notes = world.export()["notifications"]
    assert [n["kind"] for n in notes if n["to"] == GRETA].count("installment_failed") == 1
    assert [n["to"] for n in notes].count(SELLER) == 1


def test_hm2_a_message_already_tried_is_never_merged(world: World, smtp: Smtp) -> None:
    """NT-1: the SMTP server is down on 5 December; the messages tried then stay as they are,
    and what a later day queues for the same person is not folded into them."""
    tour(world)
    down = SmtpSender(SmtpConfig("127.0.0.1", smtp.port, timeout=2))
    world.run("2026-12-05", mailer=down)
    tried = {n.id: (n.subject, n.body) for n in world.mails() if n.tries > 0}
    assert tried
    with world.session() as session:
        first = session.scalars(select(Notification).where(
            Notification.tries > 0, Notification.kind == "installment_failed")).one()
        customer = session.get(Customer, first.customer_id)
        due = date(2026, 12, 20)
        outbox.enqueue(session, kind=first.kind, customer=customer, to=first.to,
                       language=first.language, context=first.context["items"][0],  # type: ignore[index]
                       today=first.created_on,
                       links=(outbox.LinkSpec("pay_now", "installment:ORD-1002#1", due),
                              outbox.LinkSpec("update_payment_method", "CUST-002", due)))
        session.commit()
        assert outbox.gather(session) == 0
        session.commit()
    after = {n.id: (n.subject, n.body) for n in world.mails() if n.tries > 0}
    assert after == tried


def test_hm2_nt4_greta_with_e_mails_off_stays_suppressed(world: World, smtp: Smtp) -> None:
    tour(world)
    assert world.cli("customer-emails", "CUST-002", "off", today="2026-12-02")[0] == 0
    smtp.start()
    world.run("2026-12-05", mailer=SmtpSender(SmtpConfig("127.0.0.1", smtp.port)))
    assert GRETA not in [m["To"] for m in smtp.catcher.messages]
    assert {n.status for n in world.mails() if n.to == GRETA} == {"suppressed"}
    assert [m["To"] for m in smtp.catcher.messages].count(SELLER) == 1


def test_hm4_every_e_mail_has_a_text_and_an_html_part_with_the_sellers_face(
        world: World, smtp: Smtp) -> None:
    tour(world)
    smtp.start()
    world.run("2026-12-05", mailer=SmtpSender(SmtpConfig("127.0.0.1", smtp.port)))
    assert smtp.catcher.messages
    for message in smtp.catcher.messages:
        found = parts(message)
        assert "multipart/alternative" in found
        text, html = text_of(message), text_of(message, "text/html")
        for shown in (text, html):
            assert "Hébergement Lumière" in shown and "04 78 00 00 00" in shown
            assert "L'équipe Lumière" in shown or "L&#39;équipe Lumière" in shown
        logo = found["image/png"]
        assert logo["Content-ID"] == "<seller-logo>" and logo.get_payload(decode=True) == png()
        assert 'src="cid:seller-logo"' in html
        assert not re.search(r"<script|https?://(?!127\.0\.0\.1)", html)  # nothing external


def test_hm4_the_html_part_escapes_what_it_is_given(world: World) -> None:
    assert world.cli("settings", "seller_name=<b>Lumière</b> & fils")[0] == 0
    world.cli("import", str(EXAMPLE), today="2026-11-01")
    world.run("2026-12-01")
    note: Any = world.mails()[0]
    assert "&lt;b&gt;Lumière&lt;/b&gt; &amp; fils" in note.html and "<b>Lumière" not in note.html
    assert "<b>Lumière</b> & fils" in note.body


def test_hm4_customer_pages_show_the_sellers_name_and_logo(world: World) -> None:
    tour(world)
    world.run("2026-12-05")
    [note] = world.mails("installment_failed")
    client = create_app(world.app).test_client()
    page = client.get(f"/l/{note.links[0].token}")
    body = page.get_data(as_text=True)
    assert "Hébergement Lumière" in body and 'src="/seller-logo"' in body
    logo = client.get("/seller-logo")
    assert logo.status_code == 200 and logo.data == png() and logo.mimetype == "image/png"
    assert "img-src" not in page.headers["Content-Security-Policy"]  # 'self' covers it


def test_hm4_without_a_seller_the_e_mails_still_go_without_a_face(world: World) -> None:
    tour(world, seller=False)
    world.run("2026-12-05")
    [note] = world.mails("installment_failed")
    assert note.html is not None and "cid:" not in note.html
    assert "\n-- \n" not in note.body
