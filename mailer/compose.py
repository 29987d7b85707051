"""Decision + context → the bytes of an outgoing message, through Jinja2 templates.

Pure: the Message-ID, the date and the templates are passed in.  Every header
is built from a plain string that has been cleaned of CR, LF and control
characters, never copied from a parsed header (CVE-2024-6923: Python 3.11.7
can turn an encoded ``=0A`` into a real header line, such as ``Bcc:``).
"""
from __future__ import annotations

import email.policy
import email.utils
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from pathlib import Path

import jinja2

from mailer.reading.parse import clean_text
from mailer.reading.tokens import thread_marker

SUBJECT_LIMIT = 200
LOOP_HEADER = "X-Endorse-Loop"
# Subjects are capped at SUBJECT_LIMIT, so no header needs the 78-column fold, whose
# placement by the email package can leave a leading space in the unfolded value.
OUTGOING_POLICY = email.policy.SMTP.clone(max_line_length=998)


def make_environment(folder: Path) -> jinja2.Environment:
    """Templates live in ``<folder>/<language>/<name>.txt`` (and ``.html``, autoescaped)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Outgoing:
    """Everything needed to write one message; values are untrusted text, cleaned on use."""

    template: str
    context: dict
    to: str
    to_name: str = ""
    reply_to: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    subject_hint: str = ""           # the inbound subject this replies to
    extra_headers: dict = field(default_factory=dict)
    attachments: tuple[tuple[str, str, bytes], ...] = ()   # (filename, content type, bytes), sent as they are


def header_text(value: str) -> str:
    """Untrusted text for a header: one clean line, with no RFC 2047 encoded-word syntax left for the email
    package to decode a second time (a raw ``=?gb2312?B?…?=`` it could not read made rendering fail, and a
    readable one would be decoded behind our back).  A word joiner, invisible, keeps ``=?`` from opening one."""
    return clean_text(value).replace("=?", "=\u2060?")


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` once, however many prefixes the thread already has."""
    subject = clean_text(subject)
    return subject if subject.lower().startswith("re:") else f"Re: {subject}" if subject else "Re:"


def _address(email_addr: str, name: str = "") -> HeaderAddress:
    local, _, domain = clean_text(email_addr).partition("@")
    return HeaderAddress(display_name=header_text(name)[:100], username=local, domain=domain)


@lru_cache(maxsize=64)
def _names(env: jinja2.Environment) -> frozenset[str]:
    return frozenset(env.list_templates())


def pick_language(env: jinja2.Environment, template: str, language: str, default: str) -> str:
    """The sender's language where a template exists for it, else the default."""
    for lang in (language, default, "en"):
        if lang and f"{lang}/{template}.txt" in _names(env):
            return lang
    raise jinja2.TemplateNotFound(template)


def render(env: jinja2.Environment, out: Outgoing, *, sender: str, sender_name: str, message_id: str,
           date: datetime, language: str = "en", default_language: str = "en") -> bytes:
    """Render *out* to RFC 5322 bytes with threading and RFC 3834 headers."""
    lang = pick_language(env, out.template, language, default_language)
    text = env.get_template(f"{lang}/{out.template}.txt").render(**out.context)
    first, _, body = text.partition("\n")
    if not first.startswith("Subject:"):
        raise ValueError(f"template {lang}/{out.template}.txt must start with a Subject: line")
    subject = header_text(first[len("Subject:"):])[:SUBJECT_LIMIT]
    msg = EmailMessage(policy=OUTGOING_POLICY)
    msg["From"] = _address(sender, sender_name)
    msg["To"] = _address(out.to, out.to_name)
    if out.reply_to:
        msg["Reply-To"] = _address(out.reply_to, sender_name)
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(date if date.tzinfo else date.replace(tzinfo=timezone.utc))
    msg["Message-ID"] = clean_text(message_id)
    if out.in_reply_to:
        msg["In-Reply-To"] = clean_text(out.in_reply_to)
    refs = [clean_text(r) for r in out.references if r] + ([clean_text(out.in_reply_to)] if out.in_reply_to else [])
    if refs:
        msg["References"] = " ".join(dict.fromkeys(refs))
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    msg[LOOP_HEADER] = clean_text(sender)
    for name, value in out.extra_headers.items():
        msg[clean_text(name)] = clean_text(str(value))
    body = body.lstrip("\n").rstrip() + f"\n\n{thread_marker(clean_text(message_id))}\n"   # mailer.desk.threads
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    html_name = f"{lang}/{out.template}.html"
    if html_name in _names(env):
        msg.add_alternative(env.get_template(html_name).render(**out.context), subtype="html")
    for filename, content_type, data in out.attachments:
        maintype, _, subtype = content_type.partition("/")
        if maintype in ("text", "multipart", "message") or not subtype:
            maintype, subtype = "application", "octet-stream"   # bytes as they came, never re-read as text
        msg.add_attachment(data, maintype=maintype, subtype=subtype,
                           filename=clean_text(filename)[:200] or "attachment")
    msg["Content-Language"] = lang     # last: set_content and add_attachment drop or move Content-* headers
    return msg.as_bytes()
