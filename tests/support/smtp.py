"""An SMTP sink on a free loopback port that records every message and can be told to refuse some.

aiosmtpd runs its own event loop in a thread (starts in ~3 ms), so synchronous tests and subprocesses alike can
send to it. Like Mailman's test MTA, it answers 4xx/5xx on demand to exercise retries and permanent failures.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support import free_port

STAGES = ("RCPT", "DATA")


@dataclass(frozen=True)
class Captured:
    """One accepted message: the envelope (``mail_from`` is "" for ``MAIL FROM:<>``) and the bytes as received."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes


class SmtpSink:
    """``start()``, send, then ``messages`` / ``wait_for(n)``; ``fail_next(...)`` makes it refuse; ``clear()``.

    With ``credentials=(login, password)`` it also offers AUTH PLAIN/LOGIN without TLS (not required).
    """

    host = "127.0.0.1"

    def __init__(self, *, credentials: tuple[str, str] | None = None, tls_context=None) -> None:
        """``tls_context`` (an ssl.SSLContext for the server) offers STARTTLS and requires it."""
        self.credentials = credentials
        self.tls_context = tls_context
        self.port = 0
        self._controller: Controller | None = None
        self._changed = threading.Condition()
        self._messages: list[Captured] = []
        self._faults: dict[str, deque[str]] = {stage: deque() for stage in STAGES}

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> SmtpSink:
        self.port = free_port(self.host)
        auth = {"authenticator": self._authenticate, "auth_require_tls": False} if self.credentials else {}
        if self.tls_context is not None:
            auth |= {"tls_context": self.tls_context, "require_starttls": True}
        self._controller = Controller(_Handler(self), hostname=self.host, port=self.port, **auth)
        self._controller.start()
        return self

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    @property
    def messages(self) -> list[Captured]:
        with self._changed:
            return list(self._messages)

    def clear(self) -> None:
        """Forget the messages and any pending refusals: the state a new test expects."""
        with self._changed:
            self._messages.clear()
            for queue in self._faults.values():
                queue.clear()

    def fail_next(self, stage: str, code: int, text: str, *, times: int = 1) -> None:
        """Answer the next ``times`` RCPT or DATA commands with ``code text`` instead of 250, then 250 again.

        ``fail_next("DATA", 451, "4.3.0 Try again later")`` is a transient failure that a retry gets past;
        ``fail_next("RCPT", 550, "5.1.1 No such user")`` a permanent one.
        """
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}, not {stage!r}")
        if not 400 <= code < 600:
            raise ValueError(f"a refusal is a 4xx or 5xx code, not {code}")
        with self._changed:
            self._faults[stage].extend([f"{code} {text}"] * times)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[Captured]:
        """The messages once there are at least ``count``; AssertionError naming what came if they do not."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self._messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"expected {count} message(s) within {timeout} s, got {len(self._messages)}: {self._messages!r}"
                    )
                self._changed.wait(left)
            return list(self._messages)

    def _take_fault(self, stage: str) -> str | None:
        with self._changed:
            queue = self._faults[stage]
            return queue.popleft() if queue else None

    def _capture(self, message: Captured) -> None:
        with self._changed:
            self._messages.append(message)
            self._changed.notify_all()

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        assert self.credentials is not None
        login, password = self.credentials
        ok = isinstance(auth_data, LoginPassword) and auth_data == (login.encode(), password.encode())
        return AuthResult(success=ok, handled=False)


class _Handler:
    """aiosmtpd's hooks; all state stays in the SmtpSink (its lock guards it: the hooks run in the server thread)."""

    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        fault = self.sink._take_fault("RCPT")
        if fault is not None:
            return fault
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        fault = self.sink._take_fault("DATA")
        if fault is not None:
            return fault
        # aiosmtpd keeps the null reverse-path as "<>"; "" is how aiosmtplib and the tests spell it.
        mail_from = "" if envelope.mail_from == "<>" else envelope.mail_from
        self.sink._capture(Captured(mail_from, tuple(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"
