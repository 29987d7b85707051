"""Reply tokens: unguessable, stored hashed, found wherever a mail client keeps them.

A token is a prefix naming its purpose (``c`` confirm an endorsement) and 26
characters from a 32-letter alphabet without look-alikes: 130 random bits.
Lower case only, because some mail systems lower-case local parts.  It rides
in the Reply-To plus-address and in the subject, and is repeated in the body,
so a plain Reply finds its way back whatever the client keeps (Mailman reads
the same three places).
"""
from __future__ import annotations

import hashlib
import re
import secrets

ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
LENGTH = 26
PURPOSES = {"c": "confirm an endorsement", "q": "a coordinator answers an inquiry"}
PURPOSES.update({"w": "confirm a withdrawal", "r": "a coordinator decides a review item"})
PURPOSES.update({"s": "confirm a digest subscription", "u": "leave the digest (List-Unsubscribe)",
                 "b": "a digest bounced (VERP return path)"})
TOKEN_RE = re.compile(r"(?<![a-z0-9])([a-z])-([%s]{%d})(?![a-z0-9])" % (ALPHABET, LENGTH), re.IGNORECASE)
# A literal "-" first lets the regex engine skip ahead quickly; the full pattern then checks each hit.
_TOKEN_BODY = re.compile(r"-[%s]{%d}(?![a-z0-9])" % (ALPHABET, LENGTH), re.IGNORECASE)


def new_token(purpose: str, *, choice=secrets.choice) -> str:
    """A fresh token such as ``c-k3m…``; *choice* is injectable for tests only."""
    return f"{purpose}-" + "".join(choice(ALPHABET) for _ in range(LENGTH))


def hash_token(token: str) -> str:
    """What the database keeps: SHA-256 of the lower-cased token."""
    return hashlib.sha256(token.lower().encode("ascii")).hexdigest()


def find_tokens(*texts: str) -> tuple[str, ...]:
    """Every well-formed token in *texts*, lower-cased, first seen first."""
    found: dict[str, None] = {}
    for text in texts:
        if not text or not _TOKEN_BODY.search(text):
            continue
        for purpose, body in TOKEN_RE.findall(text):
            found.setdefault(f"{purpose.lower()}-{body.lower()}", None)
    return tuple(found)


def plus_address(address: str, token: str) -> str:
    """``statement@example.org`` + token → ``statement+c-…@example.org``."""
    local, _, domain = address.partition("@")
    return f"{local}+{token}@{domain}"


# ---- the thread marker -------------------------------------------------------------------------------------------
# Every mail Endorse sends ends with a short marker derived from its Message-ID ("ref E-3f9a2b7c1d"): a client
# that drops In-Reply-To and References (webmail forwards, some phones) still quotes the body, and the marker
# ties the answer to its conversation.  It grants nothing: what a reply may change still needs its token or the
# address the mail went to.
THREAD_MARK = re.compile(r"(?<![0-9a-z])ref E-([0-9a-f]{10})(?![0-9a-z])", re.IGNORECASE)


def thread_ref(message_id: str) -> str:
    """The marker's ten hex digits for one of our Message-IDs."""
    return hashlib.sha256(message_id.encode("utf-8", "surrogateescape")).hexdigest()[:10]


def thread_marker(message_id: str) -> str:
    return f"ref E-{thread_ref(message_id)}"


def thread_refs(*texts: str) -> tuple[str, ...]:
    """The markers quoted in *texts*, first seen first."""
    found: dict[str, None] = {}
    for text in texts:
        for ref in THREAD_MARK.findall(text or ""):
            found.setdefault(ref.lower(), None)
    return tuple(found)
