"""Organization, short name, country and contact from an endorsement's text.

Pure.  Three sources, most explicit first: a form (``Organisation: …``), a
sentence of the endorsement itself (``On behalf of X, we endorse…``), the
signature block.  What it is unsure of is named in ``review_reasons`` so that
a coordinator looks before anything is published: a person rather than an
organization, two organizations, no country, sources that disagree, a letter
in an attachment.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mailer.reading import lexicon
from mailer.reading.countries import NOT_A_HINT, display_name, lookup_exact, resolve_country, scan_country
from mailer.reading.lexicon import ASKING, CLOSINGS, ORG_WORDS, SEVERAL_ORGANIZATIONS
from mailer.model import Extraction, ParsedMail
from mailer.reading.own_words import Reading, read, sentences
from mailer.reading.text import strip_signature

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<short>[^()（）]+)[)）]\s*$")
_ABBREV = re.compile(r"^[#A-Z0-9][A-Z0-9&.\-/#]{1,14}$")
_QUOTES = str.maketrans({"\u201c": "", "\u201d": "", "\u201e": "", "\u00ab": "", "\u00bb": "", '"': ""})
LETTER_TYPES = ("application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument",
                "application/vnd.oasis.opendocument", "image/")

THIRD_PERSON_VERBS = (
    r"(?:hereby\s+|fully\s+|proudly\s+)?(?:endorses|endorse|endorces?|supports|signs(?:\s+on\s+to)?|joins|co-?signs|"
    r"backs|withdraws)",
    r"(?:has\s+|have\s+)?(?:voted|decided|agreed|resolved)\s+(?:unanimously\s+)?to\s+(?:endorse|sign|support|withdraw)",
    r"(?:would\s+like|wishes|wants|is\s+(?:happy|proud|glad|pleased))\s+to\s+(?:endorse|sign|support|join)",
    r"(?:dengan\s+ini\s+)?(?:menyatakan\s+)?(?:mendukung|dukung|ikut\s+menandatangani|turut\s+menandatangani|"
    r"menandatangani|menyatakan\s+dukungan|bergabung)",
    r"(?:dengan\s+ini\s+)?(?:menyokong|sokong|memberi\s+sokongan|menyatakan\s+sokongan)",
    r"ay\s+(?:lumalagda|lalagda|pipirma|nag-?eendorso|nag-?endorso|sumusuporta|pumipirma|nakikiisa)",
    r"(?:soutient|signe|appuie|endosse|adh[èe]re|s['’]associe|retire\s+sa\s+signature)", r"(?:firma|respalda|apoya|adhiere|se\s+adhiere|"
    r"se\s+suma|suscribe|firmamos|nos\s+adherimos|respaldamos|apoyamos)", r"(?:assina|subscreve|apoia|adere|endossa|"
    r"assinamos|subscrevemos|apoiamos)",
    r"(?:ขอร่วมลงนาม|ขอร่วมลงชื่อ|ยืนยันร่วมลงชื่อ|ขอสนับสนุน|ร่วมลงนาม|ร่วมลงชื่อ|สนับสนุน|ขอรับรอง|ขอถอน)",
    r"(?:menarik\s+diri|nak\s+(?:join|sertai|sokong))",
    r"(?:has\s+decided|would\s+like|wishes|wants|needs)\s+to\s+withdraw", r"(?:menarik|mencabut)\s+dukungan",
)
# Prose patterns that name the organization; group "org" is the name as written.
_ORG_CHARS = r"[^\n.;:!?]{2,140}?"
PROSE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<org>{_ORG_CHARS})\s*(?:,|\bwe\b|\bI\b|\bhereby\b|\bwould\b|\bendorse)",
    rf"^\s*we\s*,\s*(?:the\s+)?(?P<org>{_ORG_CHARS})\s*,\s*(?:hereby\s+)?(?:endorse|sign|support|join|would|wish|are)",
    rf"\bwe\s+(?:at|from)\s+(?:the\s+)?(?P<org>{_ORG_CHARS})\s*,?\s*(?:hereby\s+|would\s+|wish\s+|are\s+|fully\s+)?"
    r"(?:endorse|sign|support|join|like|happy|glad|proud)",
    r"^\s*(?:the\s+)?(?P<org>[#A-Z][^\n.;:!?]{1,140}?)\s+(?:hereby\s+|fully\s+|proudly\s+)?"
    r"(?:endorses|supports|signs(?:\s+on\s+to)?|joins|would\s+like\s+to\s+(?:endorse|sign))\s+(?:the|this|your)\b",
    rf"\bplease\s+add\s+(?:the\s+)?(?P<org>{_ORG_CHARS})\s+(?:to\s+the\s+(?:list|signatories)|as\s+a\s+signatory)",
    rf"\bkami\s*,?\s+(?:dari|daripada)\s+(?P<org>{_ORG_CHARS})\s*,?\s+(?:dengan\s+ini\s+|turut\s+|ikut\s+|ingin\s+|"
    r"mahu\s+|menyatakan|mendukung|menyokong|memberi|bergabung|sepenuhnya)",
    rf"^\s*kami\s*,\s*(?P<org>{_ORG_CHARS})\s*,\s*(?:dengan\s+ini|menyatakan|mendukung|menyokong|turut)",
    rf"\batas\s+nama\s+(?P<org>{_ORG_CHARS})\s*,\s*(?:kami|saya)",
    rf"\bbagi\s+pihak\s+(?P<org>{_ORG_CHARS})\s*,\s*(?:kami|saya)",
    rf"\bkami\s+(?:sa|ng)\s+(?P<org>{_ORG_CHARS})\s+(?:ay|ay\s+buong|ay\s+nagpapahayag)\b",
    rf"\bsa\s+ngalan\s+ng\s+(?P<org>{_ORG_CHARS})\s*,",
    rf"^\s*nous\s*,\s*(?P<org>{_ORG_CHARS})\s*,\s*(?:signons|soutenons|appuyons|endossons|souscrivons|"
    r"approuvons|adh[ée]rons|souhaitons|apportons)",
    rf"\bau\s+nom\s+(?:de\s+la|du|de\s+l['’]|des|de)\s*(?P<org>{_ORG_CHARS})\s*,\s*(?:nous|je)",
    rf"\ben\s+nombre\s+(?:de\s+la|del|de\s+los|de\s+las|de)\s+(?P<org>{_ORG_CHARS})\s*,?\s*(?:respaldamos|apoyamos|"
    r"firmamos|suscribimos|nos\s+adherimos|nos\s+sumamos|adherimos|queremos|deseamos)",
    rf"^\s*(?:nosotr[oa]s|desde)\s*,?\s+(?:la\s+|el\s+)?(?P<org>{_ORG_CHARS})\s*,\s*(?:respaldamos|apoyamos|firmamos|"
    r"suscribimos|nos\s+adherimos|nos\s+sumamos)",
    rf"\bem\s+nome\s+(?:da|do|das|dos|de)\s+(?P<org>{_ORG_CHARS})\s*,?\s*(?:subscrevemos|apoiamos|assinamos|"
    r"aderimos|endossamos|manifestamos|queremos|desejamos)",
    rf"^\s*n[óo]s\s*,\s*(?:d[ao]s?\s+)?(?P<org>{_ORG_CHARS})\s*,\s*(?:subscrevemos|apoiamos|assinamos|aderimos)",
    r"ในนาม(?:ของ)?\s*(?P<org>[^\n,]{2,120}?)\s*(?:,|ขอ|เรา)",
    r"^\s*(?P<org>[^\n,]{2,120}?)\s*(?:ขอร่วมลงนาม|ขอสนับสนุน|ร่วมลงนาม)",
    rf"\b(?:we\s+are(?:\s+the)?|somos(?:\s+(?:a|o|la|el|los|las|as|os))?|nous\s+sommes(?:\s+(?:le|la|l['’]))?|"
    rf"kami\s+(?:adalah|ialah)|kami\s+ay\s+ang)\s+(?P<org>(?-i:[A-Z#À-Ý]){_ORG_CHARS})\s*(?:,|\band\b|\be\b|\by\b|"
    r"\bet\b|\bdan\b|$)",
    # withdrawals name the organization after the thing withdrawn
    rf"\btake\s+(?:the\s+)?(?P<org>{_ORG_CHARS})\s+off\s+(?:the|your)\s+(?:list|statement)",
    rf"\bwithdraw\s+(?:the|its|our)\s+(?:endorsement|signature|support)\s+of\s+(?:the\s+)?(?P<org>{_ORG_CHARS})"
    r"\s*(?:,|\buntil\b|\bfrom\b|$)",
    r"\bwithdraw\s+(?:the\s+)?(?P<org>[A-Z#][^\n.;:!?]{1,140}?)\s+from\s+(?:the|your)\s+(?:list|statement)",
    rf"\bremove\s+(?:the\s+name\s+of\s+)?(?:the\s+)?(?P<org>{_ORG_CHARS})\s*,?\s+from\s+(?:the|your)\s+"
    r"(?:list|statement)",
    rf"\b(?:gugurkan|keluarkan|hapuskan|padamkan)\s+nama\s+(?P<org>{_ORG_CHARS})\s+(?:daripada|dari)\b",
    rf"\bpangalan\s+ng\s+(?P<org>{_ORG_CHARS})\s+sa\s+listahan",
    rf"\bsignature\s+(?:du|de\s+la|de\s+l['’]|des|de)\s*(?P<org>{_ORG_CHARS})\s*(?:,|$|\bde\s+la\s+liste)",
    rf"\b(?:adhesi[óo]n|firma)\s+(?:del|de\s+la|de\s+los|de\s+las|de)\s+(?P<org>{_ORG_CHARS})\s*(?:,|$|\ba\s+la\b)",
    rf"\bnome\s+(?:do|da|dos|das|de)\s+(?P<org>{_ORG_CHARS})\s*(?:,|$|\bda\s+lista\b)",
    rf"\b(?:pakibura|pakitanggal|pakialis|burahin|tanggalin|alisin)\b[^.!?\n]{{0,20}}\bang\s+(?P<org>{_ORG_CHARS})\s+sa\s+listahan",
))
# "<Organization>[, place] <verb>": the organization speaking of itself in the third person. Found verb first
# (a search for the verb is far cheaper than a lazy name followed by a large alternation): the name is what
# stands before it.
THIRD_PERSON = re.compile(r"\s*,?\s+(?:" + "|".join(THIRD_PERSON_VERBS) + r")(?![a-zà-ÿ])", re.IGNORECASE)
# For each pattern above, the words one of which its sentence must hold: checked with `in` first, so most
# sentences need no regex at all.
PROSE_STEMS: tuple[tuple[str, ...], ...] = (
    ("behalf",), ("we,", "we ,"), ("we at", "we from"), ("endorses", "supports", "signs", "joins", "would like"),
    ("please add",),
    ("kami",), ("kami",), ("atas nama",), ("bagi pihak",), ("kami",), ("ngalan",), ("nous",), ("au nom",),
    ("en nombre",), ("nosotr", "desde"), ("em nome",), ("nós,", "nos,", "nós ,"), ("ในนาม",),
    ("ขอร่วมลงนาม", "ขอสนับสนุน", "ร่วมลงนาม"),
    ("we are", "somos", "sommes", "adalah", "ialah", "ay ang"),
    ("take",), ("withdraw",), ("withdraw",), ("remove",), ("nama",), ("pangalan",), ("signature",), ("adhesi", "firma"),
    ("nome",), ("ang ",),
)
THIRD_PERSON_WORDS = (
    "endorses", "supports", "signs", "joins", "backs", "would like", "wishes", "happy", "proud", "glad", "dukung",
    "andatangan", "bergabung", "sokong", "yokong", " ay ", "soutient", "signe", "appuie", "endosse", "adhère",
    "associe", "firma", "respalda", "apoya", "adhiere", "se suma", "suscribe", "assina", "subscreve", "apoia", "adere",
    "endossa", "ลงนาม", "ลงชื่อ", "สนับสนุน", "รับรอง", "ถอน", "decided", "needs", "withdraw", "menarik", "mencabut",
    "endorse", "endorce", "voted", "agreed", "resolved", "retire", "nak ", "lalagda", "pipirma", "firmamos", "adherimos",
    "respaldamos", "apoyamos", "assinamos", "subscrevemos", "apoiamos",
)
# Each stem names the patterns worth trying on a sentence that holds it. Index len(PROSE_PATTERNS) is the
# third-person reading.
_ALL_STEMS = PROSE_STEMS + (THIRD_PERSON_WORDS,)
_STEM_PATTERNS = {stem: {i for i, stems in enumerate(_ALL_STEMS) if stem in stems} for stems in _ALL_STEMS
                  for stem in stems}
COUNTRY_PHRASES = re.compile(
    r"\b(?:from|in|based\s+in|di|dari|sa|en|au|aux|em|no|na|du|de)\s+(?:the\s+)?"
    r"(?P<country>[A-ZÀ-Ý][\w’'\- ]{2,40}?)(?=[\s,.;)!?]|$)", re.UNICODE)


ASKS = "also asks"          # the reason that names a question asked beside an endorsement


def split_short_name(name: str) -> tuple[str, str | None]:
    """``Parti Sosialis Malaysia (PSM)`` → ("Parti Sosialis Malaysia", "PSM").

    Only a parenthesis at the very end is a short name; one inside the name
    (``Communist Party of India (Marxist-Leninist) Liberation``) stays.
    """
    name = clean_name(name)
    m = _TRAILING_PAREN.match(name)
    if not m:
        return name, None
    return m.group("name").strip(" ,-–"), m.group("short").strip()


def clean_name(text: str) -> str:
    """A name as written, without typographic quotes, runs of spaces or trailing punctuation."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip(" \t*_-–—,.;:")


