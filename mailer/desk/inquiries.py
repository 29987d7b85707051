"""The inquiry desk: questions to the statement's address, answered by coordinators from their own mail client.

A question is acknowledged (in the asker's language, with a reference such
as ``[INQ-42]``) and copied to each coordinator with a Reply-To that carries a
fresh token (``statement+q-…@``).  A coordinator's reply, recognized by that
token or by the Message-ID of the copy (which only coordinators received), is
relayed to the asker from the statement's address, threaded into the asker's
conversation, without the quoted copy or ``#note`` lines.  A follow-up from the
asker in the same thread reopens the inquiry and notifies the coordinators.

Everything a message causes is written in its own transaction (the outbox),
so a replay does nothing.  Its routes and handler are named in :mod:`mailer.desk.routes`.
"""
from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.orm import Session

from storage import inquiries as store
from storage import outbox, registry
from storage.schema import InboundMessage, Inquiry, InquiryRole, InquiryState, MessageState, OutboxMessage

from mailer.reading.answer_text import read_answer
from mailer.compose import Outgoing, reply_subject, render
from mailer.desk.context import Context, on_for_review, queue_reply
from mailer.reading.inquiry_rules import (attachments_of, authentication_failure, inquiry_tokens,
                            reference_numbers, strip_references, thread_ids)
from mailer.reading.language import mail_language
from mailer.reading.quoting import quote_start
from mailer.reading.rules import machine_mail
from mailer.model import Kind, ParsedMail, Understanding
from mailer.desk.reply_policy import address_problem
from mailer.reading.tokens import hash_token, new_token, plus_address, thread_ref

log = logging.getLogger(__name__)
MACHINE_KINDS = (Kind.BOUNCE, Kind.AUTO_REPLY)
TEXT_LIMIT = 100_000          # characters of a message kept in inquiry_messages.text
THREAD_LIMIT = 10             # Message-IDs in a relay's References: enough for any client to thread it


def copy_marker(inquiry: Inquiry) -> str:
    """A line only the coordinators' copy holds: where a coordinator's client quoted it, the answer ends."""
    return f"Endorse inquiry {inquiry.reference}:"


def _common(ctx: Context, inquiry: Inquiry) -> dict:
    st = ctx.settings.statement
    return {"statement_title": st.title, "statement_address": st.address, "sender_name": st.sender_name,
            "reference": inquiry.reference, "asker": inquiry.asker, "asker_name": inquiry.asker_name,
            "subject": reply_subject(inquiry.subject)}


def _enqueue(session: Session, ctx: Context, message: InboundMessage, *, purpose: str, out: Outgoing,
             language: str, inquiry: Inquiry | None = None) -> tuple[str, OutboxMessage | None]:
    """Render and queue one message that no per-sender rule holds back (copies to coordinators, relays)."""
    st = ctx.settings.statement
    message_id = ctx.make_message_id(purpose)
    raw = render(ctx.templates, out, sender=st.address, sender_name=st.sender_name, message_id=message_id,
                 date=ctx.now, language=language, default_language=st.language)
    row = outbox.enqueue(session, message_id=message_id, purpose=purpose, recipient=out.to,
                         envelope_from=plus_address(st.address, "bounces"), raw=raw, caused_by=message.id,
                         now=ctx.now, thread_ref=thread_ref(message_id), inquiry_id=inquiry.id if inquiry else None)
    return message_id, row


def _over_limit(session: Session, ctx: Context, asker: str) -> str | None:
    """Why no more of *asker*'s messages are acknowledged or passed on today, or None."""
    limit = ctx.settings.inquiries.ack_per_sender_per_day
    passed = store.passed_on_since(session, asker, ctx.now - timedelta(days=1))
    return f"rate limit: {passed} inquiries from {asker} in the last 24 hours" if passed >= limit else None


def _hold(session: Session, ctx: Context, message: InboundMessage, inquiry: Inquiry, reason: str) -> str:
    registry.open_review(session, message=message, now=ctx.now,
                         reason=f"{inquiry.reference}: not acknowledged nor passed on: {reason}")
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="inquiry_held",
                   inquiry=inquiry.reference, reason=reason)
    return MessageState.REVIEW


