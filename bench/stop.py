"""How long a SIGTERM takes with a backlog: `endorse run` over 500 waiting messages, stopped mid-handling.

    .venv/bin/python bench/stop.py [--messages 500]

Prints the seconds from SIGTERM to exit, the exit code, and how many messages were handled before the stop
(the rest wait, stored, for the next start).  The issue's bound is 10 s (Docker's default before a kill).
"""
from __future__ import annotations

import argparse
import mailbox
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from mailer.settings import load_settings  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.schema import InboundMessage  # noqa: E402
from tests.mails import endorsement  # noqa: E402
from tests.support.config import smtp_outgoing, write_config  # noqa: E402
from tests.support.smtp import SmtpSink  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--messages", type=int, default=500)
    args = p.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="endorse-stop-"))
    with SmtpSink() as smtp:
        config = write_config(folder, database_url=f"sqlite:///{folder / 'stop.db'}", outgoing=smtp_outgoing(smtp))
        settings = load_settings(config)
        box = mailbox.Maildir(str(settings.mailbox.maildir), create=True)
        for n in range(args.messages):
            box.add(endorsement(sender=f"W{n} <w{n}@org{n}.example.org>", organization=f"Teachers Union Branch {n}"))
        worker = subprocess.Popen([sys.executable, "-m", "mailer.cli", "--config", str(config), "run"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        db = open_database(settings.database_url)
        handled = select(func.count()).select_from(InboundMessage).where(InboundMessage.state != "stored")
        while True:                               # stop once handling is well under way
            time.sleep(0.2)
            with db.session() as s:
                if (s.scalar(handled) or 0) >= 20:
                    break
        start = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=300)
        seconds = time.monotonic() - start
        with db.session() as s:
            done, total = s.scalar(handled), s.scalar(select(func.count()).select_from(InboundMessage))
        db.dispose()
    print(f"SIGTERM to exit: {seconds:.2f} s (exit {worker.returncode}); {done} of {total} messages handled, "
          f"{total - done} wait for the next start")
    return 0 if worker.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
