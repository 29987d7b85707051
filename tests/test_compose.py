"""Outgoing mail: threaded, stamped as automatic, and immune to header injection."""
from __future__ import annotations

import email
import email.policy
from datetime import datetime

from mailer.compose import Outgoing, make_environment, render, reply_subject
from mailer.reading.parse import parse_message
from mailer.settings import DEFAULT_TEMPLATES

ENV = make_environment(DEFAULT_TEMPLATES)
CONTEXT = {"statement_title": "T", "statement_address": "s@example.org", "sender_name": "Desk",
           "contact_name": "", "listed": True, "listing": "X"}


def rendered(**kw) -> email.message.EmailMessage:
    out = Outgoing(template="confirmed", context={**CONTEXT, "subject": kw.pop("subject", "Re: hello")},
                   to=kw.pop("to", "a@example.net"), to_name=kw.pop("to_name", ""),
                   in_reply_to="<orig@example.net>", references=("<root@example.net>",))
    raw = render(ENV, out, sender="s@example.org", sender_name="Desk", message_id="<m1@example.org>",
                 date=datetime(2026, 11, 29, 12, 0))
    return email.message_from_bytes(raw, policy=email.policy.default), raw


def test_reply_threads_and_says_it_is_automatic():
    msg, _ = rendered()
    assert msg["In-Reply-To"] == "<orig@example.net>"
    assert msg["References"] == "<root@example.net> <orig@example.net>"
    assert msg["Message-ID"] == "<m1@example.org>"
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["Subject"] == "Re: hello"


def test_reply_subject_adds_re_once():
    assert reply_subject("Re: x") == "Re: x"
    assert reply_subject("Endorsement") == "Re: Endorsement"


def test_encoded_newline_in_an_inbound_subject_cannot_add_a_bcc_header():
    """CVE-2024-6923: an encoded word holding =0A must not become a header line in our reply."""
    inbound = parse_message(b"From: x@example.net\r\nSubject: =?utf-8?q?hello=0ABcc:_victim@example.com?=\r\n\r\nhi\r\n")
    msg, raw = rendered(subject=reply_subject(inbound.subject), to_name="Evil\r\nBcc: other@example.com")
    assert msg["Bcc"] is None
    assert b"\nBcc:" not in raw and b"\rBcc:" not in raw
    assert "victim@example.com" in msg["Subject"]          # kept as harmless text


def test_non_ascii_names_and_subjects_are_encoded_not_raw():
    msg, raw = rendered(subject="Re: Dukungan — pernyataan", to_name="Ñoño Pérez")
    assert msg["Subject"] == "Re: Dukungan — pernyataan"
    assert msg["To"].addresses[0].display_name == "Ñoño Pérez"
    raw.decode("ascii")   # the header block and body are 7-bit clean


def test_a_subject_with_an_encoded_word_python_cannot_read_still_renders():
    """Found by a dry run over the shared corpus: a gb2312 word holding GBK characters made rendering fail."""
    inbound = parse_message(b"From: x@example.net\r\nSubject: =?gb2312?B?ztKw0b61zbc=?=\r\n\r\nhi\r\n")
    assert "=?" not in inbound.subject                        # read through gb18030, GBK's superset
    for subject in (reply_subject(inbound.subject), "Re: =?gb2312?B?ztKw0b61zbc=?= left as written",
                    "Re: =?bogus?x?zz?="):
        msg, raw = rendered(subject=subject, to_name="=?utf-8?q?Name=0ABcc:_a@b.c?=")
        raw.decode("ascii")
        assert msg["Bcc"] is None
        assert msg["Subject"].replace("\u2060", "") == subject      # shown as written, never decoded again
