"""Several workers on one PostgreSQL database: one poller per mailbox, no race on the cursor, caps per mailbox."""
from __future__ import annotations

import mailbox
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from mailer.settings import load_settings
from storage.db import open_database
from storage.schema import InboundMessage, OutboxMessage
from tests.mails import endorsement, organization_name
from tests.support.config import smtp_outgoing, write_config


def test_three_workers_started_together_on_a_fresh_database_share_the_work(tmp_path, db_url, smtp):
    if not db_url.startswith("postgresql"):
        pytest.skip("several workers are a PostgreSQL setup; SQLite runs one")
    config = write_config(tmp_path, database_url=db_url, outgoing=smtp_outgoing(smtp))
    settings = load_settings(config)
    box = mailbox.Maildir(str(settings.mailbox.maildir), create=True)
    for n in range(30):
        box.add(endorsement(sender=f"Writer {n} <w{n}@org{n}.example.org>", organization=organization_name(n)))
    workers = [subprocess.Popen([sys.executable, "-m", "mailer.cli", "--config", str(config), "run", "--once"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [w.communicate(timeout=180) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], [err[-2000:] for _, err in outs]
    fetched = sum(int(out.split("fetched ", 1)[1].split(",", 1)[0]) for out, _ in outs if "fetched " in out)
    assert fetched == 30                                      # one poller fetched the mailbox, once
    db = open_database(settings.database_url)
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(InboundMessage)) == 30
            assert s.scalar(select(func.count()).select_from(InboundMessage).where(
                InboundMessage.state == "stored")) == 0
            requests = s.scalars(select(OutboxMessage.recipient).where(
                OutboxMessage.purpose == "confirmation_request")).all()
            assert len(requests) == len(set(requests)) == 30   # each endorser asked once
    finally:
        db.dispose()
