"""Replies about an endorsement go out in the endorser's language: the request, the reminder, the thanks."""
from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.mails import endorsement, reply_as_client
from tests.support.desk import Desk, only

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("sample, address, asks, thanks, line", [
    ("03-socialist-union-endorsement.eml", "dewi@perserikatan.example.id", "Cukup balas email ini", "telah dikonfirmasi",
     "Socialist Union (Perserikatan Sosialis), Indonesia"),
    ("06-essf-endorsement-fr.eml", "pierre@essf.example.org", "Il suffit de répondre", "est confirmée",
     "Europe solidaire sans frontières (ESSF), France"),
    ("02-plm-endorsement.eml", "jun.ramos@plm.example.net", "I-reply lang ang email na ito", "kumpirmado na",
     "Partido Lakas ng Masa (PLM), Philippines"),
])
def test_the_confirmation_request_and_the_thanks_are_in_the_endorsers_language(desk, sample, address, asks, thanks,
                                                                              line):
    sent = desk.deliver((SAMPLES / sample).read_bytes())
    request = only(sent, address, "[confirm c-")
    assert asks in request.text, request.text
    assert "Simply reply to this email" not in request.text              # not the English text
    token = request.subject.rsplit("[confirm ", 1)[1].rstrip("]")
    assert token in str(request.message["Reply-To"])                # a plain Reply still carries the token

    done = desk.deliver(reply_as_client(request.raw, sender=address, body="Ya / oui / oo"))
    assert thanks in only(done, address).text
    assert desk.listed() == f"  1. {line}"


def test_the_reminder_uses_the_language_of_the_endorsement(desk):
    desk.deliver((SAMPLES / "03-socialist-union-endorsement.eml").read_bytes())
    reminder = only(desk.tick(days=11), "dewi@perserikatan.example.id", "[confirm c-")
    assert reminder.subject.startswith("Pengingat") and "Cukup balas email ini" in reminder.text


def test_an_english_endorsement_gets_the_english_request(desk):
    request = only(desk.deliver(endorsement()), "aruna@psm.example.org", "[confirm c-")
    assert "Simply reply to this email" in request.text


def test_a_withdrawal_is_asked_and_answered_in_the_writers_language(desk):
    sent = desk.deliver((SAMPLES / "03-socialist-union-endorsement.eml").read_bytes())
    request = only(sent, "dewi@perserikatan.example.id", "[confirm c-")
    desk.deliver(reply_as_client(request.raw, sender="dewi@perserikatan.example.id", body="Ya"))
    withdrawal = EmailMessage()
    withdrawal["From"] = "Dewi <dewi@perserikatan.example.id>"
    withdrawal["To"] = "statement@example.org"
    withdrawal["Subject"] = "Penarikan dukungan"
    withdrawal["Message-ID"] = "<w1@perserikatan.example.id>"
    withdrawal.set_content("Dengan hormat,\n\nKami ingin menarik dukungan kami terhadap pernyataan bersama ini.\n"
                           "Mohon hapus nama organisasi kami dari daftar.\n\nDewi\n")
    asked = only(desk.deliver(withdrawal.as_bytes()), "dewi@perserikatan.example.id", "[withdraw w-")
    assert "menghapus organisasi ini" in asked.text
    done = only(desk.deliver(reply_as_client(asked.raw, sender="dewi@perserikatan.example.id", body="ya")),
                "dewi@perserikatan.example.id")
    assert "Subject" not in done.text and done.text.startswith("Halo") and desk.listed() == ""


def test_the_tokens_and_references_in_our_own_subjects_do_not_sway_the_language():
    """A token's 26 random letters once made a two-word reply look French: they are not the writer's words."""
    from mailer.reading.language import mail_language
    from mailer.reading.parse import parse_message
    from mailer.reading.tokens import new_token

    for _ in range(200):
        subject = f"Re: Endorsement of the joint statement [confirm {new_token('c')}] [INQ-42]"
        mail = parse_message(f"From: a@psm.example.org\r\nSubject: {subject}\r\n\r\nno\r\n".encode())
        assert mail_language(mail, "no") == "en", subject
