"""Answers in an endorsement's conversation: read in that context before their kind counts.

The route (:data:`mailer.desk.routes.ROUTES`) takes a person's message that answers one of our mails about an
endorsement (:mod:`mailer.desk.threads`).  What it says (:func:`mailer.reading.in_thread.read_in_thread`)
decides, in this order:

================  ===================================================================================
correction        from the address our mail went to: the endorser's line is rewritten and shown to
                  them once more (:func:`mailer.desk.confirm.corrected`); from anyone else, a coordinator
answer            to the confirmation request, from the address it went to, in its thread by Message-ID
                  (a client that lost the token): read as the answer to it
question          an inquiry about the organization (:func:`mailer.desk.inquiries.ask`)
courtesy          recorded on the endorsement; no reply, no review item
other             not this route's: the message's kind decides
================  ===================================================================================
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage import registry
from storage.dedupe import Named, compare
from storage.schema import Endorsement, EndorsementState, InboundMessage, MessageState, TokenPurpose

from mailer.desk import confirm, inquiries
from mailer.desk.context import Context
from mailer.model import Band, Kind, ParsedMail, Understanding
from mailer.reading.answers import tokens_for
from mailer.reading.in_thread import Said, read_in_thread
from mailer.reading.rules import machine_mail

REQUESTS = ("confirmation_request", "confirmation_reminder")


def in_endorsement_thread(mail: ParsedMail, u: Understanding, ctx: Context) -> bool:
    """A route predicate: a person's answer to one of our mails about an endorsement."""
    return (ctx.thread is not None and ctx.thread.endorsement_id is not None and mail.sender is not None
            and u.kind not in (Kind.BOUNCE, Kind.AUTO_REPLY) and not machine_mail(mail))


def on_thread_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    u: Understanding) -> str | None:
    thread = ctx.thread
    endorsement = session.get(Endorsement, thread.endorsement_id)
    if endorsement is None:
        return None
    waiting = endorsement.state == EndorsementState.CONFIRMATION_REQUESTED
    if tokens_for(mail, TokenPurpose.CONFIRM):
        return None                          # the confirmation path reads it, with its token (or says it expired)
    said, correction = read_in_thread(mail, u)
    from_endorser = thread.went_to(mail) and mail.sender.email.lower() == endorsement.contact_email.lower()
    if said is Said.CORRECTION:
        if not from_endorser:
            return confirm.correct_listing(session, ctx, message, mail, endorsement, correction,
                                           by_endorser=False)
        if waiting:
            return confirm.corrected(session, ctx, message, mail, endorsement, correction)
        return confirm.correct_listing(session, ctx, message, mail, endorsement, correction)
    if waiting and from_endorser and thread.purpose in REQUESTS and thread.by_message_id and said is not Said.QUESTION:
        return confirm.answered(session, ctx, message, mail, endorsement)
    if said is Said.QUESTION:
        return inquiries.ask(session, ctx, message, mail, endorsement_id=endorsement.id)
    if said is Said.COURTESY and not _another_organization(u, endorsement):
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="courtesy_recorded",
                       endorsement=endorsement, answers=thread.purpose, subject=(mail.subject or "")[:200])
        return MessageState.HANDLED
    return None


def _another_organization(u: Understanding, endorsement: Endorsement) -> bool:
    """An endorsement in the thread, read surely enough to be proposed, that names another organization ("our
    sister union signs too")."""
    named = u.extraction.organization if u.kind is Kind.ENDORSEMENT and u.band is not Band.COORDINATOR else None
    if not named:
        return False
    return compare(Named(None, named, u.extraction.short_name, u.extraction.country),
                   Named(None, endorsement.organization, endorsement.short_name, endorsement.country)) is None
