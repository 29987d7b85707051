"""The digest goes out exactly once per period: catch-up, a miss, two workers, a kill -9 half-way (real SMTP sink)."""
from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from mailer.compose import make_environment
from mailer.digest.run import prepare, run_due
from mailer.digest.schedule import Schedule, latest
from mailer.edges.smtp import SmtpSender
from storage import digests
from storage.db import open_database
from storage.schema import DigestDelivery, Signatory, Subscriber
from tests.support.subscribers import MONDAY_9, add_active, make_world, parsed


@pytest.fixture
def world(tmp_path, db_url, smtp):
    w = make_world(tmp_path, db_url, smtp, catch_up_hours=12)
    yield w
    w.db.dispose()


def copies(sink) -> list:
    return [m for m in sink.messages if b"List-Id:" in m.raw]


def ledger(world) -> dict[str, str]:
    with world.db.session() as s:
        return {d.period: d.state for d in digests.ledger(s)}


def test_a_worker_back_within_catch_up_hours_sends_the_missed_digest_once(world):
    add_active(world.db, 5, MONDAY_9)
    world.clock.t = MONDAY_9 + timedelta(hours=11)          # down at 09:00, back at 20:00
    first = run_due(world.db, world.settings, now=world.clock)
    world.clock.t += timedelta(minutes=30)
    second = run_due(world.db, world.settings, now=world.clock)
    assert (first.action, first.state, second.action) == ("start", "sent", "nothing")
    assert sorted(m.rcpt_tos[0] for m in copies(world.sink)) == [f"s{i}@sub.example.net" for i in range(5)]
    assert ledger(world) == {"2025-W23": "sent"}


def test_a_week_missed_by_more_than_catch_up_hours_is_recorded_and_the_next_digest_covers_it(world):
    add_active(world.db, 2, MONDAY_9)
    with world.db.session() as s:
        s.add(Signatory(organization="Kilusang Mayo Uno", short_name="KMU", country="PH", country_text="Philippines",
                        contact_email="kmu@kmu.example.org", verified_at=MONDAY_9 - timedelta(days=3), status="listed",
                        name_key="kilusang mayo uno"))
    world.clock.t = MONDAY_9 + timedelta(hours=13)          # too late: nothing for this week
    assert run_due(world.db, world.settings, now=world.clock).action == "miss"
    assert copies(world.sink) == [] and ledger(world) == {"2025-W23": "missed"}

    world.clock.t = MONDAY_9 + timedelta(days=7, minutes=1)
    assert run_due(world.db, world.settings, now=world.clock).state == "sent"
    assert ledger(world) == {"2025-W23": "missed", "2025-W24": "sent"}
    body = parsed(copies(world.sink)[0].raw).get_body(("plain",)).get_content()
    assert "Kilusang Mayo Uno (KMU), Philippines" in body.split("In all")[0]    # new since the last digest sent


def test_two_workers_at_the_same_moment_share_the_digest_and_nobody_gets_two(world):
    add_active(world.db, 120, MONDAY_9)
    reports, errors = [], []

    def worker():
        try:
            reports.append(run_due(world.db, world.settings, now=world.clock))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    received = collections.Counter(m.rcpt_tos[0] for m in copies(world.sink))
    assert len(received) == 120 and set(received.values()) == {1}
    assert sum(r.deliveries.get("sent", 0) for r in reports) == 120
    assert ledger(world) == {"2025-W23": "sent"}


def test_a_temporary_refusal_is_retried_later_and_the_digest_then_finishes(world):
    add_active(world.db, 3, MONDAY_9)
    world.sink.fail_next("DATA", 451, "4.3.0 try again later")
    first = run_due(world.db, world.settings, now=world.clock)
    assert (first.state, first.deliveries) == ("sending", {"sent": 2, "pending": 1})
    world.clock.t += timedelta(seconds=world.settings.outgoing.retry_seconds)
    second = run_due(world.db, world.settings, now=world.clock)
    assert (second.action, second.state, second.deliveries) == ("resume", "sent", {"sent": 1})
    received = collections.Counter(m.rcpt_tos[0] for m in copies(world.sink))
    assert len(received) == 3 and set(received.values()) == {1}


