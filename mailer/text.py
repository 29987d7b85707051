"""The author's own words: quoted replies, signatures and forwarded messages told apart.

Pure.  No library covers the statement's languages (email-reply-parser and
mail-parser-reply know English and some European languages, not Indonesian,
Malay, Tagalog or Thai), so the separators are a table here, one regex each.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A line that starts the quoted earlier message in a reply.
REPLY_SEPARATORS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^\s*On\b.{0,200}\bwrote:\s*$",                               # Gmail, Apple Mail, Thunderbird (en)
    r"^\s*On\b.{0,200}$\n^.{0,200}\bwrote:\s*$",                    # the same, wrapped over two lines
    r"^\s*Le\b.{0,200}\ba [ée]crit\s*:\s*$",                        # fr
    r"^\s*El\b.{0,200}\bescribi[óo]\s*:\s*$",                       # es
    r"^\s*Em\b.{0,200}\bescreveu\s*:\s*$",                          # pt
    r"^\s*Pada\b.{0,200}\bmenulis\s*:\s*$",                         # id, ms
    r"^\s*Noong\b.{0,200}\b(sumulat|isinulat)\b.{0,40}:?\s*$",      # tl
    r"^\s*เมื่อ.{0,200}เขียนว่า\s*:?\s*$",                               # th
    r"^\s*-{2,}\s*Original Message\s*-{2,}\s*$",                    # Outlook, older clients
    r"^\s*-{2,}\s*(Mensaje original|Message d'origine|Mensagem original|Pesan Asli|Mesej Asal)\s*-{2,}\s*$",
    r"^\s*_{20,}\s*$\n^\s*(From|De|Dari|Von|Mula kay|จาก)\s*:",     # Outlook web/desktop: rule + header block
    r"^\s*(From|De|Dari)\s*:.*$\n^\s*(Sent|Enviado|Envoyé|Dikirim|Date|Fecha|Tanggal)\s*:.*$",
))
FORWARD_MARKERS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^\s*-{3,}\s*Forwarded message\s*-{3,}\s*$",                   # Gmail (en)
    r"^\s*-{3,}\s*(Pesan yang diteruskan|Mesej dimajukan|Message transféré|Mensaje reenviado|"
    r"Mensagem encaminhada|Ipinasang mensahe|ข้อความที่ส่งต่อ)\s*-{3,}\s*$",  # Gmail, other languages
    r"^\s*Begin forwarded message:\s*$",                            # Apple Mail
    r"^\s*-{3,}\s*Original Message\s*-{3,}\s*$",
    r"^\s*-{3,}\s*Forwarded Message\s*-{3,}\s*$",                   # Thunderbird
    r"^\s*-{5,}\s*(Début du message réexpédié|Inicio del mensaje reenviado)\s*:?\s*-*\s*$",
))
FORWARD_SUBJECT = re.compile(r"^\s*(fwd?|fw|tr|rv|enc|wg|doorst|vs|i)\s*:", re.IGNORECASE)
SIGNATURE_MARKERS = re.compile(
    r"^(-- ?|—|__+|Sent from my \w+.*|Sent from (Outlook|Yahoo Mail|Mail for Windows).*|"
    r"Get Outlook for \w+.*|Dikirim dari .*|Enviado desde mi .*|Envoyé de mon .*|Enviado do meu .*)\s*$",
    re.IGNORECASE)
PSEUDO_HEADER = re.compile(r"^\s*\*?(From|De|Dari|Von|Mula kay|จาก|Date|Sent|Fecha|Envoyé|Enviado|Tanggal|Data|"
                           r"Subject|Objet|Asunto|Assunto|Perihal|Subjek|Paksa|เรื่อง|To|À|Para|Kepada|Cc)\*?\s*:\s*(.*)$",
                           re.IGNORECASE)
_HEADER_NAMES = {"from": "from", "de": "from", "dari": "from", "von": "from", "mula kay": "from", "จาก": "from",
                 "subject": "subject", "objet": "subject", "asunto": "subject", "assunto": "subject",
                 "perihal": "subject", "subjek": "subject", "paksa": "subject", "เรื่อง": "subject"}


@dataclass(frozen=True)
class Forwarded:
    """A message forwarded inline: who wrote it and what it says."""

    sender_text: str
    subject: str
    body: str


def _first_match(patterns, text: str) -> int | None:
    best = None
    for pattern in patterns:
        m = pattern.search(text)
        if m and (best is None or m.start() < best):
            best = m.start()
    return best


def split_forward(text: str) -> tuple[str, Forwarded | None]:
    """(the forwarder's own words, the forwarded message) for an inline forward, else (text, None)."""
    flags = re.MULTILINE
    start = None
    for pattern in FORWARD_MARKERS:
        m = re.compile(pattern.pattern, pattern.flags | flags).search(text)
        if m and (start is None or m.start() < start[0]):
            start = (m.start(), m.end())
    if start is None:
        return text, None
    own, rest = text[:start[0]], text[start[1]:]
    lines = rest.lstrip("\n").split("\n")
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines) and (PSEUDO_HEADER.match(lines[i]) or (not lines[i].strip() and not fields)):
        m = PSEUDO_HEADER.match(lines[i])
        if m:
            name = _HEADER_NAMES.get(m.group(1).lower())
            if name and name not in fields:
                fields[name] = m.group(2).strip()
        i += 1
    body = "\n".join(lines[i:])
    return own, Forwarded(sender_text=fields.get("from", ""), subject=fields.get("subject", ""), body=body)


def strip_reply(text: str) -> str:
    """The new part of a reply: everything before the quoted earlier message, without '>' lines."""
    compiled = [re.compile(p.pattern, p.flags | re.MULTILINE) for p in REPLY_SEPARATORS]
    cut = _first_match(compiled, text)
    if cut is not None and text[:cut].strip():
        text = text[:cut]
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))


def strip_signature(text: str) -> tuple[str, str]:
    """(body, signature): the signature starts at a '-- ' line or a 'Sent from my …' line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and SIGNATURE_MARKERS.match(line.rstrip()):
            return "\n".join(lines[:i]), "\n".join(lines[i + 1:])
    return text, ""


def own_words(text: str) -> str:
    """The author's text: no quoted reply; signature kept (it often names the organization)."""
    return strip_reply(text)
