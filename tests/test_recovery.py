"""Crashes lose nothing and send no second reply; a message that breaks the handler is parked, not looped."""
from __future__ import annotations

import collections
import mailbox
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from mailer.desk import routes as handle_module
from mailer.model import Kind
from mailer.pipeline import handle_stored, intake
from mailer.edges.mailbox_source import MaildirConnection
from mailer.settings import load_settings
from storage.db import open_database
from storage.schema import Endorsement, InboundMessage, OutboxMessage, ReviewItem
from tests.mails import endorsement, organization_name
from tests.support.config import smtp_outgoing, write_config


def test_a_message_that_breaks_the_handler_is_quarantined_with_its_reason(tmp_path, db_url, monkeypatch):
    settings = load_settings(write_config(tmp_path, database_url=db_url))
    db = open_database(settings.database_url)
    box = mailbox.Maildir(str(settings.mailbox.maildir), create=True)
    box.add(endorsement(organization="Breaks (B)"))
    box.add(endorsement(sender="Other <other@example.net>", organization="Fine (F)"))
    intake(MaildirConnection(settings.mailbox.maildir), db, batch_size=10)

    real = handle_module.HANDLERS[Kind.ENDORSEMENT]

    def flaky(session, ctx, message, mail, u):
        if u.extraction.organization == "Breaks":
            session.add(Endorsement(message_id=message.id, contact_email="half@written", created_at=ctx.now,
                                    updated_at=ctx.now))
            raise RuntimeError("disk on fire")
        return real(session, ctx, message, mail, u)

    monkeypatch.setitem(handle_module.HANDLERS, Kind.ENDORSEMENT, flaky)
    report = handle_stored(db, settings)
    assert report.handled == {"failed": 1, "endorsement": 1}
    with db.session() as s:
        states = dict(s.execute(select(InboundMessage.subject, InboundMessage.state)).all()) or {}
        failed = s.scalar(select(InboundMessage).where(InboundMessage.state == "failed"))
        assert "disk on fire" in failed.last_error and failed.raw          # kept, with the reason
        assert s.scalar(select(func.count(Endorsement.id))) == 1          # the half-written row rolled back
        assert s.scalar(select(func.count(OutboxMessage.id))) == 1
        assert "handling failed" in s.scalars(select(ReviewItem.reason)).first()
    assert sorted(states.values()) == ["failed", "handled"]
    # a second pass does not loop on the parked message
    assert handle_stored(db, settings).handled == {}


def _count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count(model.id)))


@pytest.mark.timeout(240)
def test_kill_9_at_any_moment_loses_nothing_and_queues_no_second_reply(tmp_path, db_url, smtp):
    """Run the real worker, SIGKILL it at staggered moments, rerun until done: one reply per endorsement."""
    config = write_config(tmp_path, database_url=db_url, outgoing=smtp_outgoing(smtp))
    settings = load_settings(config)
    box = mailbox.Maildir(str(settings.mailbox.maildir), create=True)
    n = 40
    for i in range(n):
        box.add(endorsement(sender=f"Person {i} <p{i}@org{i}.example.net>", organization=organization_name(i)))
    cmd = [sys.executable, "-m", "mailer.cli", "--config", str(config), "run", "--once"]
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.0):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    db = open_database(settings.database_url)
    try:
        assert _count(db, InboundMessage) == n
        with db.session() as s:
            assert set(s.scalars(select(InboundMessage.state))) == {"handled"}
            assert s.scalar(select(func.count(Endorsement.id))) == n
            rows = s.execute(select(OutboxMessage.recipient, OutboxMessage.state, OutboxMessage.message_id)).all()
        assert len(rows) == n and len({r.recipient for r in rows}) == n
        delivered = collections.Counter(m.raw.split(b"Message-ID: ")[1].split(b"\r\n")[0].decode()
                                        for m in smtp.messages)
        assert set(delivered) <= {r.message_id for r in rows} and max(delivered.values()) == 1   # none twice
        # A kill inside an SMTP transaction leaves that one reply's fate unknown: `uncertain`, not sent again.
        # Every other reply is sent, once.
        uncertain = {r.message_id for r in rows if r.state == "uncertain"}
        assert {r.state for r in rows} <= {"sent", "uncertain"} and len(uncertain) <= 6
        assert {r.message_id for r in rows if r.state == "sent"} <= set(delivered)
        assert {r.message_id for r in rows} - set(delivered) <= uncertain
        print(f"{n} replies: {sum(delivered.values())} at the sink, {len(uncertain)} uncertain")
    finally:
        db.dispose()


def test_worker_stops_cleanly_on_sigterm(tmp_path):
    config = write_config(tmp_path, database_url=f"sqlite:///{tmp_path / 'e.db'}",
                          extra={"schedule": {"poll_seconds": 1}})
    mailbox.Maildir(str(tmp_path / "inbox"), create=True).add(endorsement())
    proc = subprocess.Popen([sys.executable, "-m", "mailer.cli", "--config", str(config), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 30
    while not list((tmp_path / "sent" / "new").glob("*")) if (tmp_path / "sent" / "new").exists() else True:
        assert time.monotonic() < deadline, "the worker sent nothing"
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert "worker stopped" in out