def _notify_coordinators(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                         inquiry: Inquiry, *, follow_up: bool, warning: str = "") -> None:
    """A copy to each coordinator, threaded on their earlier copies, with a fresh reply token."""
    st = ctx.settings.statement
    if not st.coordinators:
        registry.open_review(session, message=message, now=ctx.now,
                             reason=f"{inquiry.reference}: no coordinators in the settings to answer it")
        return
    token = new_token("q")          # a new token at each step; earlier copies still match by Message-ID
    inquiry.token_hash = hash_token(token)
    files = attachments_of(message.raw, max_bytes=ctx.settings.replies.max_message_bytes)
    context = {**_common(ctx, inquiry), "marker": copy_marker(inquiry), "follow_up": follow_up,
               "warning": warning, "language": inquiry.language, "original_subject": mail.subject,
               "received": mail.date or ctx.now.isoformat(timespec="minutes") + " UTC",
               "text": mail.text.strip(), "attachments": [name for name, _, _ in files],
               "subject": f"[{inquiry.reference}] {inquiry.subject or '(no subject)'}"}
    for coordinator in dict.fromkeys(a.lower() for a in st.coordinators):
        earlier = store.copy_ids(session, inquiry.id, coordinator)
        out = Outgoing(template="inquiry_copy", context=context, to=coordinator,
                       reply_to=plus_address(st.address, token), in_reply_to=earlier[-1] if earlier else "",
                       references=tuple(earlier[:-1]), extra_headers={"X-Endorse-Inquiry": inquiry.reference},
                       attachments=files)
        message_id, row = _enqueue(session, ctx, message, purpose="inquiry_copy", out=out, language=st.language,
                                   inquiry=inquiry)
        if row is not None:
            store.record(session, inquiry, InquiryRole.COPY, at=ctx.now, address=coordinator,
                         mail_message_id=message_id, outbox=row)


def _acknowledge(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                 inquiry: Inquiry) -> None:
    out = Outgoing(template="inquiry_ack", context=_common(ctx, inquiry), to=inquiry.asker,
                   to_name=inquiry.asker_name, in_reply_to=mail.message_id, references=mail.references)
    held = queue_reply(session, ctx, message, mail, purpose="inquiry_ack", out=out, language=inquiry.language,
                       inquiry_id=inquiry.id)
    row = None if held else store.outbox_row(session, caused_by=message.id, purpose="inquiry_ack",
                                              recipient=inquiry.asker)
    store.record(session, inquiry, InquiryRole.ACK, at=ctx.now, address=inquiry.asker, outbox=row,
                 mail_message_id=row.message_id if row else "", held=held or "")
    if row is not None:
        inquiry.thread = [*inquiry.thread, row.message_id]


def _forgery_warning(ctx: Context, mail: ParsedMail) -> str:
    """Said in the copy when a message from a coordinator's address is handled as an ordinary inquiry."""
    if not ctx.is_coordinator(mail):
        return ""
    failed = authentication_failure(mail, mail.sender.email.rpartition("@")[2])
    if not (failed or inquiry_tokens(mail) or reference_numbers(mail.subject)):
        return ""               # a coordinator asking a question of their own
    return (f"this message claims to come from coordinator {mail.sender.email} but "
            + (f"failed the sender checks ({failed})" if failed else "carries no valid inquiry token")
            + "; it was not relayed to anyone.")


def _new_inquiry(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, *,
                 endorsement_id: int | None = None) -> str:
    asker = mail.sender.email
    own = mail.text[:quote_start(mail.text)]
    inquiry = Inquiry(state=InquiryState.OPEN, asker=asker, asker_name=mail.sender.name[:300],
                      subject=strip_references(mail.subject)[:500],
                      language=mail_language(mail, own, ctx.settings.statement.language),
                      token_hash=hash_token(new_token("q")), thread=[i for i in (*mail.references, mail.message_id) if i],
                      last_asker_message_id=mail.message_id, message_id=message.id,
                      created_at=ctx.now, updated_at=ctx.now, waiting_since=ctx.now, endorsement_id=endorsement_id)
    session.add(inquiry)
    session.flush()
    held = _over_limit(session, ctx, asker)
    store.record(session, inquiry, InquiryRole.QUESTION, at=ctx.now, address=asker, message_id=message.id,
                 mail_message_id=mail.message_id, text=mail.text[:TEXT_LIMIT], held=held or "")
    warning = _forgery_warning(ctx, mail)
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="inquiry_opened",
                   inquiry=inquiry.reference, language=inquiry.language, warning=warning)
    if held:
        return _hold(session, ctx, message, inquiry, held)
    _acknowledge(session, ctx, message, mail, inquiry)
    _notify_coordinators(session, ctx, message, mail, inquiry, follow_up=False, warning=warning)
    return MessageState.HANDLED


def _follow_up(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, inquiry: Inquiry) -> str:
    """The asker wrote again in the thread: it joins the inquiry, reopens it, and the coordinators hear of it."""
    held = _over_limit(session, ctx, inquiry.asker)
    store.record(session, inquiry, InquiryRole.FOLLOW_UP, at=ctx.now, address=inquiry.asker, message_id=message.id,
                 mail_message_id=mail.message_id, text=mail.text[:TEXT_LIMIT], held=held or "")
    if mail.message_id:
        inquiry.thread = [*inquiry.thread, mail.message_id]
        inquiry.last_asker_message_id = mail.message_id
    if inquiry.state != InquiryState.OPEN:
        inquiry.state, inquiry.waiting_since = InquiryState.OPEN, ctx.now
    inquiry.updated_at = ctx.now
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="inquiry_follow_up",
                   inquiry=inquiry.reference)
    if held:
        return _hold(session, ctx, message, inquiry, held)
    _notify_coordinators(session, ctx, message, mail, inquiry, follow_up=True)
    return MessageState.HANDLED


