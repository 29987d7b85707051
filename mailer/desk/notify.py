"""Mail that answers no inbound message: reminders, review mails to coordinators.

:func:`mailer.desk.context.queue_reply` guards replies (machine mail, loops, rate
limit); here there is no inbound mail to guard against, only an address that
cannot receive mail.  The outbox row is written in the caller's transaction.
"""
from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from storage import outbox

from mailer.compose import Outgoing, render, reply_subject
from mailer.desk.reply_policy import address_problem
from mailer.reading.tokens import plus_address, thread_ref

if TYPE_CHECKING:   # handle imports the modules that import this one
    from mailer.desk.context import Context

log = logging.getLogger(__name__)


def queue_notice(session: Session, ctx: Context, *, purpose: str, out: Outgoing, caused_by: int | None = None,
                 language: str = "", endorsement_id: int | None = None) -> str | None:
    """Render *out* and queue it; returns why it was held back, if it was."""
    problem = address_problem(out.to)
    if problem:
        log.info("no %s mail: %s", purpose, problem)
        return problem
    st = ctx.settings.statement
    message_id = ctx.make_message_id(purpose)
    raw = render(ctx.templates, out, sender=st.address, sender_name=st.sender_name, message_id=message_id,
                 date=ctx.now, language=language or st.language, default_language=st.language)
    outbox.enqueue(session, message_id=message_id, purpose=purpose, recipient=out.to,
                   envelope_from=plus_address(st.address, "bounces"), raw=raw, caused_by=caused_by, now=ctx.now,
                   thread_ref=thread_ref(message_id), endorsement_id=endorsement_id)
    return None


def common(ctx: Context) -> dict:
    """What every template may use."""
    st = ctx.settings.statement
    return {"statement_title": st.title, "statement_address": st.address, "sender_name": st.sender_name}


TOKEN_TAG = re.compile(r"\s*\[(confirm|withdraw|review) [a-z]-[a-z0-9]{26}\]", re.IGNORECASE)


def answer_subject(subject: str) -> str:
    """``Re: <subject>`` without the spent token's tag: an answer must not look like a new request."""
    return reply_subject(TOKEN_TAG.sub("", subject or ""))


def reply_address(ctx: Context, token: str) -> str:
    return ctx.settings.replies.reply_address(ctx.settings.statement.address, token)
