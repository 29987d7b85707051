"""Which organizations are the same: normalization and the fuzzy verdict table (pure)."""
from __future__ import annotations

import pytest

from storage.dedupe import Likeness, Named, Thresholds, best_match, compare, name_key, normalize

PSM = Named(1, "Parti Sosialis Malaysia", "PSM", "MY")
ESSF = Named(2, "Europe solidaire sans frontières", "ESSF", "FR")
PPR = Named(3, "People’s Liberation Party", "PPR", "ID")


@pytest.mark.parametrize("written, known, likeness", [
    # the same organization, written another way: merged
    (Named(None, "PARTI SOSIALIS MALAYSIA", None, "MY"), PSM, Likeness.SAME),             # case, no short name
    (Named(None, "Europe Solidaire Sans Frontieres", "ESSF", "FR"), ESSF, Likeness.SAME),   # accents
    (Named(None, "People's Liberation Party", None, "ID"), PPR, Likeness.SAME),            # typographic quote
    (Named(None, "Peoples Liberation Party", "PPR", None), PPR, Likeness.SAME),            # no country given
    (Named(None, "Workers & Peasants Union", None, "PH"), Named(4, "Workers and Peasants Union", None, "PH"),
     Likeness.SAME),                                                                        # & / and
    (Named(None, "Partido Lakas ng Massa", "PLM", "PH"), Named(5, "Partido Lakas ng Masa", "PLM", "PH"),
     Likeness.SAME),                                                                        # a typo
    (Named(None, "PSM", None, "MY"), PSM, Likeness.SAME),              # the short name alone, same country
    (Named(None, "CCOO from Spain", None, "ES"), Named(7, "Confederación Sindical de Comisiones Obreras", "CCOO", "ES"),
     Likeness.SAME),                                                    # the short name and "from <country>"
    (Named(None, "Parti Sosialis Malaysia / Socialist Party of Malaysia", None, "MY"), PSM, Likeness.SAME),  # A / B
    # close: a coordinator decides, with both shown
    (Named(None, "PSM", None, None), PSM, Likeness.SIMILAR),                                # short name, no country
    (Named(None, "Socialist Party of Malaysia", None, "MY"), PSM, Likeness.SIMILAR),        # a translation
    (Named(None, "Socialist Alliance Australia", None, "AU"), Named(6, "Socialist Alliance", None, "AU"),
     Likeness.SIMILAR),                                                                     # contains a listed name
    (Named(None, "Socialist Party of Malaysia", "PSM", "MY"), PSM, Likeness.SIMILAR),       # same short name
    (Named(None, "Parti Sosialis Malaysiana", None, "MY"), PSM, Likeness.SIMILAR),
    (Named(None, "Partido Lakas ng Massa", "PLM", None), Named(5, "Partido Lakas ng Masa", "PLM", "PH"),
     Likeness.SIMILAR),                                                                     # typo, country unknown
    # different organizations
    (Named(None, "Parti Sosialis Malaysia", "PSM", "SG"), PSM, None),                       # another country
    (Named(None, "Socialist Alliance", None, "AU"), Named(6, "Socialist Union", None, "AU"), None),
    (Named(None, "Partido Manggagawa", None, "PH"), Named(5, "Partido Lakas ng Masa", "PLM", "PH"), None),
])
def test_compare(written, known, likeness):
    match = compare(written, known)
    assert (match.likeness if match else None) is likeness, match


def test_normalize_folds_what_people_vary():
    assert normalize("  Europe  Solidaire & Sans-Frontières (ESSF) ") == "europe solidaire and sans frontieres essf"
    assert normalize("People’s") == normalize("Peoples") == normalize("PEOPLE'S")
    assert name_key("Parti Sosialis Malaysia", "my") == name_key("parti sosialis  malaysia", "MY")
    assert name_key("Socialist Alliance", "AU") != name_key("Socialist Alliance", "GB")


def test_the_twenty_signatories_of_the_statement_are_all_different():
    names = [("Parti Sosialis Malaysia", "PSM", "MY"), ("Partido Lakas ng Masa", "PLM", "PH"),
             ("People’s Liberation Party", "PPR", "ID"), ("Socialist Union", "Perserikatan Sosialis", "ID"),
             ("Partai Rakyat Pekerja", "PRP", "ID"), ("Socialist Workers Thailand", "SWT", "TH"),
             ("Communist Party of India (Marxist-Leninist) Liberation", None, "IN"),
             ("Papuan Student Alliance", None, "ID"), ("PEMBEBASAN", None, "ID"), ("Praxis", None, "ID"),
             ("Gabungan Marhaen", None, "MY"), ("#GegarAmerika", None, "MY"), ("Jentayu", None, "MY"),
             ("Sekolah Merdeka", None, "MY"), ("Haqooq Khalq Party", None, "PK"),
             ("Partido Manggagawa", None, "PH"), ("Front Line Socialist Party", None, "LK"),
             ("DinDeng", None, "TH"), ("Socialist Alliance", None, "AU"),
             ("Europe solidaire sans frontières", "ESSF", "FR")]
    known = [Named(i, *n) for i, n in enumerate(names)]
    for i, n in enumerate(known):
        assert best_match(Named(None, n.organization, n.short_name, n.country), known[:i]) is None, n


