"""Reply tokens in the database: only their SHA-256 is kept, and what each may do.

A used or expired token stays, so that replaying it is recognized and gets a
polite answer instead of looking like a stranger's mail.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .schema import Endorsement, InboundMessage, ReplyToken, ReviewItem, Signatory


class TokenState(StrEnum):
    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"


def add_token(session: Session, *, token_hash: str, purpose: str, now: datetime, expires_at: datetime | None = None,
              address: str = "", endorsement: Endorsement | None = None, signatory: Signatory | None = None,
              review_item: ReviewItem | None = None, message: InboundMessage | None = None) -> ReplyToken:
    row = ReplyToken(token_hash=token_hash, purpose=purpose, address=address.lower(), created_at=now,
                     expires_at=expires_at,
                     endorsement_id=endorsement.id if endorsement else None,
                     signatory_id=signatory.id if signatory else None,
                     review_item_id=review_item.id if review_item else None,
                     message_id=message.id if message else None)
    session.add(row)
    session.flush()
    return row


def find_token(session: Session, token_hash: str, purpose: str) -> ReplyToken | None:
    return session.scalar(select(ReplyToken).where(ReplyToken.token_hash == token_hash,
                                                   ReplyToken.purpose == purpose))


def token_state(row: ReplyToken, now: datetime) -> TokenState:
    if row.used_at is not None:
        return TokenState.USED
    if row.expires_at is not None and row.expires_at <= now:
        return TokenState.EXPIRED
    return TokenState.VALID


def use_tokens(session: Session, *, now: datetime, endorsement_id: int | None = None,
               review_item_id: int | None = None, token_id: int | None = None) -> None:
    """Spend every open token of an endorsement or review item (or one token): each step needs a new one."""
    q = update(ReplyToken).where(ReplyToken.used_at.is_(None))
    if endorsement_id is not None:
        q = q.where(ReplyToken.endorsement_id == endorsement_id)
    elif review_item_id is not None:
        q = q.where(ReplyToken.review_item_id == review_item_id)
    elif token_id is not None:
        q = q.where(ReplyToken.id == token_id)
    else:
        raise ValueError("use_tokens needs an endorsement, a review item or a token")
    session.execute(q.values(used_at=now).execution_options(synchronize_session="fetch"))
