"""How a careful person reads a message before deciding: whose words, which parts count.

Pure.  A :class:`Reading` separates the author's own words from quoted
replies and from a forwarded message, and says whose endorsement it would be
(the forwarded sender's, when someone forwards an endorsement on).
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from functools import cached_property

from mailer.reading.forms import form_fields
from mailer.model import Address, ParsedMail
from mailer.reading.parse import decode_header_value
from mailer.reading.text import FORWARD_SUBJECT, Forwarded, split_forward, strip_reply, unwrap

SUBJECT_PREFIX = re.compile(r"^\s*((re|aw|sv|antw|vs|odp|r|rif|ref|tr|rv|fwd?|fw|enc|wg|balas|回复|回覆|轉寄|转发)"
                            r"\s*(\[\d+\])?\s*[:：]\s*)+", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?？\n]+[.!?？]*")
# What the kind rules read: the subject and the start of the author's words. An endorsement, a question or a
# withdrawal is said up front; reading a long message's tail only costs time (bench/parse.py).
WINDOW = 800
# replacement characters, controls, private use and lone surrogates: what decoding junk is made of
_UNREADABLE = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff]")


@dataclass(frozen=True)
class Reading:
    subject: str                   # without Re:/Fwd: prefixes
    own: str                       # the author's new words (no quoted reply)
    forwarded: Forwarded | None    # an inline forward, if any
    author: Address | None         # who wrote `own`
    original_sender: Address | None  # the forwarded message's sender, if any

    @cached_property
    def content(self) -> str:
        """The text that carries the message's meaning: own words, or the forward when they are empty."""
        if self.forwarded and len(self.own.strip()) < 200:
            return self.own + "\n" + strip_reply(self.forwarded.body)
        return self.own

    @cached_property
    def fields(self) -> dict[str, str]:
        """The ``Label: value`` fields of the content, by field name."""
        return form_fields(self.content)

    @cached_property
    def prose(self) -> str:
        """The first WINDOW characters of the content, hard-wrapped lines joined."""
        return unwrap(self.content[:WINDOW])

    @cached_property
    def window(self) -> str:
        """The subject and the prose: what the kind rules read."""
        return self.subject + "\n" + self.prose

    @cached_property
    def readable(self) -> bool:
        """Whether the content is text a person could read (not decoding junk)."""
        sample = self.content[:2000]
        if not sample.strip():
            return bool(self.subject)
        return len(_UNREADABLE.findall(sample)) / len(sample) <= 0.05

    @cached_property
    def window_lower(self) -> str:
        return self.window.lower()

    @cached_property
    def prose_lower(self) -> str:
        return self.prose.lower()

    @cached_property
    def prose_sentences(self) -> list[str]:
        return sentences(self.prose)

    @cached_property
    def declarative_lower(self) -> str:
        return self.declarative.lower()

    @cached_property
    def declarative(self) -> str:
        """The prose's sentences that are not questions: a question is never an endorsement.

        The subject counts only in a message that asks nothing ("Question before we sign" is no endorsement).
        """
        said = [s for s in self.prose_sentences if not s.endswith(("?", "？"))]
        if "?" not in self.prose and "？" not in self.prose and not self.subject.rstrip().endswith("?"):
            said.insert(0, self.subject)
        return "\n".join(said)

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
    own, forwarded = split_forward(mail.text, subject_says_forward=bool(FORWARD_SUBJECT.match(mail.subject)))
    own = strip_reply(own)
    original = _address(forwarded.sender_text) if forwarded and forwarded.sender_text else None
    subject = clean_subject(mail.subject)
    if forwarded and forwarded.subject:
        subject = subject or clean_subject(forwarded.subject)
    return Reading(subject=subject, own=own, forwarded=forwarded, author=mail.sender, original_sender=original)
