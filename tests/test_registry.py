"""The verified signatory registry on a real SMTP server and both databases: confirmation, expiry, dedupe,
withdrawal, audit.  Each test drives whole cycles with a clock it moves (tests/support/desk.py)."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from mailer.model import Kind
from storage.schema import Endorsement, ReviewItem
from tests.mails import endorsement, reply_as_client
from tests.support.config import BASE, write_config
from tests.support.desk import Desk, only

PSM = "Aruna Devi <aruna@psm.example.org>"


def confirm(desk: Desk, sent, sender: str, body: str = "Yes, we confirm."):
    request = only(sent, sender.split("<")[-1].rstrip(">"), "[confirm c-")
    return desk.deliver(reply_as_client(request.raw, sender=sender, body=body))


def states(desk: Desk) -> list[str]:
    with desk.db.session() as s:
        return [e.state for e in s.scalars(select(Endorsement).order_by(Endorsement.id))]


def test_the_request_shows_the_exact_line_and_a_plain_reply_lists_it(desk):
    sent = desk.deliver(endorsement(sender=PSM))
    request = only(sent, "aruna@psm.example.org", "[confirm c-")
    token = request.subject.rsplit("[confirm ", 1)[1].rstrip("]")
    assert str(request.message["Reply-To"]) == f"Statement Desk <statement+{token}@example.org>"
    assert "\n    Parti Sosialis Malaysia (PSM), Malaysia\n" in request.text
    assert desk.listed() == ""

    thanks = desk.deliver(reply_as_client(request.raw, sender=PSM, body=""))   # Reply, nothing written

    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"
    assert "now listed" in only(thanks, "aruna@psm.example.org").text


@pytest.mark.parametrize("body", ["Setuju.", "oo, kumpirmado", "Oui, nous confirmons.", "Confirm", "ใช่ครับ"])
def test_yes_in_the_statements_languages_confirms(desk, body):
    confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM, body)
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"


def test_no_cancels_and_the_quoted_request_decides_nothing(desk):
    sent = confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM, "No, cancel please.")
    assert desk.listed() == ""
    assert states(desk) == ["cancelled"]
    assert "cancelled" in only(sent, "aruna@psm.example.org").text


def test_a_forged_endorsement_that_never_confirms_stays_off_the_list_and_expires_after_one_reminder(desk):
    first = only(desk.deliver(endorsement(sender=PSM)), "aruna@psm.example.org", "[confirm c-")
    token_days, before = desk.settings.replies.token_days, desk.settings.replies.reminder_days

    assert desk.tick(days=token_days - before - 1) == []                 # too early for the reminder
    reminder = only(desk.tick(days=1), "aruna@psm.example.org", "Reminder:")
    assert "only reminder" in reminder.text and reminder.subject != first.subject   # a token of its own
    assert desk.tick(days=before - 1) == []                              # one reminder only
    assert desk.tick(days=1) == []                                       # expired quietly
    assert states(desk) == ["expired"] and desk.listed() == ""

    late = desk.deliver(reply_as_client(reminder.raw, sender=PSM, body="Yes"))
    assert "its time ran out" in only(late, "aruna@psm.example.org").text
    assert states(desk) == ["expired"] and desk.listed() == ""


def test_the_first_request_still_works_after_the_reminder(desk):
    first = only(desk.deliver(endorsement(sender=PSM)), "aruna@psm.example.org", "[confirm c-")
    desk.tick(days=desk.settings.replies.token_days - desk.settings.replies.reminder_days)
    desk.deliver(reply_as_client(first.raw, sender=PSM, body="yes"))
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"


def test_a_confirmation_from_another_address_does_nothing(desk):
    request = only(desk.deliver(endorsement(sender=PSM)), "aruna@psm.example.org", "[confirm c-")
    sent = desk.deliver(reply_as_client(request.raw, sender="Mallory <mallory@evil.example.net>", body="yes"))
    assert sent == [] and desk.listed() == "" and states(desk) == ["confirmation_requested"]


def test_a_replayed_token_gets_a_polite_answer_and_changes_nothing(desk):
    request = only(desk.deliver(endorsement(sender=PSM)), "aruna@psm.example.org", "[confirm c-")
    desk.deliver(reply_as_client(request.raw, sender=PSM, body="yes"))
    again = desk.deliver(reply_as_client(request.raw, sender=PSM, body="no"))   # a second, different reply
    assert "answered already" in only(again, "aruna@psm.example.org").text
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia" and states(desk) == ["verified"]


def test_an_unclear_answer_asks_again_and_keeps_the_token(desk):
    request = only(desk.deliver(endorsement(sender=PSM)), "aruna@psm.example.org", "[confirm c-")
    asked = desk.deliver(reply_as_client(request.raw, sender=PSM, body="Who are you? We never heard of this."))
    assert "could not tell" in only(asked, "aruna@psm.example.org").text and desk.listed() == ""
    desk.deliver(reply_as_client(request.raw, sender=PSM, body="No."))
    assert states(desk) == ["cancelled"]


def test_a_duplicate_under_a_variant_spelling_yields_one_line(desk):
    confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM)
    colleague = "Rani <rani@psm.example.org>"   # the same organization's domain, another person
    sent = desk.deliver(endorsement(sender=colleague, organization="PARTI SOSIALIS  MALAYSIA", country="malaysia"))
    confirm(desk, sent, colleague)
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"
    assert states(desk) == ["verified", "verified"]
    code, history = desk.cli("signatories", "--history")
    assert code == 0 and "merged" in history and "rani@psm.example.org" in history


def test_the_same_organization_from_an_unrelated_address_goes_to_review_with_both_shown(desk):
    confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM)
    stranger = "Someone <someone@gmail.example.com>"
    sent = confirm(desk, desk.deliver(endorsement(sender=stranger, organization="Parti Sosialis Malaysia")),
                   stranger)
    review = only(sent, "coord1@example.org", "[review r-")
    assert "Parti Sosialis Malaysia (PSM), Malaysia (listed)" in review.text
    assert "registered addresses: aruna@psm.example.org" in review.text
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"

    done = desk.deliver(reply_as_client(review.raw, sender="Coord One <coord1@example.org>", body="merge"))
    assert "merged" in only(done, "coord1@example.org").text
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"
    assert states(desk) == ["verified", "verified"]


def test_a_close_name_goes_to_review_before_any_confirmation_and_approve_then_asks(desk):
    confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM)
    other = "Ana <ana@pss.example.org>"
    sent = desk.deliver(endorsement(sender=other, organization="Parti Sosialis Malaysiana", country="Malaysia"))
    assert [s.to for s in sent] == ["coord1@example.org", "coord2@example.org"]     # nothing to the sender yet
    review = only(sent, "coord2@example.org", "[review r-")
    assert "close to a listed organization" in review.text

    after = desk.deliver(reply_as_client(review.raw, sender="coord2@example.org", body="approve"))
    confirm(desk, after, other)
    assert desk.listed() == ("  1. Parti Sosialis Malaysia (PSM), Malaysia\n"
                             "  2. Parti Sosialis Malaysiana, Malaysia")


def test_coordinator_commands_without_the_token_or_from_others_are_refused(desk):
    sent = desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis Malaysia (PSM)", country="Atlantis"))
    review = only(sent, "coord1@example.org", "[review r-")          # country not recognized: review first

    forged = desk.deliver(reply_as_client(review.raw, sender="Mallory <mallory@evil.example.net>", body="approve"))
    assert forged == []                                               # no answer to a stranger
    desk.deliver(b"From: Coord One <coord1@example.org>\r\nTo: statement@example.org\r\nSubject: approve\r\n"
                 b"Message-ID: <no-token@example.org>\r\n\r\napprove\r\n")   # the right person, no token
    assert states(desk) == ["review"] and desk.listed() == ""
    code, history = desk.cli("signatories", "--history")
    assert "review_command_refused" in history and "not from a coordinator" in history

    fixed = desk.deliver(reply_as_client(review.raw, sender="coord1@example.org", body="Country: Malaysia"))
    confirm(desk, fixed, PSM)
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"


def understood_as(monkeypatch, kind):
    """Whatever the classifier of the day says, the next messages are *kind* (its extraction kept)."""
    from dataclasses import replace

    from mailer import pipeline
    classify = pipeline.classify
    monkeypatch.setattr(pipeline, "classify", lambda mail: replace(classify(mail), kind=kind))


WITHDRAW = (f"From: {PSM}\r\nTo: statement@example.org\r\nSubject: Please remove our name\r\n"
            "Message-ID: <w1@psm.example.org>\r\n\r\nWe withdraw our endorsement of the statement.\r\n").encode()


def test_a_withdrawal_removes_the_line_and_keeps_the_history(desk, monkeypatch):
    confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM)
    with monkeypatch.context() as m:
        understood_as(m, Kind.WITHDRAWAL)
        request = only(desk.deliver(WITHDRAW), "aruna@psm.example.org", "[withdraw w-")
    assert "Parti Sosialis Malaysia (PSM), Malaysia" in request.text
    assert str(request.message["Reply-To"]).endswith("+" + request.subject.rsplit(" ", 1)[1].rstrip("]")
                                                     + "@example.org>")

    done = desk.deliver(reply_as_client(request.raw, sender=PSM, body=""))
    assert "no longer appears" in only(done, "aruna@psm.example.org").text
    assert desk.listed() == ""
    code, history = desk.cli("signatories", "--history", "--format", "json")
    events = json.loads(history)
    assert [e["action"] for e in events if e["signatory_id"]] == ["listed", "withdrawal_requested", "withdrawn"]
    assert events[-1]["actor"].endswith("aruna@psm.example.org") and events[-1]["details"]["organization"] == (
        "Parti Sosialis Malaysia")


def test_a_withdrawal_from_an_address_not_registered_goes_to_a_coordinator(desk, monkeypatch):
    confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM)
    with monkeypatch.context() as m:
        understood_as(m, Kind.WITHDRAWAL)
        sent = desk.deliver(WITHDRAW.replace(b"Aruna Devi <aruna@psm.example.org>", b"x@elsewhere.example.net"))
    assert {s.to for s in sent} == {"coord1@example.org", "coord2@example.org"}
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"
    with desk.db.session() as s:
        [item] = s.scalars(select(ReviewItem).where(ReviewItem.subject == "withdrawal")).all()
    code, out = desk.cli("review", "approve", str(item.id))        # which organization? the request named none
    assert code == 1 and "Organisation:" in out and desk.listed() != ""
    code, out = desk.cli("review", "edit", str(item.id), "--organization", "parti sosialis malaysia")
    assert code == 0 and desk.listed() == ""


def test_a_registered_address_asking_for_a_spelling_fix_goes_to_review_with_the_proposed_edit(desk):
    confirm(desk, desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis Malaysa (PSM)")), PSM)
    sent = desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis Malaysia (PSM)"))
    review = only(sent, "coord1@example.org", "[review r-")
    assert "correction" in review.subject and "organization: Parti Sosialis Malaysia" in review.text
    assert desk.listed() == "  1. Parti Sosialis Malaysa (PSM), Malaysia"
    told = desk.deliver(reply_as_client(review.raw, sender="coord1@example.org", body="Approve"))
    assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"
    assert "Parti Sosialis Malaysia (PSM), Malaysia" in only(told, "aruna@psm.example.org").text  # the endorser hears
    code, history = desk.cli("signatories", "--history")
    assert "'Parti Sosialis Malaysa' → 'Parti Sosialis Malaysia'" in history


def test_the_review_cli_lists_shows_edits_and_refuses_a_second_decision(desk):
    desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis Malaysia (PSM)", country="Atlantis"))
    code, listing = desk.cli("review", "list")
    item_id = listing.split()[0].lstrip("#")
    assert code == 0 and "endorsement" in listing and "country not recognized" in listing
    code, shown = desk.cli("review", "show", item_id)
    assert "Organisation: Parti Sosialis Malaysia" in shown and "Country: Atlantis" in shown

    code, out = desk.cli("review", "edit", item_id, "--country", "Malaysia")
    assert code == 0 and "Parti Sosialis Malaysia (PSM), Malaysia" in out
    request = only(desk.tick(minutes=1), "aruna@psm.example.org", "[confirm c-")   # the CLI used the real clock
    assert "Parti Sosialis Malaysia (PSM), Malaysia" in request.text
    code, out = desk.cli("review", "reject", item_id)
    assert code == 1 and "already decided" in out


def test_policy_confirm_and_approve_lists_only_after_a_coordinator(tmp_path, db_url, smtp):
    desk = Desk(tmp_path, db_url, smtp, policy={"verification": "confirm_and_approve"})
    try:
        sent = confirm(desk, desk.deliver(endorsement(sender=PSM)), PSM)
        assert "A coordinator will check it" in only(sent, "aruna@psm.example.org").text
        review = only(sent, "coord1@example.org", "[review r-")
        assert desk.listed() == ""
        desk.deliver(reply_as_client(review.raw, sender="coord1@example.org", body="approve"))
        assert desk.listed() == "  1. Parti Sosialis Malaysia (PSM), Malaysia"
    finally:
        desk.close()


def test_the_listed_mail_after_a_coordinators_approval_is_in_the_endorsers_language(tmp_path, db_url, smtp):
    desk = Desk(tmp_path, db_url, smtp, policy={"verification": "confirm_and_approve"})
    sender = "Pierre Rousset <pierre@essf.example.org>"
    french = endorsement(sender=sender, organization="Europe solidaire sans frontières (ESSF)", country="France",
                         subject="Signature de la déclaration")
    french = french.replace(b"Dear comrades,\n\nWe endorse the statement.",
                            "Chers camarades,\n\nNous signons la déclaration commune.".encode())
    try:
        sent = confirm(desk, desk.deliver(french), sender, body="Oui, nous confirmons.")
        assert "Un coordinateur la vérifiera" in only(sent, "pierre@essf.example.org").text
        review = only(sent, "coord1@example.org", "[review r-")
        listed = only(desk.deliver(reply_as_client(review.raw, sender="coord1@example.org", body="approve")),
                      "pierre@essf.example.org")
        assert "figure désormais parmi les signataires" in listed.text
    finally:
        desk.close()


def test_free_mail_senders_go_to_a_coordinator_first_when_the_setting_asks(tmp_path, db_url, smtp):
    desk = Desk(tmp_path, db_url, smtp, policy={"review_free_mail": True, "free_mail_domains": ["gmail.com"]})
    try:
        sent = desk.deliver(endorsement(sender="Aruna <aruna.psm@gmail.com>"))
        assert {s.to for s in sent} == {"coord1@example.org", "coord2@example.org"}
        assert "free-mail" in sent[0].text
        request = only(desk.deliver(endorsement(sender=PSM, organization="Partido Lakas ng Masa (PLM)",
                                                country="Philippines")), "aruna@psm.example.org")
        assert "[confirm c-" in request.subject
    finally:
        desk.close()


def test_initiators_are_pinned_first_and_the_reply_address_is_a_setting(tmp_path, db_url, smtp):
    base = BASE + 'initiators = ["PARTIDO LAKAS NG MASA"]\n'      # matched whatever the case or accents
    desk = Desk(tmp_path, db_url, smtp, base=base, replies={"token_address": "confirm-{token}@lists.example.org"})
    try:
        request = only(desk.deliver(endorsement(sender=PSM)), "aruna@psm.example.org", "[confirm c-")
        token = request.subject.rsplit(" ", 1)[1].rstrip("]")
        assert str(request.message["Reply-To"]) == f"Statement Desk <confirm-{token}@lists.example.org>"
        desk.deliver(reply_as_client(request.raw, sender=PSM, body="yes"))
        plm = "Jun <jun@plm.example.org>"
        desk.tick(hours=1)
        confirm(desk, desk.deliver(endorsement(sender=plm, organization="Partido Lakas ng Masa (PLM)",
                                               country="Philippines")), plm)
        assert desk.listed() == ("  1. Partido Lakas ng Masa (PLM), Philippines\n"
                                 "  2. Parti Sosialis Malaysia (PSM), Malaysia")
    finally:
        desk.close()


def test_reminder_days_must_be_fewer_than_token_days(tmp_path):
    from mailer.settings import SettingsError, load_settings
    config = write_config(tmp_path, database_url="sqlite://", extra={"replies": {"token_days": 3, "reminder_days": 3}})
    with pytest.raises(SettingsError, match="replies.reminder_days = 3"):
        load_settings(config)


def test_a_flood_of_unreadable_mail_reaches_coordinators_a_few_items_an_hour(tmp_path, db_url, smtp):
    """30 messages needing a coordinator, a cap of 5 an hour: 5 announced now, 5 more an hour later, none lost."""
    desk = Desk(tmp_path, db_url, smtp, policy={"review_mails_per_hour": 5})
    try:
        junk = [b"From: x%d@example.net\r\nTo: statement@example.org\r\nSubject: hello\r\nMessage-ID: <j%d@example.net>"
                b"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno boundary\r\n" % (n, n)
                for n in range(30)]
        first = [m for m in desk.deliver(*junk) if "review" in m.subject.lower() or m.to.startswith("coord")]
        assert len(first) == 5 * len(desk.settings.statement.coordinators)
        assert not [m for m in desk.tick(minutes=30) if m.to.startswith("coord")]      # the hour is not over
        later = [m for m in desk.tick(minutes=31) if m.to.startswith("coord")]
        assert len(later) == 5 * len(desk.settings.statement.coordinators)
        with desk.db.session() as s:
            assert len(s.scalars(select(ReviewItem).where(ReviewItem.state == "open")).all()) == 30
    finally:
        desk.close()


def test_a_bounced_confirmation_request_makes_the_endorsement_undeliverable_and_stops_the_reminder(desk):
    """The confirmation request to a dead address bounces: the endorsement cannot be confirmed from there, so no
    reminder goes to that address, it never expires unseen, and the audit and the coordinators' summary say it."""
    from tests.test_subscriptions import dsn
    sent = desk.deliver(endorsement(sender=PSM))
    only(sent, "aruna@psm.example.org", "[confirm c-")
    bounce = dsn("statement+bounces@example.org", "aruna@psm.example.org")
    assert desk.deliver(bounce) == []                                           # a bounce is never answered
    assert states(desk) == ["undeliverable"]
    token_days = desk.settings.replies.token_days
    assert desk.tick(days=token_days + 1) == []                                 # no reminder, no expiry
    assert states(desk) == ["undeliverable"] and desk.listed() == ""
    code, history = desk.cli("signatories", "--history")
    assert "confirmation_undeliverable" in history
    # a delay is no reason: only a hard bounce makes an endorsement undeliverable
    again = desk.deliver(endorsement(sender="Ricardo <r@plm.example.org>", organization="Partido Lakas ng Masa (PLM)",
                                     country="Philippines"))
    only(again, "r@plm.example.org", "[confirm c-")
    desk.deliver(dsn("statement+bounces@example.org", "r@plm.example.org", status="4.4.1", action="delayed"))
    assert sorted(states(desk)) == ["confirmation_requested", "undeliverable"]