_DARI = re.compile(r"^(?i:kami|we)\s+(?i:dari|daripada|at|from)\s+")
_POSSESSIVES = {"kami", "namin", "aming", "nous", "our", "nuestro", "nuestra", "notre", "nosso", "nossa", "we"}
_PRONOUNS = {"we", "i", "us", "kami", "kita", "saya", "nous", "je", "our", "my", "nosotros", "nosotras", "yo",
             "nós", "eu", "ako", "this", "it", "they", "ini", "ito", "ceci", "esto", "isto", "please", "thank",
             "thanks", "yes", "ya", "oo", "oui", "sí", "sim", "nuestro", "nuestra", "notre", "nosso", "nossa",
             "aming", "kaming", "your", "their"}


_CLAUSE_BREAK = re.compile(r"\s*[,:;!]+\s+|\s+(?i:that|bahwa|que|na)\s+(?=(?i:the|la|le|el|o|a|ang)?\s*[A-Z#])|"
                           r"\s+(?=(?i:the|la|el|ang)\s+[A-Z])")
_CONNECTORS = {"of", "for", "de", "del", "da", "do", "das", "dos", "des", "du", "la", "le", "the", "and", "&", "ng",
               "mga", "sa", "para", "y", "e", "et", "dan", "di", "pour", "en", "pela", "pelo", "por"}


