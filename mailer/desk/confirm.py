"""The endorsement path: arrival → (coordinator) → confirmation by reply → the public list.

Nobody is listed who did not confirm from the endorsing address: the
confirmation request carries a token (subject, Reply-To plus-address, body),
stored hashed; a reply from another address does nothing; a used or expired
token gets a short, polite answer and changes nothing.  What a coordinator
must see first (an unsure extraction, a name close to a listed one, a
free-mail sender when asked) goes to review before anything is sent.  One
reminder goes before the token expires (:func:`remind_and_expire`, run by the
worker's cycle).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import limits, registry, signatories, tokenstore
from storage.dedupe import Likeness, Thresholds
from storage.export import listing_line
from storage.schema import (Endorsement, EndorsementState, InboundMessage, MessageState, ReplyToken, Signatory,
                            TokenPurpose)

from mailer.reading.answers import Answer, read_answer
from mailer.reading.corrections import Correction, read_corrections
from mailer.compose import Outgoing, reply_subject
from mailer.desk import inquiries
from mailer.desk.context import Context, queue_reply
from mailer.reading.language import reply_language
from mailer.model import Band, Extraction, Kind, ParsedMail, Understanding
from mailer.desk.notify import answer_subject, common, queue_notice, reply_address
from mailer.reading.parse import parse_message
from mailer.reading.extract import ASKS
from mailer.reading.quoting import own_text
from mailer.reading.tokens import hash_token, new_token

log = logging.getLogger(__name__)


def thresholds(ctx: Context) -> Thresholds:
    p = ctx.settings.policy
    return Thresholds(same=p.same_name_score, similar=p.similar_name_score)


def line_of(row) -> str:
    return listing_line(row.organization or "", row.short_name, row.country_text)


# ---- arrival ---------------------------------------------------------------------------------------------------

def on_endorsement(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                   u: Understanding) -> str:
    return admit(session, ctx, message, mail, u.extraction, band=u.band)


def admit(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, e: Extraction, *,
          approved_by: str = "", band: Band = Band.NONE) -> str:
    """Record an endorsement and take its first step; returns the message's new state.

    The reader's band decides who settles what it is unsure of (:mod:`mailer.reading.classify`): in the ASK
    band the sender sees the best reading and confirms or rewrites it; a coordinator sees only the rest.  A
    question asked beside the endorsement becomes an inquiry about it, whatever happens to the endorsement.
    """
    given, too_long = limits.fit(Endorsement, {
        "organization": e.organization, "short_name": e.short_name, "country_text": e.country_text,
        "contact_email": (e.contact_email or "").lower(), "contact_name": e.contact_name})
    endorsement = Endorsement(message_id=message.id, **given, country=e.country,
                              state=EndorsementState.PENDING, review_reasons="; ".join(e.review_reasons),
                              created_at=ctx.now, updated_at=ctx.now,
                              approved_at=ctx.now if approved_by else None, approved_by=approved_by,
                              language=reply_language(mail, ctx.settings.statement.language, leave_out=(
                                  e.organization, e.short_name, e.country_text, e.contact_name)))
    session.add(endorsement)
    session.flush()
    actor = approved_by or ctx.actor(message)
    registry.audit(session, now=ctx.now, actor=actor, action="received", endorsement=endorsement,
                   **signatories.fields_of(endorsement), contact=endorsement.contact_email)
    reasons = tuple(r for r in e.review_reasons if not r.startswith(ASKS))
    if len(reasons) < len(e.review_reasons) and not approved_by and mail.sender is not None:
        inquiries.ask(session, ctx, message, mail, endorsement_id=endorsement.id)
    asking = band is Band.ASK and not approved_by and bool(endorsement.organization)
    unsure = () if asking else reasons
    unsure = unsure or (() if endorsement.contact_email else ("no contact address",))
    unsure = tuple(unsure) + tuple(f"too long to store whole: {why}" for why in too_long)
    if unsure and not approved_by:
        return to_review(session, ctx, message, endorsement, "unsure extraction: " + "; ".join(unsure))
    match, known = signatories.closest(session, signatories.named(endorsement), thresholds(ctx), listed_only=True)
    if match and endorsement.contact_email in signatories.contacts(session, known):
        return _from_registered(session, ctx, message, mail, endorsement, match.likeness, known)
    if match and match.likeness is Likeness.SIMILAR and not approved_by:
        return to_review(session, ctx, message, endorsement, f"close to a listed organization: {match.reason}",
                         candidate=known)
    if (ctx.settings.policy.review_free_mail and not approved_by
            and signatories.domain(endorsement.contact_email) in ctx.settings.policy.free_mail_domains):
        return to_review(session, ctx, message, endorsement, "sent from a free-mail address (policy)")
    return request_confirmation(session, ctx, message, mail, endorsement, asking=asking)


MAX_CORRECTIONS = 2              # rewritten lines shown back to the endorser before a coordinator reads them


def _from_registered(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                     endorsement: Endorsement, likeness: Likeness, known) -> str:
    """An address registered for a listed organization writes again: a repeat, or a correction to review."""
    if likeness is Likeness.SAME and line_of(endorsement) == line_of(known):
        endorsement.state, endorsement.signatory_id = EndorsementState.VERIFIED, known.id
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="repeat", signatory=known,
                       endorsement=endorsement)
        out = Outgoing(template="already_listed",
                       context={**common(ctx), "subject": reply_subject(mail.subject or "Endorsement"),
                                "contact_name": endorsement.contact_name or "", "listing": line_of(known)},
                       to=endorsement.contact_email, to_name=endorsement.contact_name or "",
                       in_reply_to=mail.message_id, references=mail.references)
        queue_reply(session, ctx, message, mail, purpose="already_listed", out=out, language=endorsement.language,
                    endorsement_id=endorsement.id)
        return MessageState.HANDLED
    proposed = {f: v for f, v in signatories.fields_of(endorsement).items() if v != getattr(known, f)}
    return to_review(session, ctx, message, endorsement, "a registered address asks to correct its listing",
                     candidate=known, subject="correction", proposed=proposed)


def to_review(session: Session, ctx: Context, message: InboundMessage, endorsement: Endorsement, reason: str, *,
              candidate=None, subject: str = "endorsement", proposed: dict | None = None) -> str:
    endorsement.state, endorsement.updated_at = EndorsementState.REVIEW, ctx.now
    registry.open_review(session, message=message, endorsement=endorsement, now=ctx.now, reason=reason,
                         subject=subject, signatory=candidate, proposed=proposed)
    return MessageState.REVIEW


def request_confirmation(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                         endorsement: Endorsement, *, asking: bool = False, corrected: bool = False) -> str:
    """Ask the endorsing address to confirm by a plain Reply; review if the request cannot go.

    *asking*: the reader is unsure of a field, and the request says so; *corrected*: the line shown is the one
    the endorser wrote, shown once more before it is published."""
    days = ctx.settings.replies.token_days
    endorsement.token_expires_at = ctx.now + timedelta(days=days)
    token = _issue(session, ctx, endorsement, message)
    held = queue_reply(session, ctx, message, mail, purpose="confirmation_request",
                       out=_request(ctx, endorsement, token, mail.subject, mail.message_id, mail.references,
                                    asking=asking, corrected=corrected),
                       language=endorsement.language, endorsement_id=endorsement.id)
    if held:
        tokenstore.use_tokens(session, now=ctx.now, endorsement_id=endorsement.id)
        return to_review(session, ctx, message, endorsement, f"confirmation request not sent: {held}")
    endorsement.state, endorsement.updated_at = EndorsementState.CONFIRMATION_REQUESTED, ctx.now
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmation_requested",
                   endorsement=endorsement, organization=endorsement.organization,
                   expires_at=endorsement.token_expires_at.isoformat())
    return MessageState.HANDLED


def _issue(session: Session, ctx: Context, endorsement: Endorsement, message: InboundMessage | None) -> str:
    token = new_token(TokenPurpose.CONFIRM)
    tokenstore.add_token(session, token_hash=hash_token(token), purpose=TokenPurpose.CONFIRM, now=ctx.now,
                         expires_at=endorsement.token_expires_at, address=endorsement.contact_email,
                         endorsement=endorsement, message=message)
    return token


def _request(ctx: Context, endorsement: Endorsement, token: str, subject: str, in_reply_to: str,
             references: tuple[str, ...], *, reminder: bool = False, asking: bool = False,
             corrected: bool = False) -> Outgoing:
    return Outgoing(
        template="confirmation_request",
        context={**common(ctx), "subject": reply_subject(subject or "Endorsement"), "token": token,
                 "contact_name": endorsement.contact_name or "", "token_days": ctx.settings.replies.token_days,
                 "expires": endorsement.token_expires_at.strftime("%Y-%m-%d"), "reminder": reminder,
                 "listing": line_of(endorsement), "asking": asking, "corrected": corrected},
        to=endorsement.contact_email, to_name=endorsement.contact_name or "",
        reply_to=reply_address(ctx, token), in_reply_to=in_reply_to, references=references)


# ---- the reply -------------------------------------------------------------------------------------------------

def on_confirmation(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    u: Understanding) -> str:
    check = check_token(session, ctx, message, mail, u.tokens, TokenPurpose.CONFIRM, still_open=lambda row: (
        session.get(Endorsement, row.endorsement_id).state == EndorsementState.CONFIRMATION_REQUESTED))
    if check.row is None:
        registry.open_review(session, message=message, now=ctx.now, reason="confirmation with an unknown token")
        return MessageState.REVIEW
    return check.done or answered(session, ctx, message, mail, session.get(Endorsement, check.row.endorsement_id))


@dataclass(frozen=True)
class TokenCheck:
    row: ReplyToken | None      # the first known token of the purpose, if any
    done: str | None = None     # the message's state when the reply was answered here (refused, not valid)


def check_token(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, tokens: tuple[str, ...],
                purpose: str, *, still_open: Callable[[ReplyToken], bool] = lambda row: True) -> TokenCheck:
    """Find the reply's token; from another address than the one asked it does nothing (audited only);
    used, expired or no longer open it gets a short, polite answer and changes nothing."""
    sender = mail.sender.email.lower() if mail.sender else ""
    for token in tokens:
        row = tokenstore.find_token(session, hash_token(token), purpose)
        if row is None:
            continue
        if row.address != sender:
            registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="token_refused", token=purpose,
                           endorsement=session.get(Endorsement, row.endorsement_id) if row.endorsement_id else None,
                           signatory=session.get(Signatory, row.signatory_id) if row.signatory_id else None,
                           reason="sent from another address than the one asked")
            return TokenCheck(row, MessageState.HANDLED)
        state = tokenstore.token_state(row, ctx.now)
        if state is not tokenstore.TokenState.VALID or not still_open(row):
            asked = session.get(Endorsement, row.endorsement_id) if row.endorsement_id else None
            return TokenCheck(row, not_valid(session, ctx, message, mail, state,
                                             language=asked.language if asked is not None else ""))
        return TokenCheck(row)
    return TokenCheck(None)


def not_valid(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
              state: tokenstore.TokenState, *, language: str = "") -> str:
    """A used or expired token: a short, polite answer (in the endorsement's language where the token names
    one, else the reply's), and nothing changes."""
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="token_not_valid", token=state)
    out = Outgoing(template="token_not_valid",
                   context={**common(ctx), "subject": answer_subject(mail.subject), "why": state,
                            "contact_name": mail.sender.name if mail.sender else ""},
                   to=mail.sender.email, to_name=mail.sender.name,
                   in_reply_to=mail.message_id, references=mail.references)
    queue_reply(session, ctx, message, mail, purpose="token_not_valid", out=out,
                language=language or reply_language(mail, ctx.settings.statement.language))
    return MessageState.HANDLED


