"""Sending one message by SMTP. The password, if any, comes from the keyring, never settings."""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from renewdesk.notify.outbox import Attachment, InlineImage


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 25
    sender: str = "renewdesk@localhost"
    starttls: bool = False
    user: str | None = None
    password: str | None = None
    timeout: float = 10.0


def message_of(sender: str, to: str, subject: str, body: str, message_ref: str,
               attachments: Sequence[Attachment] = (), html: str | None = None,
               images: Sequence[InlineImage] = ()) -> EmailMessage:
    """The e-mail. With an HTML part (HM-4), multipart/alternative: the plain text, then the
    HTML in a multipart/related with the images it shows by Content-ID (the logo). With
    attachments, all that in a multipart/mixed, then each file as its own part (an invoice as
    application/pdf)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(idstring=message_ref)
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
        html_part = message.get_body(("html",))
        if images and isinstance(html_part, EmailMessage):
            for image in images:
                maintype, _, subtype = image.mimetype.partition("/")
                html_part.add_related(image.content, maintype=maintype, subtype=subtype,
                                      cid=f"<{image.cid}>", disposition="inline")
    for attached in attachments:
        maintype, _, subtype = attached.mimetype.partition("/")
        message.add_attachment(attached.content, maintype=maintype, subtype=subtype,
                               filename=attached.filename)
    return message


class SmtpSender:
    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    def send(self, to: str, subject: str, body: str, message_ref: str,
             attachments: Sequence[Attachment] = (), html: str | None = None,
             images: Sequence[InlineImage] = ()) -> None:
        message = message_of(self.config.sender, to, subject, body, message_ref, attachments,
                             html, images)
        with smtplib.SMTP(self.config.host, self.config.port, timeout=self.config.timeout) as smtp:
            if self.config.starttls:
                smtp.starttls()
            if self.config.user and self.config.password:
                smtp.login(self.config.user, self.config.password)
            smtp.send_message(message)