_INDEFINITE = re.compile(r"^(?i:a|an|isang|une?|uma|una|sebuah|satu)\s")


_NOT_NAMES = {"yes", "ok", "okay", "hi", "hello", "dear", "thanks", "also", "please", "today", "so", "and", "but",
              "here", "sorry", "good", "great", "finally", "now", "ya", "oo", "oui", "sí", "sim", "hola", "bonjour"}


def _looks_like_name(text: str) -> bool:
    """An organization-like phrase: organization words, a short-name parenthesis, Capitalized Words, or one
    capitalized word that is neither a common word nor a country ("Praxis", "#GegarAmerika")."""
    if _INDEFINITE.match(text):
        return False           # "a Malaysian collective" describes a name, it is not one
    text = _ARTICLE.sub("", text)
    if not text or not (text[0].isupper() or text[0] == "#" or not text[0].isascii()):
        return False
    if ORG_WORDS.search(text) or "(" in text:
        return True
    words = [w for w in text.split() if w.lower() not in _CONNECTORS]
    if len(words) == 1:
        word = words[0].strip(".,!")
        return len(word) >= 3 and word.lower() not in _NOT_NAMES | _PRONOUNS and not lookup_exact(word)
    return len(words) >= 2 and all(w[0].isupper() or not w[0].isascii() for w in words)


