"""Organization, short name, country and contact from an endorsement's text.

Pure.  Reads ``Label: value`` forms in the statement's languages; what it is
unsure of is named in ``Extraction.review_reasons`` so that a coordinator
looks before anything is published.
"""
from __future__ import annotations

import re

from .countries import resolve_country
from .model import Extraction, ParsedMail

# field -> labels people use for it (lower case, without the colon)
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "organization": (
        "organisation", "organization", "organisation name", "organization name", "name of organisation",
        "name of organization", "organisation's name", "organization's name", "org", "group", "organización",
        "organizacion", "nombre de la organización", "nombre de la organizacion", "organisasi", "nama organisasi",
        "pertubuhan", "nama pertubuhan", "organisasyon", "pangalan ng organisasyon", "organização",
        "organizacao", "nome da organização", "nome da organizacao", "ชื่อองค์กร", "องค์กร", "nom de l'organisation",
        "nom de l’organisation", "endorsing organisation", "endorsing organization",
    ),
    "short_name": (
        "short name", "acronym", "abbreviation", "singkatan", "sigla", "siglas", "sigle", "akronim",
        "nama singkatan", "pinaikling pangalan", "ชื่อย่อ", "nom court",
    ),
    "country": ("country", "país", "pais", "negara", "bansa", "pays", "ประเทศ", "country/territory"),
    "contact_name": (
        "contact person", "contact name", "contact", "name", "nama", "nombre", "nome", "pangalan", "nom",
        "ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "persona de contacto", "pessoa de contato", "narahubung",
        "nama penghubung", "your name",
    ),
    "contact_email": ("email", "e-mail", "correo", "correo electrónico", "surel", "courriel", "อีเมล", "emel"),
}
_LABEL_TO_FIELD = {label: name for name, labels in FIELD_LABELS.items() for label in labels}
_FIELD_LINE = re.compile(r"^\s*[-*•]?\s*([^\n:：]{1,40}?)\s*[:：]\s*(.+?)\s*$", re.MULTILINE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^()]+)\)\s*$")


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
    name = name.strip().rstrip(".,;")
    m = _TRAILING_PAREN.match(name)
    if not m:
        return name, None
    return m.group("name").strip(), m.group("short").strip()


def extract_endorsement(mail: ParsedMail, text: str | None = None) -> Extraction:
    """The organization behind an endorsement, or review reasons where unsure."""
    body = mail.text if text is None else text
    fields = form_fields(body)
    reasons: list[str] = []
    organization = short_name = None
    if "organization" in fields:
        organization, short_name = split_short_name(fields["organization"])
    if fields.get("short_name"):
        short_name = fields["short_name"].strip("() ")
    country = country_text = None
    if "country" in fields:
        country, country_text = resolve_country(fields["country"])
        if country is None:
            reasons.append(f"country not recognized: {fields['country']!r}")
    contact_email = None
    if "contact_email" in fields:
        found = _EMAIL.search(fields["contact_email"])
        contact_email = found.group(0).lower() if found else None
    if contact_email is None and mail.sender:
        contact_email = mail.sender.email
    contact_name = fields.get("contact_name") or (mail.sender.name if mail.sender else "") or None
    if organization is None:
        reasons.append("no organization found")
    if country is None and "country" not in fields:
        reasons.append("no country found")
    if mail.attachments:
        reasons.append("attachment may hold the endorsement: " + ", ".join(
            a.filename or a.content_type for a in mail.attachments))
    return Extraction(organization=organization, short_name=short_name or None, country=country,
                      country_text=country_text, contact_email=contact_email, contact_name=contact_name,
                      review_reasons=tuple(reasons))


def extract_contact(mail: ParsedMail) -> Extraction:
    """Just who wrote it: for kinds that carry no organization."""
    if mail.sender is None:
        return Extraction()
    return Extraction(contact_email=mail.sender.email, contact_name=mail.sender.name or None)
