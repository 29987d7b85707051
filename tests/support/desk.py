"""The statement's desk in one process: a Maildir in, the real SMTP sink out, a real database, a clock we move.

``Desk.deliver(raw, ...)`` runs one cycle (intake, handling, follow-ups, sending) at the clock's time and
returns the mail it sent; ``Desk.tick(days=...)`` moves the clock and runs a cycle with no new mail.
"""
from __future__ import annotations

import contextlib
import email
import email.policy
import io
import mailbox
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from mailer.cli import main as endorse
from mailer.edges.mailbox_source import MaildirConnection
from mailer.pipeline import follow_up, handle_stored, intake, send_outbox
from mailer.settings import Settings, load_settings
from mailer.edges.smtp import SmtpSender
from storage import registry
from storage.db import Database, open_database, utcnow
from storage.export import render_text
from tests.support.config import BASE, smtp_outgoing, write_config


@dataclass(frozen=True)
class Sent:
    """One message the desk sent, read back."""

    to: str
    subject: str
    text: str
    raw: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.raw, policy=email.policy.default)


def read_sent(raw: bytes, rcpt: str) -> Sent:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return Sent(rcpt, str(msg["Subject"]), msg.get_body(("plain",)).get_content().replace("\r\n", "\n"), raw)


class Desk:
    def __init__(self, folder: Path, db_url: str, smtp, *, base: str = BASE, **extra: dict) -> None:
        self.config = write_config(folder, database_url=db_url, outgoing=smtp_outgoing(smtp), extra=extra, base=base)
        self.settings: Settings = load_settings(self.config)
        self.db: Database = open_database(self.settings.database_url)
        self.now = utcnow()
        self.inbox = mailbox.Maildir(str(self.settings.mailbox.maildir), create=True)
        self.sender = SmtpSender(self.settings.outgoing)
        self.smtp = smtp
        self._seen = len(smtp.messages)

    def clock(self):
        return self.now

    def deliver(self, *raws: bytes) -> list[Sent]:
        """The raws arrive, one cycle runs; what the desk sent in that cycle."""
        for raw in raws:
            self.inbox.add(raw)
        intake(MaildirConnection(self.settings.mailbox.maildir), self.db, batch_size=50, now=self.clock)
        handle_stored(self.db, self.settings, now=self.clock)
        follow_up(self.db, self.settings, now=self.clock)
        send_outbox(self.db, self.sender, self.settings, now=self.clock)
        return self.new_mail()

    def tick(self, **delta) -> list[Sent]:
        self.now += timedelta(**delta)
        return self.deliver()

    def new_mail(self) -> list[Sent]:
        captured = self.smtp.messages[self._seen:]
        self._seen += len(captured)
        return [read_sent(c.raw, rcpt) for c in captured for rcpt in c.rcpt_tos]

    def listed(self) -> str:
        with self.db.session() as s:
            return render_text(registry.listed_signatories(s, self.settings.statement.initiators))

    def cli(self, *args: str) -> tuple[int, str]:
        """``endorse --config … ARGS`` in this process: (exit code, what it printed)."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = endorse(["--config", str(self.config), *args])
        return code, out.getvalue()

    def close(self) -> None:
        self.db.dispose()


def only(sent: list[Sent], to: str, subject_has: str = "") -> Sent:
    """The one message to *to* (whose subject holds *subject_has*); AssertionError naming what was sent."""
    found = [s for s in sent if s.to == to and subject_has in s.subject]
    assert len(found) == 1, f"expected one message to {to} ({subject_has!r}), sent: {[(s.to, s.subject) for s in sent]}"
    return found[0]