def _name_clause(raw: str) -> str:
    """The clause of *raw* that names the organization: "As promised: the X Union" → "the X Union".

    A leading greeting or remark is dropped when a later clause looks like a name; an apposition after the
    name ("Jentayu, a Malaysian collective") stays for split_location to read.
    """
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(raw)]
    for start in bounds:
        tail = raw[start:]
        head, *rest = _CLAUSE_BREAK.split(tail, maxsplit=1)
        if _looks_like_name(head) or start == 0 and rest and _INDEFINITE.match(rest[0]):
            return tail      # a name, or a one-word name followed by its apposition ("X, a … collective")
    return raw


def _prose_organizations(text: str, lower: str | None = None, sentence_list: list[str] | None = None) -> list[str]:
    lower = lower if lower is not None else text.lower()
    active = [stem for stem in _STEM_PATTERNS if stem in lower]      # usually a handful
    if not active:
        return []
    found = []
    for sentence in sentence_list if sentence_list is not None else sentences(text):
        if sentence.endswith(("?", "？")):
            continue
        if _MAYBE_GREETING.search(sentence[:60]):
            sentence = strip_greeting(sentence)
        sentence_lower = sentence.lower()
        wanted: set[int] = set()
        for stem in active:
            if stem in sentence_lower:
                wanted |= _STEM_PATTERNS[stem]
        for index in sorted(wanted):          # in table order; the third-person reading comes last
            pattern = PROSE_PATTERNS[index] if index < len(PROSE_PATTERNS) else None
            if pattern is None:
                verb = THIRD_PERSON.search(sentence)
                raw = sentence[:verb.start()].strip() if verb else ""
                if not raw or len(raw) > 200 or not (raw[0].isalnum() or raw[0] in "#“\"«"):
                    continue
            else:
                m = pattern.search(sentence)
                if not m:
                    continue
                raw = m.group("org")
            org = _name_clause(raw.strip(" ,“”\"«»"))
            org = _ARTICLE.sub("", _DARI.sub("", org))
            if pattern is None and not _looks_like_name(split_location(org)[0]):
                continue
            first = org.split(" ")[0].lower().strip(",") if org else ""
            words = org.lower().replace(",", " ").split()
            if not org or first in _PRONOUNS or not (org[0].isupper() or org[0] in "#" or not org[0].isascii()) \
                    or len(words) <= 3 and _POSSESSIVES.intersection(words):
                continue
            found.append(org)
            break
    return found


