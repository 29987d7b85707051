"""Small builders of inbound mail for tests, written the way mail clients write it."""
from __future__ import annotations

import email.utils
from email.message import EmailMessage

from mailer.commands.demo import reply_as_client

__all__ = ["endorsement", "reply_as_client"]


_TRADES = ("Garment Workers", "Teachers", "Fisherfolk", "Transport Workers", "Nurses", "Students", "Farmers",
           "Domestic Workers")
_PLACES = ("Penang", "Ipoh", "Kuching", "Kota Bharu", "Malacca", "Seremban", "Kuantan", "Alor Setar", "Sandakan",
           "Miri", "Taiping", "Muar", "Klang", "Batu Pahat", "Sibu", "Tawau")


def organization_name(n: int) -> str:
    """A distinct, ordinary organization name with its short name for the n-th endorsement of a test:
    "Penang Garment Workers Union (PGWU)". Names like "Org 7" are nothing a person writes, and the reader
    is rightly unsure of them."""
    name = f"{_PLACES[n // len(_TRADES) % len(_PLACES)]} {_TRADES[n % len(_TRADES)]} Union"
    if n >= len(_TRADES) * len(_PLACES):
        raise ValueError("not that many test organizations")
    return f"{name} ({''.join(w[0] for w in name.split()).upper()})"


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
