"""Digest subscribers: who asked, who confirmed, who left, who bounces.

Every function takes the session (one transaction) and ``now``; the caller commits.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .schema import Endorsement, InboundMessage, Subscriber, SubscriberState

LIVE = (SubscriberState.PENDING, SubscriberState.AWAITING_ENDORSEMENT, SubscriberState.ACTIVE)


def by_email(session: Session, email: str) -> Subscriber | None:
    return session.scalar(select(Subscriber).where(Subscriber.email == email.lower()))


def by_token(session: Session, token: str) -> Subscriber | None:
    """The subscriber whose ``u-``/``b-`` addresses carry *token* (the 26 characters after the purpose)."""
    return session.scalar(select(Subscriber).where(Subscriber.token == token.lower()))


def ask(session: Session, *, email: str, now: datetime, new_token: Callable[[], str], name: str = "",
        language: str = "en", state: str = SubscriberState.PENDING, source: str = "mail",
        message: InboundMessage | None = None, endorsement: Endorsement | None = None) -> Subscriber:
    """Start (or restart) a subscription in *state*; an active one is left as it is.

    A restarted subscription gets a new token, so the addresses in digests sent
    before it left stop working.
    """
    row = by_email(session, email)
    if row is not None and row.state == SubscriberState.ACTIVE:
        return row
    if row is None:
        row = Subscriber(email=email.lower(), created_at=now, hard_bounces=0)
        session.add(row)
    row.token, row.name, row.language, row.state, row.source = new_token(), name[:300], language, state, source
    row.message_id = message.id if message else None
    row.endorsement_id = endorsement.id if endorsement else None
    row.updated_at, row.confirmed_at, row.ended_at, row.hard_bounces, row.last_bounce_at = now, None, None, 0, None
    session.flush()
    return row


def activate(session: Session, row: Subscriber, now: datetime) -> None:
    row.state, row.confirmed_at, row.updated_at = SubscriberState.ACTIVE, now, now


def end(session: Session, row: Subscriber, now: datetime, state: str = SubscriberState.UNSUBSCRIBED) -> bool:
    """Unsubscribe (or disable); False when it had already ended, so the caller acknowledges only once."""
    if row.state not in LIVE:
        return False
    row.state, row.ended_at, row.updated_at = state, now, now
    return True


def hard_bounce(session: Session, row: Subscriber, now: datetime, *, limit: int) -> bool:
    """Count a hard bounce, at most one a day (several reports of one failure count once, as in Mailman);
    True when this one disables the subscriber."""
    if row.last_bounce_at is not None and now - row.last_bounce_at < timedelta(days=1):
        return False
    row.hard_bounces, row.last_bounce_at, row.updated_at = row.hard_bounces + 1, now, now
    if row.hard_bounces >= limit and row.state == SubscriberState.ACTIVE:
        return end(session, row, now, SubscriberState.DISABLED)
    return False


def activate_endorser_optins(session: Session, now: datetime) -> int:
    """``Digest: yes`` in an endorsement: active once the endorsing address has confirmed the endorsement
    (that reply is the double opt-in)."""
    confirmed = select(Endorsement.id).where(Endorsement.confirmed_at.is_not(None))
    result = session.execute(update(Subscriber).where(
        Subscriber.state == SubscriberState.AWAITING_ENDORSEMENT, Subscriber.endorsement_id.in_(confirmed))
        .values(state=SubscriberState.ACTIVE, confirmed_at=now, updated_at=now)
        .execution_options(synchronize_session=False))
    return result.rowcount or 0


def max_active_id(session: Session) -> int:
    return session.scalar(select(func.max(Subscriber.id)).where(Subscriber.state == SubscriberState.ACTIVE)) or 0


def active_languages(session: Session) -> set[str]:
    return set(session.scalars(select(Subscriber.language).where(Subscriber.state == SubscriberState.ACTIVE)
                               .distinct()))


def disabled_since(session: Session, since: datetime) -> list[Subscriber]:
    return list(session.scalars(select(Subscriber).where(Subscriber.state == SubscriberState.DISABLED,
                                                         Subscriber.ended_at > since).order_by(Subscriber.id)))


def bouncing(session: Session) -> list[Subscriber]:
    """Active subscribers with at least one hard bounce: the ones to watch."""
    return list(session.scalars(select(Subscriber).where(Subscriber.state == SubscriberState.ACTIVE,
                                                         Subscriber.hard_bounces > 0).order_by(Subscriber.id)))


def listing(session: Session, state: str | None = None) -> list[Subscriber]:
    q = select(Subscriber).order_by(Subscriber.id)
    return list(session.scalars(q.where(Subscriber.state == state) if state else q))


def counts(session: Session) -> dict[str, int]:
    return {str(k): n for k, n in session.execute(select(Subscriber.state, func.count()).group_by(Subscriber.state))}
