"""Which conversation an inbound message belongs to, asked before anything else is decided about it.

Every mail Endorse sends is stored with the endorsement or inquiry it is about (:mod:`storage.outbox`) and ends
with a short marker (:func:`mailer.reading.tokens.thread_marker`).  An answer is tied to that conversation by
In-Reply-To, then References (newest first), then a marker quoted in its text for the clients that drop
those headers.  Knowing the thread lets a handler read "Thank you!" as courtesy, a question as the
organization's, and "please write our name as …" as a correction.  The thread grants nothing by itself: a
change still needs the address the mail went to (or a token).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from storage import outbox

from mailer.model import ParsedMail
from mailer.reading.inquiry_rules import thread_ids
from mailer.reading.tokens import thread_refs


@dataclass(frozen=True)
class Thread:
    """Our mail that the message answers, and what that mail was about."""

    outbox_id: int
    purpose: str                 # what our mail was: confirmation_request, confirmed, listed, inquiry_ack, ...
    recipient: str               # whom it went to
    endorsement_id: int | None
    inquiry_id: int | None
    by_message_id: bool          # found by In-Reply-To/References, not only by a quoted marker

    def went_to(self, mail: ParsedMail) -> bool:
        """Whether *mail* comes from the address our mail went to."""
        return bool(mail.sender) and mail.sender.email.lower() == self.recipient.lower()


def find_thread(session: Session, mail: ParsedMail) -> Thread | None:
    ids = thread_ids(mail)
    row = outbox.in_thread(session, ids, thread_refs(mail.text))
    if row is None:
        return None
    return Thread(row.id, row.purpose, row.recipient, row.endorsement_id, row.inquiry_id, row.message_id in ids)
