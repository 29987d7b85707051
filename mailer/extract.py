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

from .countries import lookup_exact, resolve_country
from .lexicon import CLOSINGS, ORG_WORDS
from .model import Extraction, ParsedMail
from .reading import Reading, read, sentences
from .text import strip_signature

# field -> labels people use for it (lower case, without the colon)
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "organization": (
        "organisation", "organization", "organisation name", "organization name", "name of organisation",
        "name of organization", "organisation's name", "organization's name", "organisation’s name",
        "organization’s name", "org", "org name", "group", "group name", "endorsing organisation",
        "endorsing organization", "organización", "organizacion", "nombre de la organización",
        "nombre de la organizacion", "organisasi", "nama organisasi", "nama lembaga", "lembaga",
        "pertubuhan", "nama pertubuhan", "organisasyon", "pangalan ng organisasyon", "samahan",
        "organização", "organizacao", "nome da organização", "nome da organizacao", "entidade",
        "ชื่อองค์กร", "องค์กร", "ชื่อองค์การ", "องค์การ", "nom de l'organisation", "nom de l’organisation",
        "organisme", "structure",
    ),
    "short_name": (
        "short name", "acronym", "abbreviation", "singkatan", "sigla", "siglas", "sigle", "akronim",
        "nama singkatan", "nama pendek", "pinaikling pangalan", "daglat", "ชื่อย่อ", "nom court", "abreviatura",
    ),
    "country": ("country", "país", "pais", "negara", "bansa", "pays", "ประเทศ", "country/territory",
                "country / territory", "location", "lokasi", "lugar", "kedudukan"),
    "contact_name": (
        "contact person", "contact name", "contact", "name", "nama", "nombre", "nome", "pangalan", "nom",
        "ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "persona de contacto", "pessoa de contato", "pessoa de contacto",
        "narahubung", "nama penghubung", "nama kontak", "kontak", "contacto", "contato", "your name",
        "taong makikipag-ugnayan", "personne de contact", "nom du contact", "ชื่อ", "ชื่อ-นามสกุล",
    ),
    "contact_email": ("email", "e-mail", "email address", "e-mail address", "correo", "correo electrónico",
                      "surel", "courriel", "adresse e-mail", "อีเมล", "อีเมล์", "emel", "alamat email"),
}
_LABEL_TO_FIELD = {label: name for name, labels in FIELD_LABELS.items() for label in labels}
_FIELD_LINE = re.compile(r"^[ \t>]*[-*•]?[ \t]*\**([^\n:：]{1,40}?)\**[ \t]*[:：][ \t]*(.*?)[ \t]*$", re.MULTILINE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<short>[^()（）]+)[)）]\s*$")
_ABBREV = re.compile(r"^[#A-Z0-9][A-Z0-9&.\-/#]{1,14}$")
_QUOTES = str.maketrans({"\u201c": "", "\u201d": "", "\u201e": "", "\u00ab": "", "\u00bb": "", '"': ""})
ATTACHMENT_LETTER = re.compile(r"\b(attach|attached|enclosed|lampiran|terlampir|dilampirkan|nakalakip|ci-joint|"
                               r"pi[èe]ce jointe|adjunt[oa]|anexo|anexa|em anexo)\b|แนบ", re.IGNORECASE)
LETTER_TYPES = ("application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument",
                "application/vnd.oasis.opendocument", "image/")

