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

from mailer.reading.quoting import quote_start
from mailer.reading.tokens import TOKEN_RE

NOTE = re.compile(r"^\s*#note\b[:\s]*", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    text: str      # for the asker
    notes: str     # the coordinators' own, never sent


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
