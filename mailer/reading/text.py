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
    r"^\s*-{3,}\s*Forwarded Message\s*-{3,}\s*$",                   # Thunderbird
    r"^\s*-{5,}\s*(Début du message réexpédié|Inicio del mensaje reenviado)\s*:?\s*-*\s*$",
))
FORWARD_SUBJECT = re.compile(r"^\s*(fwd?|fw|tr|rv|enc|wg|doorst|vs|i)\s*:", re.IGNORECASE)
SIGNATURE_MARKERS = re.compile(
    r"^(-- ?|—|__+|Sent from my \w+.*|Sent from (Outlook|Yahoo Mail|Mail for Windows).*|"
    r"Get Outlook for \w+.*|Dikirim dari .*|Dihantar dari .*|Ipinadala mula sa .*|Enviado desde mi .*|Envoyé de mon .*|"
    r"Enviado do meu .*|ส่งจาก .*|发自我的.*|從我的.*傳送)\s*$",
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


_REPLY_SEPARATORS_M = tuple(re.compile(p.pattern, p.flags | re.MULTILINE) for p in REPLY_SEPARATORS)
_FORWARD_MARKERS_M = tuple(re.compile(p.pattern, p.flags | re.MULTILINE) for p in FORWARD_MARKERS)
# A separator can only be there if one of these is: checked with `in`, far cheaper than the regexes.
_REPLY_STEMS = ("wrote", "écrit", "ecrit", "escribi", "escreveu", "menulis", "sumulat", "isinulat", "เขียนว่า",
                "original", "origine", "mensaje", "mensagem", "pesan asli", "mesej asal", "____", "from:", "de:",
                "dari:", "von:", "mula kay", "จาก")


def _first_match(patterns, text: str) -> int | None:
    best = None
    for pattern in patterns:
        m = pattern.search(text)
        if m and (best is None or m.start() < best):
            best = m.start()
    return best


# Outlook forwards with no marker line: "Original Message", a rule and/or a header block (From/Sent/To/Subject).
# Only a subject such as "FW:" makes these a forward: in a reply they start the quoted message.
OUTLOOK_FORWARD = re.compile(r"^(?:\s*-{3,}\s*Original Message\s*-{3,}\s*\n)?(?:\s*_{10,}\s*\n)?\s*\*?(From|De|Dari|Von)\*?\s*:.*\n\s*\*?(Sent|Date|Enviado|Envoy[ée]|"
                             r"Dikirim|Tanggal|Fecha|Data)\*?\s*:", re.IGNORECASE | re.MULTILINE)


def split_forward(text: str, *, subject_says_forward: bool = False) -> tuple[str, Forwarded | None]:
    """(the forwarder's own words, the forwarded message) for an inline forward, else (text, None).

    A subject such as ``FW:`` also lets an Outlook header block (``From: … Sent: …``) start the forward.
    """
    start = None
    if "---" in text or "forwarded" in text.lower() or "begin" in text.lower():
        for pattern in _FORWARD_MARKERS_M:
            m = pattern.search(text)
            if m and (start is None or m.start() < start[0]):
                start = (m.start(), m.end())
    if start is None and subject_says_forward:
        m = OUTLOOK_FORWARD.search(text)
        if m:
            start = (m.start(), m.start())
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
    """The new part of a reply: everything before the quoted earlier message, without '>' lines.

    The separators are only tried on the lines (and the line after, for wrapped "On … wrote:") that hold one
    of their words: a long message costs a scan of its lines, not a dozen regexes over all of it.
    """
    lower = text.lower()
    cut = None
    if any(map(lower.__contains__, _REPLY_STEMS)):
        lines = text.split("\n")
        offset = 0
        for i, line in enumerate(lines):
            if any(map(line.lower().__contains__, _REPLY_STEMS)):     # a wrapped "On …" sits on the line before
                window = "\n".join(lines[max(0, i - 1):i + 2])
                hit = _first_match(_REPLY_SEPARATORS_M, window)
                if hit is not None:
                    cut = offset - (len(lines[i - 1]) + 1 if i else 0) + hit
                    break
            offset += len(line) + 1
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


_FIELD_LIKE = re.compile(r"^\s*([-*•]|\d+[.)]|[^:：\n]{1,40}[:：])")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines (mutt, format=flowed, Outlook at 72-78 columns) back into paragraphs.

    A line of 55 characters or more followed by a non-empty line that is not a field or a list item is
    taken as wrapped.  Short lines (signatures, addresses, forms) stay as they are.
    """
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and len(out[-1].rstrip()) >= 55 and line.strip() and not _FIELD_LIKE.match(line) \
                and not out[-1].rstrip().endswith((":", "：", ".", "!", "?", "。", "！", "？")):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)
