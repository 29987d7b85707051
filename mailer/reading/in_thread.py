"""What an answer in a known conversation says: a correction, a question, courtesy, or something else.  Pure.

Read after :mod:`mailer.desk.threads` has tied a message to one of our mails.  In a thread, a short message
with no request in it is courtesy ("Thank you very much!", "Terima kasih banyak!", "🙏", "Received"): recorded
on the thread, answered by nobody, never a review item.  A request can never hide in courtesy: a question
mark, or a word of withdrawing, leaving or asking, makes it something else.
"""
from __future__ import annotations

from enum import StrEnum

from mailer.model import Kind, ParsedMail, Understanding
from mailer.reading.concepts import concepts
from mailer.reading.corrections import Correction, read_corrections
from mailer.reading.lexicon import ASKING
from mailer.reading.quoting import own_text

COURTESY_WORDS = 80            # longer than this, a thank-you is a letter a person should read
REQUESTS = frozenset({"WITHDRAW", "UNSUBSCRIBE"})

NOT_COURTESY = (Kind.WITHDRAWAL, Kind.UNSUBSCRIBE, Kind.SUBSCRIBE, Kind.BOUNCE, Kind.AUTO_REPLY)


class Said(StrEnum):
    CORRECTION = "correction"    # the line should read otherwise (form lines or the writer's words)
    QUESTION = "question"        # becomes an inquiry about the organization
    COURTESY = "courtesy"        # recorded on the thread, answered by nobody
    OTHER = "other"              # the message's kind decides, as for any message


def read_in_thread(mail: ParsedMail, u: Understanding) -> tuple[Said, Correction]:
    own = own_text(mail.text).strip()
    correction = read_corrections(mail.text)
    if correction:
        return Said.CORRECTION, correction
    asked = "?" in own or "？" in own or bool(ASKING.search(own[:600]))
    if u.kind is Kind.INQUIRY or (asked and u.kind not in NOT_COURTESY):
        return Said.QUESTION, correction
    if u.kind in NOT_COURTESY or concepts(own[:600]) & REQUESTS or mail.attachments:
        return Said.OTHER, correction
    if u.courtesy or len(own.split()) <= COURTESY_WORDS:
        return Said.COURTESY, correction
    return Said.OTHER, correction
