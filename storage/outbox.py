"""The outbox: replies written in the transaction that caused them, then sent and marked.

A sender claims due rows (pending → sending with a lease) in a short
transaction, sends them, and records each result.  A claim whose lease ran out
(the worker died mid-send) returns to pending and the same bytes go again with
the same Message-ID, so a receiving system can recognize the repeat.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .schema import OutboxMessage, OutboxState


def enqueue(session: Session, *, message_id: str, purpose: str, recipient: str, envelope_from: str,
            raw: bytes, caused_by: int | None, now: datetime) -> OutboxMessage | None:
    """Add a rendered message; None if this message already caused this reply to this recipient."""
    if caused_by is not None and session.scalar(select(OutboxMessage.id).where(
            OutboxMessage.caused_by == caused_by, OutboxMessage.purpose == purpose,
            OutboxMessage.recipient == recipient)) is not None:
        return None
    row = OutboxMessage(message_id=message_id, purpose=purpose, recipient=recipient, envelope_from=envelope_from,
                        raw=raw, caused_by=caused_by, state=OutboxState.PENDING, attempts=0,
                        next_attempt_at=now, created_at=now)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return None
    return row


def claim_due(session: Session, *, now: datetime, limit: int, lease: timedelta) -> list[OutboxMessage]:
    """Claim up to *limit* due messages for sending; stale claims are due again."""
    candidates = session.scalars(select(OutboxMessage.id).where(
        or_(
            (OutboxMessage.state == OutboxState.PENDING) & (OutboxMessage.next_attempt_at <= now),
            (OutboxMessage.state == OutboxState.SENDING) & (OutboxMessage.lease_until < now),
        )).order_by(OutboxMessage.id).limit(limit).with_for_update(skip_locked=True)).all()
    claimed = []
    for row_id in candidates:
        result = session.execute(update(OutboxMessage).where(
            OutboxMessage.id == row_id,
            or_(OutboxMessage.state == OutboxState.PENDING,
                (OutboxMessage.state == OutboxState.SENDING) & (OutboxMessage.lease_until < now)),
        ).values(state=OutboxState.SENDING, lease_until=now + lease, attempts=OutboxMessage.attempts + 1
                 ).execution_options(synchronize_session=False))
        if result.rowcount == 1:
            claimed.append(row_id)
    return [session.get(OutboxMessage, i, populate_existing=True) for i in claimed]


def record_result(session: Session, row_id: int, *, ok: bool, permanent: bool, detail: str, now: datetime,
                  max_attempts: int, retry_seconds: int) -> str:
    """Sent, failed for good, or due again after an exponential backoff; returns the new state."""
    row = session.get(OutboxMessage, row_id)
    if row is None or row.state != OutboxState.SENDING:
        return row.state if row else "missing"
    row.lease_until = None
    row.last_error = "" if ok else detail[:2000]
    if ok:
        row.state, row.sent_at = OutboxState.SENT, now
    elif permanent or row.attempts >= max_attempts:
        row.state = OutboxState.FAILED
    else:
        row.state = OutboxState.PENDING
        row.next_attempt_at = now + timedelta(seconds=retry_seconds * 2 ** (row.attempts - 1))
    return row.state
