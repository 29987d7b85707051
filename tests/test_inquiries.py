"""The inquiry desk on a real SMTP server and both databases: acknowledge, route, relay, follow up, stay safe.

Mail goes in through a Maildir and the real pipeline (intake, classify, handle), comes out through the SMTP
sink; the clock is injected.  The classifier decides the kinds, as in production.
"""
from __future__ import annotations

import email
import email.policy
import email.utils
import json
import mailbox
from datetime import timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from mailer.cli import main
from mailer.edges.mailbox_source import MaildirConnection
from mailer.pipeline import handle_stored, intake, send_outbox
from mailer.settings import load_settings
from mailer.edges.smtp import SmtpSender
from storage import inquiries as store
from storage.db import open_database
from storage.schema import Inquiry, InquiryMessage, ReviewItem
from tests.mails import reply_as_client
from tests.test_delivery import Clock
from tests.support.config import smtp_outgoing, write_config

ASKER = "Maria Santos <maria@kasama.example.ph>"
COORDINATORS = ("coord1@example.org", "coord2@example.org")


def question(*, sender: str = ASKER, subject: str = "Question about the joint statement",
             body: str = "Hello,\n\nCan our youth group also sign the joint statement? Who should we write to?\n\n"
                         "Thank you,\nMaria\n", attachment: bytes | None = None, headers: dict | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "statement@example.org"
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=True)
    msg["Message-ID"] = email.utils.make_msgid(domain="kasama.example.ph")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="our-profile.pdf")
    return msg.as_bytes()


def parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def body_of(raw: bytes) -> str:
    return parsed(raw).get_body(("plain",)).get_content().replace("\r\n", "\n")


@pytest.fixture
def desk(tmp_path, db_url, smtp):
    settings = load_settings(write_config(tmp_path, database_url=db_url, outgoing=smtp_outgoing(smtp)))
    db = open_database(settings.database_url)
    clock = Clock()
    inbox = mailbox.Maildir(str(settings.mailbox.maildir), create=True)
    sender = SmtpSender(settings.outgoing)

    def deliver(*raws: bytes) -> list:
        """Mail arrives, a cycle handles it and sends; returns what left in this cycle."""
        before = len(smtp.messages)
        for raw in raws:
            inbox.add(raw)
        intake(MaildirConnection(settings.mailbox.maildir), db, batch_size=10, now=clock)
        handle_stored(db, settings, now=clock)
        send_outbox(db, sender, settings, now=clock)
        return smtp.messages[before:]

    yield settings, db, clock, deliver
    db.dispose()


def by_recipient(sent) -> dict[str, bytes]:
    return {m.rcpt_tos[0]: m.raw for m in sent}


def inquiry(db, number: int = 1) -> tuple[str, list[tuple[str, str]]]:
    with db.session() as s:
        row = s.get(Inquiry, number)
        return row.state, [(m.role, m.address) for m in store.thread_of(s, number)]


def test_a_question_is_acknowledged_in_the_askers_language_and_copied_to_each_coordinator(desk):
    settings, db, clock, deliver = desk
    raw = question(subject="Tanong tungkol sa pinagsamang pahayag",
                   body="Magandang araw po! Maaari bang pumirma ang aming samahan ng kabataan sa pahayag? "
                        "Kanino po kami dapat sumulat?\n\nSalamat po,\nMaria\n", attachment=b"%PDF-1.4 profile")
    sent = by_recipient(deliver(raw))

    assert sorted(sent) == ["coord1@example.org", "coord2@example.org", "maria@kasama.example.ph"]
    ack = parsed(sent["maria@kasama.example.ph"])
    assert ack["Subject"] == "Re: Tanong tungkol sa pinagsamang pahayag [INQ-1]"
    assert ack["Content-Language"] == "tl" and "Salamat sa pagsulat" in body_of(sent["maria@kasama.example.ph"])
    assert ack["In-Reply-To"] == parsed(raw)["Message-ID"]
    assert ack["Auto-Submitted"] == "auto-replied"
    for coordinator in COORDINATORS:
        copy = parsed(sent[coordinator])
        assert copy["Subject"] == "[INQ-1] Tanong tungkol sa pinagsamang pahayag"
        assert copy["Reply-To"].addresses[0].addr_spec.startswith("statement+q-")
        text = body_of(sent[coordinator])
        assert "Maria Santos <maria@kasama.example.ph>" in text and "Maaari bang pumirma" in text
        [pdf] = [p for p in copy.iter_attachments()]
        assert (pdf.get_filename(), pdf.get_content()) == ("our-profile.pdf", b"%PDF-1.4 profile")
    # each coordinator gets a copy of their own; one token serves the inquiry's current step
    assert parsed(sent[COORDINATORS[0]])["Reply-To"] == parsed(sent[COORDINATORS[1]])["Reply-To"]
    assert inquiry(db) == ("open", [("question", "maria@kasama.example.ph"), ("ack", "maria@kasama.example.ph"),
                                    ("copy", "coord1@example.org"), ("copy", "coord2@example.org")])


