"""Settings files for tests: the defaults plus what a test points at (servers, folders, database)."""
from __future__ import annotations

from pathlib import Path

BASE = """\
[statement]
title = "Test Statement: Solidarity"
address = "statement@example.org"
sender_name = "Statement Desk"
coordinators = ["coord1@example.org", "coord2@example.org"]
"""


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_config(folder: Path, *, database_url: str, mailbox: dict | None = None, outgoing: dict | None = None,
                 extra: dict[str, dict] | None = None, base: str = BASE) -> Path:
    """Write ``folder/settings.toml``; by default a local Maildir in and out."""
    sections = {
        "mailbox": mailbox or {"kind": "maildir", "maildir": str(folder / "inbox")},
        "outgoing": outgoing or {"kind": "maildir", "maildir": str(folder / "sent")},
        "database": {"url": database_url},
        "digest": {"enabled": False},      # on only in the digest's own tests (it would mail coordinators)
        **(extra or {}),
    }
    text = base + "".join(
        f"\n[{name}]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in values.items())
        for name, values in sections.items())
    path = folder / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def imap_mailbox(account, **overrides) -> dict:
    """[mailbox] for a tests.support.dovecot.ImapAccount (plain IMAP on loopback)."""
    return {"kind": "imap", "host": account.host, "port": account.port, "tls": "plain", "user": account.user,
            "password_env": "ENDORSE_TEST_IMAP_PASSWORD", **overrides}


def smtp_outgoing(sink, **overrides) -> dict:
    """[outgoing] for a tests.support.smtp.SmtpSink."""
    return {"kind": "smtp", "host": sink.host, "port": sink.port, "tls": "plain", "retry_seconds": 1, **overrides}
