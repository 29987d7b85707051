"""What each kind of message does to the registry, and which replies it queues.

One function per kind, chosen from :data:`HANDLERS`.  Each runs inside the
transaction that claimed the message, so the state change and the outbox row
of its reply commit together or not at all.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

import jinja2
from sqlalchemy.orm import Session

from storage import outbox, registry
from storage.schema import InboundMessage, MessageState

from .compose import Outgoing, render
from .model import Kind, ParsedMail, Understanding
from .replies import reply_blocked
from .settings import Settings
from .tokens import plus_address

log = logging.getLogger(__name__)


@dataclass
class Context:
    """The world a handler needs, passed in: settings, templates, clock, id maker."""

    settings: Settings
    templates: jinja2.Environment
    now: datetime
    make_message_id: Callable[[str], str]

    def actor(self, message: InboundMessage) -> str:
        return f"message:{message.id} {message.sender}"

    def is_coordinator(self, mail: ParsedMail) -> bool:
        """The From address is one of the coordinators' (the caller adds the token checks)."""
        return bool(mail.sender) and mail.sender.email in {a.lower() for a in self.settings.statement.coordinators}


def default_message_id(domain: str) -> Callable[[str], str]:
    return lambda purpose: f"<endorse.{purpose}.{uuid.uuid4().hex}@{domain}>"


def queue_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, *, purpose: str,
                out: Outgoing, language: str = "") -> str | None:
    """Render and queue a reply unless a rule holds it back; returns the reason it was held, if any.

    *language* is the sender's (see :func:`mailer.language.reply_language`); the statement's when empty.
    """
    st = ctx.settings.statement
    sent = registry.replies_sent_since(session, out.to, ctx.now - timedelta(days=1))
    blocked = reply_blocked(mail, out.to, own_address=st.address, sent_last_day=sent,
                            per_day=ctx.settings.replies.per_sender_per_day)
    if blocked:
        log.info("message %s: no %s reply: %s", message.id, purpose, blocked)
        return blocked
    message_id = ctx.make_message_id(purpose)
    raw = render(ctx.templates, out, sender=st.address, sender_name=st.sender_name, message_id=message_id,
                 date=ctx.now, language=language or st.language, default_language=st.language)
    outbox.enqueue(session, message_id=message_id, purpose=purpose, recipient=out.to,
                   envelope_from=plus_address(st.address, "bounces"), raw=raw, caused_by=message.id, now=ctx.now)
    return None


def on_machine_mail(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    u: Understanding) -> str:
    """Bounces and auto-replies are recorded and never answered."""
    return MessageState.HANDLED


def on_for_review(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                  u: Understanding) -> str:
    registry.open_review(session, message=message, now=ctx.now,
                         reason=f"{u.kind.value}: " + "; ".join(u.reasons + tuple(mail.defects[:3])))
    return MessageState.REVIEW


Handler = Callable[[Session, Context, InboundMessage, ParsedMail, Understanding], str]
# Routes are asked before the kind decides: (name, predicate, handler). A predicate sees the parsed mail,
# the understanding and the context and returns True to take the message (e.g. a coordinator's reply to a
# review item or an inquiry, recognized by its token). Later modules register here, in order.
ROUTES: list[tuple[str, Callable[[ParsedMail, Understanding, Context], bool], Handler]] = []

HANDLERS: dict[Kind, Handler] = {
    Kind.BOUNCE: on_machine_mail,
    Kind.AUTO_REPLY: on_machine_mail,
}


# Asked after the handler, in the same transaction, with the state it returned (e.g. a "Digest: yes" line in
# an endorsement starts a subscription). Later modules register here.
AFTER: list[Callable[[Session, Context, InboundMessage, ParsedMail, Understanding, str], None]] = []


def handle(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """Apply *u* to the registry; returns the message's new state."""
    state = _dispatch(session, ctx, message, mail, u)
    for after in AFTER:
        after(session, ctx, message, mail, u, state)
    return state


def _dispatch(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    for _name, takes, route in ROUTES:
        if takes(mail, u, ctx):
            return route(session, ctx, message, mail, u)
    return HANDLERS.get(u.kind, on_for_review)(session, ctx, message, mail, u)


# The endorsement path (mailer.confirm), coordinator review (mailer.review) and withdrawal (mailer.withdraw)
# register their handlers and routes here; imported last because they import Context and queue_reply.
from . import confirm, review, withdraw  # noqa: E402,F401


# Modules that register routes and handlers of their own (they import Context and queue_reply from here).
from . import inquiries  # noqa: E402,F401
from . import subscriptions  # noqa: E402,F401
