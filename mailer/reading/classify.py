"""An ordered table of rules → an :class:`Understanding` with its reasons.

Pure: the first rule that answers decides the kind.  Machine mail is ruled
out first, so that nothing a machine wrote is ever answered or listed; then
the author's own words (not what they quote or forward) are read.  Where a
message could be an endorsement or something else, the rules prefer the
answer that keeps a wrong name off the public list.
"""
from __future__ import annotations

from typing import Callable

from mailer.reading import rules
from mailer.reading.extract import extract_contact, extract_endorsement, extract_withdrawal
from mailer.model import Extraction, Kind, ParsedMail, Understanding
from mailer.reading.own_words import Reading, read

MailRule = Callable[[ParsedMail], "str | None"]
ReadingRule = Callable[[ParsedMail, Reading], "str | None"]

MACHINE_RULES: tuple[tuple[MailRule, Kind], ...] = (
    (rules.is_bounce, Kind.BOUNCE),
    (rules.is_auto_reply, Kind.AUTO_REPLY),
    (rules.is_bulk, Kind.AUTO_REPLY),
    (rules.is_machine_sender, Kind.AUTO_REPLY),
)
READING_RULES: tuple[tuple[ReadingRule, Kind], ...] = (
    (rules.has_confirmation_token, Kind.CONFIRMATION),
    (rules.asks_to_unsubscribe, Kind.UNSUBSCRIBE),
    (rules.asks_to_withdraw, Kind.WITHDRAWAL),
    (rules.states_endorsement, Kind.ENDORSEMENT),
    (rules.asks_to_subscribe, Kind.SUBSCRIBE),
    (rules.asks_something, Kind.INQUIRY),
)


def classify(mail: ParsedMail) -> Understanding:
    """The first rule in the tables that gives a reason decides; else ``unknown``."""
    for rule, kind in MACHINE_RULES:
        reason = rule(mail)
        if reason:
            return Understanding(kind, (reason,), Extraction())
    reading = read(mail)
    for reading_rule, kind in READING_RULES:
        reason = reading_rule(mail, reading)
        if reason:
            return _understand(mail, reading, kind, (reason,))
    reasons = ("no rule matched",) + (("unreadable: " + "; ".join(mail.defects[:3]),) if mail.defects else ())
    return Understanding(Kind.UNKNOWN, reasons, extract_contact(mail, reading))


def _understand(mail: ParsedMail, reading: Reading, kind: Kind, reasons: tuple[str, ...]) -> Understanding:
    if kind is Kind.ENDORSEMENT:
        return Understanding(kind, reasons, extract_endorsement(mail, reading))
    if kind is Kind.WITHDRAWAL:
        return Understanding(kind, reasons, extract_withdrawal(mail, reading))
    tokens = rules.confirmation_tokens(mail) if kind is Kind.CONFIRMATION else ()
    return Understanding(kind, reasons, extract_contact(mail, reading), tokens=tokens)
