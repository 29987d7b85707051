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


def _pair(a: Named, b: Named) -> _Pair:
    na, nb = normalize(a.organization), normalize(b.organization)
    score = max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb)) if na and nb else 0.0
    return _Pair(na, nb, normalize(a.short_name), normalize(b.short_name), (a.country or "").upper(),
                 (b.country or "").upper(), score)


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


# (rule, verdict): the first rule that gives a reason decides; None as verdict means "not the same".
RULES: tuple[tuple[Callable[[_Pair, Thresholds], str | None], Likeness | None], ...] = (
    (_other_country, None),
    (_same_name, Likeness.SAME),
    (_near_identical, Likeness.SAME),
    (_same_short_name, Likeness.SIMILAR),
    (_name_is_short_name, Likeness.SIMILAR),
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