ROLE = re.compile(
    r"^(general\s+secretary|secretary[- ]general|(deputy\s+|vice[- ])?(president|chair(person|woman|man)?|secretary|"
    r"coordinator|director|spokes(person|woman|man)|organi[sz]er|treasurer|convenor|convener|member|head|leader|"
    r"officer)|[\w’']+\s+secretary|international\s+(secretary|officer)|setiausaha(\s+agung)?|pengerusi|ketua(\s+umum)?|"
    r"sekretaris(\s+jenderal)?|koordinator|tagapangulo|kalihim|pangulo|presidente|president[ae]?|secretari[oa]|"
    r"coordinador[a]?|secr[ée]taire|pr[ée]sident[e]?|porte-parole|coordenador[a]?|coordinatrice|responsable|"
    r"for|on behalf of|ประธาน|เลขาธิการ|ผู้ประสานงาน)\b", re.IGNORECASE)
_CONTACT_LINE = re.compile(r"@|https?://|www\.|\+?\d[\d\s\-()]{6,}")
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear\s+[^,:]{0,50}|greetings|good\s+(morning|afternoon|day|evening)|salam(\s+\w+)?|halo|hai|"
    r"kumusta|magandang\s+\w+(\s+po)?|mga\s+kasama|kawan-kawan|camarades?|compa[ñn]er[oa]s|hola(\s+\w+)?|"
    r"ol[áa]|bonjour|estimad[oa]s|caros?(\s+\w+)?|queridos?(\s+\w+)?|comrades|friends)\s*[,!:]+\s*|^\s*สวัสดี\S*\s+",
    re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:(?i:the|le|la|el|los|las|o|a|os|as|ang)\s+|(?i:l)['’]\s*)(?=[A-Z#À-Ý])")
_SPLIT_AFTER_PAREN = re.compile(r"^(?P<name>.*\([^()]+\))(?P<tail>\s*(?:[,–—-]|\s(?:de|dari|from|of|in|di|mula\s+sa|da|do|du|en)\s|"
                                r"\s)\s*.+)$", re.IGNORECASE)
_LOCATION_PREFIX = re.compile(r"^[\s,–—-]*(?:(?:de|dari|from|of|in|di|mula\s+sa|da|do|du|en|desde|based\s+in|"
                              r"depuis|em|no|na)\s+)?", re.IGNORECASE)
_LOCATION_WORD = re.compile(r"^[\s,–—-]*(?:dari|from|di|mula\s+sa|desde|based\s+in|depuis|basée?\s+[àa]|"
                            r"sediada\s+em|con\s+sede\s+en)\s+", re.IGNORECASE)
_LIST_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*•])?\s*(?P<org>[^,\n:]{2,120}?)\s*(?:[,–—]|\s-)\s*(?P<country>[^,\n]{2,60}?)"
                        r"\s*\.?\s*$", re.MULTILINE)
