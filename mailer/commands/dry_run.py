"""``endorse dry-run``: what a live run would do with the mailbox as it is, with nothing anyone can see.

For a coordinator going live over the mailbox the statement has used so far.
The configured mailbox is read read-only (IMAP EXAMINE and BODY.PEEK: no flag
set, nothing moved; a Maildir is not touched); every message is handled as the
worker would, into a scratch SQLite database in a folder of its own; the
replies it would send are written into a Maildir there instead of being sent.
The live database, the mailbox and everyone's inbox stay as they were.  Then
the report: what the messages are, which organizations would be asked to
confirm, what would wait for a coordinator and why, which replies would go.
"""
from __future__ import annotations

import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:     # the command line imports this module to build its parser: the rest comes when it runs
    from storage.db import Database

    from mailer.settings import Settings


@dataclass
class DryRunReport:
    source: str
    folder: Path
    messages: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    would_ask: list[tuple[str, str]] = field(default_factory=list)      # (listing line, endorsing address)
    to_review: list[tuple[str, str]] = field(default_factory=list)      # (what, why)
    replies: dict[str, int] = field(default_factory=dict)               # purpose -> how many

    def as_dict(self) -> dict:
        return {"source": self.source, "folder": str(self.folder), "messages": self.messages, "kinds": self.kinds,
                "would_ask_to_confirm": [{"line": line, "address": address} for line, address in self.would_ask],
                "to_review": [{"what": what, "why": why} for what, why in self.to_review],
                "replies": self.replies}


def scratch_settings(settings: Settings, folder: Path) -> Settings:
    """The same settings, with a scratch database and a Maildir for outgoing mail, the digest off."""
    return replace(settings, database_url=f"sqlite:///{folder / 'dry-run.db'}",
                   outgoing=replace(settings.outgoing, kind="maildir", maildir=folder / "outgoing"),
                   digest=replace(settings.digest, enabled=False))


def run(settings: Settings, folder: Path) -> DryRunReport:
    """Read, handle and 'send' into *folder* (emptied first); the configured mailbox is only read."""
    from storage.db import open_database

    from mailer.edges.mailbox_source import connect_mailbox
    from mailer.edges.smtp import MaildirSender
    from mailer.pipeline import follow_up, handle_stored, intake, send_outbox
    folder = Path(folder).resolve()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    scratch = scratch_settings(settings, folder)
    db = open_database(scratch.database_url)
    try:
        with connect_mailbox(settings.mailbox, read_only=True) as conn:
            source = conn.name
            intake(conn, db, batch_size=settings.mailbox.batch_size)
        handle_stored(db, scratch)
        follow_up(db, scratch)                         # the coordinators' review mails
        send_outbox(db, MaildirSender(scratch.outgoing.maildir), scratch)
        return summarize(db, source, folder)
    finally:
        db.dispose()


def summarize(db: Database, source: str, folder: Path) -> DryRunReport:
    from sqlalchemy import select

    from storage.export import listing_line
    from storage.schema import Endorsement, EndorsementState, InboundMessage, OutboxMessage, ReviewItem
    report = DryRunReport(source=source, folder=folder)
    with db.session() as s:
        kinds = Counter(kind or "unread" for kind in s.scalars(select(InboundMessage.kind)))
        report.messages, report.kinds = sum(kinds.values()), dict(kinds.most_common())
        for e in s.scalars(select(Endorsement).where(Endorsement.state == EndorsementState.CONFIRMATION_REQUESTED)
                           .order_by(Endorsement.id)):
            report.would_ask.append((listing_line(e.organization or "(no organization found)", e.short_name,
                                                   e.country_text), e.contact_email))
        for item, subject in s.execute(select(ReviewItem, InboundMessage.subject)
                                       .join(InboundMessage, InboundMessage.id == ReviewItem.message_id)
                                       .order_by(ReviewItem.id)):
            report.to_review.append((subject or "(no subject)", item.reason))
        report.replies = dict(Counter(s.scalars(select(OutboxMessage.purpose))).most_common())
    return report


def render(report: DryRunReport) -> str:
    lines = [f"Dry run over {report.source}: {report.messages} message{'s' * (report.messages != 1)} read. "
             "Nothing was flagged, moved or sent; the live database was not touched.", ""]
    lines.append("By kind: " + (", ".join(f"{k} {n}" for k, n in report.kinds.items()) or "no messages"))
    lines += ["", f"Would be asked to confirm ({len(report.would_ask)}), and listed once they reply:"]
    lines += [f"  {n}. {line}    <{address}>" for n, (line, address) in enumerate(report.would_ask, 1)] or ["  none"]
    lines += ["", f"Would wait for a coordinator ({len(report.to_review)}):"]
    lines += [f"  - {what[:70]}: {why[:160]}" for what, why in report.to_review] or ["  none"]
    lines += ["", "Replies that would go out: " + (", ".join(f"{k} {n}" for k, n in report.replies.items())
                                                  or "none")]
    lines += ["", f"Each reply as it would be sent: {report.folder / 'outgoing'} (a Maildir, one file per message)",
              f"Everything Endorse understood: {report.folder / 'dry-run.db'}"]
    return "\n".join(lines)


def cmd_dry_run(args) -> int:
    import json

    from mailer.commands import settings_of
    from mailer.errors import TransientError
    try:
        report = run(settings_of(args), Path(args.dir))
    except TransientError as exc:
        print(f"endorse: {exc}", file=sys.stderr)
        return 75   # EX_TEMPFAIL
    print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) if args.json else render(report))
    return 0


def add_parser(sub) -> None:
    dry = sub.add_parser("dry-run", help="handle the mailbox as it is into a scratch folder: nothing flagged, "
                                         "moved or sent; prints what a live run would do")
    dry.add_argument("--dir", default="dry-run", help="scratch folder (default: ./dry-run, recreated)")
    dry.add_argument("--json", action="store_true", help="the report as JSON")
    dry.set_defaults(func=cmd_dry_run)
