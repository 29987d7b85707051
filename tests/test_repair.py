"""Repair after a fix: failed messages handled again, failed replies sent again in bulk (real SMTP, both
databases)."""
from __future__ import annotations

from sqlalchemy import select

from storage.schema import InboundMessage, ReviewItem
from tests.mails import endorsement
from tests.support.desk import only


def test_a_message_that_failed_is_handled_again_after_the_fix(desk, monkeypatch):
    import mailer.pipeline

    def broken(mail):
        raise RuntimeError("a bug in this version")
    with monkeypatch.context() as m:
        m.setattr(mailer.pipeline, "classify", broken)
        desk.deliver(endorsement())
    code, listed = desk.cli("messages", "list", "--state", "failed")
    assert code == 0 and "a bug in this version" in listed
    code, out = desk.cli("messages", "retry", "--all-failed")            # the fixed version is running now
    assert code == 0 and out.startswith("1 failed message")
    request = only(desk.tick(minutes=1), "aruna@psm.example.org", "[confirm c-")
    assert "Parti Sosialis Malaysia (PSM), Malaysia" in request.text
    with desk.db.session() as s:
        assert [m.state for m in s.scalars(select(InboundMessage))] == ["handled"]
        assert [(i.state, i.decision) for i in s.scalars(select(ReviewItem))] == [("closed", "retried")]
    assert desk.cli("messages", "retry", "1")[0] == 1                    # nothing failed any more


def test_replies_refused_for_good_go_again_in_bulk_once_the_cause_is_fixed(desk, smtp):
    smtp.fail_next("RCPT", 550, "5.7.1 relaying denied for this sender", times=2)
    desk.deliver(endorsement(), endorsement(sender="Other <other@ppr.example.org>",
                                            organization="People's Liberation Party (PPR)", country="Indonesia"))
    code, listed = desk.cli("outbox", "list", "--state", "failed")
    assert code == 0 and listed.count("550") == 2
    code, out = desk.cli("outbox", "resend", "--state", "failed", "--since", "2000-01-01")
    assert code == 0 and out.startswith("2 failed outbox messages go again")
    assert len([s for s in desk.tick(minutes=1) if "[confirm c-" in s.subject]) == 2
    assert desk.cli("outbox", "resend")[0] == 2                          # neither an ID nor a state: told how


def test_a_message_that_kills_the_worker_is_quarantined_after_three_tries_and_the_queue_goes_on(desk, monkeypatch):
    """A crash or the OOM killer is not an exception the handler can catch: the count of handlings begun is
    committed before each, so the fourth start quarantines the message instead of dying on it again."""
    import mailer.pipeline
    from mailer.edges.mailbox_source import MaildirConnection
    from mailer.pipeline import handle_stored, intake

    real = mailer.pipeline.classify

    def killer(mail):
        if "Killer" in mail.subject:
            raise SystemExit("the worker is killed while handling this message")
        return real(mail)
    desk.inbox.add(endorsement(subject="Killer endorsement"))
    desk.inbox.add(endorsement(sender="Other <other@ppr.example.org>", organization="Partai Rakyat Pekerja (PRP)",
                               country="Indonesia"))
    intake(MaildirConnection(desk.settings.mailbox.maildir), desk.db, batch_size=50, now=desk.clock)
    monkeypatch.setattr(mailer.pipeline, "classify", killer)
    for _start in range(3):                                      # three starts, three deaths
        try:
            handle_stored(desk.db, desk.settings, now=desk.clock)
        except SystemExit:
            pass
    handle_stored(desk.db, desk.settings, now=desk.clock)       # the fourth start goes past it
    with desk.db.session() as s:
        killer_row, other = s.scalars(select(InboundMessage).order_by(InboundMessage.id)).all()   # as delivered
        [item] = s.scalars(select(ReviewItem)).all()
        assert (killer_row.state, killer_row.attempts) == ("failed", 4) and "quarantined: 3 handlings" in item.reason
        assert other.state == "handled"                          # the queue was never blocked behind it
    monkeypatch.setattr(mailer.pipeline, "classify", real)      # the fix
    assert desk.cli("messages", "retry", str(killer_row.id))[0] == 0
    assert any("[confirm c-" in m.subject for m in desk.tick(minutes=1))   # handled now, not quarantined again