def answered(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
             endorsement: Endorsement) -> str:
    """The endorsing address answered its confirmation request (by token, or in the request's thread)."""
    signed_by = (mail.sender.name if mail.sender else "", endorsement.contact_name or "",
                 endorsement.organization or "", endorsement.short_name or "")
    answer, correction = read_answer(mail.text, signed_by), read_corrections(mail.text)
    actor = ctx.actor(message)
    if correction:                              # "No, our name is …" corrects; it does not cancel
        return corrected(session, ctx, message, mail, endorsement, correction)
    if answer is Answer.UNCLEAR:
        registry.audit(session, now=ctx.now, actor=actor, action="answer_unclear", endorsement=endorsement,
                       first_line=own_text(mail.text).splitlines()[0][:200])
        _answer(session, ctx, message, mail, endorsement, "answer_unclear")
        return MessageState.HANDLED
    tokenstore.use_tokens(session, now=ctx.now, endorsement_id=endorsement.id)   # a token works once
    endorsement.updated_at = ctx.now
    if answer is Answer.NO:
        endorsement.state = EndorsementState.CANCELLED
        registry.audit(session, now=ctx.now, actor=actor, action="cancelled", endorsement=endorsement)
        _answer(session, ctx, message, mail, endorsement, "cancelled")
        return MessageState.HANDLED
    endorsement.state, endorsement.confirmed_at = EndorsementState.CONFIRMED, ctx.now
    registry.audit(session, now=ctx.now, actor=actor, action="confirmed", endorsement=endorsement)
    if ctx.settings.policy.verification == "confirm_and_approve" and endorsement.approved_at is None:
        to_review(session, ctx, message, endorsement, "policy confirm_and_approve: a coordinator must approve")
    else:
        list_endorsement(session, ctx, endorsement, actor=actor, message=message)
    _answer(session, ctx, message, mail, endorsement, "confirmed")
    return MessageState.HANDLED