def test_the_coordinators_summary_goes_the_same_day_once(world):
    sender = SmtpSender(world.settings.outgoing)
    run_due(world.db, world.settings, now=world.clock, outbox_sender=sender)
    world.clock.t += timedelta(hours=1)
    run_due(world.db, world.settings, now=world.clock, outbox_sender=sender)
    summaries = [m for m in world.sink.messages if b"weekly summary" in m.raw]
    assert sorted(m.rcpt_tos for m in summaries) == [("coord1@example.org",), ("coord2@example.org",)]
    assert b"Waiting for review: 0" in summaries[0].raw


def test_a_copy_handed_over_when_its_sender_died_is_not_resent_and_the_next_summary_says_so(world):
    """A crash between handing a copy to SMTP and hearing back leaves its fate unknown: at most once wins."""
    add_active(world.db, 3, MONDAY_9)
    occurrence = latest(world.clock(), Schedule.of(world.settings.digest))
    assert prepare(world.db, world.settings, occurrence, world.clock(),
                   templates=make_environment(world.settings.templates))
    with world.db.session() as s:
        digest = digests.find(s, occurrence.period)
        claims = digests.claim(s, digest.id, limit=10, now=world.clock(), lease=timedelta(minutes=5))
    with world.db.session() as s:                          # the sender marks the first copy and then dies
        assert digests.mark_handed(s.connection(), [claims[0].delivery_id], world.clock()) == {claims[0].delivery_id}
    world.clock.t += timedelta(minutes=6)                   # its lease runs out
    resumed = run_due(world.db, world.settings, now=world.clock)
    assert (resumed.action, resumed.state, resumed.deliveries) == ("resume", "sent", {"sent": 2})
    assert sorted(m.rcpt_tos[0] for m in copies(world.sink)) == ["s1@sub.example.net", "s2@sub.example.net"]
    with world.db.session() as s:
        assert digests.delivery_counts(s, digest.id) == {"sent": 2, "uncertain": 1}

    world.clock.t = MONDAY_9 + timedelta(days=7)
    run_due(world.db, world.settings, now=world.clock, outbox_sender=SmtpSender(world.settings.outgoing))
    [summary, _] = [parsed(m.raw) for m in world.sink.messages if b"weekly summary 2025-W24" in m.raw]
    assert "The last digest: 1 copy may or may not have arrived" in summary.get_content()


@pytest.mark.timeout(240)
def test_a_digest_killed_half_way_is_finished_on_restart_and_nobody_gets_two(tmp_path, db_url, smtp):
    """The real command in a subprocess, SIGKILLed once the sink holds about half of the copies, then run again."""
    world = make_world(tmp_path, db_url, smtp, batch_size=10, connections=2)
    total = 400
    add_active(world.db, total, MONDAY_9)
    world.db.dispose()
    cmd = [sys.executable, "-m", "mailer.cli", "--config", str(world.settings.source), "digest", "--send",
           "--now", MONDAY_9.isoformat()]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    try:
        smtp.wait_for(total // 2, timeout=120)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    at_kill = len(copies(smtp))
    assert at_kill < total, "the digest finished before the kill: the test proved nothing"

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "resume" in done.stdout and "sent" in done.stdout

    received = collections.Counter(m.rcpt_tos[0] for m in copies(smtp))
    assert max(received.values()) == 1                                  # nobody got two
    db = open_database(world.settings.database_url)
    try:
        with db.session() as s:
            states = dict(s.execute(select(Subscriber.email, DigestDelivery.state)
                                    .join(Subscriber, Subscriber.id == DigestDelivery.subscriber_id)).all())
    finally:
        db.dispose()
    assert len(states) == total                                         # every subscriber's copy is accounted for
    uncertain = {email for email, state in states.items() if state == "uncertain"}
    assert set(states.values()) <= {"sent", "uncertain"}
    # Only a copy in an SMTP transaction at the kill (at most one per connection) is of unknown fate: it is not
    # sent again. Everyone else got exactly one.
    assert len(uncertain) <= world.settings.digest.connections
    assert {email for email in states if received[email] == 0} <= uncertain
    assert all(received[email] == 1 for email, state in states.items() if state == "sent")
    print(f"kill at {at_kill} of {total}; after the restart {sum(received.values())} copies to {len(received)} "
          f"subscribers, {len(uncertain)} uncertain")
