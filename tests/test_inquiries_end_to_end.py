"""The inquiry desk on real servers, driven by the real ``endorse`` command: Dovecot IMAP in, SMTP out.

An inquiry arrives; the acknowledgement and the coordinators' copies leave; a coordinator's reply comes back and
is relayed to the asker, threaded and without the quoted copy; the inquiry shows answered; a follow-up reopens it;
a coordinator closes it.
"""
from __future__ import annotations

import email
import email.policy
import json

from tests.mails import reply_as_client
from tests.support.config import imap_mailbox, smtp_outgoing, write_config
from tests.test_end_to_end import endorse
from tests.test_inquiries import ASKER, body_of, by_recipient, question

import pytest


@pytest.fixture
def config(tmp_path, imap_account, smtp, db_url):
    return write_config(tmp_path, database_url=db_url, mailbox=imap_mailbox(imap_account),
                        outgoing=smtp_outgoing(smtp))


def state_of(config, reference="INQ-1") -> str:
    return json.loads(endorse(config, "inquiries", "show", reference, "--json"))["state"]


def test_an_inquiry_is_acknowledged_routed_answered_by_relay_and_reopened_by_a_follow_up(config, imap_account,
                                                                                         smtp):
    raw = question()
    imap_account.append(raw)
    endorse(config, "run", "--once")

    sent = by_recipient(smtp.wait_for(3))
    assert sorted(sent) == ["coord1@example.org", "coord2@example.org", "maria@kasama.example.ph"]
    assert "[INQ-1]" in email.message_from_bytes(sent["maria@kasama.example.ph"])["Subject"]
    assert "Can our youth group also sign" in body_of(sent["coord1@example.org"])
    assert state_of(config) == "open"

    imap_account.append(reply_as_client(sent["coord2@example.org"], sender="Ana <coord2@example.org>",
                                        body="Dear Maria,\n\nYes: reply with your group's name and country.\n"
                                             "#note known group, fine\n\nAna"))
    endorse(config, "run", "--once")

    relay = smtp.wait_for(4)[3]
    assert relay.rcpt_tos == ("maria@kasama.example.ph",)
    out = email.message_from_bytes(relay.raw, policy=email.policy.default)
    assert out["In-Reply-To"] == email.message_from_bytes(raw)["Message-ID"]
    text = body_of(relay.raw)
    assert "Yes: reply with your group's name and country." in text
    assert "Can our youth group" not in text and "wrote:" not in text and "#note" not in text
    assert state_of(config) == "answered"
    listed = endorse(config, "inquiries", "list", "--state", "answered")
    assert "INQ-1" in listed and "answered" in listed

    imap_account.append(reply_as_client(relay.raw, sender=ASKER, body="Thanks! Is there a deadline to sign?"))
    endorse(config, "run", "--once")

    notices = smtp.wait_for(6)[4:]
    assert sorted(m.rcpt_tos[0] for m in notices) == ["coord1@example.org", "coord2@example.org"]
    assert state_of(config) == "open"
    shown = endorse(config, "inquiries", "show", "INQ-1")
    assert "follow_up" in shown and "[internal notes]\nknown group, fine" in shown

    assert endorse(config, "inquiries", "close", "INQ-1") == "INQ-1 closed\n"
    assert state_of(config) == "closed"
    assert len(smtp.messages) == 6                     # closing sends nothing