def test_best_match_prefers_the_same_over_a_closer_looking_similar():
    known = [Named(7, "Parti Sosialis Malaysiana", None, "MY"), PSM]
    match = best_match(Named(None, "parti sosialis malaysia", None, "MY"), known)
    assert match.candidate == PSM and match.likeness is Likeness.SAME


def test_thresholds_are_settings():
    near = Named(None, "Partido Lakas ng Massa", None, "PH")
    plm = Named(5, "Partido Lakas ng Masa", None, "PH")
    assert compare(near, plm, Thresholds(same=99, similar=85)).likeness is Likeness.SIMILAR
    assert compare(near, plm, Thresholds(same=99, similar=99)) is None


# ---- a property: the public list never holds one organization twice ---------------------------------------------

LISTED = [  # the statement's "Signed by" list, and an organization known by its acronym
    ("Parti Sosialis Malaysia", "PSM", "MY", "Malaysia"), ("Partido Lakas ng Masa", "PLM", "PH", "Philippines"),
    ("People’s Liberation Party", "PPR", "ID", "Indonesia"), ("Socialist Union", "Perserikatan Sosialis", "ID",
                                                             "Indonesia"),
    ("Partai Rakyat Pekerja", "PRP", "ID", "Indonesia"), ("Socialist Workers Thailand", "SWT", "TH", "Thailand"),
    ("Communist Party of India (Marxist-Leninist) Liberation", None, "IN", "India"),
    ("Papuan Student Alliance", None, "ID", "Indonesia"), ("PEMBEBASAN", None, "ID", "Indonesia"),
    ("Gabungan Marhaen", None, "MY", "Malaysia"), ("Haqooq Khalq Party", None, "PK", "Pakistan"),
    ("Partido Manggagawa", None, "PH", "Philippines"), ("Front Line Socialist Party", None, "LK", "Sri Lanka"),
    ("Socialist Alliance", None, "AU", "Australia"), ("Europe solidaire sans frontières", "ESSF", "FR", "France"),
    ("Confederación Sindical de Comisiones Obreras", "CCOO", "ES", "Spain"),
]
FILLER = ("Solidarity Network", "Kolektif Rakyat", "Komite Aksi", "Movimiento Popular", "Collectif Rouge")


def _variants(name: str, short: str | None, country_text: str, rng) -> list[tuple[str, str | None]]:
    """How endorsers write a listed organization again: case and accents, the acronym alone, "X from
    <country>", a bilingual "A / B" either way round, the name inside a longer one, a word-for-word translation."""
    import unicodedata
    from storage.dedupe import TRANSLATIONS
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    other = rng.choice(FILLER)
    found = [(name.upper(), short), (plain.lower(), None), (f"{name} from {country_text}", None),
             (f"{name} / {other}", short), (f"{other} / {name}", None),
             (f"{name} {rng.choice(('Youth', 'Collective', 'Network'))}", None)]
    if short:
        found += [(short, None), (f"{short} from {country_text}", None)]
    english = {w: canon for canon, words in TRANSLATIONS.items() for w in words}
    english.update({canon: rng.choice(words) for canon, words in TRANSLATIONS.items()})
    translated = " ".join(english.get(w.lower(), w) for w in name.split())
    if translated.lower() != name.lower() and len(name.split()) >= 2:   # one word alone is not a name's meaning
        found.append((translated, short))
    return found


@pytest.mark.parametrize("seed", range(5))
def test_no_variant_of_a_listed_name_becomes_a_second_organization(seed):
    import random
    rng = random.Random(seed)
    known = [Named(i, name, short, code) for i, (name, short, code, _) in enumerate(LISTED)]
    for k, (name, short, code, country_text) in zip(known, LISTED):
        for written, written_short in _variants(name, short, country_text, rng):
            for country in (code, None):
                match = best_match(Named(None, written, written_short, country), known)
                assert match is not None and match.candidate.id == k.id, (written, country, match)
