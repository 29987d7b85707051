"""Reading a person's reply (pure): yes or no to a confirmation, a coordinator's command, the follow-up schedule."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mailer.reading.answers import Action, Answer, read_answer, read_command
from mailer.reading.quoting import own_text
from mailer.desk.confirm import FollowUp, Waiting, due_follow_ups

QUOTE = ("\n\nOn Mon, 3 Jun 2024 at 10:00, Statement Desk <statement@example.org> wrote:\n"
         "> If you did not send it, reply \"no\" and nothing will be published.\n> Organisation: X\n")


@pytest.mark.parametrize("text, answer", [
    ("", Answer.YES),                                   # a plain Reply: nothing written
    (QUOTE, Answer.YES),                                # nothing written above the quote
    ("Yes, we confirm." + QUOTE, Answer.YES),
    ("Confirmed, thanks!", Answer.YES),
    ("Kami setuju." + QUOTE, Answer.YES),
    ("oo po", Answer.YES),
    ("Oui, nous confirmons.", Answer.YES),
    ("Sí, confirmamos", Answer.YES),
    ("ใช่ครับ", Answer.YES),
    ("No" + QUOTE, Answer.NO),
    ("Cancel, please", Answer.NO),
    ("Tidak, batalkan.", Answer.NO),
    ("Non merci", Answer.NO),
    ("ไม่ใช่", Answer.NO),
    ("Who are you? We never sent this." + QUOTE, Answer.UNCLEAR),
])
def test_read_answer(text, answer):
    assert read_answer(text) is answer


@pytest.mark.parametrize("quote", [
    "\n> quoted\n",
    "\n-----Original Message-----\nFrom: Desk\n",
    "\n________________________________\nFrom: Desk <statement@example.org>\nSent: Monday\n",
    "\nLe lun. 3 juin 2024 à 10:00, Desk <statement@example.org> a écrit :\n> x\n",
    "\nPada tanggal 3 Jun 2024, Desk <statement@example.org> menulis:\n> x\n",
])
def test_own_text_stops_where_the_quote_starts(quote):
    assert own_text("approve" + quote + "reject\n") == "approve"


@pytest.mark.parametrize("text, action, fields", [
    ("approve" + QUOTE, Action.APPROVE, {}),
    ("Reject.", Action.REJECT, {}),
    ("merge", Action.MERGE, {}),
    ("Organisation: Partido Lakas ng Masa (PLM)\nCountry: Pilipinas" + QUOTE, Action.EDIT,
     {"organization": "Partido Lakas ng Masa", "short_name": "PLM", "country": "PH", "country_text": "Philippines"}),
    ("Short name: none", Action.EDIT, {"short_name": None}),
    ("Country: Papua/Indonesia", Action.EDIT, {"country": "ID", "country_text": "Papua/Indonesia"}),
    ("What is this?" + QUOTE, None, {}),                 # the quoted "Organisation: X" is not a command
])
def test_read_command(text, action, fields):
    command = read_command(text)
    assert (command.action, command.fields) == (action, fields)


T0 = datetime(2024, 6, 1, 12, 0)


@pytest.mark.parametrize("waiting, now, due", [
    (Waiting(1, T0 + timedelta(days=14), False), T0, []),
    (Waiting(1, T0 + timedelta(days=4), False), T0, [(1, FollowUp.REMIND)]),
    (Waiting(1, T0 + timedelta(days=4), True), T0, []),                        # one reminder only
    (Waiting(1, T0 + timedelta(days=1), True), T0, []),
    (Waiting(1, T0, True), T0, [(1, FollowUp.EXPIRE)]),
    (Waiting(1, T0 - timedelta(days=3), False), T0, [(1, FollowUp.EXPIRE)]),  # a worker that was down: expire
])
def test_due_follow_ups(waiting, now, due):
    assert due_follow_ups([waiting], now, timedelta(days=4)) == due


def test_a_reply_holding_only_the_senders_signature_is_a_plain_reply():
    signed = ("Fadli Ramadhan", "Praxis")
    assert read_answer("\n\nFadli R.\nPraxis\n\nSent from my iPhone", signed) is Answer.YES
    assert read_answer("Hmm", signed) is Answer.UNCLEAR                        # a word that is nobody's name
    assert read_answer("Fadli\nWho sent this?", signed) is Answer.UNCLEAR
    assert read_answer("\n\nFadli R.\nPraxis") is Answer.UNCLEAR             # no names known: a person reads it


def test_a_formal_letter_confirms_in_its_first_sentence_after_the_salutation():
    assert read_answer("Respected Sir/Madam,\n\nWe hereby confirm that the endorsement was sent from this office."
                       ) is Answer.YES
    assert read_answer("Respected Sir/Madam,\n\nWe did not send this; who gave you our address?") is Answer.UNCLEAR
