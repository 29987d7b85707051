"""The one place that joins the pure core and the edges.

One message's way: fetch without marking → store the raw bytes (keyed by
folder/UIDVALIDITY/UID and by Message-ID + content hash) and advance the
cursor in one commit → mark it at the source → claim → parse, classify,
extract (pure) → one transaction writes the registry change and the outbox row
holding the rendered reply → send; a retry resends the same bytes → done.
Anything that raises while handling parks the message as ``failed`` with the
reason and a review item: never lost, never a loop.
"""
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from storage import limits, outbox, registry
from storage.db import Database, utcnow
from storage.schema import InboundMessage, MessageState, ReviewItem

from mailer.reading.classify import classify, warm_up
from mailer.compose import make_environment
from mailer.desk.context import Context, default_message_id
from mailer.desk.routes import handle
from mailer.edges.mailbox_source import MailboxConnection
from mailer.reading.parse import parse_message
from mailer.settings import Settings
from mailer.edges.smtp import Envelope, Result, Sender

log = logging.getLogger(__name__)


HANDLING_LEASE = timedelta(minutes=10)   # a claim on a message outlives no handling; a dead worker's is free at once
Stopping = Callable[[], bool]      # asked between units of work: True once SIGTERM came (mailer.worker)


def never() -> bool:
    return False


@dataclass
class CycleReport:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    handled: dict[str, int] = field(default_factory=dict)
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    paused: str = ""        # why sending waits for the server (an outage, a refused sender): nothing spent

    def __str__(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.handled.items())) or "none"
        return (f"fetched {self.fetched}, stored {self.stored}, already known {self.duplicates}; "
                f"handled: {kinds}; sent {self.sent}, retrying {self.retrying}, failed {self.failed}"
                + (f"; sending paused: {self.paused}" if self.paused else ""))


def intake(conn: MailboxConnection, db: Database, *, batch_size: int, now: Callable[[], datetime] = utcnow,
           report: CycleReport | None = None, stopping: Stopping = never) -> CycleReport:
    """Store every new message of *conn*; mark each at the source only after its commit.  A stop is heeded
    between batches: the rest is fetched at the next start (the cursor says where)."""
    report = report or CycleReport()
    with db.session() as s:
        last = registry.cursor(s, conn.name, conn.uidvalidity).last_uid if conn.ordered else 0
    prefix = f"{conn.name}/{conn.uidvalidity}/"
    _mark_leftovers(conn, db, prefix)
    keys = conn.list_new(last)
    for i in range(0, len(keys), batch_size):
        if stopping():
            break
        batch = keys[i:i + batch_size]
        with db.session() as s:
            known = registry.known_source_keys(s, [prefix + str(k) for k in batch])
        todo = [k for k in batch if prefix + str(k) not in known]
        raws = conn.fetch(todo) if todo else {}
        report.fetched += len(raws)
        with db.session() as s:
            for key in todo:
                if key not in raws:
                    continue
                raw = raws[key]
                mail_id = parse_message_id(raw)
                row = registry.store_inbound(s, source_key=prefix + str(key), raw=raw, message_id=mail_id,
                                             now=now())
                if row is None:
                    report.duplicates += 1
                else:
                    report.stored += 1
            if conn.ordered and batch:
                c = registry.cursor(s, conn.name, conn.uidvalidity)
                c.last_uid = max(c.last_uid, max(int(k) for k in batch))
        conn.mark_stored(batch)
        with db.session() as s:
            registry.set_source_marked(s, [prefix + str(k) for k in batch])
    return report


def _mark_leftovers(conn: MailboxConnection, db: Database, prefix: str) -> None:
    """Messages stored by a run that died before marking them at the source get marked now."""
    with db.session() as s:
        keys = registry.unmarked_source_keys(s, prefix)
    if keys:
        conn.mark_stored([int(k[len(prefix):]) if conn.ordered else k[len(prefix):] for k in keys])
        with db.session() as s:
            registry.set_source_marked(s, keys)


