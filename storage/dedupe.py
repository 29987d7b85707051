"""Is this the same organization as one already in the registry?  Pure.

CiviCRM's dedupe (exact name or exact email) misses "PSM" against "Parti
Sosialis Malaysia (PSM)", accents, ``&`` against "and" and typographic
quotes.  Here names are normalized first (accents, case, quotes, ``&``,
punctuation), then compared with rapidfuzz; the verdict comes from an ordered
table of small rules, first answer wins:

* ``SAME``: the registry can merge on its own (same normalized name, or a
  near-identical one in the same country without conflicting short names);
* ``SIMILAR``: a coordinator decides, with both candidates shown;
* no match: another organization.

Two organizations with one name in different countries (a "Socialist
Alliance" in Australia and in Britain) are different organizations.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Callable, Iterable

from rapidfuzz import fuzz

APOSTROPHES = re.compile(r"[’'`´‘ʼ]")
NOT_WORD = re.compile(r"[\W_]+")


def normalize(name: str | None) -> str:
    """``People’s  Liberation & Party`` → ``peoples liberation and party``: what a comparison sees."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = APOSTROPHES.sub("", text).replace("&", " and ")
    return " ".join(NOT_WORD.sub(" ", text).split())


def name_key(organization: str | None, country: str | None) -> str:
    """The registry's unique key: one row per organization name and country, ever."""
    return f"{normalize(organization)}|{(country or '').upper()}"


class Likeness(StrEnum):
    SAME = "same"          # merge without asking
    SIMILAR = "similar"    # a coordinator decides


@dataclass(frozen=True)
class Named:
    """What a comparison needs of an organization: ``id`` is the caller's (a signatory's id)."""

    id: int | None
    organization: str | None
    short_name: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Match:
    likeness: Likeness
    candidate: Named
    score: float
    reason: str


@dataclass(frozen=True)
class Thresholds:
    same: float = 96.0       # at or above (same country, no conflicting short name): the same organization
    similar: float = 85.0    # at or above: close enough that a coordinator must look


# Words of organization names in the languages endorsers write, each with its English equivalent: two names that
# say the same in two languages ("Partido Socialista" and "Socialist Party") are shown side by side.
TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "party": ("partido", "parti", "partai", "parti", "partei", "partito", "พรรค", "党"),
    "socialist": ("socialista", "socialiste", "sosialis", "sozialistische", "sozialistisch", "sosyalista"),
    "socialism": ("socialismo", "socialisme", "sosialisme"),
    "communist": ("comunista", "communiste", "komunis", "kommunistische", "komunista"),
    "workers": ("worker", "trabajadores", "travailleurs", "trabalhadores", "pekerja", "buruh", "manggagawa",
                "arbeiter", "lavoratori", "obreros", "ouvriers", "operai"),
    "people": ("peoples", "pueblo", "peuple", "povo", "rakyat", "masa", "bayan", "volk", "popolo", "popular",
               "populaire"),
    "union": ("unión", "union", "unione", "união", "serikat", "kesatuan", "perserikatan", "unyon", "gewerkschaft",
              "sindicato", "syndicat", "sindacato", "confederation", "confederación", "confédération",
              "confederação", "konfederasi"),
    "alliance": ("alianza", "aliança", "alliance", "aliansi", "gabungan", "pakikipagkaisa", "bündnis", "allianza"),
    "front": ("frente", "front", "fronte", "barisan", "prente"),
    "students": ("student", "estudiantes", "étudiants", "etudiants", "estudantes", "mahasiswa", "pelajar",
                 "mag-aaral", "studenten", "studenti"),
    "women": ("mujeres", "femmes", "mulheres", "perempuan", "wanita", "kababaihan", "frauen", "donne"),
    "youth": ("juventud", "jeunesse", "juventude", "pemuda", "belia", "kabataan", "jugend", "gioventù"),
    "movement": ("movimiento", "mouvement", "movimento", "gerakan", "pergerakan", "kilusan", "bewegung"),
    "liberation": ("liberación", "libération", "libertação", "pembebasan", "pagpapalaya", "befreiung"),
    "solidarity": ("solidaridad", "solidarité", "solidariedade", "solidaritas", "perpaduan", "pagkakaisa",
                   "solidarität", "solidarietà"),
    "democratic": ("democrático", "democrática", "démocratique", "democrático", "demokratik", "demokratis",
                   "demokratische"),
    "labour": ("labor", "trabajo", "travail", "trabalho", "buruh", "paggawa", "arbeit", "lavoro"),
    "league": ("liga", "ligue", "lega", "liga"),
    "federation": ("federación", "fédération", "federação", "federasi", "persekutuan", "pederasyon"),
    "network": ("red", "réseau", "rede", "jaringan", "rangkaian", "network", "netzwerk", "rete"),
    "committee": ("comité", "comite", "comitê", "komite", "jawatankuasa", "komite", "komitee", "comitato"),
    "association": ("asociación", "associação", "asosiasi", "persatuan", "samahan", "verband", "associazione"),
    "revolutionary": ("revolucionario", "révolutionnaire", "revolucionário", "revolusioner", "rebolusyonaryo"),
    "green": ("verde", "vert", "verts", "hijau", "grüne"),
    "left": ("izquierda", "gauche", "esquerda", "kiri", "kaliwa", "linke", "sinistra"),
    "new": ("nuevo", "nueva", "nouveau", "nouvelle", "novo", "nova", "baru", "bago", "neue", "nuovo"),
}
_CANONICAL = {word: canon for canon, words in TRANSLATIONS.items() for word in (canon, *words)}
_CANONICAL = {normalize(w): c for w, c in _CANONICAL.items()}
# Little words a translation adds or drops ("of", "de", "ng"), and the wording of "X from <country>".
_LINKS = frozenset({"of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "des", "du", "le", "les",
                    "da", "do", "dos", "das", "e", "y", "et", "ng", "sa", "mga", "dan", "untuk", "der", "die",
                    "und", "di", "della", "dei"})
