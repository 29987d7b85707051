"""Subscribing to the weekly digest by mail, leaving it, and what its bounces do.

- ``subscribe`` (subject or body, in the statement's languages): double opt-in.
  A confirmation request with an ``s-`` token (hashed in ``reply_tokens``)
  goes to the sender; their reply, from the same address, starts the digest.
- An endorsement with a ``Digest: yes`` line: the endorsing address's reply to
  its confirmation request is the opt-in (:data:`mailer.desk.routes.AFTER`).
- ``unsubscribe``: ends at once and is acknowledged once.  Mail to the
  ``List-Unsubscribe`` address (``statement+u-<token>@``) ends the subscription
  of that token's subscriber, and only when it comes from that subscriber's
  own address; a plain ``unsubscribe`` ends the sender's own subscription unless
  the receiving server's Authentication-Results says the From was forged.
- Bounces to the VERP return path (``statement+b-<token>@``), or naming a
  subscriber among flufl.bounce's failed recipients, count as hard bounces
  (temporary failures do not); after ``[subscribers] max_hard_bounces`` the
  subscriber is disabled and the coordinators' summary says so.
"""
from __future__ import annotations

import logging
import re
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import subscribers, tokenstore
from storage.schema import Endorsement, InboundMessage, MessageState, Subscriber, SubscriberState, TokenPurpose

from mailer.reading.answers import Answer, read_answer, replies_with, tokens_for
from mailer.compose import Outgoing, reply_subject
from mailer.digest.content import SAFE_ADDRESS
from mailer.desk.context import Context, queue_reply
from mailer.reading.inquiry_rules import authentication_failure
from mailer.reading.language import reply_language
from mailer.model import Kind, ParsedMail, Understanding
from mailer.desk.notify import answer_subject, common, reply_address
from mailer.reading.quoting import own_text
from mailer.reading.tokens import find_tokens, hash_token, new_token

log = logging.getLogger(__name__)

# "Digest: yes" in an endorsement (and the same in the statement's languages).
DIGEST_LINE = re.compile(
    r"^[ \t>*-]*(weekly\s+)?(digest|weekly\s+updates?|updates|newsletter|bulletin|buletin|berita\s+mingguan|"
    r"resumen\s+semanal|r[ée]sum[ée]\s+hebdomadaire|resumo\s+semanal|lingguhang\s+balita|สรุปรายสัปดาห์)"
    r"[ \t]*[:：][ \t]*(yes|y|ya|iya|oui|s[ií]|sim|oo|opo|ใช่|รับ)\b", re.IGNORECASE | re.MULTILINE)


def wants_digest(text: str) -> bool:
    """Whether the writer's own lines hold a ``Digest: yes`` line."""
    return bool(DIGEST_LINE.search(own_text(text)))


def subscriber_token() -> str:
    """The 26 random characters behind a subscriber's ``u-`` and ``b-`` addresses."""
    return new_token("u")[2:]


def _language(ctx: Context, mail: ParsedMail) -> str:
    return reply_language(mail, ctx.settings.statement.language)


def _reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, template: str, *,
           to: str, language: str, purpose: str = "", reply_to: str = "", **context) -> str | None:
    out = Outgoing(template=template,
                   context={**common(ctx), "subject": answer_subject(mail.subject or "Weekly digest"),
                            "name": mail.sender.name if mail.sender else "", **context},
                   to=to, to_name=mail.sender.name if mail.sender else "", reply_to=reply_to,
                   in_reply_to=mail.message_id, references=mail.references)
    return queue_reply(session, ctx, message, mail, purpose=purpose or template, out=out, language=language)


# ---- subscribing ---------------------------------------------------------------------------------------------------

def on_subscribe(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """Ask the sender to confirm by a plain reply; nothing starts before that reply."""
    sender = mail.sender.email.lower() if mail.sender else ""
    if not SAFE_ADDRESS.fullmatch(sender):
        log.info("message %s: no subscription for %r: not a plain address", message.id, sender)
        return MessageState.HANDLED
    language = _language(ctx, mail)
    row = subscribers.by_email(session, sender)
    if row is not None and row.state == SubscriberState.ACTIVE:
        _reply(session, ctx, message, mail, "subscribed", to=sender, language=language, purpose="already_subscribed",
               already=True)
        return MessageState.HANDLED
    row = subscribers.ask(session, email=sender, name=mail.sender.name, language=language, now=ctx.now,
                          new_token=subscriber_token, message=message)
    token = new_token(TokenPurpose.SUBSCRIBE)
    days = ctx.settings.replies.token_days
    tokenstore.add_token(session, token_hash=hash_token(token), purpose=TokenPurpose.SUBSCRIBE, now=ctx.now,
                         expires_at=ctx.now + timedelta(days=days), address=sender, message=message)
    _reply(session, ctx, message, mail, "subscribe_request", to=sender, language=language,
           reply_to=reply_address(ctx, token), token=token, token_days=days,
           subject=reply_subject(mail.subject or "Subscribe"))
    return MessageState.HANDLED


def on_subscription_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                          u: Understanding) -> str | None:
    """The reply to a confirmation request: from the address asked, with a valid token, it starts the digest."""
    sender = mail.sender.email.lower() if mail.sender else ""
    for token in tokens_for(mail, TokenPurpose.SUBSCRIBE):
        row = tokenstore.find_token(session, hash_token(token), TokenPurpose.SUBSCRIBE)
        if row is None:
            continue
        if row.address != sender:
            log.warning("message %s: subscription token sent from %s, not from %s: nothing done", message.id,
                        sender, row.address)
            return MessageState.HANDLED
        subscriber = subscribers.by_email(session, row.address)
        language = subscriber.language if subscriber else _language(ctx, mail)
        state = tokenstore.token_state(row, ctx.now)
        if state is not tokenstore.TokenState.VALID or subscriber is None \
                or subscriber.state != SubscriberState.PENDING:
            _reply(session, ctx, message, mail, "subscription_not_open", to=sender, language=language,
                   why=str(state), active=bool(subscriber and subscriber.state == SubscriberState.ACTIVE))
            return MessageState.HANDLED
        tokenstore.use_tokens(session, now=ctx.now, token_id=row.id)
        if read_answer(mail.text) is Answer.NO:
            subscribers.end(session, subscriber, ctx.now)
            return MessageState.HANDLED
        subscribers.activate(session, subscriber, ctx.now)
        _reply(session, ctx, message, mail, "subscribed", to=sender, language=language, already=False)
        return MessageState.HANDLED
    log.info("message %s: a subscription token nobody issued", message.id)
    # not for this route: the kind decides (mailer.desk.routes); a message of no kind is simply recorded
    return MessageState.HANDLED if u.kind is Kind.UNKNOWN else None


