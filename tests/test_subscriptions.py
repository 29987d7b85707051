"""Subscribing by mail (double opt-in), leaving by the List-Unsubscribe mailto, bounces: real SMTP sink, both DBs."""
from __future__ import annotations

import email.utils
from datetime import timedelta

import pytest

from mailer.digest.run import run_due
from mailer.edges.smtp import SmtpSender
from storage import subscribers
from tests.mails import endorsement, reply_as_client
from tests.support.subscribers import MONDAY_9, add_active, mail, make_world, parsed


@pytest.fixture
def world(tmp_path, db_url, smtp):
    w = make_world(tmp_path, db_url, smtp)
    yield w
    w.db.dispose()


def state_of(world, address: str) -> str | None:
    with world.db.session() as s:
        row = subscribers.by_email(s, address)
        return row.state if row else None


def digest_recipients(world) -> list[str]:
    return [m.rcpt_tos[0] for m in world.sink.messages if b"List-Id:" in m.raw]


def subscribe(world, sender="Ana Reyes <ana@groups.example.net>"):
    """Ask, then answer the confirmation request with a plain Reply; returns (request, welcome)."""
    before = len(world.sink.messages)
    world.deliver(mail(sender, "subscribe"))
    request = world.sink.wait_for(before + 1)[-1]
    world.deliver(reply_as_client(request.raw, sender=sender, body=""))
    return request, world.sink.wait_for(before + 2)[-1]


def test_subscribing_takes_the_reply_to_the_confirmation_request(world):
    world.deliver(mail("Ana Reyes <ana@groups.example.net>", "subscribe"))
    [request] = world.sink.wait_for(1)
    head = parsed(request.raw)
    assert request.rcpt_tos == ("ana@groups.example.net",)
    assert "[subscribe s-" in head["Subject"] and head["Reply-To"].addresses[0].username.startswith("statement+s-")
    assert state_of(world, "ana@groups.example.net") == "pending"

    run_due(world.db, world.settings, now=world.clock)          # a digest now does not reach a pending address
    assert digest_recipients(world) == []

    world.deliver(reply_as_client(request.raw, sender="Ana Reyes <ana@groups.example.net>", body=""))
    assert state_of(world, "ana@groups.example.net") == "active"
    welcome = world.sink.messages[-1]
    assert welcome.rcpt_tos == ("ana@groups.example.net",) and b"will receive" in welcome.raw

    world.clock.t += timedelta(days=7)
    run_due(world.db, world.settings, now=world.clock)
    assert digest_recipients(world) == ["ana@groups.example.net"]


def test_the_confirmation_token_does_nothing_from_another_address(world):
    world.deliver(mail("Ana Reyes <ana@groups.example.net>", "subscribe"))
    [request] = world.sink.wait_for(1)
    world.deliver(reply_as_client(request.raw, sender="Mallory <mallory@elsewhere.example.com>", body="yes"))
    assert state_of(world, "ana@groups.example.net") == "pending"
    assert state_of(world, "mallory@elsewhere.example.com") is None
    assert len(world.sink.messages) == 1                          # no answer to the stranger either


def test_list_unsubscribe_mailto_ends_the_subscription_at_once_and_is_acknowledged_once(world):
    subscribe(world)
    run_due(world.db, world.settings, now=world.clock)
    [digest] = [m for m in world.sink.messages if b"List-Id:" in m.raw]
    mailto = parsed(digest.raw)["List-Unsubscribe"].strip("<>").removeprefix("mailto:")
    address, _, query = mailto.partition("?")
    assert address.startswith("statement+u-") and query == "subject=unsubscribe"

    # What a mail program's Unsubscribe button sends: to the mailto address, subject from its query
    world.deliver(mail("ana@groups.example.net", "unsubscribe", to=address))
    assert state_of(world, "ana@groups.example.net") == "unsubscribed"
    acks = [m for m in world.sink.messages if b"no longer receive" in m.raw]
    assert [a.rcpt_tos for a in acks] == [("ana@groups.example.net",)]

    world.deliver(mail("ana@groups.example.net", "unsubscribe", to=address))     # pressed twice
    assert len([m for m in world.sink.messages if b"no longer receive" in m.raw]) == 1
    world.clock.t += timedelta(days=7)
    run_due(world.db, world.settings, now=world.clock)
    assert digest_recipients(world) == ["ana@groups.example.net"]                 # only the first week's


def test_another_subscribers_unsubscribe_address_unsubscribes_nobody(world):
    subscribe(world, "Ana <ana@groups.example.net>")
    subscribe(world, "Ben <ben@union.example.org>")
    run_due(world.db, world.settings, now=world.clock)
    copies = {m.rcpt_tos[0]: parsed(m.raw) for m in world.sink.messages if b"List-Id:" in m.raw}
    anas = copies["ana@groups.example.net"]["List-Unsubscribe"].strip("<>").removeprefix("mailto:").partition("?")[0]
    bens = copies["ben@union.example.org"]["List-Unsubscribe"].strip("<>").removeprefix("mailto:").partition("?")[0]
    assert anas != bens

    def to_them():
        return [m for m in world.sink.messages if m.rcpt_tos[0] in ("ana@groups.example.net", "ben@union.example.org")]
    sent = len(to_them())
    world.deliver(mail("ben@union.example.org", "unsubscribe", to=anas))        # Ben with Ana's token
    assert (state_of(world, "ana@groups.example.net"), state_of(world, "ben@union.example.org")) == (
        "active", "active")
    assert len(to_them()) == sent                                                # and nobody is told anything

    world.deliver(mail("ben@union.example.org", "unsubscribe", to=bens))        # his own works
    assert state_of(world, "ben@union.example.org") == "unsubscribed"


