"""``endorse digest`` and ``endorse subscribers``: thin commands over mailer.digest.run and storage."""
from __future__ import annotations

import email
import email.policy
import json
import sys
from datetime import datetime, timezone


def _now(args) -> datetime:
    if not args.now:
        from storage.db import utcnow
        return utcnow()
    moment = datetime.fromisoformat(args.now)
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def preview(settings, db, now: datetime, fmt: str) -> str:
    """The digest as it would go out at *now*, for one sample subscriber; writes nothing."""
    from mailer.compose import make_environment
    from mailer.digest.content import Template, message_id
    from mailer.digest.run import gather, render_bodies, report_since
    from mailer.digest.schedule import Schedule, latest
    occurrence = latest(now, Schedule.of(settings.digest))
    templates = make_environment(settings.templates)
    with db.session() as s:
        content = gather(s, settings, occurrence.period, report_since(s, occurrence), now)
    bodies = render_bodies(settings, templates, content, set(), now)
    raw = bodies.get(settings.statement.language) or next(iter(bodies.values()))
    st = settings.statement
    sample = Template(raw).fill(to="subscriber@example.org",
                                message_id=message_id(occurrence.period, 0, "preview", st.address.partition("@")[2]),
                                unsubscribe=settings.replies.reply_address(st.address, "u-preview"))
    if fmt == "raw":
        return sample.decode("utf-8", "replace")
    msg = email.message_from_bytes(sample, policy=email.policy.default)
    part = msg.get_body(("html",) if fmt == "html" else ("plain",))
    head = "".join(f"{k}: {msg[k]}\n" for k in ("Subject", "List-Id", "List-Unsubscribe", "Precedence"))
    return (head + "\n" if fmt == "text" else "") + part.get_content()


def cmd_digest(args) -> int:
    from mailer.commands import database_of, settings_of
    settings = settings_of(args)
    db = database_of(settings)
    now = _now(args)
    if args.ledger:
        return _ledger(db, args.json)
    if args.send:
        from mailer.digest.run import run_due
        from mailer.edges.smtp import make_sender
        report = run_due(db, settings, now=lambda: now if args.now else _now(args),
                         outbox_sender=make_sender(settings.outgoing))
        print(report if report else "the digest is off ([digest] enabled = false)")
        return 0
    text = preview(settings, db, now, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _ledger(db, as_json: bool) -> int:
    from storage import digests
    with db.session() as s:
        rows = [{"period": d.period, "state": d.state, "scheduled_at": d.scheduled_at.isoformat(sep=" "),
                 "stats": d.stats, "deliveries": digests.delivery_counts(s, d.id), "note": d.note}
                for d in digests.ledger(s)]
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        shown = ", ".join(f"{k} {n}" for k, n in sorted(r["deliveries"].items())) or "no copies"
        print(f"{r['period']}  {r['state']:10}  due {r['scheduled_at']}  {shown}" + (f"  ({r['note']})" if r["note"]
                                                                                   else ""))
    return 0


def cmd_subscribers(args) -> int:
    from storage import subscribers
    from mailer.commands import database_of, settings_of
    db = database_of(settings_of(args))
    with db.session() as s:
        rows = [{"email": r.email, "state": r.state, "language": r.language, "source": r.source,
                 "hard_bounces": r.hard_bounces, "since": (r.confirmed_at or r.created_at).isoformat(sep=" ")}
                for r in subscribers.listing(s, args.state)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        print(f"{r['email']:40} {r['state']:22} {r['language']:3} {r['source']:12} bounces {r['hard_bounces']}")
    return 0


def add_parser(sub) -> None:
    d = sub.add_parser("digest", help="the weekly digest: preview it, send what is due, or see the ledger")
    what = d.add_mutually_exclusive_group()
    what.add_argument("--preview", action="store_true", help="print the digest as it would go now (the default)")
    what.add_argument("--send", action="store_true",
                      help="do what is due: start this period's digest, resume one, or record a miss")
    what.add_argument("--ledger", action="store_true", help="the digests so far and their copies")
    d.add_argument("--format", choices=["text", "html", "raw"], default="text", help="what --preview prints")
    d.add_argument("--now", metavar="ISO", help="act as if it were this moment (UTC unless a zone is given)")
    d.add_argument("--json", action="store_true", help="--ledger as JSON")
    d.set_defaults(func=cmd_digest)

    s = sub.add_parser("subscribers", help="who receives the weekly digest")
    s.add_argument("--state", choices=["pending", "awaiting_endorsement", "active", "unsubscribed", "disabled"])
    s.add_argument("--json", action="store_true", help="as JSON")
    s.set_defaults(func=cmd_subscribers)
