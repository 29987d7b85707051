"""The weekly digest's imperative shell: the ledger, the sending, the coordinators' summary.

:func:`run_due` is what the worker's cron job, its start, ``endorse run --once``
and ``endorse digest --send`` call.  It asks the ledger what the current
period needs (:func:`mailer.digest.schedule.decide`), prepares the period's digest in
one transaction (ledger row, the body per language, the coordinators'
summary in the outbox), then sends copies in batches claimed in subscriber-id
order: exactly one copy per subscriber, resumed after a crash, shared between
workers that run at the same moment.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select

from storage import digests, outbox, registry, subscribers
from storage.db import Database, utcnow
from storage.export import listing_line, render_text
from storage.inquiries import unanswered_inquiries
from storage.schema import (Digest, DigestDelivery, DigestState, Endorsement, EndorsementState, OutboxMessage,
                            OutboxState, ReviewItem, Signatory, SignatoryStatus, Subscriber)

from mailer.digest.bulk import Pool, make_pool
from mailer.compose import Outgoing, make_environment, pick_language
from mailer.digest.content import Content, Headers, Template, country_counts, list_id, message_id, render
from mailer.desk.context import Context, default_message_id
from mailer.desk.notify import common, queue_notice
from mailer.digest.schedule import Action, Occurrence, Schedule, decide, latest
from mailer.settings import Settings
from mailer.edges.smtp import Envelope, Result

log = logging.getLogger(__name__)


@dataclass
class DigestReport:
    period: str
    action: str
    state: str = ""
    deliveries: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        shown = ", ".join(f"{k} {n}" for k, n in sorted(self.deliveries.items())) or "no copies"
        return f"digest {self.period}: {self.action}; {self.state or '-'}; {shown}"


def _context(settings: Settings, templates, now: datetime, make_message_id=None) -> Context:
    domain = settings.statement.address.partition("@")[2]
    return Context(settings=settings, templates=templates, now=now,
                   make_message_id=make_message_id or default_message_id(domain))


# ---- what the digest says ----------------------------------------------------------------------------------------

def gather(session, settings: Settings, period: str, since: datetime, cutoff: datetime) -> Content:
    """The registry between *since* and *cutoff*, and as it stands."""
    def lines(*where):
        rows = session.scalars(select(Signatory).where(*where).order_by(Signatory.verified_at, Signatory.id))
        return tuple(listing_line(s.organization, s.short_name, s.country_text) for s in rows)
    listings = registry.listed_signatories(session, settings.statement.initiators)
    return Content(
        period=period, since=since, cutoff=cutoff,
        new=lines(Signatory.status == SignatoryStatus.LISTED, Signatory.verified_at > since,
                  Signatory.verified_at <= cutoff),
        withdrawn=lines(Signatory.status == SignatoryStatus.WITHDRAWN, Signatory.withdrawn_at > since,
                        Signatory.withdrawn_at <= cutoff),
        total=len(listings), countries=country_counts([s.country_text for s in listings]),
        full_list=render_text(listings))


def template_context(settings: Settings) -> dict:
    st = settings.statement
    return {"statement_title": st.title, "statement_address": st.address, "sender_name": st.sender_name}


def render_bodies(settings: Settings, templates, content: Content, languages: set[str], now: datetime
                  ) -> dict[str, bytes]:
    """The digest with its markers, once per template language the subscribers need."""
    st, d = settings.statement, settings.digest
    headers = Headers(sender=st.address, sender_name=st.sender_name, list_id=list_id(st.title, st.address, d.list_id),
                      date=now)
    out: dict[str, bytes] = {}
    for language in sorted(languages | {st.language}):
        lang = pick_language(templates, "digest", language, st.language)
        if lang not in out:
            out[lang] = render(templates, content, template_context(settings), headers, language=lang,
                               default_language=st.language, attach_list=d.attach_list)[1]
    return out


# ---- the ledger --------------------------------------------------------------------------------------------------

def report_since(session, occurrence: Occurrence) -> datetime:
    """A digest reports from where the last one stopped; the first one, a week back from its time."""
    return digests.previous_cutoff(session) or occurrence.at - timedelta(days=7)


def prepare(db: Database, settings: Settings, occurrence: Occurrence, now: datetime, *, templates,
            make_message_id=None) -> bool:
    """Make the period's ledger row, its bodies and the coordinators' summary in one transaction;
    False when another worker made it first."""
    with db.session() as s:
        subscribers.activate_endorser_optins(s, now)
        since = report_since(s, occurrence)
        content = gather(s, settings, occurrence.period, since, now)
        digest = digests.create(s, period=occurrence.period, state=DigestState.SENDING,
                                scheduled_at=occurrence.at, since=since, cutoff=now,
                                last_subscriber_id=subscribers.max_active_id(s), cursor=0,
                                nonce=secrets.token_hex(6), stats=content.stats(), created_at=now)
        if digest is None:
            return False
        for older in digests.unfinished(s):
            if older.id != digest.id:
                older.state, older.note = DigestState.INCOMPLETE, f"the {occurrence.period} digest was due"
        for lang, raw in render_bodies(settings, templates, content, subscribers.active_languages(s), now).items():
            digests.add_body(s, digest, lang, raw)
        queue_summary(s, _context(settings, templates, now, make_message_id), digest, content)
    log.info("digest %s prepared: %s", occurrence.period, content.stats())
    return True


def record_missed(db: Database, occurrence: Occurrence, now: datetime) -> None:
    with db.session() as s:
        for older in digests.unfinished(s):
            older.state, older.note = DigestState.INCOMPLETE, f"the {occurrence.period} digest was due"
        hours = (now - occurrence.at).total_seconds() / 3600
        since = report_since(s, occurrence)       # kept as its cutoff: the next digest reports the missed week too
        digests.create(s, period=occurrence.period, state=DigestState.MISSED, scheduled_at=occurrence.at,
                       since=since, cutoff=since, last_subscriber_id=0, cursor=0, nonce="",
                       stats={}, created_at=now, finished_at=now,
                       note=f"the worker came back {hours:.1f} hours after the digest time")
    log.info("digest %s missed: the worker came back too late to send it", occurrence.period)


# ---- the coordinators' summary -----------------------------------------------------------------------------------

def queue_summary(session, ctx: Context, digest: Digest, content: Content) -> None:
    """Items waiting for review, unanswered inquiries, bounces: one mail per coordinator, with the digest."""
    st = ctx.settings
    since = content.since
    waiting = list(session.scalars(select(ReviewItem).where(ReviewItem.state == "open").order_by(ReviewItem.id)))
    unanswered = unanswered_inquiries(session, ctx.now, st.inquiries.unanswered_days)
    failed_mail = session.scalar(select(OutboxMessage.id).where(OutboxMessage.state == OutboxState.FAILED)
                                 .order_by(OutboxMessage.id.desc()).limit(1)) is not None
    uncertain_replies = session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.state == OutboxState.UNCERTAIN))
    uncertain_copies = digests.uncertain_in_previous(session, digest.id)
    undeliverable = [(e.organization or "(no organization)", e.contact_email) for e in session.scalars(
        select(Endorsement).where(Endorsement.state == EndorsementState.UNDELIVERABLE,
                                  *((Endorsement.updated_at >= since,) if since else ())).order_by(Endorsement.id))]
    context = {**common(ctx), "digest": content, "period": digest.period,
               "audience": subscribers.counts(session).get("active", 0),
               "review_items": [(i.id, i.subject, (i.reason or "")[:160]) for i in waiting[:30]],
               "review_count": len(waiting),
               "inquiries": [(i.reference, (ctx.now - i.waiting_since).days, i.asker, i.subject[:120])
                             for i in unanswered[:30]],
               "inquiry_count": len(unanswered), "unanswered_days": st.inquiries.unanswered_days,
               "disabled": [(r.email, r.hard_bounces) for r in subscribers.disabled_since(session, since)],
               "bouncing": [(r.email, r.hard_bounces) for r in subscribers.bouncing(session)],
               "max_hard_bounces": st.subscribers.max_hard_bounces, "failed_mail": failed_mail,
               "uncertain_replies": uncertain_replies, "uncertain_copies": uncertain_copies,
               "undeliverable": undeliverable, "sending_paused": outbox.paused(session)}
    for coordinator in st.statement.coordinators:
        queue_notice(session, ctx, purpose="coordinator_summary",
                     out=Outgoing(template="coordinator_summary", context=context, to=coordinator))


# ---- sending -----------------------------------------------------------------------------------------------------

class _Copies:
    """Claims batches and turns each claim into an envelope just in time; records results."""

    def __init__(self, db: Database, settings: Settings, digest: Digest, templates, bodies: dict[str, bytes],
                 now: Callable[[], datetime]):
        self.db, self.settings, self.digest, self.now = db, settings, digest, now
        self.templates = {lang: Template(raw) for lang, raw in bodies.items()}
        self.pick = {}
        self.env = templates
        self.domain = settings.statement.address.partition("@")[2]
        out = settings.outgoing
        self.lease = timedelta(seconds=out.timeout_seconds * (settings.digest.batch_size // settings.digest.connections
                                                              + 2))
        self.counts: dict[str, int] = {}

    def _template(self, language: str) -> Template:
        if language not in self.pick:
            lang = pick_language(self.env, "digest", language, self.settings.statement.language)
            self.pick[language] = self.templates.get(lang) or self.templates[self.settings.statement.language]
        return self.pick[language]

    def envelope(self, c: digests.Claim) -> Envelope | Result:
        st = self.settings.statement
        try:
            raw = self._template(c.language).fill(
                to=c.email, message_id=message_id(self.digest.period, c.subscriber_id, self.digest.nonce, self.domain),
                unsubscribe=self.settings.replies.reply_address(st.address, f"u-{c.token}"))
        except ValueError as exc:
            return Result(c.delivery_id, False, True, f"cannot address this copy: {exc}")
        # VERP (the return path names the subscriber): a bounce is matched without reading it
        return Envelope(c.delivery_id, self.settings.replies.reply_address(st.address, f"b-{c.token}"), c.email, raw)

    def claim(self) -> list[digests.Claim]:
        with self.db.session() as s:
            return digests.claim(s, self.digest.id, limit=self.settings.digest.batch_size, now=self.now(),
                                 lease=self.lease)

    async def feed(self):
        # The database work runs in the event loop's own thread, between sends: a claim of 500 takes ~20 ms, a
        # group of marks well under 1 ms. Measured on 2 cores, worker threads for it (asyncio.to_thread) cost
        # more than they saved: GIL hand-offs delayed every connection's next command (76% of the reference
        # sender's rate at 100,000 subscribers against 100% without them).
        while True:
            claims = self.claim()
            if not claims:
                return
            refused = []
            for c in claims:
                item = self.envelope(c)
                if isinstance(item, Result):
                    refused.append(item)
                else:
                    yield item
            if refused:
                self.record([], refused)

    def record(self, handed: list[int], results: list[Result]) -> set[int]:
        """One transaction: results first (a connection's last result rides with its next mark), then marks.
        The usual group (all sent) runs on a bare connection: it comes every few copies."""
        now = self.now()
        if all(r.ok for r in results):
            with self.db.engine.begin() as conn:
                self._count("sent", digests.mark_sent(conn, [r.key for r in results], now))
                return digests.mark_handed(conn, handed, now)
        out = self.settings.outgoing
        with self.db.session() as s:
            self._count("sent", digests.mark_sent(s.connection(), [r.key for r in results if r.ok], now))
            for r in results:
                if r.ok:
                    continue
                state = digests.mark_failed(s, r.key, permanent=r.permanent, detail=r.detail, now=now,
                                            max_attempts=out.max_attempts, retry_seconds=out.retry_seconds)
                self._count(str(state), 1)
                if r.permanent:
                    _refused_for_good(s, self.settings, r.key, now)
            return digests.mark_handed(s.connection(), handed, now)

    def _count(self, state: str, n: int) -> None:
        if n:
            self.counts[state] = self.counts.get(state, 0) + n


def _refused_for_good(session, settings: Settings, delivery_id: int, now: datetime) -> None:
    """A 5xx for a subscriber's address while sending is a hard bounce as much as a DSN is."""
    row = session.get(DigestDelivery, delivery_id)
    subscriber = session.get(Subscriber, row.subscriber_id) if row else None
    if subscriber is not None and subscribers.hard_bounce(session, subscriber, now,
                                                          limit=settings.subscribers.max_hard_bounces):
        log.warning("subscriber %s disabled after %s hard bounces", subscriber.email, subscriber.hard_bounces)


def send(db: Database, settings: Settings, digest_id: int, *, pool: Pool | None = None,
         now: Callable[[], datetime] = utcnow, templates=None) -> dict[str, int]:
    """Send every copy of the digest that is due; returns how many were sent, failed, or wait for a retry."""
    templates = templates or make_environment(settings.templates)
    with db.session() as s:
        digest = s.get(Digest, digest_id)
        bodies = digests.bodies(s, digest_id)
    copies = _Copies(db, settings, digest, templates, bodies, now)
    pool = pool or make_pool(settings.outgoing, settings.digest.connections)
    asyncio.run(pool.run(copies.feed(), copies.record))
    with db.session() as s:
        if digests.finish_if_done(s, digest_id, now()):
            log.info("digest %s sent to everyone", digest.period)
    return copies.counts


def run_due(db: Database, settings: Settings, *, now: Callable[[], datetime] = utcnow, pool: Pool | None = None,
            outbox_sender=None, make_message_id=None) -> DigestReport | None:
    """Whatever the current period needs: start, resume, record a miss, or nothing."""
    if not settings.digest.enabled:
        return None
    schedule = Schedule.of(settings.digest)
    at = now()
    occurrence = latest(at, schedule)
    with db.session() as s:
        row = digests.find(s, occurrence.period)
        state = row.state if row else None
    action = decide(state, occurrence, at, settings.digest.catch_up_hours)
    report = DigestReport(occurrence.period, action.value)
    templates = make_environment(settings.templates)
    if action is Action.MISS:
        record_missed(db, occurrence, at)
    elif action is Action.START:
        if prepare(db, settings, occurrence, at, templates=templates, make_message_id=make_message_id) \
                and outbox_sender is not None:
            from mailer.pipeline import send_outbox
            send_outbox(db, outbox_sender, settings, now=now)      # the coordinators' summary
    if action in (Action.START, Action.RESUME):
        with db.session() as s:
            row = digests.find(s, occurrence.period)
        report.deliveries = send(db, settings, row.id, pool=pool, now=now, templates=templates)
    with db.session() as s:
        row = digests.find(s, occurrence.period)
        report.state = row.state if row else ""
    return report