def parse_message_id(raw: bytes) -> str:
    """The Message-ID from the header block only: cheap, for the identity key."""
    head = raw[:65536].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    for i, line in enumerate(lines):
        if line[:11].lower() == b"message-id:":
            value = line[11:]
            for cont in lines[i + 1:]:
                if cont[:1] in (b" ", b"\t"):
                    value += cont
                else:
                    break
            return value.decode("ascii", "replace").strip()[:998]
    return ""


def handle_stored(db: Database, settings: Settings, *, now: Callable[[], datetime] = utcnow,
                  make_message_id: Callable[[str], str] | None = None,
                  report: CycleReport | None = None, stopping: Stopping = never) -> CycleReport:
    """Handle every stored message, each in its own transaction; on a stop, the one in hand finishes and the
    rest stay stored for the next start."""
    report = report or CycleReport()
    templates = make_environment(settings.templates)
    domain = settings.statement.address.partition("@")[2]
    make_message_id = make_message_id or default_message_id(domain)
    warm = False
    while True:
        with db.session() as s:
            ids = registry.stored_message_ids(s)
            dead = outbox.dead_among(registry.message_claimants(s))     # workers gone, whose claims are free
        if not ids:
            return report
        if not warm:
            warm_up()               # the model's load belongs to no message: no message's count pays for it
            warm = True
        progressed = False
        for message_id in ids:
            if stopping():
                return report
            kind = handle_one(db, settings, message_id, templates=templates, now=now(),
                              make_message_id=make_message_id, dead_claimants=dead)
            if kind:
                progressed = True
                report.handled[kind] = report.handled.get(kind, 0) + 1
        if not progressed:
            return report


def handle_one(db: Database, settings: Settings, message_id: int, *, templates, now: datetime,
               make_message_id: Callable[[str], str], dead_claimants: list[str] = ()) -> str | None:
    """Claim, understand and apply one message; a failure quarantines it with the reason.

    The claim and its count commit before the handling begins: a worker that dies while handling (a crash, the
    OOM killer) leaves the count, and after ``registry.MAX_HANDLINGS`` the message is quarantined instead of
    killing every worker that takes it."""
    with db.session() as s:
        begun = registry.begin_handling(s, message_id, now=now, lease=HANDLING_LEASE, dead_claimants=dead_claimants)
    if begun is None:
        return None
    if begun > registry.MAX_HANDLINGS:
        with db.session() as s:
            registry.quarantine(s, message_id, now=now, attempts=begun)
        log.error("message %s quarantined after %s handlings that never finished", message_id, begun - 1)
        return "failed"
    try:
        with db.session() as s:
            message = registry.claim_message(s, message_id)
            if message is None:
                return None
            mail = parse_message(message.raw, max_bytes=settings.replies.max_message_bytes)
            understanding = classify(mail)
            message.kind = understanding.kind.value
            message.understanding = understanding.as_json()
            message.reasons = "; ".join(understanding.reasons + mail.defects)[:4000]
            message.sender, message.subject = limits.fit(InboundMessage, {
                "sender": mail.sender.email if mail.sender else "", "subject": mail.subject})[0].values()
            ctx = Context(settings=settings, templates=templates, now=now, make_message_id=make_message_id)
            message.state = handle(s, ctx, message, mail, understanding)
            message.handled_at = now
            return message.kind
    except Exception as exc:  # noqa: BLE001 - any failure parks the message, it must never loop
        log.exception("message %s could not be handled", message_id)
        with db.session() as s:
            message = s.get(InboundMessage, message_id)
            if message is not None and message.state == MessageState.STORED:
                message.state, message.claimed_by, message.lease_until = MessageState.FAILED, None, None
                message.last_error = "".join(traceback.format_exception_only(exc)).strip()[:4000]
                s.add(ReviewItem(message_id=message.id, reason=f"handling failed: {message.last_error}",
                                 state="open", created_at=now))
        return "failed"


