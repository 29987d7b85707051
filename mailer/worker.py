"""The long-running worker: APScheduler jobs until SIGTERM or Ctrl-C, or one cycle with ``--once``.

The cycle job never overlaps itself (``max_instances=1``) and missed runs
coalesce into one.  On a signal the scheduler stops taking new runs and the
running cycle stops after the message in hand (it asks between messages and
batches); what is left waits, stored or queued, for the next start.
"""
from __future__ import annotations

import logging
import signal
import threading
from functools import partial

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from storage.db import Database

from mailer.errors import TransientError
from mailer.edges.mailbox_source import connect_mailbox
from mailer.pipeline import CycleReport, Stopping, never, run_cycle
from mailer.settings import Settings
from mailer.edges.smtp import Sender, make_sender

log = logging.getLogger(__name__)


def cycle(db: Database, sender: Sender, settings: Settings, stopping: Stopping = never) -> CycleReport | None:
    """One cycle; a mailbox that cannot be reached is logged and tried at the next tick."""
    try:
        report = run_cycle(partial(connect_mailbox, settings.mailbox), db, sender, settings, stopping=stopping)
    except TransientError as exc:
        log.warning("cycle skipped: %s", exc)
        return None
    log.info("cycle: %s", report)
    return report


def digest_job(db: Database, settings: Settings, *, sender: Sender | None = None):
    """Whatever the digest's ledger says is due now; a failure is logged and tried again at the next run."""
    from mailer.digest.run import run_due
    try:
        report = run_due(db, settings, outbox_sender=sender or make_sender(settings.outgoing))
    except Exception:  # noqa: BLE001 - the scheduler must keep running; the ledger makes a retry safe
        log.exception("digest job failed")
        return None
    if report is not None and report.action != "nothing":
        log.info("%s", report)
    return report


def run_forever(db: Database, settings: Settings, *, sender: Sender | None = None) -> None:
    """Run the scheduled jobs until SIGTERM/SIGINT, then finish the running cycle and stop."""
    sender = sender or make_sender(settings.outgoing)
    stop_event = threading.Event()      # the running cycle asks it between messages: a stop never waits a backlog
    scheduler = BlockingScheduler(timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1,
                                                                "misfire_grace_time": None})
    scheduler.add_job(cycle, IntervalTrigger(seconds=settings.poll_seconds),
                      args=(db, sender, settings, stop_event.is_set),
                      id="cycle", name="poll, handle, send", next_run_time=_now())

    def stop(signum, _frame):
        log.info("signal %s: finishing the message in hand, then stopping", signum)
        stop_event.set()
        scheduler.shutdown(wait=True)

    if settings.digest.enabled:
        # At the digest's moment each week (its own time zone), and once at start: the catch-up of a digest
        # missed while the worker was down. The ledger makes both a no-op once the period's digest went out.
        from mailer.digest.schedule import Schedule
        scheduler.add_job(digest_job, CronTrigger(**Schedule.of(settings.digest).cron_fields()),
                          args=(db, settings), kwargs={"sender": sender}, id="digest", name="weekly digest",
                          next_run_time=_now())

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("worker started: every %ss", settings.poll_seconds)
    scheduler.start()   # blocks; returns after shutdown, once the running job has finished
    log.info("worker stopped")


def _now():
    from datetime import datetime, timezone
    return datetime.now(timezone.utc)
