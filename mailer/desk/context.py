"""What every handler is given (:class:`Context`) and may call: queue a reply, record machine mail, open a review.

Handlers run inside the transaction that claimed the message, so the state change and the outbox row of its
reply commit together or not at all.  Which handler runs is decided in :mod:`mailer.desk.routes`.
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

from mailer.compose import Outgoing, render
from mailer.model import ParsedMail, Understanding
from mailer.desk.reply_policy import reply_blocked
from mailer.desk.threads import Thread
from mailer.reading.rules import is_bulk, machine_mail
from mailer.settings import Settings
from mailer.reading.tokens import plus_address, thread_ref

log = logging.getLogger(__name__)


@dataclass
class Context:
    """The world a handler needs, passed in: settings, templates, clock, id maker."""

    settings: Settings
    templates: jinja2.Environment
    now: datetime
    make_message_id: Callable[[str], str]
    thread: Thread | None = None     # the conversation of the message being handled (mailer.desk.routes.dispatch)

    def actor(self, message: InboundMessage) -> str:
        return f"message:{message.id} {message.sender}"

    def is_coordinator(self, mail: ParsedMail) -> bool:
        """The From address is one of the coordinators' (the caller adds the token checks)."""
        return bool(mail.sender) and mail.sender.email in {a.lower() for a in self.settings.statement.coordinators}


def default_message_id(domain: str) -> Callable[[str], str]:
    return lambda purpose: f"<endorse.{purpose}.{uuid.uuid4().hex}@{domain}>"


def queue_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, *, purpose: str,
                out: Outgoing, language: str = "", endorsement_id: int | None = None,
                inquiry_id: int | None = None) -> str | None:
    """Render and queue a reply unless a rule holds it back; returns the reason it was held, if any.

    *language* is the sender's (see :func:`mailer.reading.language.reply_language`); the statement's when empty.
    *endorsement_id* / *inquiry_id* name the conversation an answer to this reply belongs to (:mod:`.threads`).
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
                   envelope_from=plus_address(st.address, "bounces"), raw=raw, caused_by=message.id, now=ctx.now,
                   thread_ref=thread_ref(message_id), endorsement_id=endorsement_id, inquiry_id=inquiry_id)
    return None


def on_machine_mail(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    u: Understanding) -> str:
    """Bounces and auto-replies are recorded and never answered."""
    return MessageState.HANDLED


def on_unknown(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
               u: Understanding) -> str:
    """A courtesy ("thank you!", "received", 🙏) is recorded and answered by nobody; anything else unread goes
    to a coordinator."""
    if u.courtesy and not mail.attachments and not machine_mail(mail):
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="courtesy_recorded",
                       subject=(mail.subject or "")[:200], in_reply_to=mail.in_reply_to[:300])
        return MessageState.HANDLED
    if is_bulk(mail):                  # a newsletter or a list post: recorded, as auto-replies are
        return MessageState.HANDLED
    return on_for_review(session, ctx, message, mail, u)


def on_for_review(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                  u: Understanding) -> str:
    registry.open_review(session, message=message, now=ctx.now,
                         reason=f"{u.kind.value}: " + "; ".join(u.reasons + tuple(mail.defects[:3])))
    return MessageState.REVIEW


Handler = Callable[[Session, Context, InboundMessage, ParsedMail, Understanding], str]
