"""An endorser's correction of their line, in form lines or their own words (pure)."""
from __future__ import annotations

import pytest

from mailer.reading.corrections import read_corrections
from storage.export import listing_line


def line(text: str) -> str:
    f = read_corrections(text).fields
    return listing_line(f.get("organization") or "", f.get("short_name"), f.get("country_text"))


@pytest.mark.parametrize("text, expected", [
    # the issue's own example: a yes, then the name in a sentence with its short name in brackets
    ("Sim. But please write our name as Central Única dos Trabalhadores do Brasil (CUT-Brasil).",
     "Central Única dos Trabalhadores do Brasil (CUT-Brasil)"),
    ("Yes, but our name is Socialist Workers Thailand, short name SWT, country Thailand. Thanks",
     "Socialist Workers Thailand (SWT), Thailand"),
    ("Betul, tapi nama yang betul Partai Rakyat Pekerja, singkatan PRP, dari Indonesia.",
     "Partai Rakyat Pekerja (PRP), Indonesia"),
    ("Oui, mais notre nom complet est Europe solidaire sans frontières, le sigle est ESSF, et nous sommes en "
     "France. Merci.", "Europe solidaire sans frontières (ESSF), France"),
    ("Pero mali — dapat Partido Lakas ng Masa, PLM yung acronym, at Philippines ang country. Salamat po!",
     "Partido Lakas ng Masa (PLM), Philippines"),
    ("It should just be Socialist Alliance (no abbreviation), and we're in Australia. Cheers.",
     "Socialist Alliance, Australia"),
    ("Sí, pero nuestro nombre es Confederación Sindical de Comisiones Obreras, nuestras siglas son CCOO.",
     "Confederación Sindical de Comisiones Obreras (CCOO)"),
    # form lines; an empty "Short name:" line means none, and never swallows the next line
    ("Confirmed.\nOrganisation: Communist Party of India (Marxist-Leninist) Liberation\nShort name:\nCountry: India",
     "Communist Party of India (Marxist-Leninist) Liberation, India"),
    ("Ya\nOrganisation: PEMBEBASAN\nCountry: Indonesia", "PEMBEBASAN, Indonesia"),   # a new name drops the old short
])
def test_a_correction_is_read_in_the_writers_words(text, expected):
    assert line(text) == expected


@pytest.mark.parametrize("text", [
    "No.", "Yes", "Tidak.", "Who are you? We never heard of this.", "Please write to Maria about the event.",
    "We are in solidarity with you all.", "Oui merci", "Confirmed, thanks!\n\nSent from my iPhone",
])
def test_an_answer_without_a_correction_is_none(text):
    assert not read_corrections(text)


def test_a_sentence_taken_for_a_name_makes_the_correction_unsure():
    c = read_corrections("Our name is The coalition that we formed last year with many partners from across the "
                         "region and beyond to fight for them")
    assert c.unsure and "sentence" in c.unsure[0]


def test_only_the_writers_own_lines_count_not_the_quoted_request():
    text = ("Yes\n\nOn Mon, Endorse wrote:\n> If anything is wrong, reply with Organisation: ...\n"
            "> Our name is Wrong Name Party")
    assert not read_corrections(text)
