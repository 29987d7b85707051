"""The digest's sending pool against the real SMTP sink: a copy goes only after its hand-over mark is written."""
from __future__ import annotations

import asyncio

import pytest

from mailer.digest.bulk import SmtpPool
from mailer.settings import load_settings
from mailer.edges.smtp import Envelope
from tests.support.config import smtp_outgoing, write_config


def envelopes(n: int):
    async def feed():
        for i in range(n):
            raw = (f"From: statement@example.org\r\nTo: s{i}@sub.example.net\r\nSubject: digest\r\n"
                   f"Message-ID: <d{i}@example.org>\r\n\r\nhello {i}\r\n").encode()
            yield Envelope(i, "statement+b@example.org", f"s{i}@sub.example.net", raw)
    return feed()


def test_every_copy_sent_was_marked_first_and_each_result_is_recorded(tmp_path, smtp):
    settings = load_settings(write_config(tmp_path, database_url="sqlite://", outgoing=smtp_outgoing(smtp)))
    marked, results = [], []

    def record(handed, done):
        marked.extend(handed)
        results.extend(done)
        return set(handed)

    asyncio.run(SmtpPool(settings.outgoing, 3).run(envelopes(40), record))
    delivered = sorted(int(m.rcpt_tos[0][1:].split("@")[0]) for m in smtp.messages)
    assert delivered == list(range(40)) and sorted(marked) == list(range(40))
    assert sorted(r.key for r in results if r.ok) == list(range(40))


def test_when_the_marks_cannot_be_written_nothing_unmarked_is_sent(tmp_path, smtp):
    settings = load_settings(write_config(tmp_path, database_url="sqlite://", outgoing=smtp_outgoing(smtp)))
    allowed: set[int] = set()
    calls = [0]

    def record(handed, done):
        calls[0] += 1
        if calls[0] > 3:
            raise RuntimeError("the database went away")
        allowed.update(handed)
        return set(handed)

    with pytest.raises(RuntimeError, match="went away"):
        asyncio.run(SmtpPool(settings.outgoing, 3).run(envelopes(200), record))
    delivered = {int(m.rcpt_tos[0][1:].split("@")[0]) for m in smtp.messages}
    assert delivered <= allowed and len(delivered) < 200
