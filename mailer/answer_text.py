"""A coordinator's reply → the words the asker reads, and the ``#note`` lines that stay internal.

Pure.  What must never reach the asker: the coordinators' copy that a mail
client quotes below the answer (as ``>`` lines, or below an "On … wrote:",
"-----Original Message-----" or Outlook "From: … Sent: …" block, in any of the
statement's languages), the coordinators' ``#note`` lines, and any reply
token.  When in doubt this cuts too much rather than too little: the answer
ends at the first line that looks like the start of a quoted message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import TOKEN_RE

_M = re.MULTILINE | re.IGNORECASE
WROTE = r"(wrote|a [ée]crit|escribi[óo]|escreveu|menulis|schrieb|sumulat|isinulat)\s*:[ \t]*$"
# Each pattern matches the first line of a quoted earlier message; the earliest match wins.
QUOTE_STARTS = tuple(re.compile(p, _M) for p in (
    # "On Mon, 3 Jun 2024 at 10:00, Desk <desk@…> wrote:" in our languages: a date or time (a digit) must be
    # in it, so that a sentence ending in "wrote:" is not taken for one; Gmail wraps it over two lines.
    r"^[^\n]{0,300}\d[^\n]{0,300}\b" + WROTE,
    r"^[ \t]*(on|le|el|em|pada|noong|am)\b[^\n]{0,300}\n[^\n]{0,300}\b" + WROTE,
    r"^[^\n]{0,300}\d[^\n]{0,300}เขียนว่า\s*:?[ \t]*$",
    r"^[ \t]*เมื่อ[^\n]{0,300}\n[^\n]{0,300}เขียนว่า\s*:?[ \t]*$",
    r"^[ \t]*-{2,}[ \t]*(original message|forwarded message|mensaje original|mensaje reenviado|message d'origine|"
    r"message transf[ée]r[ée]|mensagem original|mensagem encaminhada|pesan asli|pesan yang diteruskan|"
    r"mesej asal|mesej dimajukan)[ \t]*-{2,}",
    r"^[ \t]*begin forwarded message:",
    r"^[ \t]*_{10,}[ \t]*$",                                         # Outlook's rule above the header block
    # Outlook's header block without a rule: From: … then Sent:/Date: within two lines.
    r"^[ \t]*\*?(from|de|dari|von|mula kay|จาก)\*?[ \t]*:[^\n]*\n([^\n]*\n){0,2}?"
    r"[ \t]*\*?(sent|date|envoy[ée]|enviado|dikirim|tanggal|fecha|data|gesendet|dihantar|ipinadala|วันที่)\*?[ \t]*:",
))
NOTE = re.compile(r"^\s*#note\b[:\s]*", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    text: str      # for the asker
    notes: str     # the coordinators' own, never sent


def quote_start(text: str, markers: tuple[str, ...] = ()) -> int:
    """Where the quoted earlier message begins in *text* (its length when nothing is quoted).

    *markers* are strings that only our own copy contains (e.g. its reference
    line): a line holding one is quoted text whatever the client did to it.
    """
    starts = [m.start() for m in (p.search(text) for p in QUOTE_STARTS) if m]
    for marker in filter(None, markers):
        found = text.find(marker)
        if found >= 0:
            starts.append(text.rfind("\n", 0, found) + 1)
    return min(starts, default=len(text))


def read_answer(text: str, *, markers: tuple[str, ...] = ()) -> Answer:
    """Split a coordinator's reply into the answer for the asker and the internal notes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    own = text[:quote_start(text, markers)]
    public: list[str] = []
    notes: list[str] = []
    for line in own.split("\n"):
        if line.lstrip().startswith(">"):
            continue
        if NOTE.match(line):
            notes.append(NOTE.sub("", line, count=1).rstrip())
        else:
            public.append(line.rstrip())
    answer = TOKEN_RE.sub("[…]", "\n".join(public)).strip("\n")
    return Answer(text=answer if answer.strip() else "", notes="\n".join(n for n in notes if n))
