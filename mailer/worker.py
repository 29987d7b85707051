"""The long-running worker: APScheduler jobs until SIGTERM or Ctrl-C, or one cycle with ``--once``.

The cycle job never overlaps itself (``max_instances=1``) and missed runs
coalesce into one.  On a signal the scheduler stops taking new runs and waits
for the running cycle, whose every step is already committed or replayable.
"""
from __future__ import annotations

import logging
import signal
from functools import partial

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from storage.db import Database

from .errors import TransientError
from .mailbox_source import connect_mailbox
from .pipeline import CycleReport, run_cycle
from .settings import Settings
from .smtp import Sender, make_sender

log = logging.getLogger(__name__)


def cycle(db: Database, sender: Sender, settings: Settings) -> CycleReport | None:
    """One cycle; a mailbox that cannot be reached is logged and tried at the next tick."""
    try:
        report = run_cycle(partial(connect_mailbox, settings.mailbox), db, sender, settings)
    except TransientError as exc:
        log.warning("cycle skipped: %s", exc)
        return None
    log.info("cycle: %s", report)
    return report


def run_forever(db: Database, settings: Settings, *, sender: Sender | None = None) -> None:
    """Run the scheduled jobs until SIGTERM/SIGINT, then finish the running cycle and stop."""
    sender = sender or make_sender(settings.outgoing)
    scheduler = BlockingScheduler(timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1,
                                                                "misfire_grace_time": None})
    scheduler.add_job(cycle, IntervalTrigger(seconds=settings.poll_seconds), args=(db, sender, settings),
                      id="cycle", name="poll, handle, send", next_run_time=_now())

    def stop(signum, _frame):
        log.info("signal %s: finishing the running cycle, then stopping", signum)
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("worker started: every %ss", settings.poll_seconds)
    scheduler.start()   # blocks; returns after shutdown, once the running job has finished
    log.info("worker stopped")


def _now():
    from datetime import datetime, timezone
    return datetime.now(timezone.utc)