# ---- leaving -------------------------------------------------------------------------------------------------------

def unsubscribe_tokens(mail: ParsedMail) -> tuple[str, ...]:
    rcpts = " ".join(a.email for a in mail.to + mail.cc)
    return tuple(t[2:] for t in find_tokens(rcpts) if t.startswith("u-"))


def on_unsubscribe(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """End the subscription at once; acknowledge only a subscription that was still going."""
    sender = mail.sender.email.lower() if mail.sender else ""
    row = None
    for token in unsubscribe_tokens(mail):
        row = subscribers.by_token(session, token)
        if row is not None and row.email != sender:
            log.warning("message %s: %s used the unsubscribe address of another subscriber: nothing done",
                        message.id, sender)
            return MessageState.HANDLED
    if row is None:      # no token, or one from before a new subscription: the sender's own subscription
        forged = authentication_failure(mail, sender.rpartition("@")[2]) if sender else "no sender"
        if forged:
            log.warning("message %s: unsubscribe not done: %s", message.id, forged)
            return MessageState.HANDLED
        row = subscribers.by_email(session, sender)
    if row is None or not subscribers.end(session, row, ctx.now):
        return MessageState.HANDLED
    _reply(session, ctx, message, mail, "unsubscribed", to=row.email, language=row.language)
    return MessageState.HANDLED


# ---- bounces -------------------------------------------------------------------------------------------------------

HARD_STATUS = re.compile(r"\b(status:\s*5\.\d{1,3}\.\d{1,3}|5\d\d[ -]5\.\d{1,3}\.\d{1,3})", re.IGNORECASE)


def bounce_tokens(mail: ParsedMail) -> tuple[str, ...]:
    """b- tokens where a DSN to our VERP return path keeps them: To/Cc and the receiving server's headers."""
    where = " ".join([a.email for a in mail.to + mail.cc] + [mail.header(h) for h in (
        "delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "return-path")])
    return tuple(t[2:] for t in find_tokens(where) if t.startswith("b-"))


def is_hard(mail: ParsedMail) -> bool:
    """A permanent failure: flufl.bounce found failed addresses, or the report says 5.x.x; delays are not."""
    if mail.failed_recipients:
        return True
    return not mail.delayed_recipients and bool(HARD_STATUS.search(mail.text[:20000]))


def on_bounce(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding) -> str:
    """Count a hard bounce against the subscriber it is about; never answered."""
    found: dict[int, Subscriber] = {}
    for token in bounce_tokens(mail):
        row = subscribers.by_token(session, token)
        if row is not None:
            found[row.id] = row
    if not found:
        for address in mail.failed_recipients:
            row = subscribers.by_email(session, address)
            if row is not None:
                found[row.id] = row
    if found and is_hard(mail):
        for row in found.values():
            if subscribers.hard_bounce(session, row, ctx.now, limit=ctx.settings.subscribers.max_hard_bounces):
                log.warning("subscriber %s disabled after %s hard bounces", row.email, row.hard_bounces)
    return MessageState.HANDLED


# ---- an endorsement's "Digest: yes" ----------------------------------------------------------------------------------

def after_handling(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, u: Understanding,
                   state: str) -> None:
    if u.kind is Kind.CONFIRMATION:
        subscribers.activate_endorser_optins(session, ctx.now)
    if u.kind is not Kind.ENDORSEMENT or not wants_digest(mail.text):
        return
    endorsement = session.scalar(select(Endorsement).where(Endorsement.message_id == message.id)
                                 .order_by(Endorsement.id.desc()).limit(1))
    if endorsement is None or not SAFE_ADDRESS.fullmatch(endorsement.contact_email or ""):
        return
    subscribers.ask(session, email=endorsement.contact_email, name=endorsement.contact_name or "",
                    language=_language(ctx, mail), now=ctx.now, new_token=subscriber_token,
                    state=SubscriberState.AWAITING_ENDORSEMENT, source="endorsement", message=message,
                    endorsement=endorsement)
