"""Registry operations on a session: store inbound mail, move endorsements through their states, list.

Every function takes the session (one transaction) and ``now``; the caller commits.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from .dedupe import normalize
from .identity import message_identity
from .outbox import CLAIMANT
from .export import Listing
from .db import add_unless_taken
from .schema import (AuditEvent, Endorsement, InboundMessage, MailboxCursor, MessageState, OutboxMessage, ReviewItem,
                     Signatory, SignatoryStatus)


def store_inbound(session: Session, *, source_key: str, raw: bytes, message_id: str, now: datetime
                  ) -> InboundMessage | None:
    """Insert the raw message unless it was met before (same key, or same identity); None if so."""
    identity, content = message_identity(message_id, raw)
    exists = session.scalar(select(InboundMessage.id).where(
        (InboundMessage.source_key == source_key) | (InboundMessage.identity == identity)))
    if exists is not None:
        return None
    row = InboundMessage(source_key=source_key, identity=identity, message_id=message_id[:998],
                         content_sha256=content, raw=raw, size=len(raw), received_at=now,
                         state=MessageState.STORED)
    return row if add_unless_taken(session, row) else None   # a concurrent insert wins


def known_source_keys(session: Session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        found.update(session.scalars(select(InboundMessage.source_key).where(
            InboundMessage.source_key.in_(keys[i:i + 500]))))
    return found


def unmarked_source_keys(session: Session, prefix: str, limit: int = 1000) -> list[str]:
    return list(session.scalars(select(InboundMessage.source_key).where(
        InboundMessage.source_key.startswith(prefix, autoescape=True),
        InboundMessage.source_marked.is_(False)).limit(limit)))


def set_source_marked(session: Session, source_keys: list[str]) -> None:
    for i in range(0, len(source_keys), 500):
        session.execute(update(InboundMessage).where(InboundMessage.source_key.in_(source_keys[i:i + 500]))
                        .values(source_marked=True).execution_options(synchronize_session=False))


def cursor(session: Session, source: str, uidvalidity: int) -> MailboxCursor:
    row = session.scalar(select(MailboxCursor).where(MailboxCursor.source == source,
                                                     MailboxCursor.uidvalidity == uidvalidity))
    if row is None:
        row = MailboxCursor(source=source, uidvalidity=uidvalidity, last_uid=0)
        if not add_unless_taken(session, row):     # another worker made it first: theirs is the one
            row = session.scalar(select(MailboxCursor).where(MailboxCursor.source == source,
                                                             MailboxCursor.uidvalidity == uidvalidity))
    return row


MAX_HANDLINGS = 3          # handlings begun that never finished: the message is quarantined, never a crash loop
QUARANTINE_NOTE = ("quarantined: {n} handlings of this message began and never finished (the worker died each "
                   "time: a crash or the OOM killer); endorse messages retry ID after a fix")


def begin_handling(session: Session, message_id: int, *, now: datetime, lease: timedelta,
                   dead_claimants: list[str] = ()) -> int | None:
    """Claim a stored message for handling and count the attempt, in a transaction of its own that the caller
    commits before handling begins; None when another live worker has it. Returns the handlings begun so far."""
    free = or_(InboundMessage.claimed_by.is_(None), InboundMessage.claimed_by == CLAIMANT,
               InboundMessage.lease_until < now, InboundMessage.claimed_by.in_(list(dead_claimants)))
    claimed = session.execute(update(InboundMessage).where(
        InboundMessage.id == message_id, InboundMessage.state == MessageState.STORED, free).values(
        attempts=InboundMessage.attempts + 1, claimed_by=CLAIMANT, lease_until=now + lease)
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        return None
    return session.scalar(select(InboundMessage.attempts).where(InboundMessage.id == message_id))


def message_claimants(session: Session) -> list[str]:
    """The workers that claimed stored messages (outbox.dead_among tells which of them are gone)."""
    return list(session.scalars(select(InboundMessage.claimed_by).where(
        InboundMessage.state == MessageState.STORED, InboundMessage.claimed_by.is_not(None)).distinct()))


def quarantine(session: Session, message_id: int, *, now: datetime, attempts: int) -> None:
    message = session.get(InboundMessage, message_id)
    message.state, message.claimed_by, message.lease_until = MessageState.FAILED, None, None
    message.last_error = QUARANTINE_NOTE.format(n=attempts - 1)
    open_review(session, message=message, now=now, reason=f"handling failed: {message.last_error}")


def claim_message(session: Session, message_id: int) -> InboundMessage | None:
    """Take a stored message this worker began handling (:func:`begin_handling`) in this transaction; None if
    another worker has it now."""
    locked = session.scalar(select(InboundMessage.id).where(
        InboundMessage.id == message_id, InboundMessage.state == MessageState.STORED,
        InboundMessage.claimed_by == CLAIMANT).with_for_update(skip_locked=True))
    if locked is None:
        return None
    message = session.get(InboundMessage, message_id, populate_existing=True)
    message.claimed_by, message.lease_until = None, None      # released with the handling's commit
    return message


def stored_message_ids(session: Session, limit: int = 500) -> list[int]:
    return list(session.scalars(select(InboundMessage.id).where(InboundMessage.state == MessageState.STORED)
                                .order_by(InboundMessage.id).limit(limit)))


def audit(session: Session, *, now: datetime, actor: str, action: str, signatory: Signatory | None = None,
          endorsement: Endorsement | None = None, **details) -> None:
    session.add(AuditEvent(at=now, actor=actor, action=action,
                           signatory_id=signatory.id if signatory else None,
                           endorsement_id=endorsement.id if endorsement else None, details=details))


def open_review(session: Session, *, message: InboundMessage, reason: str, now: datetime,
                endorsement: Endorsement | None = None, subject: str = "", signatory: Signatory | None = None,
                proposed: dict | None = None) -> ReviewItem:
    """A review item; *subject* (mailer.desk.review.Subject) defaults to "endorsement" or "message"."""
    item = ReviewItem(message_id=message.id, endorsement_id=endorsement.id if endorsement else None,
                      reason=reason, state="open", created_at=now,
                      subject=subject or ("endorsement" if endorsement else "message"),
                      signatory_id=signatory.id if signatory else None, proposed=proposed)
    session.add(item)
    return item


def listed_signatories(session: Session, initiators: tuple[str, ...] = ()) -> list[Listing]:
    """The public list: initiators first in the order given, then by verification time."""
    rows = session.scalars(select(Signatory).where(Signatory.status == SignatoryStatus.LISTED)
                           .order_by(Signatory.verified_at, Signatory.id)).all()
    pinned = {normalize(name): i for i, name in enumerate(initiators)}   # spelling, case and accents aside
    rows = sorted(rows, key=lambda s: (pinned.get(normalize(s.organization), len(pinned)),))
    return [Listing(s.organization, s.short_name, s.country, s.country_text, s.verified_at.isoformat())
            for s in rows]


def replies_sent_since(session: Session, recipient: str, since: datetime) -> int:
    return session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.recipient == recipient, OutboxMessage.created_at >= since)) or 0


def counts(session: Session) -> dict[str, dict[str, int]]:
    """What `endorse status` shows."""
    def by(column, *where):
        q = select(column, func.count()).group_by(column)
        for w in where:
            q = q.where(w)
        return {str(k) if k is not None else "not read": n for k, n in session.execute(q).all()}
    return {
        "messages": by(InboundMessage.state),
        "kinds": by(InboundMessage.kind),
        "outbox": by(OutboxMessage.state),
        "endorsements": by(Endorsement.state),
        "signatories": by(Signatory.status),
        "review": by(ReviewItem.state),
    }


def endorsement_thread(session: Session, endorsement_id: int) -> list[tuple[datetime, str, str]]:
    """An endorsement's whole conversation, oldest first: (when, who, what) for every event recorded about it
    (arrival, requests, corrections, courtesy, decisions) and every mail sent about it."""
    events = [(e.at, e.actor, e.action + "".join(f" {k}={v}" for k, v in sorted(e.details.items())
                                                 if k in ("organization", "after", "subject", "answers", "reason")))
              for e in session.scalars(select(AuditEvent).where(AuditEvent.endorsement_id == endorsement_id))]
    sent = [(o.created_at, "endorse", f"mail {o.purpose} to {o.recipient} ({o.state})")
            for o in session.scalars(select(OutboxMessage).where(OutboxMessage.endorsement_id == endorsement_id))]
    return sorted(events + sent, key=lambda row: row[0])
