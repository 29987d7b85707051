"""``endorse status [--json]``: counts of messages, outbox, endorsements, signatories, review items, inquiries."""
from __future__ import annotations

import json

from mailer.commands import database_of, settings_of

TITLES = {"messages": "Messages by state", "kinds": "Messages by kind", "outbox": "Outbox",
          "endorsements": "Endorsements", "signatories": "Signatories", "review": "Review items",
          "inquiries": "Inquiries", "subscribers": "Digest subscribers"}


def cmd_status(args) -> int:
    from storage import inquiries, outbox, registry, subscribers
    from storage.db import utcnow
    settings = settings_of(args)
    db = database_of(settings)
    days = settings.inquiries.unanswered_days
    with db.session() as s:
        counts = registry.counts(s)
        counts.update(inquiries.status_counts(s, utcnow(), days))
        counts["subscribers"] = subscribers.counts(s)
        paused = outbox.paused(s)
    counts["sending_paused"] = {"reason": paused[0], "since": paused[1].isoformat()} if paused else None
    if args.json:
        print(json.dumps(counts, indent=2, sort_keys=True))
        return 0
    for key, title in TITLES.items():
        values = counts.get(key, {})
        shown = ", ".join(f"{k} {n}" for k, n in sorted(values.items())) or "none"
        print(f"{title + ':':22} {shown}")
    waiting = counts.get("review", {}).get("open", 0)
    print(f"{'Waiting for review:':22} {waiting}")
    unanswered = counts["unanswered_inquiries"]
    listed = ", ".join(f"{ref} ({n} days)" for ref, n in unanswered.items())
    print(f"{f'Unanswered {days}+ days:':22} {len(unanswered)}" + (f": {listed}" if listed else ""))
    if paused:
        print(f"{'Sending paused:':22} {paused[0]} (replies waiting since {paused[1]:%Y-%m-%d %H:%M} UTC; "
              "nothing is lost, all goes when the server answers)")
    return 0


def add_parser(sub) -> None:
    status = sub.add_parser("status", help="counts: messages, outbox, signatories, review items")
    status.add_argument("--json", action="store_true", help="as JSON")
    status.set_defaults(func=cmd_status)