_BULLET_START = re.compile(r"\n\s*(?:\d+[.)]|[-*•])\s")
_BULLET_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(?P<org>[^\n]{2,120}?)\s*$", re.MULTILINE)
_LABELLED = re.compile(r"^[^:：]{1,40}\s*[:：]")
_JOINED = re.compile(r"\s(?:and|&|dan|at|et|y|e|ng|und)\s", re.IGNORECASE)


_MAYBE_GREETING = re.compile(r"[,!:]|^\s*สวัสดี")


def strip_greeting(text: str) -> str:
    return _GREETING.sub("", text, count=1)


def split_location(raw: str) -> tuple[str, str | None]:
    """``X (ABBR), Country`` / ``X (ABBR) dari City, Country`` / ``X, de Colombia`` → (name, country code).

    Only a tail after the closing parenthesis of a short name, or after a comma or dash, is read as a
    location, and only when it names one country: ``(Marxist-Leninist) Liberation`` stays in the name.
    """
    m = _SPLIT_AFTER_PAREN.match(raw)
    splits = [(m.group("name"), m.group("tail"))] if m else []
    for sep in (",", " – ", " — ", " - "):
        head, found, tail = raw.partition(sep)
        if found and head.strip():
            splits.append((head, tail))
    head, found, tail = raw.rpartition(" ประเทศ")
    if found:
        splits.append((head, "ประเทศ" + tail))
    for head, tail in splits:
        had_preposition = bool(_LOCATION_WORD.match(tail))
        tail = _LOCATION_PREFIX.sub("", tail).strip(" ,.")
        code = lookup_exact(tail) or (resolve_country(tail)[0] if "," in tail or "/" in tail else None) \
            or scan_country(tail)
        if code and tail:
            return head.strip(" ,–—-"), code
        if had_preposition and _looks_like_name(head.strip()):
            return head.strip(" ,–—-"), None          # ", desde Rosario": a place, but no country
    return raw, None


@lru_cache(maxsize=16384)
def normalize_candidate(raw: str) -> tuple[str, str | None, str | None]:
    """A name as found in prose or a signature → (organization, short name, country code from its tail)."""
    raw = _ARTICLE.sub("", clean_name(strip_greeting(raw)))
    raw, code = split_location(raw)
    name, short = split_short_name(raw)
    return _ARTICLE.sub("", name), short, code


@lru_cache(maxsize=8)
def _signature_lines(text: str) -> tuple[str, ...]:
    """The signature block's lines (at most eight), read once per text: the extractor and both candidate
    searches ask for the same message's."""
    lines = [ln.strip() for ln in text.split("\n")]
    first = next((i for i, ln in enumerate(lines) if ln), 0)
    for i in range(len(lines) - 1, first, -1):      # the last closing; "Salam," on top is a greeting
        if CLOSINGS.match(lines[i]):
            return tuple([ln for ln in lines[i + 1:] if ln][:8])
    _body, signature = strip_signature(text)
    if signature.strip():
        return tuple([ln.strip() for ln in signature.split("\n") if ln.strip()][:8])
    # no closing and no "-- ": the run of short lines that ends the message
    run: list[str] = []
    for line in reversed([ln for ln in lines if ln]):
        if len(line) >= 70 or len(run) == 6:
            break
        run.insert(0, line)
    return tuple(run) if len(run) >= 2 else ()


