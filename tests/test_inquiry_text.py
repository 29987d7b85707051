"""The inquiry desk's pure core: the answer a coordinator wrote, the asker's language, forged senders, references."""
from __future__ import annotations

import pytest

from mailer.reading.answer_text import read_answer
from mailer.reading.inquiry_rules import authentication_failure, reference_numbers, strip_references
from mailer.reading.language import detect_language
from mailer.reading.parse import parse_message

TOKEN = "q-abcdefghijkmnpqrstuvwxyz23"
ANSWER = "Yes, your youth group can sign: send us its name and country.\nRosa"

# (client, the coordinator's reply as its client writes it): the answer above the quoted copy.
QUOTED = [
    ("gmail", f"{ANSWER}\n\nOn Mon, 3 Jun 2024 at 10:00, Statement Desk <statement+{TOKEN}@example.org> wrote:\n"
              "> Endorse inquiry INQ-1: a question from Maria\n> Can we sign?\n"),
    ("gmail wrapped", f"{ANSWER}\n\nOn Mon, 3 Jun 2024 at 10:00, Statement Desk <\n"
                      f"statement+{TOKEN}@example.org> wrote:\n\n> Can we sign?\n"),
    ("apple", f"{ANSWER}\n\n> On 3 Jun 2024, at 10:00, Statement Desk <statement@example.org> wrote:\n> \n> Can we?\n"),
    ("thunderbird", f"{ANSWER}\n\nOn 03/06/2024 10:00, Statement Desk wrote:\n> Can we sign?\n"),
    ("outlook rule", f"{ANSWER}\n\n________________________________\nFrom: Statement Desk <statement@example.org>\n"
                     "Sent: Monday, June 3, 2024 10:00 AM\nTo: Rosa\nSubject: [INQ-1] Question\n\nCan we sign?\n"),
    ("outlook block", f"{ANSWER}\n\nFrom: Statement Desk <statement@example.org>\nSent: Monday, June 3, 2024\n"
                      "Subject: [INQ-1] Question\n\nCan we sign?\n"),
    ("original message", f"{ANSWER}\n\n-----Original Message-----\nFrom: Statement Desk\nCan we sign?\n"),
    ("french", f"{ANSWER}\n\nLe lun. 3 juin 2024 à 10:00, Statement Desk <statement@example.org> a écrit :\n> Can?\n"),
    ("indonesian", f"{ANSWER}\n\nPada tanggal Sen, 3 Jun 2024 pukul 10.00 Statement Desk menulis:\n> Bisakah?\n"),
    ("thai", f"{ANSWER}\n\nเมื่อ จ. 3 มิ.ย. 2024 10:00 Statement Desk <statement@example.org> เขียนว่า:\n> ได้ไหม\n"),
    ("unquoted copy, marker", f"{ANSWER}\n\nEndorse inquiry INQ-1: a question from Maria <maria@example.ph>\n"
                              "Can we sign?\n"),
    ("crlf", f"{ANSWER}\r\n\r\nOn Mon, 3 Jun 2024 at 10:00, Desk wrote:\r\n> Can we sign?\r\n"),
]


@pytest.mark.parametrize("client, text", QUOTED, ids=[c for c, _ in QUOTED])
def test_the_answer_ends_where_the_client_quoted_the_copy(client, text):
    answer = read_answer(text, markers=("Endorse inquiry INQ-1:",))
    assert answer.text == ANSWER
    assert TOKEN not in answer.text and "Can we" not in answer.text


def test_note_lines_stay_internal_and_the_rest_is_the_answer():
    answer = read_answer("#note: checked with the secretariat\nYes, you can sign.\n#NOTE they signed in 2023 too\n")
    assert answer.text == "Yes, you can sign."
    assert answer.notes == "checked with the secretariat\nthey signed in 2023 too"


def test_interleaved_quotes_are_dropped_and_tokens_never_leak():
    answer = read_answer(f"> Can we sign?\nYes.\n> Who wrote it?\nThe coalition. Write to statement+{TOKEN}@x.org\n")
    assert answer.text == "Yes.\nThe coalition. Write to statement+[…]@x.org"


def test_a_reply_that_is_all_quote_or_notes_has_no_answer():
    assert read_answer("On Mon, 3 Jun 2024 at 10:00, Desk wrote:\n> Can we sign?\n").text == ""
    assert read_answer("#note spam, ignore\n\n").text == ""


def test_a_sentence_ending_in_wrote_without_a_date_is_part_of_the_answer():
    text = "As our chair wrote:\nthe statement stays open until June."
    assert read_answer(text).text == text


LANGUAGES = [
    ("en", "Hello, I have a question about the joint statement. Can our youth group also sign it?"),
    ("id", "Halo, saya ingin bertanya tentang pernyataan bersama ini. Apakah organisasi kami bisa ikut menandatangani?"),
    ("ms", "Salam, saya ingin bertanya tentang kenyataan bersama ini. Bolehkah pertubuhan kami turut menandatanganinya?"),
    ("tl", "Magandang araw po, may tanong lang po ako tungkol sa pinagsamang pahayag. Maaari bang pumirma ang samahan?"),
    ("th", "สวัสดีครับ ผมมีคำถามเกี่ยวกับแถลงการณ์ร่วมนี้ องค์กรของเราสามารถร่วมลงนามได้หรือไม่"),
    ("fr", "Bonjour, j'ai une question au sujet de la déclaration commune. Notre association peut-elle la signer ?"),
    ("es", "Hola, tengo una pregunta sobre la declaración conjunta. ¿Puede firmarla nuestra organización?"),
    ("pt", "Olá, tenho uma pergunta sobre a declaração conjunta. A nossa organização pode assiná-la?"),
]


@pytest.mark.parametrize("code, text", LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_the_statements_languages_are_told_apart(code, text):
    assert detect_language(text) == code


def test_too_little_text_gives_the_default_language():
    assert detect_language("ok, thanks!", default="fr") == "fr"
    assert detect_language("", default="en") == "en"


def mail_with(auth: str) -> bytes:
    return (f"From: coord1@example.org\r\nTo: statement@example.org\r\nSubject: Re: [INQ-1] Q\r\n"
            f"Authentication-Results: {auth}\r\n\r\nYes.\r\n").encode()


@pytest.mark.parametrize("header, verdict", [
    ("mx.example.org; dkim=fail header.d=example.org", "dkim=fail for example.org"),
    ("mx.example.org; spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=coord1@example.org", "spf=fail for example.org"),
    ("mx.example.org; dkim=pass header.d=example.org; dmarc=fail header.from=example.org",
     "dmarc=fail for example.org"),
    ("mx.example.org; dmarc=fail", "dmarc=fail for example.org"),                  # no domain named: this message
    ("mx.example.org; dkim=fail header.d=lists.example.net; dkim=pass header.d=example.org", None),  # a list's
    ("mx.example.org; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=example.org", None),
    ("mx.example.org; none", None),
])
def test_a_failed_sender_check_for_the_coordinators_domain_is_a_forgery(header, verdict):
    assert authentication_failure(parse_message(mail_with(header)), "example.org") == verdict


def test_references_are_read_from_and_taken_out_of_subjects():
    assert reference_numbers("Re: [INQ-42] Question [inq-7] [INQ-42]") == (42, 7)
    assert reference_numbers("INQ-42 without brackets") == ()
    assert strip_references("Re: Question about the statement [INQ-42]") == "Re: Question about the statement"