def test_a_plain_unsubscribe_with_a_failed_dmarc_check_is_not_done(world):
    subscribe(world)
    forged = mail("ana@groups.example.net", "unsubscribe").replace(
        b"From:", b"Authentication-Results: mx.example.org; dmarc=fail header.from=groups.example.net\nFrom:", 1)
    world.deliver(forged)
    assert state_of(world, "ana@groups.example.net") == "active"
    world.deliver(mail("ana@groups.example.net", "Unsubscribe", "Please unsubscribe me."))
    assert state_of(world, "ana@groups.example.net") == "unsubscribed"


def test_an_endorsement_with_digest_yes_subscribes_once_the_endorsement_is_confirmed(world):
    raw = endorsement().replace(b"Country: Malaysia\n", b"Country: Malaysia\nDigest: yes\n")
    world.deliver(raw)
    assert state_of(world, "aruna@psm.example.org") == "awaiting_endorsement"
    [request] = world.sink.wait_for(1)
    run_due(world.db, world.settings, now=world.clock)
    assert digest_recipients(world) == []                     # not before the endorsing address confirmed

    world.deliver(reply_as_client(request.raw, sender="Aruna Devi <aruna@psm.example.org>", body="Yes"))
    assert state_of(world, "aruna@psm.example.org") == "active"
    world.clock.t += timedelta(days=7)
    run_due(world.db, world.settings, now=world.clock)
    [copy] = [m for m in world.sink.messages if b"List-Id:" in m.raw]
    assert copy.rcpt_tos == ("aruna@psm.example.org",) and b"Parti Sosialis Malaysia (PSM), Malaysia" in copy.raw


def dsn(to: str, recipient: str, *, status: str = "5.1.1", action: str = "failed") -> bytes:
    """A Postfix-style delivery status notification (RFC 3464) for *recipient*, sent to *to*."""
    return (f"From: MAILER-DAEMON@mx.sub.example.net (Mail Delivery System)\r\nTo: {to}\r\n"
            f"Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
            f"Message-ID: {email.utils.make_msgid(domain='mx.sub.example.net')}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
            "--B\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mx.sub.example.net.\r\n"
            f"I'm sorry to have to inform you that your message could not be delivered.\r\n\r\n<{recipient}>: "
            f"host said: {'550' if status.startswith('5') else '450'} {status} mailbox problem\r\n\r\n"
            "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.sub.example.net\r\n\r\n"
            f"Final-Recipient: rfc822; {recipient}\r\nAction: {action}\r\nStatus: {status}\r\n\r\n--B--\r\n").encode()


def test_hard_bounces_to_the_verp_address_disable_a_subscriber_and_coordinators_see_it(world):
    add_active(world.db, 2, world.clock())
    run_due(world.db, world.settings, now=world.clock)
    copies = [m for m in world.sink.messages if b"List-Id:" in m.raw]
    return_path = {m.rcpt_tos[0]: m.mail_from for m in copies}
    verp = return_path["s0@sub.example.net"]
    assert verp.startswith("statement+b-") and verp != return_path["s1@sub.example.net"]

    world.deliver(dsn(verp, "s0@sub.example.net", status="4.2.2", action="delayed"))      # temporary: no count
    world.deliver(dsn(verp, "s0@sub.example.net"))
    world.deliver(dsn(verp, "s0@sub.example.net"))             # the same day: counted once
    with world.db.session() as s:
        assert subscribers.by_email(s, "s0@sub.example.net").hard_bounces == 1
    world.clock.t += timedelta(days=2)
    world.deliver(dsn(verp, "s0@sub.example.net"))             # the second hard bounce: max_hard_bounces = 2
    assert (state_of(world, "s0@sub.example.net"), state_of(world, "s1@sub.example.net")) == ("disabled", "active")
    assert not [m for m in world.sink.messages if m.rcpt_tos[0].startswith("mailer-daemon")]   # never answered

    world.clock.t = MONDAY_9 + timedelta(days=7)
    run_due(world.db, world.settings, now=world.clock, outbox_sender=SmtpSender(world.settings.outgoing))
    summaries = [m for m in world.sink.messages if b"weekly summary" in m.raw and b"2025-W24" in m.raw]
    assert sorted(m.rcpt_tos for m in summaries) == [("coord1@example.org",), ("coord2@example.org",)]
    assert b"s0@sub.example.net" in summaries[0].raw and b"Disabled after 2 hard bounces" in summaries[0].raw
    assert digest_recipients(world)[-1:] == ["s1@sub.example.net"]


def test_a_refusal_while_sending_counts_as_a_hard_bounce(world):
    add_active(world.db, 1, world.clock())
    world.sink.fail_next("RCPT", 550, "5.1.1 no such user")
    report = run_due(world.db, world.settings, now=world.clock)
    assert report.deliveries == {"failed": 1} and report.state == "sent"
    with world.db.session() as s:
        assert subscribers.by_email(s, "s0@sub.example.net").hard_bounces == 1
