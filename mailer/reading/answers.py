"""What a person answered by reply: yes or no to a confirmation, a coordinator's command.  Pure.

Only the writer's own lines count: a mail client puts the request below the
answer, quoted with ``>`` or under an "On … wrote:" / "Original Message" /
Outlook "From:" block, and a word in the quoted request ("reply no to
cancel") must never decide anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from mailer.reading.concepts import concepts
from mailer.reading.countries import resolve_country
from mailer.reading.extract import split_short_name
from mailer.reading.forms import form_fields
from mailer.model import Kind, ParsedMail, Understanding
from mailer.reading.quoting import own_text
from mailer.reading.tokens import find_tokens

# Letters, and the Thai block whole: its vowel and tone marks are not letters to ``\w``.
WORD = re.compile(r"(?:[^\W\d_]|[\u0e00-\u0e7f])+(?:['’][^\W\d_]+)?", re.UNICODE)

# First words that answer a confirmation request, in the statement's languages.
YES_WORDS = frozenset({
    "yes", "yep", "yeah", "ok", "okay", "sure", "confirm", "confirmed", "confirming", "confirmation", "agree",
    "agreed", "correct", "approved", "setuju", "ya", "iya", "betul", "benar", "sah", "disahkan", "sahkan",
    "oui", "confirme", "confirmé", "confirmée", "confirmons", "absolument", "oo", "opo", "oho", "sige",
    "kumpirmado", "sí", "si", "claro", "confirmo", "confirmamos", "sim", "confirmado", "ja", "bestätigt",
})
NO_WORDS = frozenset({
    "no", "nope", "not", "cancel", "cancelled", "canceled", "withdraw", "stop", "tidak", "tak", "bukan",
    "batal", "batalkan", "jangan", "non", "annuler", "annulez", "hindi", "huwag", "nao", "não", "cancelar",
    "nein",
})
# Thai and Chinese write no spaces between words: their answers are matched at the start of the first word.
YES_PREFIXES = ("ใช่", "ยืนยัน", "ตกลง", "是", "确认", "確認", "好")
NO_PREFIXES = ("ไม่", "ยกเลิก", "不", "否", "取消")


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNCLEAR = "unclear"     # words that are neither: a person must read them


# What a phone or webmail client adds under a reply: nothing the writer wrote.
CLIENT_FOOTER = re.compile(r"^\s*(?:sent\s+(?:from|with|via)|get\s+outlook|dikirim\s+dari|dihantar\s+dari|"
                           r"enviado\s+(?:desde|do|de)|envoyé\s+(?:de|depuis)|von\s+meinem|inviato\s+da|"
                           r"ipinadala\s+mula|ส่งจาก|从我的|從我的)", re.IGNORECASE)


def written_lines(text: str) -> list[str]:
    """The writer's own non-blank lines, without a client's "Sent from my iPhone"."""
    return [ln for ln in own_text(text).splitlines() if ln.strip() and not CLIENT_FOOTER.match(ln)]


def _first_said(lines: list[str]) -> str:
    """The first of *lines* that says something: a greeting alone ("Dear Comrades,", "Salam,") is skipped."""
    for line in lines[:3]:
        if not _greeting(line):
            return line
    return lines[0] if lines else ""


def _greeting(line: str) -> bool:
    """"Dear Comrades,", "Salam,", "Respected Sir/Madam,": a short line of greeting words, or ending in a comma."""
    said = concepts(line)
    short = len(line.split()) <= 4
    return short and ((bool(said) and said <= {"GREETING"}) or (line.rstrip().endswith(",") and not said))


def _words(line: str, limit: int) -> list[str]:
    return [w.lower() for w in WORD.findall(line)][:limit]


def first_words(text: str, limit: int = 3) -> list[str]:
    return _words(_first_said(written_lines(text)), limit)


def only_signed(lines: list[str], signed_by: tuple[str, ...]) -> bool:
    """Whether the writer's *lines* are only a signature: each made of the words (or initials) of the names in
    *signed_by* (the sender's name, the organization's), as a phone signs a plain Reply."""
    known = {w.lower() for name in signed_by if name for w in WORD.findall(name)}
    if not known or not lines:
        return False
    initials = {w[0] for w in known}
    return all(all(w.lower() in known or (len(w) == 1 and w.lower() in initials) for w in WORD.findall(ln))
               and WORD.findall(ln) for ln in lines)


def read_answer(text: str, signed_by: tuple[str, ...] = ()) -> Answer:
    """A plain Reply (nothing written, or only the writer's signature) or a yes word confirms; a no word first
    cancels; anything else is unclear."""
    lines = written_lines(text)
    line = _first_said(lines)
    words = _words(line, 3)
    if not words or only_signed(lines, signed_by):
        return Answer.YES
    if words[0] in NO_WORDS or words[0].startswith(NO_PREFIXES):
        return Answer.NO
    if any(w in YES_WORDS or w.startswith(YES_PREFIXES) for w in words):
        return Answer.YES
    said = concepts(line)
    if "YES" in said and "NO" not in said:       # "ถูกต้องครับ", "Betul", "Confirmé" in any known language
        return Answer.YES
    if not said & {"NO", "QUESTION"}:            # a formal opening line first ("With reference to your mail,")
        saying = [ln for ln in lines if not _greeting(ln)]
        then = concepts(saying[1]) if len(saying) > 1 else frozenset()
        if "YES" in then and "NO" not in then:
            return Answer.YES
    return Answer.UNCLEAR


# ---- a coordinator's command ---------------------------------------------------------------------------------

class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    MERGE = "merge"      # the same organization as the candidate shown
    EDIT = "edit"        # corrected fields, then approve


ACTION_WORDS = {
    "approve": Action.APPROVE, "approved": Action.APPROVE, "accept": Action.APPROVE, "ok": Action.APPROVE,
    "yes": Action.APPROVE, "reject": Action.REJECT, "rejected": Action.REJECT, "decline": Action.REJECT,
    "no": Action.REJECT, "merge": Action.MERGE, "same": Action.MERGE,
}


@dataclass(frozen=True)
class Command:
    action: Action | None
    fields: dict = field(default_factory=dict)     # organization, short_name, country, country_text


def read_fields(text: str) -> dict:
    """``Organisation: …``, ``Short name: …``, ``Country: …`` lines → registry fields (only those given)."""
    return registry_fields(form_fields(text))


def registry_fields(given: dict) -> dict:
    """Corrections as written (organization, short_name, country) → the registry's fields; "none" clears."""
    fields: dict = {}
    if given.get("organization"):
        fields["organization"], short = split_short_name(given["organization"])
        if short:
            fields["short_name"] = short
    if "short_name" in given:
        short = given["short_name"].strip("() ")
        fields["short_name"] = None if short.lower() in ("", "-", "none", "no") else short
    if given.get("country"):
        code, text_ = resolve_country(given["country"])
        fields["country"], fields["country_text"] = code, text_ or given["country"].strip()
    return fields


def read_command(text: str) -> Command:
    """The first word decides (approve, reject, merge); corrected fields alone mean edit and approve."""
    own = own_text(text)
    words = first_words(own, limit=1)
    action = ACTION_WORDS.get(words[0]) if words else None
    fields = read_fields(own)
    if fields and action in (None, Action.APPROVE):
        action = Action.EDIT
    return Command(action, fields)


# ---- tokens in a reply -------------------------------------------------------------------------------------------

def tokens_for(mail: ParsedMail, purpose: str) -> tuple[str, ...]:
    """Tokens of one purpose where a reply keeps them: the To/Cc plus-address, the subject, the text."""
    rcpts = " ".join(a.email for a in mail.to + mail.cc)
    return tuple(t for t in find_tokens(rcpts, mail.subject, mail.text) if t.startswith(purpose + "-"))


def replies_with(purpose: str):
    """A route predicate (mailer.desk.routes.ROUTES): a person's mail carrying a token of *purpose*."""
    def takes(mail: ParsedMail, u: Understanding, ctx) -> bool:
        return u.kind not in (Kind.BOUNCE, Kind.AUTO_REPLY) and bool(tokens_for(mail, purpose))
    return takes
