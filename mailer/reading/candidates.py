"""Every place an organization's name or its country can be in a message, as candidates with their features.

Pure.  A careful person looks at the form, the subject, the sentence that signs, the signature, the sender's
name and domain, and weighs them against each other; here each of those places gives candidates, and the
learned ranker (:mod:`mailer.reading.learned`) weighs them with the weights it learned from many writers.  The
hand-written extractor's answer is one more source among them.

A candidate's features are short strings, as for the kind (:mod:`mailer.reading.features`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from mailer.model import ParsedMail
from mailer.settings import FREE_MAIL_DOMAINS
from mailer.reading import lexicon
from mailer.reading.concepts import concepts
from mailer.reading.countries import NOT_A_HINT, city_country, lookup_exact, scan_country, unspaced_names
from mailer.reading.extract import (ROLE, _signature_lines, listed_organizations, prose_organizations,
                                    normalize_candidate, split_short_name)
from mailer.reading.features import words
from mailer.reading.own_words import Reading

_LABEL_LINE = re.compile(r"^[ \t>]*[-*•#]*[ \t]*\**([^\n:：]{1,40}?)\**[ \t]*[:：][ \t]*(.+?)[ \t]*$", re.MULTILINE)
_MD_LINK = re.compile(r"\[([^\]\n]{2,120})\]\((?:https?://|mailto:)[^)\s]+\)")
_BOLD = re.compile(r"\*\*([^*\n]{2,120})\*\*")
_QUOTED_NAME = re.compile(r"[\"“«]([^\"”»\n]{3,120})[\"”»]")
_SUBJECT_SPLIT = re.compile(r"\s*(?:[:|｜–—]|\s-\s|/\s)\s*")
_CONNECTOR = (r"(?:of|for|the|and|on|in|at|de|del|des|du|da|do|dos|das|la|le|les|el|los|las|di|della|delle|dei|degli|"
              r"dell['’]|d['’]|l['’]|dan|ng|mga|sa|para|und|für|der|die|den|dem|des|i|y|e|et|à|a|&|pour|por|per|van|"
              r"voor|het|en|od|na|ve|wa|ya|la|za|cho|của|và|au|aux|zu|zur|zum|im|am|von|vom)")
_NAME_WORD = r"(?:[#A-ZÀ-ÝĀ-Ž0-9][\w&'’.\-*]*|\([^)\n]{1,30}\)|e\.\s?V\.)"
_CAPITALIZED_RUN = re.compile(rf"(?:(?<=[\s(\[\"“«])|^)({_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s*)*{_NAME_WORD})+)")
_FOOTER = re.compile(
    r"(?i)^(sent from|sent with|get outlook|envoyé de|envoyé depuis|enviado desde|enviado do|enviado de|gesendet von|"
    r"gesendet mit|von meinem|inviato da|enviat des|dikirim dari|dihantar dari|ipinadala mula|ส่งจาก|보낸|から送信|"
    r"发自|發自|gửi từ|iphone'umdan|tarafından gönderildi|imetumwa kutoka|أرسلت من|مرسل من|भेजा गया|ارسال شده)")
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&\-]{1,11})(?![\w-])")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_VERBISH = re.compile(
    r"\b(endorse|sign|support|join|would|want|confirm|please|thank|attached|hereby|dukung|sokong|firma|signe|assina|"
    r"unterzeichn|unterstütz|firmem|adherim|sottoscri|aderisc|imza|tunaunga)", re.IGNORECASE)
_STOP_START = {"we", "i", "our", "my", "the", "this", "please", "dear", "hello", "hi", "kami", "saya", "nous", "je",
               "nosotros", "nós", "wir", "ich", "noi", "nosaltres", "biz", "ben", "sisi", "mimi", "thank", "thanks",
               "yes", "re", "fwd", "fw"}
MAX_CANDIDATES = 50


_NON_WORD = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(the|la|le|el|los|las|les|l|o|a|os|as|die|der|das|il|lo|gli|ang)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PARTS = re.compile(r",| - | \| | – | — |/")
_AFTER_FROM = re.compile(r"(?i)\b(?:from|by|von|de|dari|mula sa|da|par|per|di)\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """How two spellings of one name compare: accents, case, punctuation and a leading article do not count."""
    text = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return _LEADING_ARTICLE.sub("", text)


@dataclass
class Candidate:
    """One possible organization name, with where it was found."""

    name: str
    short: str | None = None
    country: str | None = None          # alpha-2 read from the name's own tail ("X, Kenya")
    sources: set[str] = field(default_factory=set)
    first_at: int = 10_000              # character offset of the first sighting in the writer's text

    @property
    def key(self) -> str:
        return name_key(self.name)


_LABEL_ONLY = re.compile(r"^[ \t>]*[-*•#]*[ \t]*\**([^\n:：]{1,40}?)\**[ \t]*[:：][ \t]*$", re.MULTILINE)


def label_values(text: str) -> list[tuple[str, str, int]]:
    """``Label: value`` lines, and labels whose value is on the next line (forms pasted from the web)."""
    found = [(m.group(1).strip("*_ \t").lower(), m.group(2), m.start(2)) for m in _LABEL_LINE.finditer(text)]
    for m in _LABEL_ONLY.finditer(text):
        rest = text[m.end():m.end() + 200].lstrip("\n")
        value = rest.split("\n", 1)[0].strip()
        if value and ":" not in value[:40]:
            found.append((m.group(1).strip("*_ \t").lower(), value, m.end()))
    return found


def _spans(raw: str) -> list[tuple[str, str]]:
    """*raw* and its shorter spans that start and end like a name, each with how it was cut: ``""`` (all of it),
    ``"trim"`` (only words that are not a name's were cut: greetings, roles, verbs, lower-case words) or
    ``"part"`` (name-like words were cut too).  "Liebe Leute Das Solidaritätsnetz Bern" → "Das
    Solidaritätsnetz Bern" (trim), "Solidaritätsnetz Bern" (part), …: the ranker picks among them."""
    tokens = raw.split()
    if len(tokens) <= 1:
        return [(raw, "")]
    if len(tokens) > 14 or raw.isupper():
        # a long run, or text in capitals: spans that begin at a word organizations are named with
        spans = [(raw, "")] if len(tokens) <= 14 else []
        for i, w in enumerate(tokens):
            if "ORGANIZATION" in concepts(_ELISION.sub("", w)):
                spans += [(" ".join(tokens[i:j]), "part") for j in range(i + 1, min(i + 11, len(tokens) + 1))]
        return spans[:24]
    namey = [_ELISION.sub("", w)[:1].isupper() or w[:1] in "#(" or not w[:1].isascii() or w[:1].isdigit()
             for w in tokens]
    junk = [not namey[k] or bool(concepts(w) & _NOT_NAME) for k, w in enumerate(tokens)]
    starts = [i for i, ok in enumerate(namey) if ok]
    ends = [j for j, w in enumerate(tokens, 1) if namey[j - 1] or w[-1:] in ")." or w.isupper()]
    spans = [(raw, "")]
    for i in starts:
        for j in ends:
            if j > i and (i, j) != (0, len(tokens)):
                cut = all(junk[:i]) and all(junk[j:])
                spans.append((" ".join(tokens[i:j]), "trim" if cut else "part"))
    return spans[:12]


_NOT_NAME = {"GREETING", "ROLE", "SIGN", "THANKS", "YES", "QUESTION"}
_UNSPACED_ORG = re.compile(
    r"(?:สหภาพ|สมาพันธ์|สมาคม|เครือข่าย|มูลนิธิ|กลุ่ม|ขบวนการ|สหพันธ์|พรรค|ชมรม|สภา|องค์กร|ศูนย์|工会|協會|协会|联盟|聯盟|"
    r"委員会|委员会|労働組合|組合|協会|연대|노동조합|위원회|협회)[^\s,.;:!?()（）、。，\n]{1,60}")
_ELISION = re.compile(r"^(?:l|d|dell|all|nell|dall|sull|qu|s)['’]", re.IGNORECASE)


def _add(found: dict[str, Candidate], raw: str, source: str, at: int = 10_000) -> None:
    for suffix, name, short, code, key in _sightings(raw):
        _keep(found, key, name, short, code, source + suffix, at)


# One sighting: how the raw text was cut (appended to its source), the name, short name and country code it gives,
# and the name's key.
Sighting = tuple[str, str, "str | None", "str | None", str]


@lru_cache(maxsize=16384)
def _sightings(raw: str) -> tuple[Sighting, ...]:
    """Every candidate name that the raw text *raw* gives, in order: a pure function of the text, so a line that
    comes back (a signature, a subject, a sentence of a campaign text) is cut and normalized once."""
    out: list[Sighting] = []
    _cut(raw, "", out)
    return tuple(out)


def _cut(raw: str, suffix: str, out: list[Sighting]) -> None:
    raw = raw.lstrip(" \t>").strip(" \t*_#-•·,;:.\"“”«»'!¡?¿")
    if not raw or len(raw) < 2 or _EMAIL.fullmatch(raw) or _URL.match(raw):
        return
    if len(raw) > 160:
        for sentence in _SENTENCE_END.split(raw):
            if sentence.strip() and len(sentence) <= 160:
                _cut(sentence, suffix, out)
        return
    head, colon, value = raw.partition(": ")
    if colon and len(head) <= 40 and value.strip():
        _cut(value, suffix + "~after_label", out)
    for span, cut in _spans(raw):
        _normalized(span, suffix + ("~" + cut if cut else ""), out)


def _normalized(raw: str, suffix: str, out: list[Sighting]) -> None:
    name, short, code = normalize_candidate(raw)
    name = name.strip(" \t*_#-•,;:.\"“”«»")
    if len(name) < 2:
        return
    if code is not None:            # "… de Côte d'Ivoire" may be the name itself: keep that reading too
        whole, whole_short = split_short_name(raw)
        if name_key(whole) != name_key(name):
            whole = whole.strip(" ,")
            out.append((suffix + "~with_place", whole, whole_short, code, name_key(whole)))
    out.append((suffix, name, short, code, name_key(name)))


def _keep(found: dict[str, Candidate], key: str, name: str, short: str | None, code: str | None, source: str,
          at: int) -> None:
    if not key:
        return
    have = found.get(key)
    if have is None:
        if len(found) >= MAX_CANDIDATES:
            return
        found[key] = have = Candidate(name, short, code)
    have.sources.add(source)
    have.first_at = min(have.first_at, at)
    have.short = have.short or short
    have.country = have.country or code


def organization_candidates(mail: ParsedMail, reading: Reading, rule_pick: str | None) -> list[Candidate]:
    """Every span that might be the endorsing organization's name, deduplicated by :func:`name_key`."""
    found: dict[str, Candidate] = {}
    content = reading.content[:3000]
    if rule_pick:
        _add(found, rule_pick, "rule")
    for label, value, at in label_values(content[:2000]):
        if _EMAIL.search(value) and len(value) < 80 and "@" in value.split()[0]:
            continue
        _add(found, value, "label:" + "_".join(words(label)[:3]), at)
    for org, country in listed_organizations(reading):
        _add(found, f"{org}, {country}", "listing", content.find(org))
    for raw in prose_organizations(reading):
        _add(found, raw, "prose", content.find(raw))
    for i, line in enumerate(_signature_lines(content)):
        if _EMAIL.search(line) or _URL.search(line):
            continue
        _add(found, line, f"signature_line{min(i, 4)}", content.rfind(line))
        for part in _PARTS.split(line):
            part = ROLE.sub("", part.strip()).strip(" ,")
            if part and part != line.strip():
                _add(found, part, "signature_part", content.rfind(part))
    subject = reading.subject
    if subject:
        _add(found, subject, "subject")
        for part in _SUBJECT_SPLIT.split(subject):
            _add(found, part, "subject_part")
            tail = _AFTER_FROM.split(part, maxsplit=1)
            if len(tail) == 2:
                _add(found, tail[1], "subject_after_from")
    for pattern, source in ((_MD_LINK, "markdown_link"), (_BOLD, "bold"), (_QUOTED_NAME, "quoted")):
        for m in pattern.finditer(content[:2000]):
            _add(found, m.group(1), source, m.start(1))
    for m in _CAPITALIZED_RUN.finditer(content[:2000]):
        if len(m.group(1).split()) >= 2:
            _add(found, m.group(1), "capitalized", m.start(1))
    for m in _ACRONYM.finditer(content[:2000]):
        _add(found, m.group(1), "acronym", m.start(1))
    for m in _UNSPACED_ORG.finditer(content[:2000]):          # Thai, Chinese, Japanese: from an organization word on
        _add(found, m.group(0), "unspaced_org", m.start())
    first = next((ln.strip() for ln in content.split("\n") if ln.strip()), "")
    if 2 < len(first) < 120:
        _add(found, first, "first_line", content.find(first))
    if mail.sender and mail.sender.name:
        _add(found, mail.sender.name, "display_name")
    return list(found.values())


def none_features(reading: Reading, what: str) -> list[str]:
    """The option "the message names no organization" (or no country): what the message says that makes it
    likely (a person signing for themselves, no organization word anywhere)."""
    said = concepts(reading.content[:1500])
    feats = [f"none:{what}"] + [f"none_k:{c}" for c in sorted(said)]
    if "ORGANIZATION" not in said and "ORGANIZATION" not in concepts(reading.subject):
        feats.append("none_no_org_word")
    return feats


def _initials(name: str) -> str:
    return "".join(w[0] for w in _LETTERS.findall(name) if w[0].isupper() or len(w) > 3).lower()


@dataclass(frozen=True)
class MessageView:
    """What every candidate of one message is compared with, worked out once per message."""

    sender_key: str
    domain_label: str
    free_mail: bool
    subject_key: str
    rule_key: str
    form_key: str
    content_lower: str


def message_view(mail: ParsedMail, reading: Reading, rule_pick: str | None) -> MessageView:
    sender = mail.sender
    domain = sender.email.rpartition("@")[2].lower() if sender else ""
    form_org = reading.fields.get("organization")
    return MessageView(
        sender_key=name_key(sender.name) if sender and sender.name else "",
        domain_label=domain.split(".")[0],
        free_mail=bool(domain) and (domain in FREE_MAIL or domain.split(".", 1)[-1] in FREE_MAIL),
        subject_key=name_key(reading.subject),
        rule_key=name_key(rule_pick) if rule_pick else "",
        form_key=name_key(split_short_name(form_org)[0]) if form_org else "",
        content_lower=reading.content.lower())


def candidate_features(c: Candidate, view: MessageView) -> list[str]:
    """What the ranker weighs about one candidate: its words (cached by name), where it was found, and how it
    compares with the sender, the subject, the form and the rules' pick."""
    name, key = c.name, c.key
    has_org_word, feats = _name_features(name)
    feats = list(feats)
    feats += [f"src:{s}" for s in sorted(c.sources)]
    feats += sorted({f"src:{s.split('~')[0]}" for s in c.sources if s.endswith("~trim")})
    if any(s.endswith("~trim") for s in c.sources):
        feats.append("trimmed")
    feats.append(f"nsrc:{min(len(c.sources), 4)}")
    if c.short:
        feats.append("has_short")
    if c.country:
        feats.append("has_country_tail")
    if view.sender_key:
        if view.sender_key == key:
            feats.append("is_display_name")
        elif set(view.sender_key.split()) & set(key.split()):
            feats.append("shares_display_name_word")
    label = view.domain_label
    if len(label) >= 2 and (label == _initials(name) or (c.short and label == c.short.lower())
                            or label in key.replace(" ", "")):
        feats.append("domain_match")
    if view.free_mail:
        feats.append("free_mail")
    if key and key in view.subject_key:
        feats.append("in_subject")
        if key == view.subject_key:
            feats.append("is_subject")
    if view.rule_key and view.rule_key == key:
        feats.append("rule_pick")
    if view.form_key and view.form_key == key:
        feats.append("form_organization")          # "Organisation:", "Nama organisasi:", "組織名稱:" …
    occurrences = view.content_lower.count(name.lower()) if len(name) > 3 else 0
    feats.append(f"occurs:{min(occurrences, 3)}")
    feats.append(f"at:{_position(c.first_at)}")
    if has_org_word:
        feats += [f"src_x_org:{s}" for s in sorted(c.sources)]
    return feats


@lru_cache(maxsize=32768)
def _name_features(name: str) -> tuple[bool, tuple[str, ...]]:
    """The features of a candidate that depend on its words alone."""
    ws = name.split()
    lower_words = words(name)
    feats = [f"nwords:{min(len(ws), 9)}", f"nchars:{min(len(name) // 10, 8)}"]
    if lower_words:
        feats += [f"first_concept:{k}" for k in sorted(concepts(ws[0]))]
        feats += [f"last_concept:{k}" for k in sorted(concepts(ws[-1]))]
        feats.append(f"first:{lower_words[0][:12]}")
        feats.append(f"last:{lower_words[-1][:12]}")
    org_word = bool(lexicon.ORG_WORDS.search(name, name.lower()))
    if org_word:
        feats.append("org_word")
    if name.isupper() and len(name) <= 12:
        feats.append("all_caps_short")
    caps = sum(1 for w in ws if w[:1].isupper())
    feats.append(f"caps_ratio:{round(4 * caps / max(len(ws), 1))}")
    if any(ch.isdigit() for ch in name):
        feats.append("digit")
    if lower_words and lower_words[0] in _STOP_START:
        feats.append("stop_start")
    if _VERBISH.search(name):
        feats.append("verbish")
    if _SENTENCE_INSIDE.search(name):
        feats.append("sentence_inside")
    if ROLE.match(name):
        feats.append("role_start")
    if _FOOTER.match(name):
        feats.append("footer")
    if ws and not (ws[0][:1].isupper() or not ws[0][:1].isascii() or ws[0][:1] in "#("):
        feats.append("lower_start")
    if ws and ws[-1][:1].islower():
        feats.append("lower_end")
    feats += [f"concept:{k}" for k in sorted(concepts(name))]
    if lookup_exact(name):
        feats.append("is_country")
    elif _scan(name):
        feats.append("country_inside")
    return org_word, tuple(feats)


@lru_cache(maxsize=16384)
def _scan(text: str) -> str | None:
    return scan_country(text)


def _position(at: int) -> str:
    for edge in (0, 80, 300, 1000, 3000):
        if at <= edge:
            return str(edge)
    return "far"


# Domains where anyone can open an address: the domain says nothing about the organization (one list with the
# policy's default, policy.free_mail_domains).
FREE_MAIL = frozenset(FREE_MAIL_DOMAINS)


# ---- countries -------------------------------------------------------------------------------------------------------

@dataclass
class CountryCandidate:
    code: str
    sources: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)
    count: int = 0
    first_at: int = 10_000


