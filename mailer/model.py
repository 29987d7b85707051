"""Value types shared by the core and the edges: frozen dataclasses and StrEnums."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What an inbound message is, as far as Endorse is concerned."""

    ENDORSEMENT = "endorsement"
    WITHDRAWAL = "withdrawal"
    INQUIRY = "inquiry"
    CONFIRMATION = "confirmation"
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    UNKNOWN = "unknown"


class Band(StrEnum):
    """What happens to an endorsement, from how sure the reader is of it (:mod:`mailer.reading.classify`)."""

    PROPOSE = "propose"            # sure: show the line to the sender, who confirms it
    ASK = "ask"                    # an endorsement, but a field is unsure: the sender is asked to write the line
    COORDINATOR = "coordinator"    # maybe not an endorsement, or something only a person can settle
    NONE = ""                      # not an endorsement


@dataclass(frozen=True)
class Address:
    """A mailbox: lower-cased address plus the decoded display name (may be empty)."""

    email: str
    name: str = ""

    def __str__(self) -> str:
        return self.email


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class ParsedMail:
    """Everything the deciding core needs to know about one inbound message.

    Built by :func:`mailer.reading.parse.parse_message` from raw bytes; never holds a
    parsed header object, only plain decoded strings.
    """

    message_id: str
    subject: str
    sender: Address | None
    reply_to: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: str
    in_reply_to: str
    references: tuple[str, ...]
    headers: dict[str, str]          # lower-cased name -> decoded first value (machine-mail checks)
    text: str                        # best plain text of the body (HTML turned into text)
    content_type: str
    attachments: tuple[Attachment, ...] = ()
    defects: tuple[str, ...] = ()     # why parts of the message could not be read
    size: int = 0
    envelope_sender_empty: bool = False
    failed_recipients: tuple[str, ...] = ()     # a bounce's permanently failed addresses (flufl.bounce)
    delayed_recipients: tuple[str, ...] = ()    # a bounce's temporary failures

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


@dataclass(frozen=True)
class Extraction:
    """What an endorsement (or withdrawal) says about the organization behind it."""

    organization: str | None = None
    short_name: str | None = None
    country: str | None = None          # ISO 3166-1 alpha-2
    country_text: str | None = None     # as it should be printed in the list
    contact_email: str | None = None
    contact_name: str | None = None
    review_reasons: tuple[str, ...] = ()

    @property
    def needs_review(self) -> bool:
        return bool(self.review_reasons)


@dataclass(frozen=True)
class Understanding:
    """The pure core's verdict on one message: its kind, why, and what it says."""

    kind: Kind
    reasons: tuple[str, ...]
    extraction: Extraction = field(default_factory=Extraction)
    tokens: tuple[str, ...] = ()        # reply tokens found (e.g. "c-…"), lower-cased
    confidence: dict[str, float] = field(default_factory=dict, compare=False)   # calibrated, per field
    courtesy: bool = False              # "thanks!", "received": recorded, answered by nobody
    band: Band = Band.NONE

    @property
    def needs_review(self) -> bool:
        if self.courtesy:
            return False
        return self.kind is Kind.UNKNOWN or self.extraction.needs_review or self.band in (Band.ASK, Band.COORDINATOR)

    def as_json(self) -> dict:
        """The ``endorse parse --json`` contract (without the ``file`` key)."""
        e = self.extraction
        return {
            "kind": self.kind.value,
            "organization": e.organization,
            "short_name": e.short_name,
            "country": e.country,
            "country_text": e.country_text,
            "contact_email": e.contact_email,
            "contact_name": e.contact_name,
            "needs_review": self.needs_review,
            "band": self.band.value or None,
            "confidence": dict(self.confidence),
            "courtesy": self.courtesy,
        }