# Prose patterns that name the organization; group "org" is the name as written.
_ORG_CHARS = r"[^\n.;:!?]{2,140}?"
PROSE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<org>{_ORG_CHARS})\s*(?:,|\bwe\b|\bI\b|\bhereby\b|\bwould\b|\bendorse)",
    rf"^\s*we\s*,\s*(?:the\s+)?(?P<org>{_ORG_CHARS})\s*,\s*(?:hereby\s+)?(?:endorse|sign|support|join|would|wish|are)",
    rf"\bwe\s+(?:at|from)\s+(?:the\s+)?(?P<org>{_ORG_CHARS})\s*,?\s*(?:hereby\s+|would\s+|wish\s+|are\s+|fully\s+)?"
    r"(?:endorse|sign|support|join|like|happy|glad|proud)",
    rf"^\s*(?:the\s+)?(?P<org>[#A-Z][^\n.;:!?]{{1,140}}?)\s+(?:hereby\s+|fully\s+|proudly\s+)?"
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
))
COUNTRY_PHRASES = re.compile(
    r"\b(?:from|in|based\s+in|di|dari|sa|en|au|aux|em|no|na|du|de)\s+(?:the\s+)?"
    r"(?P<country>[A-ZÀ-Ý][\w’'\- ]{2,40}?)(?=[\s,.;)!?]|$)", re.UNICODE)


def form_fields(text: str) -> dict[str, str]:
    """First value of each known ``Label: value`` line, by field name."""
    fields: dict[str, str] = {}
    for label, value in _FIELD_LINE.findall(text):
        key = re.sub(r"\s+", " ", label.strip("*_ \t").lower())
        name = _LABEL_TO_FIELD.get(key)
        value = value.strip().strip("*_").strip()
        if name and value and name not in fields:
            fields[name] = value
    return fields


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


def split_country_suffix(text: str) -> tuple[str, str | None]:
    """``Socialist Alliance, Australia`` → ("Socialist Alliance", "Australia") when the tail is a country."""
    head, sep, tail = text.rpartition(",")
    if sep and head.strip() and resolve_country(tail)[0]:
        return head.strip(), tail.strip()
    for word in (" from ", " in ", " dari ", " di ", " de ", " du ", " en ", " em ", " sa "):
        head, sep, tail = text.rpartition(word)
        if sep and head.strip() and lookup_exact(tail.strip(" .")):
            return head.strip(), tail.strip(" .")
    return text, None


def _prose_organizations(text: str) -> list[str]:
    found = []
    for sentence in sentences(text):
        if sentence.endswith(("?", "？")):
            continue
        for pattern in PROSE_PATTERNS:
            m = pattern.search(sentence)
            if m:
                org = m.group("org").strip()
                if org.lower().split(" ")[0] in ("we", "i", "us", "kami", "nous", "our", "my"):
                    continue
                found.append(org)
                break
    return found


def _signature_lines(text: str) -> list[str]:
    body, signature = strip_signature(text)
    lines = [ln.strip() for ln in text.split("\n")]
    for i, line in enumerate(lines):
        if CLOSINGS.match(line):
            return [ln for ln in lines[i + 1:] if ln][:8]
    return [ln.strip() for ln in signature.split("\n") if ln.strip()][:8]


def _signature_organization(lines: list[str]) -> tuple[str | None, str | None]:
    """(organization line, country text) from a signature block."""
    org = country = None
    for line in lines:
        if _EMAIL.search(line) or re.search(r"https?://|www\.|\+?\d[\d\s\-()]{6,}", line):
            continue
        if lookup_exact(line.strip(" .")):
            country = country or line.strip(" .")
            continue
        candidate = line
        if "," in line or " - " in line or " | " in line:
            parts = [p.strip() for p in re.split(r",| - | \| | – ", line) if p.strip()]
            with_org = [p for p in parts if ORG_WORDS.search(p) or _TRAILING_PAREN.match(p)]
            if parts and lookup_exact(parts[-1]) and len(parts) > 1:
                country = country or parts[-1]
            if with_org:
                candidate = with_org[0]
        if org is None and (ORG_WORDS.search(candidate) or _TRAILING_PAREN.match(candidate)) and len(candidate) < 140:
            org = candidate
    return org, country


def _country_from_text(text: str) -> str | None:
    for m in COUNTRY_PHRASES.finditer(text):
        words = m.group("country").split()
        for n in range(min(4, len(words)), 0, -1):
            candidate = " ".join(words[:n])
            if lookup_exact(candidate):
                return candidate
    return None


