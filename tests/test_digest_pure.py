"""The digest's pure core: its schedule and periods, the decision table, the message and its personal copies."""
from __future__ import annotations

import email
import email.policy
from datetime import datetime, timedelta

import pytest

from mailer.compose import make_environment
from mailer.digest.content import Content, Headers, Template, country_counts, list_id, message_id, render
from mailer.digest.schedule import Action, Schedule, decide, following, latest
from mailer.settings import DEFAULT_TEMPLATES, DigestSettings
from mailer.desk.subscriptions import wants_digest

KL = Schedule.of(DigestSettings(weekday="mon", time="09:00", timezone="Asia/Kuala_Lumpur"))     # UTC+8
PARIS = Schedule.of(DigestSettings(weekday="sun", time="02:30", timezone="Europe/Paris"))


@pytest.mark.parametrize("now, schedule, period, at", [
    (datetime(2025, 6, 2, 1, 0), KL, "2025-W23", datetime(2025, 6, 2, 1, 0)),       # exactly Monday 09:00 in KL
    (datetime(2025, 6, 2, 0, 59), KL, "2025-W22", datetime(2025, 5, 26, 1, 0)),     # a minute before: last week's
    (datetime(2025, 6, 8, 23, 0), KL, "2025-W23", datetime(2025, 6, 2, 1, 0)),      # Sunday night UTC = Monday in KL
    (datetime(2025, 6, 8, 17, 0), KL, "2025-W23", datetime(2025, 6, 2, 1, 0)),
    (datetime(2025, 3, 30, 1, 30), PARIS, "2025-W13", datetime(2025, 3, 30, 1, 30)),  # 02:30 does not exist: 03:30
    (datetime(2025, 10, 26, 1, 30), PARIS, "2025-W43", datetime(2025, 10, 26, 0, 30)),  # and back (first 02:30)
])
def test_the_latest_occurrence_and_its_period_in_the_digests_time_zone(now, schedule, period, at):
    occurrence = latest(now, schedule)
    assert (occurrence.period, occurrence.at) == (period, at)


def test_periods_follow_each_other_a_week_apart():
    first = latest(datetime(2025, 12, 29, 2, 0), KL)
    second = following(first, KL)
    assert (first.period, second.period, second.at - first.at) == ("2026-W01", "2026-W02", timedelta(days=7))


@pytest.mark.parametrize("state, hours_late, action", [
    (None, 0, Action.START), (None, 23, Action.START), (None, 25, Action.MISS),
    ("sending", 1, Action.RESUME), ("sending", 100, Action.RESUME),
    ("sent", 1, Action.NOTHING), ("missed", 1, Action.NOTHING), ("incomplete", 1, Action.NOTHING),
])
def test_what_a_worker_does_about_the_current_period(state, hours_late, action):
    occurrence = latest(datetime(2025, 6, 2, 1, 0), KL)
    assert decide(state, occurrence, occurrence.at + timedelta(hours=hours_late), 24) is action


def content(**over) -> Content:
    values = dict(period="2025-W23", since=datetime(2025, 5, 26, 9), cutoff=datetime(2025, 6, 2, 9),
                  new=("Kilusang Mayo Uno (KMU), Philippines", "<script>alert(1)</script> & Co, France"),
                  withdrawn=("Old Friends, Chile",), total=12,
                  countries=country_counts(["Philippines"] * 3 + ["France", None]),
                  full_list="  1. Kilusang Mayo Uno (KMU), Philippines")
    values.update(over)
    return Content(**values)


def rendered(attach_list: bool = True) -> bytes:
    headers = Headers(sender="statement@example.org", sender_name="Statement Desk",
                      list_id=list_id("Test Statement", "statement@example.org"), date=datetime(2025, 6, 2, 9))
    context = {"statement_title": "Test Statement", "statement_address": "statement@example.org",
               "sender_name": "Statement Desk"}
    return render(make_environment(DEFAULT_TEMPLATES), content(), context, headers, language="en",
                  default_language="en", attach_list=attach_list)[1]


def copy_for(raw: bytes, to: str = "ana@groups.example.net") -> email.message.EmailMessage:
    filled = Template(raw).fill(to=to, message_id=message_id("2025-W23", 7, "n0nce", "example.org"),
                                unsubscribe="statement+u-abc@example.org")
    return email.message_from_bytes(filled, policy=email.policy.default)


def test_every_copy_carries_the_good_citizen_headers_and_a_text_part_beside_the_html():
    msg = copy_for(rendered())
    assert msg["To"] == "ana@groups.example.net"
    assert msg["Message-ID"] == "<digest.2025-W23.7.n0nce@example.org>"
    assert msg["List-Id"] == "Test Statement digest <digest.statement.example.org>"
    assert msg["List-Unsubscribe"] == "<mailto:statement+u-abc@example.org?subject=unsubscribe>"
    assert (msg["Precedence"], msg["Auto-Submitted"]) == ("bulk", "auto-generated")
    text, html = msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()
    assert "Kilusang Mayo Uno (KMU), Philippines" in text and "Kilusang Mayo Uno (KMU), Philippines" in html
    assert "Withdrawn this week (1)" in text and "     3  Philippines" in text and "Country not given" in text
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == "signatories.txt"
    assert attachment.get_content().startswith("  1. Kilusang Mayo Uno")


def test_untrusted_names_are_text_in_the_html_part():
    html = copy_for(rendered()).get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co, France" in html


def test_without_the_attachment_the_full_list_ends_the_text():
    msg = copy_for(rendered(attach_list=False))
    assert list(msg.iter_attachments()) == []
    assert msg.get_body(("plain",)).get_content().split("The full list of signatories:")[1].strip().startswith("1.")


def test_two_copies_differ_only_in_their_personal_headers():
    raw = rendered()
    a, b = (Template(raw).fill(to=f"{who}@x.example.org", message_id=f"<{who}@example.org>",
                               unsubscribe=f"statement+u-{who}@example.org") for who in ("ann", "bob"))
    assert a.replace(b"ann", b"bob") == b


@pytest.mark.parametrize("address", ["ana@x.org\r\nBcc: all@x.org", "Ana <ana@x.org>", "ana@x.org>, evil@y.org"])
def test_an_address_that_is_not_plain_never_reaches_a_header(address):
    with pytest.raises(ValueError):
        Template(rendered()).fill(to=address, message_id="<m@example.org>", unsubscribe="statement+u-a@example.org")


@pytest.mark.parametrize("text, wants", [
    ("Organisation: KMU\nCountry: Philippines\nDigest: yes\n", True),
    ("Organisation: KMU\nWeekly digest: YES\n", True),
    ("Organisasi: KSPI\nBuletin: ya\n", True),
    ("Organisation: KMU\nDigest: no\n", False),
    ("We endorse. We do not need a digest: yes, really we don't.", False),
    ("Organisation: KMU\n\n> Digest: yes\n", False),            # quoted from someone else
])
def test_the_digest_opt_in_line_of_an_endorsement(text, wants):
    assert wants_digest(text) is wants