# Only words that never begin a name's own tail ("of", "de" do: "Communist Party of India", "Partido de …").
_FROM_PLACE = re.compile(r"\s+(?:from|desde|dari|aus)\s+(?:the\s+)?\w+(?:\s+\w+){0,2}$")
_BILINGUAL = re.compile(r"\s+[/|]\s+|\s+[–—]\s+|\s*/\s*(?=\S)")


def variants(name: str | None) -> frozenset[str]:
    """The normalized forms one organization's name is met in: whole, each side of "A / B", without a trailing
    "from <place>"."""
    whole = normalize(name)
    if not whole:
        return frozenset()
    found = {whole}
    for part in _BILINGUAL.split(name or ""):
        part = normalize(part)
        if len(part) >= 3:
            found.add(part)
    for form in list(found):
        bare = _FROM_PLACE.sub("", form)
        if bare != form and len(bare) >= 2:
            found.add(bare)
    return frozenset(found)


def meaning(name: str) -> tuple[str, ...]:
    """A normalized name as English name words, sorted: what two translations of one name share."""
    return tuple(sorted(_CANONICAL.get(w, w) for w in name.split() if w not in _LINKS))


@dataclass(frozen=True)
class _Pair:
    """Two organizations, normalized once for every rule."""

    name_a: str
    name_b: str
    short_a: str
    short_b: str
    country_a: str
    country_b: str
    score: float
    forms_a: frozenset[str] = frozenset()
    forms_b: frozenset[str] = frozenset()

    @property
    def same_country(self) -> bool:
        return bool(self.country_a) and self.country_a == self.country_b


def _pair(a: Named, b: Named) -> _Pair:
    na, nb = normalize(a.organization), normalize(b.organization)
    score = max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb)) if na and nb else 0.0
    return _Pair(na, nb, normalize(a.short_name), normalize(b.short_name), (a.country or "").upper(),
                 (b.country or "").upper(), score, variants(a.organization), variants(b.organization))


def _other_country(p: _Pair, t: Thresholds) -> str | None:
    if p.country_a and p.country_b and p.country_a != p.country_b:
        return f"different countries ({p.country_a}, {p.country_b})"
    return None


def _same_name(p: _Pair, t: Thresholds) -> str | None:
    return "the same name" if p.name_a and p.name_a == p.name_b else None