def on_inquiry(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
               u: Understanding) -> str:
    """A question: it continues the sender's inquiry when it is in that thread, else it opens a new one."""
    if mail.sender is None:
        return on_for_review(session, ctx, message, mail, u)
    return ask(session, ctx, message, mail)


def ask(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, *,
        endorsement_id: int | None = None) -> str:
    """The question continues the sender's inquiry when it is in that thread, else opens one (about the
    endorsement it was asked in, when there is one)."""
    inquiry = store.by_asker_thread(session, mail.sender.email, thread_ids(mail), reference_numbers(mail.subject))
    if inquiry is not None:
        return _follow_up(session, ctx, message, mail, inquiry)
    return _new_inquiry(session, ctx, message, mail, endorsement_id=endorsement_id)


def _verified_inquiry(session: Session, mail: ParsedMail) -> Inquiry | None:
    """The inquiry a coordinator's reply answers: by its current token, else by the copy's Message-ID."""
    for token in inquiry_tokens(mail):
        inquiry = store.by_token(session, hash_token(token))
        if inquiry is not None:
            return inquiry
    return store.by_copy_ids(session, thread_ids(mail))


def is_coordinator_reply(mail: ParsedMail, u: Understanding, ctx: Context) -> bool:
    """From a coordinator's address, by a person, not failing the sender checks, carrying a token or reference.

    A From header is easy to forge, so :func:`on_coordinator_reply` also
    requires a token or a Message-ID that only the coordinators received.
    """
    if not ctx.is_coordinator(mail) or u.kind in MACHINE_KINDS or machine_mail(mail):
        return False
    if authentication_failure(mail, mail.sender.email.rpartition("@")[2]):
        return False
    return bool(inquiry_tokens(mail) or (reference_numbers(mail.subject) and thread_ids(mail)))


def on_coordinator_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                         u: Understanding) -> str | None:
    inquiry = _verified_inquiry(session, mail)
    if inquiry is None:
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="coordinator_reply_unverified",
                       reason="no valid inquiry token nor a copy's Message-ID")
        return None                           # not for this route: the kind decides (mailer.desk.routes)
    coordinator = mail.sender.email
    answer = read_answer(mail.text, markers=(copy_marker(inquiry),))
    reply = store.record(session, inquiry, InquiryRole.COORDINATOR_REPLY, at=ctx.now, address=coordinator,
                         message_id=message.id, mail_message_id=mail.message_id, text=answer.text,
                         notes=answer.notes)
    inquiry.updated_at = ctx.now
    if not answer.text:
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="inquiry_note",
                       inquiry=inquiry.reference)
        return MessageState.HANDLED
    problem = address_problem(inquiry.asker)
    if problem:
        reply.held = problem
        registry.open_review(session, message=message, now=ctx.now,
                             reason=f"{inquiry.reference}: answer not relayed: {problem}")
        return MessageState.REVIEW
    return _relay(session, ctx, message, mail, inquiry, answer.text, coordinator)


def _relay(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, inquiry: Inquiry,
           text: str, coordinator: str) -> str:
    """The answer to the asker, from the statement's address, threaded on the asker's last message."""
    parent = inquiry.last_asker_message_id
    files = tuple(f for f in attachments_of(message.raw, max_bytes=ctx.settings.replies.max_message_bytes)
                  if not f[1].startswith("message/"))
    out = Outgoing(template="inquiry_relay", context={**_common(ctx, inquiry), "answer": text},
                   to=inquiry.asker, to_name=inquiry.asker_name, in_reply_to=parent,
                   references=tuple(i for i in inquiry.thread if i != parent)[-THREAD_LIMIT:], attachments=files)
    message_id, row = _enqueue(session, ctx, message, purpose="inquiry_relay", out=out, language=inquiry.language,
                               inquiry=inquiry)
    if row is None:
        return MessageState.HANDLED           # this reply was relayed before
    store.record(session, inquiry, InquiryRole.RELAY, at=ctx.now, address=inquiry.asker,
                 mail_message_id=message_id, outbox=row, text=text)
    inquiry.thread = [*inquiry.thread, message_id]
    inquiry.state, inquiry.answered_at, inquiry.waiting_since = InquiryState.ANSWERED, ctx.now, None
    registry.audit(session, now=ctx.now, actor=f"coordinator:{coordinator}", action="inquiry_answered",
                   inquiry=inquiry.reference)
    return MessageState.HANDLED


def is_follow_up(mail: ParsedMail, u: Understanding, ctx: Context) -> bool:
    """Prose the classifier could not place, naming an inquiry in its subject: maybe the asker writing again.

    Questions (kind inquiry) reach :func:`on_inquiry` anyway, which looks at the thread itself.
    """
    return (u.kind is Kind.UNKNOWN and mail.sender is not None and bool(reference_numbers(mail.subject))
            and not machine_mail(mail))


def on_follow_up(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                 u: Understanding) -> str | None:
    inquiry = store.by_asker_thread(session, mail.sender.email, thread_ids(mail), reference_numbers(mail.subject))
    if inquiry is None:
        return None                           # not for this route: the kind decides (mailer.desk.routes)
    return _follow_up(session, ctx, message, mail, inquiry)
