"""A stop (SIGTERM) never waits for a backlog: the message in hand finishes, the rest waits for the next start,
stored or queued, with no attempt spent (mailer.pipeline's *stopping*, asked between units of work)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from mailer.edges.mailbox_source import MaildirConnection
from mailer.pipeline import handle_stored, intake, send_outbox
from storage.schema import InboundMessage, MessageState, OutboxMessage, OutboxState
from tests.mails import endorsement, organization_name
from tests.support.desk import Desk


def after(n: int):
    """A *stopping* that says yes from its (n+1)-th question on: a SIGTERM arriving mid-cycle."""
    asked = [0]

    def stopping() -> bool:
        asked[0] += 1
        return asked[0] > n
    return stopping


def states(desk: Desk, model, column) -> list[str]:
    with desk.db.session() as s:
        return sorted(s.scalars(select(column)).all())


def test_a_stop_while_handling_finishes_the_message_in_hand_and_leaves_the_rest_stored(desk):
    for n in range(8):
        desk.inbox.add(endorsement(sender=f"Writer {n} <w{n}@org{n}.example.org>", organization=organization_name(n)))
    intake(MaildirConnection(desk.settings.mailbox.maildir), desk.db, batch_size=50, now=desk.clock)
    report = handle_stored(desk.db, desk.settings, now=desk.clock, stopping=after(3))
    assert sum(report.handled.values()) == 3
    assert states(desk, InboundMessage, InboundMessage.state).count(MessageState.STORED) == 5
    handle_stored(desk.db, desk.settings, now=desk.clock)                  # the next start takes the rest
    assert MessageState.STORED not in states(desk, InboundMessage, InboundMessage.state)


def test_a_stop_while_sending_gives_the_rest_of_the_batch_back_without_spending_an_attempt(desk):
    for n in range(6):
        desk.inbox.add(endorsement(sender=f"Writer {n} <w{n}@org{n}.example.org>", organization=organization_name(n)))
    intake(MaildirConnection(desk.settings.mailbox.maildir), desk.db, batch_size=50, now=desk.clock)
    handle_stored(desk.db, desk.settings, now=desk.clock)
    report = send_outbox(desk.db, desk.sender, desk.settings, now=desk.clock, stopping=after(3))
    assert report.sent == 2                    # asked before the batch, then before each hand-over
    with desk.db.session() as s:
        rows = s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        left = [(r.state, r.attempts, r.handed_at) for r in rows if r.state != OutboxState.SENT]
    assert left and all(state == OutboxState.PENDING and attempts == 0 and handed is None
                        for state, attempts, handed in left)
    assert send_outbox(desk.db, desk.sender, desk.settings, now=desk.clock).sent == len(left)
