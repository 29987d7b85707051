"""What an endorser asks to change in their line, as form lines or in their own words.  Pure.

A confirmation request shows the line Endorse read and asks to correct it.  People answer with the suggested
``Organisation:`` / ``Short name:`` / ``Country:`` lines, or in a sentence: "Yes, but please write our name as
…", "Betul, tapi nama kami …", "notre sigle est …", "we are based in …".  :data:`PHRASES` is the one table of
the sentences that introduce a corrected field, by language; what follows them, up to the end of the sentence,
is the value.  A value that does not look like a name (too long, a question, a pronoun first) makes the
correction unsure: a coordinator reads it (:attr:`Correction.unsure`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailer.reading.countries import resolve_country
from mailer.reading.extract import clean_name, split_short_name
from mailer.reading.forms import form_fields
from mailer.reading.quoting import own_text

# field -> phrases (regular expressions, matched case-insensitively) that introduce its corrected value
PHRASES: dict[str, tuple[str, ...]] = {
    "organization": (
        # English
        r"(?:please\s+)?(?:write|list|spell|put|show|print|record|display|have)\s+"
        r"(?:it|us|the\s+name|our\s+(?:organi[sz]ation(?:['’]s)?\s+)?name)?\s*(?:as|like)\s+",
        r"(?:please\s+)?(?:change|correct|rename)\s+(?:it|us|the\s+name|our\s+(?:organi[sz]ation(?:['’]s)?\s+)?"
        r"name)\s+(?:to|into)\s+",
        r"our\s+(?:full\s+|correct\s+|official\s+|proper\s+|exact\s+|complete\s+|registered\s+|legal\s+)*"
        r"(?:organi[sz]ation(?:['’]s)?\s+|group(?:['’]s)?\s+|party(?:['’]s)?\s+)?name\s+is\s+",
        r"(?:the\s+)?(?:correct\s+|right\s+|full\s+)?(?:organi[sz]ation(?:['’]s)?\s+)?name\s+(?:should|must)\s+"
        r"(?:just\s+|simply\s+|only\s+)?(?:be|read)\s+(?:in\s+\w+\s+)?(?:as\s+)?",
        r"(?:it|the\s+line|the\s+name)\s+should\s+(?:just\s+|simply\s+|only\s+)?(?:be|read|say)\s+",
        r"we\s+are\s+called\s+", r"we\s+go\s+by\s+",
        r"(?:the\s+)?(?:(?:full|correct|right|proper|official|exact)\s+(?:and\s+)?)+name\s+is\s+",
        r"name\s+should\s+(?:just\s+|simply\s+|only\s+)?(?:be|read)\s+(?:in\s+\w+\s+)?(?:as\s+)?",
        r"\bbut\s+just\s+(?=[A-Z#])",
        r"it['’]s\s+(?:just|simply|only)\s+", r"please\s+(?:write|use|put)\s+(?=[A-Z#])",
        r"(?:please\s+)?(?:correct|fix|change)\s+(?:the|our)\s+name\s+to\s+",
        r"(?:name|nama(?:nya)?|nom|nombre|nome|pangalan|ชื่อ)(?![^\W\d_])[^.:\n]{0,30}:\s*",   # "… the name: X"
        r"(?:(?:our\s+)?english\s+name|name\s+in\s+english)\s*(?:is|:)?\s*",
        r"nama\s+(?:dalam\s+)?bahasa\s+inggeris?\s*(?:adalah|ialah|:)?\s*",
        # French
        r"notre\s+(?:nom|dénomination|denomination)\s+(?:complet\s+|exact\s+|officiel\s+|correct\s+)?est\s+",
        r"(?:merci\s+d['’]|veuillez\s+|pourriez-vous\s+|pouvez-vous\s+)?(?:écrire|ecrire|inscrire|mettre|"
        r"corriger|indiquer)\s+(?:notre\s+nom\s+|le\s+nom\s+)?(?:comme\s+suit\s*:?|comme|en|par|ainsi\s*:?)\s+",
        r"le\s+(?:bon\s+)?nom\s+(?:correct\s+|exact\s+|complet\s+)?est\s+", r"nous\s+nous\s+appelons\s+",
        r"il\s+faut\s+(?:lire|écrire|ecrire)\s+",
        # Spanish
        r"nuestro\s+nombre\s+(?:completo\s+|correcto\s+|oficial\s+)?es\s+",
        r"(?:por\s+favor\s+)?(?:escriban|escribir|pongan|poner|corrijan|anoten)\s+(?:nuestro\s+nombre\s+|el\s+"
        r"nombre\s+)?(?:como|así\s*:?)\s+",
        r"el\s+nombre\s+(?:correcto\s+|completo\s+)?es\s+", r"nos\s+llamamos\s+",
        # Portuguese
        r"(?:o\s+)?nosso\s+nome\s+(?:completo\s+|correto\s+|correcto\s+|oficial\s+)?é\s+",
        r"(?:por\s+favor\s+)?(?:escrevam|escrever|escreva|coloquem|ponham|corrijam)\s+(?:o\s+)?(?:nosso\s+nome\s+|"
        r"nome\s+)?(?:como|assim\s*:?)\s+",
        r"o\s+nome\s+(?:correto\s+|correcto\s+|completo\s+)?é\s+", r"(?:nos\s+chamamos|chamamo-nos)\s+",
        # Indonesian and Malay
        r"yang\s+(?:benar|betul|tepat)\s+(?:adalah\s+|ialah\s+)?(?=[A-Z#])",
        r"nama\s+(?:lengkap\s+|resmi\s+|rasmi\s+|penuh\s+|organisasi\s+|pertubuhan\s+|parti\s+|partai\s+|"
        r"kelompok\s+|kumpulan\s+|sebenar(?:nya)?\s+|yang\s+betul\s+|yang\s+benar\s+)*kami\s+"
        r"(?:adalah\s+|ialah\s+|yaitu\s+|iaitu\s+|ya\s*(?:itu)?\s+)?",
        r"(?:tolong\s+|mohon\s+|sila\s+|harap\s+)?(?:tulis|tuliskan|ditulis|gunakan|guna|cantumkan|eja|ejakan|"
        r"tukar|ubah|betulkan)\s+(?:nama\s+kami\s+|nama\s+organisasi\s+kami\s+|namanya\s+)?(?:sebagai|seperti|"
        r"dengan|jadi|menjadi|kepada)\s+",
        r"nama\s+(?:yang\s+)?(?:betul|benar|tepat)\s+(?:adalah\s+|ialah\s+)?",
        r"seharusnya\s+", r"sepatutnya\s+", r"(?:tulisnya|ditulis)\s+", r"nama(?:\s+organisasi)?\s+cukup\s+",
        # Tagalog
        r"(?:ang\s+)?(?:buong\s+|tamang\s+)?pangalan\s+(?:namin|ng\s+(?:aming\s+)?(?:organisasyon|samahan|"
        r"partido))\s+ay\s+",
        r"dapat\s+(?:ay\s+)?", r"(?:ang\s+)?(?:buong|tamang)\s+pangalan\s+(?:namin\s+)?ay\s+",
        r"(?:pakitama|itama)\s+(?:ang\s+pangalan)\s*:?\s*",
        r"(?:paki(?:-|\s*)?sulat|isulat|pakilagay|ilagay|pakipalitan)\s+(?:ang\s+pangalan\s+(?:namin\s+)?)?"
        r"(?:bilang|na|ng|sa|ng\s+ganito\s*:?)\s+",
        # German and Italian
        r"unser\s+(?:voller\s+|korrekter\s+|offizieller\s+|richtiger\s+)?name\s+(?:ist|lautet)\s+",
        r"(?:bitte\s+)?(?:schreiben\s+sie|schreibt|eintragen\s+als|als)\s+(?:unseren\s+namen\s+)?(?:als\s+)?",
        r"il\s+nostro\s+nome\s+(?:completo\s+|corretto\s+)?è\s+", r"(?:scrivete|scrivere)\s+(?:il\s+nostro\s+"
        r"nome\s+)?come\s+",
        # Thai
        r"ชื่อ(?:องค์กร|องค์การ)?(?:ของ)?(?:เรา|พวกเรา)(?:คือ|ชื่อ|ใช้)\s*", r"กรุณา(?:เขียน|แก้)ชื่อ(?:ว่า|เป็น)\s*",
        r"ขอเป็น\s*", r"(?:ขอ)?แก้(?:ชื่อ)?เป็น\s*",
    ),
    "short_name": (
        r"(?:our\s+)?(?:short\s+name|acronym|abbreviation|initials|short\s+form)\s*(?:is|should\s+be|:|=)?\s*",
        r"(?:notre\s+)?(?:sigle|abréviation|abreviation|acronyme|nom\s+court)\s*(?:est|:)\s*",
        r"(?:nuestra\s+|nuestras\s+|la\s+|las\s+)?(?:sigla|siglas|abreviatura|acrónimo|acronimo)\s*"
        r"(?:es|son|:)\s*",
        r"(?:a\s+)?(?:nossa\s+)?(?:sigla|abreviatura)\s*(?:é|:)\s*",
        r"disingkat(?:kan)?(?:\s+(?:menjadi|jadi))?\s+",
        r"(?:nama\s+)?(?:singkatan|akronim)(?:nya)?(?:\s+(?:nama\s+)?kami)?\s*(?:adalah|ialah|tetap|:)?\s*",
        r"(?:ang\s+)?(?:daglat|acronym|maikling\s+pangalan)(?:\s+namin)?\s*(?:ay|:)\s*",
        r"(?:unsere\s+)?abkürzung\s*(?:ist|lautet|:)\s*", r"ชื่อย่อ(?:ของเรา)?(?:คือ)?\s*",
    ),
    "country": (
        r"we\s*(?:are|['’]re)\s+(?:based\s+|located\s+|registered\s+)?in\s+", r"we\s+are\s+from\s+",
        r"(?:our\s+|the\s+)?country\s*(?:is|should\s+be|:)?\s*", r"based\s+in\s+",
        r"nous\s+sommes\s+(?:basés\s+|basées\s+|situés\s+|installés\s+)?(?:en|au|aux|à|a)\s+",
        r"(?:notre\s+)?pays\s*(?:est|:)\s*",
        r"(?:estamos|somos|radicamos)\s+(?:de|en|del)\s+", r"(?:nuestro\s+)?país\s*(?:es|:)\s*",
        r"(?:estamos|somos)\s+(?:em|no|na|de|do|da)\s+", r"(?:o\s+nosso\s+)?país\s+é\s+",
        r"kami\s+(?:berada\s+|berasal\s+|berpusat\s+|berpangkalan\s+|bermarkas\s+)?(?:di|dari)\s+",
        r"(?:berasal\s+)?dari\s+",
        r"negara(?:nya)?(?:\s+kami)?\s*(?:adalah|ialah|:)?\s*",
        r"(?:kami\s+ay\s+)?(?:nasa|taga|mula\s+sa)\s+", r"(?:ang\s+)?bansa(?:\s+namin)?\s*(?:ay|:)?\s*",
        r"wir\s+sind\s+(?:aus|in)\s+", r"ประเทศ(?:คือ)?\s*",
    ),
}
# The same, written after the value ("PLM yung acronym", "Philippines ang country"): group 1 is the value.
AFTER_VALUE: dict[str, tuple[str, ...]] = {
    "short_name": (r"([A-Z][\w.&-]{1,15})\s+(?:yung|ang|is\s+our|est\s+notre|es\s+nuestra)\s+(?:acronym|short\s+name|"
                   r"singkatan|sigle|sigla|daglat)",),
    "country": (r"([A-Z][\w ]{2,30}?)\s+(?:yung|ang|is\s+our)\s+(?:country|bansa)",),
}
# Answers that mean "no short name" ("Short name: none", "tiada singkatan").
NONE_VALUE = re.compile(r"^(?:-+|—|none|no|nil|n/?a|\(none\)|tiada|tidak\s+ada|tak\s+ada|wala|aucun|aucune|sans|"
                        r"ninguno|ninguna|nenhum|nenhuma|keine|kein|ไม่มี)\.?$", re.IGNORECASE)    # a field's value
NO_SHORT_NAME = re.compile(                                                                     # said in a sentence
    r"\b(?:no|without(?:\s+any)?)\s+(?:short\s+name|short\s+form|acronym|abbreviation)\b|"
    r"\b(?:tiada|tidak\s+ada|tak\s+ada|takde|tak\s+de|tanpa)\s+(?:singkatan|short\s+name|acronym)\b|"
    r"\bsans\s+sigle\b|\bsin\s+siglas?\b|\bsem\s+sigla\b|\bwalang\s+(?:acronym|daglat)\b|ไม่มีชื่อย่อ",
    re.IGNORECASE)


def _one_line(pattern: str) -> str:
    """A phrase's trailing space never runs onto the next line: an empty "Short name:" line stays empty."""
    for tail, same_line in ((r"\s*", r"[ \t]*"), (r"\s+", r"[ \t]+")):
        if pattern.endswith(tail):
            return pattern[: -len(tail)] + same_line
    return pattern


