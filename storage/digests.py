"""The digest ledger: one row per period, and one delivery row per (digest, subscriber).

Why per-recipient rows here and not in the generic outbox: a digest to 100,000
subscribers as outbox rows would store 100,000 rendered copies (~5 KB each,
half a gigabyte) of what is one text.  Instead the body is stored once per
language (``digest_bodies``) and each copy is built just in time from it and
the subscriber's token; what is stored per recipient is a small
``digest_deliveries`` row whose unique (digest, subscriber) pair makes a second
copy impossible.  Rows are claimed in batches in subscriber-id order, with the
digest's cursor advanced in the same transaction, so a restart continues after
the last claim.  Each copy's ``handed_at`` is committed before its SMTP
transaction begins (:func:`mark_handed`, in small group commits); a claim left
by a dead process goes again only where it was never handed over.  A copy
handed over without a recorded result (at most one per connection at a kill)
becomes ``uncertain`` and is not sent again: nobody gets two.

Every function takes the session (one transaction); the caller commits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, insert, or_, select, update
from sqlalchemy.orm import Session

from .db import add_unless_taken
from .outbox import CLAIMANT, DIGEST_COPY, UNCERTAIN_NOTE, Delivery, dead_among, delivery_of as rule_of
from .schema import DeliveryState, Digest, DigestBody, DigestDelivery, DigestState, Subscriber, SubscriberState


@dataclass(frozen=True)
class Claim:
    """One copy to send: the delivery row and what the copy needs of its subscriber."""

    delivery_id: int
    subscriber_id: int
    email: str
    language: str
    token: str


def find(session: Session, period: str) -> Digest | None:
    return session.scalar(select(Digest).where(Digest.period == period))


def create(session: Session, **fields) -> Digest | None:
    """The period's ledger row; None when another worker made it first (the unique period decides)."""
    row = Digest(**fields)
    return row if add_unless_taken(session, row) else None   # a concurrent insert wins


def previous_cutoff(session: Session) -> datetime | None:
    """Where the next digest's report starts: the end of the last one (a missed one keeps its start as its end)."""
    return session.scalar(select(func.max(Digest.cutoff)))


def unfinished(session: Session) -> list[Digest]:
    return list(session.scalars(select(Digest).where(Digest.state == DigestState.SENDING).order_by(Digest.id)))


def add_body(session: Session, digest: Digest, language: str, raw: bytes) -> None:
    session.add(DigestBody(digest_id=digest.id, language=language, raw=raw))


def bodies(session: Session, digest_id: int) -> dict[str, bytes]:
    return {lang: raw for lang, raw in session.execute(
        select(DigestBody.language, DigestBody.raw).where(DigestBody.digest_id == digest_id))}


def _lock(session: Session, digest_id: int) -> Digest | None:
    """Take the digest's row before reading its cursor: a row lock on PostgreSQL, the write lock on SQLite
    (a write first, so SQLite's snapshot starts after any other claim has committed)."""
    session.execute(update(Digest).where(Digest.id == digest_id).values(cursor=Digest.cursor)
                    .execution_options(synchronize_session=False))
    return session.get(Digest, digest_id, populate_existing=True)


def _claims(session: Session, ids: list[int]) -> list[Claim]:
    if not ids:
        return []
    rows = session.execute(select(DigestDelivery.id, Subscriber.id, Subscriber.email, Subscriber.language,
                                  Subscriber.token).join(Subscriber, Subscriber.id == DigestDelivery.subscriber_id)
                           .where(DigestDelivery.id.in_(ids)).order_by(DigestDelivery.subscriber_id))
    return [Claim(*row) for row in rows]


def claim(session: Session, digest_id: int, *, limit: int, now: datetime, lease: timedelta) -> list[Claim]:
    """Up to *limit* copies to send now: first the ones due again (a claim whose lease ran out or whose process
    died, a temporary failure whose wait is over), then new subscribers after the cursor.

    Each query reads one state of one digest through its index, never the whole digest's deliveries.
    """
    digest = _lock(session, digest_id)
    if digest is None or digest.state != DigestState.SENDING:
        return []
    conn = session.connection()     # Core from here: thousands of rows a minute, no ORM objects needed
    table = DigestDelivery.__table__
    mine = (table.c.digest_id == digest_id) & (table.c.state == DeliveryState.SENDING)
    dead = dead_among(conn.execute(select(table.c.claimed_by).where(mine).distinct()).scalars())
    stale = mine & or_(table.c.lease_until < now, table.c.claimed_by.in_(dead))
    if rule_of(DIGEST_COPY) is Delivery.AT_MOST_ONCE:      # the rule of storage.outbox.DELIVERY
        conn.execute(update(table).where(stale, table.c.handed_at.is_not(None)).values(
            state=DeliveryState.UNCERTAIN, claimed_by=None, lease_until=None, detail=UNCERTAIN_NOTE))
    else:
        conn.execute(update(table).where(stale, table.c.handed_at.is_not(None)).values(handed_at=None))
    again = list(conn.execute(select(table.c.id).where(stale).order_by(table.c.id).limit(limit)).scalars())
    if len(again) < limit:
        again += conn.execute(select(table.c.id).where(
            table.c.digest_id == digest_id, table.c.state == DeliveryState.PENDING, table.c.next_attempt_at <= now)
            .order_by(table.c.id).limit(limit - len(again))).scalars()
    if again:
        conn.execute(update(table).where(table.c.id.in_(again)).values(
            state=DeliveryState.SENDING, claimed_by=CLAIMANT, lease_until=now + lease, attempts=table.c.attempts + 1))
    people = Subscriber.__table__
    fresh = [] if len(again) >= limit else conn.execute(
        select(people.c.id, people.c.email, people.c.language, people.c.token).where(
            people.c.id > digest.cursor, people.c.id <= digest.last_subscriber_id,
            people.c.state == SubscriberState.ACTIVE).order_by(people.c.id).limit(limit - len(again))).all()
    claims = _claims(session, again)
    if fresh:
        made = conn.execute(insert(table).returning(table.c.subscriber_id, table.c.id), [
            {"digest_id": digest_id, "subscriber_id": row.id, "state": DeliveryState.SENDING, "attempts": 1,
             "claimed_by": CLAIMANT, "lease_until": now + lease, "detail": ""} for row in fresh])
        delivery_of = dict(made.all())
        digest.cursor = fresh[-1].id
        claims += [Claim(delivery_of[row.id], row.id, row.email, row.language, row.token) for row in fresh]
    return claims


