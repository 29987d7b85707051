"""Sending from the outbox: retry with backoff on 4xx, a visible failure on 5xx, a pause (no attempt spent) while
the server is down, and a reply whose fate a crash made unknown sent again with the same Message-ID."""
from __future__ import annotations

import mailbox
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from mailer.edges.mailbox_source import MaildirConnection
from mailer.pipeline import handle_stored, intake, send_outbox
from mailer.settings import load_settings
from mailer.edges.smtp import SmtpSender
from storage.db import open_database, utcnow
from storage.schema import OutboxMessage, ReviewItem
from tests.mails import endorsement, organization_name
from tests.support.config import smtp_outgoing, write_config


class Clock:
    def __init__(self):
        self.t = utcnow()

    def __call__(self):
        return self.t


@pytest.fixture
def world(tmp_path, db_url, smtp):
    settings = load_settings(write_config(tmp_path, database_url=db_url, outgoing=smtp_outgoing(smtp)))
    db = open_database(settings.database_url)
    clock = Clock()
    inbox = mailbox.Maildir(str(settings.mailbox.maildir), create=True)

    def deliver(raw: bytes):
        inbox.add(raw)
        conn = MaildirConnection(settings.mailbox.maildir)
        intake(conn, db, batch_size=10, now=clock)
        handle_stored(db, settings, now=clock)

    yield settings, db, clock, deliver, SmtpSender(settings.outgoing)
    db.dispose()


def run_cli(settings, *args):
    return subprocess.run([sys.executable, "-m", "mailer.cli", "--config", str(settings.source), *args],
                          capture_output=True, text=True, timeout=60)


def outbox_rows(db):
    with db.session() as s:
        return [(r.state, r.attempts, r.message_id, r.last_error) for r in s.scalars(select(OutboxMessage))]


def test_temporary_failure_is_retried_after_backoff_with_the_same_message(world, smtp):
    settings, db, clock, deliver, sender = world
    deliver(endorsement())
    smtp.fail_next("DATA", 451, "4.3.0 try again later")

    first = send_outbox(db, sender, settings, now=clock)
    [(state, attempts, message_id, error)] = outbox_rows(db)
    assert (first.retrying, state, attempts) == (1, "pending", 1) and "451" in error

    assert send_outbox(db, sender, settings, now=clock).sent == 0          # not due yet: backoff
    clock.t += timedelta(seconds=settings.outgoing.retry_seconds)
    assert send_outbox(db, sender, settings, now=clock).sent == 1
    [(state, attempts, same_id, _)] = outbox_rows(db)
    assert (state, attempts, same_id) == ("sent", 2, message_id)
    [captured] = smtp.messages
    assert f"Message-ID: {message_id}".encode() in captured.raw


def test_permanent_failure_is_marked_failed_and_not_retried(world, smtp):
    settings, db, clock, deliver, sender = world
    deliver(endorsement())
    smtp.fail_next("RCPT", 550, "5.1.1 no such user")
    report = send_outbox(db, sender, settings, now=clock)
    clock.t += timedelta(days=1)
    send_outbox(db, sender, settings, now=clock)
    [(state, attempts, _, error)] = outbox_rows(db)
    assert (report.failed, state, attempts) == (1, "failed", 1) and "550" in error
    assert smtp.messages == []


def test_a_claim_left_by_a_sender_that_died_before_handing_it_over_is_sent_later(world, smtp):
    settings, db, clock, deliver, sender = world
    deliver(endorsement())

    class DiesBeforeSending:
        def send(self, batch, journal):
            raise SystemExit("killed after the claim, before the SMTP transaction")

    with pytest.raises(SystemExit):
        send_outbox(db, DiesBeforeSending(), settings, now=clock)
    assert outbox_rows(db)[0][0] == "sending"
    assert send_outbox(db, sender, settings, now=clock).sent == 0     # the lease still stands
    clock.t += timedelta(hours=2)                                      # the lease runs out
    assert send_outbox(db, sender, settings, now=clock).sent == 1
    assert len(smtp.messages) == 1 and outbox_rows(db)[0][0] == "sent"


def test_a_reply_handed_to_smtp_when_the_sender_died_goes_again_with_the_same_message_id(world, smtp):
    """The delivery rule of replies (storage.outbox.DELIVERY): at least once. A kill after the server took the
    message and before the result was committed leaves its fate unknown; it is sent again, same bytes, so a
    confirmation request is never lost and a duplicate is one the client threads as the same message."""
    settings, db, clock, deliver, sender = world
    deliver(endorsement())

    class DiesAfterSending:
        def send(self, batch, journal):
            class Forgets:                      # the process dies between the server's 250 and the commit
                def handing(self, key):
                    return journal.handing(key)

                def done(self, result):
                    raise SystemExit("killed between SMTP 250 and the commit")
            return sender.send(batch, Forgets())

    with pytest.raises(SystemExit):
        send_outbox(db, DiesAfterSending(), settings, now=clock)
    assert len(smtp.messages) == 1
    clock.t += timedelta(hours=2)                                      # the lease runs out
    assert send_outbox(db, sender, settings, now=clock).sent == 1
    first, second = smtp.messages
    assert first.raw == second.raw                                     # same bytes, same Message-ID
    [(state, _attempts, _mid, _note)] = outbox_rows(db)
    assert state == "sent"


