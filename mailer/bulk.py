"""Sending many messages at once: N SMTP connections fed from a bounded queue.

The feed is an async iterator of :class:`Envelope` values that builds each
message just in time; the queue holds at most ``2 × connections`` of them, so
memory does not grow with the number of recipients.  Results are handed to
``record`` in small groups by a task of its own, in order.  The Maildir kind writes each message to
a folder instead, for the demo and for people trying Endorse without a server.
"""
from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable, Protocol

from .settings import OutgoingSettings
from .smtp import Envelope, MaildirSender, Result, close_connection, open_connection, send_one

log = logging.getLogger(__name__)

Record = Callable[[list[Result]], Awaitable[None]]
# Results per database write, or at least this often: what a kill -9 can make go twice (with the same Message-ID)
# is what was sent since the last write, so small groups; each write is one short transaction.
RECORD_EVERY = 100
RECORD_SECONDS = 0.2


class Pool(Protocol):
    async def run(self, feed: AsyncIterator[Envelope], record: Record) -> None: ...


class _Results:
    """Collects results; a writer task records them in groups, in order.

    At most one group waits while another is written, so a slow database slows the sending down rather than
    letting unrecorded results pile up (they are what a kill -9 would send twice).
    """

    def __init__(self, record: Record):
        self.record, self.pending, self.last = record, [], time.monotonic()
        self.groups: asyncio.Queue[list[Result] | None] = asyncio.Queue(maxsize=1)
        self.failure: BaseException | None = None
        self.writer = asyncio.create_task(self._write())

    async def add(self, result: Result) -> None:
        self.pending.append(result)
        if len(self.pending) >= RECORD_EVERY or time.monotonic() - self.last >= RECORD_SECONDS:
            group, self.pending, self.last = self.pending, [], time.monotonic()
            await self.groups.put(group)

    async def _write(self) -> None:
        while (group := await self.groups.get()) is not None:
            if self.failure is None:
                try:
                    await self.record(group)
                except Exception as exc:  # noqa: BLE001 - kept for close(); the claims stay due for a later run
                    self.failure = exc
                    log.error("results could not be recorded: %s", exc)

    async def close(self) -> None:
        """Record what is left and wait for the writer; re-raise what stopped it."""
        if self.pending:
            await self.groups.put(self.pending)
            self.pending = []
        await self.groups.put(None)
        await self.writer
        if self.failure is not None:
            raise self.failure


class SmtpPool:
    """``connections`` aiosmtplib clients; a client that loses its server reconnects once per message."""

    def __init__(self, settings: OutgoingSettings, connections: int, *, tls_context=None):
        self.settings, self.connections, self.tls_context = settings, connections, tls_context

    async def run(self, feed: AsyncIterator[Envelope], record: Record) -> None:
        queue: asyncio.Queue[Envelope | None] = asyncio.Queue(maxsize=2 * self.connections)
        results = _Results(record)
        alive = [self.connections]
        senders = [asyncio.create_task(self._sender(queue, results, alive)) for _ in range(self.connections)]
        try:
            async for env in feed:
                if alive[0] == 0:      # no server will take anything: what is claimed stays due for later
                    await results.add(Result(env.key, False, False, "no SMTP connection"))
                    continue
                await queue.put(env)
        finally:
            for _ in senders:
                await queue.put(None)
            await asyncio.gather(*senders)
            await results.close()

    async def _sender(self, queue: asyncio.Queue, results: _Results, alive: list[int]) -> None:
        client, problem = await open_connection(self.settings, self.tls_context)
        while True:
            env = await queue.get()
            if env is None:
                break
            if client is None or not client.is_connected:
                client, problem = await open_connection(self.settings, self.tls_context)
            if client is None:
                alive[0] -= 1
                log.warning("a digest connection gave up: %s", problem)
                if alive[0] > 0:
                    await queue.put(env)            # another connection takes it
                    return
                await results.add(Result(env.key, False, False, problem))
                while (env := await queue.get()) is not None:       # the last one drains: the feed never blocks
                    await results.add(Result(env.key, False, False, problem))
                return
            await results.add(await send_one(client, env))
        if client is not None:
            await close_connection(client)


class MaildirPool:
    """Writes each message to a local Maildir (outgoing.kind = "maildir")."""

    def __init__(self, path: Path):
        self.sender = MaildirSender(path)

    async def run(self, feed: AsyncIterator[Envelope], record: Record) -> None:
        results = _Results(record)
        try:
            async for env in feed:
                for result in self.sender.send([env]):
                    await results.add(result)
        finally:
            await results.close()


def make_pool(settings: OutgoingSettings, connections: int) -> Pool:
    return SmtpPool(settings, connections) if settings.kind == "smtp" else MaildirPool(settings.maildir)