def mark_handed(conn: Connection, delivery_ids: list[int], now: datetime) -> set[int]:
    """Mark claimed copies as about to be handed to the SMTP server; returns the ones this process may send
    (a copy another worker took over after the lease ran out is not among them).  Core, on a connection:
    it runs for every few copies of a digest."""
    if not delivery_ids:
        return set()
    table = DigestDelivery.__table__
    marked = conn.execute(update(table).where(
        table.c.id.in_(delivery_ids), table.c.state == DeliveryState.SENDING, table.c.claimed_by == CLAIMANT,
        table.c.handed_at.is_(None)).values(handed_at=now).returning(table.c.id))
    return set(marked.scalars())


def mark_sent(conn: Connection, delivery_ids: list[int], now: datetime) -> int:
    table, done = DigestDelivery.__table__, 0
    for i in range(0, len(delivery_ids), 500):
        done += conn.execute(update(table).where(
            table.c.id.in_(delivery_ids[i:i + 500]), table.c.state == DeliveryState.SENDING).values(
            state=DeliveryState.SENT, sent_at=now, claimed_by=None, lease_until=None, detail="")).rowcount or 0
    return done


def mark_failed(session: Session, delivery_id: int, *, permanent: bool, detail: str, now: datetime,
                max_attempts: int, retry_seconds: int) -> str:
    """Failed for good, or due again after an exponential backoff; returns the new state."""
    row = session.get(DigestDelivery, delivery_id)
    if row is None or row.state != DeliveryState.SENDING:
        return row.state if row else "missing"
    row.claimed_by, row.lease_until, row.detail = None, None, detail[:500]
    if permanent or row.attempts >= max_attempts:
        row.state = DeliveryState.FAILED
    else:
        row.state, row.handed_at = DeliveryState.PENDING, None
        row.next_attempt_at = now + timedelta(seconds=retry_seconds * 2 ** (row.attempts - 1))
    return row.state


def drop_ended(session: Session, digest_id: int) -> None:
    """Copies waiting for a retry whose subscriber has left since: they will not be sent."""
    ended = select(Subscriber.id).where(Subscriber.state != SubscriberState.ACTIVE)
    session.execute(update(DigestDelivery).where(
        DigestDelivery.digest_id == digest_id, DigestDelivery.state == DeliveryState.PENDING,
        DigestDelivery.subscriber_id.in_(ended)).values(state=DeliveryState.FAILED, detail="no longer subscribed")
        .execution_options(synchronize_session=False))


def finish_if_done(session: Session, digest_id: int, now: datetime) -> bool:
    """SENT once no active subscriber of its audience is left after the cursor and no copy is in flight or
    waiting for a retry."""
    digest = _lock(session, digest_id)
    if digest is None or digest.state != DigestState.SENDING:
        return False
    drop_ended(session, digest_id)
    left = session.scalar(select(func.count(Subscriber.id)).where(
        Subscriber.id > digest.cursor, Subscriber.id <= digest.last_subscriber_id,
        Subscriber.state == SubscriberState.ACTIVE))
    open_ = session.scalar(select(func.count(DigestDelivery.id)).where(
        DigestDelivery.digest_id == digest_id,
        DigestDelivery.state.in_((DeliveryState.SENDING, DeliveryState.PENDING))))
    if left or open_:
        return False
    digest.state, digest.finished_at = DigestState.SENT, now
    return True


def delivery_counts(session: Session, digest_id: int) -> dict[str, int]:
    return {str(k): n for k, n in session.execute(select(DigestDelivery.state, func.count()).where(
        DigestDelivery.digest_id == digest_id).group_by(DigestDelivery.state))}


def uncertain_in_previous(session: Session, digest_id: int) -> int:
    """Copies of the digest before this one whose fate a crash left unknown (not resent: see the module's text)."""
    previous = session.scalar(select(func.max(Digest.id)).where(Digest.id < digest_id))
    return session.scalar(select(func.count(DigestDelivery.id)).where(
        DigestDelivery.digest_id == previous, DigestDelivery.state == DeliveryState.UNCERTAIN)) if previous else 0


def ledger(session: Session, limit: int = 20) -> list[Digest]:
    return list(session.scalars(select(Digest).order_by(Digest.id.desc()).limit(limit)))
