"""``endorse run [--once]``: the worker."""
from __future__ import annotations

from mailer.commands import database_of, settings_of


def cmd_run(args) -> int:
    from mailer.edges.smtp import make_sender
    from mailer.worker import cycle, digest_job, run_forever
    settings = settings_of(args)
    db = database_of(settings)
    if args.once:
        report = cycle(db, make_sender(settings.outgoing), settings)
        if report is None:
            return 75   # EX_TEMPFAIL: the mailbox could not be reached
        print(report)
        if report.paused and not report.sent:
            print(f"endorse: nothing could be sent: {report.paused}")   # one line, the reason; cron sees 75
            return 75
        digest = digest_job(db, settings)     # after the cycle: its unsubscribes count before any digest goes
        if digest is not None:
            print(digest)
        return 0
    run_forever(db, settings)
    return 0


def add_parser(sub) -> None:
    run = sub.add_parser("run", help="poll the mailbox, handle new mail and send replies on a schedule")
    run.add_argument("--once", action="store_true", help="one full cycle, then exit (for cron and tests)")
    run.set_defaults(func=cmd_run)