def corrected(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, endorsement: Endorsement,
              correction: Correction) -> str:
    """The endorser rewrote their line: it is shown to them once more, with a fresh token, before it is
    published.  A correction the reader is unsure of, or a third one, goes to a coordinator instead."""
    tokenstore.use_tokens(session, now=ctx.now, endorsement_id=endorsement.id)
    endorsement.updated_at = ctx.now
    fields = correction.fields
    nameless = not (fields.get("organization") or endorsement.organization)
    if correction.unsure or nameless or endorsement.corrections >= MAX_CORRECTIONS:
        why = correction.unsure or (("no organization name yet",) if nameless else ("corrected twice already",))
        endorsement.state, endorsement.confirmed_at = EndorsementState.CONFIRMED, ctx.now
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmed", endorsement=endorsement)
        to_review(session, ctx, message, endorsement, "the endorser confirmed and asks for a correction: "
                  + "; ".join(why), proposed=fields)
        _answer(session, ctx, message, mail, endorsement, "confirmed")
        return MessageState.HANDLED
    before = signatories.fields_of(endorsement)
    for name, value in fields.items():
        setattr(endorsement, name, value)
    endorsement.corrections += 1
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="corrected_by_endorser",
                   endorsement=endorsement, before=before, after=signatories.fields_of(endorsement))
    return request_confirmation(session, ctx, message, mail, endorsement, corrected=True)