class _OutboxJournal:
    """Each reply's hand-over and result, committed one by one as the sender meets them: a kill -9 mid-batch
    then leaves at most one reply whose fate is unknown, and its purpose's delivery rule says whether it goes
    again (storage.outbox.DELIVERY)."""

    def __init__(self, db: Database, settings: Settings, now: Callable[[], datetime], report: CycleReport,
                 stopping: Stopping = never):
        self.db, self.out, self.now, self.report, self.stopping = db, settings.outgoing, now, report, stopping
        self.recorded: set[int] = set()

    def handing(self, key: int) -> bool:
        if self.stopping():
            return False                 # not handed over: it goes back to the queue (storage.outbox.release)
        with self.db.session() as s:
            return outbox.mark_handed(s, key, self.now())

    def done(self, result: Result) -> None:
        with self.db.session() as s:
            state = outbox.record_result(s, result.key, ok=result.ok, permanent=result.permanent,
                                         detail=result.detail, now=self.now(), max_attempts=self.out.max_attempts,
                                         retry_seconds=self.out.retry_seconds, outage=result.outage)
        self.recorded.add(result.key)
        if state == "paused":
            self.report.paused = result.detail
        elif state == "sent":
            self.report.sent += 1
        elif state == "failed":
            self.report.failed += 1
            log.warning("outbox %s failed for good: %s", result.key, result.detail)
        else:
            self.report.retrying += 1


def send_outbox(db: Database, sender: Sender, settings: Settings, *, now: Callable[[], datetime] = utcnow,
                report: CycleReport | None = None, rounds: int = 1000, stopping: Stopping = never) -> CycleReport:
    """Send due outbox rows, one batch (one connection) at a time; on a stop, the message being handed over
    finishes and the rest of the batch goes back to the queue."""
    report = report or CycleReport()
    out = settings.outgoing
    lease = timedelta(seconds=out.timeout_seconds * (out.batch_size + 2))
    for _ in range(rounds):
        if stopping():
            break
        with db.session() as s:
            rows = outbox.claim_due(s, now=now(), limit=out.batch_size, lease=lease,
                                    dead_claimants=outbox.dead_local_claimants(s))
            batch = [Envelope(r.id, r.envelope_from, r.recipient, r.raw) for r in rows]
        if not batch:
            break
        journal = _OutboxJournal(db, settings, now, report, stopping)
        results = sender.send(batch, journal)
        for result in results:
            if result.key not in journal.recorded:     # never handed over: no connection, or it was lost
                journal.done(result)
        answered = journal.recorded | {r.key for r in results}
        left = [e.key for e in batch if e.key not in answered]
        if left:                                       # skipped on a stop: due again, no attempt spent
            with db.session() as s:
                outbox.release(s, left)
        if not all(r.ok for r in results):
            break   # the server is unhappy: let the backoff work instead of hammering it
    return report


def follow_up(db: Database, settings: Settings, *, now: Callable[[], datetime] = utcnow,
              make_message_id: Callable[[str], str] | None = None) -> dict[str, int]:
    """Work no inbound message starts: confirmation reminders and expiry, review mails for open items."""
    from mailer.desk import confirm
    from mailer.desk import review
    domain = settings.statement.address.partition("@")[2]
    ctx = Context(settings=settings, templates=make_environment(settings.templates), now=now(),
                  make_message_id=make_message_id or default_message_id(domain))
    with db.session() as s:
        done = confirm.remind_and_expire(s, ctx)
    with db.session() as s:
        done["review_mails"] = review.notify_open_items(s, ctx)
    if any(done.values()):
        log.info("follow-up: %s", ", ".join(f"{k} {n}" for k, n in done.items()))
    return done


def run_cycle(conn_factory, db: Database, sender: Sender, settings: Settings, *,
              now: Callable[[], datetime] = utcnow, stopping: Stopping = never) -> CycleReport:
    """One full cycle: intake, handling, follow-ups (reminders, expiry, review mails), sending.  *stopping* is
    asked between messages and batches, so a stop never waits for a backlog."""
    report = CycleReport()
    with db.only_one("poll " + settings.mailbox.describe()) as poller:
        if poller:                  # one poller per mailbox; the other workers handle and send what it stored
            with conn_factory() as conn:
                intake(conn, db, batch_size=settings.mailbox.batch_size, now=now, report=report,
                       stopping=stopping)
    handle_stored(db, settings, now=now, report=report, stopping=stopping)
    if not stopping():
        follow_up(db, settings, now=now)
    send_outbox(db, sender, settings, now=now, report=report, stopping=stopping)
    return report
