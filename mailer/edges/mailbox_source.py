"""Intake edge: the statement's mailbox over IMAP (imapclient) or as a local Maildir.

Both give the same small interface: a connection with a ``name``, a
``uidvalidity``, ``list_new(after)`` keys, ``fetch(keys)`` raw bytes, and
``mark_stored(keys)`` once the bytes are safely in the database.  Nothing is
marked or moved before that commit.
"""
from __future__ import annotations

import mailbox
import os
import re
import ssl
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Protocol, Sequence

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mailer.errors import TransientError
from mailer.settings import MailboxSettings
from mailer.settings import tls_context as make_tls_context


class MailboxConnection(Protocol):
    name: str
    uidvalidity: int
    ordered: bool        # True when keys are increasing UIDs (a cursor applies)

    def list_new(self, after: int) -> list: ...
    def fetch(self, keys: Sequence) -> dict: ...
    def mark_stored(self, keys: Sequence) -> None: ...


_PYTHON_MAILDIR_NAME = re.compile(r"^(\d+)\.M(\d+)P(\d+)Q(\d+)\.")
_LEADING_SECONDS = re.compile(r"^(\d+)")


def maildir_delivery_order(key: str) -> tuple:
    """Sort key putting Maildir keys in delivery order.

    Names begin with the delivery second; Python's ``mailbox`` then writes
    ``M<microseconds>P<pid>Q<counter>`` without zero padding, so plain string
    order puts ``M999`` after ``M1000``.  Other delivery agents' names sort by
    their second, then by name.
    """
    exact = _PYTHON_MAILDIR_NAME.match(key)
    if exact:
        seconds, micros, pid, counter = (int(part) for part in exact.groups())
        return (seconds, micros, counter, pid, key)
    leading = _LEADING_SECONDS.match(key)
    return (int(leading.group(1)) if leading else 0, 0, 0, 0, key)


class MaildirConnection:
    """A local Maildir: keys are Maildir file keys; stored mail is moved to the processed folder or flagged seen."""

    ordered = False
    uidvalidity = 0

    def __init__(self, path: Path, processed_folder: str = "", *, read_only: bool = False):
        self.path = Path(path)
        self.name = f"maildir:{self.path}"
        self.box = mailbox.Maildir(str(self.path), create=not read_only)
        self.processed = processed_folder
        self.read_only = read_only

    def list_new(self, after: int) -> list[str]:
        """Keys of messages not yet flagged seen (Maildir file names carry the flags after ":2,")."""
        keys = []
        for sub in ("new", "cur"):
            for name in os.listdir(self.path / sub):
                if name.startswith("."):
                    continue
                key, _, info = name.partition(":")
                if "S" not in info.partition(",")[2]:
                    keys.append(key)
        return sorted(keys, key=maildir_delivery_order)

    def fetch(self, keys: Sequence[str]) -> dict[str, bytes]:
        out = {}
        for key in keys:
            try:
                out[key] = self.box.get_bytes(key)
            except KeyError:
                continue
        return out

    def mark_stored(self, keys: Sequence[str]) -> None:
        if self.read_only:
            return
        target = None
        if self.processed:
            target = self.box.add_folder(self.processed) if self.processed not in self.box.list_folders() \
                else self.box.get_folder(self.processed)
        for key in keys:
            try:
                msg = self.box.get_message(key)
            except KeyError:
                continue
            msg.set_subdir("cur")
            msg.add_flag("S")
            if target is not None:
                target.add(msg)
                self.box.discard(key)
            else:
                self.box[key] = msg


class ImapConnection:
    """One logged-in IMAP session on the configured folder (RFC 3501; MOVE per RFC 6851)."""

    ordered = True

    def __init__(self, client: IMAPClient, settings: MailboxSettings, *, read_only: bool = False):
        self.client, self.settings, self.read_only = client, settings, read_only
        self.name = f"imap:{settings.user}@{settings.host}:{settings.port}/{settings.folder}"
        info = client.select_folder(settings.folder, readonly=read_only)     # EXAMINE when read-only
        self.uidvalidity = int(info[b"UIDVALIDITY"])
        self._can_move = b"MOVE" in client.capabilities()

    def list_new(self, after: int) -> list[int]:
        # "UID n:*" always matches the highest UID, even below n: filter (RFC 3501 §6.4.8).
        return sorted(uid for uid in self.client.search(["UID", f"{after + 1}:*"]) if uid > after)

    def fetch(self, keys: Sequence[int]) -> dict[int, bytes]:
        data = self.client.fetch(list(keys), ["BODY.PEEK[]"])
        return {uid: item[b"BODY[]"] for uid, item in data.items() if b"BODY[]" in item}

    def mark_stored(self, keys: Sequence[int]) -> None:
        if not keys or self.read_only:
            return
        self.client.add_flags(list(keys), [b"\\Seen"], silent=True)
        folder = self.settings.processed_folder
        if not folder:
            return
        if not self.client.folder_exists(folder):
            self.client.create_folder(folder)
        if self._can_move:
            self.client.move(list(keys), folder)
        else:
            self.client.copy(list(keys), folder)
            self.client.delete_messages(list(keys), silent=True)
            self.client.uid_expunge(list(keys))


@contextmanager
def connect_mailbox(settings: MailboxSettings, *, tls_context: ssl.SSLContext | None = None,
                    read_only: bool = False) -> Iterator[MailboxConnection]:
    """Open the configured mailbox (read-only: nothing flagged or moved); IMAP failures become
    :class:`TransientError`."""
    if settings.kind == "maildir":
        yield MaildirConnection(settings.maildir, settings.processed_folder, read_only=read_only)
        return
    tls_context = tls_context or make_tls_context(settings.ca_file)
    try:
        client = IMAPClient(settings.host, port=settings.port, ssl=settings.tls == "tls",
                            ssl_context=tls_context, timeout=60)
        if settings.tls == "starttls":
            client.starttls(tls_context)
        client.login(settings.user, settings.password.read())
    except (IMAPClientError, OSError) as exc:
        raise TransientError(f"cannot open the IMAP mailbox {settings.host}:{settings.port}: {exc}") from exc
    try:
        yield ImapConnection(client, settings, read_only=read_only)
    except (IMAPClientError, OSError) as exc:
        raise TransientError(f"IMAP mailbox {settings.host}: {exc}") from exc
    finally:
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the connection may already be gone
            pass
