"""Tables.  Every row that precedes a side effect makes that effect's replay a no-op.

Times are naive UTC (SQLite keeps no zone); :func:`storage.db.utcnow` makes them.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (BigInteger, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import JSON

# The states belong to these tables; they live in storage.states so that code without SQLAlchemy can read them.
from .states import (DeliveryState, DigestState, EndorsementState, InquiryRole, InquiryState,  # noqa: F401
                     MessageState, OutboxState, SignatoryStatus, SubscriberState, TokenPurpose)


class Base(DeclarativeBase):
    pass


class MailboxCursor(Base):
    """Highest UID stored per mailbox folder and UIDVALIDITY (RFC 3501 §2.3.1.1)."""

    __tablename__ = "mailbox_cursors"
    __table_args__ = (UniqueConstraint("source", "uidvalidity"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)


class InboundMessage(Base):
    """One raw inbound message, stored before anything else happens to it."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_key: Mapped[str] = mapped_column(String(700), unique=True)   # source/uidvalidity/uid
    identity: Mapped[str] = mapped_column(String(64), unique=True)     # sha256(Message-ID, content hash)
    message_id: Mapped[str] = mapped_column(String(998), default="")
    content_sha256: Mapped[str] = mapped_column(String(64))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    source_marked: Mapped[bool] = mapped_column(default=False)          # \Seen / moved at the source
    state: Mapped[str] = mapped_column(String(20), default=MessageState.STORED, index=True)
    kind: Mapped[str | None] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text, default="")
    sender: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    understanding: Mapped[dict | None] = mapped_column(JSON)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)        # handlings begun (committed before each)
    last_error: Mapped[str] = mapped_column(Text, default="")
    claimed_by: Mapped[str | None] = mapped_column(String(200))      # "host:pid:nonce" of the worker handling it
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)


class Signatory(Base):
    """An organization in the verified signatory registry (the public list)."""

    __tablename__ = "signatories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization: Mapped[str] = mapped_column(String(500))
    short_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    country_text: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(320))
    verified_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    status: Mapped[str] = mapped_column(String(20), default=SignatoryStatus.LISTED, index=True)
    name_key: Mapped[str] = mapped_column(String(800), unique=True)    # storage.dedupe.name_key: one row per org
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)


class Endorsement(Base):
    """One organization's request to sign, from one message, through its states."""

    __tablename__ = "endorsements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    organization: Mapped[str | None] = mapped_column(String(500))
    short_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    country_text: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(320), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(30), default=EndorsementState.PENDING, index=True)
    token_expires_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # confirmation deadline
    review_reasons: Mapped[str] = mapped_column(Text, default="")
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("signatories.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)     # the endorsing address replied yes
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)      # a coordinator approved (when asked)
    approved_by: Mapped[str] = mapped_column(String(400), default="")
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime)      # the one reminder before expiry
    language: Mapped[str] = mapped_column(String(8), default="", server_default="")   # replies about it use it
    corrections: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # lines the endorser rewrote


class OutboxMessage(Base):
    """A rendered outgoing message, written in the transaction that caused it.

    A retry sends these same bytes with the same Message-ID.  The unique
    (caused_by, purpose, recipient) makes "never reply twice to one message"
    a database guarantee rather than a hope.
    """

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("caused_by", "purpose", "recipient"),
                      Index("ix_outbox_due", "state", "next_attempt_at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    purpose: Mapped[str] = mapped_column(String(50))
    recipient: Mapped[str] = mapped_column(String(320), index=True)
    envelope_from: Mapped[str] = mapped_column(String(320))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    caused_by: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    state: Mapped[str] = mapped_column(String(20), default=OutboxState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(200))     # "host:pid:nonce" of the sending worker
    handed_at: Mapped[datetime | None] = mapped_column(DateTime)    # committed before the SMTP transaction began
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The conversation it belongs to (mailer.desk.threads): a reply to it is read in that context.
    thread_ref: Mapped[str | None] = mapped_column(String(16), index=True)       # the body marker "ref E-…"
    endorsement_id: Mapped[int | None] = mapped_column(Integer, index=True)
    inquiry_id: Mapped[int | None] = mapped_column(Integer)


class ReviewItem(Base):
    """Something a coordinator must look at; nothing unsure reaches the public list."""

    __tablename__ = "review_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    endorsement_id: Mapped[int | None] = mapped_column(ForeignKey("endorsements.id"))
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    subject: Mapped[str] = mapped_column(String(20), default="message")  # mailer.desk.review.Subject
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("signatories.id"))   # candidate or target
    proposed: Mapped[dict | None] = mapped_column(JSON)                 # fields a correction proposes
    notified_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)   # review mail queued
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(400), default="")
    decision: Mapped[str] = mapped_column(String(20), default="")


