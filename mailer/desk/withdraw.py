"""Withdrawal: an organization asks to come off the list; it leaves once a registered address confirms.

The request may name the organization or only come from an address.  When
the sender is registered for exactly the organization meant (its address
confirmed an endorsement that listed it), a confirmation request with a
``w-`` token goes to that address; the reply takes the name off the public
list and keeps its history.  Anything else goes to a coordinator.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from storage import registry, signatories, tokenstore
from storage.dedupe import Named
from storage.schema import InboundMessage, MessageState, Signatory, TokenPurpose

from mailer.desk import confirm
from mailer.reading.answers import Answer, read_answer, replies_with, tokens_for
from mailer.compose import Outgoing, reply_subject
from mailer.desk.context import Context, queue_reply
from mailer.reading.language import reply_language
from mailer.model import Kind, ParsedMail, Understanding
from mailer.desk.notify import answer_subject, common, reply_address
from mailer.reading.tokens import hash_token, new_token

WITHDRAWAL = "withdrawal"     # mailer.desk.review.Subject.WITHDRAWAL, named here: review is not loaded yet at import


def target(session: Session, ctx: Context, sender: str, organization: str | None, country: str | None
           ) -> tuple[Signatory | None, bool]:
    """(the listed organization meant, whether *sender* is registered for it)."""
    mine = signatories.registered_for(session, sender)
    if organization:
        _match, named = signatories.closest(session, Named(None, organization, None, country), confirm.thresholds(ctx),
                                            listed_only=True)
        if named is not None:
            return named, named in mine
    if len(mine) == 1:
        return mine[0], True
    return None, False


def on_withdrawal(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                  u: Understanding) -> str:
    sender = mail.sender.email.lower() if mail.sender else ""
    e = u.extraction
    signatory, registered = target(session, ctx, sender, e.organization, e.country)
    if signatory is None or not registered:
        why = ("no listed organization matches the request" if signatory is None
               else f"{sender or 'the sender'} is not a registered address of {confirm.line_of(signatory)}")
        registry.open_review(session, message=message, now=ctx.now, reason=f"withdrawal request: {why}",
                             subject=WITHDRAWAL, signatory=signatory)
        return MessageState.REVIEW
    token = new_token(TokenPurpose.WITHDRAW)
    tokenstore.add_token(session, token_hash=hash_token(token), purpose=TokenPurpose.WITHDRAW, now=ctx.now,
                         expires_at=ctx.now + timedelta(days=ctx.settings.replies.token_days), address=sender,
                         signatory=signatory, message=message)
    out = Outgoing(template="withdrawal_request",
                   context={**common(ctx), "subject": reply_subject(mail.subject or "Withdrawal"), "token": token,
                            "contact_name": mail.sender.name, "listing": confirm.line_of(signatory),
                            "token_days": ctx.settings.replies.token_days},
                   to=sender, to_name=mail.sender.name, reply_to=reply_address(ctx, token),
                   in_reply_to=mail.message_id, references=mail.references)
    held = queue_reply(session, ctx, message, mail, purpose="withdrawal_request", out=out,
                       language=reply_language(mail, ctx.settings.statement.language,
                                               leave_out=(e.organization, e.country_text)))
    if held:
        registry.open_review(session, message=message, now=ctx.now, subject=WITHDRAWAL,
                             signatory=signatory, reason=f"withdrawal confirmation not sent: {held}")
        return MessageState.REVIEW
    registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="withdrawal_requested",
                   signatory=signatory)
    return MessageState.HANDLED


def on_withdrawal_reply(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail,
                        u: Understanding) -> str:
    check = confirm.check_token(session, ctx, message, mail, tokens_for(mail, TokenPurpose.WITHDRAW),
                                TokenPurpose.WITHDRAW)
    if check.row is None:
        registry.open_review(session, message=message, now=ctx.now, reason="withdrawal reply with an unknown token")
        return MessageState.REVIEW
    if check.done:
        return check.done
    row, signatory = check.row, session.get(Signatory, check.row.signatory_id)
    language = _request_language(session, ctx, row.message_id, mail)
    answer = read_answer(mail.text)
    if answer is Answer.UNCLEAR:
        _tell(session, ctx, message, mail, signatory, "answer_unclear", language)
        return MessageState.HANDLED
    tokenstore.use_tokens(session, now=ctx.now, token_id=row.id)
    if answer is Answer.NO:
        registry.audit(session, now=ctx.now, actor=ctx.actor(message), action="withdrawal_cancelled",
                       signatory=signatory)
        _tell(session, ctx, message, mail, signatory, "withdrawal_kept", language)
        return MessageState.HANDLED
    signatories.withdraw(session, signatory, now=ctx.now, actor=ctx.actor(message),
                         reason="confirmed by a registered address")
    _tell(session, ctx, message, mail, signatory, "withdrawn", language)
    return MessageState.HANDLED


def _request_language(session: Session, ctx: Context, request_id: int | None, reply: ParsedMail) -> str:
    """The language of the withdrawal request itself: a reply ("ya", "oui") is too short to tell."""
    request = session.get(InboundMessage, request_id) if request_id else None
    first = confirm.stored_mail(request, ctx) if request is not None else reply
    return reply_language(first, ctx.settings.statement.language)


def _tell(session: Session, ctx: Context, message: InboundMessage, mail: ParsedMail, signatory: Signatory,
          template: str, language: str) -> None:
    out = Outgoing(template=template,
                   context={**common(ctx), "subject": answer_subject(mail.subject), "listed": True,
                            "contact_name": mail.sender.name, "listing": confirm.line_of(signatory)},
                   to=mail.sender.email, to_name=mail.sender.name,
                   in_reply_to=mail.message_id, references=mail.references)
    queue_reply(session, ctx, message, mail, purpose=template, out=out, language=language)