def _signature_organization(lines: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(organization line, country code) from a signature block."""
    org = country = None
    for line in lines:
        if _CONTACT_LINE.search(line) or _LABELLED.match(line):
            continue
        code = lookup_exact(line.strip(" ."))
        if code:
            country = country or code
            continue
        parts = [p.strip() for p in re.split(r",| - | \| | – | — ", line) if p.strip()]
        parts = [p for p in parts if not ROLE.match(p) or ORG_WORDS.search(ROLE.sub("", p)) or _TRAILING_PAREN.match(p)]
        parts = [ROLE.sub("", p).strip(" ,") if ROLE.match(p) and re.match(r"(?i)(for|on behalf of)\b", p) else p
                 for p in parts]
        if len(parts) > 1 and lookup_exact(parts[-1]):
            country = country or lookup_exact(parts[-1])
            parts = parts[:-1]
        elif len(parts) > 1 and scan_country(parts[-1]) and not ORG_WORDS.search(parts[-1]):
            country = country or scan_country(parts[-1])
            parts = parts[:-1]
        candidates = [p for p in parts if (ORG_WORDS.search(p) or _TRAILING_PAREN.match(p) or _ABBREV.match(p))
                      and len(p) < 140]
        if org is None and candidates:
            org = candidates[0]
    return org, country


def list_organizations(text: str, sentence_list: list[str] | None = None) -> list[tuple[str, str]]:
    """Lines in the statement's own style: ``Name (Short), Country`` (numbered or bulleted or bare)."""
    found = []
    pieces = text.split("\n")
    pieces += [s for s in (sentence_list if sentence_list is not None else sentences(text)) if s not in pieces]
    for line in pieces:
        # a list line is short and has a separator before its country: most lines are neither
        if len(line) > 200 or not ("," in line or "–" in line or "—" in line or " -" in line):
            continue
        m = _LIST_LINE.match(line)
        if not m:
            continue
        org, country = m.group("org").strip(), m.group("country").strip()
        code = lookup_exact(country) or (resolve_country(country)[0] if "/" in country else None)
        if code and (ORG_WORDS.search(org) or _TRAILING_PAREN.match(org)) and not ROLE.match(org) \
                and not _CONTACT_LINE.search(org) and (org, country) not in found \
                and not re.search(r"[.!?]\s", org) and len(org.split()) <= 12 \
                and org.split(" ")[0].lower() not in _PRONOUNS:
            found.append((org, country))
    return found


@lru_cache(maxsize=8)
def listed_organizations(reading: Reading) -> tuple[tuple[str, str], ...]:
    """:func:`list_organizations` of a reading's prose, worked out once per message: the rules, the extractor and
    the candidates all ask."""
    return tuple(list_organizations(reading.prose, reading.prose_sentences))


@lru_cache(maxsize=8)
def prose_organizations(reading: Reading) -> tuple[str, ...]:
    """The organizations the sentences of a reading's prose name, worked out once per message: the extractor and
    the candidates both ask."""
    return tuple(_prose_organizations(reading.prose, reading.prose_lower, reading.prose_sentences))


def _several(reading: Reading, named: list[str]) -> str | None:
    """Why the message seems to speak for more than one organization, or None."""
    m = SEVERAL_ORGANIZATIONS.search(reading.prose, reading.prose_lower)
    if m:
        return f"several organizations: {m.group(0)!r}"
    bullets = [b for b in _BULLET_LINE.findall(reading.prose) if ORG_WORDS.search(b) or _TRAILING_PAREN.match(b)] \
        if _BULLET_START.search(reading.prose) else []
    if len(bullets) >= 2:
        return "a list of organizations: " + "; ".join(bullets[:4])
    for name in named:
        parts = _JOINED.split(name)
        if len(parts) == 2 and all(ORG_WORDS.search(p) or _TRAILING_PAREN.match(p.strip()) for p in parts) \
                and _TRAILING_PAREN.match(parts[1].strip()) and len(parts[0].split()) >= 2:
            return f"two organizations in one name: {name}"
    return None


def _country_from_text(text: str) -> str | None:
    for m in COUNTRY_PHRASES.finditer(text):
        words = m.group("country").split()
        for n in range(min(4, len(words)), 0, -1):
            code = lookup_exact(" ".join(words[:n]))
            if code and code not in NOT_A_HINT:
                return code
    return None


def _is_letter(attachment) -> bool:
    return attachment.content_type.startswith(LETTER_TYPES)


def _same(a: str, b: str, short_a: str | None, short_b: str | None) -> bool:
    ka, kb = _key(a), _key(b)
    shorts = {_key(x) for x in (short_a, short_b) if x}
    return ka == kb or ka in kb or kb in ka or ka in shorts or kb in shorts


def extract_endorsement(mail: ParsedMail, reading: Reading | None = None) -> Extraction:
    """The organization behind an endorsement, or review reasons where unsure."""
    reading = reading or read(mail)
    fields = reading.fields
    reasons: list[str] = []
    # candidates, most explicit first: (source, organization, short name, country code)
    candidates: list[tuple[str, str, str | None, str | None]] = []
    if fields.get("organization"):
        name, short = split_short_name(fields["organization"])
        candidates.append(("form", name, fields.get("short_name", "").strip("() ") or short, None))
    listed = listed_organizations(reading)
    for org, country in listed:
        name, short, _ = normalize_candidate(org)
        candidates.append(("list", name, short, lookup_exact(country) or resolve_country(country)[0]))
    for raw in prose_organizations(reading):
        candidates.append(("prose", *normalize_candidate(raw)))
    sig_org, sig_country = _signature_organization(_signature_lines(reading.content))
    if sig_org:
        candidates.append(("signature", *normalize_candidate(sig_org)))

    organization = short_name = country = country_text = None
    several = _several(reading, [c[1] for c in candidates if c[0] == "prose"]) or (
        "several organizations listed" if len(listed) >= 2 else None)
    individual = lexicon.INDIVIDUAL.search(reading.prose, reading.prose_lower)
    if several:
        reasons.append(several)
    elif individual:
        reasons.append(f"a person signing for themselves: {individual.group(0)!r}")
    elif candidates:
        source, organization, short_name, code = candidates[0]
        disagree = [c for c in candidates[1:] if not _same(organization, c[1], short_name, c[2])]
        if disagree and (source == "form" or disagree[0][0] != "signature"):
            reasons.append(f"fields disagree: {organization!r} and {disagree[0][1]!r}")
        short_name = short_name or next((c[2] for c in candidates[1:] if c[2] and _same(
            organization, c[1], None, c[2])), None)
        if fields.get("short_name"):
            short_name = fields["short_name"].strip("() ")
        if fields.get("country"):
            code, country_text = resolve_country(fields["country"])
            if code is None:
                reasons.append(f"country not recognized: {fields['country']!r}")
        else:
            code = code or next((c[3] for c in candidates if c[3]), None) or sig_country or \
                _country_from_text(reading.prose) or scan_country(ROLE.sub("", reading.prose.replace(organization, "")))
            country_text = display_name(code) if code else None
        country = code
        if country is None and not fields.get("country"):
            reasons.append("no country found")
    else:
        reasons.append("no organization found")
    if several or individual:
        organization = short_name = country = country_text = None

    contact_email, contact_name = _contact(fields, reading.sender)
    letters = [a for a in mail.attachments if _is_letter(a)]
    if letters and (organization is None or country is None):
        reasons.append("an attached letter may hold the endorsement: " + ", ".join(
            a.filename or a.content_type for a in letters))
    if "oversized" in " ".join(mail.defects):
        reasons.append("oversized message: not read")
    question = next((q for q in reading.prose_sentences if q.endswith(("?", "？")) or ASKING.search(q)), None)
    if question:
        # mixed intent ("we endorse it; will it go to the embassy?"): the question becomes an inquiry
        reasons.append(f"{ASKS}: {question[:80]!r}")
    return Extraction(organization=organization or None, short_name=short_name or None, country=country,
                      country_text=country_text, contact_email=contact_email, contact_name=contact_name,
                      review_reasons=tuple(dict.fromkeys(reasons)))


def _key(name: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()).strip()


def _contact(fields: dict[str, str], sender) -> tuple[str | None, str | None]:
    """(address, name) of the contact: a form's contact fields win over the sender's own."""
    found = _EMAIL.search(fields.get("contact_email", ""))
    email_addr = found.group(0).lower() if found else (sender.email if sender else None)
    name = fields.get("contact_name") or (sender.name if sender and sender.name else None)
    if name and _EMAIL.fullmatch(name.strip("<>")):
        name = None
    return email_addr, name


def extract_contact(mail: ParsedMail, reading: Reading | None = None) -> Extraction:
    """Just who wrote it, for kinds that carry no organization: the author, even of a forward."""
    reading = reading or read(mail)
    email_addr, name = _contact(reading.fields, reading.author)
    return Extraction(contact_email=email_addr, contact_name=name)
