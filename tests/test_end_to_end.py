"""The whole mail path on real servers: Dovecot IMAP in, aiosmtpd SMTP out, SQLite and PostgreSQL.

Each test drives the real ``endorse`` command in a subprocess, as cron would.
"""
from __future__ import annotations

import email
import email.policy
import json
import os
import subprocess
import sys

import pytest

from tests.mails import endorsement, reply_as_client
from tests.support.config import imap_mailbox, smtp_outgoing, write_config

ENV = {**os.environ, "ENDORSE_TEST_IMAP_PASSWORD": "secret"}


def endorse(config, *args) -> str:
    done = subprocess.run([sys.executable, "-m", "mailer.cli", "--config", str(config), *args],
                          capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def config(tmp_path, imap_account, smtp, db_url):
    return write_config(tmp_path, database_url=db_url, mailbox=imap_mailbox(imap_account),
                        outgoing=smtp_outgoing(smtp))


def test_endorsement_is_confirmed_by_reply_and_listed(config, imap_account, smtp):
    imap_account.append(endorsement())
    endorse(config, "run", "--once")

    [request] = smtp.wait_for(1)
    assert request.rcpt_tos == ("aruna@psm.example.org",)
    parsed = email.message_from_bytes(request.raw, policy=email.policy.default)
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert "[confirm c-" in parsed["Subject"] and parsed["Subject"].startswith("Re: ")
    assert "Parti Sosialis Malaysia (PSM), Malaysia" in parsed.get_body(("plain",)).get_content()
    assert endorse(config, "signatories", "--format", "text") == ""   # not listed before confirming

    imap_account.append(reply_as_client(request.raw, sender="Aruna Devi <aruna@psm.example.org>", body="Yes"))
    endorse(config, "run", "--once")

    assert endorse(config, "signatories", "--format", "text") == "  1. Parti Sosialis Malaysia (PSM), Malaysia\n"
    rows = json.loads(endorse(config, "signatories", "--format", "json"))
    assert [(r["organization"], r["short_name"], r["country"]) for r in rows] == [
        ("Parti Sosialis Malaysia", "PSM", "MY")]
    thanks = smtp.wait_for(2)[1]
    assert thanks.rcpt_tos == ("aruna@psm.example.org",)
    # handled mail is flagged \Seen at the source once its bytes are committed
    assert all(b"\\Seen" in m.flags for m in imap_account.fetch().messages)


def test_second_cycle_over_the_same_mailbox_changes_nothing(config, imap_account, smtp):
    imap_account.append(endorsement())
    endorse(config, "run", "--once")
    before = json.loads(endorse(config, "status", "--json"))
    smtp.wait_for(1)

    second = endorse(config, "run", "--once")

    assert "fetched 0, stored 0" in second and "sent 0" in second
    assert json.loads(endorse(config, "status", "--json")) == before
    assert len(smtp.messages) == 1


def test_uidvalidity_change_does_not_handle_a_message_twice(tmp_path, db_url, imap_account, smtp):
    config = write_config(tmp_path, database_url=db_url, mailbox=imap_mailbox(imap_account, folder="Endorse"),
                          outgoing=smtp_outgoing(smtp))
    raw = endorsement()
    imap_account.append(raw, folder="Endorse")
    first_validity = imap_account.fetch("Endorse").uidvalidity
    endorse(config, "run", "--once")
    # the folder is deleted and made again (a restored backup): a new UIDVALIDITY, the same message again
    with imap_account.connect() as client:
        client.delete_folder("Endorse")
    imap_account.append(raw, folder="Endorse")
    assert imap_account.fetch("Endorse").uidvalidity != first_validity

    out = endorse(config, "run", "--once")

    assert "stored 0, already known 1" in out
    status = json.loads(endorse(config, "status", "--json"))
    assert status["endorsements"] == {"confirmation_requested": 1}
    assert len(smtp.wait_for(1)) == 1


def test_broken_mime_is_stored_and_shown_as_unknown(config, imap_account, smtp):
    imap_account.append(b"From: someone@example.net\r\nTo: statement@example.org\r\nSubject: broken\r\n"
                        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno boundary here\r\n--\r\n")
    endorse(config, "run", "--once")
    status = json.loads(endorse(config, "status", "--json"))
    assert status["kinds"] == {"unknown": 1}
    assert status["messages"] == {"review": 1}
    assert status["review"] == {"open": 1}
    # nothing goes back to the sender; each coordinator gets the review mail with the original text
    assert sorted(m.rcpt_tos for m in smtp.messages) == [("coord1@example.org",), ("coord2@example.org",)]
    assert all(b"Subject: [review r-" in m.raw and b"From: someone@example.net" in m.raw for m in smtp.messages)


def test_handled_mail_moves_to_the_processed_folder(tmp_path, imap_account, smtp):
    config = write_config(tmp_path, database_url=f"sqlite:///{tmp_path / 'e.db'}",
                          mailbox=imap_mailbox(imap_account, processed_folder="Processed"),
                          outgoing=smtp_outgoing(smtp))
    imap_account.append(endorsement())
    endorse(config, "run", "--once")
    assert imap_account.fetch("INBOX").messages == ()
    assert len(imap_account.fetch("Processed").messages) == 1
