"""Where each inbound message goes: the routing table, read top to bottom in the order it is applied.

Three steps, each a table (GNU Mailman 3's ``chains/builtin.py`` is the model: the decision order is data):

1. :data:`ROUTES`: replies that belong to a conversation Endorse started, recognized by a token or a thread,
   asked in order before the kind counts.  The first predicate that says yes takes the message; its handler may
   still answer ``None`` ("not mine after all", e.g. a token nobody issued), and the next step decides.
2. :data:`HANDLERS`: what each kind of message does; a kind without a handler goes to a coordinator.
3. :data:`AFTER`: hooks asked after the handler, in the same transaction, with the state it returned.

Every handler runs inside the transaction that claimed the message (:mod:`mailer.pipeline`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, NamedTuple

from sqlalchemy.orm import Session

from storage.schema import InboundMessage, TokenPurpose

from mailer.desk import confirm, conversation, inquiries, review, subscriptions, withdraw
from mailer.desk.threads import find_thread
from mailer.desk.context import Context, Handler, on_for_review, on_machine_mail, on_unknown
from mailer.model import Kind, ParsedMail, Understanding
from mailer.reading.answers import replies_with

RouteHandler = Callable[[Session, Context, InboundMessage, ParsedMail, Understanding], "str | None"]


class Route(NamedTuple):
    name: str
    takes: Callable[[ParsedMail, Understanding, Context], bool]
    handler: RouteHandler


def on_bounce(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """A hard bounce: the endorsements whose confirmation request it returns become undeliverable (no reminder
    to a dead address; the coordinators' summary names them), and a digest subscriber's bounce counts."""
    if subscriptions.is_hard(mail):
        confirm.mark_undeliverable(session, ctx, message, mail)
    return subscriptions.on_bounce(session, ctx, message, mail, u)


# 1. Conversations Endorse started, first match wins.
ROUTES: tuple[Route, ...] = (
    Route("coordinator review reply", replies_with(TokenPurpose.REVIEW), review.on_review_reply),
    Route("withdrawal confirmation reply", replies_with(TokenPurpose.WITHDRAW), withdraw.on_withdrawal_reply),
    Route("inquiry: a coordinator's reply", inquiries.is_coordinator_reply, inquiries.on_coordinator_reply),
    Route("inquiry: the asker writes again", inquiries.is_follow_up, inquiries.on_follow_up),
    Route("digest subscription confirmation", replies_with(TokenPurpose.SUBSCRIBE),
          subscriptions.on_subscription_reply),
    # an answer to our mail about an endorsement: a correction, a question, courtesy (mailer.desk.conversation)
    Route("a reply in an endorsement's conversation", conversation.in_endorsement_thread,
          conversation.on_thread_reply),
)

# 2. By kind; a kind missing here goes to a coordinator.
HANDLERS: dict[Kind, Handler] = {
    Kind.BOUNCE: on_bounce,                        # a dead endorser's address, a digest copy's bounce; never answered
    Kind.AUTO_REPLY: on_machine_mail,
    Kind.ENDORSEMENT: confirm.on_endorsement,
    Kind.CONFIRMATION: confirm.on_confirmation,
    Kind.WITHDRAWAL: withdraw.on_withdrawal,
    Kind.INQUIRY: inquiries.on_inquiry,
    Kind.SUBSCRIBE: subscriptions.on_subscribe,
    Kind.UNSUBSCRIBE: subscriptions.on_unsubscribe,
    Kind.UNKNOWN: on_unknown,                      # a courtesy is recorded; the rest goes to a coordinator
}
DEFAULT_HANDLER: Handler = on_for_review

# 3. After the handler, in the same transaction.
AFTER: tuple[Callable[[Session, Context, InboundMessage, ParsedMail, Understanding, str], None], ...] = (
    subscriptions.after_handling,                  # "Digest: yes" in an endorsement; opt-ins once it confirms
)


def handle(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """Apply *u* to the registry through the three tables; returns the message's new state."""
    state = dispatch(session, ctx, message, mail, u)
    for after in AFTER:
        after(session, ctx, message, mail, u, state)
    return state


def dispatch(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    ctx = replace(ctx, thread=find_thread(session, mail))       # every handler sees the message's conversation
    for route in ROUTES:
        if route.takes(mail, u, ctx):
            state = route.handler(session, ctx, message, mail, u)
            if state is not None:
                return state
            break
    return HANDLERS.get(u.kind, DEFAULT_HANDLER)(session, ctx, message, mail, u)
