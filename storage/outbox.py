"""The outbox: replies written in the transaction that caused them, then sent and marked.

A sender claims due rows (pending → sending with a lease) in a short
transaction, sends them, and records each result.  A claim whose lease ran out
(the worker died mid-send) returns to pending and the same bytes go again with
the same Message-ID, so a receiving system can recognize the repeat.  A
claim made by a process of this host that no longer runs (kill -9) is stale at
once: the caller names those claimants, found by :func:`dead_local_claimants`.
"""
from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from .db import add_unless_taken
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
    return row if add_unless_taken(session, row) else None   # a concurrent insert wins


CLAIMANT = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def dead_local_claimants(session: Session) -> list[str]:
    """Claimants of sending rows that were processes of this host and are gone."""
    return dead_among(session.scalars(select(OutboxMessage.claimed_by).where(
        OutboxMessage.state == OutboxState.SENDING).distinct()))


def dead_among(claimants) -> list[str]:
    """The claimants ("host:pid:nonce") that were processes of this host and are gone."""
    host = socket.gethostname()
    dead = []
    for claimant in claimants:
        if not claimant or claimant == CLAIMANT:
            continue
        claim_host, _, rest = claimant.partition(":")
        pid = rest.partition(":")[0]
        if claim_host == host and pid.isdigit() and not _alive(int(pid)):
            dead.append(claimant)
    return dead


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def claim_due(session: Session, *, now: datetime, limit: int, lease: timedelta,
              dead_claimants: list[str] = ()) -> list[OutboxMessage]:
    """Claim up to *limit* due messages for sending; expired claims and claims of dead processes are due again."""
    stale = (OutboxMessage.state == OutboxState.SENDING) & or_(
        OutboxMessage.lease_until < now, OutboxMessage.claimed_by.in_(list(dead_claimants)))
    due = or_((OutboxMessage.state == OutboxState.PENDING) & (OutboxMessage.next_attempt_at <= now), stale)
    candidates = session.scalars(select(OutboxMessage.id).where(due).order_by(OutboxMessage.id).limit(limit)
                                 .with_for_update(skip_locked=True)).all()
    claimed = []
    for row_id in candidates:
        result = session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id, due).values(
            state=OutboxState.SENDING, lease_until=now + lease, claimed_by=CLAIMANT,
            attempts=OutboxMessage.attempts + 1).execution_options(synchronize_session=False))
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
    row.claimed_by = None
    row.last_error = "" if ok else detail[:2000]
    if ok:
        row.state, row.sent_at = OutboxState.SENT, now
    elif permanent or row.attempts >= max_attempts:
        row.state = OutboxState.FAILED
    else:
        row.state = OutboxState.PENDING
        row.next_attempt_at = now + timedelta(seconds=retry_seconds * 2 ** (row.attempts - 1))
    return row.state
