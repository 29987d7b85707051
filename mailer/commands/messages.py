"""``endorse messages list|retry``: inbound messages by state, and reprocessing those that failed.

A message whose handling raised is kept as ``failed`` with the reason and a review item; it is never looped
on.  Once the cause is fixed (a setting, a new version), ``retry ID`` or ``retry --all-failed`` puts it back
to be handled at the next cycle, and closes the review item that announced the failure.
"""
from __future__ import annotations

import json

from storage.states import MessageState

from mailer.commands import add_list_command, database_of, settings_of

STATES = [s.value for s in MessageState]
FAILURE_NOTE = "handling failed: "       # how mailer.pipeline.handle_one names the review item it opens


def cmd_list(args) -> int:
    from sqlalchemy import select

    from storage.schema import InboundMessage
    with database_of(settings_of(args)).session() as s:
        query = select(InboundMessage).order_by(InboundMessage.id.desc()).limit(args.limit)
        if args.state != "all":
            query = query.where(InboundMessage.state == args.state)
        rows = [{"id": m.id, "state": m.state, "kind": m.kind, "received_at": m.received_at.isoformat(),
                 "sender": m.sender, "subject": m.subject, "attempts": m.attempts, "error": m.last_error}
                for m in s.scalars(query)]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['id']:>7}  {r['state']:8}  {r['received_at'][:16]}  {r['sender'][:30]:30}  {r['subject'][:60]}")
        if r["error"]:
            print(f"{'':9}{r['error'].splitlines()[-1][:200]}")
    if not rows:
        print(f"no {args.state} messages" if args.state != "all" else "no messages")
    return 0


def cmd_retry(args) -> int:
    from sqlalchemy import select

    from storage import registry
    from storage.db import utcnow
    from storage.schema import InboundMessage, ReviewItem
    if (args.id is None) == (not args.all_failed):
        print("endorse: give one message ID, or --all-failed")
        return 2
    now = utcnow()
    with database_of(settings_of(args)).session() as s:
        query = select(InboundMessage).where(InboundMessage.state == MessageState.FAILED)
        if args.id is not None:
            query = query.where(InboundMessage.id == args.id)
        again = list(s.scalars(query.order_by(InboundMessage.id)))
        for m in again:
            m.state, m.last_error, m.attempts = MessageState.STORED, "", 0     # a fresh count after the fix
            for item in s.scalars(select(ReviewItem).where(ReviewItem.message_id == m.id, ReviewItem.state == "open",
                                                           ReviewItem.reason.startswith(FAILURE_NOTE))):
                item.state, item.decision, item.decided_at, item.decided_by = "closed", "retried", now, "cli"
            registry.audit(s, now=now, actor="cli", action="message_retried", message=m.id)
    if args.id is not None and not again:
        print(f"endorse: message {args.id} has not failed; nothing to retry")
        return 1
    print(f"{len(again)} failed message{'s' if len(again) != 1 else ''} will be handled again at the next cycle")
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("messages", help="inbound messages by state; handle failed ones again after a fix")
    commands = p.add_subparsers(dest="messages_command", required=True)
    add_list_command(commands, help="the newest inbound messages", states=STATES, func=cmd_list)
    retry = commands.add_parser("retry", help="handle a failed message again at the next cycle", description=__doc__)
    retry.add_argument("id", type=int, nargs="?")
    retry.add_argument("--all-failed", action="store_true", help="every failed message")
    retry.set_defaults(func=cmd_retry)
