"""An ordered table of rules → an :class:`Understanding` with its reasons.

Pure: the first rule that answers decides the kind.  Machine mail is ruled
out first, so that nothing a machine wrote is ever answered or listed.
"""
from __future__ import annotations

import re
from typing import Callable

from . import rules
from .extract import extract_contact, extract_endorsement, form_fields
from .model import Extraction, Kind, ParsedMail, Understanding

ENDORSE_WORDS = re.compile(r"\b(endorse|endorsement|sign(ing)? (on|the statement)|co-?sign)", re.IGNORECASE)


def _endorsement_form(mail: ParsedMail) -> str | None:
    fields = form_fields(mail.text)
    if "organization" in fields and ("country" in fields or ENDORSE_WORDS.search(mail.subject + " " + mail.text)):
        return "endorsement form"
    return None


def _confirmation(mail: ParsedMail) -> str | None:
    tokens = rules.confirmation_tokens(mail)
    return f"confirmation token {tokens[0][:6]}…" if tokens else None


Rule = Callable[[ParsedMail], "str | None"]
RULES: tuple[tuple[Rule, Kind], ...] = (
    (rules.is_bounce, Kind.BOUNCE),
    (rules.is_auto_reply, Kind.AUTO_REPLY),
    (rules.is_bulk, Kind.AUTO_REPLY),
    (rules.is_machine_sender, Kind.AUTO_REPLY),
    (_confirmation, Kind.CONFIRMATION),
    (_endorsement_form, Kind.ENDORSEMENT),
)


def classify(mail: ParsedMail) -> Understanding:
    """The first rule in :data:`RULES` that gives a reason decides; else ``unknown``."""
    for rule, kind in RULES:
        reason = rule(mail)
        if reason:
            return _understand(mail, kind, (reason,))
    return Understanding(Kind.UNKNOWN, ("no rule matched",), extract_contact(mail))


def _understand(mail: ParsedMail, kind: Kind, reasons: tuple[str, ...]) -> Understanding:
    if kind in (Kind.BOUNCE, Kind.AUTO_REPLY):
        return Understanding(kind, reasons, Extraction())
    if kind is Kind.ENDORSEMENT:
        return Understanding(kind, reasons, extract_endorsement(mail))
    tokens = rules.confirmation_tokens(mail) if kind is Kind.CONFIRMATION else ()
    return Understanding(kind, reasons, extract_contact(mail), tokens=tokens)
