"""Inquiry queries on a session: find an inquiry by token or thread, record its messages, list the waiting.

Every function takes the session (one transaction); the caller commits.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .schema import Inquiry, InquiryMessage, InquiryRole, InquiryState, OutboxMessage

# The asker's side of the conversation: what the asker wrote or was sent.
ASKER_SIDE = (InquiryRole.QUESTION, InquiryRole.FOLLOW_UP, InquiryRole.ACK, InquiryRole.RELAY)


def by_token(session: Session, token_hash: str) -> Inquiry | None:
    return session.scalar(select(Inquiry).where(Inquiry.token_hash == token_hash))


def by_copy_ids(session: Session, message_ids: tuple[str, ...]) -> Inquiry | None:
    """The inquiry whose coordinators' copy has one of *message_ids* (only coordinators received those)."""
    if not message_ids:
        return None
    return session.scalar(select(Inquiry).join(InquiryMessage, InquiryMessage.inquiry_id == Inquiry.id).where(
        InquiryMessage.role == InquiryRole.COPY, InquiryMessage.mail_message_id.in_(message_ids))
        .order_by(Inquiry.id.desc()).limit(1))


def by_asker_thread(session: Session, asker: str, message_ids: tuple[str, ...],
                    numbers: tuple[int, ...]) -> Inquiry | None:
    """*asker*'s inquiry that *message_ids* continue, else the one named by number in the subject."""
    if message_ids:
        found = session.scalar(select(Inquiry).join(InquiryMessage, InquiryMessage.inquiry_id == Inquiry.id).where(
            Inquiry.asker == asker, InquiryMessage.role.in_(ASKER_SIDE),
            InquiryMessage.mail_message_id.in_(message_ids)).order_by(Inquiry.id.desc()).limit(1))
        if found is not None:
            return found
    if numbers:
        return session.scalar(select(Inquiry).where(Inquiry.asker == asker, Inquiry.id.in_(numbers))
                              .order_by(Inquiry.id.desc()).limit(1))
    return None


def record(session: Session, inquiry: Inquiry, role: InquiryRole, *, at: datetime, address: str,
           mail_message_id: str = "", message_id: int | None = None, outbox: OutboxMessage | None = None,
           text: str = "", notes: str = "", held: str = "") -> InquiryMessage:
    row = InquiryMessage(inquiry_id=inquiry.id, role=role, message_id=message_id,
                         outbox_id=outbox.id if outbox is not None else None,
                         mail_message_id=mail_message_id[:998], address=address, at=at, text=text,
                         notes=notes, held=held)
    session.add(row)
    return row


def passed_on_since(session: Session, asker: str, since: datetime) -> int:
    """How many of *asker*'s messages since *since* were acknowledged or passed to the coordinators."""
    return session.scalar(select(func.count(InquiryMessage.id)).where(
        InquiryMessage.address == asker, InquiryMessage.at >= since, InquiryMessage.held == "",
        InquiryMessage.role.in_((InquiryRole.QUESTION, InquiryRole.FOLLOW_UP)))) or 0


def copy_ids(session: Session, inquiry_id: int, coordinator: str) -> list[str]:
    """Message-IDs of the copies one coordinator was sent for one inquiry, oldest first (their thread)."""
    return list(session.scalars(select(InquiryMessage.mail_message_id).where(
        InquiryMessage.inquiry_id == inquiry_id, InquiryMessage.role == InquiryRole.COPY,
        InquiryMessage.address == coordinator).order_by(InquiryMessage.id)))


def outbox_row(session: Session, *, caused_by: int, purpose: str, recipient: str) -> OutboxMessage | None:
    return session.scalar(select(OutboxMessage).where(OutboxMessage.caused_by == caused_by,
                                                      OutboxMessage.purpose == purpose,
                                                      OutboxMessage.recipient == recipient))


def unanswered_inquiries(session: Session, now: datetime, days: int) -> list[Inquiry]:
    """Open inquiries that have waited *days* or more for an answer, longest waiting first.

    For ``endorse status`` and the coordinators' weekly summary.
    """
    return list(session.scalars(select(Inquiry).where(
        Inquiry.state == InquiryState.OPEN, Inquiry.waiting_since <= now - timedelta(days=days))
        .order_by(Inquiry.waiting_since, Inquiry.id)))


def list_inquiries(session: Session, state: str | None = None) -> list[Inquiry]:
    q = select(Inquiry).order_by(Inquiry.id)
    if state:
        q = q.where(Inquiry.state == state)
    return list(session.scalars(q))


def thread_of(session: Session, inquiry_id: int) -> list[InquiryMessage]:
    return list(session.scalars(select(InquiryMessage).where(InquiryMessage.inquiry_id == inquiry_id)
                                .order_by(InquiryMessage.id)))


def status_counts(session: Session, now: datetime, days: int) -> dict[str, dict[str, int]]:
    """What ``endorse status`` adds: inquiries by state, and the unanswered ones with their days waiting."""
    by_state = {str(k): n for k, n in session.execute(select(Inquiry.state, func.count()).group_by(Inquiry.state))}
    waiting = {i.reference: (now - i.waiting_since).days for i in unanswered_inquiries(session, now, days)}
    return {"inquiries": by_state, "unanswered_inquiries": waiting}
