"""Small builders of inbound mail for tests, written the way mail clients write it."""
from __future__ import annotations

import email.utils
from email.message import EmailMessage

from mailer.commands.demo import reply_as_client

__all__ = ["endorsement", "reply_as_client"]


def endorsement(*, sender: str = "Aruna Devi <aruna@psm.example.org>", organization: str = "Parti Sosialis Malaysia (PSM)",
                country: str = "Malaysia", subject: str = "Endorsement of the joint statement",
                message_id: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "statement@example.org"
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=True)
    msg["Message-ID"] = message_id or email.utils.make_msgid(domain="client.example.net")
    msg.set_content(f"Dear comrades,\n\nWe endorse the statement.\n\nOrganisation: {organization}\n"
                    f"Country: {country}\n\nIn solidarity\n")
    return msg.as_bytes()
