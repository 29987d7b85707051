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
from storage.export import listing_line
from storage.schema import Endorsement, EndorsementState, InboundMessage, MessageState

from .compose import Outgoing, render, reply_subject
from .model import Kind, ParsedMail, Understanding
from .replies import reply_blocked
from .settings import Settings
from .tokens import hash_token, new_token, plus_address

log = logging.getLogger(__name__)
NO_WORDS = ("no", "cancel", "tidak", "batal", "non", "annuler", "hindi", "ไม่", "não", "nao")


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

    *language* is the sender's (see :func:`mailer.language.mail_language`); the statement's when empty.
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


def _common(ctx: Context) -> dict:
    st = ctx.settings.statement
    return {"statement_title": st.title, "statement_address": st.address, "sender_name": st.sender_name}


def on_endorsement(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                   u: Understanding) -> str:
    e = u.extraction
    endorsement = Endorsement(message_id=message.id, organization=e.organization, short_name=e.short_name,
                              country=e.country, country_text=e.country_text,
                              contact_email=e.contact_email or "", contact_name=e.contact_name,
                              state=EndorsementState.PENDING, review_reasons="; ".join(e.review_reasons),
                              created_at=ctx.now, updated_at=ctx.now)
    session.add(endorsement)
    session.flush()
    if u.needs_review or not e.contact_email:
        endorsement.state = EndorsementState.REVIEW
        registry.open_review(session, message=message, endorsement=endorsement, now=ctx.now,
                             reason="unsure extraction: " + ("; ".join(e.review_reasons) or "no contact address"))
        return MessageState.REVIEW
    token = new_token("c")
    endorsement.token_hash = hash_token(token)
    endorsement.token_expires_at = ctx.now + timedelta(days=ctx.settings.replies.token_days)
    out = Outgoing(
        template="confirmation_request",
        context={**_common(ctx), "subject": reply_subject(mail.subject or "Endorsement"), "token": token,
                 "contact_name": e.contact_name or "", "token_days": ctx.settings.replies.token_days,
                 "listing": listing_line(e.organization, e.short_name, e.country_text)},
        to=e.contact_email, to_name=e.contact_name or "",
        reply_to=plus_address(ctx.settings.statement.address, token),
        in_reply_to=mail.message_id, references=mail.references)
    held = queue_reply(session, ctx, message, mail, purpose="confirmation_request", out=out)
    if held:
        endorsement.state = EndorsementState.REVIEW
        registry.open_review(session, message=message, endorsement=endorsement, now=ctx.now,
                             reason=f"confirmation request not sent: {held}")
        return MessageState.REVIEW
    endorsement.state = EndorsementState.CONFIRMATION_REQUESTED
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmation_requested",
                   endorsement=endorsement, organization=e.organization)
    return MessageState.HANDLED


def _says_no(text: str) -> bool:
    first = next((line.strip().lower() for line in text.splitlines() if line.strip()), "")
    return first.strip(".! ") in NO_WORDS


def on_confirmation(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    u: Understanding) -> str:
    sender = mail.sender.email if mail.sender else ""
    for token in u.tokens:
        endorsement = registry.endorsement_by_token(session, hash_token(token))
        if endorsement is None:
            continue
        if endorsement.contact_email.lower() != sender:
            registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmation_refused",
                           endorsement=endorsement, reason="sent from another address")
            return MessageState.HANDLED
        if endorsement.state != EndorsementState.CONFIRMATION_REQUESTED or (
                endorsement.token_expires_at and endorsement.token_expires_at < ctx.now):
            registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmation_ignored",
                           endorsement=endorsement, reason=f"token no longer valid (state {endorsement.state})")
            return MessageState.HANDLED
        endorsement.token_hash = None          # a token works once
        endorsement.updated_at = ctx.now
        if _says_no(mail.text):
            endorsement.state = EndorsementState.CANCELLED
            registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="cancelled",
                           endorsement=endorsement)
            return MessageState.HANDLED
        endorsement.state = EndorsementState.CONFIRMED
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmed", endorsement=endorsement)
        listed = ctx.settings.policy.verification == "confirm"
        if listed:
            registry.verify_endorsement(session, endorsement, now=ctx.now, actor=ctx.actor(message))
        else:
            registry.open_review(session, message=message, endorsement=endorsement, now=ctx.now,
                                 reason="policy confirm_and_approve: a coordinator must approve")
        out = Outgoing(
            template="confirmed",
            context={**_common(ctx), "subject": reply_subject(mail.subject), "listed": listed,
                     "contact_name": endorsement.contact_name or "",
                     "listing": listing_line(endorsement.organization, endorsement.short_name,
                                             endorsement.country_text)},
            to=sender, to_name=mail.sender.name if mail.sender else "",
            in_reply_to=mail.message_id, references=mail.references)
        queue_reply(session, ctx, message, mail, purpose="confirmed", out=out)
        return MessageState.HANDLED
    registry.open_review(session, message=message, now=ctx.now, reason="confirmation with an unknown token")
    return MessageState.REVIEW


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
    Kind.ENDORSEMENT: on_endorsement,
    Kind.CONFIRMATION: on_confirmation,
    Kind.BOUNCE: on_machine_mail,
    Kind.AUTO_REPLY: on_machine_mail,
}


def handle(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """Apply *u* to the registry; returns the message's new state."""
    for _name, takes, route in ROUTES:
        if takes(mail, u, ctx):
            return route(session, ctx, message, mail, u)
    return HANDLERS.get(u.kind, on_for_review)(session, ctx, message, mail, u)


# Modules that register routes and handlers of their own (they import Context and queue_reply from here).
from . import inquiries  # noqa: E402,F401
