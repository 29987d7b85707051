"""The outbox: replies written in the transaction that caused them, then sent and marked.

A sender claims due rows (pending → sending with a lease) in a short
transaction.  Before each row's SMTP transaction begins it commits the row's
``handed_at`` mark (:func:`mark_handed`), and it commits the result as soon as
the server answers.  What happens to a message whose fate is unknown (its
sender was killed after handing it over, or the connection was lost after its
data) is one rule per purpose, in one table, :data:`DELIVERY`: every reply and
notice goes again with the same Message-ID (a duplicate is harmless, a missing
confirmation request loses an endorsement); a digest copy is not resent
(:mod:`storage.digests`).  An outage (no connection, 421, a refused sender) is
not the message's fault: its row goes back to the queue without spending an
attempt (:func:`record_result`).  ``endorse outbox`` shows and resends rows.
"""
from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from .db import add_unless_taken
from .schema import OutboxMessage, OutboxState


class Delivery(StrEnum):
    AT_LEAST_ONCE = "at least once"    # sent again, same bytes and Message-ID, when its fate is unknown
    AT_MOST_ONCE = "at most once"      # never sent twice: an unknown fate stays unknown (shown, resendable)


# What each outgoing purpose does when its fate is unknown, in one place. Replies and notices: a duplicate
# with the same Message-ID is harmless (clients thread and most drop it), a lost one costs an endorsement or an
# answer. The weekly digest copy: thousands of subscribers, and a second copy is noise (storage.digests).
DIGEST_COPY = "digest_copy"          # the digest's copies (storage.digests), not outbox rows
DELIVERY: dict[str, Delivery] = {
    DIGEST_COPY: Delivery.AT_MOST_ONCE,
}
DEFAULT_DELIVERY = Delivery.AT_LEAST_ONCE      # every outbox purpose: requests, reminders, acks, relays, notices


def delivery_of(purpose: str) -> Delivery:
    return DELIVERY.get(purpose, DEFAULT_DELIVERY)


AT_MOST_ONCE_PURPOSES = tuple(p for p, d in DELIVERY.items() if d is Delivery.AT_MOST_ONCE)
OUTAGE = "outage: "            # the last_error of a row that waits for the server to be back


def enqueue(session: Session, *, message_id: str, purpose: str, recipient: str, envelope_from: str,
            raw: bytes, caused_by: int | None, now: datetime, thread_ref: str | None = None,
            endorsement_id: int | None = None, inquiry_id: int | None = None) -> OutboxMessage | None:
    """Add a rendered message; None if this message already caused this reply to this recipient.

    *thread_ref* (the body marker), *endorsement_id* and *inquiry_id* say which conversation it belongs to."""
    if caused_by is not None and session.scalar(select(OutboxMessage.id).where(
            OutboxMessage.caused_by == caused_by, OutboxMessage.purpose == purpose,
            OutboxMessage.recipient == recipient)) is not None:
        return None
    row = OutboxMessage(message_id=message_id, purpose=purpose, recipient=recipient, envelope_from=envelope_from,
                        raw=raw, caused_by=caused_by, state=OutboxState.PENDING, attempts=0,
                        next_attempt_at=now, created_at=now, thread_ref=thread_ref, endorsement_id=endorsement_id,
                        inquiry_id=inquiry_id)
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


UNCERTAIN_NOTE = "the sender stopped after handing this message to the SMTP server and before its answer was " \
                 "recorded: it may have gone out, so it is not sent again"
AGAIN_NOTE = "the sender stopped after handing this message to the SMTP server and before its answer was " \
             "recorded: sent again with the same Message-ID (delivered at least once)"


def claim_due(session: Session, *, now: datetime, limit: int, lease: timedelta,
              dead_claimants: list[str] = ()) -> list[OutboxMessage]:
    """Claim up to *limit* due messages for sending.

    Expired claims and claims of dead processes are due again; one handed over, whose fate is unknown, goes
    again only when its purpose is delivered at least once, and becomes ``uncertain`` otherwise (:data:`DELIVERY`)."""
    stale = (OutboxMessage.state == OutboxState.SENDING) & or_(
        OutboxMessage.lease_until < now, OutboxMessage.claimed_by.in_(list(dead_claimants)))
    session.execute(update(OutboxMessage).where(  # at most once: the fate stays unknown, shown to coordinators
        stale, OutboxMessage.handed_at.is_not(None), OutboxMessage.purpose.in_(AT_MOST_ONCE_PURPOSES)).values(
        state=OutboxState.UNCERTAIN, claimed_by=None, lease_until=None, last_error=UNCERTAIN_NOTE)
        .execution_options(synchronize_session=False))
    session.execute(update(OutboxMessage).where(  # at least once: handed over, fate unknown: due again, same bytes
        stale, OutboxMessage.handed_at.is_not(None)).values(handed_at=None, last_error=AGAIN_NOTE)
        .execution_options(synchronize_session=False))
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


