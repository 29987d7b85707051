"""Replies read in their conversation (mailer.desk.threads, mailer.desk.conversation), on the real SMTP server
and both databases: courtesy recorded and answered by nobody, free-text corrections shown back before they are
published, questions become inquiries about the organization."""
from __future__ import annotations

import email
import email.policy
import re

import pytest
from sqlalchemy import select

from storage.schema import AuditEvent, Endorsement, Inquiry, ReviewItem
from tests.mails import endorsement, reply_as_client
from tests.support.desk import Desk, only

PSM = "Aruna Devi <aruna@psm.example.org>"
ADDRESS = "aruna@psm.example.org"
LINE = "Parti Sosialis Malaysia (PSM), Malaysia"
SHOWN = re.compile(r"^    (\S.*)$", re.MULTILINE)


def listed_thanks(desk: Desk):
    """An endorsement confirmed with a plain "Yes": the thank-you mail that says it is listed."""
    request = only(desk.deliver(endorsement(sender=PSM)), ADDRESS, "[confirm c-")
    return only(desk.deliver(reply_as_client(request.raw, sender=PSM, body="Yes")), ADDRESS)


def rows(desk: Desk, model, *where):
    with desk.db.session() as s:
        return s.scalars(select(model).where(*where)).all()


def without_threading(raw: bytes) -> bytes:
    """The reply as a client that drops In-Reply-To and References sends it: only the quoted body is left."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    del msg["In-Reply-To"], msg["References"]
    return msg.as_bytes()


@pytest.mark.parametrize("thanks", ["Thank you very much!", "Terima kasih banyak! 🙏", "🙏", "Received, merci."])
def test_a_thank_you_for_the_thank_you_is_recorded_and_answered_by_nobody(desk, thanks):
    thanked = listed_thanks(desk)
    assert desk.deliver(reply_as_client(thanked.raw, sender=PSM, body=thanks)) == []
    assert rows(desk, ReviewItem) == []
    recorded = rows(desk, AuditEvent, AuditEvent.action == "courtesy_recorded")
    assert len(recorded) == 1 and recorded[0].endorsement_id is not None


def test_the_body_marker_ties_a_reply_to_its_thread_when_the_client_drops_the_headers(desk):
    thanked = listed_thanks(desk)
    assert re.search(r"ref E-[0-9a-f]{10}", thanked.text)
    thanks = reply_as_client(thanked.raw, sender=PSM, body="Thanks a lot, comrades!")
    assert desk.deliver(without_threading(thanks)) == []
    assert rows(desk, ReviewItem) == []
    assert rows(desk, AuditEvent, AuditEvent.action == "courtesy_recorded")


def test_a_free_text_correction_is_shown_back_and_published_only_after_a_yes(desk):
    request = only(desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis", country="Malaysia")),
                   ADDRESS, "[confirm c-")
    assert SHOWN.search(request.text).group(1) != LINE
    again = only(desk.deliver(reply_as_client(
        request.raw, sender=PSM, body="Yes. But please write our name as Parti Sosialis Malaysia (PSM).")),
        ADDRESS, "[confirm c-")
    assert SHOWN.search(again.text).group(1) == LINE and "as you corrected it" in again.text
    assert desk.listed() == ""                                   # not before the endorser has seen it
    desk.deliver(reply_as_client(again.raw, sender=PSM, body="Yes"))
    assert desk.listed().strip() == f"1. {LINE}" and rows(desk, ReviewItem) == []
    audit = rows(desk, AuditEvent, AuditEvent.action == "corrected_by_endorser")
    assert audit[0].details["before"]["organization"] != audit[0].details["after"]["organization"]


def test_no_followed_by_a_correction_corrects_rather_than_cancels(desk):
    request = only(desk.deliver(endorsement(sender=PSM, organization="Parti Sosialis", country="Malaysia")),
                   ADDRESS, "[confirm c-")
    again = desk.deliver(reply_as_client(request.raw, sender=PSM,
                                         body="No, our name is Parti Sosialis Malaysia, short name PSM."))
    assert SHOWN.search(only(again, ADDRESS, "[confirm c-").text).group(1) == LINE
    assert [e.state for e in rows(desk, Endorsement)] == ["confirmation_requested"]


def test_a_correction_from_another_address_in_the_thread_goes_to_a_coordinator(desk):
    thanked = listed_thanks(desk)
    desk.deliver(reply_as_client(thanked.raw, sender="Someone <someone@elsewhere.example>",
                                 body="Please write the name as Parti Sosialis Sedunia."))
    assert desk.listed().strip() == f"1. {LINE}" and len(rows(desk, ReviewItem)) == 1
    code, shown = desk.cli("review", "show", str(rows(desk, ReviewItem)[0].id))
    assert code == 0 and "The conversation so far:" in shown           # the whole thread, for the coordinator
    assert "mail confirmation_request to aruna@psm.example.org" in shown and "confirmed" in shown


def test_a_question_in_the_thread_becomes_an_inquiry_about_the_organization(desk):
    thanked = listed_thanks(desk)
    sent = desk.deliver(reply_as_client(thanked.raw, sender=PSM, body="Thanks! Will the statement be sent to the "
                                                                        "embassy in Kuala Lumpur?"))
    inquiry = rows(desk, Inquiry)
    assert len(inquiry) == 1 and inquiry[0].endorsement_id == rows(desk, Endorsement)[0].id
    assert any(s.to == "coord1@example.org" for s in sent) and rows(desk, ReviewItem) == []
    code, shown = desk.cli("inquiries", "show", str(inquiry[0].id))
    assert code == 0 and "asked about endorsement #1 (Parti Sosialis Malaysia, verified)" in shown


def test_an_endorsement_that_also_asks_a_question_opens_an_inquiry_and_still_asks_to_confirm(desk):
    raw = endorsement(sender=PSM).replace(b"Parti Sosialis Malaysia (PSM)",
                                          b"Parti Sosialis Malaysia (PSM)\n\nWill the statement be delivered to "
                                          b"the embassy?", 1)
    sent = desk.deliver(raw)
    assert only(sent, ADDRESS, "[confirm c-")
    inquiry = rows(desk, Inquiry)
    assert len(inquiry) == 1 and inquiry[0].endorsement_id == rows(desk, Endorsement)[0].id
    assert rows(desk, ReviewItem) == []