def correct_listing(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    endorsement: Endorsement, correction: Correction, *, by_endorser: bool = True) -> str:
    """A correction the desk does not apply itself (the line was settled, or someone other than the endorser
    asks): a coordinator's, with the change shown; the endorser's that changes nothing is recorded only."""
    known = session.get(Signatory, endorsement.signatory_id) if endorsement.signatory_id else None
    current = known or endorsement
    proposed = {f: v for f, v in correction.fields.items() if v != getattr(current, f, None)}
    if not proposed and not correction.unsure and by_endorser:
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="correction_already_so",
                       endorsement=endorsement)
        return MessageState.HANDLED
    registry.open_review(session, message=message, endorsement=endorsement, now=ctx.now,
                         reason=("the endorser" if by_endorser else "someone other than the endorser")
                         + " asks to correct " + ("the listing" if known else "the line")
                         + "".join("; " + u for u in correction.unsure),
                         subject="correction" if known else "message", signatory=known, proposed=proposed)
    return MessageState.REVIEW


def list_endorsement(session: Session, ctx: Context, endorsement: Endorsement, *, actor: str,
                     message: InboundMessage) -> signatories.Entry:
    """Enter a confirmed endorsement in the public list, or send it to review with the candidate shown."""
    entry = signatories.enter(session, endorsement, now=ctx.now, actor=actor, thresholds=thresholds(ctx),
                              free_mail=ctx.settings.policy.free_mail_domains)
    if entry.outcome is signatories.Outcome.REVIEW:
        to_review(session, ctx, message, endorsement, entry.reason, candidate=entry.signatory)
    return entry


def _answer(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, endorsement: Endorsement,
            template: str) -> None:
    listed = endorsement.state == EndorsementState.VERIFIED
    shown = registry_line(session, endorsement) if listed else line_of(endorsement)
    out = Outgoing(template=template,
                   context={**common(ctx), "subject": answer_subject(mail.subject), "listed": listed,
                            "contact_name": endorsement.contact_name or "", "listing": shown},
                   to=mail.sender.email, to_name=mail.sender.name,
                   in_reply_to=mail.message_id, references=mail.references)
    queue_reply(session, ctx, message, mail, purpose=template, out=out, language=endorsement.language,
                endorsement_id=endorsement.id)


