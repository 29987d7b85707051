"""A mailbox restored from a backup or moved by a migration tool: its copies are known by Message-ID and the
writer's content, whatever transport headers they gained (storage.identity)."""
from __future__ import annotations

from sqlalchemy import func, select

from storage.identity import message_identity
from storage.schema import InboundMessage
from tests.mails import endorsement
from tests.support.desk import only

MIGRATED = (b"From MAILER-DAEMON Thu Feb 15 10:00:00 2024\n"
            b"Received: from backup.example.net by imap.example.org; Thu, 15 Feb 2024 10:00:00 +0000\n"
            b"X-Gmail-Labels: Inbox,Important\nStatus: RO\nX-Mozilla-Status: 0001\n")


def restored(raw: bytes) -> bytes:
    """What an mbox export and re-import makes of *raw*: new trace headers first, LF line ends."""
    return MIGRATED + raw.replace(b"\r\n", b"\n") + b"\n\n"


def test_a_restored_copy_that_gained_headers_is_not_handled_again(desk):
    original = endorsement(message_id="<restore-1@client.example.net>")
    only(desk.deliver(original), "aruna@psm.example.org", "[confirm c-")
    assert desk.deliver(restored(original)) == []                      # nobody gets a second request
    with desk.db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboundMessage)) == 1


def test_what_the_writer_wrote_still_tells_two_messages_apart():
    one = endorsement(message_id="<same@client.example.net>", organization="Parti Sosialis Malaysia (PSM)")
    other = endorsement(message_id="<same@client.example.net>", organization="Partai Rakyat Pekerja (PRP)")
    assert message_identity("<same@client.example.net>", one)[0] != message_identity("<same@client.example.net>",
                                                                                       other)[0]
    assert message_identity("<same@client.example.net>", one) == message_identity("<same@client.example.net>",
                                                                                    restored(one))