class ReplyToken(Base):
    """One reply token, kept as a hash, and what it may do; kept after use so a replay gets a polite answer.

    ``address`` is who must answer (empty for a review token: any coordinator).
    """

    __tablename__ = "reply_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(1))
    address: Mapped[str] = mapped_column(String(320), default="")
    endorsement_id: Mapped[int | None] = mapped_column(ForeignKey("endorsements.id"), index=True)
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("signatories.id"))
    review_item_id: Mapped[int | None] = mapped_column(ForeignKey("review_items.id"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))    # the message that caused it
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEvent(Base):
    """When, why (which message or coordinator) and what changed in the registry."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(400))        # "message:<id> <from>", "coordinator:<addr>", "cli"
    action: Mapped[str] = mapped_column(String(50))
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("signatories.id"), index=True)
    endorsement_id: Mapped[int | None] = mapped_column(ForeignKey("endorsements.id"))
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class Inquiry(Base):
    """A question sent to the statement's address, answered by coordinators by email.

    ``id`` is the reference number (``[INQ-42]``).  The coordinators' token is
    stored hashed; ``thread`` holds the Message-IDs of the asker's side of the
    conversation (their messages, our acknowledgement and relays), oldest first.
    """

    __tablename__ = "inquiries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(20), default=InquiryState.OPEN, index=True)
    asker: Mapped[str] = mapped_column(String(320), index=True)
    asker_name: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    thread: Mapped[list] = mapped_column(JSON, default=list)
    last_asker_message_id: Mapped[str] = mapped_column(String(998), default="")
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)   # the question
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    waiting_since: Mapped[datetime | None] = mapped_column(DateTime, index=True)     # when it last became open
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    endorsement_id: Mapped[int | None] = mapped_column(Integer)     # asked in an endorsement or its thread

    @property
    def reference(self) -> str:
        return f"INQ-{self.id}"


class InquiryMessage(Base):
    """Every message of an inquiry's thread, inbound or outbound, with what became of it."""

    __tablename__ = "inquiry_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)   # inbound
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))                 # outbound
    mail_message_id: Mapped[str] = mapped_column(String(998), default="", index=True)      # RFC 5322 Message-ID
    address: Mapped[str] = mapped_column(String(320), default="")    # who wrote it, or whom it went to
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    text: Mapped[str] = mapped_column(Text, default="")              # what the asker or coordinators read
    notes: Mapped[str] = mapped_column(Text, default="")             # a coordinator's #note lines: internal
    held: Mapped[str] = mapped_column(Text, default="")              # why no mail went, if none did


# ---- subscribers and the weekly digest (issue 6) -----------------------------------------------------------------


class Subscriber(Base):
    """One address that asked for the weekly digest.

    ``token`` is the secret part of the personal addresses printed in every
    digest: ``statement+u-<token>@`` (List-Unsubscribe) and ``statement+b-<token>@``
    (the VERP return path that bounces come back to).  Unlike reply tokens it is
    kept in clear: every digest must print it again.  It grants nothing but the
    end of this one subscription, and only from the subscriber's own address.
    """

    __tablename__ = "subscribers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    state: Mapped[str] = mapped_column(String(30), default=SubscriberState.PENDING, index=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    source: Mapped[str] = mapped_column(String(20), default="mail")       # "mail", "endorsement", "cli"
    endorsement_id: Mapped[int | None] = mapped_column(ForeignKey("endorsements.id"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))   # the request that started it
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)    # unsubscribed or disabled
    hard_bounces: Mapped[int] = mapped_column(Integer, default=0)
    last_bounce_at: Mapped[datetime | None] = mapped_column(DateTime)


class Digest(Base):
    """The ledger: one row per period (ISO week in the digest's time zone), made once.

    Its unique ``period`` is what makes a digest go out once per week whatever
    the workers do; ``cursor`` is the highest subscriber id handed out, so a
    restart continues after it.
    """

    __tablename__ = "digests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(20), unique=True)
    state: Mapped[str] = mapped_column(String(20), default=DigestState.SENDING, index=True)
    scheduled_at: Mapped[datetime] = mapped_column(DateTime)        # when it was due (UTC)
    since: Mapped[datetime] = mapped_column(DateTime)               # what it reports: (since, cutoff]
    cutoff: Mapped[datetime] = mapped_column(DateTime)
    last_subscriber_id: Mapped[int] = mapped_column(Integer, default=0)   # its audience: active ids up to this
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    nonce: Mapped[str] = mapped_column(String(40))                  # in every Message-ID of this digest
    stats: Mapped[dict] = mapped_column(JSON, default=dict)         # new, withdrawn, total, countries
    created_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class DigestBody(Base):
    """A digest rendered once per language: the whole message with markers where each recipient's parts go."""

    __tablename__ = "digest_bodies"
    __table_args__ = (UniqueConstraint("digest_id", "language"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    raw: Mapped[bytes] = mapped_column(LargeBinary)


class DigestDelivery(Base):
    """One subscriber's copy of one digest; the unique pair means nobody gets two."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (UniqueConstraint("digest_id", "subscriber_id"),
                      Index("ix_digest_deliveries_due", "digest_id", "state"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id"))
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id"), index=True)
    state: Mapped[str] = mapped_column(String(20), default=DeliveryState.SENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    handed_at: Mapped[datetime | None] = mapped_column(DateTime)    # committed before the SMTP transaction began
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    detail: Mapped[str] = mapped_column(String(500), default="")
