"""``endorse signatories [--format …] [--history]``: the verified list, or every change to it."""
from __future__ import annotations

import json
import sys

from mailer.commands import database_of, settings_of


def cmd_signatories(args) -> int:
    from storage import registry
    from storage.export import render
    settings = settings_of(args)
    db = database_of(settings)
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


def add_parser(sub) -> None:
    sig = sub.add_parser("signatories", help="the verified signatory list")
    sig.add_argument("--format", choices=["text", "md", "csv", "json", "html"], default="text",
                     help="text: the statement's numbered list; html: a page to publish as it is")
    sig.add_argument("--history", action="store_true",
                     help="every change instead: when, why (which message or coordinator), what changed")
    sig.set_defaults(func=cmd_signatories)