def test_a_coordinators_reply_reaches_the_asker_threaded_without_the_copy_or_notes(desk):
    settings, db, clock, deliver = desk
    raw = question()
    sent = by_recipient(deliver(raw))
    copy = sent["coord1@example.org"]
    reply = reply_as_client(copy, sender="Rosa <coord1@example.org>",
                            body="Dear Maria,\n\nYes, your youth group can sign: reply with its name and country.\n"
                                 "#note she asked last year too\n\nIn solidarity,\nRosa")
    [relay] = deliver(reply)

    assert relay.rcpt_tos == ("maria@kasama.example.ph",)
    out = parsed(relay.raw)
    assert out["From"].addresses[0].addr_spec == "statement@example.org"
    assert out["In-Reply-To"] == parsed(raw)["Message-ID"]           # threaded on the asker's own message
    assert parsed(sent["maria@kasama.example.ph"])["Message-ID"] in out["References"]
    assert out["Subject"] == "Re: Question about the joint statement [INQ-1]"
    text = body_of(relay.raw)
    assert "Yes, your youth group can sign" in text and "In solidarity,\nRosa" in text
    for leak in ("#note", "last year", ">", "wrote:", "Endorse inquiry", "q-", "coord1@example.org"):
        assert leak not in text
    for header in ("Reply-To", "X-Endorse-Inquiry", "Cc"):
        assert out[header] is None
    state, thread = inquiry(db)
    assert state == "answered" and thread[-2:] == [("coordinator_reply", "coord1@example.org"),
                                                   ("relay", "maria@kasama.example.ph")]
    with db.session() as s:
        [note] = [m.notes for m in s.scalars(select(InquiryMessage)) if m.notes]
    assert note == "she asked last year too"


def test_a_second_coordinators_later_reply_is_relayed_as_well(desk):
    settings, db, clock, deliver = desk
    sent = by_recipient(deliver(question()))
    deliver(reply_as_client(sent["coord1@example.org"], sender="coord1@example.org", body="Yes, you can sign."))
    clock.t += timedelta(hours=3)
    [relay] = deliver(reply_as_client(sent["coord2@example.org"], sender="coord2@example.org",
                                      body="Adding to Rosa's answer: the deadline is 30 June."))

    assert relay.rcpt_tos == ("maria@kasama.example.ph",) and "30 June" in body_of(relay.raw)
    _, thread = inquiry(db)
    assert [r for r in thread if r[0] in ("coordinator_reply", "relay")] == [
        ("coordinator_reply", "coord1@example.org"), ("relay", "maria@kasama.example.ph"),
        ("coordinator_reply", "coord2@example.org"), ("relay", "maria@kasama.example.ph")]


def test_a_follow_up_reopens_the_inquiry_and_the_coordinators_hear_of_it(desk):
    settings, db, clock, deliver = desk
    raw = question()
    first = by_recipient(deliver(raw))
    [relay] = deliver(reply_as_client(first["coord1@example.org"], sender="coord1@example.org",
                                      body="Yes, you can sign."))
    follow = reply_as_client(relay.raw, sender=ASKER, body="Thank you! Is there a deadline for signing?")
    sent = by_recipient(deliver(follow))

    assert sorted(sent) == list(COORDINATORS)              # no second acknowledgement to the asker
    notice = parsed(sent["coord1@example.org"])
    assert notice["In-Reply-To"] == parsed(first["coord1@example.org"])["Message-ID"]   # the coordinator's thread
    assert "Is there a deadline" in body_of(sent["coord1@example.org"])
    assert "open again" in body_of(sent["coord1@example.org"])
    assert inquiry(db)[0] == "open"

    # an answer to the older copy still finds its way (by Message-ID), threaded on the follow-up
    [second] = deliver(reply_as_client(first["coord2@example.org"], sender="coord2@example.org",
                                       body="The deadline is 30 June."))
    assert parsed(second.raw)["In-Reply-To"] == parsed(follow)["Message-ID"]
    assert inquiry(db)[0] == "answered"


