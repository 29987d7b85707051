"""Kill -9 soak: the worker killed at random moments while 1,000 endorsements go through, SMTP faults on the way.

    .venv/bin/python bench/soak.py [--messages 1000] [--kills 30] [--postgres] [--seed 1]

A Maildir holds the endorsements; `endorse run` is started, killed with SIGKILL after a random 0.3-3 s, and
started again, ``--kills`` times; the SMTP server (aiosmtpd on loopback, tests/support/smtp.py) refuses a few
DATA and RCPT commands with 4xx on the way; then one last `endorse run --once` finishes.  It prints one line:

    lost L, handled twice H, replies twice R (same Message-ID: S), endorsers never asked N, kills K

lost: messages in the mailbox the database never stored; handled twice: a message handled more than once (by
its identity); replies twice: confirmation requests captured more than once for one endorser; endorsers never
asked: endorsements with no confirmation request at the server and no coordinator holding them.  Nothing here is timed.
"""
from __future__ import annotations

import argparse
import collections
import email
import mailbox
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from mailer.settings import load_settings  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.schema import InboundMessage  # noqa: E402
from tests.mails import endorsement  # noqa: E402
from tests.support.config import smtp_outgoing, write_config  # noqa: E402
from tests.support.smtp import SmtpSink  # noqa: E402

TRADES = ("Garment Workers", "Teachers", "Fisherfolk", "Transport Workers", "Nurses", "Students", "Farmers")


def organization(n: int) -> str:
    words = f"{TRADES[n % len(TRADES)]} Union Branch {n}"
    return f"{words} ({''.join(w[0] for w in words.split() if w[0].isalpha()).upper()}{n})"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--messages", type=int, default=1000)
    p.add_argument("--kills", type=int, default=30)
    p.add_argument("--postgres", action="store_true", help="a fresh schema on 127.0.0.1:5432 instead of SQLite")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="endorse-soak-"))
    schema = None
    if args.postgres:
        from tests.support.postgres import PgSchema
        schema = PgSchema()
        url = schema.start()
    else:
        url = f"sqlite:///{folder / 'soak.db'}"
    with SmtpSink() as smtp:
        config = write_config(folder, database_url=url, outgoing=smtp_outgoing(smtp),
                              extra={"schedule": {"poll_seconds": 1}, "replies": {"per_sender_per_day": 10}})
        settings = load_settings(config)
        box = mailbox.Maildir(str(settings.mailbox.maildir), create=True)
        senders = []
        for n in range(args.messages):
            sender = f"w{n}@org{n}.example.org"
            senders.append(sender)
            box.add(endorsement(sender=f"Writer {n} <{sender}>", organization=organization(n), country="Malaysia"))
        command = [sys.executable, "-m", "mailer.cli", "--config", str(config), "run"]
        for kill in range(args.kills):
            if rng.random() < 0.3:
                smtp.fail_next(rng.choice(("DATA", "RCPT")), 451, "4.3.0 try again later", times=rng.randint(1, 3))
            worker = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            time.sleep(rng.uniform(0.3, 3.0))
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        for _ in range(5):                   # the last runs: whatever was left, and retries after the backoff
            subprocess.run(command + ["--once"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                           check=False)
            time.sleep(1.2)
        db = open_database(url)
        with db.session() as s:
            stored = s.scalars(select(InboundMessage.identity)).all()
            states = collections.Counter(s.scalars(select(InboundMessage.state)))
            failures = s.scalars(select(InboundMessage.last_error).where(InboundMessage.state == "failed")).all()
            with_coordinator = {sender for sender, in s.execute(select(InboundMessage.sender).where(
                InboundMessage.state == "review"))}
            why = s.scalars(select(InboundMessage.reasons).where(InboundMessage.state == "review")).all()
        db.dispose()
        requests = collections.Counter()
        ids = collections.Counter()
        for captured in smtp.messages:
            msg = email.message_from_bytes(captured.raw)
            if "[confirm c-" in str(msg.get("Subject", "")):
                requests[captured.rcpt_tos[0]] += 1
                ids[msg["Message-ID"]] += 1
    if schema is not None:
        schema.stop()
    lost = args.messages - len(stored)
    twice = len(stored) - len(set(stored))
    replies_twice = sum(n - 1 for n in requests.values() if n > 1)
    same_id = sum(n - 1 for n in ids.values() if n > 1)
    never = sum(1 for sender in senders if requests[sender] == 0 and sender not in with_coordinator)
    print(f"lost {lost}, handled twice {twice}, replies twice {replies_twice} (same Message-ID: {same_id}), "
          f"endorsers never asked {never}, kills {args.kills}; messages by state {dict(states)} (review: a "
          f"coordinator has them, as the reader asks)")
    for reason in why:
        print("  review:", reason[:200])
    for failure in failures:
        print("  failed:", failure.strip().splitlines()[-1][:300])
    return 0 if lost == twice == never == 0 and replies_twice == same_id <= args.kills else 1


if __name__ == "__main__":
    sys.exit(main())
