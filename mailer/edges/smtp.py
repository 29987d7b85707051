"""Delivery edge: SMTP through aiosmtplib, or a local Maildir when no SMTP is configured.

Both take a batch of :class:`Envelope` values and return one :class:`Result`
each; a 4xx or lost connection is transient, a 5xx permanent (RFC 5321 §4.2.1).
One SMTP connection carries a whole batch.  A :class:`Journal` hears of each
message just before its SMTP transaction begins (and may forbid it) and of its
result as soon as the server answers, so a kill -9 mid-batch leaves at most one
message whose fate is unknown.
"""
from __future__ import annotations

import asyncio
import mailbox
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Protocol, Sequence

import aiosmtplib

from mailer.settings import OutgoingSettings
from mailer.settings import tls_context as make_tls_context


@dataclass(frozen=True)
class Envelope:
    key: int                 # the outbox row's id
    mail_from: str
    recipient: str
    raw: bytes


@dataclass(frozen=True)
class Result:
    key: int
    ok: bool
    permanent: bool = False
    detail: str = ""
    outage: bool = False     # the server's state, not this message's: no connection, 421, the sender refused


class Journal(Protocol):
    def handing(self, key: int) -> bool: ...       # durable before the transaction; False: do not send this one
    def done(self, result: Result) -> None: ...


class NoJournal:
    """For callers that record the results themselves, after the batch."""

    def handing(self, key: int) -> bool:
        return True

    def done(self, result: Result) -> None:
        pass


class Sender(Protocol):
    def send(self, batch: Sequence[Envelope], journal: Journal = NoJournal()) -> list[Result]: ...


class MaildirSender:
    """Writes each message into a local Maildir so a person can read what would have gone out."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def send(self, batch: Sequence[Envelope], journal: Journal = NoJournal()) -> list[Result]:
        box = mailbox.Maildir(str(self.path), create=True)
        results = []
        for env in batch:
            if not journal.handing(env.key):
                continue
            msg = mailbox.MaildirMessage(b"X-Envelope-From: <%s>\r\nX-Envelope-To: <%s>\r\n" % (
                env.mail_from.encode(), env.recipient.encode()) + env.raw)
            box.add(msg)
            results.append(Result(env.key, True, detail=f"written to {self.path}"))
            journal.done(results[-1])
        return results


def _classify_response(code: int, message: str) -> tuple[bool, str]:
    """(permanent?, detail) for an SMTP reply code."""
    return code >= 500, f"{code} {message}".strip()


class SmtpSender:
    """aiosmtplib over TLS, STARTTLS or plain (loopback only), with login when a user is set."""

    def __init__(self, settings: OutgoingSettings, *, tls_context: ssl.SSLContext | None = None):
        self.settings = settings
        self.tls_context = tls_context or (make_tls_context(settings.ca_file) if settings.tls != "plain" else None)

    def send(self, batch: Sequence[Envelope], journal: Journal = NoJournal()) -> list[Result]:
        if not batch:
            return []
        return asyncio.run(self._send(batch, journal))

    async def _send(self, batch: Sequence[Envelope], journal: Journal) -> list[Result]:
        results: list[Result] = []
        client, problem = await open_connection(self.settings, self.tls_context)
        if client is None:
            return [Result(e.key, False, False, problem, outage=True) for e in batch]
        skipped = set()
        try:
            for env in batch:
                if not journal.handing(env.key):
                    skipped.add(env.key)
                    continue
                results.append(await send_one(client, env))
                journal.done(results[-1])
                if not client.is_connected:
                    break
        finally:
            await close_connection(client)
        done = {r.key for r in results} | skipped
        results += [Result(e.key, False, False, "connection lost before sending", outage=True)
                    for e in batch if e.key not in done]
        return results


NETWORK_ERRORS = (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError)


async def open_connection(s: OutgoingSettings, tls_context: ssl.SSLContext | None = None
                          ) -> tuple[aiosmtplib.SMTP | None, str]:
    """A connected (and logged-in) client, or None and why not."""
    if tls_context is None and s.tls != "plain":
        tls_context = make_tls_context(s.ca_file)
    client = aiosmtplib.SMTP(hostname=s.host, port=s.port, timeout=s.timeout_seconds,
                             use_tls=s.tls == "tls", start_tls=s.tls == "starttls", tls_context=tls_context)
    try:
        await client.connect()
        if s.user:
            await client.login(s.user, s.password.read())
    except aiosmtplib.SMTPAuthenticationError as exc:
        return None, f"login refused: {exc.code} {exc.message}"
    except NETWORK_ERRORS as exc:
        return None, f"cannot connect: {exc}"
    return client, ""


async def close_connection(client: aiosmtplib.SMTP) -> None:
    if client.is_connected:
        try:
            await client.quit()
        except NETWORK_ERRORS:
            client.close()


async def send_one(client: aiosmtplib.SMTP, env: Envelope, ready: Awaitable[bool] | None = None) -> Result | None:
    """One message over an open connection; 4xx and lost connections are transient, 5xx permanent.

    With *ready* (the journal's hand-over mark being committed) the transaction is taken step by step so that
    the commit overlaps the MAIL and RCPT round trips: the message's data goes only once *ready* says True;
    on False (another worker owns the message now) the envelope is reset and None returned.
    """
    outage = False
    try:
        if ready is None:
            await client.sendmail(env.mail_from, [env.recipient], env.raw)
            return Result(env.key, True, detail="250 accepted")
        await client.mail(env.mail_from, options=[f"SIZE={len(env.raw)}"] if client.supports_extension("size")
                          else [])
        await client.rcpt(env.recipient)
        try:
            go = await ready
        except Exception:
            await client.rset()          # the mark could not be written: leave no envelope open, send nothing
            raise
        if not go:
            await client.rset()
            return None
        await client.data(env.raw)
        return Result(env.key, True, detail="250 accepted")
    except aiosmtplib.SMTPRecipientsRefused as exc:
        first = exc.recipients[0]
        permanent, detail = _classify_response(first.code, first.message)
    except aiosmtplib.SMTPSenderRefused as exc:       # our envelope sender: the server's or our configuration
        permanent, detail, outage = False, "the server refuses our sender: " + _classify_response(
            exc.code, exc.message)[1], True
    except aiosmtplib.SMTPResponseException as exc:
        permanent, detail = _classify_response(exc.code, exc.message)
        outage = exc.code == 421                      # "service not available": the server, not the message
        permanent = permanent and not outage
    except NETWORK_ERRORS as exc:
        permanent, detail, outage = False, f"connection problem: {exc}", True
    if client.is_connected:
        try:  # leave the session clean for the next message
            await client.rset()
        except NETWORK_ERRORS:
            client.close()
    return Result(env.key, False, permanent, detail, outage=outage)


def make_sender(settings: OutgoingSettings) -> Sender:
    return SmtpSender(settings) if settings.kind == "smtp" else MaildirSender(settings.maildir)
