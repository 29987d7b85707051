"""``Label: value`` forms, as endorsers fill them in many languages.  Pure."""
from __future__ import annotations

import re

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
        "organisme", "structure", "pangalan ng samahan", "samahan", "entidad", "nombre del colectivo", "colectivo",
        "nombre de la entidad", "grupo", "nombre del grupo", "kumpulan", "nama kumpulan", "nom du collectif", "组织名称", "組織名稱", "组织", "組織", "团体名称", "團體名稱", "团体", "團體",
    ),
    "short_name": (
        "short name", "acronym", "abbreviation", "singkatan", "sigla", "siglas", "sigle", "akronim",
        "nama singkatan", "nama pendek", "pinaikling pangalan", "daglat", "ชื่อย่อ", "nom court", "abreviatura",
        "abbrev", "abbrev.", "abbr", "abbr.",
    ),
    "country": ("country", "país", "pais", "negara", "bansa", "pays", "ประเทศ", "country/territory",
                "country / territory", "location", "lokasi", "lugar", "kedudukan", "国家", "國家", "国家/地区"),
    "contact_name": (
        "contact person", "contact name", "contact", "name", "nama", "nombre", "nome", "pangalan", "nom",
        "responsable", "focal person", "representante", "wakil",
        "ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "persona de contacto", "pessoa de contato", "pessoa de contacto",
        "narahubung", "nama penghubung", "nama kontak", "kontak", "contacto", "contato", "your name",
        "taong makikipag-ugnayan", "personne de contact", "nom du contact", "ชื่อ", "ชื่อ-นามสกุล", "联系人", "聯絡人",
        "聯繫人",
    ),
    "contact_email": ("email", "e-mail", "email address", "e-mail address", "correo", "correo electrónico",
                      "surel", "courriel", "adresse e-mail", "อีเมล", "อีเมล์", "emel", "alamat email",
                      "电子邮件", "電子郵件", "邮箱", "電郵"),
}
_LABEL_TO_FIELD = {label: name for name, labels in FIELD_LABELS.items() for label in labels}
_FIELD_LINE = re.compile(r"^[ \t>]*[-*•]?[ \t]*\**([^\n:：]{1,40}?)\**[ \t]*[:：][ \t]*(.*?)[ \t]*$", re.MULTILINE)
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
