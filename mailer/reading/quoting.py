"""Where a reply's quoted earlier message begins: the one reader for everything that wants the writer's own
words (a coordinator's answer or command, a yes or no to a confirmation, a subscriber's reply).  Pure.

Mail clients put the earlier message below the answer: as ``>`` lines, or under an "On … wrote:",
"-----Original Message-----" or Outlook "From: … Sent: …" block, in any of the statement's languages.  When
in doubt this cuts too much rather than too little: a word in the quoted request ("reply no to cancel") must
never decide anything, and the coordinators' copy must never reach an asker.  (Classifying every inbound
message, ``mailer.reading.text.strip_reply`` keeps a cheaper scan of its own, tried only on lines that hold one of
these words: it runs on the hot path that ``bench/parse.py`` measures.)
"""
from __future__ import annotations

import re

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
    # "On Monday, Desk <…> wrote" on one line, with or without a colon: opening with "On" says enough.
    r"^[ \t]*(on|le|el|em|pada|noong|am)\b[^\n]{0,300}\b(wrote|a [ée]crit|escribi[óo]|escreveu|menulis|schrieb|"
    r"sumulat|isinulat)[ \t]*:?[ \t]*$",
    r"^[ \t]*เมื่อ[^\n]{0,300}เขียนว่า\s*:?[ \t]*$",
    # A phone client's bare header line: "From: Desk <statement@…>".
    r"^[ \t]*(from|de|dari|von|mula kay|จาก)[ \t]*:[ \t][^\n]*@",
))


def own_text(text: str) -> str:
    """The writer's own lines: everything above the quoted earlier message and above the first ``>`` line
    (what follows a quote is not trusted to be the writer's answer)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text[:quote_start(text)].split("\n"):
        if line.lstrip().startswith(">"):
            break
        lines.append(line)
    return "\n".join(lines).strip()


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
