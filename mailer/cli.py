"""The ``endorse`` command: thin, over the pipeline and the registry."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .settings import SettingsError, load_settings

log = logging.getLogger("endorse")


def _settings(args):
    return load_settings(args.config)


def _database(settings):
    from storage.db import open_database
    return open_database(settings.database_url)


def cmd_run(args) -> int:
    from .worker import cycle, run_forever
    from .smtp import make_sender
    settings = _settings(args)
    db = _database(settings)
    if args.once:
        report = cycle(db, make_sender(settings.outgoing), settings)
        if report is None:
            return 75   # EX_TEMPFAIL: the mailbox could not be reached
        print(report)
        from .worker import digest_job
        digest = digest_job(db, settings)     # after the cycle: its unsubscribes count before any digest goes
        if digest is not None:
            print(digest)
        return 0
    run_forever(db, settings)
    return 0


def cmd_status(args) -> int:
    from storage import registry
    settings = _settings(args)
    db = _database(settings)
    from storage import inquiries
    from storage.db import utcnow
    days = settings.inquiries.unanswered_days
    with db.session() as s:
        counts = registry.counts(s)
        counts.update(inquiries.status_counts(s, utcnow(), days))
        from storage import subscribers
        counts["subscribers"] = subscribers.counts(s)
    titles = {"messages": "Messages by state", "kinds": "Messages by kind", "outbox": "Outbox",
              "endorsements": "Endorsements", "signatories": "Signatories", "review": "Review items",
              "inquiries": "Inquiries", "subscribers": "Digest subscribers"}
    if args.json:
        print(json.dumps(counts, indent=2, sort_keys=True))
        return 0
    for key, title in titles.items():
        values = counts.get(key, {})
        shown = ", ".join(f"{k} {n}" for k, n in sorted(values.items())) or "none"
        print(f"{title + ':':22} {shown}")
    waiting = counts.get("review", {}).get("open", 0)
    print(f"{'Waiting for review:':22} {waiting}")
    unanswered = counts["unanswered_inquiries"]
    listed = ", ".join(f"{ref} ({n} days)" for ref, n in unanswered.items())
    print(f"{f'Unanswered {days}+ days:':22} {len(unanswered)}" + (f": {listed}" if listed else ""))
    return 0


def parse_file(path: str) -> dict:
    """One line of ``endorse parse --json``: never raises, whatever the file holds."""
    from .classify import classify
    from .parse import parse_message
    blank = {"file": path, "kind": "unknown", "organization": None, "short_name": None, "country": None,
             "country_text": None, "contact_email": None, "contact_name": None, "needs_review": True}
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return {**blank, "error": f"cannot read: {exc.strerror or exc}"}
    try:
        return {"file": path, **classify(parse_message(raw)).as_json()}
    except Exception as exc:  # noqa: BLE001 - the contract: every file gets its line
        return {**blank, "error": f"cannot understand: {exc}"}


def cmd_parse(args) -> int:
    for path in args.files:
        line = parse_file(path)
        if args.json:
            print(json.dumps(line, ensure_ascii=False), flush=True)
        else:
            extra = ", ".join(f"{k}={v}" for k, v in line.items() if k not in ("file", "kind") and v)
            print(f"{path}: {line['kind']} {extra}")
    return 0


def cmd_signatories(args) -> int:
    from storage import registry
    from storage.export import render
    settings = _settings(args)
    db = _database(settings)
    if args.history:
        return _history(db, args.format)
    with db.session() as s:
        listings = registry.listed_signatories(s, settings.statement.initiators)
    text = render(args.format, listings, title=settings.statement.title, templates=settings.templates)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    return 0


def _history(db, fmt: str) -> int:
    """Every registry change, oldest first: when, what, which entry, who or which message."""
    from storage.export import Event, render_history
    from storage.signatories import history
    with db.session() as s:
        events = [Event(e.at.isoformat(sep=" ", timespec="seconds"), e.action, e.actor, e.signatory_id,
                        e.endorsement_id, e.details or {}) for e in history(s)]
    if fmt == "json":
        print(json.dumps([vars(e) for e in events], ensure_ascii=False, indent=2, default=str))
    else:
        print(render_history(events))
    return 0


def cmd_demo(args) -> int:
    from .demo import run_demo
    return run_demo(Path(args.dir))


def cmd_dry_run(args) -> int:
    from .dry_run import render, run
    from .errors import TransientError
    try:
        report = run(_settings(args), Path(args.dir))
    except TransientError as exc:
        print(f"endorse: {exc}", file=sys.stderr)
        return 75   # EX_TEMPFAIL
    print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) if args.json else render(report))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="endorse", description="Email-driven endorsements for a joint statement.")
    p.add_argument("--config", metavar="PATH", help="settings file (default: $ENDORSE_CONFIG or settings.toml)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every step")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="poll the mailbox, handle new mail and send replies on a schedule")
    run.add_argument("--once", action="store_true", help="one full cycle, then exit (for cron and tests)")
    run.set_defaults(func=cmd_run)

    status = sub.add_parser("status", help="counts: messages, outbox, signatories, review items")
    status.add_argument("--json", action="store_true", help="as JSON")
    status.set_defaults(func=cmd_status)

    parse = sub.add_parser("parse", help="read message files offline and say what Endorse understands")
    parse.add_argument("--json", action="store_true", help="one JSON object per file and line")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.set_defaults(func=cmd_parse)

    sig = sub.add_parser("signatories", help="the verified signatory list")
    sig.add_argument("--format", choices=["text", "md", "csv", "json", "html"], default="text",
                     help="text: the statement's numbered list; html: a page to publish as it is")
    sig.add_argument("--history", action="store_true",
                     help="every change instead: when, why (which message or coordinator), what changed")
    sig.set_defaults(func=cmd_signatories)

    dry = sub.add_parser("dry-run", help="handle the mailbox as it is into a scratch folder: nothing flagged, "
                                         "moved or sent; prints what a live run would do")
    dry.add_argument("--dir", default="dry-run", help="scratch folder (default: ./dry-run, recreated)")
    dry.add_argument("--json", action="store_true", help="the report as JSON")
    dry.set_defaults(func=cmd_dry_run)

    demo = sub.add_parser("demo", help="the whole path on this machine: sample mail, replies, confirmations, list")
    demo.add_argument("--dir", default="demo", help="working folder (default: ./demo, recreated)")
    demo.set_defaults(func=cmd_demo)

    from .review_commands import add_parser as add_review
    add_review(sub)

    from .inquiry_commands import add_parser as add_inquiries
    add_inquiries(sub)

    from .digest_commands import add_parser as add_digest
    add_digest(sub)

    from .outbox_commands import add_parser as add_outbox
    add_outbox(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if (args.verbose or args.command == "run") else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except SettingsError as exc:
        print(f"endorse: settings problem in {exc}", file=sys.stderr)
        return 78   # EX_CONFIG
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