def mark_handed(session: Session, row_id: int, now: datetime) -> bool:
    """Mark a claimed row as about to be handed to the SMTP server; False when this process's claim on it no
    longer stands (another sender took it after the lease ran out): then it must not be sent."""
    return session.execute(update(OutboxMessage).where(
        OutboxMessage.id == row_id, OutboxMessage.state == OutboxState.SENDING,
        OutboxMessage.claimed_by == CLAIMANT, OutboxMessage.handed_at.is_(None)).values(handed_at=now)
        .execution_options(synchronize_session=False)).rowcount == 1


def paused(session: Session) -> tuple[str, datetime] | None:
    """Why sending waits for the server, and since when, or None: what ``endorse status`` and the
    coordinators' summary show."""
    row = session.execute(select(OutboxMessage.last_error, OutboxMessage.created_at).where(
        OutboxMessage.state == OutboxState.PENDING, OutboxMessage.last_error.startswith(OUTAGE))
        .order_by(OutboxMessage.created_at).limit(1)).first()
    return (row[0][len(OUTAGE):], row[1]) if row else None


def release(session: Session, row_ids: list[int]) -> int:
    """Rows this process claimed and never handed over (it is stopping): due again, the attempt given back."""
    return session.execute(update(OutboxMessage).where(
        OutboxMessage.id.in_(row_ids), OutboxMessage.state == OutboxState.SENDING,
        OutboxMessage.claimed_by == CLAIMANT, OutboxMessage.handed_at.is_(None)).values(
        state=OutboxState.PENDING, claimed_by=None, lease_until=None, attempts=OutboxMessage.attempts - 1)
        .execution_options(synchronize_session=False)).rowcount


def resend(session: Session, row_id: int, now: datetime) -> OutboxMessage | None:
    """A coordinator's decision: an uncertain or failed message goes again (same bytes, same Message-ID)."""
    row = session.get(OutboxMessage, row_id)
    if row is None or row.state not in (OutboxState.UNCERTAIN, OutboxState.FAILED):
        return None
    row.state, row.next_attempt_at, row.handed_at, row.last_error = OutboxState.PENDING, now, None, ""
    return row


def record_result(session: Session, row_id: int, *, ok: bool, permanent: bool, detail: str, now: datetime,
                  max_attempts: int, retry_seconds: int, outage: bool = False) -> str:
    """Sent, failed for good, or due again after an exponential backoff; returns the new state.

    An *outage* (the server, not this message: no connection, 421, the sender refused) gives the attempt back
    and waits ``retry_seconds``: an outage of any length never fails a row."""
    row = session.get(OutboxMessage, row_id)
    if row is None or row.state != OutboxState.SENDING:
        return row.state if row else "missing"
    row.lease_until = None
    row.claimed_by = None
    row.last_error = "" if ok else detail[:2000]
    if outage and not ok:
        row.state, row.handed_at, row.attempts = OutboxState.PENDING, None, max(0, row.attempts - 1)
        row.next_attempt_at, row.last_error = now + timedelta(seconds=retry_seconds), (OUTAGE + detail)[:2000]
        return "paused"
    if ok:
        row.state, row.sent_at = OutboxState.SENT, now
    elif permanent or row.attempts >= max_attempts:
        row.state = OutboxState.FAILED
    else:
        row.state, row.handed_at = OutboxState.PENDING, None
        row.next_attempt_at = now + timedelta(seconds=retry_seconds * 2 ** (row.attempts - 1))
    return row.state


def in_thread(session: Session, message_ids: tuple[str, ...], refs: tuple[str, ...]) -> OutboxMessage | None:
    """Our mail that an answer belongs to: the one it replies to by Message-ID (In-Reply-To first, then the
    References newest first), else the newest whose body marker it quotes; None when it answers none of ours."""
    if message_ids:
        rows = {r.message_id: r for r in session.scalars(select(OutboxMessage).where(
            OutboxMessage.message_id.in_(list(message_ids[:50]))))}
        for message_id in message_ids:
            if message_id in rows:
                return rows[message_id]
    if refs:
        return session.scalars(select(OutboxMessage).where(OutboxMessage.thread_ref.in_(list(refs[:20])))
                               .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())).first()
    return None