def test_a_forged_coordinator_reply_is_not_relayed(desk):
    settings, db, clock, deliver = desk
    sent = by_recipient(deliver(question()))
    # (what the forger asks is a plain question: the test is about the path, not about reading a scam)
    genuine = reply_as_client(sent["coord1@example.org"], sender="coord1@example.org",
                              body="When will the list of signatories be published?")
    failed_dkim = (b"Authentication-Results: mx.example.org; dkim=fail header.d=example.org; "
                   b"dmarc=fail header.from=example.org\r\n" + genuine)
    no_token = question(sender="coord1@example.org", subject="Re: [INQ-1] Question about the joint statement",
                        body="When will the list of signatories be published?",
                        headers={"In-Reply-To": "<made-up@example.org>"})
    out = deliver(failed_dkim, no_token)

    assert "maria@kasama.example.ph" not in [r for m in out for r in m.rcpt_tos]
    assert inquiry(db, 1)[0] == "open"
    # handled as ordinary inquiries from that address: the coordinators are told what it claimed
    with db.session() as s:
        others = s.scalars(select(Inquiry).where(Inquiry.id > 1)).all()
    assert [i.asker for i in others] == ["coord1@example.org", "coord1@example.org"]
    warnings = [body_of(m.raw) for m in out if m.rcpt_tos == ("coord2@example.org",)]
    assert any("dkim=fail for example.org" in w for w in warnings)
    assert any("carries no valid inquiry token" in w for w in warnings)


def test_machine_mail_in_the_thread_is_never_answered_nor_relayed(desk):
    settings, db, clock, deliver = desk
    sent = by_recipient(deliver(question()))
    ack = sent["maria@kasama.example.ph"]
    out_of_office = reply_as_client(ack, sender=ASKER, body="I am away until Monday. Any question? Call me.")
    out_of_office = b"Auto-Submitted: auto-replied\r\n" + out_of_office
    bounce = (b"From: MAILER-DAEMON@kasama.example.ph\r\nTo: statement+bounces@example.org\r\n"
              b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <b1@kasama.example.ph>\r\n"
              b"Auto-Submitted: auto-replied\r\n\r\nThis is the mail system at host kasama.example.ph.\r\n"
              b"I'm sorry to have to inform you that your message could not be delivered.\r\n")
    bulk = question(sender="News <news@lists.example.net>", subject="Question of the week: who signs?",
                    headers={"Precedence": "bulk", "List-Unsubscribe": "<mailto:unsub@lists.example.net>"})
    coordinator_away = b"Auto-Submitted: auto-replied\r\n" + reply_as_client(
        sent["coord1@example.org"], sender="coord1@example.org", body="I am on leave. Any question? Ask Ana.")

    assert deliver(out_of_office, bounce, bulk, coordinator_away) == []
    assert inquiry(db)[0] == "open" and len(inquiry(db)[1]) == 4     # nothing joined the thread


def test_acknowledgements_are_capped_per_sender_per_day(desk):
    settings, db, clock, deliver = desk
    cap = settings.inquiries.ack_per_sender_per_day
    for n in range(cap):
        assert len(deliver(question(subject=f"Question {n} about the statement"))) == 3

    assert deliver(question(subject="One more question about the statement")) == []
    with db.session() as s:
        [held] = s.scalars(select(ReviewItem)).all()
    assert f"INQ-{cap + 1}" in held.reason and "rate limit" in held.reason

    clock.t += timedelta(days=1, minutes=1)
    assert len(deliver(question(subject="A question the next day?"))) == 3


def test_a_reply_of_only_notes_stays_internal(desk):
    settings, db, clock, deliver = desk
    sent = by_recipient(deliver(question()))
    assert deliver(reply_as_client(sent["coord1@example.org"], sender="coord1@example.org",
                                   body="#note I will call her tomorrow")) == []
    state, thread = inquiry(db)
    assert state == "open" and thread[-1] == ("coordinator_reply", "coord1@example.org")


def test_unanswered_inquiries_are_those_open_longer_than_the_days_given(desk):
    settings, db, clock, deliver = desk
    deliver(question(subject="First question about the statement"))
    clock.t += timedelta(days=3)
    sent = by_recipient(deliver(question(sender="Ana <ana@example.net>", subject="Second question?")))
    clock.t += timedelta(days=5)
    with db.session() as s:
        assert [i.reference for i in store.unanswered_inquiries(s, clock.t, 7)] == ["INQ-1"]
        assert [i.reference for i in store.unanswered_inquiries(s, clock.t, 5)] == ["INQ-1", "INQ-2"]
    deliver(reply_as_client(sent["coord1@example.org"], sender="coord1@example.org", body="Yes."))
    with db.session() as s:
        assert [i.reference for i in store.unanswered_inquiries(s, clock.t, 5)] == ["INQ-1"]


def test_status_names_the_inquiries_left_unanswered_longer_than_the_setting(desk, capsys):
    settings, db, clock, deliver = desk
    days = settings.inquiries.unanswered_days
    clock.t -= timedelta(days=days + 1)
    deliver(question(subject="An old question about the statement?"))
    clock.t += timedelta(days=days)
    deliver(question(sender="Ana <ana@example.net>", subject="A recent question about the statement?"))

    assert main(["--config", str(settings.source), "status"]) == 0
    assert f"Unanswered {days}+ days:    1: INQ-1 ({days + 1} days)\n" in capsys.readouterr().out
    assert main(["--config", str(settings.source), "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["inquiries"] == {"open": 2} and status["unanswered_inquiries"] == {"INQ-1": days + 1}