# A phrase starts a word (Thai writes none: no boundary is asked of it).
_COMPILED = {f: re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(_one_line, p)) + r")", re.IGNORECASE)
             for f, p in PHRASES.items()}
EMPTY_SHORT_LINE = re.compile(r"^[ \t>]*(?:short\s+name|acronym|abbreviation|singkatan|sigle|siglas?|daglat|"
                              r"ชื่อย่อ)[ \t]*[:：][ \t]*$", re.IGNORECASE | re.MULTILINE)
_THAI = re.compile(r"\s+(?=[\u0e00-\u0e7f])")
# Where a value ends: the end of its sentence or line, or words that begin another thought.
_VALUE_END = re.compile(
    r"(?:[.!?;。！？](?=\s|$)|\n|,|\s+[—–-]\s+|\s*--|\s*(?=ประเทศ)|"
    r"\s+(?=(?:country|negara|negaranya|pays|país|bansa)\b)|"
    r"\s+(?:and|et|y|e|dan|at|und)\s+(?:our|the|we|it|in|country|notre|"
    r"nous|le|nuestro|el|o\s+nosso|kami|negara(?:nya)?|singkatan(?:nya)?|ang|unser)\b|\s+(?:instead|please|"
    r"thanks?|bukan|au\s+lieu|en\s+vez|em\s+vez|sahaja|saja|aja|lang|only|in\s+full|ya|po|ครับ|ค่ะ|คะ|นะ)(?!\w))",
    re.IGNORECASE)
