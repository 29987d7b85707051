"""Which of the statement's languages a text is written in (ISO 639-1), so replies can answer in it.

Pure: text in, a code out.  Lingua (lingua-language-detector) restricted to
the statement's languages: it tells Malay from Indonesian and reads a
one-sentence question more reliably than n-gram identifiers such as langid,
which on our samples took an Indonesian question for Malay.  Its models load
on the first call (about a second), then a call takes about a millisecond.
"""
from __future__ import annotations

import re
from functools import lru_cache

from mailer.model import ParsedMail
from mailer.reading.quoting import own_text
from mailer.reading.tokens import TOKEN_RE

# The statement's languages: English, Bahasa Indonesia, Malay, Tagalog, Thai, French, Spanish, Portuguese.
LANGUAGES = ("en", "id", "ms", "tl", "th", "fr", "es", "pt")
MIN_LETTERS = 12      # fewer letters than this say too little ("ok", "thanks!")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder
    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of *text* among :data:`LANGUAGES`, or *default* when it is too short to say."""
    if len(_LETTER.findall(text or "")) < MIN_LETTERS:
        return default
    found = _detector().detect_language_of(text[:5000])
    if found is None:
        return default
    code = found.iso_code_639_1.name.lower()
    return code if code in LANGUAGES else default


# "[confirm c-7qk…]", "[INQ-42]": our own references in a subject, random letters that sway the detector;
# bare tokens are left out with the project's own token pattern.
_BRACKETED = re.compile(r"\[[^\]\n]{0,60}\]")


def mail_language(mail: ParsedMail, own_text: str, default: str = "en", *, leave_out: tuple[str | None, ...] = ()
                  ) -> str:
    """The language a reply to *mail* should use: its subject and the sender's own words (no quotes), without
    our bracketed references and tokens, and without *leave_out* (an organization's name, a country, a person:
    ``Parti Sosialis Malaysia`` in an English mail says nothing about the writer's language)."""
    for name in sorted(filter(None, leave_out), key=len, reverse=True):
        own_text = own_text.replace(name, " ")
    return detect_language(TOKEN_RE.sub(" ", _BRACKETED.sub(" ", f"{mail.subject}\n{own_text}")), default)


def reply_language(mail: ParsedMail, default: str = "en", *, leave_out: tuple[str | None, ...] = ()) -> str:
    """:func:`mail_language` of the writer's own lines (:func:`mailer.reading.quoting.own_text`)."""
    return mail_language(mail, own_text(mail.text), default, leave_out=leave_out)
