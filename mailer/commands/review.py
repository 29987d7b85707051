"""``endorse review list|show|approve|reject|edit|merge``: the coordinators' review on the server.

The same decisions as a coordinator's reply by mail (:func:`mailer.desk.review.decide`),
in one transaction with the mails they cause; those go at the next cycle.
"""
from __future__ import annotations

import argparse
import getpass

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mailer.reading.answers import Command


def _world(args):
    from storage.db import open_database, utcnow

    from mailer.compose import make_environment
    from mailer.desk.context import Context, default_message_id
    from mailer.settings import load_settings
    settings = load_settings(args.config)
    ctx = Context(settings=settings, templates=make_environment(settings.templates), now=utcnow(),
                  make_message_id=default_message_id(settings.statement.address.partition("@")[2]))
    return open_database(settings.database_url), ctx


def cmd_review(args) -> int:
    from storage.schema import ReviewItem

    from mailer.desk import review
    db, ctx = _world(args)
    with db.session() as s:
        if args.review_command == "list":
            items = review.open_items(s, everything=args.all)
            for item in items:
                shown = review.show(s, ctx, item)
                title = shown.line or shown.original_subject or shown.original_from
                print(f"#{item.id:<5} {item.subject:<12} {item.state:<8} {review.now_or(item.created_at)}  "
                      f"{title}  ({item.reason})")
            if not items:
                print("no open review items" if not args.all else "no review items")
            return 0
        item = s.get(ReviewItem, args.id)
        if item is None:
            print(f"endorse: no review item #{args.id}")
            return 1
        if args.review_command == "show":
            print(review.describe(s, ctx, item))
            return 0
        result = review.decide(s, ctx, item, _command(args), actor=f"cli:{getpass.getuser()}")
    print(("done: " if result.ok else "not done: ") + result.text)
    return 0 if result.ok else 1


def _command(args) -> Command:
    from mailer.reading.answers import Action, Command, registry_fields
    if args.review_command == "edit":
        given = {k: v for k, v in (("organization", args.organization), ("short_name", args.short_name),
                                   ("country", args.country)) if v is not None}
        return Command(Action.EDIT, registry_fields(given))
    return Command(Action(args.review_command))


def add_parser(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="what waits for a coordinator: list, show, approve, reject, edit, merge")
    actions = review.add_subparsers(dest="review_command", required=True)
    listing = actions.add_parser("list", help="open review items (--all: decided ones too)")
    listing.add_argument("--all", action="store_true")
    helps = {"show": "everything about one item, with the original text",
             "approve": "accept it as shown (an endorsement still needs its sender's confirmation)",
             "reject": "nothing is published; the item is closed",
             "merge": "it is the organization already in the registry that the item shows",
             "edit": "correct the fields, then approve"}
    for name, text in helps.items():
        action = actions.add_parser(name, help=text)
        action.add_argument("id", type=int, metavar="ID")
        if name == "edit":
            action.add_argument("--organization", help="the organization's name as it must be listed")
            action.add_argument("--short-name", help='its short name ("none" to remove it)')
            action.add_argument("--country", help="its country, as it should be printed")
    review.set_defaults(func=cmd_review)