def _near_identical(p: _Pair, t: Thresholds) -> str | None:
    shorts_conflict = p.short_a and p.short_b and p.short_a != p.short_b
    if p.score >= t.same and p.country_a == p.country_b and not shorts_conflict:
        return f"a near-identical name (score {p.score:.0f})"
    return None


def _same_short_name(p: _Pair, t: Thresholds) -> str | None:
    return f"the same short name {p.short_a.upper()!r}" if p.short_a and p.short_a == p.short_b else None


def _name_is_short_name(p: _Pair, t: Thresholds) -> str | None:
    if p.name_a and (p.name_a == p.short_b or p.name_b == p.short_a):
        return "one's name is the other's short name"
    return None


def _similar_name(p: _Pair, t: Thresholds) -> str | None:
    return f"a similar name (score {p.score:.0f})" if p.score >= t.similar else None


def _shared_form(p: _Pair, t: Thresholds) -> str | None:
    """One side of a bilingual "A / B", or the name without "from <country>", is the other's name."""
    shared = (p.forms_a & p.forms_b) - {""}
    return f"one name is a form of the other ({sorted(shared)[0]!r})" if shared else None


def _acronym_alone(p: _Pair, t: Thresholds) -> str | None:
    """One side is only the other's short name ("CCOO", "CCOO from Spain")."""
    if (p.short_b and p.short_b in p.forms_a) or (p.short_a and p.short_a in p.forms_b):
        return "one is named by the other's short name alone"
    return None


def _translation(p: _Pair, t: Thresholds) -> str | None:
    ma, mb = meaning(p.name_a), meaning(p.name_b)
    return "the same name in another language" if len(ma) >= 2 and ma == mb and p.name_a != p.name_b else None


def _contains(p: _Pair, t: Thresholds) -> str | None:
    """One name holds the other whole ("Front Line Socialist Party" in "Front Line Socialist Party Youth")."""
    short, long = sorted((p.name_a, p.name_b), key=len)
    if short and short != long and (len(short.split()) >= 2 or len(short) >= 6) and f" {short} " in f" {long} ":
        return "one name contains the other"
    return None


def _if_same_country(rule: Callable[[_Pair, Thresholds], str | None]) -> Callable[[_Pair, Thresholds], str | None]:
    """The rule, only for two organizations in the same country (both known)."""
    def same_country_rule(p: _Pair, t: Thresholds) -> str | None:
        reason = rule(p, t) if p.same_country else None
        return f"{reason}, in the same country" if reason else None
    return same_country_rule


# (rule, verdict): the first rule that gives a reason decides; None as verdict means "not the same".
RULES: tuple[tuple[Callable[[_Pair, Thresholds], str | None], Likeness | None], ...] = (
    (_other_country, None),
    (_same_name, Likeness.SAME),
    (_near_identical, Likeness.SAME),
    (_if_same_country(_shared_form), Likeness.SAME),      # "A / B" and "B"; "X from Spain" and "X", Spain
    (_if_same_country(_acronym_alone), Likeness.SAME),    # "CCOO", Spain and "Confederación … (CCOO)", Spain
    (_shared_form, Likeness.SIMILAR),
    (_acronym_alone, Likeness.SIMILAR),
    (_same_short_name, Likeness.SIMILAR),
    (_name_is_short_name, Likeness.SIMILAR),
    (_translation, Likeness.SIMILAR),
    (_contains, Likeness.SIMILAR),
    (_similar_name, Likeness.SIMILAR),
)


def compare(new: Named, known: Named, thresholds: Thresholds = Thresholds()) -> Match | None:
    """How *new* relates to *known*, or None when they are different organizations."""
    pair = _pair(new, known)
    for rule, likeness in RULES:
        reason = rule(pair, thresholds)
        if reason:
            return Match(likeness, known, pair.score, reason) if likeness else None
    return None


def best_match(new: Named, known: Iterable[Named], thresholds: Thresholds = Thresholds()) -> Match | None:
    """The closest of *known*: any SAME before any SIMILAR, then the higher score."""
    matches = [m for m in (compare(new, k, thresholds) for k in known) if m]
    if not matches:
        return None
    return max(matches, key=lambda m: (m.likeness is Likeness.SAME, m.score))
