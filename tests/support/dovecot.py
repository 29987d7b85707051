"""A private Dovecot IMAP server on a free loopback port, and the accounts tests use on it.

Recipe and measurements: ../shared/docs/mail-servers.md §2. Start to greeting takes about 30 ms, stop about 1.1 s
(the master waits for its children), so one instance serves a whole session and each test takes a fresh user.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from imapclient import IMAPClient

from tests.support import free_port, scratch_base, scratch_dir

TEMPLATE = Path(__file__).with_name("dovecot.conf.tmpl")
DIR_PREFIX = "endorse-dovecot-"
OWNER_FILE = "owner.pid"  # the test process that started the instance
PASSWORD = "secret"  # the static passdb in the template accepts it for any user

# Without root, Dovecot cannot switch to its own users nor chroot: everything runs as the caller
# (verified as `nobody`, mail-servers.md §2). Later settings override earlier ones.
ROOTLESS = """
default_login_user = {USER}
default_internal_user = {USER}
default_internal_group = {GROUP}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
"""


def sweep_stale_dirs() -> None:
    """Remove the directories of instances whose test process died without teardown (killed, or piped into
    `head`); their Dovecot went with it (see _launch), only the files stayed behind in RAM."""
    for owner_file in scratch_base().glob(f"{DIR_PREFIX}*/{OWNER_FILE}"):
        try:
            os.kill(int(owner_file.read_text()), 0)
        except ProcessLookupError:
            shutil.rmtree(owner_file.parent, ignore_errors=True)
        except (OSError, ValueError):
            pass  # someone else's process, or a file being written: not ours to judge


def find_dovecot() -> str | None:
    """The dovecot binary, also when /usr/sbin is not on a non-root PATH."""
    return shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)), None
    )


@dataclass(frozen=True)
class StoredMessage:
    uid: int
    flags: tuple[bytes, ...]
    raw: bytes


@dataclass(frozen=True)
class FolderContents:
    """One folder as FETCH saw it: UIDVALIDITY (RFC 3501 §2.3.1.1) and its messages in UID order."""

    uidvalidity: int
    messages: tuple[StoredMessage, ...]

    def by_uid(self) -> dict[int, bytes]:
        return {m.uid: m.raw for m in self.messages}


@dataclass(frozen=True)
class ImapAccount:
    """Where and how to log in; with small helpers to seed a folder and to look at it in assertions."""

    host: str
    port: int
    user: str
    password: str

    def connect(self) -> IMAPClient:
        """A logged-in client; use it in ``with`` so it logs out. Plain IMAP: imapclient defaults to TLS."""
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=10)
        try:
            client.login(self.user, self.password)
        except BaseException:
            client.shutdown()
            raise
        return client

    def append(self, raw: bytes, folder: str = "INBOX", flags: Iterable[bytes | str] = ()) -> int:
        """APPEND raw bytes as they are, creating the folder if needed; returns the new UID (RFC 4315 APPENDUID)."""
        with self.connect() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            response = client.append(folder, raw, flags=tuple(flags))
        match = re.search(rb"\[APPENDUID \d+ (\d+)\]", response)
        if match is None:
            raise RuntimeError(f"APPEND answered without APPENDUID: {response!r}")
        return int(match.group(1))

    def folders(self) -> list[str]:
        with self.connect() as client:
            return sorted(name for _flags, _sep, name in client.list_folders())

    def fetch(self, folder: str = "INBOX") -> FolderContents:
        """Every message of a folder with its flags, read-only and without setting \\Seen."""
        with self.connect() as client:
            status = client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            rows = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
        messages = tuple(
            StoredMessage(uid=uid, flags=tuple(rows[uid][b"FLAGS"]), raw=rows[uid][b"BODY[]"]) for uid in sorted(rows)
        )
        return FolderContents(uidvalidity=int(status[b"UIDVALIDITY"]), messages=messages)


TLS_SETTINGS = """
ssl = yes
ssl_cert = <{D}/cert.pem
ssl_key = <{D}/key.pem
service imap-login {
  inet_listener imaps {
    port = {TLS_PORT}
    ssl = yes
  }
}
"""


def make_certificate(folder: Path) -> str:
    """A self-signed certificate for localhost and 127.0.0.1 (openssl, 2 days); returns the PEM's path."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem")], check=True, capture_output=True)
    os.chmod(folder / "key.pem", 0o644)      # read by Dovecot's login processes
    return str(folder / "cert.pem")