_LOCATION_CUE = re.compile(
    r"(?i)\b(from|in|based in|di|dari|sa|en|au|aux|em|no|na|du|de|aus|in|da|dal|della|del|desde|depuis|"
    r"den|dan)\s+$")
_WORD_RUN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
CCTLD_IGNORED = {"co", "io", "me", "tv", "cc", "ws", "fm", "am", "ai", "ly", "to", "nu", "eu"}


def country_candidates(mail: ParsedMail, reading: Reading, org: Candidate | None) -> list[CountryCandidate]:
    """Every country the message names for the organization, with where it was named."""
    found: dict[str, CountryCandidate] = {}

    def add(code: str | None, source: str, text: str = "", at: int = 10_000) -> None:
        if not code or code in NOT_A_HINT:
            return
        cc = found.setdefault(code, CountryCandidate(code))
        cc.sources.add(source)
        cc.count += 1
        cc.first_at = min(cc.first_at, at)
        if text and text not in cc.texts:
            cc.texts.append(text)

    content = reading.content[:3000]
    for m in _LABEL_LINE.finditer(content[:2000]):
        value = m.group(2).strip()
        code = lookup_exact(value) or scan_country(value)
        if code:
            label = "_".join(words(m.group(1))[:2])
            add(code, f"label:{label}", value, m.start(2))
    if org is not None and org.country:
        add(org.country, "org_tail")
    if org is not None:
        add(scan_country(org.name), "in_org_name")
        for word in _LONG_WORD.findall(org.name):
            if word[:1].isupper() or not word[:1].isascii():
                add(city_country(word), "city_in_org_name", word)
    signature = _signature_lines(content)
    for line in signature:
        if "@" in line:
            continue
        add(lookup_exact(line.strip(" .")) or scan_country(line), "signature", line)
    add(scan_country(reading.subject), "subject", reading.subject)
    for word in _LONG_WORD.findall(reading.subject):
        if word[:1].isupper():
            add(city_country(word), "city_subject", word)
    text = content[:1500]
    runs, starts, ends = word_runs(text)
    for i in _place_starts(runs):
        start = starts[i]
        first = runs[i][:1]
        named = first.isupper() or not first.isascii()
        for n in ((3, 2, 1) if named else (1,)):        # names of places begin with a capital (or another script)
            if i + n > len(runs):
                continue
            span = text[start:ends[i + n - 1]]
            code = lookup_exact(span)
            city = None if code or not named else city_country(span)
            if code or city:
                cue = bool(_LOCATION_CUE.search(text[max(0, start - 12):start]))
                source = "text_cued" if cue else ("text_capitalized" if span[:1].isupper() else "text_lower")
                add(code or city, ("city_" if city else "") + source, span, start)
                break
    for name, code in unspaced_names(text):
        at = text.find(name)
        if at >= 0:
            add(code, "text_unspaced", name, at)
    if mail.sender:
        tld = mail.sender.email.rpartition(".")[2].lower()
        if len(tld) == 2 and tld not in CCTLD_IGNORED:
            code = "GB" if tld == "uk" else tld.upper()
            if code in found:
                found[code].sources.add("cctld")
    return list(found.values())


