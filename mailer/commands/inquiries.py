"""``endorse inquiries list|show|close``: the inquiry desk from a terminal (thin, over storage.inquiries)."""
from __future__ import annotations

import argparse
import json
import re
import sys

from typing import TYPE_CHECKING

from storage.states import InquiryState

from mailer.commands import database_of, settings_of

if TYPE_CHECKING:
    from storage.schema import Inquiry

STATES = [s.value for s in InquiryState]


def _database(args):
    return database_of(settings_of(args))


def _find(session, reference: str) -> Inquiry | None:
    """The inquiry named ``INQ-42``, ``[INQ-42]`` or ``42``; None (and a word on stderr) if there is none."""
    from storage.schema import Inquiry
    found = re.fullmatch(r"\s*\[?(?:INQ-)?(\d{1,9})\]?\s*", reference, re.IGNORECASE)
    inquiry = session.get(Inquiry, int(found.group(1))) if found else None
    if inquiry is None:
        print(f"endorse: no inquiry {reference}", file=sys.stderr)
    return inquiry


def _summary(i: Inquiry) -> dict:
    return {"reference": i.reference, "state": i.state, "asker": i.asker, "asker_name": i.asker_name,
            "subject": i.subject, "language": i.language, "created_at": i.created_at.isoformat(),
            "updated_at": i.updated_at.isoformat(),
            "waiting_since": i.waiting_since.isoformat() if i.waiting_since else None,
            "answered_at": i.answered_at.isoformat() if i.answered_at else None}


def cmd_list(args) -> int:
    from storage import inquiries as store
    with _database(args).session() as s:
        rows = [_summary(i) for i in store.list_inquiries(s, None if args.state == "all" else args.state)]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['reference']:>9}  {r['state']:8}  {r['created_at'][:16]}  {r['asker']:30}  {r['subject']}")
    if not rows:
        print("no inquiries")
    return 0


def cmd_show(args) -> int:
    from storage import inquiries as store
    with _database(args).session() as s:
        inquiry = _find(s, args.reference)
        if inquiry is None:
            return 1
        head = _summary(inquiry)
        if inquiry.endorsement_id:
            from storage import registry
            from storage.schema import Endorsement
            about = s.get(Endorsement, inquiry.endorsement_id)
            head["endorsement"] = {"id": about.id, "organization": about.organization, "state": about.state,
                                   "thread": [(at.isoformat(), who, what) for at, who, what
                                              in registry.endorsement_thread(s, about.id)]} if about else None
        thread = [{"at": m.at.isoformat(), "role": m.role, "address": m.address, "text": m.text, "notes": m.notes,
                   "held": m.held} for m in store.thread_of(s, inquiry.id)]
    if args.json:
        print(json.dumps({**head, "thread": thread}, indent=2, ensure_ascii=False))
        return 0
    print(f"{head['reference']} ({head['state']}) from {head['asker_name']} <{head['asker']}>: {head['subject']}")
    print(f"language {head['language']}, opened {head['created_at'][:16]}, updated {head['updated_at'][:16]}")
    about = head.get("endorsement")
    if about:
        print(f"asked about endorsement #{about['id']} ({about['organization']}, {about['state']}):")
        for at, who, what in about["thread"]:
            print(f"  {at[:16]}  {who}: {what}")
    for m in thread:
        print(f"\n--- {m['at'][:16]}  {m['role']}  {m['address']}" + (f"  (held: {m['held']})" if m["held"] else ""))
        if m["text"]:
            print(m["text"].rstrip())
        if m["notes"]:
            print("[internal notes]\n" + m["notes"].rstrip())
    return 0


def cmd_close(args) -> int:
    from storage import registry
    from storage.db import utcnow
    with _database(args).session() as s:
        inquiry = _find(s, args.reference)
        if inquiry is None:
            return 1
        if inquiry.state == InquiryState.CLOSED:
            print(f"{inquiry.reference} was already closed")
            return 0
        now = utcnow()
        inquiry.state, inquiry.updated_at, inquiry.waiting_since = InquiryState.CLOSED, now, None
        registry.audit(s, now=now, actor="cli", action="inquiry_closed", inquiry=inquiry.reference)
        print(f"{inquiry.reference} closed")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    """``endorse inquiries …``, registered by :func:`mailer.cli.build_parser`."""
    p = sub.add_parser("inquiries", help="questions sent to the statement's address: list, show, close")
    inner = p.add_subparsers(dest="inquiries_command", required=True)
    lst = inner.add_parser("list", help="inquiries with their state (default: open ones)")
    lst.add_argument("--state", choices=STATES + ["all"], default="open")
    lst.add_argument("--json", action="store_true", help="as JSON")
    lst.set_defaults(func=cmd_list)
    show = inner.add_parser("show", help="one inquiry and every message in its thread, #notes included")
    show.add_argument("reference", help="INQ-42 or 42")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(func=cmd_show)
    close = inner.add_parser("close", help="mark an inquiry closed (a follow-up from the asker reopens it)")
    close.add_argument("reference", help="INQ-42 or 42")
    close.set_defaults(func=cmd_close)
