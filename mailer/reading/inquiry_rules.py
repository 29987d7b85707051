"""Pure reading of inquiry mail: references, tokens, threads, forged senders, attachments.

No session, clock or network: :mod:`mailer.desk.inquiries` asks these and the
database, and decides.
"""
from __future__ import annotations

import email
import re

from mailer.model import ParsedMail
from mailer.reading.parse import decode_header_value
from mailer.reading.tokens import find_tokens

REFERENCE = re.compile(r"\[\s*INQ-(\d{1,9})\s*\]", re.IGNORECASE)
AUTH_METHODS = ("dkim", "spf", "dmarc")
_RESULT = re.compile(r"^\s*(dkim|spf|dmarc)\s*=\s*([a-z]+)", re.IGNORECASE)
_PROPERTY = re.compile(r"\b(header\.d|header\.i|header\.from|smtp\.mailfrom|smtp\.helo)\s*=\s*\"?([^\s;\"]+)",
                       re.IGNORECASE)
_COMMENT = re.compile(r"\([^()]*\)")


def format_reference(number: int) -> str:
    return f"INQ-{number}"


def reference_numbers(subject: str) -> tuple[int, ...]:
    """The inquiry numbers named as ``[INQ-42]`` in a subject, first seen first."""
    return tuple(dict.fromkeys(int(n) for n in REFERENCE.findall(subject or "")))


def strip_references(subject: str) -> str:
    """The subject without any ``[INQ-n]`` tag (a new inquiry gets its own)."""
    return re.sub(r"\s{2,}", " ", REFERENCE.sub("", subject or "")).strip()


def inquiry_tokens(mail: ParsedMail) -> tuple[str, ...]:
    """Coordinator tokens (``q-…``): in the plus-address a reply goes to, the subject or the text."""
    rcpts = " ".join(a.email for a in mail.to + mail.cc)
    return tuple(t for t in find_tokens(rcpts, mail.subject, mail.text) if t.startswith("q-"))


def thread_ids(mail: ParsedMail) -> tuple[str, ...]:
    """The Message-IDs *mail* answers: In-Reply-To, then References newest first (RFC 5322 §3.6.4)."""
    return tuple(dict.fromkeys(filter(None, (mail.in_reply_to, *reversed(mail.references)))))


def _about(domain: str, value: str) -> bool:
    value = value.lower().rpartition("@")[2]
    return value == domain or value.endswith("." + domain)


def authentication_failure(mail: ParsedMail, domain: str) -> str | None:
    """A failed DKIM, SPF or DMARC check for *domain* in the topmost Authentication-Results (RFC 8601).

    The topmost header is the one our own receiving server added.  A failure
    that names no domain at all counts too: it can only be about this message.
    """
    header = _COMMENT.sub(" ", mail.header("authentication-results"))
    domain = domain.lower()
    for resinfo in header.split(";")[1:]:
        result = _RESULT.match(resinfo)
        if not result or result.group(2).lower() != "fail":
            continue
        domains = [value for _, value in _PROPERTY.findall(resinfo)]
        if not domains or any(_about(domain, value) for value in domains):
            return f"{result.group(1).lower()}=fail for {domain}"
    return None


def attachments_of(raw: bytes, *, max_bytes: int) -> tuple[tuple[str, str, bytes], ...]:
    """The attached files of a raw message as (filename, content type, bytes), up to *max_bytes* in all."""
    try:
        msg = email.message_from_bytes(raw)
    except Exception:  # noqa: BLE001 - untrusted bytes: no attachments rather than no inquiry
        return ()
    found: list[tuple[str, str, bytes]] = []
    total = 0
    for part in msg.walk():
        if part.is_multipart() or part is msg:
            continue
        filename = decode_header_value(part.get_filename() or "")
        disposition = str(part.get("content-disposition", "")).lower()
        if not (disposition.startswith("attachment") or (filename and part.get_content_maintype() != "text")):
            continue
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:  # noqa: BLE001
            continue
        total += len(data)
        if total > max_bytes:
            break
        found.append((filename or "attachment", part.get_content_type(), data))
    return tuple(found)