_WORD_RUN_PIECES = re.compile(f"({_WORD_RUN.pattern})")


def word_runs(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words of *text* (:data:`_WORD_RUN`: letters, with apostrophes and hyphens inside), where each starts
    and where it ends: one split into words and what lies between them, and the offsets summed in C, instead of
    a match object per word."""
    pieces = _WORD_RUN_PIECES.split(text)             # [between, word, between, word, …, between]
    offsets = list(accumulate(map(len, pieces), initial=0))
    return pieces[1::2], offsets[1:-1:2], offsets[2:-1:2]


def _place_starts(words: list[str]) -> list[int]:
    """The words where a place's name may start: a capitalized word (or one in another script), which may begin
    a name of up to three words or a city, and a lower-case word only when it is a country's name by itself.
    Most words of a message are neither, and are passed over in one C-level pass of cached lookups."""
    lower = {word for word in words if "a" <= word[0] <= "z"}     # a word's first letter is a-z, or it is named
    country_words = {word for word in lower if lookup_exact(word)}
    return [i for i, word in enumerate(words) if word not in lower or word in country_words]


def country_features(cc: CountryCandidate, total: int) -> list[str]:
    feats = [f"src:{s}" for s in sorted(cc.sources)]
    feats.append(f"nsrc:{min(len(cc.sources), 4)}")
    feats.append(f"count:{min(cc.count, 4)}")
    feats.append(f"at:{_position(cc.first_at)}")
    feats.append(f"rivals:{min(total - 1, 3)}")
    if cc.code in ("PS", "IL", "US", "GB"):
        feats.append("statement_topic")          # Palestine, Israel, the US and the UK are what it is about
    return feats
