"""A small world for the digest's tests: mail in through a Maildir, out through the real SMTP sink, a clock."""
from __future__ import annotations

import email
import email.policy
import email.utils
import mailbox
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import insert

from mailer.edges.mailbox_source import MaildirConnection
from mailer.pipeline import handle_stored, intake, send_outbox
from mailer.settings import Settings, load_settings
from mailer.edges.smtp import SmtpSender
from storage.db import Database, open_database
from storage.schema import Subscriber
from tests.support.config import smtp_outgoing, write_config

MONDAY_9 = datetime(2025, 6, 2, 9, 0)        # a Monday: the default digest moment is Monday 09:00 UTC


class Clock:
    def __init__(self, t: datetime):
        self.t = t

    def __call__(self) -> datetime:
        return self.t


@dataclass
class World:
    settings: Settings
    db: Database
    clock: Clock
    sink: object
    inbox: mailbox.Maildir

    def deliver(self, raw: bytes) -> None:
        """Mail arrives, is handled, and the replies it causes go out to the sink."""
        self.inbox.add(raw)
        intake(MaildirConnection(self.settings.mailbox.maildir), self.db, batch_size=50, now=self.clock)
        handle_stored(self.db, self.settings, now=self.clock)
        send_outbox(self.db, SmtpSender(self.settings.outgoing), self.settings, now=self.clock)


def make_world(folder: Path, db_url: str, sink, **digest) -> World:
    config = write_config(folder, database_url=db_url, outgoing=smtp_outgoing(sink),
                          extra={"digest": {"enabled": True, "connections": 2, "batch_size": 50, **digest},
                                 "subscribers": {"max_hard_bounces": 2}})
    settings = load_settings(config)
    return World(settings, open_database(settings.database_url), Clock(MONDAY_9),
                 sink, mailbox.Maildir(str(settings.mailbox.maildir), create=True))


def mail(sender: str, subject: str, body: str = "", *, to: str = "statement@example.org") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=True)
    msg["Message-ID"] = email.utils.make_msgid(domain="client.example.net")
    msg.set_content(body or "\n")
    return msg.as_bytes()


def parsed(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def add_active(db: Database, count: int, now: datetime, *, start: int = 0) -> None:
    """*count* confirmed subscribers s<i>@sub.example.net, inserted at once (as after a year of sign-ups)."""
    with db.session() as s:
        s.execute(insert(Subscriber), [
            {"email": f"s{i}@sub.example.net", "name": "", "language": "en", "state": "active",
             "token": f"{i:026d}".translate(str.maketrans("0123456789", "abcdefghjk")), "source": "cli",
             "created_at": now, "updated_at": now, "confirmed_at": now, "hard_bounces": 0}
            for i in range(start, start + count)])