class Dovecot:
    """A private Dovecot in its own directory (on /dev/shm): ``start()``, ``new_account()``..., ``stop()``."""

    host = "127.0.0.1"

    def __init__(self, *, binary: str | None = None, startup_timeout: float = 10.0, tls: bool = False) -> None:
        """With ``tls=True``: STARTTLS on ``port`` and implicit TLS on ``tls_port``, with a fresh self-signed
        certificate for 127.0.0.1 whose path is ``ca_file``."""
        self.tls = tls
        self.tls_port = 0
        self.ca_file = ""
        self.binary = binary or find_dovecot()
        self.startup_timeout = startup_timeout
        self.port = 0
        self.dir: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Dovecot:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def new_account(self, prefix: str = "user") -> ImapAccount:
        """A user nobody has used: it logs in with PASSWORD and finds an empty INBOX."""
        if self._process is None:
            raise RuntimeError("Dovecot is not running")
        return ImapAccount(self.host, self.port, f"{prefix}-{uuid.uuid4().hex}@example.org", PASSWORD)

    def log(self) -> str:
        """Dovecot's own log and whatever the master printed, for error messages."""
        if self.dir is None:
            return ""
        parts = (self.dir / name for name in ("dovecot.log", "stdout.log"))
        return "\n".join(p.read_text(errors="replace") for p in parts if p.exists())

    def start(self) -> Dovecot:
        if self.binary is None:
            raise RuntimeError("dovecot is not installed (apt-get install dovecot-imapd; scripts/test does it)")
        sweep_stale_dirs()
        try:
            self.dir = scratch_dir(DIR_PREFIX)
            (self.dir / OWNER_FILE).write_text(str(os.getpid()))
            (self.dir / "mail").mkdir()
            if os.geteuid() == 0:
                # Dovecot refuses uid 0 for mail; the Debian `mail` user owns it instead.
                shutil.chown(self.dir / "mail", "mail", "mail")
            if self.tls:
                self.ca_file = make_certificate(self.dir)
            attempts = 0
            while True:
                attempts += 1
                self.port = free_port(self.host)
                self.tls_port = free_port(self.host) if self.tls else 0
                self._launch()
                if self._await_greeting():
                    return self
                in_use = "Address already in use" in self.log()
                self._terminate()
                # Another process may take the port between free_port() and Dovecot's bind: try another one.
                if not in_use or attempts == 3:
                    raise RuntimeError(f"Dovecot did not greet on {self.host}:{self.port}; its log:\n{self.log()}")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """SIGTERM the master and wait: it takes its children down (SIGKILL would leave them for ~10 s)."""
        self._terminate()
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def _config(self) -> str:
        assert self.dir is not None
        if os.geteuid() == 0:
            uid, gid, extra = "mail", "mail", ""
        else:
            uid, gid = str(os.getuid()), str(os.getgid())
            extra = ROOTLESS.replace("{USER}", pwd.getpwuid(os.getuid()).pw_name).replace(
                "{GROUP}", grp.getgrgid(os.getgid()).gr_name
            )
        text = TEMPLATE.read_text() + extra
        if self.tls:
            # later settings override earlier ones: TLS on, the imaps listener on a port of its own
            text += TLS_SETTINGS
        for key, value in {"{D}": str(self.dir), "{PORT}": str(self.port), "{UID}": uid, "{GID}": gid,
                           "{TLS_PORT}": str(self.tls_port)}.items():
            text = text.replace(key, value)
        return text

    def _launch(self) -> None:
        assert self.dir is not None and self.binary is not None
        conf = self.dir / "dovecot.conf"
        conf.write_text(self._config())
        command = [self.binary, "-F", "-c", str(conf)]  # -F: stays in the foreground, so our child is the master
        setpriv = shutil.which("setpriv")
        if setpriv:
            # If pytest dies without teardown (killed, or piped into `head`), the kernel sends the master SIGTERM.
            command = [setpriv, "--pdeathsig", "TERM", *command]
        with open(self.dir / "stdout.log", "wb") as out:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)

    def _await_greeting(self) -> bool:
        """True once the server says ``* OK``; False if the master exits or the deadline passes."""
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as s:
                    if s.recv(64).startswith(b"* OK"):
                        return True
            except OSError:
                pass
            time.sleep(0.01)
        return False

    def _terminate(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