def test_the_coordinators_summary_names_the_endorsements_whose_request_bounced(desk):
    from datetime import timedelta

    from mailer.desk.context import Context
    from mailer.compose import make_environment
    from mailer.digest.content import Content
    from mailer.digest.run import queue_summary
    from storage.schema import Digest, OutboxMessage
    from tests.test_subscriptions import dsn
    desk.deliver(endorsement(sender=PSM))
    desk.deliver(dsn("statement+bounces@example.org", "aruna@psm.example.org"))
    ctx = Context(settings=desk.settings, templates=make_environment(desk.settings.templates), now=desk.now,
                  make_message_id=lambda purpose: f"<summary.{purpose}@example.org>")
    since = desk.now - timedelta(days=7)
    with desk.db.session() as s:
        digest = Digest(period="2026-W49", state="sending", scheduled_at=desk.now, since=since, cutoff=desk.now,
                        nonce="test", created_at=desk.now)
        s.add(digest)
        s.flush()
        content = Content(period="2026-W49", since=since, cutoff=desk.now, new=(), withdrawn=(), total=0,
                          countries=(), full_list="")
        queue_summary(s, ctx, digest, content)
        raws = [r.raw for r in s.scalars(select(OutboxMessage).where(OutboxMessage.purpose == "coordinator_summary"))]
    assert raws and all(b"Confirmation requests that bounced" in raw and b"aruna@psm.example.org" in raw
                        for raw in raws)