def test_an_smtp_outage_of_any_length_pauses_sending_and_everything_goes_when_it_is_back(world, smtp):
    settings, db, clock, deliver, sender = world
    for n in range(3):
        deliver(endorsement(sender=f"Writer {n} <w{n}@org{n}.example.org>", organization=organization_name(n)))
    import socket
    with socket.socket() as closed:                       # a port nobody listens on: the server is down
        closed.bind(("127.0.0.1", 0))
        down = SmtpSender(replace(settings.outgoing, port=closed.getsockname()[1]))
    for _hour in range(48):                                # two days: far beyond the old backoff's ~2 hours
        report = send_outbox(db, down, settings, now=clock)
        assert report.sent == 0 and report.failed == 0 and "cannot connect" in report.paused
        clock.t += timedelta(hours=1)
    assert {(state, attempts) for state, attempts, _mid, _err in outbox_rows(db)} == {("pending", 0)}
    status = run_cli(settings, "status")
    assert "Sending paused:" in status.stdout and "cannot connect" in status.stdout

    assert send_outbox(db, sender, settings, now=clock).sent == 3   # the server is back: all of it goes
    assert {state for state, *_ in outbox_rows(db)} == {"sent"}
    assert "Sending paused" not in run_cli(settings, "status").stdout


def test_a_421_is_the_servers_state_not_the_messages_and_spends_no_attempt(world, smtp):
    settings, db, clock, deliver, sender = world
    deliver(endorsement())
    smtp.fail_next("DATA", 421, "4.3.2 Service shutting down", times=3)
    for _ in range(3):
        assert send_outbox(db, sender, settings, now=clock).paused
        clock.t += timedelta(seconds=settings.outgoing.retry_seconds)
    [(state, attempts, _mid, error)] = outbox_rows(db)
    assert (state, attempts) == ("pending", 0) and "421" in error
    assert send_outbox(db, sender, settings, now=clock).sent == 1


def test_no_reply_goes_to_an_address_email_validator_rejects(world, smtp):
    settings, db, clock, deliver, sender = world
    deliver(endorsement(sender="Someone <someone@localhost>"))
    assert outbox_rows(db) == []
    with db.session() as s:
        [item] = s.scalars(select(ReviewItem)).all()
    assert "invalid address" in item.reason


def test_replies_to_one_sender_are_capped_per_day(world, smtp):
    settings, db, clock, deliver, sender = world
    for n in range(settings.replies.per_sender_per_day + 2):
        deliver(endorsement(organization=organization_name(n)))
    assert len(outbox_rows(db)) == settings.replies.per_sender_per_day
    with db.session() as s:
        reasons = [r.reason for r in s.scalars(select(ReviewItem))]
    assert len(reasons) == 2 and all("rate limit" in r for r in reasons)


def test_auto_replies_and_bounces_are_never_answered(world, smtp):
    settings, db, clock, deliver, sender = world
    deliver(b"From: Ana <ana@example.com>\r\nTo: statement@example.org\r\nSubject: Out of office\r\n"
            b"Auto-Submitted: auto-replied\r\nMessage-ID: <o1@example.com>\r\n\r\nOrganisation: X\r\nCountry: France\r\n")
    deliver(b"From: MAILER-DAEMON@example.com\r\nTo: statement@example.org\r\nSubject: Undelivered Mail\r\n"
            b"Message-ID: <b1@example.com>\r\n\r\nOrganisation: X\r\nCountry: France\r\n")
    deliver(endorsement(sender="Noreply <noreply@example.com>"))
    assert outbox_rows(db) == []


def test_run_once_that_could_send_nothing_says_why_on_one_line_and_exits_75(tmp_path, db_url, smtp):
    import socket
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings = load_settings(write_config(tmp_path, database_url=db_url, outgoing=smtp_outgoing(smtp, port=port)))
    mailbox.Maildir(str(settings.mailbox.maildir), create=True).add(endorsement())
    once = run_cli(settings, "run", "--once")
    assert once.returncode == 75
    [why] = [ln for ln in once.stdout.splitlines() if ln.startswith("endorse: nothing could be sent")]
    assert "cannot connect" in why
