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