@pytest.mark.parametrize("note", [True, False], ids=["note", "no-note"])
def test_a_rejected_endorser_gets_a_polite_note_unless_the_setting_says_no(tmp_path, db_url, smtp, note):
    desk = Desk(tmp_path, db_url, smtp, replies={"rejection_note": note})
    try:
        sent = desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis Malaysia (PSM)", country="Atlantis"))
        review = only(sent, "coord1@example.org", "[review r-")       # country not recognized: review first
        after = desk.deliver(reply_as_client(review.raw, sender="coord1@example.org", body="reject"))
        to_endorser = [s for s in after if s.to == "aruna@psm.example.org"]
        assert states(desk) == ["rejected"] and desk.listed() == ""
        if note:
            [told] = to_endorser
            assert "will not add it to the list of signatories" in told.text and "Parti Sosialis Malaysia" in told.text
            assert "[review" not in told.subject and not re.search(r"\br-[a-z2-9]{26}", told.text)  # no token leaks
        else:
            assert to_endorser == []
    finally:
        desk.close()


def test_a_plain_bounce_that_says_auto_submitted_is_still_a_bounce_and_stops_the_reminder(desk):
    """qmail and many small servers send a plain-text bounce with Auto-Submitted: it is a bounce (the rules decide
    a bounce before an auto-reply), so the endorsement whose request it returns becomes undeliverable."""
    desk.deliver(endorsement(sender=PSM))
    qmail = (b"From: MAILER-DAEMON@mx.psm.example.org\r\nTo: statement+bounces@example.org\r\n"
             b"Subject: failure notice\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <q1@mx.psm.example.org>\r\n\r\n"
             b"Hi. This is the qmail-send program at mx.psm.example.org.\r\n"
             b"I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
             b"This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n"
             b"<aruna@psm.example.org>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n")
    assert desk.deliver(qmail) == []
    with desk.db.session() as s:
        from storage.schema import InboundMessage
        assert s.scalars(select(InboundMessage.kind).order_by(InboundMessage.id.desc())).first() == "bounce"
    assert states(desk) == ["undeliverable"]
