"""Coordinator review, by email and by CLI: one decision table for both.

Every open review item gets one mail to each coordinator (:func:`notify_open_items`,
run by the worker's cycle, so items opened anywhere are announced): the
extracted fields, the candidate already listed, the proposed change and the
original text, with a token (``r-…``) in the subject and the Reply-To.  A
reply acts on the item only when it comes from a coordinator's address and
carries that item's token; ``endorse review`` does the same on the server.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import registry, signatories, tokenstore
from storage.db import serialize
from storage.dedupe import Likeness, Named
from storage.schema import (Endorsement, EndorsementState, InboundMessage, MessageState, ReviewItem, Signatory,
                            TokenPurpose)

from mailer.desk import confirm
from mailer.reading.answers import Action, Command, read_command, replies_with, tokens_for
from mailer.compose import Outgoing, pick_language
from mailer.desk.context import Context
from mailer.model import Extraction, ParsedMail, Understanding
from mailer.desk.notify import answer_subject, common, queue_notice, reply_address
from mailer.reading.tokens import hash_token, new_token

log = logging.getLogger(__name__)
ORIGINAL_LIMIT = 20_000


class Subject(StrEnum):
    """What a review item is about."""

    MESSAGE = "message"            # a message nobody understood (or one that failed)
    ENDORSEMENT = "endorsement"    # an endorsement a coordinator must approve
    CORRECTION = "correction"      # a change to a listed organization
    WITHDRAWAL = "withdrawal"      # a withdrawal not confirmed by a registered address


@dataclass(frozen=True)
class Result:
    ok: bool
    text: str


# ---- the decisions ---------------------------------------------------------------------------------------------

Decision = Callable[[Session, Context, ReviewItem, Command, str], Result]


def _endorsement(session: Session, item: ReviewItem) -> Endorsement | None:
    return session.get(Endorsement, item.endorsement_id) if item.endorsement_id else None


def _edit_endorsement(session: Session, ctx: Context, e: Endorsement, fields: dict, actor: str) -> None:
    changes = {f: {"before": getattr(e, f), "after": v} for f, v in fields.items()
               if f in signatories.FIELDS and getattr(e, f) != v}
    for f, change in changes.items():
        setattr(e, f, change["after"])
    if changes:
        registry.audit(session, now=ctx.now, actor=actor, action="endorsement_edited", endorsement=e,
                       changes=changes)


def approve_endorsement(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    e = _endorsement(session, item)
    if e is None or e.state != EndorsementState.REVIEW:
        return Result(False, f"nothing to approve: the endorsement is {e.state if e else 'missing'}")
    if not (command.fields or item.proposed or {}).get("organization", e.organization):
        return Result(False, "no organization name: reply with an 'Organisation: …' line")
    _edit_endorsement(session, ctx, e, command.fields or item.proposed or {}, actor)
    e.approved_at, e.approved_by, e.updated_at = ctx.now, actor, ctx.now
    message = session.get(InboundMessage, e.message_id)
    if e.confirmed_at is None:
        confirm.request_confirmation(session, ctx, message, confirm.stored_mail(message, ctx), e)
        if e.state == EndorsementState.CONFIRMATION_REQUESTED:
            return Result(True, f"approved; confirmation request sent to {e.contact_email} for: {confirm.line_of(e)}")
        return Result(True, "approved, but the confirmation request could not be sent: see the new review item")
    entry = confirm.list_endorsement(session, ctx, e, actor=actor, message=message)
    _tell_listed(session, ctx, e)
    return Result(True, f"approved and {entry.outcome.value}: {confirm.registry_line(session, e)}")


def _tell_listed(session: Session, ctx: Context, e: Endorsement, *, purpose: str = "listed") -> None:
    """The endorser hears, in their language, the line that is now public (after an approval or a correction)."""
    if e.state != EndorsementState.VERIFIED:
        return
    out = Outgoing(template="confirmed", context={
        **common(ctx), "subject": f"Listed: {ctx.settings.statement.title}", "listed": True,
        "contact_name": e.contact_name or "", "listing": confirm.registry_line(session, e)},
        to=e.contact_email, to_name=e.contact_name or "")
    queue_notice(session, ctx, purpose=purpose, out=out, caused_by=e.message_id, language=e.language,
                 endorsement_id=e.id)


def merge_endorsement(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    e = _endorsement(session, item)
    if item.signatory_id is None or e is None:
        return Result(False, "no candidate to merge with: approve, reject or correct the fields instead")
    e.signatory_id = item.signatory_id
    return approve_endorsement(session, ctx, item, Command(Action.APPROVE), actor)


def reject_endorsement(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    e = _endorsement(session, item)
    if e is not None and e.state not in (EndorsementState.VERIFIED, EndorsementState.CANCELLED):
        e.state, e.updated_at = EndorsementState.REJECTED, ctx.now
        tokenstore.use_tokens(session, now=ctx.now, endorsement_id=e.id)
        registry.audit(session, now=ctx.now, actor=actor, action="rejected", endorsement=e)
        if ctx.settings.replies.rejection_note and item.subject == Subject.ENDORSEMENT:
            _tell_rejected(session, ctx, e)
    return Result(True, "rejected: nothing is published")


def _tell_rejected(session: Session, ctx: Context, e: Endorsement) -> None:
    """A polite note in the endorser's language (``replies.rejection_note``); held back, like every notice, for
    an address that cannot be answered, and never sent for a message a machine wrote."""
    message = session.get(InboundMessage, e.message_id)
    if not e.contact_email or message is None or message.kind in ("bounce", "auto_reply"):
        return
    out = Outgoing(template="rejected", context={
        **common(ctx), "subject": answer_subject(message.subject or ctx.settings.statement.title),
        "contact_name": e.contact_name or "", "listing": confirm.line_of(e)},
        to=e.contact_email, to_name=e.contact_name or "", in_reply_to=message.message_id or "")
    queue_notice(session, ctx, purpose="rejection_note", out=out, caused_by=e.message_id, language=e.language,
                 endorsement_id=e.id)


def apply_correction(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    signatory = session.get(Signatory, item.signatory_id) if item.signatory_id else None
    if signatory is None:
        return Result(False, "no listed organization to correct")
    try:
        changed = signatories.edit(session, signatory, command.fields or item.proposed or {}, now=ctx.now,
                                   actor=actor)
    except ValueError as exc:
        return Result(False, f"not changed: {exc}")
    e = _endorsement(session, item)
    if e is not None and e.state == EndorsementState.REVIEW:
        e.signatory_id, e.state, e.updated_at = signatory.id, EndorsementState.VERIFIED, ctx.now
    if e is not None and changed:
        _tell_listed(session, ctx, e, purpose="correction_listed")     # the endorser sees the corrected line
    what = ", ".join(f"{f}: {b!r} → {a!r}" for f, (b, a) in changed.items()) or "nothing to change"
    return Result(True, f"corrected ({what}): {confirm.line_of(signatory)}")


def withdraw_signatory(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    """Withdraw the organization the item names, or the one the coordinator names (``Organisation: …``)."""
    signatory = session.get(Signatory, item.signatory_id) if item.signatory_id else None
    if command.fields.get("organization"):
        wanted = Named(None, command.fields["organization"], None, command.fields.get("country"))
        match, signatory = signatories.closest(session, wanted, confirm.thresholds(ctx), listed_only=True)
        if match is None or match.likeness is not Likeness.SAME:
            return Result(False, f"no listed organization is named {command.fields['organization']!r}")
    if signatory is None:
        return Result(False, "no listed organization was identified: reply with 'Organisation: …' naming it")
    if not signatories.withdraw(session, signatory, now=ctx.now, actor=actor,
                                reason=f"withdrawal request, review item #{item.id}"):
        return Result(False, f"not listed: {confirm.line_of(signatory)} is {signatory.status}")
    return Result(True, f"withdrawn from the public list: {confirm.line_of(signatory)}")


def endorse_from_message(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    """A message the classifier did not understand, read by a coordinator: an endorsement with these fields."""
    if not command.fields.get("organization"):
        return Result(False, "to turn this message into an endorsement, give at least 'Organisation: …'")
    message = session.get(InboundMessage, item.message_id)
    mail = confirm.stored_mail(message, ctx)
    if mail.sender is None:
        return Result(False, "the message has no sender address to confirm with")
    f = command.fields
    extraction = Extraction(organization=f["organization"], short_name=f.get("short_name"),
                            country=f.get("country"), country_text=f.get("country_text"),
                            contact_email=mail.sender.email, contact_name=mail.sender.name or None)
    confirm.admit(session, ctx, message, mail, extraction, approved_by=actor)
    return Result(True, f"an endorsement: {confirm.line_of(extraction)}; confirmation asked of {mail.sender.email}")


def close(session: Session, ctx: Context, item: ReviewItem, command: Command, actor: str) -> Result:
    return Result(True, f"closed ({command.action}): nothing changes in the registry")


DECISIONS: dict[tuple[Subject, Action], Decision] = {
    (Subject.ENDORSEMENT, Action.APPROVE): approve_endorsement,
    (Subject.ENDORSEMENT, Action.EDIT): approve_endorsement,
    (Subject.ENDORSEMENT, Action.MERGE): merge_endorsement,
    (Subject.ENDORSEMENT, Action.REJECT): reject_endorsement,
    (Subject.CORRECTION, Action.APPROVE): apply_correction,
    (Subject.CORRECTION, Action.EDIT): apply_correction,
    (Subject.CORRECTION, Action.REJECT): reject_endorsement,
    (Subject.WITHDRAWAL, Action.APPROVE): withdraw_signatory,
    (Subject.WITHDRAWAL, Action.EDIT): withdraw_signatory,
    (Subject.WITHDRAWAL, Action.REJECT): close,
    (Subject.MESSAGE, Action.EDIT): endorse_from_message,
    (Subject.MESSAGE, Action.APPROVE): close,
    (Subject.MESSAGE, Action.REJECT): close,
}


def decide(session: Session, ctx: Context, item: ReviewItem, command: Command, *, actor: str) -> Result:
    """Apply a coordinator's command to an open item, in the caller's transaction."""
    if item.state != "open":
        return Result(False, f"item #{item.id} was already decided ({item.decision} by {item.decided_by})")
    decision = DECISIONS.get((Subject(item.subject), command.action)) if command.action else None
    if decision is None:
        return Result(False, f"a {item.subject} item cannot be answered with {command.action or 'that'}; "
                             f"possible: " + ", ".join(a for s, a in DECISIONS if s == item.subject))
    result = decision(session, ctx, item, command, actor)
    if result.ok:
        item.state, item.decision, item.decided_at, item.decided_by = "decided", command.action, ctx.now, actor
        tokenstore.use_tokens(session, now=ctx.now, review_item_id=item.id)
        registry.audit(session, now=ctx.now, actor=actor, action="review_decided", endorsement=_endorsement(
            session, item), review_item=item.id, decision=command.action, fields=command.fields, result=result.text)
    return result


# ---- by email ----------------------------------------------------------------------------------------------------

def on_review_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                    u: Understanding) -> str:
    sender = mail.sender.email.lower() if mail.sender else ""
    rows = [r for r in (tokenstore.find_token(session, hash_token(t), TokenPurpose.REVIEW)
                        for t in tokens_for(mail, TokenPurpose.REVIEW)) if r is not None]
    refusal = ("not from a coordinator's address" if not ctx.is_coordinator(mail)
               else None if rows else "no valid review token")
    if refusal:
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="review_command_refused",
                       reason=refusal)
        log.warning("message %s: review command refused: %s", message.id, refusal)
        return MessageState.HANDLED
    item = session.get(ReviewItem, rows[0].review_item_id)
    command = read_command(mail.text)
    if command.action is None:
        result = Result(False, "not understood: the first line should be approve, reject or merge, or give "
                               "corrected 'Organisation:', 'Short name:', 'Country:' lines")
    else:
        result = decide(session, ctx, item, command, actor=f"coordinator:{sender}")
    out = Outgoing(template="review_done",
                   context={**common(ctx), "subject": answer_subject(mail.subject), "item_id": item.id,
                            "ok": result.ok, "result": result.text},
                   to=sender, in_reply_to=mail.message_id, references=mail.references)
    queue_notice(session, ctx, purpose="review_done", out=out, caused_by=message.id)
    return MessageState.HANDLED


# ---- announcing open items ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shown:
    """One review item as a coordinator reads it (mail and CLI)."""

    item: ReviewItem
    fields: dict
    line: str
    contact: str
    candidate: str
    candidate_contacts: tuple[str, ...]
    proposed: dict
    original_from: str
    original_subject: str
    original_date: str
    original_text: str


def show(session: Session, ctx: Context, item: ReviewItem) -> Shown:
    e = _endorsement(session, item)
    candidate = session.get(Signatory, item.signatory_id) if item.signatory_id else None
    message = session.get(InboundMessage, item.message_id)
    mail = confirm.stored_mail(message, ctx) if message else None
    fields = signatories.fields_of(e) if e else {}
    return Shown(
        item=item, fields=fields, line=confirm.line_of(e) if e and e.organization else "",
        contact=e.contact_email if e else (mail.sender.email if mail and mail.sender else ""),
        candidate=f"#{candidate.id} {confirm.line_of(candidate)} ({candidate.status})" if candidate else "",
        candidate_contacts=tuple(sorted(signatories.contacts(session, candidate))) if candidate else (),
        proposed=item.proposed or {},
        original_from=mail.sender.email if mail and mail.sender else "",
        original_subject=mail.subject if mail else "", original_date=mail.date if mail else "",
        original_text=(mail.text if mail else "")[:ORIGINAL_LIMIT])


def notify_open_items(session: Session, ctx: Context) -> int:
    """Mail open items not yet announced to each coordinator, at most ``policy.review_mails_per_hour`` an hour
    (oldest first; the rest wait for a later cycle); returns how many items."""
    serialize(session, "review mails")         # the hourly cap is the mailbox's, not each worker's
    announced = session.scalar(select(func.count(ReviewItem.id)).where(
        ReviewItem.notified_at >= ctx.now - timedelta(hours=1))) or 0
    budget = ctx.settings.policy.review_mails_per_hour - announced
    if budget <= 0:
        return 0
    items = session.scalars(select(ReviewItem).where(ReviewItem.state == "open", ReviewItem.notified_at.is_(None))
                            .order_by(ReviewItem.id).limit(budget).with_for_update(skip_locked=True)).all()
    for item in items:
        token = new_token(TokenPurpose.REVIEW)
        tokenstore.add_token(session, token_hash=hash_token(token), purpose=TokenPurpose.REVIEW, now=ctx.now,
                             review_item=item)
        context = _review_context(ctx, show(session, ctx, item), token)
        for coordinator in ctx.settings.statement.coordinators:
            out = Outgoing(template="review_request", context=context, to=coordinator.lower(),
                           reply_to=reply_address(ctx, token))
            queue_notice(session, ctx, purpose="review_request", out=out)
        item.notified_at = ctx.now
    return len(items)


def _review_context(ctx: Context, shown: Shown, token: str) -> dict:
    title = shown.line or shown.original_subject or f"message from {shown.original_from}"
    return {**common(ctx), "token": token, "shown": shown, "title": title, "subject_kind": shown.item.subject,
            "actions": [a.value for s, a in DECISIONS if s == shown.item.subject]}


def describe(session: Session, ctx: Context, item: ReviewItem) -> str:
    """The review mail's text, for ``endorse review show`` (the token only ever goes by mail)."""
    lang = pick_language(ctx.templates, "review_request", ctx.settings.statement.language, "en")
    text = ctx.templates.get_template(f"{lang}/review_request.txt").render(
        **_review_context(ctx, show(session, ctx, item), "(in the review mail)"))
    state = (f"State: {item.state}" + (f" ({item.decision} by {item.decided_by} at {now_or(item.decided_at)})"
                                       if item.decided_at else ""))
    thread = registry.endorsement_thread(session, item.endorsement_id) if item.endorsement_id else []
    conversation = "".join(f"\n  {now_or(at)}  {who}: {what}" for at, who, what in thread)
    return state + "\n" + text.partition("\n")[2] + (f"\nThe conversation so far:{conversation}\n" if thread else "")


def open_items(session: Session, *, everything: bool = False) -> list[ReviewItem]:
    q = select(ReviewItem).order_by(ReviewItem.id)
    return list(session.scalars(q if everything else q.where(ReviewItem.state == "open")))


def now_or(value: datetime | None) -> str:
    return value.isoformat(sep=" ", timespec="seconds") if value else ""
