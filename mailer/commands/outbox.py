"""``endorse outbox list|resend``: the replies waiting, failed or of unknown fate, from a terminal.

A reply whose fate a kill made unknown goes again by itself (its delivery rule,
``storage.outbox.DELIVERY``, is at least once); a row is ``uncertain`` only for a
purpose delivered at most once.  A ``failed`` row was refused for good (a 5xx
about its recipient or its data).  Once the cause is fixed, ``resend`` sends
one row again, or every row of a state (``--state failed --since 2026-12-01``);
the bytes and the Message-ID are the same, so a receiving system can still drop
a repeat.
"""
from __future__ import annotations

import argparse
import email
import email.policy
import json

from storage.states import OutboxState

from mailer.commands import add_list_command, database_of, settings_of

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
    if (args.id is None) == (args.state is None):
        print("endorse: give one outbox message ID, or --state failed|uncertain (with --since to narrow it)")
        return 2
    if args.state:
        return _resend_all(args)
    with _database(args).session() as s:
        row = outbox.resend(s, args.id, utcnow())
        if row is None:
            print(f"endorse: outbox message {args.id} is not uncertain or failed; nothing to resend")
            return 1
        print(f"outbox message {args.id} to {row.recipient} goes again at the next cycle")
    return 0


def _resend_all(args) -> int:
    from datetime import datetime

    from sqlalchemy import select

    from storage import outbox
    from storage.db import utcnow
    from storage.schema import OutboxMessage
    try:
        since = datetime.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"endorse: --since wants a date or a time like 2026-12-01 or 2026-12-01T08:00, not {args.since!r}")
        return 2
    with _database(args).session() as s:
        query = select(OutboxMessage.id).where(OutboxMessage.state == args.state).order_by(OutboxMessage.id)
        if since is not None:
            query = query.where(OutboxMessage.created_at >= since)
        ids = list(s.scalars(query))
        again = [i for i in ids if outbox.resend(s, i, utcnow()) is not None]
    print(f"{len(again)} {args.state} outbox message{'s' if len(again) != 1 else ''} go again at the next cycle")
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("outbox", help="replies waiting, failed or of unknown fate; resend one")
    commands = p.add_subparsers(dest="outbox_command", required=True)
    add_list_command(commands, help="the newest outbox messages", states=STATES, func=cmd_list)
    again = commands.add_parser("resend", help="send uncertain or failed messages again (same Message-ID)",
                                formatter_class=argparse.RawDescriptionHelpFormatter, description=__doc__)
    again.add_argument("id", type=int, nargs="?", help="one outbox message")
    again.add_argument("--state", choices=[OutboxState.FAILED.value, OutboxState.UNCERTAIN.value],
                       help="every message in this state")
    again.add_argument("--since", help="with --state: only those created since this date or time (UTC)")
    again.set_defaults(func=cmd_resend)
