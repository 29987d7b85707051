"""Whether an automatic reply may go to an address: pure rules, each giving a reason to hold back.

RFC 3834 §2: never answer machine mail; plus our own loop header, an address
email-validator rejects, and a per-sender cap per 24 hours.
"""
from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from mailer.compose import LOOP_HEADER
from mailer.model import ParsedMail
from mailer.reading.rules import machine_mail


def address_problem(address: str) -> str | None:
    """Why *address* cannot receive mail by its syntax, or None (no DNS is asked)."""
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return f"invalid address {address!r}: {exc}"
    return None


def reply_blocked(mail: ParsedMail, recipient: str, *, own_address: str, sent_last_day: int,
                  per_day: int) -> str | None:
    """The reason not to reply to *mail* at *recipient*, or None when a reply is fine."""
    reason = machine_mail(mail)
    if reason:
        return f"no reply to machine mail: {reason}"
    if LOOP_HEADER.lower() in mail.headers:
        return "our own loop header: mail we sent came back"
    own_local, _, own_domain = own_address.lower().partition("@")
    local, _, domain = recipient.lower().partition("@")
    if domain == own_domain and local.split("+")[0] == own_local:
        return "no reply to our own address"
    problem = address_problem(recipient)
    if problem:
        return problem
    if sent_last_day >= per_day:
        return f"rate limit: {sent_last_day} replies to {recipient} in the last 24 hours"
    return None