def registry_line(session: Session, endorsement: Endorsement) -> str:
    signatory = session.get(Signatory, endorsement.signatory_id) if endorsement.signatory_id else None
    return line_of(signatory or endorsement)


# ---- reminders and expiry --------------------------------------------------------------------------------------

class FollowUp(StrEnum):
    REMIND = "remind"
    EXPIRE = "expire"


@dataclass(frozen=True)
class Waiting:
    """An endorsement waiting for its confirmation."""

    endorsement_id: int
    expires_at: datetime
    reminded: bool


def due_follow_ups(waiting: list[Waiting], now: datetime, remind_before: timedelta) -> list[tuple[int, FollowUp]]:
    """Pure: which endorsements expire now, and which get their one reminder."""
    due = []
    for w in waiting:
        if w.expires_at <= now:
            due.append((w.endorsement_id, FollowUp.EXPIRE))
        elif not w.reminded and w.expires_at - remind_before <= now:
            due.append((w.endorsement_id, FollowUp.REMIND))
    return due


def waiting_endorsements(session: Session) -> list[Waiting]:
    rows = session.execute(select(Endorsement.id, Endorsement.token_expires_at, Endorsement.reminded_at).where(
        Endorsement.state == EndorsementState.CONFIRMATION_REQUESTED,
        Endorsement.token_expires_at.is_not(None))).all()
    return [Waiting(i, expires, reminded is not None) for i, expires, reminded in rows]


def apply_follow_up(session: Session, ctx: Context, endorsement_id: int, follow_up: FollowUp) -> None:
    """Expire, or send the one reminder with a fresh token (the first one stays valid until expiry)."""
    endorsement = session.get(Endorsement, endorsement_id, with_for_update=True)
    if endorsement is None or endorsement.state != EndorsementState.CONFIRMATION_REQUESTED:
        return
    if follow_up is FollowUp.EXPIRE:
        endorsement.state, endorsement.updated_at = EndorsementState.EXPIRED, ctx.now
        registry.audit(session, now=ctx.now, actor="worker", action="expired", endorsement=endorsement)
        return
    if endorsement.reminded_at is not None:
        return
    endorsement.reminded_at = ctx.now
    message = session.get(InboundMessage, endorsement.message_id)
    token = _issue(session, ctx, endorsement, None)
    held = queue_notice(session, ctx, purpose="confirmation_reminder",
                        out=_request(ctx, endorsement, token, message.subject, message.message_id, (), reminder=True),
                        language=endorsement.language, endorsement_id=endorsement.id)
    registry.audit(session, now=ctx.now, actor="worker", action="reminded", endorsement=endorsement,
                   held=held or "")


def remind_and_expire(session: Session, ctx: Context) -> dict[str, int]:
    due = due_follow_ups(waiting_endorsements(session), ctx.now,
                         timedelta(days=ctx.settings.replies.reminder_days))
    for endorsement_id, follow_up in due:
        apply_follow_up(session, ctx, endorsement_id, follow_up)
    return {f.value: sum(1 for _, x in due if x is f) for f in FollowUp}


def stored_mail(message: InboundMessage, ctx: Context) -> ParsedMail:
    return parse_message(message.raw, max_bytes=ctx.settings.replies.max_message_bytes)


# ---- a confirmation request that bounced -----------------------------------------------------------------------------

def mark_undeliverable(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail) -> list[int]:
    """A hard bounce naming the address a confirmation request went to: its endorsements can never be
    confirmed from there, so no reminder goes to a dead address and the coordinators see them in their summary.
    Returns the endorsements marked."""
    addresses = {a.lower() for a in mail.failed_recipients}
    if not addresses:
        return []
    rows = session.scalars(select(Endorsement).where(
        Endorsement.state == EndorsementState.CONFIRMATION_REQUESTED,
        func.lower(Endorsement.contact_email).in_(sorted(addresses)))).all()
    for endorsement in rows:
        endorsement.state, endorsement.updated_at = EndorsementState.UNDELIVERABLE, ctx.now
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="confirmation_undeliverable",
                       endorsement=endorsement, address=endorsement.contact_email)
    return [e.id for e in rows]
