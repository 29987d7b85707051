"""The digest through the real commands: preview sends nothing; the worker catches up a digest missed while down."""
from __future__ import annotations

import collections
import json
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

from mailer.settings import WEEKDAYS
from storage.db import utcnow
from tests.support.subscribers import add_active, make_world


def endorse(config, *args) -> str:
    done = subprocess.run([sys.executable, "-m", "mailer.cli", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def an_hour_ago() -> dict:
    """A digest moment one hour before now (UTC), so a worker starting now is within catch_up_hours of it."""
    moment = datetime.now(timezone.utc) - timedelta(hours=1)
    return {"weekday": WEEKDAYS[moment.weekday()], "time": moment.strftime("%H:%M"), "timezone": "UTC"}


def test_preview_prints_the_digest_and_sends_nothing(tmp_path, db_url, smtp):
    world = make_world(tmp_path, db_url, smtp)
    add_active(world.db, 3, utcnow())
    world.db.dispose()
    out = endorse(world.settings.source, "digest", "--preview")
    assert "List-Unsubscribe: <mailto:statement+u-preview@example.org?subject=unsubscribe>" in out
    assert "Precedence: bulk" in out and "In all: 0 organizations" in out
    assert "<html" not in out and "<html" in endorse(world.settings.source, "digest", "--preview", "--format", "html")
    assert smtp.messages == []
    assert json.loads(endorse(world.settings.source, "digest", "--ledger", "--json")) == []


def test_run_once_sends_a_digest_that_was_due_an_hour_ago_and_only_once(tmp_path, db_url, smtp):
    world = make_world(tmp_path, db_url, smtp, **an_hour_ago())
    add_active(world.db, 4, utcnow())
    world.db.dispose()
    first = endorse(world.settings.source, "run", "--once")
    second = endorse(world.settings.source, "run", "--once")
    [started] = [line for line in first.splitlines() if line.startswith("digest ")]
    [again] = [line for line in second.splitlines() if line.startswith("digest ")]
    assert started.endswith(": start; sent; sent 4") and ": nothing; sent;" in again
    received = collections.Counter(m.rcpt_tos[0] for m in smtp.messages if b"List-Id:" in m.raw)
    assert len(received) == 4 and set(received.values()) == {1}
    assert sorted(m.rcpt_tos for m in smtp.messages if b"weekly summary" in m.raw) == [
        ("coord1@example.org",), ("coord2@example.org",)]


@pytest.mark.timeout(120)
def test_the_worker_catches_up_at_start_and_stops_cleanly(tmp_path, smtp):
    world = make_world(tmp_path, f"sqlite:///{tmp_path / 'e.db'}", smtp, **an_hour_ago())
    add_active(world.db, 3, utcnow())
    world.db.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "mailer.cli", "--config", str(world.settings.source), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while len([m for m in smtp.messages if b"List-Id:" in m.raw]) < 3:
            assert proc.poll() is None and time.monotonic() < deadline, "the worker sent no digest"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert "worker stopped" in out
    ledger = json.loads(endorse(world.settings.source, "digest", "--ledger", "--json"))
    assert [(d["state"], d["deliveries"]) for d in ledger] == [("sent", {"sent": 3})]