# A parenthesis that comments rather than names ("(no abbreviation)", "(Front Line in two words)").
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_NAME_START = re.compile(r"[^\W\d_a-z]|[#\d]|[^\x00-\u024f]")
_QUOTES = "\"'“”‘’«»„「」"
MAX_NAME_WORDS = 14


@dataclass(frozen=True)
class Correction:
    """The registry fields an answer asks for (only those given) and what makes them unsure, if anything."""

    fields: dict = field(default_factory=dict)
    unsure: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields) or bool(self.unsure)


def read_corrections(text: str) -> Correction:
    """Form lines first (their values are the writer's own), then sentences for the fields they left out."""
    own = own_text(text)
    given = {k: v for k, v in form_fields(own).items() if k in ("organization", "short_name", "country")}
    for name, value in _free_text(own).items():
        given.setdefault(name, value)
    return _to_registry(given)


def _free_text(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if NO_SHORT_NAME.search(text) or EMPTY_SHORT_LINE.search(text):   # said before anything else is looked for
        found["short_name"] = "none"
    for name, patterns in AFTER_VALUE.items():
        for pattern in patterns:
            m = re.search(pattern, text)
            if m and name not in found and (name != "country" or _country_prefix(m.group(1))):
                found[name] = m.group(1).strip()
    for name, pattern in _COMPILED.items():
        if name in found:
            continue
        for m in pattern.finditer(text):
            value = _value_after(text, m.end())
            if value and name == "country":
                value = _country_prefix(value)        # "we are in touch", "based in solidarity": not a place
            elif value and not _NAME_START.match(value):
                value = ""                            # a name begins as names do ("not correct", "please" are none)
            if value:
                found.setdefault(name, value)
                break
    return found


def _country_prefix(value: str) -> str:
    """The first run of one to four words of *value* (after at most two others: "tulis Papua/Indonesia") that
    names a country, the longest first, capitalized starts before others; a name in brackets ("ไทย (Thailand)")
    is tried on its own too."""
    for text in (re.sub(r"\s*\([^()]*\)", "", value), *re.findall(r"\(([^()]*)\)", value)):
        words = text.split()
        starts = sorted(range(min(3, len(words))), key=lambda i: (not _NAME_START.match(words[i]), i))
        for start in starts:
            for n in range(min(4, len(words) - start), 0, -1):
                if resolve_country(" ".join(words[start:start + n]))[0]:
                    return " ".join(words[start:start + n])
    return ""


def _value_after(text: str, start: int) -> str:
    rest = text[start:start + 300]
    quoted = re.match(r"\s*[" + _QUOTES + r"](.+?)[" + _QUOTES + r"]", rest)
    if quoted:
        return quoted.group(1).strip()
    depth, end = 0, len(rest)
    for i, ch in enumerate(rest):            # a sentence end inside a parenthesis ("(Marxist-Leninist)") is none
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0:
            m = _VALUE_END.match(rest, i)
            if m:
                end = i
                break
    return clean_name(rest[:end]).strip(_QUOTES + " ")


def _to_registry(given: dict[str, str]) -> Correction:
    fields: dict = {}
    unsure: list[str] = []
    name = given.get("organization", "").strip()
    if name:
        name, said_none = _without_comments(name)
        if name[:1].isascii():                # a Latin name in a Thai sentence ends where the Thai begins
            name = _THAI.split(name, 1)[0]
        if said_none and "short_name" not in given:
            given = {**given, "short_name": "none"}
        organization, short = split_short_name(name)
        organization, place = _trailing_country(organization)
        if not _looks_like_a_name(organization):
            unsure.append(f"the corrected name may be a sentence: {organization[:80]!r}")
        fields["organization"] = organization
        fields["short_name"] = short           # a name rewritten without a short name has none, unless one is given

        if place and "country" not in given:
            given = {**given, "country": place}
    if "short_name" in given:
        short = _without_comments(given["short_name"])[0].strip("()[] ")
        fields["short_name"] = None if NONE_VALUE.search(short) or NO_SHORT_NAME.search(short) or not short else short
    if given.get("country"):
        code, text_ = resolve_country(given["country"])
        if code is None:
            unsure.append(f"country not recognized: {given['country'][:60]!r}")
        else:
            fields["country"], fields["country_text"] = code, text_
    return Correction(fields, tuple(unsure))


def _without_comments(name: str) -> tuple[str, bool]:
    """The name without parentheses that comment on it, and whether one said "no short name"."""
    said_none = False

    def drop(m: re.Match) -> str:
        nonlocal said_none
        inside = m.group(1).strip()
        if NO_SHORT_NAME.search(inside):
            said_none = True
            return ""
        comment = len(inside.split()) > 4 or not inside or not _NAME_START.match(inside)
        return "" if comment else m.group(0)
    return _PAREN.sub(drop, name).strip(), said_none


def _trailing_country(name: str) -> tuple[str, str]:
    """``Parti X, Malaysia`` → ("Parti X", "Malaysia"): a line written whole, as the request shows it."""
    head, sep, tail = name.rpartition(",")
    if sep and head.strip() and resolve_country(tail.strip())[0]:
        return head.strip(), tail.strip()
    return name, ""


def _looks_like_a_name(name: str) -> bool:
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or len(name) > 200 or name.endswith(("?", "？")):
        return False
    return words[0].lower() not in {"we", "i", "our", "it", "this", "that", "kami", "saya", "nous", "je",
                                    "nosotros", "nós", "ako", "kami", "please", "if"}
