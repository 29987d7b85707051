"""How a careful person reads a message before deciding: whose words, which parts count.

Pure.  A :class:`Reading` separates the author's own words from quoted
replies and from a forwarded message, and says whose endorsement it would be
(the forwarded sender's, when someone forwards an endorsement on).
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass

from .model import Address, ParsedMail
from .parse import decode_header_value
from .text import Forwarded, split_forward, strip_reply

SUBJECT_PREFIX = re.compile(r"^\s*((re|aw|sv|antw|vs|odp|r|rif|ref|tr|rv|fwd?|fw|enc|wg|balas|回复|回覆|轉寄|转发)"
                            r"\s*(\[\d+\])?\s*[:：]\s*)+", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?？\n]+[.!?？]*")


@dataclass(frozen=True)
class Reading:
    subject: str                   # without Re:/Fwd: prefixes
    own: str                       # the author's new words (no quoted reply)
    forwarded: Forwarded | None    # an inline forward, if any
    author: Address | None         # who wrote `own`
    original_sender: Address | None  # the forwarded message's sender, if any

    @property
    def content(self) -> str:
        """The text that carries the message's meaning: own words, or the forward when they are empty."""
        if self.forwarded and len(self.own.strip()) < 200:
            return self.own + "\n" + strip_reply(self.forwarded.body)
        return self.own

    @property
    def sender(self) -> Address | None:
        """Whose message this is in substance (the forwarded sender's, for a forward)."""
        return self.original_sender or self.author


def clean_subject(subject: str) -> str:
    return SUBJECT_PREFIX.sub("", subject or "").strip()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _address(text: str) -> Address | None:
    name, addr = email.utils.parseaddr(text.replace("[mailto:", "<").replace("]", ">") if "mailto:" in text else text)
    if "@" not in addr:
        found = re.search(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", text)
        if not found:
            return None
        addr = found.group(0)
        name = text[:found.start()].strip(" <\"'")
    return Address(addr.lower(), decode_header_value(name).strip("\"' "))


def read(mail: ParsedMail) -> Reading:
    own, forwarded = split_forward(mail.text)
    own = strip_reply(own)
    original = _address(forwarded.sender_text) if forwarded and forwarded.sender_text else None
    subject = clean_subject(mail.subject)
    if forwarded and forwarded.subject:
        subject = subject or clean_subject(forwarded.subject)
    return Reading(subject=subject, own=own, forwarded=forwarded, author=mail.sender, original_sender=original)
