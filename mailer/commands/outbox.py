"""``endorse outbox list|resend``: the replies waiting, failed or of unknown fate, from a terminal.

A reply is ``uncertain`` when the worker stopped (a kill, a power cut) after
handing it to the SMTP server and before hearing the answer: it may well have
arrived, so Endorse does not send it again by itself.  A coordinator who
learns it did not arrive resends it here; the bytes and the Message-ID are the
same, so a receiving system can still drop a repeat.
"""
from __future__ import annotations

import argparse
import email
import email.policy
import json

from storage.states import OutboxState

from mailer.commands import database_of, settings_of

STATES = [s.value for s in OutboxState]


def _database(args):
    return database_of(settings_of(args))


def _subject(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default).get("Subject", ""))


def cmd_list(args) -> int:
    from sqlalchemy import select

    from storage.schema import OutboxMessage
    with _database(args).session() as s:
        query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(args.limit)
        if args.state != "all":
            query = query.where(OutboxMessage.state == args.state)
        rows = [{"id": r.id, "state": r.state, "purpose": r.purpose, "recipient": r.recipient,
                 "subject": _subject(r.raw), "attempts": r.attempts, "created_at": r.created_at.isoformat(),
                 "sent_at": r.sent_at.isoformat() if r.sent_at else None, "note": r.last_error}
                for r in s.scalars(query)]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['id']:>7}  {r['state']:9}  {r['created_at'][:16]}  {r['recipient']:30}  {r['subject']}")
        if r["note"] and r["state"] != "sent":
            print(f"{'':9}{r['note']}")
    if not rows:
        print(f"no {args.state} messages in the outbox" if args.state != "all" else "the outbox is empty")
    return 0


def cmd_resend(args) -> int:
    from storage import outbox
    from storage.db import utcnow
    with _database(args).session() as s:
        row = outbox.resend(s, args.id, utcnow())
        if row is None:
            print(f"endorse: outbox message {args.id} is not uncertain or failed; nothing to resend")
            return 1
        print(f"outbox message {args.id} to {row.recipient} goes again at the next cycle")
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("outbox", help="replies waiting, failed or of unknown fate; resend one")
    commands = p.add_subparsers(dest="outbox_command", required=True)
    listing = commands.add_parser("list", help="the newest outbox messages")
    listing.add_argument("--state", choices=STATES + ["all"], default="all")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)
    again = commands.add_parser("resend", help="send an uncertain or failed message again (same Message-ID)",
                                formatter_class=argparse.RawDescriptionHelpFormatter, description=__doc__)
    again.add_argument("id", type=int)
    again.set_defaults(func=cmd_resend)
