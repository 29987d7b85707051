"""What makes two copies of a message the same message: its Message-ID and its content, not its bytes.  Pure.

A mailbox restored from a backup or moved by a migration tool (imapsync, Gmail's and Thunderbird's exports, an
mbox round trip) holds copies that gained or lost transport headers: ``Received`` lines, ``X-Gmail-Labels``,
``Status``, a ``From `` line, CRLF turned into LF.  The identity hashes the Message-ID with the content without
them (:data:`TRACE`), so such a copy is known and never handled twice, while a message that differs in what
its writer wrote (From, To, Subject, Date, the body) is another message.
"""
from __future__ import annotations

import hashlib
import re

# Headers a transport, a mail store or a migration adds or rewrites: not part of what the writer sent.
TRACE = re.compile(
    rb"^(?:received|x-received|return-path|delivered-to|x-original-to|x-original-[\w-]+|envelope-to|"
    rb"authentication-results|arc-[\w-]+|received-spf|x-spam[\w-]*|x-virus[\w-]*|x-ms-exchange-[\w-]+|"
    rb"x-gmail-[\w-]+|x-gm-[\w-]+|x-mozilla-[\w-]+|x-apple-[\w-]+|x-uid|x-keywords|x-imap[\w-]*|status|"
    rb"x-status|content-length|lines|x-migrat[\w-]*|x-imapsync[\w-]*|x-dovecot-[\w-]+|x-evolution[\w-]*|"
    rb"x-account-key|x-identity-key|x-ignore-[\w-]+)\s*:", re.IGNORECASE)
_FIELD_START = re.compile(rb"^[!-9;-~]+\s*:")


def normalized_content(raw: bytes) -> bytes:
    """The writer's part of *raw*: header fields without :data:`TRACE` ones (order kept), the body, LF line ends,
    no trailing spaces, no mbox ``From `` line."""
    text = raw.replace(b"\r\n", b"\n")
    if text.startswith(b"From "):
        text = text.partition(b"\n")[2]
    head, sep, body = text.partition(b"\n\n")
    fields: list[list[bytes]] = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1].append(line.strip())
        elif _FIELD_START.match(line):
            fields.append([line.rstrip()])
    kept = [b" ".join(f) for f in fields if not TRACE.match(f[0])]
    lines = [ln.rstrip() for ln in body.split(b"\n")]
    while lines and not lines[-1]:
        lines.pop()
    return b"\n".join(kept) + b"\n\n" + b"\n".join(lines)


def message_identity(message_id: str, raw: bytes) -> tuple[str, str]:
    """(identity, content hash): the same Message-ID and writer's content are the same message wherever met."""
    content = hashlib.sha256(normalized_content(raw)).hexdigest()
    return hashlib.sha256(f"{message_id}\0{content}".encode("utf-8", "surrogateescape")).hexdigest(), content
