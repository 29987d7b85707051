"""The weekly digest as a message: rendered once, then made personal by filling in three markers.  Pure.

The whole message (headers, text and HTML parts, the list as an attachment)
is rendered once per language with markers in the only three places that
differ per subscriber, all in headers: ``To``, ``Message-ID`` and
``List-Unsubscribe``.  :class:`Template` splits it at the markers once, and
:meth:`Template.fill` joins the parts with one subscriber's values: a few
microseconds, instead of building a MIME message per recipient.

Good citizenship (RFC 2369, RFC 2919, RFC 3834): ``List-Id``,
``List-Unsubscribe`` with a mailto carrying the subscriber's own token,
``Precedence: bulk``, ``Auto-Submitted: auto-generated``, and a plain-text
part beside the HTML.
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage

import jinja2

from mailer.compose import LOOP_HEADER, OUTGOING_POLICY, SUBJECT_LIMIT, pick_language
from mailer.reading.parse import clean_text

TO_MARK = b"endorse-digest-recipient@marker.invalid"
ID_MARK = b"<endorse-digest-message-id@marker.invalid>"
UNSUBSCRIBE_MARK = b"endorse-digest-unsubscribe@marker.invalid"
_MARKS = re.compile(b"(" + b"|".join(re.escape(m) for m in (TO_MARK, ID_MARK, UNSUBSCRIBE_MARK)) + b")")
# What may stand in a header unquoted and unencoded: a subscriber's address or a Message-ID built by us.
SAFE_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")


@dataclass(frozen=True)
class Content:
    """What one digest says: (since, cutoff], who signed, who left, how many, from where, the list."""

    period: str
    since: datetime
    cutoff: datetime
    new: tuple[str, ...]                         # listing lines of organizations verified in the period
    withdrawn: tuple[str, ...]                   # listing lines of organizations withdrawn in the period
    total: int
    countries: tuple[tuple[str, int], ...]       # (country as printed, count), most first
    full_list: str                               # the statement's numbered list

    def stats(self) -> dict:
        return {"new": len(self.new), "withdrawn": len(self.withdrawn), "total": self.total,
                "countries": len(self.countries)}


def country_counts(countries: list[str | None], unknown: str = "Country not given") -> tuple[tuple[str, int], ...]:
    """How many listed organizations per country, most first, then by name."""
    counts: dict[str, int] = {}
    for c in countries:
        key = c or unknown
        counts[key] = counts.get(key, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True)
class Headers:
    """The per-period header values that are the same for every subscriber."""

    sender: str
    sender_name: str
    list_id: str                  # "Statement digest <digest.statement.example.org>"
    date: datetime
    extra: dict = field(default_factory=dict)


def list_id(title: str, statement_address: str, configured: str = "") -> str:
    """RFC 2919: a description and ``<digest.local.domain>``, unless one is configured."""
    if configured:
        return clean_text(configured)
    local, _, domain = statement_address.lower().partition("@")
    label = re.sub(r"[^a-z0-9-]+", "-", local).strip("-") or "statement"
    return f"{clean_text(title)[:60]} digest <digest.{label}.{domain}>"


def render(env: jinja2.Environment, content: Content, context: dict, headers: Headers, *, language: str,
           default_language: str, attach_list: bool) -> tuple[str, bytes]:
    """(language used, the message with markers) for one language."""
    lang = pick_language(env, "digest", language, default_language)
    ctx = {**context, "digest": content, "attach_list": attach_list}
    first, _, body = env.get_template(f"{lang}/digest.txt").render(**ctx).partition("\n")
    if not first.startswith("Subject:"):
        raise ValueError(f"template {lang}/digest.txt must start with a Subject: line")
    msg = EmailMessage(policy=OUTGOING_POLICY)
    msg["From"] = HeaderAddress(display_name=clean_text(headers.sender_name)[:100],
                                addr_spec=clean_text(headers.sender))
    msg["To"] = TO_MARK.decode()
    msg["Subject"] = clean_text(first[len("Subject:"):])[:SUBJECT_LIMIT]
    msg["Date"] = email.utils.format_datetime(headers.date.replace(tzinfo=timezone.utc))
    msg["Message-ID"] = ID_MARK.decode()
    msg["List-Id"] = headers.list_id
    msg["List-Unsubscribe"] = f"<mailto:{UNSUBSCRIBE_MARK.decode()}?subject=unsubscribe>"
    msg["Precedence"] = "bulk"
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    msg[LOOP_HEADER] = clean_text(headers.sender)
    for name, value in headers.extra.items():
        msg[clean_text(name)] = clean_text(str(value))
    msg.set_content(body.lstrip("\n"), charset="utf-8", cte="quoted-printable")
    html_name = f"{lang}/digest.html"
    if html_name in env.list_templates():
        msg.add_alternative(env.get_template(html_name).render(**ctx), subtype="html", charset="utf-8",
                            cte="quoted-printable")
    if attach_list:
        msg.add_attachment(content.full_list + "\n", subtype="plain", charset="utf-8", cte="quoted-printable",
                           filename="signatories.txt")
    msg["Content-Language"] = lang
    raw = msg.as_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    if any(head.count(m) != 1 for m in (TO_MARK, ID_MARK, UNSUBSCRIBE_MARK)) or len(_MARKS.findall(raw)) != 3:
        raise ValueError("the digest's markers must each appear once, in the headers")
    return lang, raw


class Template:
    """A rendered digest split at its markers; :meth:`fill` makes one subscriber's copy."""

    def __init__(self, raw: bytes):
        self.parts = _MARKS.split(raw)

    def fill(self, *, to: str, message_id: str, unsubscribe: str) -> bytes:
        for value in (to, unsubscribe):
            if not SAFE_ADDRESS.fullmatch(value):
                raise ValueError(f"not a plain address: {value!r}")
        values = {TO_MARK: to.encode(), ID_MARK: message_id.encode(), UNSUBSCRIBE_MARK: unsubscribe.encode()}
        return b"".join(values.get(p, p) for p in self.parts)


def message_id(period: str, subscriber_id: int, nonce: str, domain: str) -> str:
    """The same for every attempt at one subscriber's copy, so a receiver can drop a repeat."""
    return f"<digest.{period}.{subscriber_id}.{nonce}@{domain}>"