def _is_letter(attachment) -> bool:
    return attachment.content_type.startswith(LETTER_TYPES)


def extract_endorsement(mail: ParsedMail, reading: Reading | None = None) -> Extraction:
    """The organization behind an endorsement, or review reasons where unsure."""
    reading = reading or read(mail)
    text = reading.content
    fields = form_fields(text)
    reasons: list[str] = []

    candidates: list[tuple[str, str]] = []        # (source, name as written)
    if fields.get("organization"):
        candidates.append(("form", fields["organization"]))
    prose = _prose_organizations(text)
    candidates += [("prose", p) for p in prose]
    sig_org, sig_country = _signature_organization(_signature_lines(text))
    if sig_org:
        candidates.append(("signature", sig_org))

    organization = short_name = None
    written_country = fields.get("country")
    if candidates:
        source, raw = candidates[0]
        raw, tail_country = split_country_suffix(clean_name(raw))
        organization, short_name = split_short_name(raw)
        written_country = written_country or tail_country
        distinct = {_key(split_short_name(split_country_suffix(clean_name(c))[0])[0]) for s, c in candidates
                    if s != "signature" or source == "signature"}
        if len(distinct) > 1:
            reasons.append("the message names more than one organization: " + "; ".join(c for _, c in candidates))
        if re.search(r"\s(and|&|dan|at|et|y|e)\s", organization) and len(ORG_WORDS.findall(organization)) >= 2 \
                and source != "form":
            reasons.append(f"may be two organizations: {organization}")
    if fields.get("short_name"):
        short_name = fields["short_name"].strip("() ")
    written_country = written_country or sig_country or _country_from_text(text)

    country = country_text = None
    if written_country:
        country, country_text = resolve_country(written_country)
        if country is None:
            reasons.append(f"country not recognized: {written_country!r}")
    else:
        reasons.append("no country found")

    sender = reading.sender
    contact_email = None
    if fields.get("contact_email"):
        found = _EMAIL.search(fields["contact_email"])
        contact_email = found.group(0).lower() if found else None
    contact_email = contact_email or (sender.email if sender else None)
    contact_name = fields.get("contact_name") or (sender.name if sender and sender.name else None)
    if contact_name and _EMAIL.fullmatch(contact_name.strip("<>")):
        contact_name = None

    if organization is None:
        reasons.append("no organization found (a person, not an organization?)")
    letters = [a for a in mail.attachments if _is_letter(a)]
    if letters and (organization is None or ATTACHMENT_LETTER.search(text)):
        reasons.append("an attached letter may hold the endorsement: " + ", ".join(
            a.filename or a.content_type for a in letters))
    if "oversized" in " ".join(mail.defects):
        reasons.append("oversized message: not read")
    return Extraction(organization=organization or None, short_name=short_name or None, country=country,
                      country_text=country_text, contact_email=contact_email, contact_name=contact_name,
                      review_reasons=tuple(reasons))


def _key(name: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()).strip()


def extract_contact(mail: ParsedMail, reading: Reading | None = None) -> Extraction:
    """Just who wrote it: for kinds that carry no organization."""
    reading = reading or read(mail)
    fields = form_fields(reading.content)
    sender = reading.sender
    email_addr = None
    if fields.get("contact_email"):
        found = _EMAIL.search(fields["contact_email"])
        email_addr = found.group(0).lower() if found else None
    email_addr = email_addr or (sender.email if sender else None)
    name = fields.get("contact_name") or (sender.name if sender and sender.name else None)
    return Extraction(contact_email=email_addr, contact_name=name)


def extract_withdrawal(mail: ParsedMail, reading: Reading | None = None) -> Extraction:
    """A withdrawal names its organization where it can; no review reasons (the registry matches it)."""
    e = extract_endorsement(mail, reading)
    return Extraction(organization=e.organization, short_name=e.short_name, country=e.country,
                      country_text=e.country_text, contact_email=e.contact_email, contact_name=e.contact_name)
